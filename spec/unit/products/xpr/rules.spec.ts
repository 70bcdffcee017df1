/**
 * The XPR vendor rules (compiler/products/xpr/rules), end to end through
 * compile(): every rule has a failing case for each code it reports, with
 * the code, line:column, pointer and message of every diagnostic, and at
 * least one passing case.
 */

import { expect } from 'chai';
import { compile } from '../../../../compiler/compile.js';
import { CATALOG } from '../../../../compiler/diagnostics/catalog.js';
import { xprProduct } from '../../../../compiler/products/xpr/index.js';
import { CASES } from './table.js';

function run(manifest: unknown) {
    return compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2)) }, { emit: false });
}

describe('XPR rules (compiler/products/xpr/rules)', () => {
    describe('meta', () => {
        it('should have a failing case for every code a rule reports, and a passing case per rule', () => {
            for (const rule of xprProduct.rules) {
                const cases = CASES.filter((c) => c.rule === rule.name);
                const reported = new Set(cases.filter((c) => !c.passing).flatMap((c) => c.expected.map((e) => e.code)));
                for (const kind of rule.reports) {
                    expect([...reported], `${rule.name}: no failing case for ${kind}`).to.include(CATALOG[kind].code);
                }
                expect(cases.some((c) => c.passing), `${rule.name}: no passing case`).to.equal(true);
            }
        });

        it('should only have cases for XPR rules', () => {
            const names = xprProduct.rules.map((rule) => rule.name);
            for (const c of CASES) {
                expect(names).to.include(c.rule);
            }
        });

        it('should report only codes of the XPR block (XPR3100–XPR3199) from XPR rules, each cited to a guide', () => {
            for (const rule of xprProduct.rules) {
                for (const kind of rule.reports) {
                    const entry = CATALOG[kind] as { code: string; guide?: string };
                    expect(entry.code, kind).to.match(/^XPR31\d\d$/);
                    if (kind !== 'XprUnknownNode') {
                        expect(entry.guide, kind).to.match(/§|History/);
                    }
                }
            }
        });
    });

    for (const rule of xprProduct.rules) {
        describe(rule.name, () => {
            const codes = rule.reports.map((kind) => CATALOG[kind].code as string);
            for (const c of CASES.filter((x) => x.rule === rule.name)) {
                it(c.it, () => {
                    const actual = run(c.manifest).diagnostics;
                    expect(
                        actual.map((d) => [d.code, d.start?.line, d.start?.column, d.pointer]),
                        JSON.stringify(actual.map((d) => `${d.code} ${d.start?.line}:${d.start?.column} ${d.pointer} ${d.message}`), null, 2),
                    ).to.deep.equal(c.expected.map((e) => [e.code, e.line, e.column, e.pointer]));
                    c.expected.forEach((e, i) => expect(actual[i]?.message).to.equal(e.message));
                    if (c.passing) {
                        expect(actual.filter((d) => codes.includes(d.code))).to.deep.equal([]);
                    } else {
                        expect(actual.some((d) => codes.includes(d.code))).to.equal(true);
                    }
                });
            }
        });
    }
});
