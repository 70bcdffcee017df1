/**
 * Parse oracle for generated PowerShell: tree-sitter-powershell (WASM) via
 * web-tree-sitter, plus a decoder that reads string literals back with
 * PowerShell's own quoting rules.
 *
 * Why both: the grammar is a good detector of broken structure (unbalanced
 * braces, unterminated strings, stray tokens), but it is not PowerShell. In
 * particular it only knows the ASCII quote characters, so it can not see an
 * injection through a typographic quote. decodeSingleStringLiteral therefore
 * re-scans every literal with PowerShell's rules and requires the grammar and
 * that scanner to agree on where each literal starts and ends.
 *
 * KNOWN MISREADINGS of tree-sitter-powershell 0.26.4 (asserted in
 * spec/unit/emit/ps/ps-parse.spec.ts so a grammar change is noticed):
 *
 *  1. DSC is not modelled. `Configuration C`, `Node 'n'` and `xRegistry 'A'`
 *     are parsed as ordinary commands (name + generic_token/string argument);
 *     with the `{` on the next line the block becomes a separate
 *     script_block_expression statement, with `{` on the same line it is a
 *     script-block argument of the command. Both parse without errors.
 *  2. Resource properties `ValueData = 'v'` are parsed as a command named
 *     `ValueData` with the arguments `=` (generic_token) and the value, i.e.
 *     the value is read in ARGUMENT mode, while PowerShell reads it as an
 *     expression. Values are therefore also checked in `$x = <value>`.
 *  3. An unparenthesised `Node $AllNodes.Where({ ... }).NodeName` gives an
 *     ERROR node at `.NodeName`: the grammar ends the command argument after
 *     the method call's argument list. PowerShell accepts it. Write
 *     `Node ($AllNodes.Where({ ... }).NodeName)`, which parses clean.
 *  4. An empty script block `{ }` / `{}` (e.g. an empty Node or resource
 *     body) gives a MISSING `;` (empty_statement). PowerShell accepts it.
 *     An empty statement_block (`if ($a) { }`) is fine.
 *  5. Typographic quotes U+2018-U+201B / U+201C-U+201E are plain characters
 *     to the grammar; to PowerShell they are string delimiters (spec
 *     §2.3.5.2). The grammar can not catch an unescaped `’` ending a string;
 *     scanPsStringLiteral below can.
 *  6. Inside `<# ... #>` the grammar treats a backtick as an escape, so
 *     `` `#> `` does not end the comment for the grammar (ERROR), while
 *     PowerShell's tokenizer ends the comment at the first `#>` regardless.
 *  7. Version-specific escapes: `` `e `` and `` `u{1F} `` (PowerShell 6+
 *     only) parse fine; the grammar does not tell 5.1 from 7. The decoder
 *     below rejects them.
 *  8. Inside an expandable string, a `#` at a token boundary -- right after a
 *     backtick escape or a `$(...)` subexpression, also after whitespace
 *     there -- is lexed as the start of a comment: `"`v##>"`, `"`n #x"`,
 *     `"$([char]0x1B)#x"` give ERROR. PowerShell reads a plain `#`.
 *     (A `#` right after the opening quote or after ordinary text is fine,
 *     thanks to the grammar's `"(\s*\#*)*` trick.) psString writes `` `# ``. *  9. An attribute on a configuration, `[DscLocalConfigurationManager()]`
 *     before `Configuration M` (every meta-configuration has it), gives
 *     ERROR. PowerShell requires it there. blankDscAttributes() replaces
 *     that one attribute by spaces (line and column stay) before parsing.
 */

import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

export interface ParseError {
    /** 1-based line. */
    readonly line: number;
    /** 1-based column, in UTF-16 code units. */
    readonly column: number;
    /** ERROR: the source text the grammar could not place (truncated); MISSING: the token it inserted. */
    readonly text: string;
    readonly kind: 'ERROR' | 'MISSING';
}

export interface ParseResult {
    readonly source: string;
    readonly tree: Tree;
    readonly root: Node;
    readonly errors: readonly ParseError[];
    /** Frees the WASM-side tree. */
    dispose(): void;
}

let parserPromise: Promise<Parser> | undefined;

function getParser(): Promise<Parser> {
    parserPromise ??= (async () => {
        const require = createRequire(import.meta.url);
        await Parser.init();
        const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
        const parser = new Parser();
        parser.setLanguage(language);
        return parser;
    })();
    return parserPromise;
}

/** Line/column (1-based) of a UTF-16 offset. */
function positionOf(source: string, index: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < index && i < source.length; i++) {
        if (source[i] === '\n') {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: index - lineStart + 1 };
}

function collectErrors(source: string, root: Node): ParseError[] {
    const errors: ParseError[] = [];
    const visit = (node: Node): void => {
        if (node.isMissing || node.isError) {
            const text = node.isMissing ? node.type : node.text;
            errors.push({
                ...positionOf(source, node.startIndex),
                text: text.length > 80 ? text.slice(0, 80) + '…' : text,
                kind: node.isMissing ? 'MISSING' : 'ERROR',
            });
            if (node.isError) return; // what the grammar made of the inside of an ERROR is noise
        }
        for (const child of node.children) if (child) visit(child);
    };
    visit(root);
    if (errors.length === 0 && root.hasError) {
        errors.push({ line: 1, column: 1, text: '(tree reports an error but no ERROR/MISSING node was found)', kind: 'ERROR' });
    }
    return errors;
}

export async function parsePowerShell(source: string): Promise<ParseResult> {
    const parser = await getParser();
    const tree = parser.parse(source);
    if (!tree) throw new Error('tree-sitter returned no tree');
    const root = tree.rootNode;
    return { source, tree, root, errors: collectErrors(source, root), dispose: () => tree.delete() };
}

/** Makes invisible characters visible in error excerpts. */
function visible(line: string): string {
    return line.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

function excerpt(source: string, error: ParseError): string {
    const lines = source.split('\n');
    const from = Math.max(1, error.line - 3);
    const to = Math.min(lines.length, error.line + 2);
    const out: string[] = [];
    for (let n = from; n <= to; n++) {
        const gutter = String(n).padStart(4) + ' | ';
        out.push(gutter + visible(lines[n - 1] ?? ''));
        if (n === error.line) out.push(' '.repeat(gutter.length + error.column - 1) + '^ ' + error.kind + ' ' + JSON.stringify(error.text));
    }
    return out.join('\n');
}

/** Throws (with an excerpt around the first error) unless `source` parses without ERROR or MISSING nodes. */
export async function assertParses(source: string, label: string): Promise<void> {
    const result = await parsePowerShell(source);
    try {
        const first = result.errors[0];
        if (first) {
            throw new Error(
                `${label}: ${result.errors.length} parse error(s); first ${first.kind} at ${first.line}:${first.column}\n` +
                    excerpt(source, first),
            );
        }
    } finally {
        result.dispose();
    }
}

// ---------------------------------------------------------------------------
// PowerShell-semantics literal scanner
// ---------------------------------------------------------------------------

/** single-quote-character, PowerShell spec §2.3.5.2. */
const SINGLE_QUOTES = new Set(['\u0027', '\u2018', '\u2019', '\u201A', '\u201B']);
/** double-quote-character, PowerShell spec §2.3.5.2. */
const DOUBLE_QUOTES = new Set(['\u0022', '\u201C', '\u201D', '\u201E']);
/** Backtick escapes understood by Windows PowerShell 5.1 (about_Special_Characters). */
const ESCAPES: ReadonlyMap<string, string> = new Map([
    ['0', '\u0000'],
    ['a', '\u0007'],
    ['b', '\u0008'],
    ['f', '\u000C'],
    ['n', '\n'],
    ['r', '\r'],
    ['t', '\t'],
    ['v', '\u000B'],
]);
/** The one `$` form psString emits inside an expandable string. */
const CHAR_SUBEXPRESSION = /^\$\(\[char\]0x([0-9A-F]{2}|[0-9A-F]{4})\)$/;
const CHAR_SUBEXPRESSION_AT = /\$\(\[char\]0x([0-9A-F]{2}|[0-9A-F]{4})\)/y;

export interface ScannedLiteral {
    readonly value: string;
    /** Offset just past the closing quote. */
    readonly end: number;
}

/**
 * Scans the string literal starting at `text[start]` following PowerShell's
 * tokenizer rules and returns its runtime value.
 *
 * Verbatim ('...'): any single-quote character ends it; two in a row stand
 * for the second one. Expandable ("..."): any double-quote character ends
 * it, two in a row stand for the second one; a backtick escapes the next
 * character (5.1 escapes mapped, anything else literal).
 *
 * Throws -- i.e. reports possible injection -- for an unterminated literal,
 * for `$` in an expandable string other than the exact `$([char]0xXX)` /
 * `$([char]0xXXXX)` form (a variable or any other subexpression would run
 * code or read state), and for `` `e `` / `` `u `` (PowerShell 6+ only, so
 * not valid for 5.1).
 */
export function scanPsStringLiteral(text: string, start: number): ScannedLiteral {
    const open = text[start];
    if (open !== undefined && SINGLE_QUOTES.has(open)) {
        let value = '';
        for (let i = start + 1; i < text.length; i++) {
            const c = text[i] as string;
            if (SINGLE_QUOTES.has(c)) {
                const next = text[i + 1];
                if (next !== undefined && SINGLE_QUOTES.has(next)) {
                    value += next;
                    i++;
                    continue;
                }
                return { value, end: i + 1 };
            }
            value += c;
        }
        throw new Error(`unterminated verbatim string starting at ${start}`);
    }
    if (open !== undefined && DOUBLE_QUOTES.has(open)) {
        let value = '';
        for (let i = start + 1; i < text.length; i++) {
            const c = text[i] as string;
            if (c === '`') {
                const next = text[i + 1];
                if (next === undefined) break;
                if (next === 'e' || next === 'u') {
                    throw new Error(`escape \`${next} at ${i} is PowerShell 6+ only`);
                }
                value += ESCAPES.get(next) ?? next;
                i++;
            } else if (c === '$') {
                CHAR_SUBEXPRESSION_AT.lastIndex = i;
                const m = CHAR_SUBEXPRESSION_AT.exec(text);
                if (!m) {
                    throw new Error(`'$' at ${i} in an expandable string is not the [char] pattern: ${JSON.stringify(text.slice(i, i + 20))}`);
                }
                value += String.fromCharCode(parseInt(m[1] as string, 16));
                i += m[0].length - 1;
            } else if (DOUBLE_QUOTES.has(c)) {
                const next = text[i + 1];
                if (next !== undefined && DOUBLE_QUOTES.has(next)) {
                    value += next;
                    i++;
                    continue;
                }
                return { value, end: i + 1 };
            } else {
                value += c;
            }
        }
        throw new Error(`unterminated expandable string starting at ${start}`);
    }
    throw new Error(`no string literal at ${start}: ${JSON.stringify(text.slice(start, start + 20))}`);
}

// ---------------------------------------------------------------------------
// Tree checks
// ---------------------------------------------------------------------------

/** Node types that may appear on the way from `$x = ` to the literal(s). */
const WRAPPERS = new Set([
    'pipeline',
    'pipeline_chain',
    'logical_expression',
    'bitwise_expression',
    'comparison_expression',
    'additive_expression',
    'multiplicative_expression',
    'format_expression',
    'range_expression',
    'array_literal_expression',
    'unary_expression',
    'statement_list',
    'array_expression',
]);

/**
 * Returns the string_literal nodes under `node`, in order, and throws if any
 * other named node shows up (variable, command, comment, cast, ...), or if an
 * expandable string contains anything but `$([char]0xXX)` subexpressions.
 */
function literalNodes(node: Node): Node[] {
    if (node.type === 'string_literal') {
        const inner = node.namedChildren;
        const kind = inner[0]?.type;
        if (inner.length !== 1 || (kind !== 'verbatim_string_characters' && kind !== 'expandable_string_literal')) {
            throw new Error(`unexpected string literal form: ${kind ?? '(none)'}`);
        }
        for (const part of (inner[0] as Node).namedChildren) {
            if (!part || part.type !== 'sub_expression' || !CHAR_SUBEXPRESSION.test(part.text)) {
                throw new Error(`expandable string contains ${part?.type ?? '?'}: ${JSON.stringify(part?.text)}`);
            }
        }
        return [node];
    }
    if (!WRAPPERS.has(node.type)) {
        throw new Error(`unexpected ${node.type} node: ${JSON.stringify(node.text)}`);
    }
    return node.namedChildren.flatMap((c) => (c ? literalNodes(c) : []));
}

/** Parses `$x = <expr>` and returns the literal nodes of the right-hand side with offsets relative to `expr`. */
async function rhsLiterals(expr: string, expect: 'literal' | 'array'): Promise<{ start: number; text: string }[]> {
    const prefix = '$x = ';
    const result = await parsePowerShell(prefix + expr + '\n');
    try {
        const first = result.errors[0];
        if (first) throw new Error(`does not parse: ${first.kind} at ${first.line}:${first.column}\n${excerpt(result.source, first)}`);
        const top = result.root.namedChildren;
        const statements = top.length === 1 && top[0]?.type === 'statement_list' ? top[0].namedChildren : [];
        const pipeline = statements.length === 1 ? statements[0] : undefined;
        const assignment = pipeline?.namedChildren.length === 1 ? pipeline.namedChildren[0] : undefined;
        const value = assignment?.type === 'assignment_expression' ? assignment.childForFieldName('value') : null;
        if (!value || value.text !== expr) {
            throw new Error(`not parsed as a single assignment of the whole expression: ${result.root.toString().slice(0, 400)}`);
        }
        let head: Node = value;
        while (head.type !== 'string_literal' && head.type !== 'array_expression' && head.namedChildCount === 1) {
            head = head.namedChildren[0] as Node;
        }
        const wanted = expect === 'literal' ? 'string_literal' : 'array_expression';
        if (head.type !== wanted || head.text !== expr) {
            throw new Error(`expected a ${wanted} spanning the whole expression, got ${head.type}: ${JSON.stringify(head.text)}`);
        }
        return literalNodes(head).map((n) => ({ start: n.startIndex - prefix.length, text: n.text }));
    } finally {
        result.dispose();
    }
}

/**
 * The runtime value of `expr`, which must be exactly one PowerShell string
 * literal (verbatim, or expandable with only backtick escapes and
 * `$([char]0xXX)` subexpressions).
 *
 * Throws if `$x = <expr>` does not parse, if anything but that one literal
 * is there (a variable, another subexpression, a second token, a comment:
 * i.e. text escaped the quoting), or if the grammar and PowerShell's rules
 * disagree about where the literal ends (typographic quotes).
 */
export async function decodeSingleStringLiteral(expr: string): Promise<string> {
    const nodes = await rhsLiterals(expr, 'literal');
    const scanned = scanPsStringLiteral(expr, 0);
    if (scanned.end !== expr.length) {
        throw new Error(`by PowerShell's rules the literal ends at ${scanned.end}, followed by ${JSON.stringify(expr.slice(scanned.end))}`);
    }
    if (nodes.length !== 1 || nodes[0]?.start !== 0 || nodes[0].text !== expr) {
        throw new Error(`grammar and PowerShell rules disagree on the literal: ${JSON.stringify(nodes)}`);
    }
    return scanned.value;
}

/**
 * The runtime values of `expr`, which must be `@()` or `@(<lit>, <lit>, ...)`
 * (items separated by `, `-style commas and spaces) of literals as accepted
 * by decodeSingleStringLiteral. Same failure rules.
 */
export async function decodeStringArrayLiteral(expr: string): Promise<string[]> {
    const nodes = await rhsLiterals(expr, 'array');
    const values: string[] = [];
    const spans: { start: number; text: string }[] = [];
    if (!expr.startsWith('@(')) throw new Error(`not an array expression: ${JSON.stringify(expr)}`);
    let i = 2;
    const skipSpaces = (): void => {
        while (expr[i] === ' ') i++;
    };
    skipSpaces();
    if (expr[i] !== ')') {
        for (;;) {
            const scanned = scanPsStringLiteral(expr, i);
            values.push(scanned.value);
            spans.push({ start: i, text: expr.slice(i, scanned.end) });
            i = scanned.end;
            skipSpaces();
            if (expr[i] !== ',') break;
            i++;
            skipSpaces();
        }
    }
    if (expr[i] !== ')' || i + 1 !== expr.length) {
        throw new Error(`by PowerShell's rules the array does not end at the end: ${JSON.stringify(expr.slice(i))}`);
    }
    if (JSON.stringify(spans) !== JSON.stringify(nodes)) {
        throw new Error(`grammar and PowerShell rules disagree on the literals: ${JSON.stringify(nodes)} vs ${JSON.stringify(spans)}`);
    }
    return values;
}

/** Misreading 9: blank the `[DscLocalConfigurationManager()]` attribute of a meta-configuration, keeping positions. */
export function blankDscAttributes(text: string): string {
    return text.replace(/^\[DscLocalConfigurationManager\(\)\](?=\r?\nConfiguration )/gm, (attribute) => ' '.repeat(attribute.length));
}
