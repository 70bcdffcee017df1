/**
 * The PowerShell of the cluster Script resources: what no DSC module can do
 * (no module creates cluster roles, generic resources, dependencies,
 * checkpoints or restart policies). Each Get/Test/Set is its own script
 * block in the MOF, so what two of them need is written out in each. Every
 * manifest value goes through psString/psArray. Windows PowerShell 5.1 and
 * the FailoverClusters module of Windows Server 2012 R2 or later; Part 1
 * (2008 R2) has the same cmdlets.
 */

import { psArray, psString } from '../../emit/ps/quote.js';
import type { ScriptGate } from '../../ir/types.js';
import { gateSetScript } from '../gate.js';
import type { ScriptLines } from './scripts.js';

/** A resource's policies (§6.1.9, §9.7.2 steps 14–18): restart on this node, fail over only for kernel resources, one monitor. */
export interface Policy {
    readonly restartAction: number;
    readonly restartPeriodMs: number;
    readonly restartThreshold: number;
    readonly retryPeriodOnFailureMs?: number;
}

/** `$resource.RestartAction -eq 2 -and …` for a policy. */
function policyTest(policy: Policy): string {
    const checks = [
        `$resource.RestartAction -eq ${policy.restartAction}`,
        `$resource.RestartPeriod -eq ${policy.restartPeriodMs}`,
        `$resource.RestartThreshold -eq ${policy.restartThreshold}`,
        ...(policy.retryPeriodOnFailureMs === undefined ? [] : [`$resource.RetryPeriodOnFailure -eq ${policy.retryPeriodOnFailureMs}`]),
        '-not $resource.SeparateMonitor',
    ];
    return checks.join(' -and ');
}

function policySet(policy: Policy, variable = '$resource'): string[] {
    return [
        `${variable}.RestartAction = ${policy.restartAction}`,
        `${variable}.RestartPeriod = ${policy.restartPeriodMs}`,
        `${variable}.RestartThreshold = ${policy.restartThreshold}`,
        ...(policy.retryPeriodOnFailureMs === undefined ? [] : [`${variable}.RetryPeriodOnFailure = ${policy.retryPeriodOnFailureMs}`]),
        `${variable}.SeparateMonitor = $false`,
    ];
}

const getResource = (name: string): string[] => [
    `$resource = Get-ClusterResource -Name ${psString(name)} -ErrorAction SilentlyContinue`,
    "$result = ''",
    'if ($resource) { $result = \'{0} in {1}, {2}\' -f $resource.ResourceType.Name, $resource.OwnerGroup.Name, $resource.State }',
    '@{ Result = $result }',
];

// ---------------------------------------------------------------------------
// Role, client access point, disk
// ---------------------------------------------------------------------------

export interface RoleInput {
    readonly role: string;
    readonly priority: number;
    readonly failoverThreshold: number;
    readonly failoverPeriodHours: number;
}

/** The empty role with its priority and failover settings (§7.2, §9.7.5). */
export function roleScript(input: RoleInput): ScriptLines {
    const find = `$group = Get-ClusterGroup -Name ${psString(input.role)} -ErrorAction SilentlyContinue`;
    return {
        getScript: [find, "$result = ''", "if ($group) { $result = 'priority {0}, {1} failure(s) in {2} h' -f $group.Priority, $group.FailoverThreshold, $group.FailoverPeriod }", '@{ Result = $result }'],
        testScript: [
            find,
            'if (-not $group) { return $false }',
            `$group.Priority -eq ${input.priority} -and $group.FailoverThreshold -eq ${input.failoverThreshold} -and $group.FailoverPeriod -eq ${input.failoverPeriodHours}`,
        ],
        setScript: [
            find,
            `if (-not $group) { $group = Add-ClusterGroup -Name ${psString(input.role)} }`,
            `$group.Priority = ${input.priority}`,
            `$group.FailoverThreshold = ${input.failoverThreshold}`,
            `$group.FailoverPeriod = ${input.failoverPeriodHours}`,
        ],
    };
}

export interface AccessPointInput {
    readonly role: string;
    readonly ipResource: string;
    readonly address: string;
    readonly subnetMask: string;
    readonly network?: string;
    readonly networkName: string;
    readonly policy: Policy;
}

/**
 * The client access point (§7.3.1): an IP Address resource with a static
 * address and a Network Name resource that depends on it, both kernel
 * resources (§6.1.9).
 */
export function accessPointScript(input: AccessPointInput): ScriptLines {
    const ip = psString(input.ipResource);
    const name = psString(input.networkName);
    const ipParameters = [
        `Address = ${psString(input.address)}`,
        `SubnetMask = ${psString(input.subnetMask)}`,
        'EnableDhcp = 0',
        ...(input.network === undefined ? [] : [`Network = ${psString(input.network)}`]),
    ];
    const read = [
        `$ip = Get-ClusterResource -Name ${ip} -ErrorAction SilentlyContinue`,
        `$name = Get-ClusterResource -Name ${name} -ErrorAction SilentlyContinue`,
    ];
    return {
        getScript: [...read, "$result = ''", "if ($ip) { $result = ($ip | Get-ClusterParameter -Name Address).Value }", "if ($name) { $result += ' ' + ($name | Get-ClusterParameter -Name DnsName).Value }", '@{ Result = $result }'],
        testScript: [
            ...read,
            `if (-not $ip -or -not $name -or $ip.OwnerGroup.Name -ne ${psString(input.role)} -or $name.OwnerGroup.Name -ne ${psString(input.role)}) { return $false }`,
            `if (($ip | Get-ClusterParameter -Name Address).Value -ne ${psString(input.address)} -or ($ip | Get-ClusterParameter -Name SubnetMask).Value -ne ${psString(input.subnetMask)}) { return $false }`,
            ...(input.network === undefined ? [] : [`if (($ip | Get-ClusterParameter -Name Network).Value -ne ${psString(input.network)}) { return $false }`]),
            `if (($name | Get-ClusterParameter -Name Name).Value -ne ${name} -or ($name | Get-ClusterParameter -Name DnsName).Value -ne ${name}) { return $false }`,
            `if (-not (Get-ClusterResourceDependency -Resource ${name}).DependencyExpression.Contains(${psString(`[${input.ipResource}]`)})) { return $false }`,
            'foreach ($resource in @($ip, $name)) {',
            `    if (-not (${policyTest(input.policy)})) { return $false }`,
            '}',
            '$true',
        ],
        setScript: [
            ...read,
            `if (-not $ip) { $ip = Add-ClusterResource -Name ${ip} -ResourceType 'IP Address' -Group ${psString(input.role)} }`,
            `$ip | Set-ClusterParameter -Multiple @{ ${ipParameters.join('; ')} }`,
            `if (-not $name) { $name = Add-ClusterResource -Name ${name} -ResourceType 'Network Name' -Group ${psString(input.role)} }`,
            `$name | Set-ClusterParameter -Multiple @{ Name = ${name}; DnsName = ${name} }`,
            `Set-ClusterResourceDependency -Resource ${name} -Dependency ${psString(`[${input.ipResource}]`)}`,
            'foreach ($resource in @($ip, $name)) {',
            ...policySet(input.policy).map((line) => `    ${line}`),
            '}',
        ],
    };
}

/** The cluster disk moved from Available Storage into the role ("Add Storage", §7.3.3 step 6). */
export function diskInRoleScript(disk: string, role: string): ScriptLines {
    const read = `$resource = Get-ClusterResource -Name ${psString(disk)} -ErrorAction SilentlyContinue`;
    return {
        getScript: getResource(disk),
        testScript: [read, `[bool]$resource -and $resource.OwnerGroup.Name -eq ${psString(role)}`],
        setScript: [`Move-ClusterResource -Name ${psString(disk)} -Group ${psString(role)}`],
    };
}

/** NTFS and at least 10 GB (§7.1.3); a check only the owning node can make, and nothing a script should change. */
export function diskRequirementsScript(driveLetter: string, minGb: number, gate: ScriptGate): ScriptLines {
    const letter = driveLetter.replace(/:$/, '');
    const read = `$volume = Get-Volume -DriveLetter ${psString(letter)} -ErrorAction SilentlyContinue`;
    const ok = `[bool]$volume -and $volume.FileSystem -eq 'NTFS' -and $volume.Size -ge ${minGb * 1024 ** 3}`;
    return {
        getScript: [read, "$result = ''", "if ($volume) { $result = '{0}, {1} bytes' -f $volume.FileSystem, $volume.Size }", '@{ Result = $result }'],
        testScript: [read, `${ok} # ${minGb} GB`],
        setScript: gateSetScript(gate, `The cluster disk ${letter}: is not an NTFS volume of at least ${minGb} GB owned by this node (Cluster Installation guide 7.1.3); xprc does not format disks`),
    };
}

/** The custom resource type of the Information Store, registered once for the cluster (§9.2). */
export function resourceTypeScript(name: string, dll: string): ScriptLines {
    const read = `$type = Get-ClusterResourceType -Name ${psString(name)} -ErrorAction SilentlyContinue`;
    return {
        getScript: [read, "$result = ''", 'if ($type) { $result = $type.DllName }', '@{ Result = $result }'],
        testScript: [read, '[bool]$type'],
        setScript: [`Add-ClusterResourceType -Name ${psString(name)} -Dll ${psString(dll)}`],
    };
}

/** The File Server resource XPR setup made: it depends on the network name and the disk and is a kernel resource (§9.6.2). */
export function fileServerScript(role: string, providers: readonly string[], policy: Policy): ScriptLines {
    const find = `$resource = Get-ClusterResource | Where-Object { $_.OwnerGroup.Name -eq ${psString(role)} -and $_.ResourceType.Name -eq 'File Server' } | Select-Object -First 1`;
    return {
        getScript: [find, "$result = ''", 'if ($resource) { $result = $resource.Name }', '@{ Result = $result }'],
        testScript: [
            find,
            'if (-not $resource) { return $false }',
            '$expression = (Get-ClusterResourceDependency -Resource $resource.Name).DependencyExpression',
            `foreach ($provider in ${psArray(providers)}) {`,
            '    if (-not $expression.Contains("[$provider]")) { return $false }',
            '}',
            policyTest(policy),
        ],
        setScript: [
            find,
            `if (-not $resource) { throw ${psString(`The role ${role} has no File Server resource: XPR setup creates it with the XPR shares (Cluster Installation guide §9.6). Run the setup as RUNBOOK.md describes.`)} }`,
            `Set-ClusterResourceDependency -Resource $resource.Name -Dependency ((${psArray(providers)} | ForEach-Object { "[$_]" }) -join ' and ')`,
            ...policySet(policy),
        ],
    };
}

// ---------------------------------------------------------------------------
// XPR resources
// ---------------------------------------------------------------------------

/** A dependency of an XPR resource: a resource name, or the role's File Server resource found by type. */
export type Provider = { readonly name: string } | { readonly fileServerOf: string };

/** Lines that set `$providers` to the names of the providers (the File Server found by type; none yet = $null entry). */
function providerLines(providers: readonly Provider[]): string[] {
    const named = providers.filter((p): p is { name: string } => 'name' in p).map((p) => p.name);
    const fileServer = providers.find((p): p is { fileServerOf: string } => 'fileServerOf' in p);
    return [
        `$providers = @(${named.length === 0 ? '' : psArray(named)})`,
        ...(fileServer
            ? [
                  `$fileServer = Get-ClusterResource | Where-Object { $_.OwnerGroup.Name -eq ${psString(fileServer.fileServerOf)} -and $_.ResourceType.Name -eq 'File Server' } | Select-Object -First 1`,
                  "if ($fileServer) { $providers += $fileServer.Name } else { $providers += '' }",
              ]
            : []),
    ];
}

export interface ServiceResourceInput {
    readonly role: string;
    readonly resourceName: string;
    /** 'Generic Service', or the Information Store's 'mrsclusres'. */
    readonly resourceType: string;
    readonly serviceName?: string;
    readonly providers: readonly Provider[];
    readonly checkpoints: readonly string[];
    readonly policy: Policy;
}

/**
 * A Generic Service resource of an XPR service (§9.7.2) or the Information
 * Store's mrsClusRes resource (§9.7.3): in the role, its dependencies set
 * before UseNetworkName (§9.7.2 NOTE: bringing it online fails otherwise),
 * its policies, and its registry checkpoints (Table 17). The Information
 * Store is taken offline before its dependencies change, and a second
 * mrsClusRes resource is refused: one per cluster, or Failover Cluster
 * Manager becomes unusable (§9.7.3).
 */
export function clusterServiceScript(input: ServiceResourceInput): ScriptLines {
    const name = psString(input.resourceName);
    const generic = input.resourceType === 'Generic Service';
    const read = `$resource = Get-ClusterResource -Name ${name} -ErrorAction SilentlyContinue`;
    const others = `$others = @(Get-ClusterResource | Where-Object { $_.ResourceType.Name -eq 'mrsclusres' -and $_.Name -ne ${name} })`;
    const test = [
        read,
        `if (-not $resource -or $resource.ResourceType.Name -ne ${psString(input.resourceType)} -or $resource.OwnerGroup.Name -ne ${psString(input.role)}) { return $false }`,
        ...(generic
            ? [
                  `if (($resource | Get-ClusterParameter -Name ServiceName).Value -ne ${psString(input.serviceName ?? '')}) { return $false }`,
                  'if (($resource | Get-ClusterParameter -Name UseNetworkName).Value -ne 1) { return $false }',
              ]
            : [others, 'if ($others.Count -gt 0) { return $false }']),
        ...providerLines(input.providers),
        `$expression = [string](Get-ClusterResourceDependency -Resource ${name}).DependencyExpression`,
        'foreach ($provider in $providers) {',
        '    if (-not $provider -or -not $expression.Contains("[$provider]")) { return $false }',
        '}',
        ...(input.checkpoints.length === 0
            ? []
            : [
                  `$checkpoints = @(Get-ClusterCheckpoint -ResourceName ${name} -RegistryCheckpoint | ForEach-Object { $_.Name })`,
                  `foreach ($key in ${psArray(input.checkpoints)}) {`,
                  '    if ($checkpoints -notcontains $key) { return $false }',
                  '}',
              ]),
        policyTest(input.policy),
    ];
    const set = [
        read,
        ...(generic
            ? []
            : [others, `if ($others.Count -gt 0) { throw ('A cluster has one resource of type mrsclusres (Cluster Installation guide §9.7.3); found ' + ($others.Name -join ', ') + '. Remove it first.') }`]),
        `if (-not $resource) { $resource = Add-ClusterResource -Name ${name} -ResourceType ${psString(input.resourceType)} -Group ${psString(input.role)} }`,
        ...providerLines(input.providers),
        `if (@($providers | Where-Object { -not $_ }).Count -gt 0) { throw ${psString(`A resource ${input.resourceName} depends on does not exist yet (Cluster Installation guide §9.6.2, §9.7).`)} }`,
        ...(generic ? [] : ["if ($resource.State -eq 'Online') { Stop-ClusterResource -Name $resource.Name | Out-Null }"]),
        ...(input.providers.length === 0 ? [] : [`Set-ClusterResourceDependency -Resource ${name} -Dependency (($providers | ForEach-Object { "[$_]" }) -join ' and ')`]),
        ...(generic
            ? [
                  `$resource | Set-ClusterParameter -Name ServiceName -Value ${psString(input.serviceName ?? '')}`,
                  '# Only now: UseNetworkName set before the dependencies keeps the resource from coming online (§9.7.2 NOTE).',
                  '$resource | Set-ClusterParameter -Name UseNetworkName -Value 1',
              ]
            : []),
        ...policySet(input.policy),
        ...(input.checkpoints.length === 0
            ? []
            : [
                  `$checkpoints = @(Get-ClusterCheckpoint -ResourceName ${name} -RegistryCheckpoint | ForEach-Object { $_.Name })`,
                  `foreach ($key in ${psArray(input.checkpoints)}) {`,
                  `    if ($checkpoints -notcontains $key) { Add-ClusterCheckpoint -ResourceName ${name} -RegistryCheckpoint $key | Out-Null }`,
                  '}',
              ]),
    ];
    return { getScript: getResource(input.resourceName), testScript: test, setScript: set };
}
