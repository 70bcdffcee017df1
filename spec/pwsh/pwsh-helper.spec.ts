/** spec/helpers/pwsh.ts: skip without pwsh, except under CI, where a missing pwsh fails. */

import { expect } from 'chai';
import { pwshDecision } from '../helpers/pwsh.js';

describe('PowerShell test helper: run, skip or fail', () => {
    const cases = [
        { label: 'pwsh and Pester present', tools: { pwsh: '/p', pester: '/m' }, env: {}, pester: true, want: { action: 'run' } },
        { label: 'pwsh present, Pester not needed', tools: { pwsh: '/p' }, env: { CI: 'true' }, pester: false, want: { action: 'run' } },
        { label: 'pwsh missing, not CI', tools: {}, env: {}, pester: false, want: { action: 'skip', message: 'pwsh not installed: skipping the PowerShell tests (run scripts/install-test-deps.sh)' } },
        { label: 'pwsh missing under CI', tools: {}, env: { CI: 'true' }, pester: false, want: { action: 'fail', message: 'pwsh missing under CI: scripts/install-test-deps.sh did not install it' } },
        { label: 'Pester missing under CI', tools: { pwsh: '/p' }, env: { CI: 'true' }, pester: true, want: { action: 'fail', message: 'Pester 5.7.1 missing under CI: scripts/install-test-deps.sh did not install it' } },
        { label: 'CI set to something else', tools: {}, env: { CI: '1' }, pester: false, want: { action: 'skip', message: 'pwsh not installed: skipping the PowerShell tests (run scripts/install-test-deps.sh)' } },
    ] as const;
    for (const c of cases) {
        it(`should ${c.want.action} when ${c.label}`, () => {
            expect(pwshDecision(c.tools, c.env, c.pester)).to.deep.equal(c.want);
        });
    }
});
