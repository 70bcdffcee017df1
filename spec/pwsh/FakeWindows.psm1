<#
    The fake Windows host of the PowerShell tests.

    Functions that shadow the cmdlets (and the few programs) generated scripts
    touch, reading and writing one state tree whose shape spec/pwsh/STATE.md
    fixes. Import it with -Global: functions come before cmdlets in command
    lookup, so a script block created afterwards calls these instead of the
    real cmdlets. Snapshots are canonical JSON, so two states compare as text.
#>

. ([System.IO.Path]::Combine($PSScriptRoot, 'FakeState.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'FakeRegistryFiles.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'FakeSystem.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'FakeProcesses.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'FakeCluster.ps1'))

<#
    .SYNOPSIS
        Replaces the fake host's state (a JSON text or hashtable tree) and its installers.
#>
function Initialize-FakeWindows
{
    param ($State, $Installers = $null)
    $tree = if ($State -is [string]) { ConvertFrom-FakeJson $State } else { Copy-FakeTree $State }
    foreach ($section in 'Registry', 'Services', 'Features', 'Files', 'MsiProducts', 'FirewallRules', 'SmbShares', 'LocalGroups', 'UserRights', 'Cim', 'WebSites', 'WebVirtualDirectories', 'WebConfiguration', 'Assemblies')
    {
        if (-not $tree.ContainsKey($section)) { $tree[$section] = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase) }
    }
    if (-not $tree.ContainsKey('Reboot')) { $tree['Reboot'] = @{ Requested = $false } }
    $script:State = $tree
    $script:Installers = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase)
    if ($null -ne $Installers) { foreach ($k in $Installers.Keys) { $script:Installers[$k] = $Installers[$k] } }
    $script:Calls.Clear()
}

function Get-FakeWindowsState { return $script:State }

<# .SYNOPSIS Canonical JSON of the whole state: equal states, equal text. #>
function Get-FakeWindowsSnapshot { return (ConvertTo-CanonicalJson $script:State) }

function Set-FakeWindowsSnapshot { param ([string] $Snapshot) $script:State = ConvertFrom-FakeJson $Snapshot }

<# .SYNOPSIS Makes a tree (from ConvertFrom-FakeJson, not shared with anything else) the state. #>
function Set-FakeWindowsState { param ([hashtable] $Tree) $script:State = $Tree }

<# .SYNOPSIS Merges a patch (a $null value deletes) into the state, e.g. what a manual step does. #>
function Update-FakeWindows { param ($Patch) Merge-FakeTree -Target $script:State -Patch (ConvertTo-FakeTree $Patch) }

<# .SYNOPSIS The programs and static calls recorded since Initialize-FakeWindows (not part of the state). #>
function Get-FakeWindowsCall { return , $script:Calls.ToArray() }

Export-ModuleMember -Function @(
    'Initialize-FakeWindows', 'Get-FakeWindowsState', 'Set-FakeWindowsState', 'Get-FakeWindowsSnapshot', 'Set-FakeWindowsSnapshot', 'Update-FakeWindows', 'Get-FakeWindowsCall',
    'ConvertTo-CanonicalJson', 'ConvertFrom-FakeJson', 'Invoke-FakeAssemblyLoad',
    # Shadowed cmdlets and programs
    'Test-Path', 'Get-Item', 'New-Item', 'Remove-Item', 'Copy-Item', 'Get-ChildItem',
    'Get-ItemProperty', 'Get-ItemPropertyValue', 'New-ItemProperty', 'Set-ItemProperty', 'Remove-ItemProperty', 'Join-Path', 'Get-Date',
    'Get-Content', 'Set-Content',
    'Get-Service', 'Set-Service', 'Start-Service', 'Stop-Service', 'Restart-Service', 'sc.exe',
    'Get-CimInstance', 'Get-WmiObject',
    'Get-WindowsFeature', 'Install-WindowsFeature', 'Get-WindowsOptionalFeature',
    'Get-NetFirewallRule', 'Get-NetFirewallPortFilter', 'Get-NetFirewallApplicationFilter', 'Get-NetFirewallAddressFilter',
    'Get-SmbShare', 'Get-SmbShareAccess', 'Get-LocalGroupMember',
    'Start-Process', 'msiexec.exe', 'reg.exe', 'Start-Sleep', 'New-Object', 'Import-Module',
    'Get-WebConfigurationProperty', 'Set-WebConfigurationProperty',
    # What the verification tests (<NODE>.Tests.ps1) read besides
    'Get-FileHash', 'secedit.exe', 'Get-Website', 'Get-WebBinding', 'Get-WebVirtualDirectory',
    'Get-ClusterGroup', 'Add-ClusterGroup', 'Get-ClusterOwnerNode', 'Get-ClusterResource', 'Add-ClusterResource', 'Move-ClusterResource', 'Stop-ClusterResource',
    'Get-ClusterParameter', 'Set-ClusterParameter', 'Get-ClusterResourceDependency', 'Set-ClusterResourceDependency',
    'Get-ClusterCheckpoint', 'Add-ClusterCheckpoint', 'Get-ClusterResourceType', 'Add-ClusterResourceType', 'Get-Volume', 'New-Service', 'Rename-Item'
)
