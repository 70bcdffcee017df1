/**
 * Table-driven rule tests for product modules, end to end through compile().
 *
 * Manifests are pretty-printed with JSON.stringify(manifest, null, 2). The
 * expected line:column of a diagnostic is found by searching the text for
 * a token (usually the offending value with its quotes), independently of
 * the compiler's own pointer-to-position mapping.
 */

import { expect } from 'chai';
import { describeRuleTables, variant } from '../../../helpers/rule-table.js';
import { compile, type CompileResult } from '../../../../compiler/compile.js';
import { CATALOG } from '../../../../compiler/diagnostics/catalog.js';
import type { Rule } from '../../../../compiler/rules/rule.js';

export type Json = Record<string, unknown>;

/** A token to find in the manifest text: its `nth` occurrence (1-based), optionally after the end of another token. */
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
    /** Every diagnostic of the compile, in order. */
    readonly expected: readonly Expected[];
    readonly also?: (result: CompileResult) => void;
}

export interface RuleCases {
    readonly failing: readonly Case[];
    readonly passing: readonly Case[];
}

export function textOf(manifest: Json): string {
    return JSON.stringify(manifest, null, 2);
}

/** 1-based line and column (UTF-16 units) of a token in the text. */
export function position(text: string, token: string | Token): { line: number; column: number } {
    const t: Token = typeof token === 'string' ? { text: token } : token;
    const anchor = t.after !== undefined ? text.indexOf(t.after) : 0;
    if (anchor < 0) {
        throw new Error(`test bug: anchor ${JSON.stringify(t.after)} not in the manifest`);
    }
    let from = anchor + (t.after?.length ?? 0);
    let index = -1;
    for (let n = 0; n < (t.nth ?? 1); n++) {
        index = text.indexOf(t.text, from);
        if (index < 0) {
            throw new Error(`test bug: token ${JSON.stringify(t.text)} (occurrence ${n + 1}) not in the manifest`);
        }
        from = index + 1;
    }
    const before = text.slice(0, index).split('\n');
    return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

export function run(manifest: Json, emit = false): CompileResult {
    return compile({ fileName: 'site.json', bytes: Buffer.from(textOf(manifest)) }, { emit });
}

export function checkCase(c: Case): CompileResult {
    const text = textOf(c.manifest);
    const result = run(c.manifest);
    const actual = result.diagnostics;
    const summary = JSON.stringify(actual.map((d) => `${d.code} ${d.start?.line}:${d.start?.column} ${d.pointer} ${d.message}`), null, 2);
    expect(
        actual.map((d) => [d.code, d.start?.line, d.start?.column, d.pointer]),
        summary,
    ).to.deep.equal(
        c.expected.map((e) => {
            const p = position(text, e.at);
            return [e.code, p.line, p.column, e.pointer];
        }),
    );
    c.expected.forEach((e, i) => {
        const d = actual[i]!;
        expect(d.message, summary).to.include(e.message);
        expect(d.severity).to.equal(Object.values(CATALOG).find((entry) => entry.code === e.code)?.severity);
        if (e.related) {
            expect(d.related.map((r) => ({ pointer: r.pointer, line: r.start?.line, column: r.start?.column, message: r.message }))).to.deep.equal(
                e.related.map((r) => ({ pointer: r.pointer, ...position(text, r.at), message: r.message })),
            );
        }
    });
    c.also?.(result);
    return result;
}

/** The meta check and one `it` per case, for the given rules (spec/helpers/rule-table.ts). */
export function describeRules(rules: readonly Rule[], cases: Readonly<Record<string, RuleCases>>): void {
    describeRuleTables(rules, cases, checkCase);
}

export { variant };
