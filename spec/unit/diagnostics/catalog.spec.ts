import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { CATALOG, catalogEntries, fillTemplate, findByCode } from '../../../compiler/diagnostics/catalog.js';
import { diagnosticsMarkdown } from '../../../compiler/diagnostics/docs.js';

describe('diagnostics catalog', () => {
    it('should give every entry a unique code in its phase range', () => {
        const ranges = { load: '1', schema: '2', semantic: '3', emit: '4', cli: '5' } as const;
        const codes = catalogEntries().map((e) => e.code);
        expect(new Set(codes).size).to.equal(codes.length);
        for (const e of catalogEntries()) {
            expect(e.code, e.kind).to.match(/^XPR[1-5][0-9]{3}$/);
            expect(e.code[3], `${e.code} is in the ${e.phase} range`).to.equal(ranges[e.phase]);
        }
    });

    it('should write messages and fixes as full sentences', () => {
        for (const e of catalogEntries()) {
            expect(e.message, e.code).to.match(/^[A-Z{"]/);
            expect(e.message.trimEnd(), e.code).to.match(/[.?}]$/);
            expect(e.fix.length, e.code).to.be.greaterThan(0);
            expect(e.explanation.length, e.code).to.be.greaterThan(20);
        }
    });

    it('should find entries by code, case-insensitively', () => {
        expect(findByCode('xpr3001')?.kind).to.equal('DuplicateNodeName');
        expect(findByCode('XPR9999')).to.equal(undefined);
    });

    it('should fill placeholders and refuse a missing argument', () => {
        expect(fillTemplate(CATALOG.DuplicateKey.message, { property: 'name' })).to.equal('Property "name" appears more than once in this object.');
        expect(() => fillTemplate(CATALOG.DuplicateKey.message, {})).to.throw(/placeholder \{property\}/);
    });

    it('should keep docs/diagnostics.md current (npm run gen:docs)', () => {
        const checkedIn = readFileSync(new URL('../../../docs/diagnostics.md', import.meta.url), 'utf8');
        expect(checkedIn === diagnosticsMarkdown(), 'docs/diagnostics.md is stale: run `npm run gen:docs`').to.equal(true);
    });
});
