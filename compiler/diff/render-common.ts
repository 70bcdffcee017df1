/** What the text and Markdown renderers of `xprc diff` share. */

import type { Counts, NodeDiff, SiteDiff } from './model.js';
import { summarize } from './model.js';

/** How the two sides are named in the output, e.g. `HEAD:site.json` and `site.json`. */
export interface DiffLabels {
    readonly old: string;
    readonly new: string;
}

/**
 * Changed nodes whose changes are identical apart from the node's name
 * (a change to a baseline profile that many nodes apply) are shown once,
 * so a one-line edit to a profile of a 50-node site stays a few lines.
 * Groups keep the order of their first node; added and removed nodes are
 * never grouped (their sections list their whole content).
 */
export function groupNodes(nodes: readonly NodeDiff[]): NodeDiff[][] {
    const groups: NodeDiff[][] = [];
    const bySignature = new Map<string, NodeDiff[]>();
    for (const node of nodes) {
        if (node.change !== 'changed' || node.settings.some((s) => s.name === 'name')) {
            groups.push([node]);
            continue;
        }
        const signature = JSON.stringify({ ...node, name: '' });
        const group = bySignature.get(signature);
        if (group) {
            group.push(node);
        } else {
            const fresh = [node];
            bySignature.set(signature, fresh);
            groups.push(fresh);
        }
    }
    return groups;
}

function counted(what: string, c: Counts): string | undefined {
    const parts = (['added', 'removed', 'changed'] as const).filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`);
    return parts.length === 0 ? undefined : `${what}: ${parts.join(', ')}`;
}

/** `Summary: nodes: 1 changed; resources: 1 changed; registry values: 1 changed.` */
export function summaryText(diff: SiteDiff): string {
    const s = summarize(diff);
    const parts = [
        counted('nodes', s.nodes),
        s.settings > 0 ? `settings: ${s.settings} changed` : undefined,
        counted('credentials', s.credentials),
        counted('resources', s.resources),
        counted('registry values', s.registryValues),
        counted('manual steps', s.manualSteps),
        counted('plan steps', s.planSteps),
    ].filter((p): p is string => p !== undefined);
    return `Summary: ${parts.join('; ')}.`;
}
