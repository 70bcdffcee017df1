/**
 * The line diff for multi-line values (script blocks, runbook
 * instructions), so that a one-line edit in a 40-line script shows as one
 * removed and one added line instead of both whole scripts.
 *
 * The diff itself is jsdiff's `diffArrays` (Myers' O(ND) algorithm): its
 * memory grows with the number of differences, not with old × new lines,
 * so a long script is diffed line by line where the former hand-written
 * LCS table had to give up above a million cells and show the whole old
 * value, then the whole new one. Only the eliding of unchanged runs
 * (`withContext`) is xprc's own: its `…` layout is what the renderers show.
 */

import { diffArrays } from 'diff';

/** ' ' unchanged, '-' removed, '+' added, '…' an elided run of unchanged lines (text ''). */
export type LineOp = { readonly op: ' ' | '-' | '+' | '…'; readonly text: string };

/** A minimal line diff; deterministic, removals before additions at each point (jsdiff's order). */
export function diffLines(oldLines: readonly string[], newLines: readonly string[]): LineOp[] {
    return diffArrays([...oldLines], [...newLines]).flatMap((change) => {
        const op = change.added ? '+' : change.removed ? '-' : ' ';
        return change.value.map((text) => ({ op, text }) as LineOp);
    });
}

/**
 * The diff with unchanged runs shortened to `context` lines around each
 * change; an elided run becomes one `…` entry.
 */
export function withContext(ops: readonly LineOp[], context = 2): LineOp[] {
    const keep = ops.map((o) => o.op !== ' ');
    const near = ops.map((_, k) => {
        for (let d = -context; d <= context; d++) {
            if (keep[k + d]) return true;
        }
        return false;
    });
    const out: LineOp[] = [];
    for (let k = 0; k < ops.length; k++) {
        if (near[k]) {
            out.push(ops[k]!);
        } else if (out[out.length - 1]?.op !== '…') {
            out.push({ op: '…', text: '' });
        }
    }
    return out;
}
