/**
 * `--format sarif` on validate, build and build --check: the log validates
 * against the official SARIF 2.1.0 schema (spec/vendor/sarif-2.1.0/), has one
 * run whose rules are the diagnostics catalog, and each result points at the
 * same line:column as the text output.
 */

import { expect } from 'chai';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../../compiler/cli/main.js';
import { artifactUri } from '../../../compiler/cli/sarif.js';
import { catalogEntries } from '../../../compiler/diagnostics/catalog.js';
import { goldenCases } from '../../golden/golden.spec.js';

const GOLDEN = new URL('../../golden/', import.meta.url).pathname;
const SCHEMA = new URL('../../vendor/sarif-2.1.0/sarif-schema-2.1.0.json', import.meta.url).pathname;

interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

async function run(argv: readonly string[], cwd: string): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd };
    return { code: await main(argv, io), stdout, stderr };
}

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped (as in compiler/frontend/ajv-options.ts).
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void;

/** The official schema is draft-04 (`id`); ajv's draft-07 engine reads it once `id` is `$id`. */
function sarifValidator() {
    const { id, $schema: _draft04, ...rest } = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile({ ...rest, $id: String(id), $schema: 'http://json-schema.org/draft-07/schema#' });
}

interface SarifLog {
    version: string;
    runs: {
        tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } };
        results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }[] }[];
    }[];
}

/** `file:line:column - severity CODE:` lines of the text output, in order. */
function textPositions(stderr: string): string[] {
    return [...stderr.matchAll(/^(\S+?):(\d+):(\d+) - (?:error|warning) (XPR\d{4}):/gm)].map((m) => `${m[4]} ${m[2]}:${m[3]}`);
}

function sarifPositions(log: SarifLog): string[] {
    return log.runs[0]!.results.flatMap((r) => {
        const where = r.locations[0]?.physicalLocation.region;
        return where ? [`${r.ruleId} ${where.startLine}:${where.startColumn}`] : [];
    });
}

describe('--format sarif (SARIF 2.1.0)', function () {
    this.timeout(60_000);
    const validate = sarifValidator();

    it('should reject a log that breaks the schema (the validator can fail)', () => {
        expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).to.equal(false);
        expect(validate({ version: '2.0.0', runs: [] })).to.equal(false);
    });

    for (const name of goldenCases().filter((n) => n.startsWith('invalid-'))) {
        it(`${name}: validate and build logs validate, and point where the text output points`, async () => {
            const cwd = join(GOLDEN, name);
            const text = await run(['validate', 'site.json'], cwd);
            for (const command of ['validate', 'build'] as const) {
                // build stops before writing (the manifest has errors); --out keeps the golden folder clean regardless.
                const out = command === 'build' ? ['--out', join(tmpdir(), 'xprc-sarif-never-written')] : [];
                const sarif = await run([command, 'site.json', '--format', 'sarif', ...out], cwd);
                expect(sarif.code, `${command}: exit code`).to.equal(text.code);
                const log = JSON.parse(sarif.stdout) as SarifLog;
                expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).to.equal(true);
                expect(log.runs).to.have.length(1);
                expect(sarifPositions(log), command).to.deep.equal(textPositions(text.stderr));
                const rules = log.runs[0]!.tool.driver.rules;
                for (const result of log.runs[0]!.results) {
                    expect(rules[result.ruleIndex]?.id).to.equal(result.ruleId);
                    expect(result.locations[0]?.physicalLocation.artifactLocation.uri).to.equal('site.json');
                }
            }
            expect(textPositions(text.stderr)).to.not.be.empty;
        });
    }

    it('should carry every catalog entry as a rule, with its title, fix and guide section', async () => {
        const log = JSON.parse((await run(['validate', 'site.json', '--format', 'sarif'], join(GOLDEN, 'baseline'))).stdout) as SarifLog;
        expect(validate(log)).to.equal(true);
        const rules = log.runs[0]!.tool.driver.rules;
        expect(rules.map((r) => r.id)).to.deep.equal(catalogEntries().map((e) => e.code));
        const pull = rules.find((r) => r.id === 'XPR3430');
        expect(pull?.shortDescription.text).to.equal('Pull delivery without a pull server');
        expect(pull?.help.text).to.contain('Rule from: docs/delivery.md (pull server)');
        expect(log.runs[0]!.results).to.deep.equal([]);
    });

    it('build --check --format sarif should report each out-of-date file as XPR5040 at the manifest, and exit 4', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'xprc-sarif-'));
        try {
            copyFileSync(join(GOLDEN, 'baseline', 'site.json'), join(dir, 'site.json'));
            expect((await run(['build', 'site.json'], dir)).code).to.equal(0);
            const fresh = await run(['build', 'site.json', '--check', '--format', 'sarif'], dir);
            expect(fresh.code).to.equal(0);
            expect((JSON.parse(fresh.stdout) as SarifLog).runs[0]!.results).to.deep.equal([]);

            writeFileSync(join(dir, 'out', 'contoso-lab', 'build.ps1'), '# edited\r\n');
            rmSync(join(dir, 'out', 'contoso-lab', 'PACKAGE.md'));
            const stale = await run(['build', 'site.json', '--check', '--format', 'sarif'], dir);
            expect(stale.code).to.equal(4);
            const log = JSON.parse(stale.stdout) as SarifLog;
            expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).to.equal(true);
            expect(log.runs[0]!.results.map((r) => [r.ruleId, r.level, r.message.text])).to.deep.equal([
                ['XPR5040', 'error', 'Generated file "build.ps1" is stale: the output folder differs from what the manifest gives.'],
                ['XPR5040', 'error', 'Generated file "PACKAGE.md" is missing: the output folder differs from what the manifest gives.'],
            ]);
            expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation).to.deep.equal({ artifactLocation: { uri: 'site.json' } });
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('should write artifact URIs that stay relative for code scanning and encode what a URI cannot hold', () => {
        const table: [string, string][] = [
            ['site.json', 'site.json'],
            ['sites\\lab one.json', 'sites/lab%20one.json'],
            ['/work/site.json', 'file:///work/site.json'],
            ['C:\\sites\\site.json', 'file:///C:/sites/site.json'],
        ];
        for (const [file, uri] of table) {
            expect(artifactUri(file), file).to.equal(uri);
        }
    });
});
