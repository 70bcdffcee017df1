/**
 * The PowerShell of the cluster Scripts that change one node: the registry
 * re-homing of the install node (§9.3), the services' dependencies removed
 * on every node (§9.5.3), and the services of the further nodes created
 * with the image paths the first node has (§9.8.2). Manifest values go
 * through psString/psArray.
 */

import { psArray, psString } from '../../emit/ps/quote.js';
import type { ScriptLines } from './scripts.js';

export interface RehomeInput {
    readonly nodeName: string;
    readonly networkName: string;
    /** Trees below HKLM, e.g. `SOFTWARE\Wow6432Node\PP-COM`. */
    readonly trees: readonly string[];
}

/**
 * §9.3 step 2: in the XPR trees (and nowhere else: elsewhere the local name
 * must stay), the node's computer name becomes the network name in key
 * names, value names and string data; from `Monitor Directory` the line
 * with the node name is removed instead, because the virtual server's line
 * is already there. Names match as whole computer names, case-insensitively
 * (XPRN1 does not match inside XPRN10).
 */
export function rehomeScript(input: RehomeInput): ScriptLines {
    const setup = [
        `$pattern = '(?<![A-Za-z0-9-])' + [regex]::Escape(${psString(input.nodeName)}) + '(?![A-Za-z0-9-])'`,
        `$trees = ${psArray(input.trees.map((tree) => `HKLM:\\${tree}`))}`,
    ];
    // Every key of the trees whose name, value names or string data name the node.
    const scan = [
        ...setup,
        '$found = [System.Collections.Generic.List[string]]::new()',
        'foreach ($tree in $trees) {',
        '    if (-not (Test-Path -LiteralPath $tree)) { continue }',
        '    foreach ($key in @(Get-Item -LiteralPath $tree) + @(Get-ChildItem -LiteralPath $tree -Recurse)) {',
        '        if ($key.PSChildName -match $pattern) { $found.Add($key.Name) }',
        '        foreach ($value in $key.GetValueNames()) {',
        '            $data = @($key.GetValue($value, $null, \'DoNotExpandEnvironmentNames\'))',
        '            if ($value -match $pattern -or @($data | Where-Object { $_ -is [string] -and $_ -match $pattern }).Count -gt 0) { $found.Add("$($key.Name)\\$value") }',
        '        }',
        '    }',
        '}',
    ];
    return {
        getScript: [...scan, "@{ Result = $found -join '; ' }"],
        testScript: [...scan, '$found.Count -eq 0'],
        setScript: [
            ...setup,
            `$networkName = ${psString(input.networkName)}`,
            'foreach ($tree in $trees) {',
            '    if (-not (Test-Path -LiteralPath $tree)) { continue }',
            '    # Deepest keys first, so that renaming a key does not move the ones still to do.',
            '    $keys = @(Get-ChildItem -LiteralPath $tree -Recurse | Sort-Object { $_.Name.Length } -Descending) + @(Get-Item -LiteralPath $tree)',
            '    foreach ($key in $keys) {',
            "        $path = 'Registry::' + $key.Name",
            '        foreach ($value in $key.GetValueNames()) {',
            "            $data = $key.GetValue($value, $null, 'DoNotExpandEnvironmentNames')",
            '            if ($value -notmatch $pattern -and @(@($data) | Where-Object { $_ -is [string] -and $_ -match $pattern }).Count -eq 0) { continue }',
            '            $kind = $key.GetValueKind($value)',
            "            if ($value -eq 'Monitor Directory' -and $kind -eq 'MultiString') {",
            '                $data = [string[]]@($data | Where-Object { $_ -notmatch $pattern })',
            "            } elseif ($kind -eq 'MultiString') {",
            '                $data = [string[]]@($data | ForEach-Object { $_ -replace $pattern, $networkName })',
            "            } elseif ($kind -eq 'String' -or $kind -eq 'ExpandString') {",
            '                $data = $data -replace $pattern, $networkName',
            '            }',
            '            $name = $value -replace $pattern, $networkName',
            '            if ($name -ne $value) { Remove-ItemProperty -LiteralPath $path -Name $value }',
            '            New-ItemProperty -LiteralPath $path -Name $name -PropertyType $kind -Value $data -Force | Out-Null',
            '        }',
            '        if ($key.PSChildName -match $pattern) {',
            '            Rename-Item -LiteralPath $path -NewName ($key.PSChildName -replace $pattern, $networkName)',
            '        }',
            '    }',
            '}',
        ],
    };
}

/**
 * §9.5.3: every XPR service without service dependencies, `sc config <svc>
 * depend= /` (a blank after `=`, and `/`: `\` also reports success but the
 * cluster resource then cannot come online). The cluster's resource
 * dependencies give the start order instead. Services not there yet are
 * another resource's business and are skipped.
 */
export function noDependenciesScript(services: readonly string[]): ScriptLines {
    const scan = [
        `$services = ${psArray(services)}`,
        '$withDependencies = @($services | Where-Object { $service = Get-Service -Name $_ -ErrorAction SilentlyContinue; $service -and $service.ServicesDependedOn.Count -gt 0 })',
    ];
    // A missing service is not "without dependencies": the xService resources before this one create them.
    const missing = '$missing = @($services | Where-Object { -not (Get-Service -Name $_ -ErrorAction SilentlyContinue) })';
    return {
        getScript: [...scan, "@{ Result = $withDependencies -join ', ' }"],
        testScript: [...scan, missing, '$missing.Count -eq 0 -and $withDependencies.Count -eq 0'],
        setScript: [
            ...scan,
            'foreach ($name in $withDependencies) {',
            "    $output = & sc.exe config $name depend= /",
            '    if ($LASTEXITCODE -ne 0) { throw "sc.exe config $name depend= / failed: $output" }',
            '}',
        ],
    };
}

export interface ReplicaInput {
    /** The install node, which has the services. */
    readonly sourceNode: string;
    readonly services: readonly string[];
}

/**
 * §9.8.2: on a further node the services do not exist until created; the
 * guide's `sc create` lines give relative or inconsistent binary paths
 * (Table 19), so the Script reads each service's image path and display
 * name on the install node (CIM over WinRM, which DSC needs anyway) and
 * creates the service with them, start mode Manual. A service whose image
 * path differs from the install node's gets the install node's. The account
 * is the xService resource's business.
 */
export function replicaServicesScript(input: ReplicaInput): ScriptLines {
    const scan = [
        `$source = ${psString(input.sourceNode)}`,
        '$differences = [System.Collections.Generic.List[object]]::new()',
        `foreach ($name in ${psArray(input.services)}) {`,
        '    $wanted = Get-CimInstance -ClassName Win32_Service -ComputerName $source -Filter "Name = \'$name\'" -ErrorAction Stop',
        '    if (-not $wanted) { throw "Service $name does not exist on $source; set up the install node first (RUNBOOK.md)." }',
        '    $local = Get-CimInstance -ClassName Win32_Service -Filter "Name = \'$name\'"',
        '    if (-not $local -or $local.PathName -ne $wanted.PathName) {',
        '        $differences.Add([pscustomobject]@{ Name = $name; Path = $wanted.PathName; DisplayName = $wanted.DisplayName; Exists = [bool]$local })',
        '    }',
        '}',
    ];
    return {
        getScript: [...scan, "@{ Result = ($differences | ForEach-Object { $_.Name }) -join ', ' }"],
        testScript: [...scan, '$differences.Count -eq 0'],
        setScript: [
            ...scan,
            'foreach ($service in $differences) {',
            '    if ($service.Exists) {',
            '        $output = & sc.exe config $service.Name binPath= $service.Path',
            '        if ($LASTEXITCODE -ne 0) { throw "sc.exe config $($service.Name) failed: $output" }',
            '    } else {',
            '        New-Service -Name $service.Name -BinaryPathName $service.Path -DisplayName $service.DisplayName -StartupType Manual | Out-Null',
            '    }',
            '}',
        ],
    };
}
