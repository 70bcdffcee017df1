/**
 * The installed entry point (bin/xprc.js → dist/, with the precompiled
 * schema validator and templates) must report exactly what the in-process
 * compiler reports from sources, and write the golden bytes.
 * `npm ci` builds dist/ through the prepare script.
 */

import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../../../compiler/compile.js';
import { diagnosticsJson } from '../../../compiler/cli/format.js';
import { listFiles } from '../../helpers/golden.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CASES = ['invalid-schema', 'invalid-semantic', 'invalid-json', 'baseline'];

describe('installed CLI (dist/, precompiled validator)', function () {
    before(function () {
        if (
            !existsSync(`${ROOT}dist/cli/main.js`) ||
            !existsSync(`${ROOT}dist/frontend/schema-validator.cjs`) ||
            !existsSync(`${ROOT}dist/emit/templates.precompiled.cjs`)
        ) {
            console.log('    dist/ is not built: skipping (run `npm run build`; `npm ci` does it)');
            this.skip();
        }
        // A dist/ older than the sources tests yesterday's compiler, not this one.
        const built = statSync(`${ROOT}dist/frontend/schema-validator.cjs`).mtimeMs;
        const newest = Math.max(...['compiler', 'schemas', 'templates'].flatMap((dir) => newestFiles(`${ROOT}${dir}`)));
        if (newest > built) {
            console.log('    dist/ is older than the sources: skipping (run `npm run build`)');
            this.skip();
        }
    });

    it('should take a new user from xprc init to xprc build in two commands', () => {
        const dir = mkdtempSync(join(tmpdir(), 'xprc-installed-'));
        try {
            const bin = (...args: string[]) => spawnSync(process.execPath, [`${ROOT}bin/xprc.js`, ...args], { cwd: dir, encoding: 'utf8' });
            const init = bin('init', 'site.json');
            expect(init.status, init.stderr).to.equal(0);
            const build = bin('build', 'site.json');
            expect(build.status, build.stderr).to.equal(0);
            expect(existsSync(join(dir, 'out', 'site', 'SRV01', 'SRV01.ps1'))).to.equal(true);
            // $schema names the installed package's schema, relative to the manifest.
            const schema = (JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8')) as { $schema: string }).$schema;
            expect(existsSync(join(dir, schema))).to.equal(true);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    for (const name of CASES) {
        it(`should report the same diagnostics as the sources for ${name}`, () => {
            const cwd = `${ROOT}spec/golden/${name}`;
            const run = spawnSync(process.execPath, [`${ROOT}bin/xprc.js`, 'validate', 'site.json', '--format', 'json'], { cwd, encoding: 'utf8' });
            const inProcess = compile({ fileName: 'site.json', bytes: readFileSync(`${cwd}/site.json`) }, { emit: false });
            expect(JSON.parse(run.stdout)).to.deep.equal(JSON.parse(JSON.stringify(diagnosticsJson(inProcess.diagnostics))));
            expect(run.status).to.equal(inProcess.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
        });
    }

    // Rendered through the precompiled templates (dist/emit/templates.precompiled.cjs), not compiled ones;
    // with --emit-rsop, like the golden cases.
    for (const name of ['baseline', 'xpr-with-satellites', 'onex-portal-large']) {
        it(`should write exactly the golden files for ${name}`, () => {
            const cwd = `${ROOT}spec/golden/${name}`;
            const out = mkdtempSync(join(tmpdir(), 'xprc-installed-'));
            try {
                const run = spawnSync(process.execPath, [`${ROOT}bin/xprc.js`, 'build', 'site.json', '--emit-rsop', '--out', out], { cwd, encoding: 'utf8' });
                expect(run.status, run.stderr).to.equal(0);
                const [site] = readdirSync(out);
                const written = listFiles(join(out, site!)).filter((f) => f !== '.xprc-output.json');
                const expected = listFiles(`${cwd}/expected`).filter((f) => f !== 'diagnostics.txt' && f !== 'ir.txt');
                expect(written).to.deep.equal(expected);
                for (const file of expected) {
                    expect(readFileSync(join(out, site!, file)).equals(readFileSync(`${cwd}/expected/${file}`)), file).to.equal(true);
                }
            } finally {
                rmSync(out, { recursive: true, force: true });
            }
        });
    }
});

function newestFiles(dir: string): number[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs);
}
