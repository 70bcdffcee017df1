import type { ScriptResource } from '../../ir/types.js';
import { check, resourceTitle, skipped, type CheckContext, type PesterCheck } from './check.js';

/**
 * A Script resource is checked by its own TestScript, run as the LCM runs it
 * (a script block whose result must be $true). The lines are xprc's own
 * code with manifest values already quoted (ir/types.ts ScriptResource).
 */
export function scriptCheck(r: ScriptResource, ctx: CheckContext): PesterCheck {
    if (r.testScript.some((line) => /\$using:/i.test(line))) {
        // Outside the MOF compile $using: has no value, so the TestScript can not run here.
        return skipped(resourceTitle(r, ctx), [`Its TestScript: ${r.name}.`], 'its TestScript reads $using: values that only the MOF compile fills in; Test-DscConfiguration checks it');
    }
    const notes = [`Its TestScript: ${r.name}.`];
    if (r.credential !== undefined) {
        notes.push(`The LCM runs it as credential ${r.credential.credential}; here it runs as you.`);
    }
    if (r.gate !== undefined) {
        notes.push(`A gate: it holds once the runbook step "${r.gate.title}" is done.`);
    }
    return check(
        r,
        ctx,
        [
            '$inDesiredState = & {',
            ...r.testScript.map((line) => (line === '' ? '' : `    ${line}`)),
            '}',
            '$inDesiredState | Should -BeTrue -Because \'its TestScript returns $true in the desired state\'',
        ],
        { notes },
    );
}
