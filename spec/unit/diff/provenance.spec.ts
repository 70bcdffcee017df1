/**
 * Provenance in the .reg files: every key block is preceded by one
 * `; <manifest>#<pointer> <value>` line per value it holds, in the block's
 * value order, naming exactly the IR resource each value came from; and the
 * comment text can never break the file (reg-format.md §2).
 */

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { compile } from '../../../compiler/compile.js';
import { regComment } from '../../../compiler/emit/reg/write-reg.js';
import type { RegistryResource } from '../../../compiler/ir/types.js';
import { parseRegFile } from '../../helpers/reg-reader.js';

const EXAMPLE = readFileSync(new URL('../../../examples/baseline.json', import.meta.url));

describe('.reg provenance comments', () => {
    const result = compile({ fileName: 'site.json', bytes: EXAMPLE });

    it('should name, before each key block, the manifest location of every value in it, in order', () => {
        let checked = 0;
        for (const node of result.ir?.nodes ?? []) {
            const file = result.files?.find((f) => f.path === `${node.fileStem}/${node.fileStem}.reg`);
            const registry = node.resources.filter((r): r is RegistryResource => r.kind === 'Registry');
            const pointerOf = (hive: string, path: string, name: string) =>
                registry.find((r) => r.value.hive === hive && r.value.path.toUpperCase() === path.toUpperCase() && r.value.name.toUpperCase() === name.toUpperCase())?.source.pointer;
            for (const block of parseRegFile(file?.bytes ?? Buffer.alloc(0)).blocks) {
                const expected = block.values.map((v) => `site.json#${pointerOf(block.hive, block.path, v.name)} ${v.name === '' ? '@' : `"${v.name}"`}`);
                expect(block.comments, `${block.hive}\\${block.path}`).to.deep.equal(expected);
                checked += block.values.length;
            }
        }
        expect(checked, 'every registry value of the example').to.equal(
            (result.ir?.nodes ?? []).reduce((n, node) => n + node.resources.filter((r) => r.kind === 'Registry').length, 0),
        );
    });

    const hostile: readonly [string, string, string][] = [
        ['line breaks of every kind', 'a\r\nb\nc\rd\u2028e\u0085f', 'a b c d e f'],
        ['control, bidi and invisible characters', 'a\u0000b\u001bc\u202ed\ufeffe', 'a\ufffdb\ufffdc\ufffdd\ufffde'],
        ['trailing whitespace (editors strip it)', 'site.json#/x   ', 'site.json#/x'],
        ['a TAB (a control character to the .reg writer) as a space', 'a\tb', 'a b'],
        ['a lone surrogate', 'a\ud800b', 'a\ufffdb'],
        ['text that is already safe', 'site.json#/baselines/common/registry/0 "Port"', 'site.json#/baselines/common/registry/0 "Port"'],
    ];
    for (const [what, input, expected] of hostile) {
        it(`should make ${what} safe for a full-line ; comment`, () => expect(regComment(input)).to.equal(expected));
    }
});
