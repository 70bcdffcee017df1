/**
 * The PowerShell of the XPR Script resources. Every value that comes from
 * the manifest goes through psString/psArray; the rest is fixed text.
 *
 * Each Get/Test/Set is its own script block in the MOF (they cannot share a
 * function), so a check needed by two of them is written out in each.
 */

import { psArray, psString } from '../../emit/ps/quote.js';
import type { ScriptGate } from '../../ir/types.js';
import { gateSetScript, gateSetScriptFor } from '../gate.js';
import { INSTALL_MARKER, MIN_INSTALL_PARTITION_GB } from './data.js';
import type { HostRole } from './model.js';

export interface ScriptLines {
    readonly getScript: readonly string[];
    readonly testScript: readonly string[];
    readonly setScript: readonly string[];
}

export interface RequirementsInput {
    /** Drive of the XPR installation folder, e.g. `D:`; must hold at least 10 GB. */
    readonly installDrive: string;
    /** Every drive an XPR folder is on (installation, database, documents, license service), e.g. `['D:', 'E:']`. */
    readonly drives: readonly string[];
    /** `Setup.exe` of the staged medium, when the configuration stages one. */
    readonly setupExe?: string;
    /** The runbook step that makes the missing facts true (the Loopback Adapter is the one a person installs). */
    readonly gate: ScriptGate;
}

/**
 * What the guides require of the XPR computer that only the computer can
 * tell (Upgrade guide §2.3.1.1): XPR folders on real local volumes (a
 * substituted drive is not one), an installation partition of at least
 * 10 GB, not a domain controller, a Microsoft Loopback Adapter installed;
 * and the setup medium where the runbook runs it from. A gate: Set cannot
 * change any of it, so it fails naming the runbook step.
 */
export function hostRequirementsScript(input: RequirementsInput): ScriptLines {
    const problems = [
        '$problems = [System.Collections.Generic.List[string]]::new()',
        `foreach ($drive in ${psArray(input.drives)}) {`,
        '    # Substituted drives are not volumes; setup cannot create its shares on them.',
        '    if (-not (Get-CimInstance -ClassName Win32_Volume -Filter "DriveLetter = \'$drive\'")) {',
        '        $problems.Add("$drive is not a local volume")',
        '    }',
        '}',
        `$volume = Get-CimInstance -ClassName Win32_Volume -Filter ${psString(`DriveLetter = '${input.installDrive}'`)}`,
        // Bytes, not the 10GB literal suffix: some PowerShell tooling (tree-sitter's grammar among them) does not read it.
        `if ($volume -and $volume.Capacity -lt ${MIN_INSTALL_PARTITION_GB * 1024 ** 3}) { # ${MIN_INSTALL_PARTITION_GB} GB`,
        `    $problems.Add(${psString(`the XPR partition ${input.installDrive} is smaller than ${MIN_INSTALL_PARTITION_GB} GB`)})`,
        '}',
        '# DomainRole 4 and 5: backup and primary domain controller.',
        'if ((Get-CimInstance -ClassName Win32_ComputerSystem).DomainRole -ge 4) {',
        "    $problems.Add('this computer is a domain controller')",
        '}',
        'if (-not (Get-CimInstance -ClassName Win32_NetworkAdapter -Filter "Name LIKE \'%Loopback Adapter%\'")) {',
        "    $problems.Add('no Microsoft Loopback Adapter is installed')",
        '}',
        ...(input.setupExe === undefined
            ? []
            : [`if (-not (Test-Path -LiteralPath ${psString(input.setupExe)})) {`, `    $problems.Add(${psString(`the setup medium is missing (${input.setupExe})`)})`, '}']),
    ];
    return {
        getScript: [...problems, "@{ Result = $problems -join '; ' }"],
        testScript: [...problems, '$problems.Count -eq 0'],
        setScript: [...problems, ...gateSetScriptFor(input.gate, 'XPR host requirements are not met: ', "($problems -join '; ')")],
    };
}

export interface InstalledInput {
    readonly role: HostRole;
    readonly installPath: string;
    /** `V7 R1`, for the message. */
    readonly versionLabel: string;
    /** Medium build (HiSPA.txt), e.g. `8.11.0.16072`; the installed binary must be at least this version. */
    readonly build?: string;
    /** The runbook step that runs the XPR setup. */
    readonly gate: ScriptGate;
}

/**
 * The installation check: XPR setup has no unattended form, so the
 * configuration cannot install XPR; it checks that setup ran (the host's
 * key service exists and its binary is at least the medium's build) and
 * otherwise fails (a gate) naming the runbook step. Everything that needs XPR
 * (services, XPR registry values, shares) depends on it and is skipped
 * until then.
 */
export function installedScript(input: InstalledInput): ScriptLines {
    const marker = INSTALL_MARKER[input.role];
    const binary = `${input.installPath.replace(/\\+$/, '')}\\${marker.binary}`;
    const locate = `$binary = ${psString(binary)}`;
    const older = input.build === undefined ? '' : ` (or an older build than ${input.build})`;
    return {
        getScript: [
            locate,
            '$version = if (Test-Path -LiteralPath $binary) { (Get-Item -LiteralPath $binary).VersionInfo.FileVersion }',
            '@{ Result = [string]$version }',
        ],
        testScript: [
            locate,
            `if (-not (Test-Path -LiteralPath $binary) -or -not (Get-Service -Name ${psString(marker.service)} -ErrorAction SilentlyContinue)) {`,
            '    return $false',
            '}',
            ...(input.build === undefined
                ? ['$true']
                : [
                      '$info = (Get-Item -LiteralPath $binary).VersionInfo',
                      '# Hotfixes may raise the version; an older build means setup ran from another medium.',
                      '$installed = [version]::new($info.FileMajorPart, $info.FileMinorPart, $info.FileBuildPart, $info.FilePrivatePart)',
                      `$installed -ge [version]${psString(input.build)}`,
                  ]),
        ],
        setScript: gateSetScript(input.gate, `OpenScape Xpressions ${input.versionLabel} is not installed in ${input.installPath}${older}`),
    };
}
