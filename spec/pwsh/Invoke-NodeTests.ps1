<#
    .SYNOPSIS
        Runs generated <NODE>.Tests.ps1 files with Pester against the fake Windows host
        and writes every test's result as JSON.

    .DESCRIPTION
        Input (JSON, -InputPath): { "fake": <path of FakeWindows.psm1>, "runs": [ { id,
        tests: <the .Tests.ps1 text>, fresh: <state>, installers: { <path>: { ExitCode, Effect } },
        converge: <bool>, tag: [..], excludeTag: [..] (Pester filters by Context tag),
        steps: [ { id, patch } | { id, script } ] } ] }.

        A run with steps first converges its fresh state: a patch (what the converge
        model says a DSC resource leaves, or what a manual step does) is merged in, a
        script (a Script resource's SetScript) is run the way xScript runs it. The
        Tests file then runs on the resulting state; a run that does not converge runs
        on `fresh` as it is.

        Each Tests file gets a file-level BeforeAll that imports the fake host into the
        test scope only (-Scope Local): Pester's own Test-Path, Join-Path, … stay real.
        [System.Reflection.Assembly]::Load, a static call no function can shadow, is
        rewritten to the fake's Invoke-FakeAssemblyLoad, as Invoke-ScriptCases.ps1 does.
        The files run in one Invoke-Pester call per filter (tags), so two or three in all.
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
$fake = $inputData.fake
$work = Split-Path -Path $InputPath -Parent

. (Join-Path -Path $PSScriptRoot -ChildPath 'ScriptRewrite.ps1')

function Resolve-AssemblyLoad
{
    param ([string] $Text)
    $tokens = $null; $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$tokens, [ref]$errors)
    if ($errors.Count -gt 0) { throw "parse error: $($errors[0].Message)" }
    return Invoke-TextEdit -Text $Text -Edits @(Get-AssemblyLoadEdit $ast)
}

# Converges a fresh state by the run's steps; returns the state's JSON and what went wrong.
function Invoke-Converge
{
    param ($Run)
    $problems = [System.Collections.Generic.List[string]]::new()
    Import-Module -Name $fake -Scope Local
    Initialize-FakeWindows -State (ConvertTo-Json -InputObject $Run.fresh -Depth 64 -Compress) -Installers $Run.installers
    foreach ($step in $Run.steps)
    {
        if ($step.ContainsKey('patch')) { Update-FakeWindows $step.patch; continue }
        try
        {
            $block = [System.Management.Automation.ScriptBlock]::Create((Resolve-AssemblyLoad $step.script))
            & {
                $ErrorActionPreference = 'Stop'
                $global:DSCMachineStatus = 0
                $null = & $block
            }
        }
        catch { $problems.Add("$($step.id): SetScript failed: $($_.Exception.Message)") }
    }
    return @{ State = (Get-FakeWindowsSnapshot); Problems = @($problems) }
}

$files = @{}
$output = [ordered]@{}
foreach ($run in $inputData.runs)
{
    $state = if ($run.converge) { Invoke-Converge $run } else { @{ State = (ConvertTo-Json -InputObject $run.fresh -Depth 64 -Compress); Problems = @() } }
    $name = 'run{0}' -f $files.Count
    $statePath = Join-Path -Path $work -ChildPath "$name.json"
    [System.IO.File]::WriteAllText($statePath, $state.State)
    $prelude = @(
        'BeforeAll {',
        "    `$xprcState = [System.IO.File]::ReadAllText('$($statePath.Replace("'", "''"))')",
        "    Import-Module -Name '$($fake.Replace("'", "''"))' -Scope Local",
        '    Initialize-FakeWindows -State $xprcState',
        "    `$env:TEMP = 'C:\Windows\Temp'",
        '}',
        ''
    ) -join "`r`n"
    $text = Resolve-AssemblyLoad $run.tests
    $at = $text.IndexOf("`nDescribe ") + 1
    $path = Join-Path -Path $work -ChildPath "$name.Tests.ps1"
    [System.IO.File]::WriteAllText($path, $text.Substring(0, $at) + $prelude + $text.Substring($at), [System.Text.UTF8Encoding]::new($true))
    $files[$path] = $run.id
    $output[$run.id] = [ordered]@{ converge = $state.Problems; tests = [System.Collections.Generic.List[object]]::new() }
}

$filterOf = @{}
foreach ($run in $inputData.runs) { $filterOf[$run.id] = @{ Tag = [string[]]@($run.tag); ExcludeTag = [string[]]@($run.excludeTag) } }
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$groups = $files.Keys | Group-Object -Property { $f = $filterOf[$files[$_]]; ($f.Tag -join ',') + '|' + ($f.ExcludeTag -join ',') }
$results = foreach ($group in ($groups | Sort-Object -Property Name))
{
    $filter = $filterOf[$files[$group.Group[0]]]
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = [string[]]@($group.Group | Sort-Object)
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'None'
    if ($filter.Tag.Count -gt 0) { $configuration.Filter.Tag = $filter.Tag }
    if ($filter.ExcludeTag.Count -gt 0) { $configuration.Filter.ExcludeTag = $filter.ExcludeTag }
    Invoke-Pester -Configuration $configuration
}
$pesterMs = $watch.ElapsedMilliseconds

foreach ($container in $results.Containers)
{
    $id = $files[[string]$container.Item]
    if ($container.Result -notin 'Passed', 'Failed', 'NotRun') { $output[$id].tests.Add([ordered]@{ name = '(file)'; result = [string]$container.Result; message = "$($container.ErrorRecord | Select-Object -First 1)" }) }
}
foreach ($test in $results.Tests)
{
    $id = $files[[string]$test.Block.BlockContainer.Item]
    $message = ($test.ErrorRecord | Select-Object -First 1 | ForEach-Object { $_.Exception.Message }) -join ''
    # Pester expands (unescapes) the name of a test it runs only; a filtered one keeps the escapes.
    $name = if ($test.Result -eq 'NotRun') { $test.Name -replace '`(.)', '$1' } else { $test.ExpandedName }
    $output[$id].tests.Add([ordered]@{ name = $name; context = $test.Block.Name; result = [string]$test.Result; message = [string]$message })
}

$json = [ordered]@{ pesterMs = $pesterMs; runs = $output } | ConvertTo-Json -Depth 8
[System.IO.File]::WriteAllText($OutputPath, $json)
