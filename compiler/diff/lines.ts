/**
 * A small line diff for multi-line values (script blocks, runbook
 * instructions), so that a one-line edit in a 40-line script shows as one
 * removed and one added line instead of both whole scripts.
 */

/** ' ' unchanged, '-' removed, '+' added, '…' an elided run of unchanged lines (text ''). */
export type LineOp = { readonly op: ' ' | '-' | '+' | '…'; readonly text: string };

/** Above this many cells the LCS table is not worth it: show old then new. */
const MAX_CELLS = 1_000_000;

/** Longest-common-subsequence diff; deterministic (removals before additions at each point). */
export function diffLines(oldLines: readonly string[], newLines: readonly string[]): LineOp[] {
    const n = oldLines.length;
    const m = newLines.length;
    if (n * m > MAX_CELLS) {
        return [...oldLines.map((text) => ({ op: '-' as const, text })), ...newLines.map((text) => ({ op: '+' as const, text }))];
    }
    // lcs[i][j]: length of the LCS of oldLines[i..] and newLines[j..].
    const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            lcs[i]![j] = oldLines[i] === newLines[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
        }
    }
    const out: LineOp[] = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && oldLines[i] === newLines[j]) {
            out.push({ op: ' ', text: oldLines[i]! });
            i++;
            j++;
        } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
            out.push({ op: '-', text: oldLines[i]! });
            i++;
        } else {
            out.push({ op: '+', text: newLines[j]! });
            j++;
        }
    }
    return out;
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
