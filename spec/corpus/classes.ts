/** The corpus tables, one per class (see cases.ts). */

import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { main } from '../../compiler/cli/main.js';
import { assertParses } from '../helpers/ps-parse.js';
import { readRegFile } from '../helpers/reg-reader.js';
import { node, registry, site, step, write, type CorpusCase } from './cases.js';

const BUILD = ['build', 'site.json', '--out', 'o'] as const;
const VALIDATE = ['validate', 'site.json'] as const;
const example = (): string => readFileSync(new URL('../../examples/baseline.json', import.meta.url), 'utf8');

/** Strings that broke quoting in other tools: each must reach the .reg file and the .ps1 exactly. */
const HOSTILE = [
    "it's", 'say "hi"', '$(Remove-Item C:\\ -Recurse)', '`$env:PATH`', '‘curly’ “quotes” – en-dash — em', "'@\r\n#>", 'a]b[c', '${x}', '%SystemRoot%\\x', 'Ω ✓ 😀',
];

async function roundTrips(dir: string, value: string): Promise<void> {
    const folder = join(dir, 'o', 'lab', 'SRV01');
    await assertParses(readFileSync(join(folder, 'SRV01.ps1'), 'utf8').replace(/^\uFEFF/, ''), 'SRV01.ps1');
    const values = readRegFile(readFileSync(join(folder, 'SRV01.reg')));
    const found = values.find((v) => v.name === 'Setting');
    expect(found?.data, 'the .reg file holds the value exactly').to.deep.equal({ type: 'REG_SZ', value });
}

const quoting: CorpusCase[] = HOSTILE.map((value) => ({
    class: 'quoting',
    name: `a REG_SZ of ${JSON.stringify(value)} reaches the .reg file and the .ps1 intact`,
    manifest: registry({ value }),
    argv: BUILD,
    exit: 0,
    after: (dir) => roundTrips(dir, value),
}));

const notes = (dir: string): void => write(dir, 'o/lab/notes/todo.txt', 'my notes');
const unchanged = (path: string, text: string) => (dir: string) => expect(readFileSync(join(dir, path), 'utf8')).to.equal(text);
/** An earlier, successful build of the case's manifest into o/. */
const built = async (dir: string): Promise<void> => {
    const quiet = { write: () => true };
    expect(await main(BUILD, { stdout: quiet, stderr: quiet, env: {}, cwd: dir })).to.equal(0);
};

const ownership: CorpusCase[] = [
    { class: 'paths and ownership', name: 'a notes file in the site folder is named and kept', manifest: site([node()]), setup: notes, argv: BUILD, exit: 1, codes: ['XPR5010'], after: (dir, out) => { unchanged('o/lab/notes/todo.txt', 'my notes')(dir); expect(out.stderr).to.contain('notes/todo.txt'); } },
    { class: 'paths and ownership', name: '--force replaces it (typed by the user)', manifest: site([node()]), setup: notes, argv: [...BUILD, '--force'], exit: 0, after: (dir) => expect(existsSync(join(dir, 'o/lab/notes'))).to.equal(false) },
    { class: 'paths and ownership', name: '--out . in a project with a folder of the site name keeps that folder', manifest: site([node()]), setup: (dir) => write(dir, 'lab/src/index.ts', 'code'), argv: ['build', 'site.json', '--out', '.'], exit: 1, codes: ['XPR5010'], after: unchanged('lab/src/index.ts', 'code') },
    { class: 'paths and ownership', name: 'a regular file where the site folder goes is kept', manifest: site([node()]), setup: (dir) => write(dir, 'o/lab', 'a file'), argv: BUILD, exit: 1, codes: ['XPR5011'], after: unchanged('o/lab', 'a file') },
    { class: 'paths and ownership', name: 'a symbolic link in the site folder is not followed or deleted', manifest: site([node()]), setup: async (dir) => { await built(dir); write(dir, 'target.txt', 'keep'); symlinkSync(join(dir, 'target.txt'), join(dir, 'o/lab/SRV01/link')); }, argv: BUILD, exit: 1, codes: ['XPR5010'], after: unchanged('target.txt', 'keep') },
    { class: 'paths and ownership', name: 'a hand-edited generated file is reported as changed', manifest: site([node()]), setup: async (dir) => { await built(dir); write(dir, 'o/lab/SRV01/RUNBOOK.md', '# fixed by hand'); }, argv: BUILD, exit: 1, codes: ['XPR5010'], after: (dir, out) => { unchanged('o/lab/SRV01/RUNBOOK.md', '# fixed by hand')(dir); expect(out.stderr).to.contain('SRV01/RUNBOOK.md (changed)'); } },
    { class: 'paths and ownership', name: 'a rebuild of xprc\'s own output succeeds', manifest: site([node()]), setup: built, argv: BUILD, exit: 0 },
    { class: 'paths and ownership', name: '--out / needs an owned site folder', manifest: { ...(site([node()]) as object), name: 'xprc-corpus-root-test' }, argv: ['build', 'site.json', '--out', '/'], exit: 1, codes: ['XPR5012'], after: () => expect(existsSync('/xprc-corpus-root-test')).to.equal(false) },
    { class: 'paths and ownership', name: 'site name "con" is refused like a node name', manifest: { ...(site([node()]) as object), name: 'con' }, argv: VALIDATE, exit: 1, codes: ['XPR3085'] },
    ...['nul', 'aux', 'com1', 'lpt9', 'prn'].map((name): CorpusCase => ({ class: 'paths and ownership', name: `site name "${name}"`, manifest: { ...(site([node()]) as object), name }, argv: VALIDATE, exit: 1, codes: ['XPR3085'] })),
    { class: 'paths and ownership', name: 'build --check does not list the ownership record as extra', manifest: site([node()]), setup: built, argv: [...BUILD, '--check'], exit: 0, after: (_dir, out) => expect(out.stdout).to.match(/is up to date/) },
];

const crash: CorpusCase[] = [
    {
        class: 'crash windows', name: 'site folder missing, previous output in .xprc-old-*: restored, then rebuilt, and said', manifest: site([node()]),
        setup: async (dir) => { await built(dir); execFileSync('mv', [join(dir, 'o/lab'), join(dir, 'o/.xprc-old-lab-abc123')]); },
        argv: BUILD, exit: 0, codes: ['XPR5014'], after: (dir) => expect(readdirSync(join(dir, 'o'))).to.deep.equal(['lab']),
    },
    {
        class: 'crash windows', name: 'both folders present (crash before the old one was removed): old one removed, and said', manifest: site([node()]),
        setup: async (dir) => { await built(dir); execFileSync('cp', ['-r', join(dir, 'o/lab'), join(dir, 'o/.xprc-old-lab-abc123')]); },
        argv: BUILD, exit: 0, codes: ['XPR5014'], after: (dir) => expect(readdirSync(join(dir, 'o'))).to.deep.equal(['lab']),
    },
    {
        class: 'crash windows', name: 'temporary folders of killed builds are removed', manifest: site([node()]),
        setup: (dir) => { for (const n of ['a', 'b', 'c']) write(dir, `o/.xprc-tmp-lab-${n}/SRV01/SRV01.ps1`, 'partial'); },
        argv: BUILD, exit: 0, codes: ['XPR5014'], after: (dir) => expect(readdirSync(join(dir, 'o'))).to.deep.equal(['lab']),
    },
    {
        class: 'crash windows', name: 'with --format json the recovery warning is in the one JSON document', manifest: site([node()]),
        setup: (dir) => write(dir, 'o/.xprc-tmp-lab-a/x', 'partial'),
        argv: [...BUILD, '--format', 'json'], exit: 0,
        after: (_dir, out) => expect((JSON.parse(out.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).to.deep.equal(['XPR5014']),
    },
    {
        class: 'crash windows', name: 'a lock left by a dead build is taken over', manifest: site([node()]),
        setup: (dir) => write(dir, 'o/.xprc-lock-lab', JSON.stringify({ pid: 2 ** 22 + 7, host: hostname() })),
        argv: BUILD, exit: 0, after: (dir) => expect(readdirSync(join(dir, 'o'))).to.deep.equal(['lab']),
    },
    {
        class: 'crash windows', name: 'the private lock file of a build killed while waiting is removed', manifest: site([node()]),
        setup: (dir) => write(dir, `o/.xprc-lock-lab.${2 ** 22 + 9}`, '{}'),
        argv: BUILD, exit: 0, codes: ['XPR5014'], after: (dir) => expect(readdirSync(join(dir, 'o'))).to.deep.equal(['lab']),
    },
    {
        class: 'crash windows', name: 'an old output someone saved a file into is kept, and said', manifest: site([node()]),
        setup: async (dir) => { await built(dir); execFileSync('cp', ['-r', join(dir, 'o/lab'), join(dir, 'o/.xprc-old-lab-abc123')]); write(dir, 'o/.xprc-old-lab-abc123/mine.txt', 'mine'); },
        argv: BUILD, exit: 0, codes: ['XPR5015'], after: unchanged('o/.xprc-old-lab-abc123/mine.txt', 'mine'),
    },
];

export const CORPUS_PART_ONE: readonly CorpusCase[] = [...quoting, ...ownership, ...crash];
export { example };
