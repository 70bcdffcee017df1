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
import { INSTALL_MARKER, MIN_DISK_GB, MIN_DISKS, MIN_INSTALL_PARTITION_GB } from './data.js';
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
    /** Working memory the host's components need, in MB, when the manifest does not state the hardware (else a rule checks it). */
    readonly minMemoryMB?: number;
    /** Check for two disks of at least 100 GB, when the manifest does not state the disks. */
    readonly checkDisks?: boolean;
    /** The runbook step that lists these requirements. */
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
        ...(input.minMemoryMB === undefined
            ? []
            : [
                  `if ((Get-CimInstance -ClassName Win32_ComputerSystem).TotalPhysicalMemory -lt ${input.minMemoryMB * 1024 ** 2}) { # ${input.minMemoryMB} MB`,
                  `    $problems.Add(${psString(`less than ${input.minMemoryMB} MB of working memory`)})`,
                  '}',
              ]),
        ...(input.checkDisks !== true
            ? []
            : [
                  `$disks = @(Get-CimInstance -ClassName Win32_DiskDrive | Where-Object { $_.Size -ge ${MIN_DISK_GB * 1024 ** 3} }) # ${MIN_DISK_GB} GB`,
                  `if ($disks.Count -lt ${MIN_DISKS}) {`,
                  `    $problems.Add(${psString(`fewer than ${MIN_DISKS} hard disks of at least ${MIN_DISK_GB} GB`)})`,
                  '}',
              ]),
    ];
    return {
        getScript: [...problems, "@{ Result = $problems -join '; ' }"],
        testScript: [...problems, '$problems.Count -eq 0'],
        setScript: [...problems, ...gateSetScriptFor(input.gate, 'XPR host requirements are not met: ', "($problems -join '; ')")],
    };
}

/** Name of the marker file the medium copy writes last (the file name is xprc's own). */
export const MEDIUM_MARKER = 'xprc-medium-source.txt';

export interface MediumInput {
    readonly source: string;
    readonly stagingPath: string;
}

/**
 * The setup medium, copied once. A marker file in the staging folder records
 * the source the copy came from, written only after the whole copy
 * succeeded; Test reads that one file instead of comparing the medium's
 * thousands of files at every consistency check. A new source in the
 * manifest makes the marker stale, so the medium is copied again.
 *
 * Set starts from an empty staging folder: without a valid marker what is
 * there is an interrupted copy (or another medium), and Copy-Item copies a
 * folder *into* a destination that already exists. The staging folder is
 * the configuration's own (xpr.media.stagingPath), so nothing else lives there.
 */
export function mediumCopyScript(input: MediumInput): ScriptLines {
    const staging = input.stagingPath.replace(/\\+$/, '');
    const marker = `${staging}\\${MEDIUM_MARKER}`;
    const parent = staging.includes('\\') ? staging.slice(0, staging.lastIndexOf('\\')) : staging;
    const read = [`$marker = ${psString(marker)}`, '$copied = if (Test-Path -LiteralPath $marker) { Get-Content -LiteralPath $marker -TotalCount 1 }'];
    return {
        getScript: [...read, '@{ Result = [string]$copied }'],
        testScript: [...read, `$copied -eq ${psString(input.source)}`],
        setScript: [
            `if (Test-Path -LiteralPath ${psString(staging)}) {`,
            `    Remove-Item -LiteralPath ${psString(staging)} -Recurse -Force`,
            '}',
            `$null = New-Item -Path ${psString(/^[A-Za-z]:$/.test(parent) ? `${parent}\\` : parent)} -ItemType Directory -Force`,
            // -LiteralPath: brackets in a share name are not wildcards.
            `Copy-Item -LiteralPath ${psString(input.source)} -Destination ${psString(staging)} -Recurse -Force -ErrorAction Stop`,
            `Set-Content -LiteralPath ${psString(marker)} -Value ${psString(input.source)} -Encoding ASCII`,
        ],
    };
}

/**
 * "Stop and deactivate the service License Logging" (§3.1.3) where Windows
 * has it: a Script, because xService fails on a service that does not exist
 * (it would need a Path to create it), and the service is gone from later
 * Windows versions.
 */
export function licenseLoggingScript(service: string): ScriptLines {
    const get = `$service = Get-CimInstance -ClassName Win32_Service -Filter ${psString(`Name = '${service}'`)}`;
    return {
        getScript: [get, "@{ Result = if ($service) { '{0}, {1}' -f $service.StartMode, $service.State } else { 'not installed' } }"],
        testScript: [get, "-not $service -or ($service.StartMode -eq 'Disabled' -and $service.State -eq 'Stopped')"],
        setScript: [`Stop-Service -Name ${psString(service)} -Force`, `Set-Service -Name ${psString(service)} -StartupType Disabled`],
    };
}

export interface InstalledInput {
    readonly role: HostRole;
    readonly installPath: string;
    /** `V7 R1`, for the message. */
    readonly versionLabel: string;
    /** Medium build (HiSPA.txt), e.g. `8.11.0.16072`; the installed binary must be at least this version. */
    readonly build?: string;
    /** The runbook step after which setup has run. */
    readonly gate: ScriptGate;
}

/**
 * The installation gate: XPR setup has no unattended form, so the
 * configuration cannot install XPR; it checks that setup ran (the host's
 * key service exists and its binary is at least the medium's build) and
 * otherwise fails naming the runbook's setup step. Everything that needs XPR
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
