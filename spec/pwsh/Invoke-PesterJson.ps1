<#
    .SYNOPSIS
        Runs Pester 5.7.1 test files in this one process and writes every test's outcome as JSON.

    .DESCRIPTION
        Input (JSON, -InputPath): { "paths": [ "<file>.Tests.ps1", ... ], "data": { ... } }; `data`
        reaches the files as Pester container data (param ($Data)). Output: { "tests": [ { path,
        name, result, error } ] }, result Passed, Failed, Skipped or NotRun.
#>
[CmdletBinding()]
param
(
    [Parameter(Mandatory = $true)] [string] $InputPath,
    [Parameter(Mandatory = $true)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
$inputData = Get-Content -LiteralPath $InputPath -Raw | ConvertFrom-Json -AsHashtable -Depth 64
Import-Module -Name Pester -RequiredVersion 5.7.1
$containers = foreach ($path in $inputData.paths) { New-PesterContainer -Path $path -Data @{ Data = $inputData.data } }
$configuration = New-PesterConfiguration
$configuration.Run.Container = @($containers)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'None'
$result = Invoke-Pester -Configuration $configuration
$tests = foreach ($test in $result.Tests)
{
    [ordered]@{
        path   = $test.ScriptBlock.File
        name   = $test.ExpandedPath
        result = [string]$test.Result
        error  = (@($test.ErrorRecord | ForEach-Object { $_.Exception.Message }) -join "`n")
    }
}
# .NET, not Set-Content: the fake host shadows the file cmdlets.
[System.IO.File]::WriteAllText($OutputPath, (ConvertTo-Json -InputObject ([ordered]@{ tests = @($tests) }) -Depth 6))
