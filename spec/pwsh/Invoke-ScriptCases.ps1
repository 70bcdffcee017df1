<#
    .SYNOPSIS
        Runs the Get/Test/Set blocks of Script resources against the fake host the way
        the LCM's xScript (xPSDesiredStateConfiguration 9.2.1, DSC_xScriptResource) does,
        and writes what happened per resource as JSON.

    .DESCRIPTION
        Input (JSON, -InputPath): { "cases": [ { id, getScript, testScript, setScript,
        credential, gate: { step, title } | null, fresh: <state>, installers: { <path>:
        { ExitCode, Effect } }, manualStep: <state patch> | null, using: { <name>: value } } ] }.

        xScript creates each block with [ScriptBlock]::Create and runs it with `& $block`
        inside its module, where $ErrorActionPreference is 'Stop' and Set-StrictMode is
        'Latest'; with a Credential it runs it through Invoke-Command -ComputerName .,
        a new session with the defaults. Test's last output must be a [bool]; Get's
        output must convert to a hashtable. `$using:x` is resolved at MOF compile time:
        here from the case's `using` values. $global:DSCMachineStatus = 1 after Set
        becomes Reboot.Requested in the state.

        Sequence, ordinary Script: fresh Get and Test ($false), Set, Test ($true), Set
        again (snapshot unchanged), Get (Result), then drift: every fact Set changed is
        put back to its fresh value, one at a time (recorded: does Test notice it?) and
        all at once (Test must be $false again).
        Gate: fresh Test ($false), Set throws 'xprc gate: …' naming the runbook step and
        changes nothing; then the manual step's fixture is applied and Test is $true.
#>
[CmdletBinding()]
param
(
    [Parameter(Mandatory = $true)] [string] $InputPath,
    [Parameter(Mandatory = $true)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
$GatePrefix = 'xprc gate: '
$inputData = Get-Content -LiteralPath $InputPath -Raw | ConvertFrom-Json -AsHashtable -Depth 64
Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'FakeWindows.psm1') -Global -Force
. (Join-Path -Path $PSScriptRoot -ChildPath 'ScriptRewrite.ps1')

# The xScript module's session: Stop and strict mode, as DSC_xScriptResource.psm1 sets them.
$lcm = New-Module -Name LcmScriptHost -ScriptBlock {
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
        }
        catch { $result = $_ }
        return @{ Value = $result }
    }
    Export-ModuleMember -Function Invoke-LcmScript
}

function ConvertTo-PsLiteral
{
    param ($Value)
    if ($null -eq $Value) { return '$null' }
    if ($Value -is [bool]) { return $(if ($Value) { '$true' } else { '$false' }) }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [double]) { return [string]$Value }
    return "'" + ([string]$Value).Replace("'", "''") + "'"
}

# Commands that touch nothing outside the PowerShell session: they may run for real.
$PureCommands = @(
    'ForEach-Object', 'Where-Object', 'Select-Object', 'Sort-Object', 'Measure-Object', 'Group-Object', 'Compare-Object',
    'Out-Null', 'Out-String', 'Write-Verbose', 'Write-Debug', 'Write-Warning', 'Write-Output', 'Write-Error', 'Write-Information',
    'ConvertTo-Json', 'ConvertFrom-Json', 'ConvertFrom-StringData', 'Format-List', 'Format-Table', 'Split-Path', 'Get-Variable',
    'New-TimeSpan', 'Get-Random', 'Select-String', 'Get-Member', 'Add-Member', 'New-Guid', 'Start-Sleep', 'Get-Date'
)

# A command neither shadowed by FakeWindows nor pure would run against this Linux machine:
# the case fails naming it, so a new cmdlet in a generated script gets a fake first.
function Get-UnmodelledCommand
{
    param ($Ast)
    foreach ($command in $Ast.FindAll({ param ($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true))
    {
        $name = $command.GetCommandName()
        if (-not $name -or $PureCommands -contains $name) { continue }
        $resolved = Get-Command -Name $name -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($null -eq $resolved -or $resolved.ModuleName -ne 'FakeWindows') { $name }
    }
}

# What the fake host cannot shadow is rewritten, by AST extent: $using:x (resolved
# when the MOF is compiled) and [System.Reflection.Assembly]::Load (a static call).
function Resolve-ScriptText
{
    param ([string] $Text, $Using)
    $tokens = $null; $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$tokens, [ref]$errors)
    if ($errors.Count -gt 0) { throw "parse error: $($errors[0].Message)" }
    $unmodelled = @(Get-UnmodelledCommand $ast | Sort-Object -Unique)
    if ($unmodelled.Count -gt 0) { throw "not modelled by the fake host (add to spec/pwsh/FakeWindows.psm1): $($unmodelled -join ', ')" }
    $edits = [System.Collections.Generic.List[object]]::new()
    $prelude = [System.Collections.Generic.List[string]]::new()
    foreach ($u in $ast.FindAll({ param ($n) $n -is [System.Management.Automation.Language.UsingExpressionAst] }, $true))
    {
        $name = $u.SubExpression.VariablePath.UserPath
        if ($null -eq $Using -or -not $Using.ContainsKey($name)) { throw "unresolved `$using:$name" }
        $edits.Add(@{ Start = $u.Extent.StartOffset; End = $u.Extent.EndOffset; Text = "`$$name" })
        $prelude.Add("`$$name = $(ConvertTo-PsLiteral $Using[$name])")
    }
    foreach ($edit in Get-AssemblyLoadEdit $ast) { $edits.Add($edit) }
    $Text = Invoke-TextEdit -Text $Text -Edits $edits
    return (@($prelude) + $Text) -join "`n"
}

function Format-Outcome
{
    param ($Value)
    if ($Value -is [System.Management.Automation.ErrorRecord]) { return "error: $($Value.Exception.Message)" }
    if ($null -eq $Value) { return '$null' }
    return "$($Value.GetType().Name) $(ConvertTo-CanonicalJson $Value)"
}

function Invoke-Block
{
    param ($Case, [string] $Which)
    if ($Which -eq 'Set') { $global:DSCMachineStatus = 0 }
    $value = (Invoke-LcmScript -Text $Case.resolved[$Which] -Remote ([bool]$Case.credential)).Value
    if ($Which -eq 'Set' -and $global:DSCMachineStatus -eq 1) { Update-FakeWindows @{ Reboot = @{ Requested = $true } } }
    return , $value
}

# xScript's Test-TargetResource: the last object, which must be a [bool].
function Invoke-Test
{
    param ($Case)
    $value = Invoke-Block $Case 'Test'
    if ($value -is [object[]] -and $value.Count -gt 0) { $value = $value[-1] }
    if ($value -is [bool]) { return @{ Ok = $true; Value = $value; Detail = "$value" } }
    return @{ Ok = $false; Value = $null; Detail = "TestScript did not return a boolean: $(Format-Outcome $value)" }
}

# Facts: leaves of the state tree (a registry value, a service property, a file entry).
function Get-ChangedFact
{
    param ($Before, $After, [string[]] $Path = @())
    $keys = @(@($Before.Keys) + @($After.Keys) | Sort-Object -Unique)
    foreach ($k in $keys)
    {
        if ($Path.Count -eq 0 -and $k -eq 'Reboot') { continue }
        $b = if ($Before.ContainsKey($k)) { $Before[$k] } else { $null }
        $a = if ($After.ContainsKey($k)) { $After[$k] } else { $null }
        $isLeaf = -not ($b -is [System.Collections.IDictionary] -and $a -is [System.Collections.IDictionary]) -or ($a.ContainsKey('Kind') -and $a.ContainsKey('Data'))
        if ($isLeaf) { if ((ConvertTo-CanonicalJson $b) -ne (ConvertTo-CanonicalJson $a)) { , (@($Path) + $k) } }
        else { Get-ChangedFact $b $a (@($Path) + $k) }
    }
}

function Copy-FakeValue
{
    param ($Value)
    # ConvertFrom-FakeJson returns what the pipeline unrolled: a one-element array comes back as its element.
    if ($Value -is [System.Collections.IDictionary]) { return ConvertFrom-FakeJson (ConvertTo-CanonicalJson $Value) }
    if ($Value -is [System.Collections.IList]) { return , @(ConvertFrom-FakeJson (ConvertTo-CanonicalJson $Value)) }
    return $Value
}

function Set-Fact
{
    param ($Tree, [string[]] $Path, $Source)
    $t = $Tree; $s = $Source
    for ($i = 0; $i -lt $Path.Count - 1; $i++)
    {
        if (-not $t.ContainsKey($Path[$i])) { $t[$Path[$i]] = [hashtable]::new([System.StringComparer]::OrdinalIgnoreCase) }
        $t = $t[$Path[$i]]
        $s = if ($null -ne $s -and $s.ContainsKey($Path[$i])) { $s[$Path[$i]] } else { $null }
    }
    $leaf = $Path[-1]
    if ($null -ne $s -and $s.ContainsKey($leaf)) { $t[$leaf] = Copy-FakeValue $s[$leaf] } else { $t.Remove($leaf) }
}

function Invoke-Case
{
    param ($Case)
    $steps = [System.Collections.Generic.List[object]]::new()
    $step = { param ($Name, $Ok, $Detail) $steps.Add([ordered]@{ step = $Name; ok = [bool]$Ok; detail = [string]$Detail }) }
    $getOk = { param ($v) $h = $v -as [hashtable]; ($null -ne $h) -and $h.ContainsKey('Result') }
    try
    {
        $Case.resolved = @{}
        foreach ($which in 'Get', 'Test', 'Set') { $Case.resolved[$which] = Resolve-ScriptText $Case["$($which.ToLower())Script"] $Case.using }
    }
    catch { & $step 'prepare' $false $_.Exception.Message; return $steps }

    Initialize-FakeWindows -State $Case.fresh -Installers $Case.installers
    $fresh = Get-FakeWindowsSnapshot
    $get = Invoke-Block $Case 'Get'
    & $step 'fresh Get returns @{ Result = … }' (& $getOk $get) (Format-Outcome $get)
    $test = Invoke-Test $Case
    & $step 'fresh Test is $false' ($test.Ok -and -not $test.Value) $test.Detail

    if ($Case.gate)
    {
        $set = Invoke-Block $Case 'Set'
        $message = if ($set -is [System.Management.Automation.ErrorRecord]) { $set.Exception.Message } else { '' }
        $names = $message.StartsWith($GatePrefix) -and $message.Contains("`"$($Case.gate.title)`"")
        & $step "gate Set fails with '$GatePrefix…' naming the step" $names (Format-Outcome $set)
        & $step 'gate Set changes nothing' ((Get-FakeWindowsSnapshot) -eq $fresh) ''
        if ($null -eq $Case.manualStep) { & $step 'manual step fixture' $false "no fixture for the runbook step '$($Case.gate.step)' (spec/pwsh/hosts/)"; return $steps }
        Update-FakeWindows $Case.manualStep
        $test = Invoke-Test $Case
        & $step 'after the manual step, Test is $true' ($test.Ok -and $test.Value) $test.Detail
        $get = Invoke-Block $Case 'Get'
        & $step 'Get returns @{ Result = … }' (& $getOk $get) (Format-Outcome $get)
        return $steps
    }

    $set = Invoke-Block $Case 'Set'
    & $step 'Set runs without error' (-not ($set -is [System.Management.Automation.ErrorRecord])) (Format-Outcome $set)
    $test = Invoke-Test $Case
    & $step 'Test after Set is $true' ($test.Ok -and $test.Value) $test.Detail
    $converged = Get-FakeWindowsSnapshot
    $Case.rebootRequested = [bool](Get-FakeWindowsState).Reboot.Requested
    $set = Invoke-Block $Case 'Set'
    $again = Get-FakeWindowsSnapshot
    $changed = if ($again -ne $converged) { @(Get-ChangedFact (ConvertFrom-FakeJson $converged) (ConvertFrom-FakeJson $again) | ForEach-Object { $_ -join ' > ' }) } else { @() }
    & $step 'Set again changes nothing' ((-not ($set -is [System.Management.Automation.ErrorRecord])) -and $again -eq $converged) "$(Format-Outcome $set); changed: $($changed -join '; ')"
    $get = Invoke-Block $Case 'Get'
    & $step 'Get returns @{ Result = … }' (& $getOk $get) (Format-Outcome $get)

    $freshTree = ConvertFrom-FakeJson $fresh
    $facts = @(Get-ChangedFact $freshTree (ConvertFrom-FakeJson $converged))
    $noticed = [System.Collections.Generic.List[string]]::new(); $unnoticed = [System.Collections.Generic.List[string]]::new()
    foreach ($fact in $facts)
    {
        $drifted = ConvertFrom-FakeJson $converged
        Set-Fact $drifted $fact $freshTree
        Set-FakeWindowsState $drifted
        $t = Invoke-Test $Case
        if ($t.Ok -and -not $t.Value) { $noticed.Add($fact -join ' > ') } else { $unnoticed.Add($fact -join ' > ') }
    }
    $drifted = ConvertFrom-FakeJson $converged
    foreach ($fact in $facts) { Set-Fact $drifted $fact $freshTree }
    Set-FakeWindowsState $drifted
    $test = Invoke-Test $Case
    & $step 'Set changed at least one fact' ($facts.Count -gt 0) ''
    & $step 'drift (facts Set changed put back) makes Test $false' ($test.Ok -and -not $test.Value) "$($test.Detail); noticed alone: $($noticed -join '; '); not noticed alone: $($unnoticed -join '; ')"
    & $step 'Test notices at least one changed fact alone' ($noticed.Count -gt 0) "not noticed alone: $($unnoticed -join '; ')"
    return $steps
}

$results = [ordered]@{}
foreach ($case in $inputData.cases)
{
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $steps = Invoke-Case $case
    $results[$case.id] = [ordered]@{
        ms    = $watch.ElapsedMilliseconds
        kind  = $(if ($case.gate) { 'gate' } else { 'script' })
        # $global:DSCMachineStatus = 1 after the first Set (Reboot.Requested).
        rebootRequested = [bool]$case['rebootRequested']
        ok    = -not ($steps | Where-Object { -not $_.ok })
        steps = @($steps)
        calls = @(Get-FakeWindowsCall | ForEach-Object { ConvertTo-CanonicalJson $_ })
    }
}
# .NET, not Set-Content: the fake host shadows the file cmdlets.
[System.IO.File]::WriteAllText($OutputPath, (ConvertTo-Json -InputObject $results -Depth 10))
