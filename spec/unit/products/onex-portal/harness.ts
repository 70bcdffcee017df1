/**
 * Table-driven tests of the one-X Portal rules, end to end through
 * compile(). Manifests are pretty-printed with JSON.stringify(m, null, 2);
 * the expected line:column of each diagnostic is found by searching that
 * text for a token (usually the offending value with its quotes), so the
 * positions are checked independently of the compiler's pointer mapping.
 */

import { expect } from 'chai';
import { describeRuleTables, variant } from '../../../helpers/rule-table.js';
import { compile, type CompileResult } from '../../../../compiler/compile.js';
import { CATALOG } from '../../../../compiler/diagnostics/catalog.js';
import type { Rule } from '../../../../compiler/rules/rule.js';

export type Json = Record<string, unknown>;

/** The `nth` (1-based) occurrence of `text`, searched after the first occurrence of `after`. */
export interface Token {
    readonly text: string;
    readonly nth?: number;
    readonly after?: string;
}

export interface Expected {
    readonly code: string;
    readonly at: string | Token;
    readonly pointer: string;
    /** A substring of the message. */
    readonly message: string;
    readonly related?: readonly { readonly at: string | Token; readonly pointer: string; readonly message: string }[];
}

export interface Case {
    readonly it: string;
    readonly manifest: Json;
    /** Every diagnostic of the compile, in the order compile() returns them. */
    readonly expected: readonly Expected[];
}

export interface RuleCases {
    readonly failing: readonly Case[];
    readonly passing: readonly Case[];
}

export const textOf = (manifest: Json): string => JSON.stringify(manifest, null, 2);

export function position(text: string, token: string | Token): { line: number; column: number } {
    const t: Token = typeof token === 'string' ? { text: token } : token;
    let from = 0;
    if (t.after !== undefined) {
        const anchor = text.indexOf(t.after);
        if (anchor < 0) throw new Error(`test bug: ${JSON.stringify(t.after)} is not in the manifest`);
        from = anchor + t.after.length;
    }
    let index = -1;
    for (let n = 0; n < (t.nth ?? 1); n++) {
        index = text.indexOf(t.text, from);
        if (index < 0) throw new Error(`test bug: ${JSON.stringify(t.text)} (occurrence ${n + 1}) is not in the manifest`);
        from = index + 1;
    }
    const lines = text.slice(0, index).split('\n');
    return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

export function run(manifest: Json, emit = false): CompileResult {
    return compile({ fileName: 'site.json', bytes: Buffer.from(textOf(manifest)) }, { emit });
}

export function checkCase(c: Case): CompileResult {
    const text = textOf(c.manifest);
    const result = run(c.manifest);
    const summary = JSON.stringify(
        result.diagnostics.map((d) => `${d.code} ${d.start?.line}:${d.start?.column} ${d.pointer} ${d.message}`),
        null,
        2,
    );
    expect(
        result.diagnostics.map((d) => [d.code, d.start?.line, d.start?.column, d.pointer]),
        summary,
    ).to.deep.equal(c.expected.map((e) => [e.code, position(text, e.at).line, position(text, e.at).column, e.pointer]));
    c.expected.forEach((e, i) => {
        const d = result.diagnostics[i]!;
        expect(d.message, summary).to.include(e.message);
        expect(d.severity).to.equal(Object.values(CATALOG).find((entry) => entry.code === e.code)?.severity);
        if (e.related) {
            expect(d.related.map((r) => ({ pointer: r.pointer, line: r.start?.line, column: r.start?.column, message: r.message }))).to.deep.equal(
                e.related.map((r) => ({ pointer: r.pointer, ...position(text, r.at), message: r.message })),
            );
        }
    });
    return result;
}

/** The meta check and one `it` per case, for the given rules (spec/helpers/rule-table.ts). */
export function describeRules(rules: readonly Rule[], cases: Readonly<Record<string, RuleCases>>): void {
    describeRuleTables(rules, cases, checkCase);
}

export { variant };
