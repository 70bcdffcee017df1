/**
 * `xprc diff --node <NAME>`: the diff of some nodes only. Names match a
 * node of either manifest case-insensitively (a node added or removed is
 * found on its one side). Kept: the site's own settings, which reach every
 * node's output, the sections of the selected nodes, and the plan steps that
 * run on them; dropped: other nodes and steps on other systems.
 */

import type { SiteIR } from '../ir/types.js';
import type { SiteDiff } from './model.js';

export type Selection = { readonly ok: true; readonly diff: SiteDiff } | { readonly ok: false; readonly unknown: string; readonly candidates: readonly string[] };

export function selectNodes(diff: SiteDiff, oldIr: SiteIR, newIr: SiteIR, names: readonly string[]): Selection {
    // The new spelling wins when both sides have the node, as in the diff itself.
    const known = new Map<string, string>();
    for (const node of [...oldIr.nodes, ...newIr.nodes]) known.set(node.name.toUpperCase(), node.name);
    const selected: string[] = [];
    for (const name of names) {
        const found = known.get(name.toUpperCase());
        if (found === undefined) {
            return { ok: false, unknown: name, candidates: [...new Set(known.values())] };
        }
        if (!selected.includes(found)) selected.push(found);
    }
    const wanted = new Set(selected.map((n) => n.toUpperCase()));
    return {
        ok: true,
        diff: {
            settings: diff.settings,
            nodes: diff.nodes.filter((n) => wanted.has(n.name.toUpperCase())),
            plan: diff.plan.filter((s) => s.node !== null && wanted.has(s.node.toUpperCase())),
            selectedNodes: selected,
        },
    };
}
