/**
 * The fake Windows host's own tests (FakeWindows.Tests.ps1, Pester 5.7.1),
 * run in one pwsh process; every Pester test becomes a mocha test.
 */

import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { requirePwsh, runPwshJson } from '../helpers/pwsh.js';

const RUNNER = fileURLToPath(new URL('./Invoke-PesterJson.ps1', import.meta.url));
const TESTS = fileURLToPath(new URL('./FakeWindows.Tests.ps1', import.meta.url));

interface PesterTest {
    readonly name: string;
    readonly result: string;
    readonly error: string;
}

describe('the fake Windows host behaves like Windows where scripts rely on it (Pester)', function () {
    let tests: readonly PesterTest[] = [];

    before(function () {
        const pwsh = requirePwsh(this, { pester: true });
        const run = runPwshJson<{ tests: PesterTest[] }>(pwsh, RUNNER, { paths: [TESTS], data: {} });
        tests = run.result.tests;
        console.log(`      ${tests.length} Pester tests in one pwsh process: ${run.ms} ms`);
    });

    it('should run every Pester test of the fake host, and all should pass', () => {
        expect(tests.length).to.be.greaterThan(20);
        const failed = tests.filter((t) => t.result !== 'Passed').map((t) => `${t.name}: ${t.result} ${t.error}`);
        expect(failed).to.deep.equal([]);
    });
});
