/**
 * Behaviour of every Script resource of every golden case, run by
 * PowerShell 7 against the fake Windows host (spec/pwsh/FakeWindows.psm1)
 * the way the LCM's xScript runs it: converge, idempotence, Get, drift;
 * gates fail naming their runbook step until the step's fixture is applied.
 * One pwsh process runs all of them (Invoke-ScriptCases.ps1).
 */

import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { requirePwsh, runPwshJson } from '../helpers/pwsh.js';
import { scriptCases } from './script-cases.js';
import { CONTROLS } from './script-controls.js';

const HARNESS = fileURLToPath(new URL('./Invoke-ScriptCases.ps1', import.meta.url));

interface Step {
    readonly step: string;
    readonly ok: boolean;
    readonly detail: string;
}
interface Outcome {
    readonly kind: 'gate' | 'script';
    readonly ms: number;
    readonly rebootRequested: boolean;
    readonly ok: boolean;
    readonly steps: readonly Step[];
    readonly calls: readonly string[];
}

describe('Script resources converge, are idempotent and notice drift (pwsh, fake host)', function () {
    const cases = scriptCases();
    let results: Record<string, Outcome> = {};

    before(function () {
        const pwsh = requirePwsh(this);
        const run = runPwshJson<Record<string, Outcome>>(pwsh, HARNESS, { cases: [...cases, ...CONTROLS] });
        results = run.result;
        const gates = cases.filter((c) => c.gate).length;
        const slowest = Object.entries(results).sort((a, b) => b[1].ms - a[1].ms).slice(0, 3);
        console.log(`      slowest: ${slowest.map(([id, r]) => `${id} ${r.ms} ms`).join(', ')}`);
        console.log(`      gates (wait for a runbook step): ${cases.filter((c) => c.gate).map((c) => `${c.id} -> "${c.gate?.title}"`).join('; ')}`);
        console.log(`      ${cases.length} Script resources (${gates} gates) and ${CONTROLS.length} controls in one pwsh process: ${run.ms} ms`);
    });

    it('should find Script resources in the goldens', () => {
        expect(cases.length).to.be.greaterThan(10);
    });

    describe('negative controls: the harness notices each kind of bug', () => {
        for (const c of CONTROLS) {
            it(`${c.id} should fail exactly: ${c.mustFail.length === 0 ? 'nothing' : c.mustFail.join(', ')}`, () => {
                const outcome = results[c.id];
                expect(outcome, 'no result from the harness').to.not.equal(undefined);
                const failed = (outcome?.steps ?? []).filter((s) => !s.ok);
                expect(failed.map((s) => s.step), failed.map((s) => `${s.step}: ${s.detail}`).join('\n')).to.deep.equal(c.mustFail);
                if (c.mustFail.length === 0) expect(outcome?.rebootRequested, 'reboot request seen').to.equal(c.expectReboot === true);
            });
        }
    });

    for (const c of cases) {
        it(c.id, () => {
            const outcome = results[c.id];
            expect(outcome, 'no result from the harness').to.not.equal(undefined);
            const failed = (outcome?.steps ?? []).filter((s) => !s.ok);
            const report = failed.map((s) => `  ✗ ${s.step}: ${s.detail}`).join('\n') + (outcome?.calls.length ? `\n  calls: ${outcome.calls.join(', ')}` : '');
            expect(failed.map((s) => s.step), `\n${report}`).to.deep.equal([]);
            expect(outcome?.kind).to.equal(c.gate ? 'gate' : 'script');
            if (c.expectReboot) expect(outcome?.rebootRequested, 'Set of a start-up registry value must ask for a reboot').to.equal(true);
        });
    }
});
