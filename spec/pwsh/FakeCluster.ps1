# Failover cluster objects of the fake host (STATE.md "Cluster"): groups, resources with
# their types, dependencies, private properties (parameters), registry checkpoints and
# owners, as the FailoverClusters cmdlets of Windows Server 2012 R2 and later show them.
# Common properties (RestartAction, Priority, …) are set on the returned objects, as on a
# real cluster: the objects' properties read and write the state entry. Also Get-Volume and
# New-Service, which the cluster scripts use. Dot-sourced by FakeWindows.psm1.

function Get-FakeCluster
{
    $cluster = Get-FakeSection 'Cluster'
    foreach ($part in 'Groups', 'Resources', 'ResourceTypes')
    {
        if (-not $cluster.ContainsKey($part)) { $cluster[$part] = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase) }
    }
    return $cluster
}

# A property of the object that reads and writes the entry's key (a common property).
function Add-FakeEntryProperty
{
    param ($Object, [string] $Name)
    $Object | Add-Member -MemberType ScriptProperty -Name $Name -Value ([scriptblock]::Create("`$this._Entry['$Name']")) -SecondValue ([scriptblock]::Create("param (`$value) `$this._Entry['$Name'] = `$value"))
}

function New-FakeClusterGroupObject
{
    param ([string] $Name, $Entry)
    $object = [pscustomobject]@{ PSTypeName = 'FakeWindows.ClusterGroup'; Name = $Name; OwnerNode = [pscustomobject]@{ Name = [string]$Entry.OwnerNode }; State = [string]$Entry.State; _Entry = $Entry }
    foreach ($p in 'Priority', 'FailoverThreshold', 'FailoverPeriod') { Add-FakeEntryProperty $object $p }
    return $object
}

function New-FakeClusterResourceObject
{
    param ([string] $Name, $Entry)
    $object = [pscustomobject]@{
        PSTypeName   = 'FakeWindows.ClusterResource'
        Name         = $Name
        ResourceType = [pscustomobject]@{ Name = [string]$Entry.Type }
        OwnerGroup   = [pscustomobject]@{ Name = [string]$Entry.Group }
        State        = [string]$Entry.State
        _Entry       = $Entry
    }
    foreach ($p in 'RestartAction', 'RestartPeriod', 'RestartThreshold', 'RetryPeriodOnFailure', 'SeparateMonitor') { Add-FakeEntryProperty $object $p }
    return $object
}

function Get-FakeClusterResource
{
    param ($Cmdlet, [string] $Name)
    $resources = (Get-FakeCluster).Resources
    if ($resources.ContainsKey($Name)) { return $resources[$Name] }
    Write-FakeError $Cmdlet "The resource '$Name' could not be found." -Id 'ClusterObjectNotFound' -Target $Name
    return $null
}

# The resource named by -Name/-Resource/-ResourceName or piped in.
function Resolve-FakeResourceName
{
    param ($InputObject, [string] $Name)
    if ($Name) { return $Name }
    if ($null -ne $InputObject) { return [string]$InputObject.Name }
    throw 'FakeWindows: no cluster resource given'
}

function Get-ClusterGroup
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Name)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $groups = (Get-FakeCluster).Groups
    foreach ($n in $(if ($Name) { $Name } else { @($groups.Keys | Sort-Object) }))
    {
        if ($groups.ContainsKey($n)) { New-FakeClusterGroupObject $n $groups[$n] }
        else { Write-FakeError $PSCmdlet "The cluster group '$n' could not be found." -Id 'ClusterObjectNotFound' -Target $n }
    }
}

# The preferred owners of a group, as FailoverClusters' Get-ClusterOwnerNode -Group shows them
# (one object whose OwnerNodes are the nodes, in order).
function Get-ClusterOwnerNode
{
    [CmdletBinding()]
    param ([Parameter(Mandatory)] [string] $Group)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $groups = (Get-FakeCluster).Groups
    if (-not $groups.ContainsKey($Group)) { Write-FakeError $PSCmdlet "The cluster group '$Group' could not be found." -Id 'ClusterObjectNotFound' -Target $Group; return }
    $owners = @($groups[$Group]['PreferredOwners'] | Where-Object -FilterScript { $null -ne $_ } | ForEach-Object -Process { [PSCustomObject] @{ Name = [string] $_ } })
    [PSCustomObject] @{ ClusterObject = $Group; OwnerNodes = $owners }
}

function Add-ClusterGroup
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string] $Name, [string] $GroupType)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $groups = (Get-FakeCluster).Groups
    if ($groups.ContainsKey($Name)) { Write-FakeError $PSCmdlet "The cluster group '$Name' already exists." -Id 'ClusterObjectExists' -Category 'ResourceExists'; return }
    # A new empty role: the cluster's defaults (priority Medium, unlimited failures in 6 hours).
    $groups[$Name] = ConvertTo-FakeTree @{ Priority = 2000; FailoverThreshold = 4294967295; FailoverPeriod = 6; OwnerNode = [string]@((Get-FakeCluster).Nodes)[0]; State = 'Offline'; PreferredOwners = @() }
    New-FakeClusterGroupObject $Name $groups[$Name]
}

function Get-ClusterResource
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Name)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $resources = (Get-FakeCluster).Resources
    foreach ($n in $(if ($Name) { $Name } else { @($resources.Keys | Sort-Object) }))
    {
        $entry = Get-FakeClusterResource $PSCmdlet $n
        if ($null -ne $entry) { New-FakeClusterResourceObject $n $entry }
    }
}

function Add-ClusterResource
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $ResourceType, [string] $Group)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $cluster = Get-FakeCluster
    if (-not $cluster.ResourceTypes.ContainsKey($ResourceType)) { Write-FakeError $PSCmdlet "The resource type '$ResourceType' is not registered." -Id 'ClusterObjectNotFound'; return }
    if ($Group -and -not $cluster.Groups.ContainsKey($Group)) { Write-FakeError $PSCmdlet "The cluster group '$Group' could not be found." -Id 'ClusterObjectNotFound'; return }
    if ($cluster.Resources.ContainsKey($Name)) { Write-FakeError $PSCmdlet "The resource '$Name' already exists." -Id 'ClusterObjectExists' -Category 'ResourceExists'; return }
    # A new resource's defaults: restart, then fail over the group; 1 restart in 15 minutes.
    $cluster.Resources[$Name] = ConvertTo-FakeTree @{
        Type = $ResourceType; Group = $(if ($Group) { $Group } else { 'Available Storage' }); State = 'Offline'; DependsOn = @(); Parameters = @{}; Checkpoints = @()
        RestartAction = 2; RestartPeriod = 900000; RestartThreshold = 1; RetryPeriodOnFailure = 3600000; SeparateMonitor = $false
    }
    New-FakeClusterResourceObject $Name $cluster.Resources[$Name]
}

function Move-ClusterResource
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string] $Name, [Parameter(Mandatory)] [string] $Group, [Parameter(ValueFromPipeline)] $InputObject)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $entry = Get-FakeClusterResource $PSCmdlet (Resolve-FakeResourceName $InputObject $Name)
    if ($null -eq $entry) { return }
    if (-not (Get-FakeCluster).Groups.ContainsKey($Group)) { Write-FakeError $PSCmdlet "The cluster group '$Group' could not be found." -Id 'ClusterObjectNotFound'; return }
    $entry.Group = $Group
}

function Stop-ClusterResource
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string] $Name, [Parameter(ValueFromPipeline)] $InputObject)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $entry = Get-FakeClusterResource $PSCmdlet (Resolve-FakeResourceName $InputObject $Name)
    if ($null -ne $entry) { $entry.State = 'Offline' }
}

function Get-ClusterParameter
{
    [CmdletBinding()]
    param ([Parameter(ValueFromPipeline)] $InputObject, [Parameter(Position = 0)] [string[]] $Name)
    process
    {
        $entry = Get-FakeClusterResource $PSCmdlet ([string]$InputObject.Name)
        if ($null -eq $entry) { return }
        foreach ($n in $(if ($Name) { $Name } else { @($entry.Parameters.Keys | Sort-Object) }))
        {
            # A private property that was never set reads as its type's default, as on a real resource.
            $value = if ($entry.Parameters.ContainsKey($n)) { $entry.Parameters[$n] } else { $null }
            [pscustomobject]@{ ClusterObject = [string]$InputObject.Name; Name = $n; Value = $value }
        }
    }
}

function Set-ClusterParameter
{
    [CmdletBinding()]
    param ([Parameter(ValueFromPipeline)] $InputObject, [Parameter(Position = 0)] [string] $Name, [Parameter(Position = 1)] $Value, [hashtable] $Multiple)
    process
    {
        $entry = Get-FakeClusterResource $PSCmdlet ([string]$InputObject.Name)
        if ($null -eq $entry) { return }
        if ($Multiple) { foreach ($k in $Multiple.Keys) { $entry.Parameters[[string]$k] = $Multiple[$k] } }
        else { $entry.Parameters[$Name] = $Value }
    }
}

function Get-ClusterResourceDependency
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string] $Resource, [Parameter(ValueFromPipeline)] $InputObject)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $name = Resolve-FakeResourceName $InputObject $Resource
    $entry = Get-FakeClusterResource $PSCmdlet $name
    if ($null -eq $entry) { return }
    # The cluster writes an AND of providers as "([A]) and ([B])".
    [pscustomobject]@{ Resource = $name; DependencyExpression = (@($entry.DependsOn) | ForEach-Object { "([$_])" }) -join ' and ' }
}

function Set-ClusterResourceDependency
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string] $Resource, [Parameter(Position = 1)] [string] $Dependency, [Parameter(ValueFromPipeline)] $InputObject)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $entry = Get-FakeClusterResource $PSCmdlet (Resolve-FakeResourceName $InputObject $Resource)
    if ($null -eq $entry) { return }
    if ($Dependency -match '\sor\s') { throw "FakeWindows: OR dependencies are not modelled: $Dependency" }
    $providers = @([regex]::Matches($Dependency, '\[([^\]]+)\]') | ForEach-Object { $_.Groups[1].Value })
    foreach ($p in $providers)
    {
        $provider = Get-FakeClusterResource $PSCmdlet $p
        if ($null -eq $provider) { return }
        # A resource can only depend on resources of its own group (§6.1.3).
        if ($provider.Group -ne $entry.Group) { Write-FakeError $PSCmdlet "The resource '$p' is not in the group of the dependent resource." -Id 'InvalidDependency' -Category 'InvalidOperation'; return }
    }
    $entry.DependsOn = [System.Collections.Generic.List[object]]::new([object[]]$providers)
}

function Get-ClusterCheckpoint
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $ResourceName, [switch] $RegistryCheckpoint, [switch] $CryptoCheckpoint, [Parameter(ValueFromPipeline)] $InputObject)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($n in @($ResourceName))
    {
        $entry = Get-FakeClusterResource $PSCmdlet $n
        if ($null -eq $entry) { continue }
        foreach ($key in @($entry.Checkpoints)) { [pscustomobject]@{ Resource = $n; Name = [string]$key } }
    }
}

function Add-ClusterCheckpoint
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string] $ResourceName, [string] $RegistryCheckpoint, [Parameter(ValueFromPipeline)] $InputObject)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $entry = Get-FakeClusterResource $PSCmdlet (Resolve-FakeResourceName $InputObject $ResourceName)
    if ($null -eq $entry) { return }
    if (@($entry.Checkpoints) -contains $RegistryCheckpoint) { Write-FakeError $PSCmdlet "The checkpoint '$RegistryCheckpoint' already exists." -Id 'ClusterObjectExists' -Category 'ResourceExists'; return }
    $list = [System.Collections.Generic.List[object]]::new([object[]]@($entry.Checkpoints))
    $list.Add($RegistryCheckpoint)
    $entry.Checkpoints = $list
    [pscustomobject]@{ Resource = $ResourceName; Name = $RegistryCheckpoint }
}

function Get-ClusterResourceType
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Name)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $types = (Get-FakeCluster).ResourceTypes
    foreach ($n in $(if ($Name) { $Name } else { @($types.Keys | Sort-Object) }))
    {
        if ($types.ContainsKey($n)) { [pscustomobject]@{ Name = $n; DllName = [string]$types[$n].Dll } }
        else { Write-FakeError $PSCmdlet "The resource type '$n' could not be found." -Id 'ClusterObjectNotFound' -Target $n }
    }
}

function Add-ClusterResourceType
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string] $Name, [Parameter(Position = 1, Mandatory)] [string] $Dll, [string] $DisplayName)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    # The DLL must be on the node (every node, on a real cluster: §9.2 copies it first).
    if ($null -eq (Get-FakeFileEntry (Resolve-FakeFilePath $Dll))) { Write-FakeError $PSCmdlet "The resource DLL '$Dll' was not found." -Id 'FileNotFound'; return }
    (Get-FakeCluster).ResourceTypes[$Name] = ConvertTo-FakeTree @{ Dll = $Dll }
}

# --- Volumes and services the cluster scripts use --------------------------------------------

function Get-Volume
{
    [CmdletBinding()]
    param ([string[]] $DriveLetter)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($letter in $DriveLetter)
    {
        $volume = @((Get-FakeSection 'Cim')['Win32_Volume']) | Where-Object { $null -ne $_ -and [string]$_.DriveLetter -eq "$($letter.TrimEnd(':')):" } | Select-Object -First 1
        if ($null -eq $volume) { Write-FakeError $PSCmdlet "No MSFT_Volume objects found with property 'DriveLetter' equal to '$letter'." -Id 'CmdletizationQuery_NotFound_DriveLetter'; continue }
        $fileSystem = if ($volume.ContainsKey('FileSystem')) { [string]$volume.FileSystem } else { 'NTFS' }
        [pscustomobject]@{ DriveLetter = $letter.TrimEnd(':'); FileSystem = $fileSystem; Size = [uint64]$volume.Capacity; SizeRemaining = [uint64]$volume.FreeSpace }
    }
}

function New-Service
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string] $Name, [Parameter(Position = 1, Mandatory)] [string] $BinaryPathName, [string] $DisplayName, [string] $StartupType = 'Automatic', [string[]] $DependsOn = @())
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $services = Get-FakeSection 'Services'
    if ($services.ContainsKey($Name)) { Write-FakeError $PSCmdlet "Service '$Name' cannot be created because a service with that name already exists." -Id 'CouldNotNewService' -Category 'ResourceExists'; return }
    $services[$Name] = ConvertTo-FakeTree @{ DisplayName = $(if ($DisplayName) { $DisplayName } else { $Name }); StartMode = $script:StartModes[$StartupType]; State = 'Stopped'; StartName = 'LocalSystem'; PathName = $BinaryPathName; Dependencies = $DependsOn }
    New-FakeServiceObject $Name $services[$Name]
}

# Rename-Item of a registry key (the re-homing renames keys named after the node): the key and its subkeys move.
function Rename-Item
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string] $Path, [string] $LiteralPath, [Parameter(Mandatory, Position = 1)] [string] $NewName)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $old = Resolve-FakeRegistryPath $(if ($LiteralPath) { $LiteralPath } else { $Path })
    $registry = Get-FakeSection 'Registry'
    $new = "$(Get-ParentPath $old)\$NewName"
    foreach ($k in @($registry.Keys | Where-Object { $_ -eq $old -or $_.StartsWith("$old\", [System.StringComparison]::OrdinalIgnoreCase) }))
    {
        $registry["$new$($k.Substring($old.Length))"] = $registry[$k]
        $registry.Remove($k)
    }
}
