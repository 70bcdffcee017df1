/**
 * The stability contract and `xprc diff`, locked by goldens.
 *
 * (a) A pure reformat of examples/baseline.json (whitespace, key order) gives
 *     byte-identical output, and reordering its arrays without order
 *     semantics gives no diff and identical output apart from provenance
 *     comments, which name the items' new positions: mapped back through the
 *     reordering, every byte is identical again.
 * (b) Every folder spec/golden-diff/<case>/ holds old.json and new.json; its
 *     expected/ holds the diff as text (diff.txt, no colour), Markdown
 *     (diff.md) and JSON (diff.json). `XPRC_UPDATE_GOLDEN=1 npx mocha
 *     spec/golden-diff` rewrites them (limit it with --grep <case>).
 */

import { expect } from 'chai';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../compiler/compile.js';
import { PLAIN } from '../../compiler/cli/format.js';
import { diffSites } from '../../compiler/diff/diff.js';
import { hasChanges } from '../../compiler/diff/model.js';
import { renderDiffJson } from '../../compiler/diff/render-json.js';
import { renderDiffMarkdown } from '../../compiler/diff/render-markdown.js';
import { renderDiffText } from '../../compiler/diff/render-text.js';
import type { OutputFile } from '../../compiler/emit/emit.js';
import { compareWithGolden, displayText } from '../helpers/golden.js';
import { reorder, shuffleKeys } from './reorder.js';

const DIR = new URL('.', import.meta.url).pathname;
const EXAMPLE = new URL('../../examples/baseline.json', import.meta.url);

function compileText(fileName: string, text: string) {
    const result = compile({ fileName, bytes: Buffer.from(text, 'utf8') });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`), fileName).to.deep.equal([]);
    return result as Required<Pick<typeof result, 'ir' | 'files'>> & typeof result;
}

/** Files by path (emit lists them in node order). */
function byPath(files: readonly OutputFile[]): Record<string, Buffer> {
    return Object.fromEntries(files.map((f) => [f.path, f.bytes]));
}

/** Rewrites a generated file's text, keeping its encoding: UTF-16LE with BOM (.reg), UTF-8 with or without BOM. */
function recode(bytes: Buffer, rewrite: (text: string) => string): Buffer {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
        return Buffer.concat([bytes.subarray(0, 2), Buffer.from(rewrite(bytes.subarray(2).toString('utf16le')), 'utf16le')]);
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return Buffer.concat([bytes.subarray(0, bom), Buffer.from(rewrite(bytes.subarray(bom).toString('utf8')), 'utf8')]);
}

describe('stability contract (examples/baseline.json)', () => {
    const original = readFileSync(EXAMPLE, 'utf8');
    const parsed = JSON.parse(original) as unknown;
    // Compiled under one name: the manifest's file name is in every header.
    const base = compileText('baseline.json', original);

    const reformats: readonly [string, string][] = [
        ['minified', JSON.stringify(parsed)],
        ['tabs and CRLF line endings', JSON.stringify(parsed, null, '\t').replace(/\n/g, '\r\n')],
        ['keys in reverse order (credentials and baselines maps too)', JSON.stringify(shuffleKeys(parsed), null, 4)],
    ];
    for (const [what, text] of reformats) {
        it(`should give identical bytes and no diff when the manifest is ${what}`, () => {
            expect(text).to.not.equal(original);
            const variant = compileText('baseline.json', text);
            expect(hasChanges(diffSites(base.ir, variant.ir))).to.equal(false);
            expect(variant.files.map((f) => f.path)).to.deep.equal(base.files.map((f) => f.path));
            variant.files.forEach((f, i) => expect(f.bytes.equals(base.files[i]?.bytes ?? Buffer.alloc(0)), f.path).to.equal(true));
        });
    }

    it('should give no diff, and identical bytes once provenance pointers are mapped back, when arrays without order semantics are reversed', () => {
        const reordered = reorder(parsed);
        const text = JSON.stringify(reordered.value, null, 2);
        const variant = compileText('baseline.json', text);
        const diff = diffSites(base.ir, variant.ir);
        expect(renderDiffText(diff, { old: 'a', new: 'b' }, PLAIN)).to.contain('No changes');
        expect(hasChanges(diff)).to.equal(false);
        // The reordering really moved things: provenance differs before mapping…
        expect(variant.files.every((f) => f.bytes.equals(byPath(base.files)[f.path] ?? Buffer.alloc(0)))).to.equal(false);
        // …and once each pointer names the item's original position, every byte is the same.
        const mapBack = (t: string) => t.replace(/baseline\.json#(\/[^\s`'"()]*)/g, (_m, pointer: string) => `baseline.json#${reordered.originalPointer(pointer)}`);
        const mapped = variant.files.map((f) => ({ path: f.path, bytes: recode(f.bytes, mapBack) }));
        expect(Object.keys(byPath(mapped)).sort()).to.deep.equal(Object.keys(byPath(base.files)).sort());
        for (const f of mapped) {
            expect(displayText(f.path, f.bytes), f.path).to.equal(displayText(f.path, byPath(base.files)[f.path] ?? Buffer.alloc(0)));
            expect(f.bytes.equals(byPath(base.files)[f.path] ?? Buffer.alloc(0)), `${f.path}: bytes`).to.equal(true);
        }
    });
});

const cases = readdirSync(DIR)
    .filter((name) => statSync(join(DIR, name)).isDirectory())
    .sort();

describe('xprc diff golden cases', () => {
    it('should have a case for every change kind, and one without changes', () => expect(cases).to.include.members(['every-kind', 'no-change', 'one-property', 'profile-change']));

    for (const name of cases) {
        it(`${name}: should match diff.txt, diff.md and diff.json`, () => {
            const read = (file: string) => readFileSync(join(DIR, name, file), 'utf8');
            const oldIr = compileText('old.json', read('old.json')).ir;
            const newIr = compileText('new.json', read('new.json')).ir;
            const diff = diffSites(oldIr, newIr);
            const labels = { old: 'old.json', new: 'new.json' };
            const report = compareWithGolden(join(DIR, name, 'expected'), [
                { path: 'diff.txt', bytes: Buffer.from(renderDiffText(diff, labels, PLAIN), 'utf8') },
                { path: 'diff.md', bytes: Buffer.from(renderDiffMarkdown(diff, labels), 'utf8') },
                { path: 'diff.json', bytes: Buffer.from(renderDiffJson(diff, labels), 'utf8') },
            ], `XPRC_UPDATE_GOLDEN=1 npx mocha spec/golden-diff --grep '${name}'`);
            expect(report, report).to.equal('');
            // The case's name says whether it has changes.
            expect(hasChanges(diff)).to.equal(name !== 'no-change');
        });
    }
});
