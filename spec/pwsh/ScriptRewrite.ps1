<#
    .SYNOPSIS
        Rewrites of generated script text that the fake host needs, by AST extent,
        shared by Invoke-ScriptCases.ps1 (Script resources) and Invoke-NodeTests.ps1
        (verification tests). Dot-source it.
#>

# [System.Reflection.Assembly]::Load is a static call no function can shadow: it becomes the fake's
# Invoke-FakeAssemblyLoad with the same arguments.
function Get-AssemblyLoadEdit
{
    param ([System.Management.Automation.Language.Ast] $Ast)
    foreach ($call in $Ast.FindAll({ param ($n) $n -is [System.Management.Automation.Language.InvokeMemberExpressionAst] -and $n.Static -and $n.Expression -is [System.Management.Automation.Language.TypeExpressionAst] -and $n.Expression.TypeName.FullName -match '^(System\.)?Reflection\.Assembly$' -and $n.Member.Value -eq 'Load' }, $true))
    {
        $arguments = ($call.Arguments | ForEach-Object { $_.Extent.Text }) -join ', '
        @{ Start = $call.Extent.StartOffset; End = $call.Extent.EndOffset; Text = "(Invoke-FakeAssemblyLoad $arguments)" }
    }
}

# Applies edits (@{ Start; End; Text }) from the end of the text backwards, so offsets stay valid.
function Invoke-TextEdit
{
    param ([string] $Text, $Edits)
    foreach ($edit in (@($Edits) | Where-Object -FilterScript { $null -ne $_ } | Sort-Object -Property { $_.Start } -Descending))
    {
        $Text = $Text.Substring(0, $edit.Start) + $edit.Text + $Text.Substring($edit.End)
    }
    return $Text
}
