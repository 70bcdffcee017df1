import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../frontend/source.js';
import type { Rule } from './rule.js';

/** The markers of frontend/layers.ts that changed nothing, and roles no node has. */
export const layers: Rule = {
    name: 'layers',
    description: 'Every "override" replaces an item of a less specific layer, every knockout removes one, and every declared role is held by a node.',
    reports: ['OverrideWithoutTarget', 'KnockoutWithoutTarget', 'UnusedRole'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        for (const node of site.nodes) {
            for (const marker of node.unusedOverrides) {
                out.push(diag('OverrideWithoutTarget', { node: node.name, item: `"${marker.target}"`, layer: marker.layer }, at(marker.pointer)));
            }
            for (const marker of node.unusedKnockouts) {
                out.push(diag('KnockoutWithoutTarget', { node: node.name, ref: marker.target, layer: marker.layer }, at(marker.pointer)));
            }
        }
        const held = new Set(site.site.nodes.flatMap((node) => node.roles ?? []));
        for (const name of Object.keys(site.site.roles ?? {})) {
            if (!held.has(name)) {
                out.push(diag('UnusedRole', { name }, at(joinPointer('/roles', name), 'key')));
            }
        }
        return out;
    },
};
