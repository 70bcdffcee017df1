/**
 * Shared shape of the products' table-driven rule tests: a meta check that
 * every rule has a table with a failing case for every code it reports and
 * a passing case, then one `it` per case.
 */

import { expect } from 'chai';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { CATALOG } from '../../compiler/diagnostics/catalog.js';
import type { Rule } from '../../compiler/rules/rule.js';

export interface TableCase {
    readonly it: string;
    readonly expected: readonly { readonly code: string }[];
}

export interface RuleTable<C extends TableCase> {
    readonly failing: readonly C[];
    readonly passing: readonly C[];
}

/** `checkCase` compiles the case and asserts its expected diagnostics exactly. */
export function describeRuleTables<C extends TableCase>(
    rules: readonly Rule[],
    cases: Readonly<Record<string, RuleTable<C>>>,
    checkCase: (c: C) => { readonly diagnostics: readonly Diagnostic[] },
): void {
    it('should have a table for every rule, with a failing case for every kind it reports and a passing case', () => {
        expect(Object.keys(cases).sort()).to.deep.equal(rules.map((rule) => rule.name).sort());
        for (const rule of rules) {
            const table = cases[rule.name];
            expect(table, rule.name).to.not.equal(undefined);
            const covered = new Set((table?.failing ?? []).flatMap((c) => c.expected.map((e) => e.code)));
            for (const kind of rule.reports) {
                expect([...covered], `${rule.name}: no failing case for ${kind}`).to.include(CATALOG[kind].code);
            }
            expect(table?.passing, rule.name).to.not.be.empty;
        }
    });
    for (const rule of rules) {
        describe(rule.name, () => {
            const table = cases[rule.name] ?? { failing: [], passing: [] };
            const codes = rule.reports.map((kind) => CATALOG[kind].code as string);
            for (const c of table.failing) {
                it(c.it, () => {
                    expect(checkCase(c).diagnostics.some((d) => codes.includes(d.code))).to.equal(true);
                });
            }
            for (const c of table.passing) {
                it(c.it, () => {
                    expect(checkCase(c).diagnostics.filter((d) => codes.includes(d.code))).to.deep.equal([]);
                });
            }
        });
    }
}

/** A deep copy of `base`, changed by `edit`. */
export function variant<T>(base: T, edit: (copy: T) => void): T {
    const copy = structuredClone(base);
    edit(copy);
    return copy;
}
