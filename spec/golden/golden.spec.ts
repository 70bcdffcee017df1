/**
 * Golden cases: every folder spec/golden/<case>/ holds a manifest
 * (site.json) and expected/ with everything the compiler produces for it:
 * diagnostics.txt always, and for valid cases ir.txt plus every emitted
 * file. Cases whose name starts with `invalid-` must fail with exit code 1
 * semantics (errors, no files).
 *
 * Besides byte equality, each valid case is checked by oracles that do not
 * trust the goldens: every .reg re-reads (strict reader) to exactly the
 * registry values of the IR, and every .ps1/.psd1 parses without an ERROR
 * node (see spec/validators/powershell-parse.spec.ts).
 */

import { expect } from 'chai';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../compiler/compile.js';
import { includeReader } from '../../compiler/cli/read-include.js';
import { DEFAULT_MAX_MANIFEST_BYTES } from '../../compiler/cli/read-manifest.js';
import { formatDiagnostics, PLAIN } from '../../compiler/cli/format.js';
import { canonicalRegistryValues } from '../../compiler/emit/reg/write-reg.js';
import { checkBlock } from '../../compiler/dsc/catalog.js';
import { dscBlocks } from '../../compiler/dsc/resources/index.js';
import { printIR } from '../../compiler/ir/print.js';
import { compareWithGolden, type ExpectedFile } from '../helpers/golden.js';
import { readRegFile } from '../helpers/reg-reader.js';

const GOLDEN_DIR = new URL('.', import.meta.url).pathname;

export function goldenCases(): string[] {
    return readdirSync(GOLDEN_DIR)
        .filter((name) => statSync(join(GOLDEN_DIR, name)).isDirectory())
        .sort();
}

export function compileCase(name: string) {
    const manifest = join(GOLDEN_DIR, name, 'site.json');
    // A case's included files (examples/layered-site.json) lie beside its site.json, as the CLI reads them.
    // With RSOP.md (build --emit-rsop), so that every case shows its resultant set of policy.
    return compile({ fileName: 'site.json', bytes: readFileSync(manifest), readInclude: includeReader(manifest, GOLDEN_DIR, DEFAULT_MAX_MANIFEST_BYTES) }, { rsop: true });
}

describe('golden cases', () => {
    for (const name of goldenCases()) {
        describe(name, () => {
            const result = compileCase(name);
            const errors = result.diagnostics.filter((d) => d.severity === 'error');

            it(name.startsWith('invalid-') ? 'should fail with errors and emit nothing' : 'should compile without errors', () => {
                if (name.startsWith('invalid-')) {
                    expect(errors, 'an invalid- case must report errors').to.not.be.empty;
                    expect(result.files, 'no output for an invalid manifest').to.equal(undefined);
                    expect(result.ir).to.equal(undefined);
                } else {
                    expect(errors.map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
                    expect(result.files).to.not.equal(undefined);
                }
            });

            it('should match the golden files', () => {
                const files: ExpectedFile[] = [
                    { path: 'diagnostics.txt', bytes: Buffer.from(formatDiagnostics(result.diagnostics, result.sources ?? result.source, PLAIN), 'utf8') },
                    ...(result.ir ? [{ path: 'ir.txt', bytes: Buffer.from(printIR(result.ir), 'utf8') }] : []),
                    ...(result.files ?? []),
                ];
                const report = compareWithGolden(join(GOLDEN_DIR, name, 'expected'), files);
                expect(report, report).to.equal('');
            });

            if (!name.startsWith('invalid-')) {
                it('should emit only DSC blocks that conform to the resource catalog', () => {
                    for (const node of result.ir?.nodes ?? []) {
                        const violations = dscBlocks(node).flatMap((block) => checkBlock(block).map((v) => `${block.name}: ${v}`));
                        expect(violations).to.deep.equal([]);
                    }
                });

                it('should write .reg files that re-read to exactly the IR registry values', () => {
                    for (const node of (result.ir?.nodes ?? []).filter((n) => n.resources.length > 0)) {
                        const file = result.files?.find((f) => f.path === `${node.fileStem}/${node.fileStem}.reg`);
                        expect(file, `${node.name}.reg`).to.not.equal(undefined);
                        const model = node.resources.flatMap((r) => (r.kind === 'Registry' ? [r.value] : []));
                        expect(readRegFile(file?.bytes ?? Buffer.alloc(0))).to.deep.equal(canonicalRegistryValues(model));
                    }
                });
            }
        });
    }

    it('should have a golden case for every bundled example, with identical bytes', () => {
        const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.json'));
        expect(examples).to.not.be.empty;
        for (const example of examples) {
            const caseName = example.replace(/\.json$/, '');
            const exampleBytes = readFileSync(new URL(`../../examples/${example}`, import.meta.url));
            const caseBytes = readFileSync(join(GOLDEN_DIR, caseName, 'site.json'));
            expect(caseBytes.equals(exampleBytes), `spec/golden/${caseName}/site.json must equal examples/${example}`).to.equal(true);
        }
    });

    it('should hold the files examples/layered-site.json includes beside its case, with identical bytes', () => {
        const layers = readdirSync(new URL('../../examples/layers/', import.meta.url));
        expect(layers).to.not.be.empty;
        for (const file of layers) {
            const exampleBytes = readFileSync(new URL(`../../examples/layers/${file}`, import.meta.url));
            const caseBytes = readFileSync(join(GOLDEN_DIR, 'layered-site', 'layers', file));
            expect(caseBytes.equals(exampleBytes), `spec/golden/layered-site/layers/${file} must equal examples/layers/${file}`).to.equal(true);
        }
    });
});
