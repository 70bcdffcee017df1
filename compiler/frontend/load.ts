/**
 * Phase 1, load: bytes → JSON value + SourceText, or syntax diagnostics.
 *
 * jsonc-parser gives us a tree with offsets for every value, which is what
 * maps JSON pointers back to line:column. It is run in strict mode (no
 * comments, no trailing commas) and duplicate keys are reported here because
 * JSON.parse would keep the last one silently.
 */

import { getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { diag, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from './source.js';

export interface Loaded {
    readonly source: SourceText;
    /** The parsed value; undefined when there were syntax errors. */
    readonly value: unknown;
    readonly diagnostics: readonly PendingDiagnostic[];
}

const PROBLEMS: Readonly<Record<string, string>> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'a property name in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing brace "}" was expected',
    CloseBracketExpected: 'a closing bracket "]" was expected',
    EndOfFileExpected: 'the end of the file was expected after the top-level value',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character in string',
    InvalidCharacter: 'control character in string (escape it, e.g. \\n)',
};

/** Deeper nesting is refused before parsing: jsonc-parser and ajv recurse once per level. */
export const MAX_NESTING = 64;

/**
 * The encoding a byte sequence that is not UTF-8 most likely has, from its
 * BOM or its NUL pattern (JSON text starts with ASCII, so UTF-16 and UTF-32
 * put NUL bytes beside its first characters). One reason, one diagnostic.
 */
function otherEncoding(bytes: Uint8Array): string | undefined {
    const b = (i: number): number | undefined => bytes[i];
    if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) return 'it starts with a UTF-32 (little-endian) byte order mark';
    if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) return 'it starts with a UTF-32 (big-endian) byte order mark';
    if ((b(0) === 0xff && b(1) === 0xfe) || (b(0) === 0xfe && b(1) === 0xff)) return 'it starts with a UTF-16 byte order mark';
    if (bytes.length >= 4 && b(0) !== 0 && b(1) === 0 && b(2) === 0 && b(3) === 0) return 'it looks like UTF-32 (little-endian) without a byte order mark';
    if (bytes.length >= 4 && b(0) === 0 && b(1) === 0 && b(2) === 0 && b(3) !== 0) return 'it looks like UTF-32 (big-endian) without a byte order mark';
    if (bytes.length >= 2 && b(0) !== 0 && b(1) === 0) return 'it looks like UTF-16 (little-endian) without a byte order mark';
    if (bytes.length >= 2 && b(0) === 0 && b(1) !== 0) return 'it looks like UTF-16 (big-endian) without a byte order mark';
    return undefined;
}

/** Length of the valid UTF-8 prefix (the offset of the first bad byte), or bytes.length. */
function validUtf8Prefix(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const c = bytes[i] as number;
        const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
        if (need < 0 || i + need >= bytes.length + (need === 0 ? 1 : 0)) return i;
        const second = bytes[i + 1] ?? 0;
        // Overlong forms, surrogates and code points above U+10FFFF are not UTF-8 (RFC 3629).
        if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
        for (let k = 1; k <= need; k++) {
            if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
        }
        i += need + 1;
    }
    return i;
}

export interface Decoded {
    readonly text?: string;
    /** For an invalid byte: the text around it (the bad bytes shown as U+FFFD), so the diagnostic can point at it. */
    readonly context?: string;
    readonly diagnostics: PendingDiagnostic[];
}

/** Decode bytes as UTF-8 (BOM stripped); anything else is one coded error, never a guess. */
export function decodeManifest(bytes: Uint8Array): Decoded {
    const other = otherEncoding(bytes);
    if (other !== undefined) {
        return { diagnostics: [diag('InvalidEncoding', { reason: other })] };
    }
    const valid = validUtf8Prefix(bytes);
    if (valid < bytes.length) {
        const before = new TextDecoder('utf-8').decode(bytes.subarray(0, valid));
        const context = new TextDecoder('utf-8').decode(bytes);
        const byte = (bytes[valid] as number).toString(16).toUpperCase().padStart(2, '0');
        return {
            context,
            diagnostics: [diag('InvalidEncoding', { reason: `byte 0x${byte} here is not UTF-8` }, { offset: before.replace(/^\uFEFF/, '').length + (before.startsWith('\uFEFF') ? 1 : 0), length: 1 })],
        };
    }
    return { text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes), diagnostics: [] };
}

/**
 * The first place where objects and arrays nest deeper than MAX_NESTING, in
 * one pass that skips strings; undefined when the text stays within it.
 */
export function tooDeep(text: string): number | undefined {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (inString) {
            if (ch === 0x5c) i++;
            else if (ch === 0x22) inString = false;
        } else if (ch === 0x22) {
            inString = true;
        } else if (ch === 0x7b || ch === 0x5b) {
            if (++depth > MAX_NESTING) return i;
        } else if (ch === 0x7d || ch === 0x5d) {
            depth--;
        }
    }
    return undefined;
}

export function load(text: string): Loaded {
    const deep = tooDeep(text);
    if (deep !== undefined) {
        return { source: new SourceText(text, undefined), value: undefined, diagnostics: [diag('NestingTooDeep', { limit: MAX_NESTING }, { offset: deep, length: 1 })] };
    }
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const source = new SourceText(text, tree);
    // A syntax error often makes the parser report a second one at the same
    // place ("property name expected", then "value expected"): keep the first.
    const firstPerOffset = errors.filter((e, i) => errors.findIndex((other) => other.offset === e.offset) === i);
    const diagnostics: PendingDiagnostic[] = firstPerOffset.map((e) => {
        const name = printParseErrorCode(e.error);
        return diag('JsonSyntax', { problem: PROBLEMS[name] ?? name }, { offset: e.offset, length: e.length });
    });
    if (text.replace(/^\uFEFF/, '').trim() === '') {
        // jsonc-parser says "value expected"; the plain truth is more useful.
        diagnostics.splice(0, diagnostics.length, diag('JsonSyntax', { problem: 'the file is empty' }, { offset: text.length, length: 0 }));
    }
    if (tree) {
        collectDuplicateKeys(tree, diagnostics);
    }
    const ok = diagnostics.length === 0 && tree !== undefined;
    return { source, value: ok ? getNodeValue(tree) : undefined, diagnostics };
}

function collectDuplicateKeys(node: JsonNode, out: PendingDiagnostic[]): void {
    if (node.type === 'object') {
        const seen = new Set<string>();
        for (const property of node.children ?? []) {
            const key = property.children?.[0];
            if (key && typeof key.value === 'string') {
                if (seen.has(key.value)) {
                    out.push(diag('DuplicateKey', { property: key.value }, { offset: key.offset, length: key.length }));
                }
                seen.add(key.value);
            }
        }
    }
    for (const child of node.children ?? []) {
        collectDuplicateKeys(child, out);
    }
}
