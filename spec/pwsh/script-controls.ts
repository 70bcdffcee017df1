/**
 * Negative controls of the Script behaviour harness: deliberately wrong
 * scripts, each with the steps it must fail. They run in the same pwsh
 * process as the golden cases, so a harness that stopped noticing a class
 * of bug fails here.
 */

import type { ScriptCase } from './script-cases.js';

const KEY = "'HKLM:\\SOFTWARE\\XprcControl'";
const FRESH = { Registry: {}, Files: { 'C:\\Windows': { Type: 'Directory' } }, Cim: { Win32_Volume: [{ DriveLetter: 'C:', Capacity: 1e11 }] } };
const WRITE = [`if (-not (Test-Path -LiteralPath ${KEY})) { New-Item -Path ${KEY} -Force | Out-Null }`, `New-ItemProperty -LiteralPath ${KEY} -Name 'Port' -PropertyType DWord -Value 8080 -Force | Out-Null`];
const READ = [`$value = Get-ItemProperty -LiteralPath ${KEY} -Name 'Port' -ErrorAction SilentlyContinue`];
const GOOD_TEST = [...READ, '$null -ne $value -and $value.Port -eq 8080'];
const GOOD_GET = [...READ, "@{ Result = if ($null -ne $value) { [string]$value.Port } else { '' } }"];

export interface ControlCase extends ScriptCase {
    /** Steps the control must fail, exactly. */
    readonly mustFail: readonly string[];
}

function control(name: string, blocks: { get?: string[]; test?: string[]; set?: string[] }, mustFail: string[], extra: Partial<ScriptCase> = {}): ControlCase {
    return {
        id: `control/${name}`,
        getScript: (blocks.get ?? GOOD_GET).join('\n'),
        testScript: (blocks.test ?? GOOD_TEST).join('\n'),
        setScript: (blocks.set ?? WRITE).join('\n'),
        credential: false,
        gate: null,
        fresh: FRESH,
        installers: {},
        manualStep: null,
        using: {},
        ...extra,
        mustFail,
    };
}

export const CONTROLS: readonly ControlCase[] = [
    control('correct script', {}, []),
    control('Test always true', { test: ['$true'] }, ['fresh Test is $false', 'drift (facts Set changed put back) makes Test $false', 'Test notices at least one changed fact alone']),
    control('Set does not make Test true', { set: [...WRITE.slice(0, 1), `New-ItemProperty -LiteralPath ${KEY} -Name 'Port' -PropertyType DWord -Value 80 -Force | Out-Null`] }, ['Test after Set is $true']),
    control('Test returns a string', { test: [...GOOD_TEST.slice(0, 1), "'yes'"] }, ['fresh Test is $false', 'Test after Set is $true', 'drift (facts Set changed put back) makes Test $false', 'Test notices at least one changed fact alone']),
    control('Get returns no hashtable', { get: ["'8080'"] }, ['fresh Get returns @{ Result = … }', 'Get returns @{ Result = … }']),
    // A time-stamped file on every run: the second Set changes the state.
    control('Set writes a new file each run', { set: [...WRITE, "New-Item -Path ('C:\\Windows\\xprc-{0:HHmmss}.log' -f (Get-Date)) -ItemType File -Force | Out-Null"] }, ['Set again changes nothing']),
    // Test reads something outside the host (a variable Set leaves behind): drift goes unnoticed.
    control('Test does not read the host', { test: ["(Get-Variable -Name XprcControlDone -Scope Global -ValueOnly -ErrorAction SilentlyContinue) -eq $true"], set: [...WRITE, '$global:XprcControlDone = $true'] }, ['drift (facts Set changed put back) makes Test $false', 'Test notices at least one changed fact alone']),
    // xScript runs blocks under Set-StrictMode -Version Latest: a property of $null is an error.
    control('Get reads a property of $null (strict mode)', { get: [...READ, '@{ Result = [string]$value.Port }'] }, ['fresh Get returns @{ Result = … }']),
    control('Set throws', { set: ["throw 'broken'"] }, ['Set runs without error', 'Test after Set is $true', 'Set again changes nothing', 'Set changed at least one fact', 'Test notices at least one changed fact alone']),
    control('gate that names its step', { set: ["throw 'xprc gate: the control fact is missing. Waiting for the runbook step \"Do the control step\" (RUNBOOK.md): do that step, then apply this configuration again.'"] }, [], {
        gate: { step: 'control-step', title: 'Do the control step' },
        manualStep: { Registry: { 'HKEY_LOCAL_MACHINE\\SOFTWARE\\XprcControl': { Port: { Kind: 'DWord', Data: 8080 } } } },
    }),
    control('gate without the prefix', { set: ["throw 'the control fact is missing; see the runbook'"] }, ["gate Set fails with 'xprc gate: …' naming the step"], {
        gate: { step: 'control-step', title: 'Do the control step' },
        manualStep: { Registry: { 'HKEY_LOCAL_MACHINE\\SOFTWARE\\XprcControl': { Port: { Kind: 'DWord', Data: 8080 } } } },
    }),
    control('gate whose Set changes the host', { set: [...WRITE, "throw 'xprc gate: x. Waiting for the runbook step \"Do the control step\" (RUNBOOK.md).'"] }, ['gate Set changes nothing'], {
        gate: { step: 'control-step', title: 'Do the control step' },
        manualStep: { Registry: { 'HKEY_LOCAL_MACHINE\\SOFTWARE\\XprcControl': { Port: { Kind: 'DWord', Data: 8080 } } } },
    }),
    // A cmdlet the fake host does not shadow would run on the test machine itself.
    control('uses a cmdlet the fake host does not model', { set: [...WRITE, "Set-Acl -Path 'C:\\Windows' -AclObject $null"] }, ['prepare']),
    control('Set asks for a reboot', { set: [...WRITE, '$global:DSCMachineStatus = 1'] }, [], { expectReboot: true }),
    control('$using: resolved from the case', { test: [...READ, '$null -ne $value -and $value.Port -eq $using:Port'] }, [], { using: { Port: 8080 } }),
];
