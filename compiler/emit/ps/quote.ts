/**
 * PowerShell quoting: the ONLY place where manifest text becomes PowerShell
 * source. Templates lay out text; every value that came from a manifest goes
 * through one of these helpers first.
 *
 * Target: Windows PowerShell 5.1 (it compiles the DSC configurations) as well
 * as PowerShell 7. Everything emitted here is valid and means the same thing
 * in both.
 *
 * Language facts relied on (PowerShell Language Specification 3.0, §2.3.5.2
 * "String literals", and about_Quoting_Rules / about_Special_Characters):
 *
 *  - single-quote-character is any of U+0027 ', U+2018 ‘, U+2019 ’, U+201A ‚,
 *    U+201B ‛. Any of them ends a verbatim ('...') string, and a pair of them
 *    inside one stands for a single quote (the tokenizer keeps the SECOND
 *    character of the pair). So every one of the five is doubled.
 *  - double-quote-character is any of U+0022 ", U+201C “, U+201D ”, U+201E „;
 *    any of them ends an expandable ("...") string.
 *  - Inside an expandable string a backtick escapes the next character:
 *    `0 `a `b `f `n `r `t `v are the control escapes known to 5.1; any other
 *    character after a backtick stands for itself (so `$ `" `“ `` are
 *    literal, as is `#). `e and `u{XXXX} exist only in PowerShell 6+, so they are never
 *    emitted; other code units are written as the subexpression
 *    $([char]0xXX), which 5.1 evaluates to exactly that UTF-16 code unit.
 *  - new-line-character is only CR, LF or CRLF (§2.2.2). U+0085, U+2028 and
 *    U+2029 do NOT end a PowerShell line comment, but editors, diff tools and
 *    code reviewers do treat them as line breaks, so the comment helpers
 *    remove them anyway (a comment that *looks* like it ended and code that
 *    *looks* like it runs is just as bad in review).
 *  - Here-strings are never used.
 *
 * ENCODING REQUIREMENT for the file writer: Windows PowerShell 5.1 reads a
 * BOM-less script with the ANSI code page. Literals here carry non-ASCII text
 * verbatim, and in Windows-1252 the UTF-8 continuation bytes 0x82 0x84 0x91-0x94
 * decode as ‚ „ ‘ ’ “ ” -- i.e. as string delimiters (e.g. 'Ò' = C3 92 reads
 * as 'Ã’'). Files containing these literals MUST be written as UTF-8 WITH a
 * BOM.
 *
 * .psd1 CAVEAT: the `$([char]0xXX)` subexpression (used only for strings with
 * control / invisible characters that have no 5.1 backtick escape) is fine in
 * a .ps1, but readers that evaluate .psd1 files in restricted language mode
 * (module manifests, Import-LocalizedData, data sections) may refuse
 * subexpressions and casts. A .psd1 emitter that must stay restricted-
 * language-safe should reject such values (check needsExpandableForm /
 * inspect the result for `$(`) rather than emit them.
 */

import { commentText, INVISIBLE_FORMAT, LONE_SURROGATE } from '../comment-text.js';
import type { PsValue } from '../../dsc/block.js';

/** PowerShell's single-quote characters (spec §2.3.5.2: single-quote-character). */
export const PS_SINGLE_QUOTES: readonly string[] = ['\u0027', '\u2018', '\u2019', '\u201A', '\u201B'];
/** PowerShell's double-quote characters (spec §2.3.5.2: double-quote-character). */
export const PS_DOUBLE_QUOTES: readonly string[] = ['\u0022', '\u201C', '\u201D', '\u201E'];

/**
 * Code units a single-quoted literal is not allowed to carry; if any is
 * present psString switches to the expandable form and escapes them.
 *
 *  - C0 controls U+0000-U+001F (NUL, TAB, LF, CR, ESC ...): a verbatim string
 *    may legally span lines, but CR/LF inside a literal would be rewritten by
 *    line-ending normalisation (git autocrlf, editors), silently changing the
 *    value; NUL/ESC and friends make the file "binary" for tools and can
 *    drive terminals when the file is displayed.
 *  - DEL U+007F and the C1 controls U+0080-U+009F (incl. NEL U+0085).
 *  - U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR: line breaks for
 *    editors and reviewers, not for PowerShell.
 *  - Bidirectional formatting controls U+061C, U+200E, U+200F,
 *    U+202A-U+202E, U+2066-U+2069 ("Trojan Source", CVE-2021-42574): they
 *    make the displayed source differ from what PowerShell reads.
 *  - U+FEFF (BOM / zero-width no-break space): invisible, and stripped by some
 *    tools when it ends up at a line start.
 *  - Lone (unpaired) surrogates U+D800-U+DFFF: not encodable in UTF-8; the
 *    file writer would turn them into U+FFFD and change the value.
 *
 * Everything else (letters of any script, emoji as proper surrogate pairs,
 * NBSP, zero-width space ...) stays verbatim.
 */
const UNSAFE_CODE_UNIT = new RegExp(
    `[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029${INVISIBLE_FORMAT}]|${LONE_SURROGATE}`,
);

/** Windows PowerShell 5.1 backtick escapes (about_Special_Characters). */
const BACKTICK_ESCAPES: ReadonlyMap<string, string> = new Map([
    ['\u0000', '`0'],
    ['\u0007', '`a'],
    ['\u0008', '`b'],
    ['\u000C', '`f'],
    ['\n', '`n'],
    ['\r', '`r'],
    ['\t', '`t'],
    ['\u000B', '`v'],
]);

/** True when `s` contains a code unit that a verbatim literal must not carry (see UNSAFE_CODE_UNIT). */
export function needsExpandableForm(s: string): boolean {
    return UNSAFE_CODE_UNIT.test(s);
}

function hex(unit: number): string {
    const digits = unit.toString(16).toUpperCase();
    return digits.length <= 2 ? digits.padStart(2, '0') : digits.padStart(4, '0');
}

/** `$([char]0xXX)`: evaluates to that one UTF-16 code unit in 5.1 and 7. */
function charSubexpression(unit: number): string {
    return `$([char]0x${hex(unit)})`;
}

/**
 * A PowerShell string literal whose runtime value is exactly `s`.
 *
 * Normally a verbatim literal: `'...'` with every single-quote character
 * (', ‘, ’, ‚, ‛) doubled. Nothing else is special inside it: `$`, backtick,
 * `"`, `#`, `]`, `}` ... are plain characters.
 *
 * If `s` contains an unsafe code unit (see UNSAFE_CODE_UNIT) the result is an
 * expandable literal `"..."` instead, in which backtick, `$`, `"`, `“`, `”`,
 * `„` are backtick-escaped (PowerShell: a backtick before a character
 * without special meaning yields that character), and so is `#`: PowerShell
 * does not need it, but tree-sitter-powershell (our parse oracle, and what
 * editors use) lexes a `#` that follows an escape or a subexpression as a
 * comment start. Controls with a 5.1 escape are written as
 * `0 `a `b `f `n `r `t `v, and every other unsafe code unit as
 * `$([char]0xXX)`. The expandable literal never contains a raw control,
 * line terminator, bidi control or lone surrogate, and is valid in 5.1.
 */
export function psString(s: string): string {
    if (!needsExpandableForm(s)) {
        let out = "'";
        for (const ch of s) {
            out += PS_SINGLE_QUOTES.includes(ch) ? ch + ch : ch;
        }
        return out + "'";
    }
    let out = '"';
    // Iterate UTF-16 code units so that lone surrogates are seen individually.
    for (let i = 0; i < s.length; i++) {
        const ch = s[i] as string;
        const unit = ch.charCodeAt(0);
        if (ch === '`' || ch === '$' || ch === '#' || PS_DOUBLE_QUOTES.includes(ch)) {
            out += '`' + ch;
        } else if (BACKTICK_ESCAPES.has(ch)) {
            out += BACKTICK_ESCAPES.get(ch);
        } else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
            out += ch + s[i + 1]; // a well-formed pair: a normal (non-BMP) character
            i++;
        } else if (UNSAFE_CODE_UNIT.test(ch)) {
            out += charSubexpression(unit);
        } else {
            out += ch;
        }
    }
    return out + '"';
}

function isLowSurrogate(unit: number): boolean {
    return unit >= 0xdc00 && unit <= 0xdfff;
}

/** `@('a', 'b')`; `@()` when empty; a single item stays an explicit array `@('a')`. */
export function psArray(items: readonly string[]): string {
    return `@(${items.map(psString).join(', ')})`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Automatic / DSC-reserved variables a credential parameter must not be
 * named after: `$true` would silently be a boolean, `$Node` the node
 * hashtable, and so on. Not exhaustive; it catches the plausible mistakes.
 * Compared case-insensitively (PowerShell variable names are).
 */
const RESERVED_VARIABLES: ReadonlySet<string> = new Set(
    [
        '_', 'args', 'input', 'this', 'PSItem', 'true', 'false', 'null', 'Error', 'Host', 'Home', 'PID', 'PWD',
        'Matches', 'MyInvocation', 'PSBoundParameters', 'PSCmdlet', 'PSScriptRoot', 'PSCommandPath',
        'ExecutionContext', 'ShellId', 'PSVersionTable', 'LASTEXITCODE', 'StackTrace', 'ConsoleFileName',
        'Node', 'AllNodes', 'NonNodeData', 'ConfigurationData', 'OutputPath', 'InstanceName', 'DependsOn',
    ].map((n) => n.toLowerCase()),
);

function psVariable(parameter: string): string {
    if (!IDENTIFIER.test(parameter)) {
        throw new Error(`internal error: credential parameter name ${JSON.stringify(parameter)} is not a plain identifier`);
    }
    if (RESERVED_VARIABLES.has(parameter.toLowerCase())) {
        throw new Error(`internal error: credential parameter name ${JSON.stringify(parameter)} is a reserved PowerShell variable`);
    }
    return '$' + parameter;
}

/** A CIM class or property name, written bare: it must already be an identifier. */
function plainIdentifier(name: string): string {
    if (!IDENTIFIER.test(name)) {
        throw new Error(`internal error: ${JSON.stringify(name)} is not a plain identifier`);
    }
    return name;
}

function psInt(value: number): string {
    // Only exact integers: a uint64 above 2^53 has already lost precision in
    // a JS number and must not be written as if it were exact.
    if (!Number.isSafeInteger(value)) {
        throw new Error(`internal error: ${String(value)} is not a safe integer`);
    }
    return Object.is(value, -0) ? '0' : String(value);
}

/**
 * The PowerShell expression for a typed DSC property value.
 *
 * - string      → psString
 * - bool        → `$true` / `$false`
 * - int         → decimal digits, `-` for negatives; throws for non-integers,
 *                 NaN, ±Infinity and integers beyond 2^53 (not exact)
 * - stringArray → psArray (always `@(...)`, also for one element)
 * - credential  → `$Name` (throws for a non-identifier or reserved name)
 * - dependsOn   → psArray of the `[Type]Name` strings: always the array form,
 *                 also for a single reference, like stringArray
 * - cimInstances → `@(` then, per item, the class keyword and an Allman block
 *                 of `Name = value` lines with aligned `=`, then `)` at the
 *                 property's indent (the layout of the DSC community's own
 *                 examples, e.g. WebAdministrationDsc's BindingInfo). Throws
 *                 for a class or property name that is not an identifier and
 *                 for an item without properties (an empty `{ }` body).
 */
export function psValue(v: PsValue, indent = 0): string {
    switch (v.kind) {
        case 'string':
            return psString(v.value);
        case 'bool':
            return v.value ? '$true' : '$false';
        case 'int':
            return psInt(v.value);
        case 'stringArray':
            return psArray(v.value);
        case 'credential':
            return psVariable(v.parameter);
        case 'dependsOn':
            return psArray(v.value);
        case 'scriptBlock': {
            // Allman-style block under the property: `Name = {` … `}` at the property's indent.
            const pad = ' '.repeat(indent);
            const body = v.lines.map((line) => (line === '' ? '' : `${pad}    ${line}`));
            return ['{', ...body, `${pad}}`].join('\n');
        }
        case 'cimInstances': {
            const pad = ' '.repeat(indent);
            const lines = ['@('];
            for (const item of v.items) {
                if (item.length === 0) {
                    throw new Error(`internal error: an instance of ${v.className} without properties`);
                }
                const width = Math.max(...item.map((p) => p.name.length));
                lines.push(`${pad}    ${plainIdentifier(v.className)}`, `${pad}    {`);
                for (const p of item) {
                    lines.push(`${pad}        ${plainIdentifier(p.name).padEnd(width)} = ${psValue(p.value, indent + 8)}`);
                }
                lines.push(`${pad}    }`);
            }
            lines.push(`${pad})`);
            return lines.join('\n');
        }
        default: {
            const never: never = v;
            throw new Error(`internal error: unknown PsValue ${JSON.stringify(never)}`);
        }
    }
}

/**
 * A line that Authenticode's PowerShell SIP would take for the start/end of a
 * signature block; a comment must not forge one (it would break signing of
 * the generated file).
 */
const SIGNATURE_MARKER_G = /#(\s*SIG\s*)#(\s*(?:Begin|End)\s+signature\s+block)/gi;

function neutraliseComment(text: string, lineBreak: string): string {
    return (
        commentText(text, lineBreak)
            // `<#` first: `<#>` → `< #>` → `< # >`; the `#>` pass can not create a new `<#`.
            .replace(/<#/g, '< #')
            .replace(/#>/g, '# >')
    );
}

function neutraliseSignatureMarker(rendered: string): string {
    return rendered.replace(SIGNATURE_MARKER_G, '#$1-$2');
}

/**
 * A single-line comment `# <text>` that can never end before the line does.
 *
 * - every line terminator (CR, LF, CRLF, VT, FF, NEL, LS, PS) becomes one space;
 * - other unsafe code units (NUL, ESC, DEL, C1, bidi controls, BOM, lone
 *   surrogates) become U+FFFD; TAB stays;
 * - `#>` / `<#` are defused (`# >`, `< #`) so the line is harmless even if a
 *   template puts it inside a block comment;
 * - the text follows `# ` (hash, space), so it can never form the
 *   `#requires` directive; a forged `# SIG # Begin signature block` line is
 *   defused.
 *
 * Returns `#` for empty text. No trailing newline.
 */
export function psComment(text: string): string {
    const body = neutraliseComment(text, ' ');
    return neutraliseSignatureMarker(body === '' ? '#' : `# ${body}`);
}

/**
 * Text that can be placed between `<#` and `#>` without ending the block
 * comment early.
 *
 * - `<#` → `< #`, `#>` → `# >` (PowerShell ends a block comment at the first
 *   `#>`; block comments don't nest, but `<#` is defused too for the sake of
 *   readers and tools that think they do);
 * - all line terminators (CRLF, CR, LF, VT, FF, NEL, LS, PS) are normalised to
 *   `eol` (default `\n`; pass `\r\n` for CRLF files), so line structure is
 *   kept but only real CR/LF line breaks remain;
 * - other unsafe code units become U+FFFD, TAB stays;
 * - a trailing backtick gets a space appended, so `text` may be followed
 *   directly by `#>` (tree-sitter-powershell would read `` `#> `` as an
 *   escaped `#`);
 * - forged Authenticode signature marker lines are defused.
 *
 * The caller writes the `<#` and `#>` delimiters itself.
 */
export function psBlockCommentText(text: string, eol: '\n' | '\r\n' = '\n'): string {
    let body = neutraliseSignatureMarker(neutraliseComment(text, eol));
    if (body.endsWith('`')) body += ' ';
    return body;
}

/**
 * PowerShell keywords (about_Reserved_Words, plus the DSC dynamic keywords
 * `configuration`/`node`/`import-dscresource`-style words that the parser
 * treats specially). A configuration named like one would not parse as meant.
 */
const KEYWORDS: ReadonlySet<string> = new Set([
    'assembly', 'base', 'begin', 'break', 'catch', 'class', 'command', 'configuration', 'continue', 'data',
    'define', 'do', 'dynamicparam', 'else', 'elseif', 'end', 'enum', 'exit', 'filter', 'finally', 'for',
    'foreach', 'from', 'function', 'hidden', 'if', 'in', 'inlinescript', 'interface', 'module', 'namespace',
    'node', 'parallel', 'param', 'private', 'process', 'public', 'return', 'sequence', 'static', 'switch',
    'throw', 'trap', 'try', 'type', 'until', 'using', 'var', 'while', 'workflow',
]);

/**
 * Maps arbitrary text to an identifier matching `^[A-Za-z_][A-Za-z0-9_]*$`
 * (used for configuration names and DSC resource instance names).
 *
 * - each maximal run of characters outside `[A-Za-z0-9_]` (by code point, so
 *   an emoji is one character) becomes a single `_`; existing underscores are
 *   kept as they are;
 * - a leading digit gets a `_` prefix; empty text gives `_`;
 * - a PowerShell keyword (case-insensitive, e.g. `if`, `Node`) gets a `_` prefix;
 * - already-valid, non-keyword identifiers are returned unchanged, and the
 *   function is idempotent.
 *
 * NOT injective (`a-b` and `a.b` both give `a_b`): callers that need unique
 * names must detect collisions themselves.
 */
export function psIdentifier(s: string): string {
    let out = s.replace(/[^A-Za-z0-9_]+/gu, '_');
    if (out === '' || /^[0-9]/.test(out) || KEYWORDS.has(out.toLowerCase())) out = '_' + out;
    return out;
}
