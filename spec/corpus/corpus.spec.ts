/**
 * The bad-input corpus (cases.ts, classes*.ts), through the command line in
 * process. Besides each case's own outcome, every case must: exit with the
 * expected code, print no stack trace, let no raw control, bidi or separator
 * character reach stdout or stderr, and never show a secret it was given.
 */

import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../compiler/cli/main.js';
import type { CorpusCase, CorpusClass } from './cases.js';
import { CORPUS_PART_ONE } from './classes.js';
import { CORPUS_PART_TWO } from './classes-two.js';
import { CORPUS_UPGRADE } from './classes-upgrade.js';

const CORPUS: readonly CorpusCase[] = [...CORPUS_PART_ONE, ...CORPUS_PART_TWO, ...CORPUS_UPGRADE];
const CLASSES: readonly CorpusClass[] = ['quoting', 'paths and ownership', 'crash windows', 'malformed and oversized input', 'secrets', 'git refs', 'what people read', 'upgrade paths'];

// eslint-disable-next-line no-control-regex
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const STACK = /\n\s+at .+:\d+:\d+\)?$/m;

function filesBelow(dir: string): string[] {
    const out: string[] = [];
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const stat = statSync(path, { throwIfNoEntry: false });
        if (stat?.isDirectory()) out.push(...filesBelow(path));
        else if (stat?.isFile()) out.push(path);
    }
    return out;
}

describe('bad-input corpus (spec/corpus)', () => {
    it('should have cases in every class', () => {
        for (const c of CLASSES) expect(CORPUS.filter((k) => k.class === c), c).to.not.be.empty;
    });

    for (const cls of CLASSES) {
        describe(cls, () => {
            for (const c of CORPUS.filter((k) => k.class === cls)) {
                it(`${c.name}: exit ${c.exit}${c.codes ? ` with ${c.codes.join(', ')}` : ''}`, async function () {
                    this.timeout(20_000);
                    const dir = mkdtempSync(join(tmpdir(), 'xprc-corpus-'));
                    try {
                        if (c.manifest !== undefined) writeFileSync(join(dir, 'site.json'), JSON.stringify(c.manifest, null, 2));
                        await c.setup?.(dir);
                        let stdout = '';
                        let stderr = '';
                        const code = await main(c.argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: dir });
                        const shown = `exit ${code}\n--- stdout\n${stdout.slice(0, 2000)}\n--- stderr\n${stderr.slice(0, 2000)}`;
                        expect(code, shown).to.equal(c.exit);
                        expect(stderr, 'no stack trace').to.not.match(STACK);
                        expect(stderr + stdout, 'no internal error').to.not.contain('xprc: internal error');
                        expect(RAW_UNSAFE.exec(stdout + stderr)?.[0], 'no raw control or bidi character').to.equal(undefined);
                        for (const code of c.codes ?? []) expect(stdout + stderr, shown).to.contain(code);
                        for (const secret of c.neverShown ?? []) {
                            expect(stdout + stderr, 'secret in the output').to.not.contain(secret);
                            for (const file of filesBelow(dir).filter((f) => !f.endsWith('site.json'))) {
                                expect(readFileSync(file).includes(secret), `secret in ${file}`).to.equal(false);
                            }
                        }
                        await c.after?.(dir, { stdout, stderr });
                    } finally {
                        rmSync(dir, { recursive: true, force: true });
                    }
                });
            }
        });
    }
});
