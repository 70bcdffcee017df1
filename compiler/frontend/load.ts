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

/** Decode bytes as UTF-8 (BOM stripped); anything else is a coded error, never a guess. */
export function decodeManifest(bytes: Uint8Array): { text?: string; diagnostics: PendingDiagnostic[] } {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        return { diagnostics: [diag('InvalidEncoding', { reason: 'it starts with a UTF-16 byte order mark' })] };
    }
    try {
        const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
        return { text, diagnostics: [] };
    } catch {
        return { diagnostics: [diag('InvalidEncoding', { reason: 'it contains byte sequences that are not UTF-8' })] };
    }
}

export function load(text: string): Loaded {
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
