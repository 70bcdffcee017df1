/**
 * The command line end to end, in process: exit codes, where output goes,
 * all-or-nothing writing, and byte-for-byte determinism.
 */

import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../../compiler/cli/main.js';
import { listFiles } from '../../helpers/golden.js';

const EXAMPLE = new URL('../../../examples/baseline.json', import.meta.url).pathname;

interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

async function run(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: Io = {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        env,
        cwd,
    };
    const code = await main(argv, io);
    return { code, stdout, stderr };
}

function workspace(): string {
    return mkdtempSync(join(tmpdir(), 'xprc-cli-'));
}

function snapshot(dir: string): Record<string, string> {
    return Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

/** The same JSON with every object's keys in reverse order. */
function shuffleKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shuffleKeys);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffleKeys(v)]));
    }
    return value;
}

describe('xprc command line', () => {
    let dir: string;
    beforeEach(() => {
        dir = workspace();
        writeFileSync(join(dir, 'site.json'), readFileSync(EXAMPLE));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    describe('exit codes', () => {
        const cases: readonly [string, readonly string[], number, RegExp][] = [
            ['--version prints the version', ['--version'], 0, /^\d+\.\d+\.\d+\n$/],
            ['--help lists the commands', ['--help'], 0, /init \[file\][\s\S]*build <manifest\.\.>[\s\S]*validate <manifest\.\.>[\s\S]*schema[\s\S]*explain/],
            ['validate of a valid manifest', ['validate', 'site.json'], 0, /site\.json: no errors\./],
            ['explain a known code', ['explain', 'XPR3001'], 0, /XPR3001 \(error, semantic\): Duplicate node name/],
            ['explain without a code lists all codes', ['explain'], 0, /XPR1002[\s\S]*XPR3021/],
            ['schema prints the bundled root schema', ['schema'], 0, /"\$id": "https:\/\/xprc\.dev\/schemas\/v1\/site\.schema\.json"/],
        ];
        for (const [title, argv, code, pattern] of cases) {
            it(`should exit ${code}: ${title}`, async () => {
                const result = await run(argv, dir);
                expect(result.code, result.stderr).to.equal(code);
                expect(result.stdout).to.match(pattern);
            });
        }

        const usage: readonly [string, readonly string[]][] = [
            ['no command', []],
            ['an unknown command', ['deploy', 'site.json']],
            ['an unknown option', ['build', 'site.json', '--bogus']],
            ['build without a manifest', ['build']],
            ['explain of an unknown code', ['explain', 'XPR9999']],
        ];
        for (const [title, argv] of usage) {
            it(`should exit 2 for ${title}`, async () => {
                const result = await run(argv, dir);
                expect(result.code).to.equal(2);
                expect(result.stderr.length).to.be.greaterThan(0);
            });
        }

        it('should exit 1 with a coded diagnostic for a missing manifest file', async () => {
            const result = await run(['build', 'missing.json'], dir);
            expect(result.code).to.equal(1);
            expect(result.stderr).to.contain('missing.json - error XPR1001: Cannot read the manifest: no such file.');
        });
    });

    describe('build', () => {
        it('should write out/<site>/<NODE>/… and nothing else', async () => {
            const result = await run(['build', 'site.json'], dir);
            expect(result.code, result.stderr).to.equal(0);
            expect(readdirSync(join(dir, 'out'))).to.deep.equal(['contoso-lab']);
            expect(listFiles(join(dir, 'out', 'contoso-lab'))).to.include.members([
                'FS01/FS01.ps1',
                'FS01/FS01.reg',
                'FS01/ConfigurationData.psd1',
                'FS01/RequiredModules.psd1',
                'FS01/build.ps1',
                'FS01/RUNBOOK.md',
                'WEB01/WEB01.ps1',
            ]);
        });

        it('should write byte-identical output twice, and for the manifest with its keys shuffled or reformatted', async () => {
            await run(['build', 'site.json', '--out', 'a'], dir);
            await run(['build', 'site.json', '--out', 'b'], dir);
            const shuffled = shuffleKeys(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
            writeFileSync(join(dir, 'site.json'), JSON.stringify(shuffled));
            await run(['build', 'site.json', '--out', 'c'], dir);
            const a = snapshot(join(dir, 'a'));
            expect(Object.keys(a).length).to.be.greaterThan(10);
            expect(snapshot(join(dir, 'b'))).to.deep.equal(a);
            expect(snapshot(join(dir, 'c'))).to.deep.equal(a);
        });

        it('should write no absolute path, host name or timestamp into the output', async () => {
            await run(['build', 'site.json'], dir);
            const out = join(dir, 'out');
            for (const file of listFiles(out)) {
                const bytes = readFileSync(join(out, file));
                const text = bytes[0] === 0xff ? bytes.toString('utf16le') : bytes.toString('utf8');
                expect(text, file).to.not.contain(dir);
                expect(text, file).to.not.contain(tmpdir());
                expect(text, file).to.not.match(/20\d\d-\d\d-\d\d/);
            }
        });
    });

    describe('bad input', () => {
        const bad: readonly [string, string, RegExp][] = [
            ['malformed JSON', '{ "name": "x", "nodes": [ ', /site\.json:1:\d+ - error XPR1002/],
            ['a wrong type', '{ "name": "x", "nodes": [{ "name": 5 }] }', /site\.json:1:\d+ - error XPR2001/],
            ['an unknown property', '{ "name": "x", "nodez": [] }', /error XPR2003/],
            ['a password', '{ "name": "x", "nodes": [{ "name": "A", "password": "p" }] }', /error XPR2007/],
            ['a path-like node name', '{ "name": "x", "nodes": [{ "name": "../../etc" }] }', /error XPR3003/],
            ['a dangling credential', '{ "name": "x", "nodes": [{ "name": "A", "baseline": { "services": [{ "name": "S", "account": { "credential": "Nope" } }] } }] }', /error XPR3004/],
            ['duplicate node names', '{ "name": "x", "nodes": [{ "name": "A1" }, { "name": "a1" }] }', /error XPR3001/],
        ];
        for (const [title, manifest, pattern] of bad) {
            it(`should exit 1, print the code and position, and write nothing for ${title}`, async () => {
                writeFileSync(join(dir, 'site.json'), manifest);
                const result = await run(['build', 'site.json'], dir);
                expect(result.code).to.equal(1);
                expect(result.stderr).to.match(pattern);
                expect(result.stderr).to.not.match(/\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
                expect(existsSync(join(dir, 'out'))).to.equal(false);
            });
        }

        it('should leave existing output untouched when a later build fails', async () => {
            await run(['build', 'site.json'], dir);
            const before = snapshot(join(dir, 'out'));
            writeFileSync(join(dir, 'site.json'), '{ "name": "contoso-lab", "nodes": [{ "name": "BAD NAME" }] }');
            const result = await run(['build', 'site.json'], dir);
            expect(result.code).to.equal(1);
            expect(snapshot(join(dir, 'out'))).to.deep.equal(before);
        });

        it('should report an unwritable output folder as XPR5001 and keep the previous output', async () => {
            await run(['build', 'site.json'], dir);
            const before = snapshot(join(dir, 'out'));
            // A file where the output folder should be makes every write fail.
            writeFileSync(join(dir, 'blocked'), 'not a folder');
            const result = await run(['build', 'site.json', '--out', 'blocked'], dir);
            expect(result.code).to.equal(1);
            expect(result.stderr).to.contain('error XPR5001');
            expect(snapshot(join(dir, 'out'))).to.deep.equal(before);
            expect(readFileSync(join(dir, 'blocked'), 'utf8')).to.equal('not a folder');
        });

        it('should print diagnostics as JSON with --format json', async () => {
            const manifest = '{ "name": "x", "nodes": [{ "name": "A", "os": "Win95" }] }';
            writeFileSync(join(dir, 'site.json'), manifest);
            const result = await run(['validate', 'site.json', '--format', 'json'], dir);
            expect(result.code).to.equal(1);
            const parsed = JSON.parse(result.stdout) as { schema: string; version: number; diagnostics: { code: string; line: number; column: number }[]; errors: number };
            // Versioned like the diff's JSON (docs/diagnostics-json.md); the first two keys.
            expect(Object.keys(parsed).slice(0, 2)).to.deep.equal(['schema', 'version']);
            expect([parsed.schema, parsed.version]).to.deep.equal(['xprc-diagnostics', 1]);
            expect(parsed.errors).to.equal(1);
            expect(parsed.diagnostics[0]).to.include({ code: 'XPR2004', line: 1, column: manifest.indexOf('"Win95"') + 1 });
        });

        describe('colour (FORCE_COLOR, NO_COLOR, TERM=dumb, TTY)', () => {
            const cases: readonly [string, boolean, NodeJS.ProcessEnv, boolean][] = [
                ['a pipe', false, {}, false],
                ['a terminal', true, {}, true],
                ['a terminal with NO_COLOR', true, { NO_COLOR: '1' }, false],
                ['a terminal with an empty NO_COLOR (unset, by no-color.org)', true, { NO_COLOR: '' }, true],
                ['a terminal with TERM=dumb', true, { TERM: 'dumb' }, false],
                ['a pipe with FORCE_COLOR=1', false, { FORCE_COLOR: '1' }, true],
                ['a pipe with FORCE_COLOR=3', false, { FORCE_COLOR: '3' }, true],
                ['a pipe with FORCE_COLOR set empty (on, as in Node)', false, { FORCE_COLOR: '' }, true],
                ['a pipe with FORCE_COLOR and NO_COLOR (FORCE_COLOR decides, as in Node)', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
                ['a terminal with FORCE_COLOR=0', true, { FORCE_COLOR: '0' }, false],
                ['a terminal with FORCE_COLOR=false', true, { FORCE_COLOR: 'false' }, false],
            ];
            for (const [title, isTTY, env, coloured] of cases) {
                it(`should ${coloured ? '' : 'not '}colour diagnostics on ${title}`, async () => {
                    writeFileSync(join(dir, 'site.json'), '{ "name": "x", "nodez": [] }');
                    let stderr = '';
                    const code = await main(['validate', 'site.json'], { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t), isTTY }, env, cwd: dir });
                    expect(code).to.equal(1);
                    expect(stderr).to.contain('XPR2003');
                    if (coloured) expect(stderr).to.contain('\u001b[31merror\u001b[39m');
                    else expect(stderr).to.not.contain('\u001b[');
                });
            }
        });

        it('should colour diagnostics only on a terminal and never with NO_COLOR', async () => {
            writeFileSync(join(dir, 'site.json'), '{ "name": "x", "nodez": [] }');
            const plain = await run(['validate', 'site.json'], dir);
            expect(plain.stderr).to.not.contain('\u001b[');
            let tty = '';
            const io: Io = { stdout: { write: () => true }, stderr: { write: (t: string) => (tty += t), isTTY: true }, env: {}, cwd: dir };
            await main(['validate', 'site.json'], io);
            expect(tty).to.contain('\u001b[31m');
            let noColor = '';
            await main(['validate', 'site.json'], { ...io, stderr: { write: (t: string) => (noColor += t), isTTY: true }, env: { NO_COLOR: '1' } });
            expect(noColor).to.not.contain('\u001b[');
        });
    });
});
