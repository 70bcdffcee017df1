/**
 * The PowerShell of the XPR upgrade's Script resources (upgrade-phases.ts
 * places them). Every manifest value goes through psString/psArray.
 *
 * Resumable by construction: a step's Test reads its completion marker
 * (`HKLM\SOFTWARE\xprc\Upgrade\<step>`, written as the step's last action,
 * outside the XPR keys so cluster checkpoints never replicate it) or a fact
 * it can check (the installed binary's version); its Set starts by returning
 * when that is already true. A finished step therefore does nothing when
 * its configuration is applied again, and an interrupted one (no marker yet)
 * runs again from its start.
 */

import { psArray, psString } from '../../emit/ps/quote.js';
import type { ScriptGate } from '../../ir/types.js';
import { gateSetScript, gateSetScriptFor } from '../gate.js';
import type { ScriptLines } from './scripts.js';

/** Below HKLM: xprc's own key, not XPR's (PP-COM is what cluster checkpoints replicate). */
export const UPGRADE_MARKER_KEY = 'SOFTWARE\\xprc\\Upgrade';

/** The PowerShell path of a step's marker. */
export function markerPath(step: string): string {
    return `HKLM:\\${UPGRADE_MARKER_KEY}\\${step}`;
}

/** The one line the runbook gives the engineer to confirm a manual step (the gate's marker). */
export function confirmCommand(step: string): string {
    return `New-Item -Path ${psString(markerPath(step))} -Force | Out-Null`;
}

const writeMarker = (step: string): string => `$null = New-Item -Path ${psString(markerPath(step))} -Force`;
const markerTest = (step: string): string => `Test-Path -LiteralPath ${psString(markerPath(step))}`;

/**
 * A step that runs once: Get reports `done`/`notDone` (PowerShell
 * expressions), Test is the marker, Set returns when the marker is there,
 * else runs `body` and writes the marker as its last action.
 */
function markedStep(step: string, report: { readonly done: string; readonly notDone: string }, body: readonly string[]): ScriptLines {
    return {
        getScript: [`@{ Result = if (${markerTest(step)}) { ${report.done} } else { ${report.notDone} } }`],
        testScript: [markerTest(step)],
        setScript: [`if (${markerTest(step)}) { return }`, ...body, writeMarker(step)],
    };
}

/** The same three lines of version arithmetic in every block that needs them (blocks share no functions). */
function versionLines(binary: string): string[] {
    return [
        `$binary = ${psString(binary)}`,
        '$installed = $null',
        'if (Test-Path -LiteralPath $binary) {',
        '    $info = (Get-Item -LiteralPath $binary).VersionInfo',
        '    $installed = [version]::new($info.FileMajorPart, $info.FileMinorPart, $info.FileBuildPart, $info.FilePrivatePart)',
        '}',
    ];
}

/**
 * A manual gate: the engineer confirms a runbook step by creating its
 * marker; Set changes nothing and fails naming the step and the command.
 * `alsoDone`: PowerShell lines ending in a [bool] that make the gate pass
 * without the marker (a fact that shows the step, or a later one, is done).
 */
export function confirmationGate(step: string, gate: ScriptGate, fact: string): ScriptLines {
    return {
        getScript: [`@{ Result = if (${markerTest(step)}) { 'confirmed' } else { 'not confirmed' } }`],
        testScript: [markerTest(step)],
        setScript: gateSetScript(gate, `${fact}; once it is, confirm with: ${confirmCommand(step)}`),
    };
}

/** `reg.exe export` of the XPR registry tree (§2.3.2), then the marker. */
export function registryExportScript(input: { readonly step: string; readonly key: string; readonly folder: string }): ScriptLines {
    const file = `${input.folder}\\xpr.reg`;
    return markedStep(input.step, { done: psString(file), notDone: "''" }, [
        `$null = New-Item -Path ${psString(input.folder)} -ItemType Directory -Force`,
        `$output = reg.exe export ${psString(input.key)} ${psString(file)} /y`,
        `if ($LASTEXITCODE -ne 0) { throw (${psString(`xprc: reg.exe export of ${input.key} to ${file} failed: `)} + ($output -join ' ')) }`,
    ]);
}

/**
 * Copies of the installation's folders and files (§2.3.2, §2.3.2.2): each
 * copy replaces the previous one in the backup folder, so an interrupted
 * run starts over cleanly; what the installation does not have is skipped
 * (a Report APL folder exists only where the APL was installed).
 */
export function fileCopyScript(input: { readonly step: string; readonly installPath: string; readonly folder: string; readonly items: readonly string[] }): ScriptLines {
    const root = input.installPath.replace(/\\+$/, '');
    return markedStep(input.step, { done: "'copied'", notDone: "'not copied'" }, [
        `foreach ($item in ${psArray(input.items)}) {`,
        `    $source = ${psString(`${root}\\`)} + $item`,
        `    $target = ${psString(`${input.folder}\\`)} + $item`,
        '    if (-not (Test-Path -LiteralPath $source)) { continue }',
        '    if (Test-Path -LiteralPath $target) { Remove-Item -LiteralPath $target -Recurse -Force }',
        "    $parent = $target.Substring(0, $target.LastIndexOf('\\'))",
        '    $null = New-Item -Path $parent -ItemType Directory -Force',
        '    Copy-Item -LiteralPath $source -Destination $target -Recurse -Force -ErrorAction Stop',
        '}',
    ]);
}

/**
 * `infotool fullexport file=<backup>\fullexport.txt`, run from
 * `<XPR_Install>\SDKTools` (§2.3.2). The guide gives no exit codes: the
 * export file must exist afterwards.
 */
export function infoStorExportScript(input: { readonly step: string; readonly installPath: string; readonly folder: string }): ScriptLines {
    const tools = `${input.installPath.replace(/\\+$/, '')}\\SDKTools`;
    const file = `${input.folder}\\fullexport.txt`;
    return markedStep(input.step, { done: psString(file), notDone: "''" }, [
        `$null = New-Item -Path ${psString(input.folder)} -ItemType Directory -Force`,
        `$process = Start-Process -FilePath ${psString(`${tools}\\infotool.exe`)} -ArgumentList @('fullexport', ${psString(`file=${file}`)}) -WorkingDirectory ${psString(tools)} -Wait -PassThru -NoNewWindow`,
        `if (-not (Test-Path -LiteralPath ${psString(file)})) {`,
        `    throw (${psString(`xprc: infotool fullexport wrote no ${file} (exit code `)} + $process.ExitCode + ')')`,
        '}',
    ]);
}

export interface SilentRepairInput {
    readonly step: string;
    readonly installPath: string;
    /** The key binary whose version shows the upgrade, e.g. `<XPR_Install>\bin\mrs.exe`. */
    readonly binary: string;
    /** Target build (`xpr.build`), e.g. `8.11.0.16072`. */
    readonly build: string;
    /** `--new-hlm:<CLM address>` from V6 R2 (§2.8.2 step 9). */
    readonly newHlm?: string;
}

/**
 * `setup.exe --silent-repair [--new-hlm:<CLM>]` from `<XPR_Install>`
 * (§2.8.2 step 9). The guide documents no exit codes and no log, so the
 * fact is the installed binary's version: at least the target build.
 */
export function silentRepairScript(input: SilentRepairInput): ScriptLines {
    const root = input.installPath.replace(/\\+$/, '');
    const args = ['--silent-repair', ...(input.newHlm === undefined ? [] : [`--new-hlm:${input.newHlm}`])];
    const version = versionLines(input.binary);
    const target = `$target = [version]${psString(input.build)}`;
    return {
        getScript: [...version, '@{ Result = [string]$installed }'],
        testScript: [...version, target, '$null -ne $installed -and $installed -ge $target'],
        setScript: [
            ...version,
            target,
            'if ($null -ne $installed -and $installed -ge $target) { return }',
            `$process = Start-Process -FilePath ${psString(`${root}\\setup.exe`)} -ArgumentList ${psArray(args)} -WorkingDirectory ${psString(root)} -Wait -PassThru`,
            ...version.slice(1),
            'if ($null -eq $installed -or $installed -lt $target) {',
            `    throw (${psString(`xprc: setup.exe ${args.join(' ')} ended (exit code `)} + $process.ExitCode + ${psString(`) but ${input.binary} is not at build ${input.build} yet (version `)} + [string]$installed + '). The guide documents no exit codes: see the runbook step of the silent repair.')`,
            '}',
            writeMarker(input.step),
        ],
    };
}

/**
 * A gate on a fact: the installed binary is at least the target build (an
 * interactive Repair or a fix-release medium ran), or, without a build to
 * compare, the engineer's confirmation marker.
 */
export function repairedGate(input: { readonly step: string; readonly binary: string; readonly build?: string; readonly gate: ScriptGate }): ScriptLines {
    if (input.build === undefined) {
        return confirmationGate(input.step, input.gate, `the repair to the target version is not confirmed yet (${input.binary})`);
    }
    const version = versionLines(input.binary);
    return {
        getScript: [...version, '@{ Result = [string]$installed }'],
        testScript: atBuildLines(input.binary, input.build),
        setScript: [...version, ...gateSetScriptFor(input.gate, `${input.binary} is not at build ${input.build} yet: version `, '[string]$installed')],
    };
}

/**
 * The XPR services are stopped before a repair (§2.8.1 step 3, §2.8.2 step
 * 2), a fact the gate checks; once the repair is done (`done` lines end in
 * a [bool]) the gate holds whatever the services do, so applying the
 * configuration again after the upgrade does nothing.
 */
export function serverStoppedGate(input: { readonly services: readonly string[]; readonly done: readonly string[]; readonly gate: ScriptGate }): ScriptLines {
    const running = `$running = @(Get-Service -Name ${psArray(input.services)} -ErrorAction SilentlyContinue | Where-Object { $_.Status -eq 'Running' } | ForEach-Object { $_.Name })`;
    const done = ['$done = & {', ...input.done.map((line) => `    ${line}`), '}'];
    return {
        getScript: [running, "@{ Result = $running -join ', ' }"],
        testScript: [...done, 'if ($done) { return $true }', running, '$running.Count -eq 0'],
        setScript: [running, ...gateSetScriptFor(input.gate, 'XPR services still run: ', "($running -join ', ')")],
    };
}

/** The lines of a [bool] expression "the binary is at least the build" (for `serverStoppedGate`'s `done`). */
export function atBuildLines(binary: string, build: string): string[] {
    return [...versionLines(binary), `$null -ne $installed -and $installed -ge [version]${psString(build)}`];
}

/** A [bool] expression: the step's marker exists. */
export function markerLines(step: string): string[] {
    return [markerTest(step)];
}

/**
 * The VC runtimes from the medium's Prerequisites folder on a cluster node
 * (§3.2.1 step 15, §3.2.2 step 17): the guide gives no switches and no
 * product codes ("no completion dialog appears"), so each runs once and the
 * marker records that the set ran.
 */
export function runtimesScript(input: { readonly step: string; readonly programs: readonly string[] }): ScriptLines {
    return markedStep(input.step, { done: "'installed'", notDone: "'not installed'" }, [
        `foreach ($program in ${psArray(input.programs)}) {`,
        "    if (-not (Test-Path -LiteralPath $program)) { throw ('xprc: the VC runtime installer ' + $program + ' is missing from the setup medium') }",
        '    $null = Start-Process -FilePath $program -Wait -PassThru',
        '}',
    ]);
}

/**
 * The cluster upgrade starts on the node where XPR was installed first: the one with
 * `HKLM\SOFTWARE\WOW6432Node\Cycos AG\Server Installation` (§3.2.1 step 3, §3.2.2 step 3).
 * A gate on that fact: on any other node Set fails naming the runbook step.
 */
export function installationNodeGate(input: { readonly key: string; readonly gate: ScriptGate }): ScriptLines {
    const test = `Test-Path -LiteralPath ${psString(input.key)}`;
    return {
        getScript: [`@{ Result = if (${test}) { 'installation node' } else { 'not the installation node' } }`],
        testScript: [test],
        setScript: gateSetScript(input.gate, `this node does not hold the XPR installation (${input.key} is missing): the upgrade starts on the node that has it, listed first in xpr.cluster.nodes`),
    };
}
