/**
 * Included files (frontend/include.ts, cli/read-include.ts, issue 16): what
 * may be included, the diagnostics for what may not, and that positions
 * point into the file that holds the value. Manifests are pretty-printed
 * with two spaces, so line:column can be read off JSON.stringify(…, null, 2).
 */

import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { includeReader } from '../../../compiler/cli/read-include.js';
import { formatDiagnostics, PLAIN } from '../../../compiler/cli/format.js';
import { renderSarif } from '../../../compiler/cli/sarif.js';
import { main, type Io } from '../../../compiler/cli/main.js';
import { compile, type CompileResult } from '../../../compiler/compile.js';
import { diag } from '../../../compiler/diagnostics/diagnostic.js';

const text = (value: object) => JSON.stringify(value, null, 2);

/** A manifest `sites/site.json` (as the user named it) with the given extra properties and one node. */
function manifest(extra: object, nodeExtra: object = {}): string {
    return text({ name: 'lab', ...extra, nodes: [{ name: 'SRV01', ...nodeExtra }] });
}

/** Compiles `sites/site.json` with files read from `files` (paths relative to the manifest's folder). */
function build(root: string, files: Record<string, string>, withReader = true): CompileResult {
    const read = (path: string) => (path in files ? Buffer.from(files[path] ?? '', 'utf8') : diag('IncludeUnreadable', { path, reason: 'no such file' }));
    return compile({ fileName: 'sites/site.json', bytes: Buffer.from(root, 'utf8'), ...(withReader ? { readInclude: read } : {}) }, { emit: true, rsop: true });
}

const shown = (r: CompileResult) => r.diagnostics.map((d) => `${d.file}:${d.start?.line}:${d.start?.column} ${d.code} ${d.pointer ?? ''}`);

const layers = (value: object) => text({ $schema: '../../schemas/layers.schema.json', ...value });
const common = { common: { services: [{ name: 'Spooler', state: 'Stopped' }] } };

describe('included files (frontend/include.ts)', () => {
    describe('what may be included', () => {
        it('should merge profiles and roles of an included file, and of a file it includes, into the site', () => {
            const r = build(manifest({ include: ['layers/roles.json'] }, { roles: ['web'] }), {
                'layers/roles.json': layers({ include: ['profiles/common.json'], roles: { web: { baselines: ['common'] } } }),
                'layers/profiles/common.json': layers({ baselines: common }),
            });
            expect(shown(r)).to.deep.equal([]);
            expect(r.ir?.nodes[0]?.resources.map((res) => res.id)).to.deep.equal(['Service_Spooler']);
            const rsop = r.files?.find((f) => f.path === 'SRV01/RSOP.md')?.bytes.toString('utf8') ?? '';
            // Relative to the manifest's folder, not as the user named the manifest.
            const row = rsop.split('\n').find((line) => line.startsWith('| 2 |'));
            expect(row).to.equal('| 2 | baselines.common (role web) | a role of the node, site.json:10:9 | layers/profiles/common.json:4:15 |');
        });

        it('should read a file reached twice without a cycle once', () => {
            const r = build(manifest({ include: ['a.json', 'b.json'] }, { baselines: ['common'] }), {
                'a.json': layers({ include: ['shared.json'] }),
                'b.json': layers({ include: ['shared.json'] }),
                'shared.json': layers({ baselines: common }),
            });
            expect(shown(r)).to.deep.equal([]);
        });
    });

    describe('diagnostics', () => {
        const cases: readonly { it: string; root: string; files: Record<string, string>; expected: string[]; message?: string; withReader?: boolean }[] = [
            {
                it: 'should refuse a path that climbs above the manifest\'s folder',
                root: manifest({ include: ['../other/layers.json'] }),
                files: {},
                expected: ['sites/site.json:4:5 XPR1008 /include/0'],
                message: 'it leads above that folder through ".."',
            },
            {
                it: 'should refuse a ".." escape from an included file\'s own folder',
                root: manifest({ include: ['layers/a.json'] }),
                files: { 'layers/a.json': layers({ include: ['../../secret.json'] }) },
                expected: ['sites/layers/a.json:4:5 XPR1008 /include/0'],
            },
            {
                it: 'should refuse an absolute path',
                root: manifest({ include: ['/etc/passwd'] }),
                files: {},
                expected: ['sites/site.json:4:5 XPR1008 /include/0'],
                message: 'it is an absolute path',
            },
            {
                it: 'should refuse a Windows drive path and backslashes',
                root: manifest({ include: ['C:/layers.json', 'layers\\a.json'] }),
                files: {},
                expected: ['sites/site.json:4:5 XPR1008 /include/0', 'sites/site.json:5:5 XPR1008 /include/1'],
            },
            {
                it: 'should report a cycle with its whole path, at the include that closes it',
                root: manifest({ include: ['a.json'] }),
                files: { 'a.json': layers({ include: ['b.json'] }), 'b.json': layers({ include: ['a.json'] }) },
                expected: ['sites/b.json:4:5 XPR1009 /include/0'],
                message: 'Including "a.json" closes a cycle: a.json → b.json → a.json.',
            },
            {
                it: 'should report a file that includes the manifest itself as a cycle',
                root: manifest({ include: ['a.json'] }),
                files: { 'a.json': layers({ include: ['site.json'] }) },
                expected: ['sites/a.json:4:5 XPR1009 /include/0'],
                message: 'site.json → a.json → site.json',
            },
            {
                it: 'should report a missing file at its include',
                root: manifest({ include: ['layers/missing.json'] }),
                files: {},
                expected: ['sites/site.json:4:5 XPR1010 /include/0'],
                message: 'Cannot read the included file "layers/missing.json": no such file.',
            },
            {
                it: 'should position a schema error of an included file in that file',
                root: manifest({ include: ['layers/bad.json'] }),
                files: { 'layers/bad.json': layers({ baselines: { common: { services: [{ name: 'Spooler', startupTyp: 'Manual' }] } } }) },
                expected: ['sites/layers/bad.json:8:11 XPR2003 /baselines/common/services/0/startupTyp'],
            },
            {
                it: 'should position a JSON syntax error of an included file in that file',
                root: manifest({ include: ['bad.json'] }),
                files: { 'bad.json': '{\n  "baselines": {\n    "common": { ]\n  }\n}\n' },
                // As for the manifest itself: the parser's follow-up errors are reported too.
                expected: ['sites/bad.json:3:17 XPR1002 ', 'sites/bad.json:4:3 XPR1002 ', 'sites/bad.json:6:1 XPR1002 '],
            },
            {
                it: 'should refuse a property that only a site manifest may have',
                root: manifest({ include: ['bad.json'] }),
                files: { 'bad.json': layers({ nodes: [] }) },
                expected: ['sites/bad.json:3:3 XPR2003 /nodes'],
            },
            {
                it: 'should report a profile defined in the manifest and in an included file, with a note at the first',
                root: manifest({ include: ['dup.json'], baselines: common }, { baselines: ['common'] }),
                files: { 'dup.json': layers({ baselines: common }) },
                expected: ['sites/dup.json:4:5 XPR1011 /baselines/common'],
                message: 'The baseline profile "common" is already defined in sites/site.json.',
            },
            {
                it: 'should say that includes cannot be followed without a reader (standard input, git revision)',
                root: manifest({ include: ['layers.json'] }),
                files: {},
                expected: ['sites/site.json:3:14 XPR1012 /include'],
                withReader: false,
            },
            {
                it: 'should position a rule\'s diagnostic about an included profile in the included file',
                root: manifest({ include: ['p.json'] }, { baselines: ['common'] }),
                files: { 'p.json': layers({ baselines: { common: { registry: [{ key: 'HKCU\\Software\\X', name: 'Y', type: 'REG_SZ', value: 'z' }] } } }) },
                expected: ['sites/p.json:7:18 XPR3030 /baselines/common/registry/0/key'],
            },
        ];
        for (const c of cases) {
            it(c.it, () => {
                const r = build(c.root, c.files, c.withReader ?? true);
                expect(shown(r)).to.deep.equal(c.expected);
                expect(r.ir).to.equal(undefined);
                if (c.message) {
                    expect(r.diagnostics[0]?.message).to.include(c.message);
                }
            });
        }

        it('should show the related note of a duplicate in the other file, and the excerpt of the included file', () => {
            const r = build(manifest({ include: ['dup.json'], baselines: common }, { baselines: ['common'] }), { 'dup.json': layers({ baselines: common }) });
            expect(r.diagnostics[0]?.related).to.deep.equal([{ message: 'The other definition.', pointer: '/baselines/common', file: 'sites/site.json', start: { line: 7, column: 5 } }]);
            const printed = formatDiagnostics(r.diagnostics, r.sources, PLAIN);
            expect(printed).to.include('4     "common": {');
            expect(printed).to.include('  sites/site.json:7:5 - The other definition.');
            const sarif = JSON.parse(renderSarif(r.diagnostics, 'sites/site.json')) as { runs: { results: { locations: unknown[]; relatedLocations: unknown[] }[] }[] };
            const uri = (location: unknown) => (location as { physicalLocation: { artifactLocation: { uri: string } } }).physicalLocation.artifactLocation.uri;
            const result = sarif.runs[0]?.results[0];
            expect([result?.locations.map(uri), result?.relatedLocations.map(uri)]).to.deep.equal([['sites/dup.json'], ['sites/site.json']]);
        });
    });

    describe('the conflict between layers of two files (examples/layered-site.json)', () => {
        const examples = new URL('../../../examples/', import.meta.url).pathname;
        const example = readFileSync(join(examples, 'layered-site.json'), 'utf8');
        const compileExample = (source: string) =>
            compile({ fileName: 'examples/layered-site.json', bytes: Buffer.from(source, 'utf8'), readInclude: includeReader(join(examples, 'layered-site.json'), '/', 1 << 20) });

        it('should build the example with its override, without diagnostics', () => {
            expect(shown(compileExample(example))).to.deep.equal([]);
        });

        it('should give the conflict error naming both layers and both places once the "override" marker is removed', () => {
            const without = example.replace(/,\n\s*"override": true/, '');
            expect(without).to.not.equal(example);
            const r = compileExample(without);
            expect(shown(r)).to.deep.equal(['examples/layered-site.json:34:11 XPR3012 /nodes/0/baseline/registry/0']);
            const d = r.diagnostics[0];
            expect(d?.message).to.equal(
                'Node "XPRKERN" gets "registry:HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\XprHost\\LogLevel" from baselines.xpr-host (role xpr-kernel) and, with different settings (value), from nodes[0].baseline.',
            );
            expect(d?.fix).to.include('add "override": true to its item');
            expect(d?.related).to.deep.equal([
                { message: 'First defined in baselines.xpr-host (role xpr-kernel).', pointer: '/baselines/xpr-host/registry/0', file: 'examples/layers/xpr-roles.json', start: { line: 21, column: 9 } },
            ]);
        });
    });

    describe('the CLI\'s reader (cli/read-include.ts)', () => {
        let dir = '';
        beforeEach(() => {
            dir = mkdtempSync(join(tmpdir(), 'xprc-include-'));
            mkdirSync(join(dir, 'site', 'layers'), { recursive: true });
            writeFileSync(join(dir, 'outside.json'), layers({ baselines: common }));
            writeFileSync(join(dir, 'site', 'layers', 'inside.json'), layers({ baselines: common }));
        });
        afterEach(() => rmSync(dir, { recursive: true, force: true }));

        const cases: readonly { it: string; link: [string, string]; include: string; expected: string[] }[] = [
            { it: 'should refuse a symbolic link that leads out of the manifest\'s folder', link: ['../../outside.json', 'layers/escape.json'], include: 'layers/escape.json', expected: ['site.json:4:5 XPR1008 /include/0'] },
            { it: 'should refuse a linked folder that leads out of it', link: ['../..', 'layers/up'], include: 'layers/up/outside.json', expected: ['site.json:4:5 XPR1008 /include/0'] },
            { it: 'should follow a symbolic link that stays inside it', link: ['inside.json', 'layers/alias.json'], include: 'layers/alias.json', expected: [] },
        ];
        for (const c of cases) {
            it(c.it, () => {
                symlinkSync(c.link[0], join(dir, 'site', c.link[1]));
                const root = manifest({ include: [c.include] }, { baselines: ['common'] });
                const r = compile({ fileName: 'site.json', bytes: Buffer.from(root), readInclude: includeReader(join(dir, 'site', 'site.json'), '/', 1 << 20) });
                expect(shown(r)).to.deep.equal(c.expected);
            });
        }

        it('should say which included file is missing, and that a folder is not a file', () => {
            const root = manifest({ include: ['layers/nope.json', 'layers'] });
            const r = compile({ fileName: 'site.json', bytes: Buffer.from(root), readInclude: includeReader(join(dir, 'site', 'site.json'), '/', 1 << 20) });
            expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).to.deep.equal([
                'XPR1010 Cannot read the included file "layers/nope.json": no such file.',
                'XPR1010 Cannot read the included file "layers": it is a folder.',
            ]);
        });
    });
});

describe('xprc diff --base with included files', () => {
    let repo = '';
    const git = (...args: string[]) =>
        execFileSync('git', args, {
            cwd: repo,
            stdio: 'pipe',
            env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: repo },
        });
    const run = async (argv: readonly string[]) => {
        let stdout = '';
        let stderr = '';
        const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: join(repo, 'examples') };
        return { code: await main(argv, io), stdout, stderr };
    };
    beforeEach(() => {
        repo = mkdtempSync(join(tmpdir(), 'xprc-include-git-'));
        const examples = new URL('../../../examples/', import.meta.url).pathname;
        mkdirSync(join(repo, 'examples'));
        cpSync(join(examples, 'layered-site.json'), join(repo, 'examples', 'layered-site.json'));
        cpSync(join(examples, 'layers'), join(repo, 'examples', 'layers'), { recursive: true });
        git('init', '-q');
        git('add', '.');
        git('commit', '-q', '-m', 'first');
    });
    afterEach(() => rmSync(repo, { recursive: true, force: true }));

    it('should read the included files at the revision and in the working tree, and show a change made in one', async () => {
        expect((await run(['diff', 'layered-site.json', '--base', 'HEAD'])).code).to.equal(0);
        const roles = join(repo, 'examples', 'layers', 'xpr-roles.json');
        writeFileSync(roles, readFileSync(roles, 'utf8').replace('"value": "HQ"', '"value": "Branch"'));
        const result = await run(['diff', 'layered-site.json', '--base', 'HEAD', '--format', 'json']);
        expect(result.code, result.stderr).to.equal(3);
        const doc = JSON.parse(result.stdout) as { summary: { resources: { changed: number } } };
        // The value is set on both nodes, through both roles.
        expect(doc.summary.resources.changed).to.equal(2);
    });
});
