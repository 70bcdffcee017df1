/**
 * `xprc diff --format md`: a pull-request comment. A heading and a summary
 * line, then one section per node (or per group of nodes with identical
 * changes) with a table per kind of change. Every value is an inline code
 * span with `|` escaped, so no manifest text can break a table or turn into
 * Markdown or HTML; multi-line values (script blocks, runbook instructions)
 * are shown as a ```diff block under their table.
 */

import { mdCellCode, mdCode } from '../emit/markdown.js';
import { diffLines, withContext } from './lines.js';
import { registryStatePhrase, registryValueName, visible } from './display.js';
import type { Change, NodeDiff, SiteDiff, ValueChange } from './model.js';
import { hasChanges } from './model.js';
import { changesShown, groupNodes, removalText, removedNodeText, summaryText, type DiffLabels } from './render-common.js';

/** A table cell holding `text` as code; '' stays an empty cell. */
function code(text: string | null): string {
    return text === null || text === '' ? '' : mdCellCode(visible(text));
}

/** A pointer under an item's name, in small print (HTML-escaped: it sits outside a code span). */
function source(label: string, pointer: string | null): string {
    if (pointer === null) return '';
    const text = visible(`${label}#${pointer}`).replace(/[&<>|\\`*_[\]~]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<br><sub>${text}</sub>`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
    return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

const isMultiLine = (v: ValueChange): boolean => (v.old ?? '').includes('\n') || (v.new ?? '').includes('\n');

/** A fence longer than any run of the fence character in the text. */
function fenced(info: string, lines: readonly string[]): string[] {
    const longest = Math.max(0, ...lines.flatMap((l) => (l.match(/`+/g) ?? []).map((run) => run.length)));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return [`${fence}${info}`, ...lines, fence, ''];
}

export function renderDiffMarkdown(diff: SiteDiff, labels: DiffLabels): string {
    const only = diff.selectedNodes ? ` (\`--node\` ${diff.selectedNodes.map(code).join(', ')})` : '';
    const out: string[] = [`### xprc diff: ${code(labels.old)} → ${code(labels.new)}${only}`, ''];
    if (!hasChanges(diff)) {
        out.push(`No changes: both manifests give the same configuration${diff.selectedNodes ? ' of these nodes' : ''}.`, '');
        return out.join('\n');
    }
    out.push(summaryText(diff), '', legend(diff), '');
    if (diff.settings.length > 0) {
        const cell = (value: string | null) => (value === null ? '_not set_' : code(value));
        out.push('#### Site', '', ...table(['Change', 'Setting', 'Old', 'New'], diff.settings.map((v) => ['changed', code(v.name), cell(v.old), cell(v.new)])));
    }
    for (const group of groupNodes(diff.nodes)) {
        const node = group[0] as NodeDiff;
        const names = group.map((n) => code(n.name)).join(', ');
        out.push(
            group.length > 1 ? `#### Nodes ${names} (${group.length} nodes, same changes)` : `#### Node ${names}${node.change === 'changed' ? '' : ` (${node.change})`}`,
            '',
            ...(node.change === 'removed' ? [`**!** The ${removedNodeText(mdCode).slice('the '.length)}.`, ''] : []),
            ...nodeSection(node, labels),
        );
    }
    if (diff.plan.length > 0) {
        const cell = (value: string | null) => (value === null ? '_not set_' : code(value));
        const rows = diff.plan.flatMap((step) => {
            const moved = step.change === 'changed' && step.oldPhase !== step.newPhase ? ' (moved)' : '';
            const item = `${code(step.id)}${moved}${source(step.change === 'removed' ? labels.old : labels.new, step.change === 'removed' ? step.oldSource : step.newSource)}`;
            return step.fields.map((v, i) => [i === 0 ? step.change : '', i === 0 ? item : '', code(v.name), cell(v.old), cell(v.new)]);
        });
        out.push('#### Plan (PLAN.md)', '', ...table(['Change', 'Step', 'Field', 'Old', 'New'], rows));
    }
    return out.join('\n');
}

/** The words the tables use, and what a removal leaves on the node; only what the diff shows. */
function legend(diff: SiteDiff): string {
    const { changes, removals } = changesShown(diff);
    const meaning: Readonly<Record<Change, string>> = {
        added: '**added**: the new configuration sets it',
        removed: '**removed**: the new configuration no longer lists it',
        changed: '**changed**: Old → New (_not set_: that side does not set it)',
    };
    const parts = (['added', 'removed', 'changed'] as const).filter((c) => changes.has(c)).map((c) => meaning[c]);
    const note = removals ? '; **!** what a removal leaves on the node (DSC never undoes what it stops enforcing)' : '';
    return `<sub>Legend: ${parts.join('; ')}${note}.</sub>`;
}

function nodeSection(node: NodeDiff, labels: DiffLabels): string[] {
    const out: string[] = [];
    const below: string[] = [];
    const side = (change: Change) => (change === 'removed' ? labels.old : labels.new);
    const src = (change: Change, oldSource: string | null, newSource: string | null) => source(side(change), change === 'removed' ? oldSource : newSource);

    /** Rows for an item's values; multi-line ones go below the table as a diff. */
    const valueRows = (change: Change, item: string, values: readonly ValueChange[], what: string): string[][] => {
        if (values.length === 0) return [[change, item, '', '', '']];
        return values.map((v, i) => {
            const first = i === 0 ? [change, item] : ['', ''];
            // In a changed item an empty cell would be ambiguous: say that the property is not set.
            const cell = (value: string | null) => (value === null && change === 'changed' ? '_not set_' : code(value));
            if (!isMultiLine(v)) return [...first, code(v.name), cell(v.old), cell(v.new)];
            const ops = withContext(diffLines(v.old === null ? [] : v.old.split('\n'), v.new === null ? [] : v.new.split('\n')));
            below.push(`**${what}, ${code(v.name)}:**`, '', ...fenced('diff', ops.map((o) => (o.op === '…' ? '  …' : `${o.op} ${o.text}`))));
            return [...first, code(v.name), '(see below)', '(see below)'];
        });
    };

    // A removed node is named only, like a removed resource.
    if (node.settings.length > 0 && node.change !== 'removed') {
        const change = node.change === 'added' ? 'added' : 'changed';
        const cell = (value: string | null) => (value === null && change === 'changed' ? '_not set_' : code(value));
        out.push(...table(['Change', 'Node setting', 'Old', 'New'], node.settings.map((v) => [change, code(v.name), cell(v.old), cell(v.new)])));
    }
    if (node.credentials.length > 0) {
        out.push(...table(['Change', 'Credential', 'Field', 'Old', 'New'], node.credentials.flatMap((c) => valueRows(c.change, code(c.name), c.fields, `Credential ${code(c.name)}`))));
    }
    if (node.resources.length > 0) {
        const rows = node.resources.flatMap((r) => {
            const name = `${code(`[${r.resourceType}]${r.id}`)}${src(r.change, r.oldSource, r.newSource)}`;
            // A removed resource is named only (its old properties are in the old manifest and output); its New cell says
            // what it leaves on the node (a removed node says that once, above the table).
            if (r.change === 'removed') {
                return [[r.change, name, '', '', r.removal === null || r.removal === 'node-removed' ? '' : `**!** ${removalText(r.removal, mdCellCode)}`]];
            }
            return valueRows(r.change, name, r.properties, code(`[${r.resourceType}]${r.id}`));
        });
        out.push(...table(['Change', 'DSC resource', 'Property', 'Old', 'New'], rows));
    }
    if (node.registry.length > 0) {
        const rows = node.registry.map((r) => [
            r.change,
            `${code(r.key)} ${code(registryValueName(r.name))}${src(r.change, r.oldSource, r.newSource)}`,
            r.old ? code(`${r.old.key !== r.key || r.old.name !== r.name ? `${r.old.key} ${registryValueName(r.old.name)}: ` : ''}${registryStatePhrase(r.old)}`) : '',
            r.new ? code(registryStatePhrase(r.new)) : '',
        ]);
        out.push(...table(['Change', 'Registry value', 'Old', 'New'], rows));
    }
    if (node.manualSteps.length > 0) {
        const rows = node.manualSteps.flatMap((s) =>
            valueRows(s.change, `${code(s.id)}${src(s.change, s.oldSource, s.newSource)}`, s.change === 'removed' ? [] : s.fields, `Manual step ${code(s.id)}`),
        );
        out.push(...table(['Change', 'Manual step', 'Field', 'Old', 'New'], rows));
    }
    if (node.stepOrder) {
        out.push(`Manual step order: ${node.stepOrder.old.map(code).join(', ')} → ${node.stepOrder.new.map(code).join(', ')}`, '');
    }
    return [...out, ...below];
}
