# Services, CIM/WMI, Windows features, firewall rules, SMB shares, local groups,
# processes and installers, COM (Windows Installer), IIS configuration and .NET
# assembly loading of the fake host. Dot-sourced by FakeWindows.psm1.

# --- Services ------------------------------------------------------------------

$script:StartTypes = @{ Auto = 'Automatic'; Automatic = 'Automatic'; Manual = 'Manual'; Demand = 'Manual'; Disabled = 'Disabled' }
$script:StartModes = @{ Automatic = 'Auto'; Auto = 'Auto'; Manual = 'Manual'; Demand = 'Manual'; Disabled = 'Disabled' }

function New-FakeServiceObject
{
    param ([string] $Name, $Entry)
    return [pscustomobject]@{
        PSTypeName  = 'FakeWindows.Service'
        Name        = $Name
        ServiceName = $Name
        DisplayName = [string]$Entry.DisplayName
        Status      = [string]$Entry.State
        StartType   = $script:StartTypes[[string]$Entry.StartMode]
        ServicesDependedOn = @(@($Entry.Dependencies) | Where-Object { $_ } | ForEach-Object { [pscustomobject]@{ Name = [string]$_ } })
    }
}

function Get-FakeService
{
    param ($Cmdlet, [string] $Name)
    $services = Get-FakeSection 'Services'
    if ($services.ContainsKey($Name)) { return $services[$Name] }
    Write-FakeError $Cmdlet "Cannot find any service with service name '$Name'." -Id 'NoServiceFoundForGivenName' -Target $Name
    return $null
}

function Get-Service
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [Alias('ServiceName')] [string[]] $Name)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $services = Get-FakeSection 'Services'
    $names = if ($Name) { $Name } else { @($services.Keys | Sort-Object) }
    foreach ($n in $names)
    {
        $entry = Get-FakeService $PSCmdlet $n
        if ($null -ne $entry) { New-FakeServiceObject $n $entry }
    }
}

function Set-Service
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string] $Name, [string] $StartupType, [string] $Status, [string] $DisplayName)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $entry = Get-FakeService $PSCmdlet $Name
    if ($null -eq $entry) { return }
    if ($StartupType) { $entry.StartMode = $script:StartModes[$StartupType] }
    if ($Status) { $entry.State = $Status }
    if ($DisplayName) { $entry.DisplayName = $DisplayName }
}

function Start-Service
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string[]] $Name)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($n in $Name)
    {
        $entry = Get-FakeService $PSCmdlet $n
        if ($null -eq $entry) { continue }
        if ($entry.StartMode -eq 'Disabled') { Write-FakeError $PSCmdlet "Service '$n' cannot be started because it is disabled." -Id 'CouldNotStartService' -Category 'OpenError'; continue }
        $entry.State = 'Running'
    }
}

function Stop-Service
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string[]] $Name, [switch] $Force)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($n in $Name)
    {
        $entry = Get-FakeService $PSCmdlet $n
        if ($null -ne $entry) { $entry.State = 'Stopped' }
    }
}

function Restart-Service
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string[]] $Name, [switch] $Force)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    Stop-Service -Name $Name -Force:$Force
    Start-Service -Name $Name
}

# sc.exe: `config <name> start= auto|demand|disabled` and `query <name>`; the exit code in $LASTEXITCODE.
function sc.exe
{
    Add-FakeCall 'sc.exe' $args
    $services = Get-FakeSection 'Services'
    $verb, $name, $rest = $args  # $rest: every argument after the name
    $global:LASTEXITCODE = 1060 # ERROR_SERVICE_DOES_NOT_EXIST
    if (-not $services.ContainsKey([string]$name)) { return "[SC] OpenService FAILED 1060:" }
    $global:LASTEXITCODE = 0
    if ($verb -eq 'config')
    {
        for ($i = 0; $i -lt @($rest).Count - 1; $i++)
        {
            if (@($rest)[$i] -eq 'start=') { $services[$name].StartMode = $script:StartModes[[string]@($rest)[$i + 1]] }
            if (@($rest)[$i] -eq 'obj=') { $services[$name].StartName = [string]@($rest)[$i + 1] }
            if (@($rest)[$i] -eq 'binPath=') { $services[$name].PathName = [string]@($rest)[$i + 1] }
            # `depend= /` removes every dependency; `depend= \` is not `/` and leaves a broken entry (§9.5.3).
            if (@($rest)[$i] -eq 'depend=') { $services[$name].Dependencies = [System.Collections.Generic.List[object]]::new([object[]]@(([string]@($rest)[$i + 1]) -split '/' | Where-Object { $_ })) }
        }
        return '[SC] ChangeServiceConfig SUCCESS'
    }
    return "SERVICE_NAME: $name STATE: $($services[$name].State)"
}

# --- CIM / WMI -------------------------------------------------------------------------

# The WQL the generated scripts use: `Prop = 'v'`, `Prop = 3`, `Prop LIKE '%v%'`, joined by AND.
function Test-FakeWqlFilter
{
    param ($Instance, [string] $Filter)
    if (-not $Filter) { return $true }
    foreach ($condition in ($Filter -split '\s+AND\s+'))
    {
        # WQL escapes \ and ' with a backslash inside a string ('Evil\'Svc'); '' is accepted too.
        if ($condition -notmatch "^\s*(?<prop>\w+)\s*(?<op>=|<>|LIKE)\s*(?:'(?<text>(?:[^'\\]|''|\\.)*)'|(?<number>-?\d+))\s*$") { throw "FakeWindows: WQL filter not modelled: $Filter" }
        $actual = $Instance[$Matches.prop]
        $wanted = if ($null -ne $Matches.number) { [int64]$Matches.number } else { $Matches.text -replace "''", "'" -replace '\\(.)', '$1' }
        $ok = switch ($Matches.op)
        {
            '=' { [string]$actual -eq [string]$wanted }
            '<>' { [string]$actual -ne [string]$wanted }
            'LIKE' { [string]$actual -like (($wanted -replace '\*', '[*]' -replace '%', '*') -replace '_', '?') }
        }
        if (-not $ok) { return $false }
    }
    return $true
}

# Win32_Service and Win32_Product are views of the Services and MsiProducts sections; with
# -ComputerName, Win32_Service is another host's Services section (RemoteHosts, as WinRM shows it).
function Get-FakeCimInstances
{
    param ([string] $ClassName, [string] $ComputerName)
    if ($ComputerName)
    {
        if ($ClassName -ne 'Win32_Service') { throw "FakeWindows: remote $ClassName is not modelled" }
        $remote = (Get-FakeSection 'RemoteHosts')[$ComputerName]
        if ($null -eq $remote) { throw "FakeWindows: WinRM cannot reach $ComputerName" }
        $services = $remote['Services']
        foreach ($n in @($services.Keys | Sort-Object)) { $s = $services[$n]; @{ Name = $n; DisplayName = $s.DisplayName; StartMode = $s.StartMode; State = $s.State; StartName = $s.StartName; PathName = $s.PathName } }
        return
    }
    switch ($ClassName)
    {
        'Win32_Service'
        {
            $services = Get-FakeSection 'Services'
            foreach ($n in @($services.Keys | Sort-Object)) { $s = $services[$n]; @{ Name = $n; DisplayName = $s.DisplayName; Description = $s.Description; StartMode = $s.StartMode; State = $s.State; StartName = $s.StartName; PathName = $s.PathName } }
        }
        'Win32_Product'
        {
            $products = Get-FakeSection 'MsiProducts'
            foreach ($code in @($products.Keys | Sort-Object)) { @{ IdentifyingNumber = $code; Name = $products[$code].Name; Version = $products[$code].Version } }
        }
        default { @((Get-FakeSection 'Cim')[$ClassName]) }
    }
}

function Get-FakeCim
{
    param ([string] $ClassName, [string] $Filter, [string] $ComputerName)
    foreach ($instance in @(Get-FakeCimInstances $ClassName $ComputerName))
    {
        if ($null -ne $instance -and (Test-FakeWqlFilter $instance $Filter))
        {
            $o = [ordered]@{}
            foreach ($k in $instance.Keys) { $o[$k] = $instance[$k] }
            [pscustomobject]$o
        }
    }
}

function Get-CimInstance
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [Alias('Class')] [string] $ClassName, [string] $Filter, [string] $Namespace, [string] $Query, [string] $ComputerName)
    if ($Query) { if ($Query -match '^\s*SELECT\s+\*\s+FROM\s+(?<c>\w+)(\s+WHERE\s+(?<f>.*))?$') { $ClassName = $Matches.c; $Filter = $Matches.f } else { throw "FakeWindows: query not modelled: $Query" } }
    Get-FakeCim $ClassName $Filter $ComputerName
}

function Get-WmiObject
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string] $Class, [string] $Filter, [string] $Namespace)
    Get-FakeCim $Class $Filter
}

# --- Windows features --------------------------------------------------------------------

function Get-WindowsFeature
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Name)
    $features = Get-FakeSection 'Features'
    foreach ($n in $(if ($Name) { $Name } else { @($features.Keys | Sort-Object) }))
    {
        if (-not $features.ContainsKey($n)) { continue }
        $installed = [bool]$features[$n].Installed
        [pscustomobject]@{ Name = $n; Installed = $installed; InstallState = $(if ($installed) { 'Installed' } else { 'Available' }) }
    }
}

function Install-WindowsFeature
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string[]] $Name, [switch] $IncludeAllSubFeature, [switch] $IncludeManagementTools)
    $features = Get-FakeSection 'Features'
    foreach ($n in $Name) { $features[$n] = @{ Installed = $true } }
    [pscustomobject]@{ Success = $true; RestartNeeded = 'No' }
}

function Get-WindowsOptionalFeature
{
    [CmdletBinding()]
    param ([switch] $Online, [string] $FeatureName)
    $features = Get-FakeSection 'Features'
    if ($features.ContainsKey($FeatureName))
    {
        [pscustomobject]@{ FeatureName = $FeatureName; State = $(if ($features[$FeatureName].Installed) { 'Enabled' } else { 'Disabled' }) }
    }
}

# --- Firewall, shares, groups ----------------------------------------------------------------

function Get-NetFirewallRule
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Name, [string[]] $DisplayName)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $rules = Get-FakeSection 'FirewallRules'
    foreach ($n in @($rules.Keys | Sort-Object))
    {
        $r = $rules[$n]
        if (($Name -and -not ($Name | Where-Object { $n -like $_ })) -or ($DisplayName -and -not ($DisplayName | Where-Object { $r.DisplayName -like $_ }))) { continue }
        [pscustomobject]@{ PSTypeName = 'FakeWindows.FirewallRule'; Name = $n; DisplayName = $r.DisplayName; Description = [string]$r.Description; Enabled = $(if ($r.Enabled) { 'True' } else { 'False' }); Direction = $r.Direction; Action = $r.Action; Profile = (@($r.Profile) -join ', ') }
    }
    if ($Name -and -not ($Name | Where-Object { $_ -match '[*?]' -or $rules.ContainsKey($_) })) { Write-FakeError $PSCmdlet "No MSFT_NetFirewallRule objects found with property 'Name' equal to '$Name'." -Target $Name }
}

function Get-FakeRuleFor
{
    param ($Rule)
    $rules = Get-FakeSection 'FirewallRules'
    return $rules[[string]$Rule.Name]
}

function Get-NetFirewallPortFilter
{
    [CmdletBinding()]
    param ([Parameter(ValueFromPipeline)] [Alias('AssociatedNetFirewallRule')] $InputObject)
    process { $r = Get-FakeRuleFor $InputObject; [pscustomobject]@{ Protocol = $r.Protocol; LocalPort = @($r.LocalPort); RemotePort = @($r.RemotePort) } }
}

function Get-NetFirewallApplicationFilter
{
    [CmdletBinding()]
    param ([Parameter(ValueFromPipeline)] [Alias('AssociatedNetFirewallRule')] $InputObject)
    process { $r = Get-FakeRuleFor $InputObject; [pscustomobject]@{ Program = $(if ($r.Program) { $r.Program } else { 'Any' }) } }
}

function Get-NetFirewallAddressFilter
{
    [CmdletBinding()]
    param ([Parameter(ValueFromPipeline)] [Alias('AssociatedNetFirewallRule')] $InputObject)
    process { $r = Get-FakeRuleFor $InputObject; [pscustomobject]@{ RemoteAddress = $(if (@($r.RemoteAddress).Count) { @($r.RemoteAddress) } else { @('Any') }) } }
}

function Get-SmbShare
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Name)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $shares = Get-FakeSection 'SmbShares'
    foreach ($n in $(if ($Name) { $Name } else { @($shares.Keys | Sort-Object) }))
    {
        if ($shares.ContainsKey($n)) { [pscustomobject]@{ Name = $n; Path = $shares[$n].Path; Description = [string]$shares[$n].Description } }
        else { Write-FakeError $PSCmdlet "No MSFT_SmbShare objects found with property 'Name' equal to '$n'." -Target $n }
    }
}

function Get-SmbShareAccess
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string[]] $Name)
    $shares = Get-FakeSection 'SmbShares'
    foreach ($n in $Name)
    {
        if (-not $shares.ContainsKey($n)) { continue }
        foreach ($right in 'Full', 'Change', 'Read')
        {
            foreach ($account in @($shares[$n]["${right}Access"])) { if ($account) { [pscustomobject]@{ Name = $n; AccountName = $account; AccessRight = $right; AccessControlType = 'Allow' } } }
        }
    }
}

function Get-LocalGroupMember
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [Alias('Name')] [string] $Group)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $groups = Get-FakeSection 'LocalGroups'
    if (-not $groups.ContainsKey($Group)) { Write-FakeError $PSCmdlet "Group $Group was not found." -Id 'GroupNotFound' -Target $Group; return }
    foreach ($m in @($groups[$Group])) { if ($m) { [pscustomobject]@{ Name = $m; ObjectClass = 'User'; PrincipalSource = 'ActiveDirectory' } } }
}

# --- Local security policy ------------------------------------------------------------------

# secedit.exe /export /cfg <file> /areas USER_RIGHTS: writes the UserRights section as
# the [Privilege Rights] part of a security template (accounts by name, as secedit
# writes an account it cannot resolve to a SID).
function secedit.exe
{
    Add-FakeCall 'secedit.exe' $args
    $cfg = $null
    for ($i = 0; $i -lt $args.Count - 1; $i++) { if ($args[$i] -eq '/cfg') { $cfg = [string]$args[$i + 1] } }
    if (-not $cfg -or $args -notcontains '/export') { throw "FakeWindows: secedit.exe $args not modelled" }
    $rights = Get-FakeSection 'UserRights'
    $lines = @('[Unicode]', 'Unicode=yes', '[Privilege Rights]') + @($rights.Keys | Sort-Object | ForEach-Object { "$_ = $(@($rights[$_]) -join ',')" })
    (Get-FakeSection 'Files')[(Resolve-FakeFilePath $cfg)] = @{ Type = 'File'; Contents = ($lines -join "`r`n") + "`r`n" }
    $global:LASTEXITCODE = 0
}
