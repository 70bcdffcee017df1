/**
 * dist/emit/templates.js renders from the precompiled templates only while
 * a template's source has the hash the build saw: an edited template is
 * compiled afresh, never rendered from the stale build.
 */

import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { TEMPLATE_OPTIONS, templateFor, templateHash, type PrecompiledTemplate } from '../../../compiler/emit/templates.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = `${ROOT}dist/emit/templates.js`;

describe('emit: precompiled templates (dist/)', function () {
    let precompiled: Record<string, { sha256: string }>;
    before(async function () {
        if (!existsSync(DIST) || !existsSync(`${ROOT}dist/emit/templates.precompiled.cjs`)) {
            console.log('    dist/ is not built: skipping (run `npm run build`; `npm ci` does it)');
            this.skip();
        }
        precompiled = (await import(`${ROOT}dist/emit/templates.precompiled.cjs`)).default as typeof precompiled;
    });

    it('holds every template with the hash of its current source', async () => {
        expect(Object.keys(precompiled).length).to.be.greaterThan(0);
        const dist = (await import(DIST)) as { templateHash(s: string): string };
        const names = Object.keys(precompiled).sort();
        expect(names).to.include('configuration.ps1.hbs');
        for (const name of names) {
            expect(precompiled[name]!.sha256, name).to.equal(dist.templateHash(readFileSync(`${ROOT}templates/${name}`, 'utf8')));
        }
    });
});

describe('emit: templateFor picks the build only for the source it saw', () => {
    // A build whose entry renders "from the build" for the source "from the source {{int n}}".
    const source = 'from the source {{int n}}';
    const spec = (built: string) => new Function(`return ${Handlebars.precompile(built, TEMPLATE_OPTIONS)}`)() as object;
    const cases: readonly { name: string; table: Record<string, PrecompiledTemplate>; expected: string }[] = [
        { name: 'matching hash: the precompiled template', table: { 't.hbs': { sha256: templateHash(source), spec: spec('from the build {{int n}}') } }, expected: 'from the build 3' },
        { name: 'other hash: compiled from the source', table: { 't.hbs': { sha256: templateHash('older'), spec: spec('from the build {{int n}}') } }, expected: 'from the source 3' },
        { name: 'no entry: compiled from the source', table: {}, expected: 'from the source 3' },
    ];
    for (const c of cases) {
        it(c.name, () => {
            expect(templateFor('t.hbs', source, c.table)({ n: 3 })).to.equal(c.expected);
        });
    }

    it('keeps strict mode on both paths', () => {
        const table = { 't.hbs': { sha256: templateHash(source), spec: spec('{{missing}}') } };
        expect(() => templateFor('t.hbs', source, table)({ n: 1 })).to.throw(/missing/);
        expect(() => templateFor('t.hbs', '{{missing}}', {})({})).to.throw(/missing/);
    });
});
