<#
    Windows PowerShell 5.1 compatibility of generated PowerShell, read from the
    real parser's AST and tokens (PowerShell 7 parses every construct below; 5.1
    rejects or misreads them). Find-Ps7Construct returns one finding per use:
    @{ Construct; Line; Text }. The table-driven negative controls in
    spec/pwsh/parse.spec.ts prove each rule fires.
#>

$script:Aliases = @{
    '%' = 'ForEach-Object'; 'foreach' = 'ForEach-Object'; 'sort' = 'Sort-Object'; 'select' = 'Select-Object'
    'gc' = 'Get-Content'; 'cat' = 'Get-Content'; 'sc' = 'Set-Content'; 'ac' = 'Add-Content'; 'iwr' = 'Invoke-WebRequest'
    'irm' = 'Invoke-RestMethod'; 'gci' = 'Get-ChildItem'; 'ls' = 'Get-ChildItem'; 'dir' = 'Get-ChildItem'; 'sls' = 'Select-String'
}

# Cmdlets that Windows PowerShell 5.1 does not have (PowerShell 6/7 added them).
$script:Ps7Cmdlets = @(
    'Get-Error', 'Join-String', 'Test-Json', 'ConvertFrom-Markdown', 'Show-Markdown', 'Get-MarkdownOption', 'Set-MarkdownOption',
    'Remove-Service', 'Get-Uptime', 'Remove-Alias', 'Get-PSSubsystem', 'Get-ExperimentalFeature', 'Enable-ExperimentalFeature',
    'Disable-ExperimentalFeature', 'ConvertTo-CliXml', 'ConvertFrom-CliXml', 'Get-SecureRandom', 'Start-ThreadJob', 'Clear-RecycleBin'
)

# Parameters PowerShell 6/7 added to cmdlets 5.1 has.
$script:Ps7Parameters = @{
    'ForEach-Object'           = @('Parallel', 'ThrottleLimit', 'AsJob', 'TimeoutSeconds', 'UseNewRunspace')
    'Get-Content'              = @('AsByteStream')
    'Set-Content'              = @('AsByteStream')
    'Add-Content'              = @('AsByteStream')
    'Split-Path'               = @('Extension', 'LeafBase')
    'Join-Path'                = @('AdditionalChildPath')
    'ConvertFrom-Json'         = @('AsHashtable', 'Depth', 'NoEnumerate')
    'ConvertTo-Json'           = @('AsArray', 'EnumsAsStrings', 'EscapeHandling')
    'Invoke-WebRequest'        = @('SkipCertificateCheck', 'Authentication', 'Token', 'SslProtocol', 'SkipHeaderValidation', 'Resume', 'MaximumRetryCount', 'RetryIntervalSec', 'SkipHttpErrorCheck')
    'Invoke-RestMethod'        = @('SkipCertificateCheck', 'Authentication', 'Token', 'SslProtocol', 'SkipHeaderValidation', 'MaximumRetryCount', 'RetryIntervalSec', 'StatusCodeVariable', 'ResponseHeadersVariable', 'SkipHttpErrorCheck')
    'Sort-Object'              = @('Top', 'Bottom', 'Stable')
    'Select-Object'            = @('SkipIndex')
    'Get-Date'                 = @('AsUTC', 'UnixTimeSeconds')
    'Test-Connection'          = @('TargetName', 'Ping', 'TcpPort', 'MtuSize', 'Traceroute', 'Repeat')
    'Start-Process'            = @('Environment')
    'Import-PowerShellDataFile' = @('SkipLimitCheck')
    'Get-ChildItem'            = @('FollowSymlink')
    'Select-String'            = @('Raw', 'NoEmphasis')
}

# -Encoding values 5.1 does not know.
$script:Ps7Encodings = @('utf8NoBOM', 'utf8BOM', 'ansi')

$script:Ps7Variables = @('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PSStyle', 'EnabledExperimentalFeatures')

$script:TokenKinds = @{
    QuestionQuestion       = 'null-coalescing operator ??'
    QuestionQuestionEquals = 'null-coalescing assignment ??='
    QuestionDot            = 'null-conditional member access ?.'
    QuestionLBracket       = 'null-conditional index ?[]'
}

# Node types a rule looks at (Pipeline: the background operator; ScriptBlock: clean blocks).
$script:AstTypes = [System.Collections.Generic.HashSet[string]]::new([string[]]@(
        'TernaryExpressionAst', 'PipelineChainAst', 'PipelineAst', 'ScriptBlockAst', 'VariableExpressionAst', 'BinaryExpressionAst', 'CommandAst'))

function New-Finding
{
    param ([string] $Construct, $Extent)
    [pscustomobject]@{ Construct = $Construct; Line = $Extent.StartLineNumber; Text = $Extent.Text.Substring(0, [Math]::Min(60, $Extent.Text.Length)) }
}

function Find-Ps7Construct
{
    [CmdletBinding()]
    param ([Parameter(Mandatory)] $Ast, [System.Management.Automation.Language.Token[]] $Tokens = @())

    # Plain loops and set lookups: a configuration has thousands of tokens and nodes.
    foreach ($token in $Tokens)
    {
        $kind = $token.Kind.ToString()
        if ($script:TokenKinds.ContainsKey($kind)) { New-Finding $script:TokenKinds[$kind] $token.Extent }
        elseif (($kind -eq 'StringExpandable' -or $kind -eq 'HereStringExpandable') -and $token.Text -match '`e|`u\{')
        {
            New-Finding 'escape `e or `u{} in a string' $token.Extent
        }
    }

    $nodes = $Ast.FindAll({ param ($n) $script:AstTypes.Contains($n.GetType().Name) }, $true)
    foreach ($node in $nodes)
    {
        switch ($node.GetType().Name)
        {
            'TernaryExpressionAst' { New-Finding 'ternary operator ?:' $node.Extent }
            'PipelineChainAst' { New-Finding 'pipeline chain operator && / ||' $node.Extent }
            'PipelineAst' { if ($node.PSObject.Properties['Background'] -and $node.Background) { New-Finding 'background operator &' $node.Extent } }
            'ScriptBlockAst' { if ($node.PSObject.Properties['CleanBlock'] -and $null -ne $node.CleanBlock) { New-Finding 'clean block' $node.CleanBlock.Extent } }
            'VariableExpressionAst' { if ($script:Ps7Variables -contains $node.VariablePath.UserPath) { New-Finding "automatic variable `$$($node.VariablePath.UserPath)" $node.Extent } }
            'BinaryExpressionAst'
            {
                if ($node.Operator -eq 'DotDot' -and $node.Left -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $node.Right -is [System.Management.Automation.Language.StringConstantExpressionAst])
                {
                    New-Finding "character range 'a'..'z'" $node.Extent
                }
                if ($node.Operator -match '^[ic]?Replace$' -and $node.Right -is [System.Management.Automation.Language.ArrayLiteralAst] -and @($node.Right.Elements | Where-Object { $_ -is [System.Management.Automation.Language.ScriptBlockExpressionAst] }).Count -gt 0)
                {
                    New-Finding '-replace with a script block' $node.Extent
                }
            }
            'CommandAst'
            {
                $name = $node.GetCommandName()
                if ($name -and ($script:Aliases.ContainsKey($name) -or $script:Ps7Parameters.ContainsKey($name) -or $script:Ps7Cmdlets -contains $name)) { Find-Ps7CommandUse $node }
            }
        }
    }
}

function Find-Ps7CommandUse
{
    param ($Command)
    $name = $Command.GetCommandName()
    if (-not $name) { return }
    if ($script:Aliases.ContainsKey($name)) { $name = $script:Aliases[$name] }
    if ($script:Ps7Cmdlets -contains $name) { New-Finding "cmdlet $name" $Command.Extent }
    $added = if ($script:Ps7Parameters.ContainsKey($name)) { $script:Ps7Parameters[$name] } else { @() }
    $elements = @($Command.CommandElements)
    for ($i = 1; $i -lt $elements.Count; $i++)
    {
        $element = $elements[$i]
        if ($element -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
        $given = $element.ParameterName
        # PowerShell accepts any unambiguous prefix of a parameter name.
        foreach ($parameter in @($added))
        {
            if ($given.Length -ge 3 -and $parameter.StartsWith($given, [System.StringComparison]::OrdinalIgnoreCase)) { New-Finding "parameter $name -$parameter" $element.Extent }
        }
        if ($given -eq 'Encoding')
        {
            $value = if ($null -ne $element.Argument) { $element.Argument } elseif ($i + 1 -lt $elements.Count) { $elements[$i + 1] } else { $null }
            if ($value -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $script:Ps7Encodings -contains $value.Value) { New-Finding "-Encoding $($value.Value)" $value.Extent }
        }
    }
}

Export-ModuleMember -Function Find-Ps7Construct
