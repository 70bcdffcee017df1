/**
 * The constraints the schemas state for editors (`x-checkedByRule`) say what
 * their rules say: a value the editor accepts is one the rule accepts, and
 * the other way round where the rule's check is a single-value one (the
 * port rule also wants low ≤ high, which a pattern cannot say). Checked with
 * ajv on the schema files as editors read them, against the rules' own
 * functions, on generated names and ranges.
 */

import { expect } from 'chai';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadSchemas } from '../../../compiler/frontend/schemas.js';
import { DOUBTFUL_SERVER_NAME_CHARACTER, SERVER_NAME_CHARACTER } from '../../../compiler/products/xpr/data.js';
import { parsePortRange } from '../../../compiler/rules/firewall-ports.js';
import { MAX_NODE_NAME_LENGTH, RESERVED_WORDS, invalidNameReason, isDosDeviceName } from '../../../compiler/rules/node-names.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;
// Not strict: an editor entry may hold a string keyword where the type comes from a sibling anyOf (the port).
const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
addFormats(ajv, ['ipv4', 'ipv6']);
for (const document of loadSchemas()) {
    ajv.addSchema(document);
}

function accepts(ref: string): (value: unknown) => boolean {
    const validate = ajv.getSchema(`https://xprc.dev/schemas/v1/${ref}`);
    if (!validate) {
        throw new Error(`no schema ${ref}`);
    }
    return (value) => validate(value) as boolean;
}

/** Upper, lower or mixed case of a word. */
const anyCase = (word: string) => fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((upper) => [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));

describe('editor constraints agree with their rules', () => {
    it('node names: the editor accepts exactly what node-names accepts', () => {
        const editor = accepts('common.schema.json#/$defs/node/properties/name');
        const special = ['CON', 'PRN', 'AUX', 'NUL', 'COM1', 'COM9', 'LPT1', 'COM0', 'LPT10', 'CONSOLE', 'NULLS', ...RESERVED_WORDS];
        const names = fc.oneof(
            fc.string({ unit: fc.constantFrom('A', 'b', 'Z', '0', '7', '-', '_', ' ', '.', 'é'), maxLength: 18 }),
            fc.constantFrom(...special).chain(anyCase),
            fc.constantFrom(...special).map((word) => `${word}1`),
        );
        fc.assert(
            fc.property(names, (name) => {
                const rule = invalidNameReason(name) === undefined && name.length <= MAX_NODE_NAME_LENGTH;
                expect(editor(name), JSON.stringify(name)).to.equal(rule);
            }),
            { numRuns: 2000 },
        );
    });

    it('site names: the editor accepts exactly what site-name accepts of a name the pattern allows', () => {
        const editor = accepts('site.schema.json#/properties/name');
        const names = fc.oneof(fc.constantFrom('con', 'prn', 'aux', 'nul', 'com1', 'lpt9', 'com0', 'lpt10', 'console', 'lab-01'), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,6}[a-z0-9]$/));
        fc.assert(
            fc.property(names, (name) => {
                expect(editor(name), name).to.equal(!isDosDeviceName(name));
            }),
        );
    });

    it('port ranges: the editor accepts exactly the ranges within 1-65535 (the rule also wants low <= high)', () => {
        const editor = accepts('baseline.schema.json#/$defs/port');
        const number = fc.oneof(fc.integer({ min: 0, max: 99999 }), fc.constantFrom(0, 1, 65535, 65536, 99999));
        const written = (n: number) => fc.integer({ min: 0, max: 4 }).map((zeros) => `${'0'.repeat(zeros)}${n}`).filter((s) => s.length <= 6);
        const ranges = fc.tuple(number.chain(written), number.chain(written)).map(([low, high]) => `${low}-${high}`);
        fc.assert(
            fc.property(ranges, (range) => {
                const [low, high] = range.split('-') as [string, string];
                const rule = parsePortRange(range) ?? parsePortRange(`${high}-${low}`);
                expect(editor(range), range).to.equal(rule !== undefined);
            }),
            { numRuns: 2000 },
        );
        expect([editor(8080), editor(0), editor(65536), editor('5060-5061'), editor('5061-5060')]).to.deep.equal([true, false, false, true, true]);
    });

    it('XPR server names: the editor accepts exactly the characters xpr-server-name does not report as errors', () => {
        const editor = accepts('xpr.schema.json#/properties/serverName');
        const names = fc.string({ unit: fc.constantFrom('X', 'p', '1', '-', '_', ' ', 'ü', '.', '$'), minLength: 1, maxLength: 12 });
        fc.assert(
            fc.property(names, (name) => {
                const rule = [...name].every((ch) => SERVER_NAME_CHARACTER.test(ch) || DOUBTFUL_SERVER_NAME_CHARACTER.test(ch));
                expect(editor(name), JSON.stringify(name)).to.equal(rule);
            }),
        );
    });
});
