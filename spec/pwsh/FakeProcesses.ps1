# Programs the generated scripts start (installers through Start-Process or msiexec,
# reg.exe), COM and IIS objects, and .NET assembly loading on the fake host.
# An installer does what its fixture declares (spec/pwsh/hosts/): an exit code and a
# patch of the state; every call is recorded. Dot-sourced by FakeWindows.psm1.

$script:Installers = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase)

# The program a command line really installs: msiexec's package, else the program itself.
function Get-FakeInstallerKey
{
    param ([string] $FilePath, [string] $Arguments)
    if ($FilePath -match '(^|[\\/])msiexec(\.exe)?$')
    {
        if ($Arguments -match '(?i)/(i|package)\s+(?:"(?<p>[^"]+)"|(?<p>\S+))') { return $Matches.p }
    }
    return $FilePath
}

function Invoke-FakeInstaller
{
    param ([string] $FilePath, [string] $Arguments)
    $key = Get-FakeInstallerKey $FilePath $Arguments
    Add-FakeCall 'Start-Process' ([ordered]@{ FilePath = $FilePath; ArgumentList = $Arguments })
    if (-not $script:Installers.ContainsKey($key))
    {
        throw "FakeWindows: no fixture declares what '$key' does (add it to the case's installers in spec/pwsh/hosts/)"
    }
    $installer = $script:Installers[$key]
    if ($installer.Effect) { Merge-FakeTree -Target $script:State -Patch $installer.Effect }
    return [int]$installer.ExitCode
}

function Start-Process
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string] $FilePath, [Parameter(Position = 1)] [string[]] $ArgumentList, [switch] $Wait, [switch] $PassThru, [switch] $NoNewWindow, [string] $WorkingDirectory, [pscredential] $Credential)
    $code = Invoke-FakeInstaller $FilePath ($ArgumentList -join ' ')
    if ($PassThru) { [pscustomobject]@{ ExitCode = $code; HasExited = $true; Id = 4242 } }
}

function msiexec.exe
{
    $global:LASTEXITCODE = Invoke-FakeInstaller 'msiexec.exe' ($args -join ' ')
}

# reg.exe export <key> <file> [/y]: writes the key's values (canonical JSON) into the file.
function reg.exe
{
    Add-FakeCall 'reg.exe' $args
    $verb, $key, $file, $null = $args
    $full = Resolve-FakeRegistryPath ("Registry::$key")
    if ($verb -ne 'export') { throw "FakeWindows: reg.exe $verb is not modelled" }
    if (-not (Test-FakeKey $full)) { $global:LASTEXITCODE = 1; return 'ERROR: The system was unable to find the specified registry key or value.' }
    $target = Resolve-FakeFilePath $file
    if ($null -eq (Get-FakeFileEntry (Get-ParentPath $target))) { $global:LASTEXITCODE = 1; return 'ERROR: The system cannot find the path specified.' }
    (Get-FakeSection 'Files')[$target] = @{ Type = 'File'; Contents = (ConvertTo-CanonicalJson (Get-FakeKeyValues $full)) }
    $global:LASTEXITCODE = 0
    'The operation completed successfully.'
}

function Start-Sleep
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [double] $Seconds, [int] $Milliseconds)
    Add-FakeCall 'Start-Sleep' ([ordered]@{ Seconds = $Seconds; Milliseconds = $Milliseconds })
}

# --- COM: Windows Installer ---------------------------------------------------------------

# MsiProducts[<code>].Features[<feature>] holds an INSTALLSTATE name.
$script:InstallStates = @{ Advertised = 1; Absent = 2; Local = 3; Source = 4; Default = 5 }

function New-FakeWindowsInstaller
{
    $installer = [pscustomobject]@{ PSTypeName = 'FakeWindows.WindowsInstaller' }
    $installer | Add-Member -MemberType ScriptMethod -Name ProductState -Value {
        param ($ProductCode)
        # INSTALLSTATE_DEFAULT (5): installed for the machine; INSTALLSTATE_UNKNOWN (-1): not installed.
        if ((Get-FakeSection 'MsiProducts').ContainsKey([string]$ProductCode)) { return 5 } else { return -1 }
    }
    $installer | Add-Member -MemberType ScriptMethod -Name FeatureState -Value {
        param ($ProductCode, $Feature)
        $product = (Get-FakeSection 'MsiProducts')[[string]$ProductCode]
        if ($null -eq $product -or $null -eq $product.Features -or -not $product.Features.ContainsKey([string]$Feature)) { return -1 }
        return $script:InstallStates[[string]$product.Features[[string]$Feature]]
    }
    return $installer
}

function New-Object
{
    [CmdletBinding(DefaultParameterSetName = 'Net')]
    param ([Parameter(ParameterSetName = 'Net', Position = 0)] [string] $TypeName, [Parameter(ParameterSetName = 'Net', Position = 1)] [object[]] $ArgumentList, [Parameter(ParameterSetName = 'Com', Mandatory)] [string] $ComObject, [System.Collections.IDictionary] $Property)
    if ($PSCmdlet.ParameterSetName -eq 'Com')
    {
        if ($ComObject -eq 'WindowsInstaller.Installer') { return (New-FakeWindowsInstaller) }
        throw "FakeWindows: COM object '$ComObject' is not modelled"
    }
    Microsoft.PowerShell.Utility\New-Object @PSBoundParameters
}

# --- IIS configuration (WebAdministration) -------------------------------------------------

# Modules whose cmdlets the fake host provides itself.
$script:FakeModules = @('WebAdministration', 'ServerManager', 'NetSecurity', 'SmbShare', 'Microsoft.PowerShell.LocalAccounts')

function Import-Module
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Name, [switch] $Force, [switch] $Global, [object] $RequiredVersion)
    if (@($Name | Where-Object { $script:FakeModules -notcontains $_ }).Count -gt 0) { Microsoft.PowerShell.Core\Import-Module @PSBoundParameters }
}

# WebConfiguration["<PSPath>|<Location>|<Filter>"][<Name>] = value.
function Get-FakeWebConfigKey
{
    param ([string] $PSPath, [string] $Location, [string] $Filter)
    return "$PSPath|$Location|$Filter"
}

function Get-WebConfigurationProperty
{
    [CmdletBinding()]
    param ([string] $PSPath, [string] $Location, [string] $Filter, [string] $Name)
    $section = (Get-FakeSection 'WebConfiguration')[(Get-FakeWebConfigKey $PSPath $Location $Filter)]
    $value = if ($null -ne $section) { $section[$Name] } else { $null }
    # The real cmdlet returns a ConfigurationAttribute; scripts read its .Value.
    [pscustomobject]@{ Name = $Name; Value = $value }
}

function Set-WebConfigurationProperty
{
    [CmdletBinding()]
    param ([string] $PSPath, [string] $Location, [string] $Filter, [string] $Name, [object] $Value)
    $config = Get-FakeSection 'WebConfiguration'
    $key = Get-FakeWebConfigKey $PSPath $Location $Filter
    if (-not $config.ContainsKey($key)) { $config[$key] = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase) }
    $config[$key][$Name] = $Value
}

# --- .NET assemblies ---------------------------------------------------------------------------

# A static .NET call cannot be shadowed by a function: the harness rewrites
# [System.Reflection.Assembly]::Load(<name>) into this call (spec/pwsh/Invoke-ScriptCases.ps1).
# Assemblies lists the full names the host's GAC holds.
function Invoke-FakeAssemblyLoad
{
    param ([string] $AssemblyString)
    Add-FakeCall 'Assembly.Load' $AssemblyString
    $wanted = [System.Reflection.AssemblyName]::new($AssemblyString)
    foreach ($held in @((Get-FakeSection 'Assemblies').Keys))
    {
        $name = [System.Reflection.AssemblyName]::new($held)
        if ($name.Name -eq $wanted.Name -and ($null -eq $wanted.Version -or $name.Version -eq $wanted.Version)) { return [pscustomobject]@{ FullName = $held } }
    }
    throw [System.IO.FileNotFoundException]::new("Could not load file or assembly '$AssemblyString' or one of its dependencies. The system cannot find the file specified.")
}

# A clock that moves one minute per call: a Set that writes a time stamp writes a
# new one when it runs again (the idempotence check sees it), and a wait loop ends.
$script:Clock = [datetime]::new(2026, 1, 5, 9, 0, 0)
function Get-Date
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [datetime] $Date, [string] $Format, [string] $UFormat)
    if (-not $PSBoundParameters.ContainsKey('Date')) { $script:Clock = $script:Clock.AddMinutes(1); $PSBoundParameters['Date'] = $script:Clock }
    Microsoft.PowerShell.Utility\Get-Date @PSBoundParameters
}
