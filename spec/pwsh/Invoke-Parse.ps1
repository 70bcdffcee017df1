<#
    .SYNOPSIS
        Parses PowerShell with the real parser ([System.Management.Automation.Language.Parser])
        and reports parse errors, Windows PowerShell 5.1 incompatibilities (Compat51.psm1) and,
        for .psd1 files, what Import-PowerShellDataFile reads. Output is JSON, per item id.

    .DESCRIPTION
        Input (JSON, -InputPath): { "items": [ { id, kind, path | text } ] }, kind one of
        'script' (a .ps1 or a script block's text), 'data' (a .psd1) or 'configuration' (a
        DSC configuration .ps1).

        On Linux without the PSDesiredStateConfiguration module the parser cannot read a
        `Configuration` block: the keyword makes it load the DSC resource schemas from
        /etc/opt/omi/conf/dsc/configuration (PowerShell DSC for Linux), which does not exist,
        and the rest of the block becomes follow-on errors. A configuration is therefore
        parsed twice: as written (what happened is reported as `asWritten`), and with the
        keyword replaced by `function` padded to the same length, so positions stay. Then
        Node and resource blocks are commands with a script block argument, properties
        commands with arguments: brace, string, here-string and script block structure
        and every script block property are read by the real parser; resource and
        property names are not (the DSC catalog check covers those).
#>
[CmdletBinding()]
param
(
    [Parameter(Mandatory = $true)] [string] $InputPath,
    [Parameter(Mandatory = $true)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'Compat51.psm1') -Force
$inputData = Get-Content -LiteralPath $InputPath -Raw | ConvertFrom-Json -AsHashtable -Depth 16

function Get-ParseResult
{
    param ([string] $Text)
    $tokens = $null; $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$tokens, [ref]$errors)
    return @{ Ast = $ast; Tokens = $tokens; Errors = @($errors | ForEach-Object { [ordered]@{ line = $_.Extent.StartLineNumber; column = $_.Extent.StartColumnNumber; id = $_.ErrorId; message = ($_.Message -split "`n")[0] } }) }
}

function Read-ScriptText
{
    param ($Item)
    if ($Item.ContainsKey('path'))
    {
        # As ParseFile reads it: UTF-8, with or without a BOM.
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Item.path, [ref]$tokens, [ref]$errors)
        return $ast.Extent.Text
    }
    return [string]$Item.text
}

$results = [ordered]@{}
foreach ($item in $inputData.items)
{
    $text = Read-ScriptText $item
    $result = [ordered]@{}
    if ($item.kind -eq 'configuration')
    {
        $asWritten = Get-ParseResult $text
        $result.asWritten = [ordered]@{ errors = $asWritten.Errors.Count; first = $(if ($asWritten.Errors.Count) { $asWritten.Errors[0].message } else { '' }) }
        # Every Configuration keyword: a node with an interactive installer has two (<NODE>_Prepare, <NODE>_Operate).
        # 'function' padded to the keyword's length keeps every offset, so the order of the rewrites does not matter.
        $keywords = @($asWritten.Tokens | Where-Object { $_.Kind -eq 'Configuration' })
        foreach ($keyword in $keywords)
        {
            $start = $keyword.Extent.StartOffset
            $text = $text.Substring(0, $start) + 'function'.PadRight($keyword.Extent.Text.Length) + $text.Substring($keyword.Extent.EndOffset)
        }
        $result.rewritten = $keywords.Count -gt 0
    }
    $parsed = Get-ParseResult $text
    $result.errors = @($parsed.Errors)
    $result.compat = @(Find-Ps7Construct -Ast $parsed.Ast -Tokens $parsed.Tokens | ForEach-Object { [ordered]@{ construct = $_.Construct; line = $_.Line; text = $_.Text } })
    if ($item.kind -eq 'data')
    {
        $data = Import-PowerShellDataFile -LiteralPath $item.path
        $result.data = $data
    }
    $results[$item.id] = $result
}
# .NET, not Set-Content: the fake host shadows the file cmdlets.
[System.IO.File]::WriteAllText($OutputPath, (ConvertTo-Json -InputObject $results -Depth 12))
