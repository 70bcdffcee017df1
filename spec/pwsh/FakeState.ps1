# The fake host's state: one tree of case-insensitive hashtables (spec/pwsh/STATE.md),
# deep copies, canonical JSON for snapshots, merge patches, and the path helpers the
# shadowed cmdlets share. Dot-sourced by FakeWindows.psm1.

$script:State = $null
$script:Calls = [System.Collections.Generic.List[object]]::new()

# Windows namespaces compare names case-insensitively; JSON objects become such tables.
function ConvertTo-FakeTree
{
    param ($Value)
    if ($Value -is [System.Collections.IDictionary])
    {
        $table = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase)
        foreach ($key in @($Value.Keys)) { $table[[string]$key] = ConvertTo-FakeTree $Value[$key] }
        return $table
    }
    if ($Value -is [System.Collections.IList])
    {
        $list = [System.Collections.Generic.List[object]]::new()
        foreach ($item in $Value) { $list.Add((ConvertTo-FakeTree $item)) }
        return , $list
    }
    return $Value
}

function ConvertFrom-FakeJson
{
    param ([string] $Json)
    return ConvertTo-FakeTree (ConvertFrom-Json -InputObject $Json -AsHashtable -Depth 64)
}

# Sorted keys, fixed number formatting: two equal states give equal text.
# .NET calls only (no cmdlet per value): snapshots are taken many times per script.
function ConvertTo-CanonicalJson
{
    param ($Value)
    $builder = [System.Text.StringBuilder]::new()
    Add-CanonicalJson $builder $Value
    return $builder.ToString()
}

function Add-CanonicalJson
{
    param ([System.Text.StringBuilder] $Builder, $Value)
    if ($null -eq $Value) { $null = $Builder.Append('null') }
    elseif ($Value -is [bool]) { $null = $Builder.Append($(if ($Value) { 'true' } else { 'false' })) }
    elseif ($Value -is [string]) { $null = $Builder.Append([System.Web.HttpUtility]::JavaScriptStringEncode($Value, $true)) }
    elseif ($Value -is [System.Collections.IDictionary])
    {
        $keys = [string[]]@($Value.Keys)
        [System.Array]::Sort($keys, [System.StringComparer]::OrdinalIgnoreCase)
        $null = $Builder.Append('{')
        for ($i = 0; $i -lt $keys.Length; $i++)
        {
            if ($i -gt 0) { $null = $Builder.Append(',') }
            $null = $Builder.Append([System.Web.HttpUtility]::JavaScriptStringEncode($keys[$i], $true)).Append(':')
            Add-CanonicalJson $Builder $Value[$keys[$i]]
        }
        $null = $Builder.Append('}')
    }
    elseif ($Value -is [System.Collections.IEnumerable])
    {
        $null = $Builder.Append('[')
        $first = $true
        foreach ($item in $Value)
        {
            if (-not $first) { $null = $Builder.Append(',') }
            $first = $false
            Add-CanonicalJson $Builder $item
        }
        $null = $Builder.Append(']')
    }
    elseif ($Value -is [System.IFormattable]) { $null = $Builder.Append($Value.ToString($null, [System.Globalization.CultureInfo]::InvariantCulture)) }
    else { $null = $Builder.Append([System.Web.HttpUtility]::JavaScriptStringEncode([string]$Value, $true)) }
}

function Copy-FakeTree
{
    param ($Value)
    return ConvertFrom-FakeJson (ConvertTo-CanonicalJson $Value)
}

# RFC 7396-style merge: a $null value removes the key.
function Merge-FakeTree
{
    param ([hashtable] $Target, $Patch)
    foreach ($key in @($Patch.Keys))
    {
        $value = $Patch[$key]
        if ($null -eq $value) { $Target.Remove($key); continue }
        if ($value -is [System.Collections.IDictionary] -and $Target[$key] -is [System.Collections.IDictionary])
        {
            Merge-FakeTree -Target $Target[$key] -Patch $value
        }
        else
        {
            $Target[$key] = Copy-FakeTree $value
        }
    }
}

function Get-FakeSection
{
    param ([string] $Name)
    if ($null -eq $script:State) { throw 'FakeWindows: Initialize-FakeWindows was not called' }
    if (-not $script:State.ContainsKey($Name))
    {
        $script:State[$Name] = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase)
    }
    return $script:State[$Name]
}

function Add-FakeCall
{
    param ([string] $Command, $Arguments)
    $script:Calls.Add([ordered]@{ Command = $Command; Arguments = $Arguments })
}

# Module functions do not see their caller's preference variables; real cmdlets do.
# Every fake cmdlet therefore starts with
#     if (-not $PSBoundParameters.ContainsKey('ErrorAction')) { $ErrorActionPreference = <the caller's> }
# so that 'Stop' in the LCM's script host turns a fake cmdlet's error into an
# exception, as it does for the real one.

function Write-FakeError
{
    param ($Cmdlet, [string] $Message, [string] $Id = 'ItemNotFound', $Category = 'ObjectNotFound', $Target = $null)
    $record = [System.Management.Automation.ErrorRecord]::new(
        [System.Management.Automation.ItemNotFoundException]::new($Message), $Id, $Category, $Target)
    $Cmdlet.WriteError($record)
}

$script:Hives = [ordered]@{
    'HKLM' = 'HKEY_LOCAL_MACHINE'; 'HKEY_LOCAL_MACHINE' = 'HKEY_LOCAL_MACHINE'
    'HKCU' = 'HKEY_CURRENT_USER'; 'HKEY_CURRENT_USER' = 'HKEY_CURRENT_USER'
    'HKU' = 'HKEY_USERS'; 'HKEY_USERS' = 'HKEY_USERS'
    'HKCR' = 'HKEY_CLASSES_ROOT'; 'HKEY_CLASSES_ROOT' = 'HKEY_CLASSES_ROOT'
    'HKCC' = 'HKEY_CURRENT_CONFIG'; 'HKEY_CURRENT_CONFIG' = 'HKEY_CURRENT_CONFIG'
}

# 'HKLM:\X', 'Registry::HKEY_LOCAL_MACHINE\X', 'Microsoft.PowerShell.Core\Registry::HKLM\X'
# -> 'HKEY_LOCAL_MACHINE\X'; anything else -> $null (a file system path).
function Resolve-FakeRegistryPath
{
    param ([string] $Path)
    $p = $Path -replace '^Microsoft\.PowerShell\.Core\\', ''
    $provider = $p -match '^Registry::'
    $p = $p -replace '^Registry::', ''
    if ($p -match '^(?<hive>[A-Za-z_]+):?(\\(?<rest>.*))?$' -and $script:Hives.Contains($Matches.hive.ToUpperInvariant()))
    {
        $hive = $script:Hives[$Matches.hive.ToUpperInvariant()]
        $rest = ([string]$Matches.rest).Trim('\') -replace '\\+', '\'
        if (-not $provider -and $p -notmatch '^[A-Za-z]+:') { return $null }
        return $(if ($rest) { "$hive\$rest" } else { $hive })
    }
    return $null
}

function Resolve-FakeFilePath
{
    param ([string] $Path)
    $p = $Path -replace '^Microsoft\.PowerShell\.Core\\FileSystem::', '' -replace '^FileSystem::', '' -replace '/', '\'
    if ($p.StartsWith('\\')) { return '\\' + ($p.Substring(2).TrimEnd('\') -replace '\\+', '\') }
    $p = $p -replace '\\+', '\'
    if ($p -match '^[A-Za-z]:\\?$') { return $p.Substring(0, 2).ToUpperInvariant() + '\' }
    return $p.TrimEnd('\')
}

function Get-ParentPath
{
    param ([string] $Path)
    $i = $Path.LastIndexOf('\')
    if ($i -le 0) { return $null }
    $parent = $Path.Substring(0, $i)
    if ($parent -match '^[A-Za-z]:$') { return $parent + '\' }
    if ($parent -eq '\') { return $null }
    return $parent
}
