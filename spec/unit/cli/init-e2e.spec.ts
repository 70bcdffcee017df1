/**
 * A new user's first two commands through the real process (the sources,
 * run by tsx, as `node` runs bin/xprc.js): `xprc init site.json` then
 * `xprc build site.json`, in an empty folder; then a manifest piped into
 * `xprc build -`, and colour into a pipe only with FORCE_COLOR.
 * installed-cli.spec.ts runs the same through dist/.
 */

import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');

function xprc(cwd: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv; entry?: string } = {}) {
    const entry = options.entry ? [options.entry] : ['--import', TSX, join(ROOT, 'compiler', 'cli', 'run-source.ts')];
    const env = { PATH: process.env['PATH'] ?? '', HOME: cwd, ...options.env };
    return spawnSync(process.execPath, [...entry, ...args], { cwd, env, encoding: 'utf8', ...(options.input !== undefined ? { input: options.input } : {}), timeout: 120_000 });
}

describe('xprc init → xprc build, through the real process', function () {
    this.timeout(180_000);
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'xprc-e2e-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("should be what the README shows a new user, next to the bundled example's one command", () => {
        const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
        expect(readme).to.contain('\n```sh\nnpx xprc init site.json && npx xprc build site.json\n```\n');
        expect(readme).to.contain('\n```sh\nnpm install && npx xprc build examples/baseline.json\n```\n');
    });

    it('should build what init wrote, and refuse to init over it', () => {
        const init = xprc(dir, ['init', 'site.json']);
        expect(init.status, init.stderr).to.equal(0);
        const build = xprc(dir, ['build', 'site.json']);
        expect(build.status, build.stderr).to.equal(0);
        expect(build.stderr).to.equal('');
        expect(build.stdout).to.match(/^Wrote \d+ files for 1 node\(s\) to .*out[\\/]site\n$/);
        expect(readdirSync(join(dir, 'out', 'site', 'SRV01'))).to.include.members(['SRV01.ps1', 'RUNBOOK.md']);
        const before = readFileSync(join(dir, 'site.json'), 'utf8');
        const again = xprc(dir, ['init', 'site.json']);
        expect(again.status).to.equal(1);
        expect(again.stderr).to.match(/^site\.json - error XPR5043/);
        expect(readFileSync(join(dir, 'site.json'), 'utf8')).to.equal(before);
    });

    it('should read a piped manifest for -, name it <stdin>, and write out/<site>/', () => {
        const manifest = readFileSync(join(ROOT, 'examples', 'baseline.json'), 'utf8');
        const build = xprc(dir, ['build', '-'], { input: manifest });
        expect(build.status, build.stderr).to.equal(0);
        expect(existsSync(join(dir, 'out', 'contoso-lab', 'FS01', 'FS01.ps1'))).to.equal(true);
        const broken = xprc(dir, ['validate', '-'], { input: '{ "name": "x", "nodes": [{ "name": "BAD NAME" }] }' });
        expect(broken.status).to.equal(1);
        expect(broken.stderr).to.match(/^<stdin>:1:\d+ - error XPR/);
    });

    const colours: readonly [string, NodeJS.ProcessEnv, boolean][] = [
        // The other combinations are in-process cases of cli.spec.ts; this one proves the real stderr pipe.
        ['a pipe with FORCE_COLOR=1', { FORCE_COLOR: '1' }, true],
    ];
    for (const [title, env, coloured] of colours) {
        it(`should ${coloured ? '' : 'not '}colour diagnostics into ${title}`, () => {
            const result = xprc(dir, ['validate', '-'], { input: '{ "name": "x", "nodez": [] }', env });
            expect(result.status).to.equal(1);
            expect(result.stderr.includes('\u001b[31m')).to.equal(coloured);
        });
    }
});
