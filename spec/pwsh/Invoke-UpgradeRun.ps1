<#
    .SYNOPSIS
        Runs an XPR upgrade's Script resources, configuration by configuration in
        PLAN.md's order, against the fake host the way the LCM applies them, with an
        interruption, and writes what ran as JSON (spec/pwsh/upgrade-resume.spec.ts).

    .DESCRIPTION
        Input (JSON, -InputPath): { "runs": [ { id, fresh, installers, interruptAfter:
        <index or -1>, crashOnce: <program path or ''>, resources: [ { id, configuration,
        testScript, setScript, credential, gate, manualStep } ] } ] }, the resources in
        the order the LCM reaches them.

        A resource is applied as xScript does: Test, and Set only when Test is $false.
        A gate whose Test is $false is where the engineer does the runbook step: its
        manual-step patch is merged in and Test must then be $true. A Set that throws
        ends the pass (the LCM stops the configuration; the engineer applies it again).

        Pass 1 stops after resource number interruptAfter (the computer was restarted,
        the session lost). Pass 2 applies every configuration again from the first:
        the engineer resumes the plan. Pass 3 applies everything once more after the
        upgrade finished. crashOnce: the first start of that program does nothing
        (setup interrupted before it changed anything), later starts do what the
        fixture says.

        Output per run: the Sets that ran per resource and pass, the programs started
        per pass, the final Test of every resource, errors.
#>
[CmdletBinding()]
param
(
    [Parameter(Mandatory = $true)] [string] $InputPath,
    [Parameter(Mandatory = $true)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
$inputData = Get-Content -LiteralPath $InputPath -Raw | ConvertFrom-Json -AsHashtable -Depth 64
Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'FakeWindows.psm1') -Global -Force

# The xScript module's session, as in Invoke-ScriptCases.ps1.
$lcm = New-Module -Name UpgradeLcmHost -ScriptBlock {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version 'Latest'
    function Invoke-LcmScript
    {
        param ([string] $Text, [bool] $Remote)
        $block = [System.Management.Automation.ScriptBlock]::Create($Text)
        try
        {
            if ($Remote) { $result = & { Set-StrictMode -Off; $ErrorActionPreference = 'Continue'; & $block } }
            else { $result = & $block }
            return @{ Ok = $true; Value = $result }
        }
        catch { return @{ Ok = $false; Value = $_.Exception.Message } }
    }
    Export-ModuleMember -Function Invoke-LcmScript
}

function Invoke-Test
{
    param ($Resource)
    $r = Invoke-LcmScript -Text $Resource.testScript -Remote ([bool]$Resource.credential)
    $value = $r.Value
    if ($value -is [object[]] -and $value.Count -gt 0) { $value = $value[-1] }
    return ($r.Ok -and $value -is [bool] -and $value)
}

function Get-Started
{
    # Get-FakeWindowsCall returns the array as one object; assigned, it is the array again.
    $calls = Get-FakeWindowsCall
    @($calls | Where-Object { $_.Command -eq 'Start-Process' } | ForEach-Object { [string]$_.Arguments.FilePath })
}

function Invoke-Pass
{
    param ($Run, [int] $StopAfter, $Record)
    $index = 0
    foreach ($resource in $Run.resources)
    {
        if (-not (Invoke-Test $resource))
        {
            if ($resource.gate)
            {
                Update-FakeWindows $resource.manualStep
                if (-not (Invoke-Test $resource)) { $Record.errors.Add("$($resource.id): Test still `$false after the runbook step"); return $false }
            }
            else
            {
                $Record.sets[$resource.id] = 1 + [int]$Record.sets[$resource.id]
                $set = Invoke-LcmScript -Text $resource.setScript -Remote ([bool]$resource.credential)
                if (-not $set.Ok) { $Record.failures.Add("$($resource.id): $($set.Value)"); return $false }
                if (-not (Invoke-Test $resource)) { $Record.errors.Add("$($resource.id): Test `$false after Set"); return $false }
            }
        }
        if ($index -eq $StopAfter) { return $false }
        $index++
    }
    return $true
}

$results = [ordered]@{}
foreach ($run in $inputData.runs)
{
    $installers = $run.installers
    $crash = [string]$run.crashOnce
    $first = if ($crash) { $copy = @{}; foreach ($k in $installers.Keys) { $copy[$k] = $installers[$k] }; $copy[$crash] = @{ ExitCode = 1; Effect = @{} }; $copy } else { $installers }
    Initialize-FakeWindows -State $run.fresh -Installers $first
    $passes = [System.Collections.Generic.List[object]]::new()
    foreach ($pass in 1, 2, 3)
    {
        $record = @{ sets = [ordered]@{}; failures = [System.Collections.Generic.List[string]]::new(); errors = [System.Collections.Generic.List[string]]::new() }
        $completed = Invoke-Pass $run $(if ($pass -eq 1) { [int]$run.interruptAfter } else { -1 }) $record
        $now = @(Get-Started)
        $passes.Add([ordered]@{
                pass      = $pass
                completed = $completed
                sets      = $record.sets
                failures  = @($record.failures)
                errors    = @($record.errors)
                started   = $now
            })
        # The next pass starts with the calls cleared and the crashed program working again.
        Initialize-FakeWindows -State (Get-FakeWindowsSnapshot) -Installers $installers
    }
    $final = [ordered]@{}
    foreach ($resource in $run.resources) { $final[$resource.id] = Invoke-Test $resource }
    $results[$run.id] = [ordered]@{ passes = @($passes); final = $final }
}
[System.IO.File]::WriteAllText($OutputPath, (ConvertTo-Json -InputObject $results -Depth 10))
