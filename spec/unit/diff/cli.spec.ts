/**
 * The change-review commands end to end, in process like
 * spec/unit/cli/cli.spec.ts: `xprc diff` (two files, and --base against a
 * git repository created here), `xprc build --check`, and
 * `xprc explain <NODE> <resource-id>`. Exit codes, where output goes, and
 * that --check writes nothing.
 */

import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../../compiler/cli/main.js';
import { formatBlock } from '../../../compiler/diff/explain.js';
import { listFiles } from '../../helpers/golden.js';

const EXAMPLE = new URL('../../../examples/baseline.json', import.meta.url).pathname;
const PORT_8081 = (text: string) => text.replace('"value": 8080,', '"value": 8081,');

interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

async function run(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env, cwd };
    const code = await main(argv, io);
    return { code, stdout, stderr };
}

/** Every file below `dir` with its bytes, to prove a command wrote nothing. */
function snapshot(dir: string): Record<string, string> {
    return Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

const NO_STACK = /\n\s+at .*:\d+:\d+/;

describe('xprc diff, build --check and explain', () => {
    let dir: string;
    const example = readFileSync(EXAMPLE, 'utf8');
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'xprc-review-'));
        writeFileSync(join(dir, 'old.json'), example);
        writeFileSync(join(dir, 'new.json'), PORT_8081(example));
        writeFileSync(join(dir, 'same.json'), JSON.stringify(JSON.parse(example)));
        writeFileSync(join(dir, 'broken.json'), '{ "name": "x", "nodez": [] }');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    describe('diff exit codes', () => {
        const cases: readonly [string, readonly string[], number, RegExp, RegExp?][] = [
            ['no change (reformatted manifest)', ['diff', 'old.json', 'same.json'], 0, /No changes/],
            ['a change, as text', ['diff', 'old.json', 'new.json'], 3, /~ node FS01\n[\s\S]*ValueData: @\('00001f90'\) → @\('00001f91'\)/],
            ['a change, as Markdown', ['diff', 'old.json', 'new.json', '--format', 'md'], 3, /^### xprc diff: `old\.json` → `new\.json`[\s\S]*\| `ValueData` \|/],
            ['a change, as JSON', ['diff', 'old.json', 'new.json', '--format', 'json'], 3, /"changed": true/],
            ['no change, as JSON', ['diff', 'old.json', 'same.json', '--format', 'json'], 0, /"changed": false/],
            ['errors in the new manifest', ['diff', 'old.json', 'broken.json'], 1, /^$/, /broken\.json:1:\d+ - error XPR2003/],
            ['errors in the old manifest', ['diff', 'broken.json', 'old.json'], 1, /^$/, /broken\.json:1:\d+ - error XPR2003/],
            ['a missing manifest', ['diff', 'old.json', 'nope.json'], 1, /^$/, /nope\.json - error XPR1001/],
            ['no second manifest and no --base', ['diff', 'old.json'], 2, /^$/, /give either two manifests/],
            ['both a second manifest and --base', ['diff', 'old.json', 'new.json', '--base', 'HEAD'], 2, /^$/, /give either two manifests/],
            ['an unknown format', ['diff', 'old.json', 'new.json', '--format', 'html'], 2, /^$/, /Invalid values:\n  Argument: format, Given: "html", Choices: "text", "md", "json"/],
        ];
        for (const [title, argv, code, stdout, stderr] of cases) {
            it(`should exit ${code} for ${title}`, async () => {
                const result = await run(argv, dir);
                expect(result.code, result.stderr).to.equal(code);
                expect(result.stdout).to.match(stdout);
                if (stderr) expect(result.stderr).to.match(stderr);
                expect(result.stderr).to.not.match(NO_STACK);
            });
        }

        it('should print the diagnostics of both manifests as one JSON document with --format json', async () => {
            const one = JSON.parse((await run(['validate', 'broken.json', '--format', 'json'], dir)).stdout) as { errors: number };
            const result = await run(['diff', 'broken.json', 'broken.json', '--format', 'json'], dir);
            expect(result.code).to.equal(1);
            expect(one.errors).to.be.greaterThan(0);
            expect((JSON.parse(result.stdout) as { errors: number }).errors).to.equal(2 * one.errors);
        });

        it('should colour the diff only on a terminal without NO_COLOR', async () => {
            let tty = '';
            const io: Io = { stdout: { write: (t: string) => (tty += t), isTTY: true }, stderr: { write: () => true }, env: {}, cwd: dir };
            expect(await main(['diff', 'old.json', 'new.json'], io)).to.equal(3);
            expect(tty).to.contain('\u001b[');
            let noColor = '';
            await main(['diff', 'old.json', 'new.json'], { ...io, stdout: { write: (t: string) => (noColor += t), isTTY: true }, env: { NO_COLOR: '1' } });
            expect(noColor).to.not.contain('\u001b[');
            expect((await run(['diff', 'old.json', 'new.json'], dir)).stdout).to.not.contain('\u001b[');
        });

        it('should keep --format md for diff only (build and validate still take text and json)', async () => {
            expect((await run(['build', 'old.json', '--format', 'md'], dir)).code).to.equal(2);
            expect((await run(['validate', 'old.json', '--format', 'md'], dir)).code).to.equal(2);
            expect((await run(['validate', 'old.json', '--format', 'json'], dir)).code).to.equal(0);
            expect(existsSync(join(dir, 'out'))).to.equal(false);
        });

        it('should document the exit codes in --help', async () => {
            for (const argv of [['--help'], ['diff', '--help']]) {
                const result = await run(argv, dir);
                expect(result.code).to.equal(0);
                expect(result.stdout).to.match(/3 +diff: the manifests give different configurations/);
                expect(result.stdout).to.match(/4 +build --check: the output folder is out of date/);
            }
        });
    });

    describe('diff --base <git-ref>', () => {
        let repo: string;
        const git = (...args: string[]) =>
            execFileSync('git', args, {
                cwd: repo,
                stdio: 'pipe',
                env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: repo },
            });
        beforeEach(() => {
            repo = join(dir, 'repo');
            mkdirSync(join(repo, 'sites'), { recursive: true });
            git('init', '-q');
            writeFileSync(join(repo, 'sites', 'lab.json'), example);
            git('add', '.');
            git('commit', '-q', '-m', 'first');
            git('tag', 'v1');
        });

        it('should exit 0 when the working manifest equals the revision', async () => {
            const result = await run(['diff', 'lab.json', '--base', 'HEAD'], join(repo, 'sites'));
            expect(result.code, result.stderr).to.equal(0);
            expect(result.stdout).to.contain('xprc diff HEAD:sites/lab.json → lab.json');
        });

        it('should exit 3 and show the change against a tag, from any folder of the working tree', async () => {
            writeFileSync(join(repo, 'sites', 'lab.json'), PORT_8081(example));
            const result = await run(['diff', 'sites/lab.json', '--base', 'v1', '--format', 'json'], repo);
            expect(result.code, result.stderr).to.equal(3);
            const doc = JSON.parse(result.stdout) as { old: string; new: string; summary: { resources: { changed: number } } };
            expect([doc.old, doc.new, doc.summary.resources.changed]).to.deep.equal(['v1:sites/lab.json', 'sites/lab.json', 1]);
        });

        it('should compare with an older commit, not the working tree', async () => {
            writeFileSync(join(repo, 'sites', 'lab.json'), PORT_8081(example));
            git('commit', '-q', '-am', 'second');
            expect((await run(['diff', 'sites/lab.json', '--base', 'HEAD'], repo)).code).to.equal(0);
            expect((await run(['diff', 'sites/lab.json', '--base', 'HEAD~1'], repo)).code).to.equal(3);
        });

        const failures: readonly [string, () => [readonly string[], string], RegExp][] = [
            ['an unknown revision', () => [['diff', 'sites/lab.json', '--base', 'no-such-branch'], repo], /XPR5003: Cannot read the manifest at git revision "no-such-branch": unknown revision "no-such-branch"\./],
            ['a manifest that did not exist at the revision', () => {
                writeFileSync(join(repo, 'sites', 'new.json'), example);
                return [['diff', 'sites/new.json', '--base', 'HEAD'], repo];
            }, /XPR5003: .*path 'sites\/new\.json' exists on disk, but not in 'HEAD'/],
            ['a manifest outside any repository', () => [['diff', 'old.json', '--base', 'HEAD'], dir], /XPR5003: .*not a git repository/],
            ['a revision that looks like an option', () => [['diff', 'sites/lab.json', '--base=--output=pwned'], repo], /XPR5003: .*must not .* start with "-"/],
        ];
        for (const [title, setup, pattern] of failures) {
            it(`should exit 1 with XPR5003 for ${title}`, async () => {
                const [argv, cwd] = setup();
                const before = snapshot(dir);
                const result = await run(argv, cwd);
                expect(result.code, result.stdout).to.equal(1);
                expect(result.stderr).to.match(pattern);
                expect(result.stderr).to.not.match(NO_STACK);
                expect(snapshot(dir), 'git wrote nothing').to.deep.equal(before);
            });
        }
    });

    describe('build --check', () => {
        const siteDir = () => join(dir, 'out', 'contoso-lab');
        beforeEach(async () => {
            expect((await run(['build', 'old.json'], dir)).code).to.equal(0);
        });

        const cases: readonly [string, () => void, number, readonly string[]][] = [
            // 8 files per node (the meta-configuration and Tests.ps1 included), the site's build.ps1, RequiredModules.psd1 and PACKAGE.md, and PLAN.md
            ['fresh output', () => undefined, 0, ['out/contoso-lab is up to date (20 files).']],
            ['a hand-edited PLAN.md', () => writeFileSync(join(siteDir(), 'PLAN.md'), `${readFileSync(join(siteDir(), 'PLAN.md'), 'utf8')}edited\n`), 4, ['stale    PLAN.md']],
            ['a deleted PLAN.md', () => unlinkSync(join(siteDir(), 'PLAN.md')), 4, ['missing  PLAN.md']],
            ['a hand-edited file', () => writeFileSync(join(siteDir(), 'FS01', 'FS01.ps1'), `${readFileSync(join(siteDir(), 'FS01', 'FS01.ps1'), 'utf8')}# edited\r\n`), 4, ['stale    FS01/FS01.ps1']],
            ['a deleted file', () => unlinkSync(join(siteDir(), 'WEB01', 'WEB01.reg')), 4, ['missing  WEB01/WEB01.reg']],
            ['an extra file', () => writeFileSync(join(siteDir(), 'FS01', 'notes.txt'), 'mine'), 4, ['extra    FS01/notes.txt']],
            ['an extra empty folder', () => mkdirSync(join(siteDir(), 'OLD01')), 4, ['extra    OLD01/']],
            ['a folder where a file should be', () => {
                unlinkSync(join(siteDir(), 'FS01', 'build.ps1'));
                mkdirSync(join(siteDir(), 'FS01', 'build.ps1', 'x'), { recursive: true });
            }, 4, ['stale    FS01/build.ps1', 'extra    FS01/build.ps1/x/']],
            ['no output at all', () => rmSync(join(dir, 'out'), { recursive: true }), 4, ['missing  FS01/FS01.ps1', 'missing  WEB01/build.ps1']],
        ];
        for (const [title, change, code, lines] of cases) {
            it(`should exit ${code} for ${title}${code === 0 ? '' : ', listing it'}, and write nothing`, async () => {
                change();
                const before = snapshot(dir);
                const result = await run(['build', 'old.json', '--check'], dir);
                expect(result.code, result.stdout + result.stderr).to.equal(code);
                if (code !== 0) expect(result.stdout).to.match(/^generated output is out of date: out\/contoso-lab \(/);
                for (const line of lines) expect(result.stdout.split('\n')).to.include(code === 0 ? line : `  ${line}`);
                expect(snapshot(dir)).to.deep.equal(before);
            });
        }

        it('should catch a manifest changed since the build, and list exactly the files that differ', async () => {
            // Same file name: the manifest's name is in every generated header.
            writeFileSync(join(dir, 'old.json'), PORT_8081(example));
            const result = await run(['build', 'old.json', '--check', '--format', 'json'], dir);
            expect(result.code).to.equal(4);
            expect(JSON.parse(result.stdout)).to.deep.include({
                schema: 'xprc-check',
                version: 1,
                folder: 'out/contoso-lab',
                upToDate: false,
                // The verification tests check the port too.
                stale: ['FS01/FS01.Tests.ps1', 'FS01/FS01.ps1', 'FS01/FS01.reg'],
                missing: [],
                extra: [],
                errors: 0,
            });
        });

        it('should check the --out folder it is given, with ir.txt when --emit-ir is given', async () => {
            await run(['build', 'old.json', '--out', 'other', '--emit-ir'], dir);
            expect((await run(['build', 'old.json', '--out', 'other', '--check', '--emit-ir'], dir)).code).to.equal(0);
            const without = await run(['build', 'old.json', '--out', 'other', '--check'], dir);
            expect([without.code, without.stdout]).to.deep.equal([4, 'generated output is out of date: other/contoso-lab (0 stale, 0 missing, 1 extra)\n  extra    ir.txt\nRun `xprc build old.json --out other` to regenerate it.\n']);
        });

        it('should exit 1 with XPR5004 when the output folder cannot be read, writing nothing', async () => {
            // A file where the site's output folder should be: reading it as a folder fails (ENOTDIR).
            mkdirSync(join(dir, 'blocked'), { recursive: true });
            writeFileSync(join(dir, 'blocked', 'contoso-lab'), 'not a folder');
            const result = await run(['build', 'old.json', '--out', 'blocked', '--check'], dir);
            expect(result.code).to.equal(1);
            expect(result.stderr).to.match(/old\.json - error XPR5004: Cannot read the existing output in "blocked\/contoso-lab"/);
            expect(readFileSync(join(dir, 'blocked', 'contoso-lab'), 'utf8')).to.equal('not a folder');
        });

        it('should exit 1 with the diagnostics, comparing nothing, when the manifest has errors', async () => {
            const result = await run(['build', 'broken.json', '--check'], dir);
            expect(result.code).to.equal(1);
            expect(result.stderr).to.contain('error XPR2003');
            expect(result.stdout).to.equal('');
        });
    });

    describe('explain <NODE> <resource-id>', () => {
        it('should show the block exactly as the .ps1 holds it, its manifest line and column, layer and files', async () => {
            const result = await run(['explain', 'fs01', 'Registry_HKLM_SOFTWARE_WOW6432Node_Contoso_Report_Port', '--manifest', 'old.json'], dir);
            expect(result.code, result.stderr).to.equal(0);
            const line = example.split('\n').findIndex((l) => l.includes('"value": 8080')) + 1;
            expect(result.stdout).to.contain(`Defined at  old.json:${line - 4}:11  (#/nodes/0/baseline/registry/4)`);
            expect(result.stdout).to.contain('Layer       nodes[0].baseline: the own "baseline" of node FS01');
            expect(result.stdout).to.contain('Registry    HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Contoso\\Report "Port": REG_DWORD 0x00001f90 (8080)');
            expect(result.stdout).to.contain('Written to  FS01/FS01.ps1, FS01/FS01.reg');
            // The block, re-indented to the file's 8 spaces, is a verbatim part of the generated .ps1.
            await run(['build', 'old.json'], dir);
            const ps1 = readFileSync(join(dir, 'out', 'contoso-lab', 'FS01', 'FS01.ps1'), 'utf8').replace(/\r\n/g, '\n');
            const block = result.stdout.split('\n\n').at(-1)?.trimEnd() ?? '';
            expect(block).to.match(/^ {4}# old\.json#\/nodes\/0\/baseline\/registry\/4\n {4}xRegistry '/);
            expect(ps1).to.contain(block.split('\n').map((l) => `    ${l}`).join('\n'));
        });

        it('should name the baseline profile a resource comes from, and accept [Type]Name', async () => {
            const result = await run(['explain', 'WEB01', '[xService]Service_Spooler', '-m', 'old.json'], dir);
            expect(result.code, result.stderr).to.equal(0);
            expect(result.stdout).to.contain('Layer       baselines.common: baseline profile "common"');
        });

        it('should explain a manual step by its id', async () => {
            const result = await run(['explain', 'WEB01', 'backup-agent', '-m', 'old.json', '--format', 'json'], dir);
            expect(result.code).to.equal(0);
            expect(JSON.parse(result.stdout)).to.deep.include({ kind: 'manualStep', pointer: '/baselines/common/manualSteps/0', files: ['WEB01/RUNBOOK.md'] });
        });

        const usage: readonly [string, readonly string[], RegExp][] = [
            ['an unknown node', ['explain', 'FS02', 'x', '-m', 'old.json'], /XPR5005: The manifest has no node "FS02"\. Did you mean "FS01"\?/],
            ['an unknown resource', ['explain', 'FS01', 'Service_Spoler', '-m', 'old.json'], /XPR5006: Node "FS01" has no resource or manual step "Service_Spoler"\. Did you mean "Service_Spooler"\?/],
            ['a resource without --manifest', ['explain', 'FS01', 'Service_Spooler'], /--manifest <file>/],
            ['--manifest without a resource', ['explain', 'FS01', '-m', 'old.json'], /--manifest <file>/],
        ];
        for (const [title, argv, pattern] of usage) {
            it(`should exit 2 for ${title}`, async () => {
                const result = await run(argv, dir);
                expect(result.code).to.equal(2);
                expect(result.stderr).to.match(pattern);
            });
        }

        it('should exit 1 with the diagnostics for a manifest with errors', async () => {
            const result = await run(['explain', 'A', 'B', '-m', 'broken.json'], dir);
            expect(result.code).to.equal(1);
            expect(result.stderr).to.contain('error XPR2003');
        });

        it('should lay out blocks like the template for every resource of the example (formatBlock = the .ps1)', async () => {
            await run(['build', 'old.json', '--emit-ir'], dir);
            const { compile } = await import('../../../compiler/compile.js');
            const { dscBlocks } = await import('../../../compiler/dsc/resources/index.js');
            const ir = compile({ fileName: 'old.json', bytes: Buffer.from(example) }).ir;
            for (const node of ir?.nodes ?? []) {
                const ps1 = readFileSync(join(dir, 'out', 'contoso-lab', node.fileStem, `${node.fileStem}.ps1`), 'utf8').replace(/\r\n/g, '\n');
                for (const block of dscBlocks(node)) {
                    const indented = formatBlock(block, 'old.json').split('\n').map((l) => (l === '' ? l : `        ${l}`)).join('\n');
                    expect(ps1, block.name).to.contain(`${indented}\n`);
                }
            }
        });
    });
});
