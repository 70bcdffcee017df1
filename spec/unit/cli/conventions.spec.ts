/**
 * The command-line conventions of issue 16 item 4, in process like
 * cli.spec.ts (main() with an Io whose standard input the test supplies):
 * `xprc init`, `-` for standard input, several manifests in one build or
 * validate, --quiet and --verbose, "did you mean", help wrapped at word
 * boundaries with an example per command, and shell completion.
 * init-e2e.spec.ts runs the same first steps through the real process.
 */

import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../../compiler/cli/main.js';
import { siteNameFor, starterManifest } from '../../../compiler/cli/init.js';
import { compile } from '../../../compiler/compile.js';

const EXAMPLE = readFileSync(new URL('../../../examples/baseline.json', import.meta.url), 'utf8');
/** The example under another site name (its output folder). */
const renamed = (name: string) => EXAMPLE.replace('"name": "contoso-lab"', `"name": "${name}"`);
/** A valid manifest with one warning (XPR3041: a credential without a certificate). */
const WARNING = JSON.stringify({
    name: 'warn-lab',
    credentials: { Svc: { description: 'Service account' } },
    defaults: { allowPlainTextCredentials: true },
    nodes: [{ name: 'APP01', baseline: { services: [{ name: 'Svc', account: { credential: 'Svc' } }] } }],
});
const BROKEN = '{ "name": "broken", "nodez": [] }';

interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

async function run(argv: readonly string[], cwd: string, options: { stdin?: string; columns?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    let reads = 0;
    const io: Io = {
        stdout: { write: (t: string) => (stdout += t), ...(options.columns ? { columns: options.columns } : {}) },
        stderr: { write: (t: string) => (stderr += t) },
        env: options.env ?? {},
        cwd,
        ...(options.stdin === undefined
            ? {}
            : {
                  readStdin: () => {
                      reads++;
                      expect(reads, 'standard input is read once').to.equal(1);
                      return Buffer.from(options.stdin as string, 'utf8');
                  },
              }),
    };
    const code = await main(argv, io);
    return { code, stdout, stderr };
}

describe('xprc command-line conventions', () => {
    let dir: string;
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'xprc-conv-'));
        writeFileSync(join(dir, 'a.json'), renamed('site-a'));
        writeFileSync(join(dir, 'b.json'), renamed('site-b'));
        writeFileSync(join(dir, 'same-as-a.json'), renamed('site-a'));
        writeFileSync(join(dir, 'warn.json'), WARNING);
        writeFileSync(join(dir, 'broken.json'), BROKEN);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    describe('xprc init', () => {
        const names: readonly [string, string][] = [
            ['site.json', 'site'],
            ['Contoso HQ.json', 'contoso-hq'],
            ['sites/lab_01.json', 'lab-01'],
            ['---.json', 'new-site'],
            [`${'x'.repeat(70)}.json`, 'x'.repeat(63)],
        ];
        for (const [file, site] of names) {
            it(`should name the site of ${file} "${site}"`, () => expect(siteNameFor(file)).to.equal(site));
        }

        it('should write a manifest with $schema, one node and guidance in its descriptions, that validates without a warning and builds', async () => {
            const result = await run(['init', 'site.json'], dir);
            expect(result.code, result.stderr).to.equal(0);
            expect(result.stdout).to.equal('Wrote site.json: site "site" with one node, SRV01. Edit it, then run: xprc build site.json\n');
            const text = readFileSync(join(dir, 'site.json'), 'utf8');
            const manifest = JSON.parse(text) as { $schema: string; name: string; description: string; nodes: { name: string; description: string }[] };
            expect(manifest.nodes.map((n) => n.name)).to.deep.equal(['SRV01']);
            expect(manifest.description).to.contain('xprc build');
            expect(manifest.nodes[0]?.description).to.contain('at most 15 characters');
            // $schema is relative to the manifest and names the real schema file.
            expect(existsSync(join(dir, manifest.$schema))).to.equal(true);
            expect(JSON.parse(readFileSync(join(dir, manifest.$schema), 'utf8'))).to.include({ title: 'Site' });
            const compiled = compile({ fileName: 'site.json', bytes: Buffer.from(text) });
            expect(compiled.diagnostics.map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
            const build = await run(['build', 'site.json'], dir);
            expect(build.code, build.stderr).to.equal(0);
            expect(readdirSync(join(dir, 'out', 'site')).sort()).to.include.members(['SRV01', 'build.ps1']);
        });

        it('should write site.json when no file is named, and print the manifest for -', async () => {
            expect((await run(['init'], dir)).code).to.equal(0);
            expect(existsSync(join(dir, 'site.json'))).to.equal(true);
            const printed = await run(['init', '-'], dir);
            expect(printed.code).to.equal(0);
            expect(JSON.parse(printed.stdout)).to.include({ name: 'new-site' });
            expect(existsSync(join(dir, '-'))).to.equal(false);
        });

        const refusals: readonly [string, (d: string) => void, string, RegExp][] = [
            ['an existing manifest', (d) => writeFileSync(join(d, 'site.json'), 'keep me'), 'site.json', /^site\.json - error XPR5043: "site\.json" already exists; xprc init never overwrites a file\./],
            ['a missing folder', () => undefined, 'no/such/site.json', /^no\/such\/site\.json - error XPR5044: Cannot write "no\/such\/site\.json": its folder does not exist\./],
        ];
        for (const [title, setUp, file, pattern] of refusals) {
            it(`should refuse ${title} with a coded error and exit 1`, async () => {
                setUp(dir);
                const result = await run(['init', file], dir);
                expect(result.code).to.equal(1);
                expect(result.stderr).to.match(pattern);
                expect(result.stdout).to.equal('');
                if (existsSync(join(dir, 'site.json'))) expect(readFileSync(join(dir, 'site.json'), 'utf8')).to.equal('keep me');
            });
        }

        it('should give the same bytes for the same name and schema path (deterministic)', () => {
            expect(starterManifest('lab', './s.json')).to.equal(starterManifest('lab', './s.json'));
            expect(starterManifest('lab', './s.json')).to.not.match(/20\d\d-\d\d-\d\d|\/tmp\//);
        });
    });

    describe('- reads the manifest from standard input', () => {
        const cases: readonly [string, readonly string[], string, number, RegExp, RegExp][] = [
            ['validate', ['validate', '-'], renamed('from-stdin'), 0, /^<stdin>: no errors\.\n$/, /^$/],
            ['validate, with errors located in <stdin>', ['validate', '-'], BROKEN, 1, /^$/, /^<stdin>:1:\d+ - error XPR2002/],
            ['build (out/<site>/ by default)', ['build', '-'], renamed('from-stdin'), 0, /^Wrote \d+ files for 2 node\(s\) to .*out\/from-stdin\n$/, /^$/],
            ['diff, as the new side', ['diff', 'a.json', '-'], renamed('site-a').replace('"value": 8080,', '"value": 8081,'), 3, /^xprc diff a\.json → <stdin>/, /^$/],
            ['explain --manifest -', ['explain', 'FS01', 'Service_ContosoReport', '--manifest', '-'], EXAMPLE, 0, /Defined at +<stdin>:\d+:\d+/, /^$/],
            ['an empty standard input', ['validate', '-'], '', 1, /^$/, /^<stdin>:1:1 - error XPR1002: Invalid JSON: the file is empty\./],
        ];
        for (const [title, argv, stdin, code, stdout, stderr] of cases) {
            it(`should work for ${title}`, async () => {
                const result = await run(argv, dir, { stdin });
                expect(result.code, result.stderr).to.equal(code);
                expect(result.stdout).to.match(stdout);
                expect(result.stderr).to.match(stderr);
            });
        }

        it('should write the output of build - to --out/<site>/ like a file', async () => {
            expect((await run(['build', '-', '--out', 'elsewhere'], dir, { stdin: renamed('from-stdin') })).code).to.equal(0);
            expect(readdirSync(join(dir, 'elsewhere'))).to.deep.equal(['from-stdin']);
        });

        const usage: readonly [string, readonly string[], RegExp][] = [
            ['- twice in build', ['build', '-', '-'], /^<stdin> - error XPR5045: Standard input \(`-`\) is named 2 times/],
            ['- twice in diff', ['diff', '-', '-'], /error XPR5045/],
            ['diff - --base', ['diff', '-', '--base', 'HEAD'], /--base reads the manifest's earlier version from git by its path/],
        ];
        for (const [title, argv, pattern] of usage) {
            it(`should exit 2 for ${title}`, async () => {
                const result = await run(argv, dir, { stdin: '{}' });
                expect(result.code).to.equal(2);
                expect(result.stderr).to.match(pattern);
            });
        }

        it('should say there is no standard input when the Io has none', async () => {
            const result = await run(['validate', '-'], dir);
            expect(result.code).to.equal(1);
            expect(result.stderr).to.match(/^<stdin> - error XPR1001: Cannot read the manifest: there is no standard input\./);
        });
    });

    describe('several manifests in one build or validate', () => {
        it('should build each into its own folder', async () => {
            const result = await run(['build', 'a.json', 'b.json'], dir);
            expect(result.code, result.stderr).to.equal(0);
            expect(result.stdout.split('\n').filter(Boolean).map((l) => l.replace(/ to .*/, ''))).to.deep.equal([
                'Wrote 20 files for 2 node(s)',
                'Wrote 20 files for 2 node(s)',
            ]);
            expect(readdirSync(join(dir, 'out')).sort()).to.deep.equal(['site-a', 'site-b']);
        });

        it('should exit 1 when one fails, and still build the others', async () => {
            const result = await run(['build', 'a.json', 'broken.json', 'b.json'], dir);
            expect(result.code).to.equal(1);
            expect(result.stderr).to.match(/^broken\.json:1:\d+ - error XPR2002/);
            expect(readdirSync(join(dir, 'out')).sort()).to.deep.equal(['site-a', 'site-b']);
        });

        const collisions: readonly [string, readonly string[], readonly string[]][] = [
            ['two manifests with the same site name', ['build', 'a.json', 'same-as-a.json', 'b.json'], ['a.json', 'same-as-a.json']],
            ['the same manifest twice', ['build', 'a.json', 'b.json', 'a.json'], ['a.json', 'a.json']],
        ];
        for (const [title, argv, colliding] of collisions) {
            it(`should report XPR5042 on each of ${title}, write neither, and build the rest`, async () => {
                const result = await run(argv, dir);
                expect(result.code).to.equal(1);
                const reported = [...result.stderr.matchAll(/^(\S+):3:11 - error XPR5042: This site would be written to "out\/site-a", and so would (\S+)\./gm)].map((m) => m[1]);
                expect(reported).to.deep.equal(colliding);
                expect(readdirSync(join(dir, 'out'))).to.deep.equal(['site-b']);
            });
        }

        it('should see a collision through different spellings of the same --out folder', async () => {
            const result = await run(['build', 'a.json', 'same-as-a.json', '--out', './x/../out'], dir);
            expect(result.code).to.equal(1);
            expect(result.stderr).to.contain('XPR5042');
            expect(existsSync(join(dir, 'out'))).to.equal(false);
        });

        it('should validate each and report each', async () => {
            const result = await run(['validate', 'a.json', 'warn.json', 'b.json'], dir);
            expect(result.code).to.equal(0);
            expect(result.stdout).to.equal('a.json: no errors.\nwarn.json: no errors.\nb.json: no errors.\n');
            expect(result.stderr).to.match(/^warn\.json:1:\d+ - warning XPR3041/);
        });

        it('should give one JSON document naming each file', async () => {
            const result = await run(['validate', 'broken.json', 'warn.json', '--format', 'json'], dir);
            expect(result.code).to.equal(1);
            const doc = JSON.parse(result.stdout) as { diagnostics: { file: string; code: string }[]; errors: number; warnings: number };
            expect([...new Set(doc.diagnostics.map((d) => d.file))]).to.deep.equal(['broken.json', 'warn.json']);
            expect(doc.warnings).to.equal(1);
        });

        it('should check several output folders, exit 4 when one is stale, and list each in JSON under checks', async () => {
            await run(['build', 'a.json', 'b.json'], dir);
            writeFileSync(join(dir, 'b.json'), renamed('site-b').replace('"value": 8080,', '"value": 8081,'));
            const text = await run(['build', 'a.json', 'b.json', '--check'], dir);
            expect(text.code).to.equal(4);
            expect(text.stdout).to.match(/^out\/site-a is up to date \(20 files\)\.\ngenerated output is out of date: out\/site-b \(\d+ stale, 0 missing, 0 extra\)/);
            const json = JSON.parse((await run(['build', 'a.json', 'b.json', '--check', '--format', 'json'], dir)).stdout) as { checks: { folder: string; upToDate: boolean }[] };
            expect(json.checks.map((c) => [c.folder, c.upToDate])).to.deep.equal([
                ['out/site-a', true],
                ['out/site-b', false],
            ]);
        });
    });

    describe('--quiet and --verbose', () => {
        const cases: readonly [string, readonly string[], number, RegExp, RegExp][] = [
            ['validate --quiet: no success line, no warning', ['validate', 'warn.json', '--quiet'], 0, /^$/, /^$/],
            ['validate -q: errors stay (both of them)', ['validate', 'broken.json', '-q'], 1, /^$/, /^broken\.json:1:\d+ - error XPR2002[\s\S]*Found 2 errors\.\n$/],
            ['validate -q with a warning and an error: the error only', ['validate', 'warn.json', 'broken.json', '-q'], 1, /^$/, /^broken\.json:1:1 - error XPR2002(?![\s\S]*XPR3041)/],
            ['build --quiet: writes, says nothing', ['build', 'warn.json', '--quiet'], 0, /^$/, /^$/],
            ['init --quiet', ['init', 'new.json', '--quiet'], 0, /^$/, /^$/],
            ['diff --quiet: the diff stays, warnings go', ['diff', 'warn.json', 'warn.json', '--quiet'], 0, /No changes/, /^$/],
            ['validate --verbose: the phases and their times', ['validate', 'a.json', '--verbose'], 0, /^a\.json: no errors\.\n$/, /^a\.json: load \d+\.\d ms, validate \d+\.\d ms, include \d+\.\d ms, resolve \d+\.\d ms, check \d+\.\d ms, lower \d+\.\d ms, plan \d+\.\d ms, total \d+\.\d ms\n$/],
            ['build --verbose: also emit, and every file written', ['build', 'a.json', '--verbose'], 0, /^Wrote 20 files/, /emit \d+\.\d ms, total[\s\S]*a\.json: wrote 20 files in \d+ ms:\n  \S+\/out\/site-a\/FS01\/ConfigurationData\.psd1\n/],
            ['--quiet with --verbose', ['validate', 'a.json', '--quiet', '--verbose'], 2, /^$/, /Arguments quiet and verbose are mutually exclusive/],
        ];
        for (const [title, argv, code, stdout, stderr] of cases) {
            it(`should handle ${title}`, async () => {
                const result = await run(argv, dir);
                expect(result.code, result.stderr).to.equal(code);
                expect(result.stdout).to.match(stdout);
                expect(result.stderr).to.match(stderr);
            });
        }

        it('should keep warnings in JSON with --quiet (machine formats are complete)', async () => {
            const result = await run(['validate', 'warn.json', '--quiet', '--format', 'json'], dir);
            expect((JSON.parse(result.stdout) as { warnings: number }).warnings).to.equal(1);
        });
    });

    describe('help, mistakes and completion', () => {
        const mistyped: readonly [string, string][] = [
            ['buidl', 'build'],
            ['valdate', 'validate'],
            ['dif', 'diff'],
            ['inti', 'init'],
        ];
        for (const [typed, meant] of mistyped) {
            it(`should suggest ${meant} for ${typed} and exit 2`, async () => {
                const result = await run([typed, 'a.json'], dir);
                expect(result.code).to.equal(2);
                expect(result.stderr).to.match(new RegExp(`Did you mean ${meant}\\?\\n$`));
            });
        }

        // A phrase of each command's help: wrapped at word boundaries, it reads whole once line breaks are spaces
        // (yargs' ESM build cut words: "o\nne node").
        const commands: readonly [string, string][] = [
            ['init', 'Write a starter site manifest ($schema, one node, guidance in its descriptions) that builds as it is; never overwrites a file'],
            ['build', 'Replace <out>/<site>/ even when it holds files xprc did not write (they are deleted)'],
            ['validate', 'Check each manifest (schema and vendor rules) without writing anything'],
            ['diff', 'Show only this node (repeatable, case-insensitive): its changes, its plan steps and the site settings'],
            ['schema', 'Print the manifest JSON Schema (draft 2020-12, one self-contained document)'],
            ['explain', 'A resource id of the node (as in its .ps1, with or without [Type]), an item identity (service:Spooler), or a manual step id'],
        ];
        for (const [command, phrase] of commands) {
            it(`should show an example for ${command} and wrap its help at word boundaries within 60 columns`, async () => {
                const result = await run([command, '--help'], dir, { columns: 60 });
                expect(result.code).to.equal(0);
                expect(result.stdout).to.match(/\nExamples:\n {2}xprc /);
                expect(result.stdout.split('\n').filter((l) => l.length > 60), 'lines wider than the terminal').to.deep.equal([]);
                expect(result.stdout.replace(/\s+/g, ' ')).to.contain(phrase);
            });
        }

        it('should wrap the top-level help at word boundaries (no word split across lines)', async () => {
            const result = await run(['--help'], dir, { columns: 80 });
            const text = result.stdout.replace(/\s+/g, ' ');
            expect(text).to.contain('Write a starter site manifest ($schema, one node, guidance in its descriptions) that builds as it is; never overwrites a file');
            expect(text).to.contain('Compare the configurations two manifests give, per node: resources, registry values, runbook steps, credentials (exit 3 when they differ)');
        });

        it('should print a completion script (bash or zsh, by the shell yargs finds in SHELL) that asks xprc for completions', async () => {
            const script = await run(['completion'], dir);
            expect(script.code).to.equal(0);
            expect(script.stdout).to.match(/###-begin-xprc-completions-###[\s\S]*xprc --get-yargs-completions[\s\S]*###-end-xprc-completions-###/);
        });

        it('should complete command names and a command\'s options', async () => {
            // Under zsh each completion carries its description after a colon.
            const names = (out: string) => out.split('\n').filter(Boolean).map((line) => line.split(':')[0]);
            const commandsShown = await run(['--get-yargs-completions', 'xprc', ''], dir);
            expect(names(commandsShown.stdout)).to.include.members(['init', 'build', 'validate', 'diff', 'schema', 'explain', 'completion']);
            const options = await run(['--get-yargs-completions', 'xprc', 'diff', '--'], dir);
            expect(names(options.stdout)).to.include.members(['--node', '--base', '--format']);
        });
    });
});
