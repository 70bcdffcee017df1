/**
 * Quoting for runbooks (Markdown). Manifest values are shown as text, never
 * interpreted: inline formatting characters and HTML are escaped, and line
 * breaks flattened, so a value cannot start a heading, a list or a link.
 */

/** Text with Markdown and HTML special characters escaped, on one line. */
export function mdText(text: string): string {
    return text
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
        .replace(/[\\`*_\[\]<>|~&]/g, (ch) => `\\${ch}`);
}

/** An inline code span that holds any text: the fence is longer than any backtick run inside. */
export function mdCode(text: string): string {
    const flat = text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
    if (flat === '') {
        return '` `';
    }
    const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A block of engineer-written Markdown (runbook instructions): formatting is
 * kept, but raw HTML is escaped and a line cannot open a heading, so the
 * text cannot break the runbook's own structure.
 */
export function mdBlock(text: string): string {
    return text
        .replace(/\r\n|[\r\u2028\u2029]/g, '\n')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/^(\s*)#/gm, '$1\\#')
        // A line of only - or = under text would turn that text into a (setext) heading.
        .replace(/^(\s*)([-=])(?=[-=\s]*$)/gm, '$1\\$2')
        .trim();
}
