/**
 * The writer's promises (compiler/write/): it replaces only what it owns,
 * one build at a time, and a crash at any step leaves the old or the new
 * complete output, which the next build finishes. Crashes are real: a child
 * process kills itself with SIGKILL right after each step.
 */

import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWNERSHIP_FILE } from '../../../compiler/write/ownership.js';
import { lockPath } from '../../../compiler/write/lock.js';
import { WRITE_STEPS, WriteError, writeOutput, type WriteFailure, type WriteStep } from '../../../compiler/write/write-output.js';
import { expectedTree, siteFiles, tree, withoutRecord } from '../../helpers/write-fixtures.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const CHILD = join(ROOT, 'spec/helpers/write-child.ts');

interface ChildResult {
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
}

function child(root: string, version: string, crashAt?: WriteStep): Promise<ChildResult> {
    return new Promise((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', CHILD, root, version, ...(crashAt ? [crashAt] : [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
        let stdout = '';
        p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        p.on('error', reject);
        p.on('close', (_code, signal) => resolve({ signal, stdout }));
    });
}

function failureOf(fn: () => unknown): WriteFailure {
    try {
        fn();
    } catch (error) {
        if (error instanceof WriteError) return error.failure;
        throw error;
    }
    throw new Error('expected a WriteError');
}

/** Names in the output folder other than the site folder: temporary folders and locks that a build left. */
const leftovers = (root: string): string[] => readdirSync(root).filter((n) => n !== 'lab').sort();

describe('write (compiler/write/)', () => {
    let root: string;
    const site = () => join(root, 'lab');
    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'xprc-write-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    describe('ownership', () => {
        it('should record every file with its SHA-256, sorted, with the same bytes on every build', () => {
            writeOutput(root, 'lab', siteFiles('old'));
            const record = JSON.parse(readFileSync(join(site(), OWNERSHIP_FILE), 'utf8')) as { generator: string; files: { path: string; sha256: string }[] };
            expect(record.generator).to.match(/^xprc \d+\.\d+\.\d+/);
            expect(record.files.map((f) => f.path)).to.deep.equal(['SRV01/RUNBOOK.md', 'SRV01/SRV01.ps1', 'SRV02/SRV02.ps1']);
            expect(record.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).to.equal(true);
            const first = readFileSync(join(site(), OWNERSHIP_FILE));
            writeOutput(root, 'lab', [...siteFiles('old')].reverse());
            expect(readFileSync(join(site(), OWNERSHIP_FILE)).equals(first)).to.equal(true);
        });

        it('should replace its own unchanged output, and leave nothing beside it', () => {
            writeOutput(root, 'lab', siteFiles('old'));
            writeOutput(root, 'lab', siteFiles('new'));
            expect(withoutRecord(tree(site()))).to.deep.equal(expectedTree('new'));
            expect(leftovers(root)).to.deep.equal([]);
        });

        const refusals: readonly [string, () => void, (f: WriteFailure) => void][] = [
            ['one file xprc did not write (notes/todo.txt)', () => {
                mkdirSync(join(site(), 'notes'), { recursive: true });
                writeFileSync(join(site(), 'notes', 'todo.txt'), 'x');
            }, (f) => expect(f).to.deep.include({ kind: 'not-owned' }) && expect(f.kind === 'not-owned' && f.foreign.unknown).to.deep.equal(['notes/todo.txt'])],
            ['a generated file edited by hand', () => writeFileSync(join(site(), 'SRV01', 'SRV01.ps1'), '# mine'), (f) => expect(f.kind === 'not-owned' && f.foreign.changed).to.deep.equal(['SRV01/SRV01.ps1'])],
            ['a symbolic link', () => symlinkSync('/etc/hostname', join(site(), 'SRV01', 'link')), (f) => expect(f.kind === 'not-owned' && f.foreign.unknown).to.deep.equal(['SRV01/link'])],
            ['an ownership record that is not xprc\'s', () => writeFileSync(join(site(), OWNERSHIP_FILE), '{}'), (f) => expect(f.kind === 'not-owned' && f.foreign.unknown).to.include('.xprc-output.json')],
        ];
        for (const [title, change, check] of refusals) {
            it(`should refuse a site folder holding ${title}, changing nothing`, () => {
                writeOutput(root, 'lab', siteFiles('old'));
                change();
                const before = tree(root);
                check(failureOf(() => writeOutput(root, 'lab', siteFiles('new'))));
                expect(tree(root)).to.deep.equal(before);
            });
        }

        it('should refuse a folder xprc never wrote (a project folder named like the site), and a file in its place', () => {
            mkdirSync(site());
            writeFileSync(join(site(), 'package.json'), '{}');
            expect(failureOf(() => writeOutput(root, 'lab', siteFiles('new')))).to.deep.include({ kind: 'not-owned' });
            expect(readFileSync(join(site(), 'package.json'), 'utf8')).to.equal('{}');
            rmSync(site(), { recursive: true });
            writeFileSync(site(), 'a file');
            const f = failureOf(() => writeOutput(root, 'lab', siteFiles('new')));
            expect(f.kind === 'not-owned' && f.foreign.notAFolder).to.equal(true);
            expect(readFileSync(site(), 'utf8')).to.equal('a file');
        });

        it('should replace such a folder with force (the user typed --force)', () => {
            mkdirSync(site());
            writeFileSync(join(site(), 'mine.txt'), 'x');
            writeOutput(root, 'lab', siteFiles('new'), { force: true });
            expect(withoutRecord(tree(site()))).to.deep.equal(expectedTree('new'));
        });

        it('should refuse a new site folder in the home folder or at a file-system root before writing anything', () => {
            const home = process.env['HOME'];
            process.env['HOME'] = root;
            try {
                expect(failureOf(() => writeOutput(root, 'lab', siteFiles('new')))).to.deep.include({ kind: 'risky-root' });
                expect(readdirSync(root)).to.deep.equal([]);
            } finally {
                process.env['HOME'] = home;
            }
            // The root refusal happens before the first write, so this touches nothing in /.
            expect(failureOf(() => writeOutput('/', 'xprc-risky-root-test', siteFiles('new')))).to.deep.include({ kind: 'risky-root' });
            expect(existsSync('/xprc-risky-root-test')).to.equal(false);
        });
    });

    describe('lock', () => {
        it('should wait, then name the lock when another live build holds it', () => {
            writeFileSync(lockPath(root, 'lab'), JSON.stringify({ pid: process.pid, host: hostname() }));
            const f = failureOf(() => writeOutput(root, 'lab', siteFiles('new'), { lockWaitMs: 150 }));
            expect(f).to.deep.include({ kind: 'locked', lockPath: lockPath(root, 'lab'), holder: `pid ${process.pid} on ${hostname()}` });
            expect(existsSync(site())).to.equal(false);
        });

        it('should take over a lock whose build died', async () => {
            const dead = spawn(process.execPath, ['-e', '0']);
            await new Promise((r) => dead.on('close', r));
            writeFileSync(lockPath(root, 'lab'), JSON.stringify({ pid: dead.pid, host: hostname() }));
            writeOutput(root, 'lab', siteFiles('new'), { lockWaitMs: 150 });
            expect(withoutRecord(tree(site()))).to.deep.equal(expectedTree('new'));
            expect(leftovers(root)).to.deep.equal([]);
        });

        it('should let four concurrent builds of one site all succeed, one after the other', async function () {
            this.timeout(60_000);
            writeOutput(root, 'lab', siteFiles('old'));
            const results = await Promise.all([1, 2, 3, 4].map(() => child(root, 'new')));
            expect(results.map((r) => JSON.parse(r.stdout).ok)).to.deep.equal([true, true, true, true]);
            expect(withoutRecord(tree(site()))).to.deep.equal(expectedTree('new'));
            expect(leftovers(root)).to.deep.equal([]);
        });
    });

    describe('a crash after each step of the swap', function () {
        this.timeout(60_000);
        const crashed: Partial<Record<WriteStep, { root: string; result: ChildResult }>> = {};
        before(async () => {
            // All crashes at once: each child starts in about a second.
            await Promise.all(
                WRITE_STEPS.map(async (step) => {
                    const dir = mkdtempSync(join(tmpdir(), `xprc-crash-${step}-`));
                    writeOutput(dir, 'lab', siteFiles('old'));
                    crashed[step] = { root: dir, result: await child(dir, 'new', step) };
                }),
            );
        });
        after(() => Object.values(crashed).forEach((c) => rmSync(c.root, { recursive: true, force: true })));

        for (const step of WRITE_STEPS) {
            it(`should leave the old or the new complete output after "${step}", and the next build finishes it`, () => {
                const { root: dir, result } = crashed[step]!;
                expect(result.signal, result.stdout).to.equal('SIGKILL');
                const now = withoutRecord(tree(join(dir, 'lab')));
                const retired = readdirSync(dir).filter((n) => n.startsWith('.xprc-old-lab-'));
                if (now === undefined) {
                    // Only between the two renames: the complete old output waits in one .xprc-old folder.
                    expect(step).to.equal('retired');
                    expect(retired).to.have.length(1);
                    expect(withoutRecord(tree(join(dir, retired[0]!)))).to.deep.equal(expectedTree('old'));
                } else {
                    expect([expectedTree('old'), expectedTree('new')]).to.deep.include(now);
                }
                const next = writeOutput(dir, 'lab', siteFiles('new'), { lockWaitMs: 1000 });
                expect(withoutRecord(tree(join(dir, 'lab')))).to.deep.equal(expectedTree('new'));
                expect(readdirSync(dir).filter((n) => n !== 'lab')).to.deep.equal([]);
                if (now === undefined) expect(next.recovery.restoredFrom).to.equal(retired[0]);
                // Staging folders exist from "staged" to the second rename; the old output after it until "cleaned".
                const leftBehind = step === 'staged' || step === 'flushed' || step === 'retired' || step === 'installed';
                expect(next.recovery.removed.length > 0, JSON.stringify(next.recovery)).to.equal(leftBehind);
            });
        }
    });

    describe('failures', () => {
        it('should keep the old output, and say so, when someone saved a file into it during the build', () => {
            writeOutput(root, 'lab', siteFiles('old'));
            let retiredName = '';
            const result = writeOutput(root, 'lab', siteFiles('new'), {
                afterStep: (step) => {
                    if (step === 'installed') {
                        retiredName = readdirSync(root).find((n) => n.startsWith('.xprc-old-lab-')) ?? '';
                        writeFileSync(join(root, retiredName, 'saved-meanwhile.txt'), 'mine');
                    }
                },
            });
            expect(result.leftBehind).to.equal(join(root, retiredName));
            expect(readFileSync(join(root, retiredName, 'saved-meanwhile.txt'), 'utf8')).to.equal('mine');
            expect(withoutRecord(tree(site()))).to.deep.equal(expectedTree('new'));
            // The next build keeps it too (it holds a file xprc did not write) and names it.
            expect(writeOutput(root, 'lab', siteFiles('new')).recovery.kept).to.deep.equal([retiredName]);
        });

        it('should say truthfully where the previous output is when it cannot be put back, and keep it', () => {
            writeOutput(root, 'lab', siteFiles('old'));
            // After the old output is moved aside, someone creates the site folder: both renames fail.
            const f = failureOf(() =>
                writeOutput(root, 'lab', siteFiles('new'), {
                    afterStep: (step) => {
                        if (step === 'retired') {
                            mkdirSync(join(site(), 'x'), { recursive: true });
                            writeFileSync(join(site(), 'x', 'mine.txt'), 'mine');
                        }
                    },
                }),
            );
            const retired = readdirSync(root).filter((n) => n.startsWith('.xprc-old-lab-'));
            expect(retired).to.have.length(1);
            expect(f.kind === 'io' && f.state).to.contain(join(root, retired[0]!));
            expect(withoutRecord(tree(join(root, retired[0]!)))).to.deep.equal(expectedTree('old'));
            // The next build keeps the old output while the site folder holds someone's file…
            expect(failureOf(() => writeOutput(root, 'lab', siteFiles('new')))).to.deep.include({ kind: 'not-owned' });
            expect(readdirSync(root).filter((n) => n.startsWith('.xprc-old-lab-'))).to.deep.equal(retired);
            // …and puts it back first once the site folder is gone, as the message said.
            rmSync(site(), { recursive: true });
            const next = writeOutput(root, 'lab', siteFiles('new'));
            expect(next.recovery.restoredFrom).to.equal(retired[0]);
            expect(withoutRecord(tree(site()))).to.deep.equal(expectedTree('new'));
        });
    });
});
