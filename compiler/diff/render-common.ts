/** What the text and Markdown renderers of `xprc diff` share. */

import type { Change, Counts, NodeDiff, Removal, SiteDiff } from './model.js';
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

/**
 * What a removed resource leaves on the node, as the renderers say it
 * (model.ts, Removal). `code` marks manifest and PowerShell spellings; the
 * text renderer prints them with backquotes, Markdown as code spans.
 */
export function removalText(removal: Removal, code: (s: string) => string): string {
    switch (removal) {
        case 'ensure-absent':
            return `no longer enforced: the node keeps its current state; use ${code('ensure: Absent')} to remove it`;
        case 'settings-kept':
            return `no longer enforced: the service keeps its current startup type, state and account; keep the item with the settings it should have to change them (${code('ensure: Absent')} would delete the service)`;
        case 'by-hand':
            return 'no longer enforced: the node keeps its current state; no manifest item removes it, so undo it by hand if it must go';
        case 'already-absent':
            return `no longer enforced: it stays removed, but if something brings it back nothing removes it again (keep the item with ${code('ensure: Absent')} to keep it away)`;
        case 'node-removed':
            return 'no longer in the site';
    }
}

/** A removed node: its LCM still holds, and may keep enforcing, the configuration it last received. */
export function removedNodeText(code: (s: string) => string): string {
    return `the node leaves the site, but its LCM keeps the configuration it last received (and with ApplyAndAutoCorrect keeps enforcing it); run ${code(
        'Remove-DscConfigurationDocument -Stage Current, Pending, Previous',
    )} on the node to stop that`;
}

/** The changes a diff shows, to say in the legend only the markers that occur. */
export function changesShown(diff: SiteDiff): { readonly changes: ReadonlySet<Change>; readonly removals: boolean } {
    const changes = new Set<Change>();
    let removals = false;
    if (diff.settings.length > 0) changes.add('changed');
    diff.plan.forEach((s) => changes.add(s.change));
    for (const node of diff.nodes) {
        changes.add(node.change);
        for (const list of [node.settings.length > 0 ? [{ change: node.change }] : [], node.credentials, node.resources, node.registry, node.manualSteps]) {
            list.forEach((item) => changes.add(item.change));
        }
        if (node.stepOrder) changes.add('changed');
        removals ||= node.change === 'removed' || node.resources.some((r) => r.removal !== null);
    }
    return { changes, removals };
}
