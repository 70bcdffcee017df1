/**
 * The documentation says what the compiler does (issue 11 item 24): every
 * product has a page with what is automated and what stays manual, naming
 * every Windows service its configurations can manage; the README's manifest
 * tour says it is annotated and is JSON once the annotations are gone; no
 * document cites a Markdown file the project does not ship.
 */

import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { COMPONENTS, KERNEL_SERVICES, SATELLITE_SERVICES } from '../../compiler/products/xpr/data.js';
import { DEFAULT_SERVICE_NAME } from '../../compiler/products/onex-portal/data.js';
import { MATRIX_BEGIN, MATRIX_END, withMatrix } from '../../compiler/products/xpr/upgrade-docs.js';
import { UPGRADE_MATRIX } from '../../compiler/products/xpr/upgrade-data.js';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8');

describe('documentation (issue 11 item 24)', () => {
    const pages: readonly [string, readonly string[]][] = [
        ['docs/xpr.md', [...new Set([...KERNEL_SERVICES, ...SATELLITE_SERVICES, ...Object.values(COMPONENTS).flatMap((c) => c.services)].map((s) => s.name))]],
        ['docs/onex-portal.md', [DEFAULT_SERVICE_NAME]],
        ['docs/officestatus.md', []],
        ['docs/ox-updater.md', []],
    ];
    for (const [page, services] of pages) {
        it(`${page} says what is automated, what stays manual, and names the ${services.length} service(s) it generates`, () => {
            const text = read(page);
            expect(text).to.match(/^## What is automated/m);
            expect(text).to.match(/stays manual|what is not/i);
            expect(services.filter((name) => !text.includes(`\`${name}\``))).to.deep.equal([]);
            if (services.length === 0) {
                expect(text).to.match(/No Windows service is generated/);
            }
            expect(read('README.md')).to.include(page);
        });
    }

    it('should call the README\'s manifest tour annotated, and it is JSON without its annotations', () => {
        const readme = read('README.md');
        const start = readme.indexOf('## A manifest in five minutes');
        const block = /```jsonc\n([\s\S]*?)\n```/.exec(readme.slice(start));
        expect(block, 'the tour').to.not.equal(null);
        expect(readme.slice(start, start + (block?.index ?? 0))).to.match(/annotated/i);
        const stripped = block![1]!.replace(/ {2,}\/\/.*$/gm, '').replace(/…/g, '');
        expect(() => JSON.parse(stripped)).to.not.throw();
    });

    it('should say that the .reg values needing a reboot are Script blocks, not xRegistry', () => {
        expect(read('README.md')).to.match(/`xScript` block for a value Windows reads only at start-up/);
    });

    it('should keep the matrix of docs/xpr-upgrade.md current (npm run gen:docs), one line per row of upgrade-data.ts', () => {
        const text = read('docs/xpr-upgrade.md');
        expect(withMatrix(text), 'docs/xpr-upgrade.md is out of date: run npm run gen:docs').to.equal(text);
        const table = text.slice(text.indexOf(MATRIX_BEGIN), text.indexOf(MATRIX_END));
        for (const row of UPGRADE_MATRIX) {
            expect(table.split('\n').filter((line) => line.startsWith(`| \`${row.id}\` |`)), row.id).to.have.length(1);
            expect(table, row.id).to.include(row.section);
        }
    });

    it('should give docs/xpr-upgrade.md the sections the upgrade needs, and every rule code', () => {
        const text = read('docs/xpr-upgrade.md');
        for (const heading of ['## The matrix', '## Methods', '## What xprc decides, and what stays manual', '## Rules (XPR3140–XPR3164)', '## What each path runs']) {
            expect(text, heading).to.include(`\n${heading}\n`);
        }
        const rules = text.slice(text.indexOf('## Rules'), text.indexOf('## What each path runs'));
        const listed = new Set<number>();
        for (const m of rules.matchAll(/XPR(\d{4})(?:–XPR(\d{4}))?/g)) {
            const from = Number(m[1]);
            for (let code = from; code <= Number(m[2] ?? from); code++) {
                listed.add(code);
            }
        }
        const missing = Array.from({ length: 25 }, (_, i) => 3140 + i).filter((code) => !listed.has(code));
        expect(missing).to.deep.equal([]);
        expect(read('README.md')).to.include('docs/xpr-upgrade.md');
    });

    // The Markdown files xprc writes: per node (RUNBOOK.md, and RSOP.md with --emit-rsop) and at the site root (PLAN.md, PACKAGE.md).
    const GENERATED: ReadonlySet<string> = new Set(['RUNBOOK.md', 'RSOP.md', 'PLAN.md', 'PACKAGE.md']);

    it('should cite only Markdown files the project ships', () => {
        const documents = ['README.md', 'ARCHITECTURE.md', 'CHANGELOG.md', ...readdirSync(new URL('docs/', ROOT)).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)];
        const missing: string[] = [];
        for (const document of documents.filter((d) => existsSync(new URL(d, ROOT)))) {
            for (const match of read(document).matchAll(/[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.md\b/g)) {
                const cited = match[0];
                if (GENERATED.has(cited.replace(/^out\/[^/]+\//, ''))) {
                    continue; // a file xprc writes into the output folder, not a document of the project
                }
                const candidates = [cited, `docs/${cited}`, new URL(cited, new URL(document, ROOT)).pathname.slice(new URL(ROOT).pathname.length)];
                if (!candidates.some((c) => existsSync(new URL(c, ROOT)))) {
                    missing.push(`${document}: ${cited}`);
                }
            }
        }
        expect(missing).to.deep.equal([]);
    });
});
