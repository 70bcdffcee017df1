/**
 * `xprc explain <NODE> <resource-id> --manifest <file>`: where one generated
 * resource (or runbook step) comes from. The DSC block as the .ps1 holds it,
 * the manifest location (file:line:col), the layer it came from (a named
 * baseline profile, the node's own baseline, or a product section) and the
 * guide section behind it when a product module names one.
 */

import type { DscBlock } from '../dsc/block.js';
import { dscBlocks } from '../dsc/resources/index.js';
import { psComment, psString, psValue } from '../emit/ps/quote.js';
import { parsePointer, type SourceText } from '../frontend/source.js';
import type { ManualStep, NodeIR, Resource, SiteIR } from '../ir/types.js';
import { lookupRef } from '../frontend/dependencies.js';
import type { ItemHistory } from '../frontend/layers.js';
import type { ResolvedItem } from '../frontend/items.js';
import type { ResolvedSite } from '../frontend/resolve.js';
import type { Sources } from '../frontend/sources.js';
import { chainRows, type ChainRow } from '../emit/rsop-model.js';
import { PRODUCTS } from '../products/index.js';
import { registryData, registryKeyName, registryValueName } from './display.js';

export interface Layer {
    /** `baselines.<profile>`, `nodes[<i>].baseline`, or the product section's name. */
    readonly name: string;
    readonly description: string;
}

export interface ExplainedItem {
    /** `item`: a baseline item that a more specific layer knocked out (no resource). */
    readonly kind: 'resource' | 'manualStep' | 'item';
    readonly node: string;
    /** `[xRegistry]Registry_…` for a resource, the step id for a step. */
    readonly ref: string;
    readonly pointer: string;
    /** `site.json:12:9`, or the file alone when the pointer has no position. */
    readonly location: string;
    readonly layer: Layer;
    readonly guide: string | null;
    /** `[Type]Name` of the resources applied first. */
    readonly dependsOn: readonly string[];
    /** The block as the node's .ps1 holds it (with its provenance comment), without the file's indentation. */
    readonly block: string | null;
    /** For a registry value: the same value as the .reg file sets it. */
    readonly registry: string | null;
    /** Generated files that hold the item, relative to the site's output folder. */
    readonly files: readonly string[];
    /** For a baseline item: every layer that set it, least specific first, with which one won (as RSOP.md shows it). */
    readonly chain: readonly ChainRow[];
}

/** What explain needs beyond the IR to show a baseline item's chain of layers (CompileResult.resolved and .sources). */
export interface ExplainLayers {
    readonly resolved: ResolvedSite;
    readonly sources: Sources;
}

export type ExplainLookup =
    | { readonly ok: true; readonly item: ExplainedItem }
    | { readonly ok: false; readonly missing: 'node'; readonly candidates: readonly string[] }
    | { readonly ok: false; readonly missing: 'item'; readonly node: string; readonly candidates: readonly string[] };

/** The layer of a manifest location, from the first segments of its pointer (see frontend/resolve.ts). */
export function layerOf(pointer: string, site?: SiteIR): Layer {
    const [first, second, third] = parsePointer(pointer);
    if (first === 'baselines' && second !== undefined) {
        return { name: `baselines.${second}`, description: `baseline profile "${second}", applied through the node's "baselines" list` };
    }
    if (first === 'nodes' && typeof second === 'number' && third === 'baseline') {
        const name = site?.nodes.find((n) => n.source.pointer === `/nodes/${second}`)?.name;
        return { name: `nodes[${second}].baseline`, description: `the own "baseline" of node ${name ?? `#${second}`}` };
    }
    if (first === 'credentials' && second !== undefined) {
        return { name: `credentials.${second}`, description: `the site's credential "${second}"` };
    }
    const product = PRODUCTS.find((p) => p.section === first);
    if (product) {
        return { name: product.section, description: `the ${product.title} product section "${product.section}"` };
    }
    return { name: String(first ?? '(manifest root)'), description: `the manifest's "${String(first ?? '')}" section` };
}

/**
 * A DSC block laid out exactly as templates/configuration.ps1.hbs writes it
 * (a test compares this with the generated .ps1), at the file's own
 * indentation of 8 spaces, which is then removed.
 */
export function formatBlock(block: DscBlock, manifestName: string): string {
    const width = Math.max(...block.properties.map((p) => p.name.length));
    const provenance = `${manifestName}#${block.source}${block.guide ? ` (${block.guide})` : ''}`;
    const lines = [
        `        ${psComment(provenance)}`,
        `        ${block.resourceType} ${psString(block.name)}`,
        '        {',
        ...block.properties.map((p) => `            ${p.name.padEnd(width)} = ${psValue(p.value, 12)}`),
        '        }',
    ];
    return lines
        .join('\n')
        .split('\n')
        .map((line) => (line.startsWith('        ') ? line.slice(8) : line.trimStart()))
        .join('\n');
}

function positionOf(pointer: string, manifest: string, source: SourceText | undefined): string {
    const start = source?.rangeOf({ pointer, part: 'value' })?.start;
    return start ? `${manifest}:${start.line}:${start.column}` : manifest;
}

/** Finds a resource (by instance name or `[Type]Name`) or a manual step (by id) of a node; names compare case-insensitively. */
export function explainItem(site: SiteIR, source: SourceText | undefined, manifest: string, nodeName: string, id: string, layers?: ExplainLayers): ExplainLookup {
    const node = site.nodes.find((n) => n.name.toUpperCase() === nodeName.toUpperCase());
    if (!node) {
        return { ok: false, missing: 'node', candidates: site.nodes.map((n) => n.name) };
    }
    const blocks = dscBlocks(node);
    const histories = layers?.resolved.nodes.find((n) => n.pointer === node.source.pointer)?.history ?? [];
    const where = (pointer: string) => (layers ? layers.sources.location(pointer, 'name') : positionOf(pointer, manifest, source));
    const chainOf = (history: ItemHistory | undefined) => (history && layers ? chainRows(history, layers.sources, 'name') : []);
    // An item identity as dependsOn writes it (`service:Spooler`), spelled any way that names the same item.
    const byIdentity = id.includes(':') ? historyOf(histories, id) : undefined;
    const wanted = id.toUpperCase();
    let index = blocks.findIndex((b) => b.name.toUpperCase() === wanted || `[${b.resourceType}]${b.name}`.toUpperCase() === wanted);
    if (index < 0 && byIdentity?.winner) {
        const winner = byIdentity.winner;
        index = node.resources.findIndex((r) => r.source.pointer === winner.pointer);
    }
    const block = blocks[index];
    const resource = node.resources[index];
    if (block && resource) {
        const history = byIdentity ?? histories.find((h) => h.winner?.pointer === resource.source.pointer);
        const layer = history?.winner ? layerOfEntry(history.winner, site) : undefined;
        return { ok: true, item: { ...explainResource(site, node, resource, block, source, manifest), location: where(resource.source.pointer), chain: chainOf(history), ...(layer ? { layer } : {}) } };
    }
    if (byIdentity && byIdentity.steps[0]?.action === 'set') {
        const first = byIdentity.steps[0].entry;
        return {
            ok: true,
            item: {
                kind: 'item', node: node.name, ref: byIdentity.label, pointer: first.pointer, location: where(first.pointer), layer: layerOfEntry(first, site),
                guide: null, dependsOn: [], block: null, registry: null, files: [`${node.fileStem}/RSOP.md`], chain: chainOf(byIdentity),
            },
        };
    }
    const step = node.manualSteps.find((s) => s.id.toUpperCase() === wanted);
    if (step) {
        return { ok: true, item: explainStep(site, node, step, source, manifest) };
    }
    return { ok: false, missing: 'item', node: node.name, candidates: [...blocks.map((b) => b.name), ...node.manualSteps.map((s) => s.id), ...histories.map((h) => h.label)] };
}

/** The layer a baseline item came from, with the role that applied it when a role did (frontend/layers.ts names it so). */
function layerOfEntry(entry: ResolvedItem, site: SiteIR): Layer {
    const role = /^baselines\.(.+) \(role (.+)\)$/.exec(entry.layer);
    return role ? { name: entry.layer, description: `baseline profile "${role[1]}", applied through the node's role "${role[2]}" (site "roles")` } : layerOf(entry.pointer, site);
}

/** The history of the item a `<kind>:<identity>` names, found as dependsOn finds its targets. */
function historyOf(histories: readonly ItemHistory[], id: string): ItemHistory | undefined {
    const byRef = new Map(histories.map((h) => [h.ref, h]));
    const entries = new Map<string, ResolvedItem>();
    for (const history of histories) {
        const step = history.steps.find((s) => s.action !== 'knockout');
        if (step) {
            entries.set(history.ref, step.entry);
        }
    }
    const found = lookupRef(entries, id);
    return found ? byRef.get(found.ref) : undefined;
}

function explainResource(site: SiteIR, node: NodeIR, resource: Resource, block: DscBlock, source: SourceText | undefined, manifest: string): ExplainedItem {
    const pointer = resource.source.pointer;
    const dependsOn = block.properties.find((p) => p.name === 'DependsOn')?.value;
    let registry: string | null = null;
    if (resource.kind === 'Registry') {
        const v = resource.value;
        const state = v.ensure === 'Absent' ? 'deleted' : v.data ? `${v.data.type} ${registryData(v.data)}` : 'key only';
        registry = `${registryKeyName(v)} ${registryValueName(v.name)}: ${state}`;
    }
    return {
        kind: 'resource',
        node: node.name,
        ref: `[${block.resourceType}]${block.name}`,
        pointer,
        location: positionOf(pointer, manifest, source),
        layer: layerOf(pointer, site),
        // Read defensively: products fill it in, and older IR producers may not.
        guide: typeof (resource as { guide?: unknown }).guide === 'string' ? ((resource as { guide?: string }).guide ?? null) : null,
        dependsOn: dependsOn && dependsOn.kind === 'dependsOn' ? dependsOn.value : [],
        block: formatBlock(block, site.manifestName),
        registry,
        files: [`${node.fileStem}/${node.fileStem}.ps1`, ...(resource.kind === 'Registry' ? [`${node.fileStem}/${node.fileStem}.reg`] : [])],
        chain: [],
    };
}

function explainStep(site: SiteIR, node: NodeIR, step: ManualStep, source: SourceText | undefined, manifest: string): ExplainedItem {
    const pointer = step.source.pointer;
    return {
        kind: 'manualStep',
        node: node.name,
        ref: step.id,
        pointer,
        location: positionOf(pointer, manifest, source),
        layer: layerOf(pointer, site),
        guide: step.guide ?? null,
        dependsOn: [],
        block: null,
        registry: null,
        files: [`${node.fileStem}/RUNBOOK.md`],
        chain: [],
    };
}
