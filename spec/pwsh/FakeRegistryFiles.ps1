# Registry keys and values, files and folders of the fake host: the item cmdlets
# (Get-Item, Test-Path, New-Item, Remove-Item, Copy-Item, Get-ChildItem) and the
# item-property cmdlets on HKLM:\ / Registry:: and file system paths.
# Dot-sourced by FakeWindows.psm1.

# --- Registry model ------------------------------------------------------------

function Test-FakeKey
{
    param ([string] $Key)
    $registry = Get-FakeSection 'Registry'
    if ($registry.ContainsKey($Key)) { return $true }
    # A hive and its first-level keys (SOFTWARE, SYSTEM) always exist.
    if (($Key -split '\\').Count -le 2) { return $true }
    foreach ($k in $registry.Keys) { if ($k.StartsWith("$Key\", [System.StringComparison]::OrdinalIgnoreCase)) { return $true } }
    return $false
}

function Get-FakeKeyValues
{
    param ([string] $Key, [switch] $Create)
    $registry = Get-FakeSection 'Registry'
    if (-not $registry.ContainsKey($Key))
    {
        if (-not $Create) { return $null }
        $registry[$Key] = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase)
    }
    return $registry[$Key]
}

# Stored data (STATE.md) -> what RegistryKey.GetValue returns on Windows.
function ConvertFrom-FakeRegData
{
    param ($Entry)
    $data = $Entry.Data
    switch ($Entry.Kind)
    {
        'DWord' { return [int32][System.BitConverter]::ToInt32([System.BitConverter]::GetBytes([uint32]$data), 0) }
        'QWord' { return [int64][System.BitConverter]::ToInt64([System.BitConverter]::GetBytes([uint64]$data), 0) }
        'MultiString' { return [string[]]@($data) }
        'Binary' { return [byte[]]@(([string]$data) -split '(..)' | Where-Object { $_ } | ForEach-Object { [System.Convert]::ToByte($_, 16) }) }
        default { return [string]$data }
    }
}

# What a script passes to New-ItemProperty/Set-ItemProperty -> stored data.
function ConvertTo-FakeRegData
{
    param ([string] $Kind, $Value)
    switch ($Kind)
    {
        'DWord' { return [uint32][System.BitConverter]::ToUInt32([System.BitConverter]::GetBytes([int64]$Value), 0) }
        'QWord' { return [uint64][System.BitConverter]::ToUInt64([System.BitConverter]::GetBytes([int64]$Value), 0) }
        'MultiString' { return , [System.Collections.Generic.List[object]]@([string[]]@($Value)) }
        'Binary' { return ((@($Value) | ForEach-Object { '{0:x2}' -f [byte]$_ }) -join '') }
        default { return [string]$Value }
    }
}

# One template with the RegistryKey methods the scripts call; each key object is a copy.
$script:KeyTemplate = [pscustomobject]@{ PSTypeName = 'FakeWindows.RegistryKey'; Name = ''; PSPath = ''; PSChildName = ''; Property = @() }
$script:KeyTemplate | Add-Member -MemberType ScriptMethod -Name GetValue -Value {
    param ($Name, $Default = $null, $Options = $null)
    $values = Get-FakeKeyValues $this.Name
    if ($null -eq $values -or -not $values.ContainsKey([string]$Name)) { return $Default }
    # %VAR% expansion is not modelled: the generated scripts read raw data (DoNotExpandEnvironmentNames).
    return (ConvertFrom-FakeRegData $values[[string]$Name])
}
$script:KeyTemplate | Add-Member -MemberType ScriptMethod -Name GetValueKind -Value {
    param ($Name)
    $values = Get-FakeKeyValues $this.Name
    if ($null -eq $values -or -not $values.ContainsKey([string]$Name)) { throw [System.IO.IOException]::new('The specified registry key does not exist.') }
    return [Microsoft.Win32.RegistryValueKind]$values[[string]$Name].Kind
}
$script:KeyTemplate | Add-Member -MemberType ScriptMethod -Name GetValueNames -Value { return [string[]]@((Get-FakeKeyValues $this.Name).Keys) }

function New-FakeRegistryKeyObject
{
    param ([string] $Key)
    $object = $script:KeyTemplate.PSObject.Copy()
    $object.Name = $Key
    $object.PSPath = "Microsoft.PowerShell.Core\Registry::$Key"
    $object.PSChildName = ($Key -split '\\')[-1]
    $object.Property = @((Get-FakeKeyValues $Key).Keys)
    return $object
}

# --- File system model -----------------------------------------------------------

function Get-FakeFileEntry
{
    param ([string] $Path)
    $files = Get-FakeSection 'Files'
    if ($files.ContainsKey($Path)) { return $files[$Path] }
    foreach ($volume in @((Get-FakeSection 'Cim')['Win32_Volume']))
    {
        if ($volume -and $volume.DriveLetter -and "$($volume.DriveLetter)\" -eq $Path) { return @{ Type = 'Directory' } }
    }
    foreach ($k in $files.Keys) { if ($k.StartsWith("$($Path.TrimEnd('\'))\", [System.StringComparison]::OrdinalIgnoreCase)) { return @{ Type = 'Directory' } } }
    return $null
}

function New-FakeFileObject
{
    param ([string] $Path, $Entry)
    $version = [string]$Entry.Version
    $parsed = $null
    $parts = if ($version -and [version]::TryParse($version, [ref]$parsed)) { $parsed } else { [version]'0.0.0.0' }
    return [pscustomobject]@{
        PSTypeName     = 'FakeWindows.FileSystemItem'
        FullName       = $Path
        Name           = ($Path -split '\\')[-1]
        PSIsContainer  = $Entry.Type -eq 'Directory'
        Length         = ([string]$Entry.Contents).Length
        VersionInfo    = [pscustomobject]@{
            FileVersion     = $version
            ProductVersion  = $version
            FileMajorPart   = [Math]::Max($parts.Major, 0)
            FileMinorPart   = [Math]::Max($parts.Minor, 0)
            FileBuildPart   = [Math]::Max($parts.Build, 0)
            FilePrivatePart = [Math]::Max($parts.Revision, 0)
        }
    }
}

function Resolve-FakeItem
{
    param ([string] $Path)
    $key = Resolve-FakeRegistryPath $Path
    if ($null -ne $key) { return @{ Kind = 'Registry'; Path = $key } }
    return @{ Kind = 'File'; Path = (Resolve-FakeFilePath $Path) }
}

# --- Item cmdlets ------------------------------------------------------------------

function Test-Path
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [string] $PathType = 'Any', [switch] $IsValid)
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $_ })
    {
        $item = Resolve-FakeItem $p
        if ($item.Kind -eq 'Registry') { Test-FakeKey $item.Path; continue }
        $entry = Get-FakeFileEntry $item.Path
        if ($null -eq $entry) { $false; continue }
        switch ($PathType) { 'Leaf' { $entry.Type -eq 'File' } 'Container' { $entry.Type -eq 'Directory' } default { $true } }
    }
}

function Get-Item
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [switch] $Force)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $_ })
    {
        $item = Resolve-FakeItem $p
        if ($item.Kind -eq 'Registry')
        {
            if (Test-FakeKey $item.Path) { New-FakeRegistryKeyObject $item.Path }
            else { Write-FakeError $PSCmdlet "Cannot find path '$p' because it does not exist." -Target $p }
            continue
        }
        $entry = Get-FakeFileEntry $item.Path
        if ($null -ne $entry) { New-FakeFileObject $item.Path $entry }
        else { Write-FakeError $PSCmdlet "Cannot find path '$p' because it does not exist." -Target $p }
    }
}

function New-Item
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string] $Name, [string] $ItemType, [object] $Value, [switch] $Force)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($p in $Path)
    {
        $full = if ($Name) { "$($p.TrimEnd('\'))\$Name" } else { $p }
        $item = Resolve-FakeItem $full
        if ($item.Kind -eq 'Registry')
        {
            $parent = Get-ParentPath $item.Path
            if (-not $Force -and $parent -and -not (Test-FakeKey $parent)) { Write-FakeError $PSCmdlet "Cannot find path '$parent'."; continue }
            # -Force on an existing key recreates it empty on Windows; the generated scripts guard it with Test-Path.
            if ($Force -or -not (Test-FakeKey $item.Path)) { $null = Get-FakeKeyValues $item.Path -Create; if ($Force) { (Get-FakeSection 'Registry')[$item.Path].Clear() } }
            New-FakeRegistryKeyObject $item.Path
            continue
        }
        $files = Get-FakeSection 'Files'
        $type = if ($ItemType -match '^(Directory|Container)$') { 'Directory' } else { 'File' }
        $existing = Get-FakeFileEntry $item.Path
        if ($null -ne $existing -and -not $Force) { Write-FakeError $PSCmdlet "An item with the specified name $($item.Path) already exists." -Id 'DirectoryExist' -Category 'ResourceExists'; continue }
        $parent = Get-ParentPath $item.Path
        if ($null -ne $parent -and $null -eq (Get-FakeFileEntry $parent))
        {
            if (-not $Force) { Write-FakeError $PSCmdlet "Could not find a part of the path '$($item.Path)'."; continue }
            $up = $parent
            while ($null -ne $up -and $null -eq (Get-FakeFileEntry $up)) { $files[$up] = @{ Type = 'Directory' }; $up = Get-ParentPath $up }
        }
        if ($type -eq 'Directory') { if ($null -eq $existing -or -not $files.ContainsKey($item.Path)) { $files[$item.Path] = @{ Type = 'Directory' } } }
        else { $files[$item.Path] = @{ Type = 'File'; Contents = [string]$Value } }
        New-FakeFileObject $item.Path (Get-FakeFileEntry $item.Path)
    }
}

function Remove-Item
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [switch] $Recurse, [switch] $Force)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $_ })
    {
        $item = Resolve-FakeItem $p
        $section = Get-FakeSection $(if ($item.Kind -eq 'Registry') { 'Registry' } else { 'Files' })
        $doomed = @($section.Keys | Where-Object { $_ -eq $item.Path -or $_.StartsWith("$($item.Path)\", [System.StringComparison]::OrdinalIgnoreCase) })
        if ($doomed.Count -eq 0) { Write-FakeError $PSCmdlet "Cannot find path '$p' because it does not exist."; continue }
        foreach ($k in $doomed) { $section.Remove($k) }
    }
}

function Copy-Item
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [Parameter(Position = 1)] [string] $Destination, [switch] $Recurse, [switch] $Force, [switch] $Container)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $files = Get-FakeSection 'Files'
    $target = Resolve-FakeFilePath $Destination
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $_ })
    {
        $source = Resolve-FakeFilePath $p
        if ($null -eq (Get-FakeFileEntry $source)) { Write-FakeError $PSCmdlet "Cannot find path '$p' because it does not exist."; continue }
        foreach ($k in @($files.Keys | Where-Object { $_ -eq $source -or $_.StartsWith("$source\", [System.StringComparison]::OrdinalIgnoreCase) }))
        {
            $files[$target + $k.Substring($source.Length)] = Copy-FakeTree $files[$k]
        }
    }
}

function Get-ChildItem
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [string] $Filter, [switch] $Recurse, [switch] $File, [switch] $Directory, [switch] $Force)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $_ })
    {
        $item = Resolve-FakeItem $p
        $section = Get-FakeSection $(if ($item.Kind -eq 'Registry') { 'Registry' } else { 'Files' })
        $prefix = "$($item.Path.TrimEnd('\'))\"
        foreach ($k in @($section.Keys | Where-Object { $_.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase) } | Sort-Object))
        {
            $rest = $k.Substring($prefix.Length)
            if (-not $Recurse -and $rest.Contains('\')) { continue }
            if ($Filter -and ($rest -split '\\')[-1] -notlike $Filter) { continue }
            if ($item.Kind -eq 'Registry') { New-FakeRegistryKeyObject $k; continue }
            $entry = $section[$k]
            if (($File -and $entry.Type -ne 'File') -or ($Directory -and $entry.Type -ne 'Directory')) { continue }
            New-FakeFileObject $k $entry
        }
    }
}

# --- Item properties ---------------------------------------------------------------

function Get-ItemProperty
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [Parameter(Position = 1)] [string[]] $Name)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $_ })
    {
        $key = Resolve-FakeRegistryPath $p
        if ($null -eq $key) { throw "FakeWindows: Get-ItemProperty on a file path is not modelled ($p)" }
        if (-not (Test-FakeKey $key)) { Write-FakeError $PSCmdlet "Cannot find path '$p' because it does not exist." -Target $p; continue }
        $values = Get-FakeKeyValues $key
        if ($null -eq $values) { $values = @{} }
        $result = [ordered]@{}
        $names = if ($Name) { $Name } else { @($values.Keys | Sort-Object) }
        $missing = $false
        foreach ($n in $names)
        {
            if (-not $values.ContainsKey($n)) { Write-FakeError $PSCmdlet "Property $n does not exist at path $p." -Id 'System.Management.Automation.PSArgumentException'; $missing = $true; continue }
            $result[$n] = ConvertFrom-FakeRegData $values[$n]
        }
        if ($missing -and $result.Count -eq 0) { continue }
        $result['PSPath'] = "Microsoft.PowerShell.Core\Registry::$key"
        $result['PSParentPath'] = "Microsoft.PowerShell.Core\Registry::$(Get-ParentPath $key)"
        $result['PSChildName'] = ($key -split '\\')[-1]
        $result['PSProvider'] = 'Microsoft.PowerShell.Core\Registry'
        [pscustomobject]$result
    }
}

function Set-FakeRegistryValue
{
    param ($Cmdlet, [string[]] $Paths, [string] $Name, [string] $Kind, $Value, [switch] $MustBeNew)
    foreach ($p in $Paths)
    {
        $key = Resolve-FakeRegistryPath $p
        if ($null -eq $key) { throw "FakeWindows: item properties on file paths are not modelled ($p)" }
        if (-not (Test-FakeKey $key)) { Write-FakeError $Cmdlet "Cannot find path '$p' because it does not exist." -Target $p; continue }
        $values = Get-FakeKeyValues $key -Create
        if ($MustBeNew -and $values.ContainsKey($Name)) { Write-FakeError $Cmdlet "The property already exists." -Id 'System.IO.IOException' -Category 'ResourceExists'; continue }
        $k = if ($Kind) { $Kind } elseif ($values.ContainsKey($Name)) { $values[$Name].Kind } elseif ($Value -is [int]) { 'DWord' } else { 'String' }
        $values[$Name] = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase)
        $values[$Name]['Kind'] = $k
        $values[$Name]['Data'] = ConvertTo-FakeRegData $k $Value
    }
}

function New-ItemProperty
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [Parameter(Mandatory)] [string] $Name, [Alias('Type')] [string] $PropertyType, [object] $Value, [switch] $Force)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    $paths = @(@($Path) + @($LiteralPath) | Where-Object { $_ })
    Set-FakeRegistryValue $PSCmdlet $paths $Name $(if ($PropertyType) { $PropertyType } else { 'String' }) $Value -MustBeNew:(-not $Force)
    foreach ($p in $paths) { [pscustomobject]@{ $Name = $Value; PSPath = $p } }
}

function Set-ItemProperty
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [Parameter(Mandatory, Position = 1)] [string] $Name, [Parameter(Position = 2)] [object] $Value, [string] $Type, [switch] $Force, [switch] $PassThru)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    Set-FakeRegistryValue $PSCmdlet @(@($Path) + @($LiteralPath) | Where-Object { $_ }) $Name $Type $Value
}

function Remove-ItemProperty
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [Parameter(Mandatory, Position = 1)] [string[]] $Name, [switch] $Force)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $_ })
    {
        $values = Get-FakeKeyValues (Resolve-FakeRegistryPath $p)
        foreach ($n in $Name)
        {
            if ($null -eq $values -or -not $values.ContainsKey($n)) { Write-FakeError $PSCmdlet "Property $n does not exist at path $p."; continue }
            $values.Remove($n)
        }
    }
}

# Windows paths joined as text: the real Join-Path on Linux looks for a drive named 'D'.
function Join-Path
{
    [CmdletBinding()]
    param ([Parameter(Position = 0, Mandatory)] [string[]] $Path, [Parameter(Position = 1, Mandatory)] [string] $ChildPath)
    foreach ($p in $Path) { $p.TrimEnd('\', '/') + '\' + $ChildPath.TrimStart('\', '/') }
}

function Get-ItemPropertyValue
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [Parameter(Mandatory, Position = 1)] [string[]] $Name)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($item in Get-ItemProperty -Path $Path -LiteralPath $LiteralPath -Name $Name) { foreach ($n in $Name) { $item.$n } }
}

# File text: Files[<path>].Contents.
function Get-Content
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [switch] $Raw, [string] $Encoding)
    if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }
    foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $_ })
    {
        $entry = Get-FakeFileEntry (Resolve-FakeFilePath $p)
        if ($null -eq $entry -or $entry.Type -ne 'File') { Write-FakeError $PSCmdlet "Cannot find path '$p' because it does not exist." -Target $p; continue }
        if ($Raw) { [string]$entry.Contents } else { ([string]$entry.Contents) -split "`r?`n" }
    }
}

function Set-Content
{
    [CmdletBinding()]
    param ([Parameter(Position = 0)] [string[]] $Path, [string[]] $LiteralPath, [Parameter(Position = 1, ValueFromPipeline)] [object[]] $Value, [string] $Encoding, [switch] $Force, [switch] $NoNewline)
    begin { if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = $PSCmdlet.SessionState.PSVariable.GetValue('ErrorActionPreference') }; $lines = [System.Collections.Generic.List[string]]::new() }
    process { foreach ($v in $Value) { $lines.Add([string]$v) } }
    end
    {
        foreach ($p in @($Path) + @($LiteralPath) | Where-Object { $_ })
        {
            $target = Resolve-FakeFilePath $p
            $parent = Get-ParentPath $target
            if ($null -ne $parent -and $null -eq (Get-FakeFileEntry $parent)) { Write-FakeError $PSCmdlet "Could not find a part of the path '$target'."; continue }
            (Get-FakeSection 'Files')[$target] = @{ Type = 'File'; Contents = ($lines -join "`r`n") + $(if ($NoNewline) { '' } else { "`r`n" }) }
        }
    }
}
