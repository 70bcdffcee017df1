/**
 * durability.ts: one syncfs when the platform gives it, else every staged
 * file and folder flushed, folders deepest first. The fallback must never
 * be skipped silently: a build that cannot syncfs flushes each path.
 */

import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flush, flushStaged, SYNCFS_MIN_FILES, syncFileSystem, writeNew } from '../../../compiler/write/durability.js';

describe('write: durability', () => {
    const many = Array.from({ length: SYNCFS_MIN_FILES }, (_, i) => `/s/a/f${String(i).padStart(2, '0')}`);
    const cases: readonly {
        readonly name: string;
        readonly files: readonly string[];
        readonly syncfs: boolean;
        readonly synced: readonly string[];
        readonly flushed: readonly string[];
    }[] = [
        { name: 'one syncfs covers every file and folder', files: many, syncfs: true, synced: ['/s'], flushed: [] },
        {
            name: 'without syncfs, every file, then folders deepest first',
            files: many,
            syncfs: false,
            synced: ['/s'],
            flushed: [...many, '/s/a/b', '/s/a', '/s'],
        },
        {
            name: 'a small output is flushed file by file without starting sync',
            files: ['/s/a/b/f1', '/s/a/f2', '/s/f3'],
            syncfs: true,
            synced: [],
            flushed: ['/s/a/b/f1', '/s/a/f2', '/s/f3', '/s/a/b', '/s/a', '/s'],
        },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const calls: string[] = [];
            const synced: string[] = [];
            flushStaged('/s', c.files, ['/s', '/s/a', '/s/a/b'], {
                syncFileSystem: (path) => {
                    synced.push(path);
                    return c.syncfs;
                },
                flush: (path) => calls.push(path),
            });
            expect(synced).to.deep.equal(c.synced);
            expect(calls).to.deep.equal(c.flushed);
        });
    }

    describe('on this machine', () => {
        let dir: string;
        before(() => (dir = mkdtempSync(join(tmpdir(), 'xprc-durability-'))));
        after(() => rmSync(dir, { recursive: true, force: true }));

        it('writeNew writes the bytes and refuses to replace a file', () => {
            const path = join(dir, 'f');
            writeNew(path, Buffer.from('abc'));
            expect(readFileSync(path, 'utf8')).to.equal('abc');
            expect(() => writeNew(path, Buffer.from('x'))).to.throw(/EEXIST/);
        });

        it('syncFileSystem succeeds on Linux for a real folder and fails for a missing one', function () {
            if (process.platform !== 'linux') {
                expect(syncFileSystem(dir)).to.equal(false);
                return;
            }
            expect(syncFileSystem(dir)).to.equal(true);
            expect(syncFileSystem(join(dir, 'missing'))).to.equal(false);
        });

        it('flush of a missing path throws outside Windows', () => {
            if (process.platform === 'win32') return;
            expect(() => flush(join(dir, 'missing'))).to.throw(/ENOENT/);
        });
    });
});
