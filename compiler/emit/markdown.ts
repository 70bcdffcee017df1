/**
 * Quoting for runbooks (Markdown). Manifest values are shown as text, never
 * interpreted: inline formatting characters and HTML are escaped, line
 * breaks flattened and the first character made inert, so a value cannot
 * start a heading, a list, a rule, a quote, a table or a code block, or make
 * a link. Manual-step text (mdBlock) keeps its Markdown formatting, but no
 * HTML, headings, images, fences or links other than http, https and mailto.
 */

/** Text with Markdown and HTML special characters escaped, on one line. */
export function mdText(text: string): string {
    const inline = text
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
        .replace(/[\\`*_\[\]<>|~&]/g, (ch) => `\\${ch}`);
    return neutraliseLineStart(inline);
}

/**
 * Templates put some values at the start of a line (a description on its
 * own line), where `# x`, `- x`, `+ x`, `1. x`, `---`, `===` or four spaces
 * would open a heading, list, rule or code block. The first character is
 * made inert: leading white space becomes a character reference (still a
 * space to the reader), a block marker gets a backslash. (`>`, `|`, `*`,
 * `_`, `~`, backticks and `<` are escaped everywhere already.)
 */
function neutraliseLineStart(text: string): string {
    const lead = /^[ \t]+/.exec(text)?.[0] ?? '';
    const rest = text.slice(lead.length);
    const shownLead = lead.replace(/[ \t]/g, (ch) => (ch === ' ' ? '&#32;' : '&#9;'));
    // Only what CommonMark reads as a block marker is escaped, so "0.1.0" or "-x" stay as written.
    const marked = rest
        .replace(/^(#{1,6}|[+-])(?=[ \t]|$)/, '\\$1')
        .replace(/^(-[ \t]*-[ \t]*-[- \t]*|=+[ \t]*)$/, '\\$1')
        .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
    return shownLead + marked;
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
 * An inline code span in a GFM table cell. The table is split into cells at
 * every `|` before code spans are read, so a `|` inside the span must be
 * written `\|` (which a cell shows as `|`, also after a backslash of the
 * value: the splitter removes only the backslash right before the pipe).
 * Outside a table `\|` in a code span shows both characters, hence a
 * helper of its own: the template knows it is in a cell, mdCode cannot.
 */
export function mdCellCode(text: string): string {
    return mdCode(text).replace(/\|/g, '\\|');
}

/**
 * A block of engineer-written Markdown (runbook instructions): formatting is
 * kept, but raw HTML is escaped and a line cannot open a heading, so the
 * text cannot break the runbook's own structure.
 */
export function mdBlock(text: string): string {
    const normalised = text.replace(/\r\n|[\r\u2028\u2029]/g, '\n');
    let out = '';
    for (const piece of codeSpans(normalised)) {
        out += piece.code ? piece.text : escapeOutsideCode(piece.text);
    }
    // A line of only - or = under text would turn that text into a (setext) heading.
    return out.replace(/^([ \t>]*)([-=])(?=[-=\s]*$)/gm, '$1\\$2').trim();
}

/** Link targets a runbook may hold: the web and mail. `javascript:`, `file:`, `data:` and the rest are shown as text. */
const SAFE_LINK = /^<?(https?:\/\/|mailto:)/i;

/**
 * Links and images in engineer-written text: a link to http, https or mailto
 * stays a link; any other link, every image (a remote image is fetched when
 * the runbook is opened) and every reference definition is shown as text.
 * Fences (``` or ~~~ at a line start) are shown as text too, because an
 * unclosed one would swallow the rest of the runbook.
 */
function neutraliseLinks(text: string): string {
    return text
        .replace(/!\[/g, '\\!\\[')
        .replace(/(?<!\\)\[([^\]\n]*)\]\(\s*([^)\s]*)/g, (match, _label: string, target: string) => (SAFE_LINK.test(target) ? match : `\\${match}`))
        .replace(/^([ \t>]*)\[([^\]\n]*)\]:/gm, '$1\\[$2]:')
        .replace(/^([ \t>]*)(`{3,}|~{3,})/gm, (_m, lead: string, fence: string) => `${lead}${fence.replace(/[`~]/g, (ch) => `\\${ch}`)}`);
}

/**
 * Split text into code spans and the rest. Code spans (often made by
 * mdCode) show their text literally, so HTML must be escaped only outside
 * them: inside, `&amp;` would be shown as is and a copied command would be
 * wrong. Backtick runs pair as CommonMark pairs them (a run with the next
 * run of the same length); a pair counts as a code span only in the plain
 * one-line form mdCode writes, and from the first pair that would span
 * lines on, all text is treated as outside and escaped, which is always safe (a value shown with
 * &lt; in a rare case, never HTML let through).
 */
function codeSpans(text: string): { text: string; code: boolean }[] {
    // Backslash-escaped backticks, link brackets and longer backtick runs
    // change how renderers pair runs (markdown-it and cmark disagree there):
    // in such text no span is trusted, and everything is escaped.
    if (/\\`|\[|``/.test(text)) {
        return [{ text, code: false }];
    }
    const pieces: { text: string; code: boolean }[] = [];
    const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
    let done = 0;
    for (let i = 0; i < runs.length; i++) {
        const open = runs[i];
        if (!open || open.at < done) {
            continue; // Inside a span already taken.
        }
        const closeIndex = runs.findIndex((r, j) => j > i && r.length === open.length);
        const close = runs[closeIndex];
        if (!close) {
            continue; // Never closed: the run is literal text.
        }
        if (text.slice(open.at, close.at).includes('\n')) {
            // Whether a pair spans lines depends on the block structure
            // (quotes, lists, blank lines end a paragraph); trust nothing after it.
            break;
        }
        const end = close.at + close.length;
        pieces.push({ text: text.slice(done, open.at), code: false });
        pieces.push({ text: text.slice(open.at, end), code: true });
        done = end;
        i = closeIndex;
    }
    pieces.push({ text: text.slice(done), code: false });
    return pieces;
}

/** Outside code spans: no raw HTML, and no `#` that could open a heading (also in quotes and lists). */
function escapeOutsideCode(text: string): string {
    return neutraliseLinks(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/#/g, '\\#'));
}

/**
 * An explicit HTML anchor (`<a id="…"></a>`) for a link target that must
 * not move when headings are renumbered (PLAN.md ↔ RUNBOOK.md). The id is
 * reduced to lower-case letters, digits and `-`, so it needs no escaping.
 */
export function mdAnchor(id: string): string {
    const slug = id
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return `<a id="${slug}"></a>`;
}

/**
 * A Markdown link to a file of the output or an anchor in it. Targets are
 * built by xprc from validated node names and anchors; anything else than
 * letters, digits and `/._#-` is percent-encoded so it cannot end the link.
 */
export function mdLink(text: string, target: string): string {
    return `[${mdText(text)}](${target.replace(/[^A-Za-z0-9/._#-]/g, (ch) => encodeURIComponent(ch))})`;
}
