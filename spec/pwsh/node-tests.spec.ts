/**
 * Oracle for the verification tests (<NODE>.Tests.ps1): every node of every
 * valid golden case runs its freshly compiled file with Pester 5.7.1 in
 * PowerShell 7 against the fake Windows host (FakeWindows.psm1):
 *
 *   - on the converged host every test passes, except the ones skipped by
 *     design (manual steps, reboot points);
 *   - on the fresh host every other test fails, each under its resource's
 *     name (Script resources' tests on the fresh host as the Script
 *     behaviour tests have it, see node-runs.ts).
 *
 * The converged host comes from the converge model (converge-model.ts), the
 * suite's stand-in for the DSC resources' Set logic, plus the Script
 * resources' own SetScripts. One pwsh process, one Invoke-Pester call.
 */

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testsFileName } from '../../compiler/emit/pester/tests-file.js';
import type { Site } from '../../compiler/manifest/types.generated.js';
import { compileCase, goldenCases } from '../golden/golden.spec.js';
import { requirePwsh, runPwshJson } from '../helpers/pwsh.js';
import { HOST_FIXTURES } from './node-hosts.js';
import { nodeRuns, type Expected, type NodeRun } from './node-runs.js';

const HARNESS = fileURLToPath(new URL('./Invoke-NodeTests.ps1', import.meta.url));
const FAKE = fileURLToPath(new URL('./FakeWindows.psm1', import.meta.url));
const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url));

interface TestResult {
    readonly name: string;
    readonly context?: string;
    readonly result: string;
    readonly message: string;
}
interface RunResult {
    readonly converge: readonly string[];
    readonly tests: readonly TestResult[];
}

/**
 * Failed by one of its Should assertions (Pester's "Expected …"), not by an
 * error: a check that throws (a missing command, a broken helper) fails on
 * every host and proves nothing.
 */
function failedAssertion(t: TestResult): boolean {
    return t.result === 'Failed' && t.message.startsWith('Expected ');
}

function collect(): { runs: NodeRun[]; expected: Map<string, Expected> } {
    const runs: NodeRun[] = [];
    const expected = new Map<string, Expected>();
    for (const name of goldenCases().filter((n) => !n.startsWith('invalid-'))) {
        const result = compileCase(name);
        if (!result.ir) continue;
        const site = JSON.parse(readFileSync(join(GOLDEN_DIR, name, 'site.json'), 'utf8')) as Site;
        for (const node of result.ir.nodes.filter((n) => n.resources.length > 0)) {
            const file = result.files?.find((f) => f.path === `${node.fileStem}/${testsFileName(node)}`);
            if (!file) throw new Error(`${name}/${node.name}: no ${testsFileName(node)}`);
            const text = file.bytes.toString('utf8').replace(/^\uFEFF/, '');
            const built = nodeRuns(name, site, result.ir, node, text, HOST_FIXTURES);
            runs.push(...built.runs);
            expected.set(`${name}/${node.name}`, built.expected);
        }
    }
    return { runs, expected };
}

describe('verification tests (<NODE>.Tests.ps1) on the fake host (pwsh, Pester 5.7.1)', function () {
    const { runs, expected } = collect();
    let results: Record<string, RunResult> = {};

    before(function () {
        // About 650 Pester tests in one process: far longer than mocha's default on a busy machine.
        this.timeout(600_000);
        const pwsh = requirePwsh(this, { pester: true });
        const run = runPwshJson<{ pesterMs: number; runs: Record<string, RunResult> }>(pwsh, HARNESS, { fake: FAKE, runs });
        results = run.result.runs;
        const count = Object.values(results).reduce((n, r) => n + r.tests.length, 0);
        console.log(`      ${runs.length} runs, ${count} tests in one pwsh process: ${run.ms} ms (Invoke-Pester ${run.result.pesterMs} ms)`);
    });

    it('should have a Tests.ps1 for every node with a configuration', () => {
        expect(expected.size).to.be.greaterThan(10);
    });

    for (const [node, want] of expected) {
        describe(node, () => {
            it('should name one test after each resource and manual step', () => {
                const got = (results[`${node} converged`]?.tests ?? []).map((t) => t.name);
                expect(got).to.deep.equal(want.titles.map((t) => t));
            });

            it('should pass every test on the converged host (skipping only manual steps and reboot points)', () => {
                const outcome = results[`${node} converged`];
                expect(outcome?.converge ?? ['no result'], 'converging the fake host').to.deep.equal([]);
                const wrong = (outcome?.tests ?? []).filter((t) => (want.skipped.includes(t.name) ? t.result !== 'Skipped' : t.result !== 'Passed'));
                expect(wrong.map((t) => `${t.result}: ${t.name}: ${t.message}`)).to.deep.equal([]);
            });

            it('should fail every test that is not skipped on the fresh host, under its resource name', () => {
                const tests = results[`${node} fresh`]?.tests ?? [];
                expect(tests.map((t) => t.name)).to.deep.equal([...want.titles]);
                // Script and manual-step tests are filtered out here (Pester reports them NotRun).
                const wrong = tests.filter((t) =>
                    want.scripts.includes(t.name) || want.manual.includes(t.name)
                        ? t.result !== 'NotRun'
                        : want.skipped.includes(t.name)
                          ? t.result !== 'Skipped'
                          : !failedAssertion(t),
                );
                expect(wrong.map((t) => `${t.result}: ${t.name}: ${t.message}`)).to.deep.equal([]);
                const scripts = (results[`${node} fresh scripts`]?.tests ?? []).filter((t) => want.scripts.includes(t.name));
                expect(scripts.map((t) => t.name), 'the Script resources\' tests').to.deep.equal([...want.scripts]);
                expect(scripts.filter((t) => !failedAssertion(t)).map((t) => `${t.result}: ${t.name}: ${t.message}`)).to.deep.equal([]);
            });
        });
    }
});
