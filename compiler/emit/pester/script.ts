import type { ScriptResource } from '../../ir/types.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/**
 * A Script resource is checked by its own TestScript, run as the LCM runs it
 * (a script block whose result must be $true). The lines are xprc's own
 * code with manifest values already quoted (ir/types.ts ScriptResource).
 */
export function scriptCheck(r: ScriptResource, ctx: CheckContext): PesterCheck {
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
