/**
 * The PowerShell of the one-X Portal Script resources. Every manifest value
 * enters through psString / psArray; the rest is fixed text. Get, Test and
 * Set run in separate runspaces, so each block states what it needs itself.
 * TestScript blocks read the real state and end in exactly one boolean.
 */

import { psArray, psString } from '../../emit/ps/quote.js';
import type { ScriptGate } from '../../ir/types.js';
import { gateSetScriptFor } from '../gate.js';
import {
    CLIENT_PREREQUISITES,
    CLIENT_SETUP,
    MSI_FEATURE_LOCAL,
    MSI_PRODUCT_INSTALLED,
} from './data.js';

export interface ScriptBlocks {
    readonly getScript: readonly string[];
    readonly testScript: readonly string[];
    readonly setScript: readonly string[];
}

// ---------------------------------------------------------------------------
// JVM tuning (§2.10)
// ---------------------------------------------------------------------------

export interface JvmTuning {
    /** HKLM-relative path of the Procrun Java key. */
    readonly keyPath: string;
    readonly serviceName: string;
    readonly jvm: string;
    readonly initialHeapMB: number;
    readonly maximumHeapMB: number;
    readonly options: readonly string[];
    readonly backupFolder: string;
}

/**
 * The name an option is known by, so that `-XX:MaxPermSize=128m` and
 * `-XX:MaxPermSize=256m`, or `-XX:+UseGCOverheadLimit` and
 * `-XX:-UseGCOverheadLimit`, are recognised as one option with two values.
 */
const OPTION_NAME = "$optionName = { param ($Option) ($Option -replace '^-XX:[+-]', '-XX:') -replace '=.*$', '' }";

/** `$current`: the entries of Options now (empty ones dropped). */
function readOptions(t: JvmTuning): string[] {
    return [
        `$java = Get-ItemProperty -LiteralPath ${psString(`HKLM:\\${t.keyPath}`)} -ErrorAction SilentlyContinue`,
        '$current = @($java.Options | Where-Object -FilterScript { $_ })',
    ];
}

/** `$optionsInDesiredState`: every wanted option is there once, with the wanted value. */
function optionsTest(): string[] {
    return [
        '$optionsInDesiredState = $true',
        'foreach ($option in $wanted)',
        '{',
        '    $same = @($current | Where-Object -FilterScript { (& $optionName $_) -ceq (& $optionName $option) })',
        '    if ($same.Count -ne 1 -or $same[0] -cne $option)',
        '    {',
        '        $optionsInDesiredState = $false',
        '    }',
        '}',
    ];
}

/**
 * Runs before the JVM values are written (the Registry resources and the
 * Options merge depend on it), so that the service is stopped first, as
 * §2.10 step 1 says; the Service resource, which depends on all of them,
 * starts it again (§2.10 step 3). In the desired state when the values
 * already hold, or when the service is not running: only a change stops
 * the service, so a converged node is never restarted. Set exports the key
 * into the backup folder first (§2.10 step 2c).
 */
export function jvmServiceStopScript(t: JvmTuning): ScriptBlocks {
    const service = psString(t.serviceName);
    return {
        getScript: [
            `$service = Get-Service -Name ${service} -ErrorAction SilentlyContinue`,
            "@{ Result = if ($null -eq $service) { 'NotInstalled' } else { [string] $service.Status } }",
        ],
        testScript: [
            `$service = Get-Service -Name ${service} -ErrorAction SilentlyContinue`,
            "if ($null -eq $service -or $service.Status -eq 'Stopped')",
            '{',
            '    return $true',
            '}',
            ...readOptions(t),
            `$wanted = ${psArray(t.options)}`,
            OPTION_NAME,
            ...optionsTest(),
            `$jvmInDesiredState = ($null -ne $java) -and ($java.Jvm -eq ${psString(t.jvm)}) -and ($java.JvmMs -eq ${t.initialHeapMB}) -and ($java.JvmMx -eq ${t.maximumHeapMB})`,
            'return ($jvmInDesiredState -and $optionsInDesiredState)',
        ],
        setScript: [
            `$service = Get-Service -Name ${service} -ErrorAction SilentlyContinue`,
            "if ($null -eq $service -or $service.Status -eq 'Stopped')",
            '{',
            '    # Nothing to stop: the last backup already holds the values before the change.',
            '    return',
            '}',
            `$backupFolder = ${psString(t.backupFolder)}`,
            '$null = New-Item -Path $backupFolder -ItemType Directory -Force',
            "$backupFile = Join-Path -Path $backupFolder -ChildPath ('Procrun-Java-{0:yyyyMMdd-HHmmss}.reg' -f (Get-Date))",
            `& reg.exe export ${psString(`HKLM\\${t.keyPath}`)} $backupFile /y | Out-Null`,
            'if ($LASTEXITCODE -ne 0)',
            '{',
            "    throw ('reg.exe export of the JVM parameters failed with exit code {0}; the service was left running.' -f $LASTEXITCODE)",
            '}',
            "Write-Verbose -Message ('JVM parameters backed up to {0}.' -f $backupFile)",
            `Stop-Service -Name ${service} -ErrorAction Stop`,
        ],
    };
}

/**
 * Options is a REG_MULTI_SZ that already holds the installer's entries, and
 * §2.10 step 2g says to add to it: a Registry resource would replace the
 * whole list. This merge keeps every other entry in its place, replaces an
 * entry of the same option that has another value, and appends the missing
 * ones.
 */
export function jvmOptionsScript(t: JvmTuning): ScriptBlocks {
    const prelude = [...readOptions(t), `$wanted = ${psArray(t.options)}`, OPTION_NAME];
    return {
        getScript: [...readOptions(t), "@{ Result = ($current -join ' ') }"],
        testScript: [...prelude, ...optionsTest(), 'return $optionsInDesiredState'],
        setScript: [
            ...prelude,
            "$merged = New-Object -TypeName 'System.Collections.Generic.List[string]'",
            'foreach ($entry in $current)',
            '{',
            '    $replacement = @($wanted | Where-Object -FilterScript { (& $optionName $_) -ceq (& $optionName $entry) })',
            '    if ($replacement.Count -eq 0)',
            '    {',
            '        $merged.Add($entry)',
            '    }',
            '    elseif (-not $merged.Contains($replacement[0]))',
            '    {',
            '        $merged.Add($replacement[0])',
            '    }',
            '}',
            'foreach ($option in $wanted)',
            '{',
            '    if (-not $merged.Contains($option))',
            '    {',
            '        $merged.Add($option)',
            '    }',
            '}',
            `Set-ItemProperty -LiteralPath ${psString(`HKLM:\\${t.keyPath}`)} -Name 'Options' -Value $merged.ToArray() -Type MultiString`,
        ],
    };
}

// ---------------------------------------------------------------------------
// Exchange EWS authentication (§3.1)
// ---------------------------------------------------------------------------

/**
 * Anonymous authentication off and Digest authentication on for EWS. The
 * authentication sections are locked at server level, so they are written
 * as a location of applicationHost.config (-PSPath MACHINE/WEBROOT/APPHOST
 * -Location), which WebAdministrationDsc's WebConfigProperty cannot address.
 */
export function ewsAuthenticationScript(location: string): ScriptBlocks {
    const common = [
        'Import-Module -Name WebAdministration',
        `$location = ${psString(location)}`,
        "$section = 'system.webServer/security/authentication'",
        "$anonymous = (Get-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Location $location -Filter \"$section/anonymousAuthentication\" -Name 'enabled').Value",
        "$digest = (Get-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Location $location -Filter \"$section/digestAuthentication\" -Name 'enabled').Value",
    ];
    return {
        getScript: [...common, "@{ Result = ('Anonymous={0}; Digest={1}' -f $anonymous, $digest) }"],
        testScript: [...common, 'return (($anonymous -eq $false) -and ($digest -eq $true))'],
        setScript: [
            'Import-Module -Name WebAdministration',
            `$location = ${psString(location)}`,
            "$section = 'system.webServer/security/authentication'",
            "Set-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Location $location -Filter \"$section/anonymousAuthentication\" -Name 'enabled' -Value $false",
            "Set-WebConfigurationProperty -PSPath 'MACHINE/WEBROOT/APPHOST' -Location $location -Filter \"$section/digestAuthentication\" -Name 'enabled' -Value $true",
        ],
    };
}

// ---------------------------------------------------------------------------
// Desktop clients (§4, §4.7)
// ---------------------------------------------------------------------------

/** `$missing`: the §4 prerequisites the machine lacks. */
function missingPrerequisites(): string[] {
    const p = CLIENT_PREREQUISITES;
    return [
        "$missing = New-Object -TypeName 'System.Collections.Generic.List[string]'",
        `$dotNet = @(${p.dotNet.keys.map(psString).join(', ')}) |`,
        "    ForEach-Object -Process { Get-ItemProperty -LiteralPath $_ -Name 'Install' -ErrorAction SilentlyContinue } |",
        '    Where-Object -FilterScript { $_.Install -eq 1 }',
        'if (-not $dotNet)',
        '{',
        `    $missing.Add(${psString(p.dotNet.label)})`,
        '}',
        'try',
        '{',
        `    $null = [System.Reflection.Assembly]::Load(${psString(p.officePia.assembly)})`,
        '}',
        'catch',
        '{',
        `    $missing.Add(${psString(p.officePia.label)})`,
        '}',
        `$vsto = @(${p.vsto.keys.map(psString).join(', ')}) |`,
        "    ForEach-Object -Process { Get-ItemProperty -LiteralPath $_ -Name 'Version' -ErrorAction SilentlyContinue } |",
        `    Where-Object -FilterScript { ($_.Version -as [version]) -ge [version] ${psString(p.vsto.minimumVersion)} }`,
        'if (-not $vsto)',
        '{',
        `    $missing.Add(${psString(p.vsto.label)})`,
        '}',
    ];
}

/**
 * A check, not an installation: the guide names the prerequisites but not
 * their installers. A gate: Set fails with the list of what is missing,
 * naming the runbook step, which keeps the client installation (it depends
 * on this) from running without them.
 */
export function clientPrerequisitesScript(gate: ScriptGate): ScriptBlocks {
    return {
        getScript: [...missingPrerequisites(), "@{ Result = if ($missing.Count -eq 0) { 'Present' } else { 'Missing: ' + ($missing -join ', ') } }"],
        testScript: [...missingPrerequisites(), 'return ($missing.Count -eq 0)'],
        setScript: [...missingPrerequisites(), ...gateSetScriptFor(gate, 'the prerequisites of the one-X Portal desktop clients are missing: ', "($missing -join ', ')")],
    };
}

export interface ClientInstall {
    readonly installer: string;
    readonly productCode: string;
    /** MSI feature names that must be installed locally. */
    readonly features: readonly string[];
    /** Everything after the program name, exactly as §4.7 writes it. */
    readonly arguments: string;
}

/**
 * The §4.7 silent installation, idempotent through Windows Installer: the
 * product (by ProductCode) and each selected feature must be installed
 * locally. setup.exe may hand over to msiexec and return before it ends, so
 * Set waits for the product to appear.
 */
export function clientInstallScript(c: ClientInstall): ScriptBlocks {
    const identity = [`$productCode = ${psString(c.productCode)}`, "$installer = New-Object -ComObject 'WindowsInstaller.Installer'"];
    return {
        getScript: [...identity, '@{ Result = [string] $installer.ProductState($productCode) }'],
        testScript: [
            ...identity,
            `if ($installer.ProductState($productCode) -ne ${MSI_PRODUCT_INSTALLED})`,
            '{',
            '    return $false',
            '}',
            `foreach ($feature in ${psArray(c.features)})`,
            '{',
            `    if ($installer.FeatureState($productCode, $feature) -ne ${MSI_FEATURE_LOCAL})`,
            '    {',
            '        return $false',
            '    }',
            '}',
            'return $true',
        ],
        setScript: [
            ...identity,
            `$process = Start-Process -FilePath ${psString(c.installer)} -ArgumentList ${psString(c.arguments)} -Wait -PassThru`,
            'if ($process.ExitCode -eq 3010)',
            '{',
            '    # ERROR_SUCCESS_REBOOT_REQUIRED: the LCM restarts the machine when RebootNodeIfNeeded allows it.',
            '    $global:DSCMachineStatus = 1',
            '}',
            'elseif ($process.ExitCode -ne 0)',
            '{',
            `    throw ('${CLIENT_SETUP} ended with exit code {0}.' -f $process.ExitCode)`,
            '}',
            '$deadline = (Get-Date).AddMinutes(15)',
            `while ($installer.ProductState($productCode) -ne ${MSI_PRODUCT_INSTALLED} -and (Get-Date) -lt $deadline)`,
            '{',
            '    Start-Sleep -Seconds 10',
            '}',
            `if ($installer.ProductState($productCode) -ne ${MSI_PRODUCT_INSTALLED})`,
            '{',
            "    throw ('The desktop clients (product {0}) are not installed 15 minutes after setup started.' -f $productCode)",
            '}',
        ],
    };
}
