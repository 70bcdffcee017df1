/**
 * `xprc diff` for a terminal: one block per node (nodes with identical
 * changes, typically from a shared baseline profile, share one block), a
 * line per changed item and an indented line per changed property, old →
 * new. Colour only when the caller's Style has it (TTY and no NO_COLOR).
 */

import type { Style } from '../cli/format.js';
import { diffLines, withContext } from './lines.js';
import { registryStatePhrase, registryValueName, visible } from './display.js';
import type { Change, NodeDiff, SiteDiff, ValueChange } from './model.js';
import { hasChanges } from './model.js';
import { changesShown, groupNodes, removalText, removedNodeText, summaryText, type DiffLabels } from './render-common.js';

const SIGIL: Readonly<Record<Change, string>> = { added: '+', removed: '-', changed: '~' };
const NOT_SET = '(not set)';

export function renderDiffText(diff: SiteDiff, labels: DiffLabels, style: Style): string {
    const only = diff.selectedNodes ? ` (--node ${diff.selectedNodes.map(visible).join(', ')})` : '';
    const out: string[] = [style.bold(`xprc diff ${visible(labels.old)} → ${visible(labels.new)}${only}`)];
    if (!hasChanges(diff)) {
        out.push('', `No changes: both manifests give the same configuration${diff.selectedNodes ? ' of these nodes' : ''}.`);
        return `${out.join('\n')}\n`;
    }
    out.push(legend(diff, style));
    const sigil = (change: Change): string => {
        const colour = change === 'added' ? style.green : change === 'removed' ? style.red : style.yellow;
        return colour(SIGIL[change]);
    };
    const where = (change: Change, oldSource: string | null, newSource: string | null): string =>
        style.grey(`(${visible(change === 'removed' ? `${labels.old}#${oldSource ?? ''}` : `${labels.new}#${newSource ?? ''}`)})`);

    if (diff.settings.length > 0) {
        out.push('', `${sigil('changed')} ${style.bold('site')}`);
        out.push(...diff.settings.map((v) => `    ${valueLine(v, style)}`));
    }
    for (const group of groupNodes(diff.nodes)) {
        const node = group[0] as NodeDiff;
        const names = group.map((n) => visible(n.name)).join(', ');
        const title =
            group.length > 1 ? `nodes ${names} (${group.length} nodes, same changes)` : `node ${names}${node.change === 'changed' ? '' : ` (${node.change})`}`;
        out.push('', `${sigil(node.change)} ${style.bold(title)}`);
        if (node.change === 'removed') out.push(`    ${style.red('!')} ${removedNodeText(backquoted)}`);
        out.push(...nodeLines(node, style, sigil, where));
    }
    if (diff.plan.length > 0) {
        out.push('', `${sigil('changed')} ${style.bold('plan (PLAN.md)')}`);
        for (const step of diff.plan) {
            const moved = step.change === 'changed' && step.oldPhase !== step.newPhase ? ' (moved to another phase)' : '';
            out.push(`    ${sigil(step.change)} step ${visible(step.id)}: ${visible(step.step)}${moved} ${where(step.change, step.oldSource, step.newSource)}`);
            if (step.change !== 'removed') out.push(...valueLines(step.change, step.fields, style).map((line) => `        ${line}`));
        }
    }
    out.push('', summaryText(diff));
    return `${out.join('\n')}\n`;
}

function nodeLines(
    node: NodeDiff,
    style: Style,
    sigil: (change: Change) => string,
    where: (change: Change, oldSource: string | null, newSource: string | null) => string,
): string[] {
    const lines: string[] = [];
    const item = (change: Change, text: string) => lines.push(`    ${sigil(change)} ${text}`);
    const detail = (text: string) => lines.push(`        ${text}`);

    if (node.change === 'added' && node.settings.length > 0) {
        item('added', 'settings');
        valueLines('added', node.settings, style).forEach(detail);
    } else if (node.change === 'changed') {
        node.settings.forEach((v) => item('changed', `setting ${valueLine(v, style)}`));
    }
    for (const c of node.credentials) {
        item(c.change, `credential ${visible(c.name)}`);
        valueLines(c.change, c.fields, style).forEach(detail);
    }
    for (const r of node.resources) {
        const guide = r.guide ? style.grey(` [${visible(r.guide)}]`) : '';
        item(r.change, `[${visible(r.resourceType)}]${visible(r.id)} ${where(r.change, r.oldSource, r.newSource)}${guide}`);
        // A removed resource is named only (its old properties are in the old manifest and output), with what it leaves
        // on the node; a removed node says that once, above its resources.
        if (r.change !== 'removed') valueLines(r.change, r.properties, style).forEach(detail);
        else if (r.removal !== null && r.removal !== 'node-removed') detail(`${style.red('!')} ${removalText(r.removal, backquoted)}`);
    }
    for (const r of node.registry) {
        const name = `${visible(r.key)} ${registryValueName(r.name)}`;
        if (r.change === 'changed' && r.old && r.new) {
            item('changed', `registry ${name} ${where('changed', r.oldSource, r.newSource)}`);
            if (r.old.key !== r.new.key || r.old.name !== r.new.name) {
                detail(`spelling: ${visible(r.old.key)} ${registryValueName(r.old.name)} → ${visible(r.new.key)} ${registryValueName(r.new.name)}`);
            }
            const [before, after] = [registryStatePhrase(r.old), registryStatePhrase(r.new)];
            if (before !== after) detail(`${before} → ${after}`);
        } else {
            const state = (r.new ?? r.old)!;
            item(r.change, `registry ${name}: ${registryStatePhrase(state)} ${where(r.change, r.oldSource, r.newSource)}`);
        }
    }
    for (const s of node.manualSteps) {
        item(s.change, `manual step ${visible(s.id)} ${where(s.change, s.oldSource, s.newSource)}`);
        if (s.change !== 'removed') valueLines(s.change, s.fields, style).forEach(detail);
    }
    if (node.stepOrder) {
        item('changed', `manual step order: ${node.stepOrder.old.map(visible).join(', ')} → ${node.stepOrder.new.map(visible).join(', ')}`);
    }
    return lines;
}

const backquoted = (text: string): string => `\`${text}\``;

/** The markers the diff uses, one line: `Legend: + added, - removed, ~ changed (old → new); ! …`. */
function legend(diff: SiteDiff, style: Style): string {
    const { changes, removals } = changesShown(diff);
    const meaning: Readonly<Record<Change, string>> = { added: 'added', removed: 'removed', changed: 'changed (old → new)' };
    const parts = (['added', 'removed', 'changed'] as const).filter((c) => changes.has(c)).map((c) => `${SIGIL[c]} ${meaning[c]}`);
    const note = removals ? '; ! what a removal leaves on the node (DSC never undoes what it stops enforcing)' : '';
    return style.grey(`Legend: ${parts.join(', ')}${note}`);
}

/** `Name: old → new` for a changed value (single-line values). */
function valueLine(v: ValueChange, style: Style): string {
    return `${v.name}: ${v.old === null ? style.grey(NOT_SET) : v.old} → ${v.new === null ? style.grey(NOT_SET) : v.new}`;
}

/**
 * The values of an item: `Name = value` for an added item (aligned),
 * `Name: old → new` for a changed one, and a line diff under `Name:` when
 * either side spans several lines (script blocks, runbook instructions).
 */
function valueLines(change: Change, values: readonly ValueChange[], style: Style): string[] {
    const width = Math.max(0, ...values.map((v) => v.name.length));
    return values.flatMap((v) => {
        const multiLine = (v.old ?? '').includes('\n') || (v.new ?? '').includes('\n');
        if (change === 'added') {
            const [first = '', ...rest] = (v.new ?? '').split('\n');
            return [`${v.name.padEnd(width)} = ${first}`, ...rest.map((line) => `${' '.repeat(width + 3)}${line}`)];
        }
        if (!multiLine) {
            return [valueLine(v, style)];
        }
        const ops = withContext(diffLines(v.old === null ? [] : v.old.split('\n'), v.new === null ? [] : v.new.split('\n')));
        return [
            `${v.name}:`,
            ...ops.map((o) =>
                o.op === '…' ? `    ${style.grey('…')}` : o.op === '-' ? `  ${style.red(`- ${o.text}`)}` : o.op === '+' ? `  ${style.green(`+ ${o.text}`)}` : `    ${o.text}`,
            ),
        ];
    });
}
