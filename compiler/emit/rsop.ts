/** RSOP.md in each node's folder: the node's resultant set of policy (emit/rsop-model.ts), with the source of every value. */

import { dscBlocks } from '../dsc/resources/index.js';
import { DEFAULT_FIREWALL_PROFILES, DEFAULT_OS } from '../frontend/defaults.js';
import type { ResolvedNode, ResolvedSite } from '../frontend/resolve.js';
import { parsePointer } from '../frontend/source.js';
import type { Sources } from '../frontend/sources.js';
import type { NodeIR, SiteIR } from '../ir/types.js';
import { VERSION } from '../version.js';
import { escapeUnsafe } from '../diagnostics/display.js';
import { chainRows, type ChainRow } from './rsop-model.js';
import { render } from './templates.js';

export interface Layering {
    readonly resolved: ResolvedSite;
    readonly sources: Sources;
}

export const RSOP_FILE = 'RSOP.md';

/** Whether the node gets RSOP.md: it has resources, or a layer gave it an item (all knocked out, perhaps). */
export function hasPolicy(node: NodeIR, layering: Layering): boolean {
    return node.resources.length > 0 || (layering.resolved.nodes.find((n) => n.pointer === node.source.pointer)?.history.length ?? 0) > 0;
}

export function emitRsop(site: SiteIR, node: NodeIR, layering: Layering): string {
    const { sources } = layering;
    const resolved = layering.resolved.nodes.find((n) => n.pointer === node.source.pointer);
    if (!resolved) {
        throw new Error(`Internal error: node ${node.name} has no resolved node`);
    }
    const defaults = layering.resolved.site.defaults;
    const where = (pointer: string) => sources.location(pointer);
    const blocks = dscBlocks(node);
    const refs = node.resources.map((r, i) => ({ resource: r, ref: `[${blocks[i]?.resourceType ?? r.kind}]${r.id}` }));
    // A baseline item is one resource; a product may make several from one manifest value.
    const resourceAt = new Map(refs.map(({ resource, ref }) => [resource.source.pointer, ref]));
    const baselinePointers = new Set(resolved.history.flatMap((h) => (h.winner ? [h.winner.pointer] : [])));

    return render('rsop.md.hbs', {
        node: node.name,
        version: VERSION,
        manifest: site.manifestName,
        layers: [
            { name: 'site defaults', appliedBy: 'every node', location: defaults ? where('/defaults') : '(none: built-in defaults)' },
            ...resolved.layers.map((layer) => ({
                name: layer.name,
                appliedBy: layer.kind === 'node' ? 'the node itself' : `${appliedByText(layer.appliedAt)}, ${where(layer.appliedAt)}`,
                location: where(layer.pointer),
            })),
        ].map((layer, i) => ({ number: i + 1, ...layer })),
        settings: settings(resolved, defaults?.os, defaults?.featureSource, defaults?.firewallProfiles, where),
        items: resolved.history.map((history) => ({
            label: escapeUnsafe(history.label),
            resource: history.winner ? (resourceAt.get(history.winner.pointer) ?? '') : '(knocked out)',
            rows: chainRows(history, sources).map((row, _i, all) => rowView(row, all.length > 1)),
        })),
        products: refs
            .filter(({ resource }) => !baselinePointers.has(resource.source.pointer))
            .map(({ resource, ref }) => ({ resource: ref, section: String(parsePointer(resource.source.pointer)[0] ?? ''), location: where(resource.source.pointer) }))
            .sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0)),
        steps: node.manualSteps.map((step) => ({ id: step.id, from: fromText(step.source.pointer, resolved), location: where(step.source.pointer) })),
    });
}

function rowView(row: ChainRow, chain: boolean): { value: string; struck: boolean; note: string; layer: string; location: string } {
    const by = row.replacedBy;
    if (row.action === 'knockout') {
        return { value: '(knocked out)', struck: false, note: '', layer: row.layer, location: row.location };
    }
    const note = by
        ? `${by.action === 'override' ? 'overridden' : 'knocked out'} by ${by.layer} (${by.location})`
        : row.action === 'same'
          ? '(the same settings again: merged)'
          : row.won && chain
            ? '(in effect)'
            : '';
    return { value: row.value, struck: by !== undefined, note, layer: row.layer, location: row.location };
}

function appliedByText(pointer: string): string {
    const [, , list] = parsePointer(pointer);
    return list === 'roles' ? 'a role of the node' : 'the node\'s "baselines"';
}

function fromText(pointer: string, node: ResolvedNode): string {
    const layer = node.layers.find((l) => pointer.startsWith(`${l.pointer}/`));
    return layer ? layer.name : `section ${String(parsePointer(pointer)[0] ?? '')}`;
}

function settings(
    node: ResolvedNode,
    defaultOs: string | undefined,
    defaultFeatureSource: string | undefined,
    defaultProfiles: readonly string[] | undefined,
    where: (pointer: string) => string,
): object[] {
    const nodeLayer = `nodes[${node.index}]`;
    const pick = (name: string, own: unknown, fallback: unknown, key: string, builtIn: string | undefined) =>
        own !== undefined
            ? [{ name, value: String(own), from: nodeLayer, location: where(`${node.pointer}/${key}`) }]
            : fallback !== undefined
              ? [{ name, value: Array.isArray(fallback) ? fallback.join(', ') : String(fallback), from: 'site defaults', location: where(`/defaults/${key}`) }]
              : builtIn !== undefined
                ? [{ name, value: builtIn, from: 'built-in default', location: '' }]
                : [];
    return [
        ...pick('os', node.node.os, defaultOs, 'os', DEFAULT_OS),
        ...pick('featureSource', node.node.featureSource, defaultFeatureSource, 'featureSource', undefined),
        ...pick('firewallProfiles (of rules without their own)', undefined, defaultProfiles, 'firewallProfiles', DEFAULT_FIREWALL_PROFILES.join(', ')),
    ];
}
