/**
 * The ordering graph of a node's items: explicit `dependsOn` entries plus the
 * edges any engineer would expect without writing them (a file after the
 * folder that holds it, a folder after its parent folder).
 */

import { normaliseGuid } from './defaults.js';
import { normalisePath, registryIdentity, type ResolvedItem } from './items.js';
import type { ResolvedNode } from './resolve.js';

export interface UnknownTarget {
    readonly from: ResolvedItem;
    readonly target: string;
    readonly pointer: string;
}

export interface DependencyGraph {
    /** item → items it depends on, without duplicates, in a stable order. */
    readonly edges: ReadonlyMap<ResolvedItem, readonly ResolvedItem[]>;
    readonly unknown: readonly UnknownTarget[];
}

export function dependencyGraph(node: ResolvedNode): DependencyGraph {
    const lookup = new Map<string, ResolvedItem>();
    for (const item of node.items) {
        lookup.set(item.ref, item);
        if (item.kind === 'package') {
            lookup.set(`PACKAGE:${normaliseGuid(item.item.productId)}`, item);
        }
    }
    const edges = new Map<ResolvedItem, ResolvedItem[]>();
    const unknown: UnknownTarget[] = [];
    const add = (from: ResolvedItem, to: ResolvedItem): void => {
        const list = edges.get(from) ?? [];
        if (!list.includes(to) && from !== to) {
            list.push(to);
        }
        edges.set(from, list);
    };

    for (const item of node.items) {
        (item.item.dependsOn ?? []).forEach((target, j) => {
            const found = lookupRef(lookup, target);
            if (found) {
                add(item, found);
            } else {
                unknown.push({ from: item, target, pointer: `${item.pointer}/dependsOn/${j}` });
            }
        });
        if ((item.kind === 'file' || item.kind === 'folder') && (item.item.ensure ?? 'Present') === 'Present') {
            const parent = closestFolder(node.items, normalisePath(item.item.path));
            if (parent) {
                add(item, parent);
            }
        }
    }
    return { edges, unknown };
}

/** The item a `<kind>:<identity>` reference names (dependsOn, knockout): spelled as written, or in any spelling that means the same item. */
export function lookupRef(lookup: ReadonlyMap<string, ResolvedItem>, target: string): ResolvedItem | undefined {
    const separator = target.indexOf(':');
    const kind = target.slice(0, separator);
    const identity = target.slice(separator + 1);
    const candidates: string[] = [`${kind}:${identity}`];
    if (kind === 'registry') {
        const split = identity.lastIndexOf('\\');
        const key = identity.slice(0, split);
        const name = identity.slice(split + 1);
        candidates.push(`registry:${registryIdentity({ key, name, view: '64' })}`);
        candidates.push(`registry:${registryIdentity({ key, name, view: '32' })}`);
    } else if (kind === 'folder' || kind === 'file') {
        candidates.push(`${kind}:${normalisePath(identity)}`);
    } else if (kind === 'package') {
        candidates.push(`package:${normaliseGuid(identity)}`);
    }
    for (const candidate of candidates) {
        const found = lookup.get(candidate.toUpperCase());
        if (found) {
            return found;
        }
    }
    return undefined;
}

function closestFolder(items: readonly ResolvedItem[], path: string): ResolvedItem | undefined {
    let best: ResolvedItem | undefined;
    let bestLength = -1;
    const upper = path.toUpperCase();
    for (const item of items) {
        if (item.kind !== 'folder' || (item.item.ensure ?? 'Present') !== 'Present') {
            continue;
        }
        const folder = normalisePath(item.item.path).toUpperCase();
        const prefix = folder.endsWith('\\') ? folder : `${folder}\\`;
        if (upper.startsWith(prefix) && folder.length > bestLength) {
            best = item;
            bestLength = folder.length;
        }
    }
    return best;
}


/** Every elementary cycle found by depth-first search, each once, starting at its smallest label. */
export function findCycles(graph: DependencyGraph, items: readonly ResolvedItem[]): ResolvedItem[][] {
    const cycles = new Map<string, ResolvedItem[]>();
    const state = new Map<ResolvedItem, 'visiting' | 'done'>();
    const stack: ResolvedItem[] = [];

    const visit = (item: ResolvedItem): void => {
        state.set(item, 'visiting');
        stack.push(item);
        for (const next of graph.edges.get(item) ?? []) {
            if (state.get(next) === 'visiting') {
                const cycle = stack.slice(stack.indexOf(next));
                const rotated = rotateToSmallest(cycle);
                cycles.set(rotated.map((c) => c.ref).join('\u0000'), rotated);
            } else if (!state.has(next)) {
                visit(next);
            }
        }
        stack.pop();
        state.set(item, 'done');
    };
    for (const item of items) {
        if (!state.has(item)) {
            visit(item);
        }
    }
    return [...cycles.values()];
}

function rotateToSmallest(cycle: readonly ResolvedItem[]): ResolvedItem[] {
    let start = 0;
    cycle.forEach((item, i) => {
        if (item.label < (cycle[start]?.label ?? '')) {
            start = i;
        }
    });
    return [...cycle.slice(start), ...cycle.slice(0, start)];
}
