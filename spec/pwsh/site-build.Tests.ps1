<#
    Behaviour of the generated site build (out/<site>/build.ps1) on a fake
    Windows build host, run by spec/pwsh/site-build.spec.ts with Pester 5.7.1.

    The site folders are fresh xprc output. Windows-only parts are replaced:
      - each configuration script <NODE>.ps1 (and PullMetaConfiguration.ps1) by a
        stub that declares the real configuration's parameters (copied from its
        param block, plus the ConfigurationData/OutputPath every configuration
        has), records how it was called and writes the MOF it would compile;
      - Save-PSResource, Save-Module, New-DscChecksum, Compress-Archive, Get-Secret,
        Get-Credential and Read-Host by Pester mocks.
    $Sites comes from the spec: per site its folder, configurations, module pins,
    credentials and delivery settings, all taken from the IR.
#>
param
(
    [Parameter(Mandatory = $true)]
    [System.String]
    $SitesJson
)

BeforeDiscovery {
    $script:sites = @(Get-Content -Raw -Path $SitesJson | ConvertFrom-Json)
    # The full package run covers every site; the other behaviours are the same code for every site,
    # so they run on the sites the spec marks (one pull, one push), which keeps the run short.
    $script:detailedSites = @($script:sites | Where-Object -FilterScript { $_.detailed })
}

BeforeAll {
    # Functions that only exist on Windows (or with SecretManagement): Pester mocks a command that exists.
    if (-not (Get-Command -Name 'New-DscChecksum' -ErrorAction SilentlyContinue))
    {
        function global:New-DscChecksum { param ([System.String[]] $Path, [System.Management.Automation.SwitchParameter] $Force) }
    }

    if (-not (Get-Command -Name 'Get-Secret' -ErrorAction SilentlyContinue))
    {
        function global:Get-Secret { param ([System.String] $Name, [System.String] $Vault, [System.Management.Automation.SwitchParameter] $AsPlainText) }
    }

    if (-not (Get-Command -Name 'Save-Module' -ErrorAction SilentlyContinue))
    {
        function global:Save-Module { param ($Name, $RequiredVersion, $Repository, $Path, [System.Management.Automation.SwitchParameter] $Force) }
    }

    function New-TestCredential
    {
        param ([System.String] $UserName)
        $password = ConvertTo-SecureString -String ('not-a-secret-{0}' -f $UserName) -AsPlainText -Force
        return New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $UserName, $password
    }

    $script:StubTexts = @{}

    # Replace a configuration script by a stub with the same parameters.
    function Set-ConfigurationStub
    {
        param ($ScriptPath, $FunctionName, $NodeName, $MofSuffix)

        # Keep the generated script: every Describe stubs the same site folder again from the original.
        $original = $ScriptPath + '.generated'
        if (-not (Test-Path -Path $original))
        {
            Copy-Item -Path $ScriptPath -Destination $original
        }

        $text = Get-Content -Raw -Path $original
        # The parameters of this very configuration: a node with phases has two in one file, each with
        # only its own credentials.
        $pattern = '(?s)Configuration ' + [System.Text.RegularExpressions.Regex]::Escape($FunctionName) + '\r?\n\{\r?\n    param\r?\n    \((.*?)\r?\n    \)\r?\n'
        $match = [System.Text.RegularExpressions.Regex]::Match($text, $pattern)
        $parameters = if ($match.Success) { $match.Groups[1].Value.Trim() + ',' } else { '' }
        $stub = @"
function $FunctionName
{
    [CmdletBinding()]
    param
    (
        $parameters
        [Parameter()] `$ConfigurationData,
        [Parameter()] [System.String] `$OutputPath
    )

    `$global:XprcCalls += ,@{ Name = '$FunctionName'; Parameters = `$PSBoundParameters; ModulePath = `$env:PSModulePath }
    `$null = New-Item -Path `$OutputPath -ItemType Directory -Force
    Set-Content -Path (Join-Path -Path `$OutputPath -ChildPath '$NodeName$MofSuffix') -Value 'instance of OMI_ConfigurationDocument { Name = "$FunctionName"; };'
}
"@
        # Several configurations of one script (Prepare and Operate) each add their stub.
        if (-not $script:StubTexts.ContainsKey($ScriptPath))
        {
            $script:StubTexts[$ScriptPath] = [ordered] @{}
        }
        $script:StubTexts[$ScriptPath][$FunctionName] = $stub
        Set-Content -Path $ScriptPath -Value (@($script:StubTexts[$ScriptPath].Values) -join [System.Environment]::NewLine)
    }

    # Both Describes stub the same site folder and build host: dot-sourced from their BeforeAll and
    # BeforeEach, so the variables these set ($vaultCredentials, $outputPath) and the mocks land there.
    function Initialize-SiteStubs
    {
        foreach ($configuration in $site.configurations)
        {
            Set-ConfigurationStub -ScriptPath (Join-Path -Path (Join-Path -Path $site.folder -ChildPath $configuration.folder) -ChildPath $configuration.script) `
                -FunctionName $configuration.name -NodeName $configuration.node -MofSuffix '.mof'
        }

        foreach ($meta in $site.metaConfigurations)
        {
            Set-ConfigurationStub -ScriptPath (Join-Path -Path (Join-Path -Path $site.folder -ChildPath $meta.folder) -ChildPath 'PullMetaConfiguration.ps1') `
                -FunctionName $meta.name -NodeName $meta.node -MofSuffix '.meta.mof'
        }

        # The vault holds one credential per reference name and the registration key.
        $vaultCredentials = @{}
        foreach ($credential in $site.credentials)
        {
            $vaultCredentials[$credential.name] = New-TestCredential -UserName ('vault\{0}' -f $credential.name)
        }
    }

    function Initialize-BuildHost
    {
        $outputPath = Join-Path -Path $TestDrive -ChildPath ([System.Guid]::NewGuid().ToString('N'))
        Remove-Item -Path (Join-Path -Path $site.folder -ChildPath 'modules') -Recurse -Force -ErrorAction SilentlyContinue

        Mock -CommandName Save-PSResource -MockWith {
            # A minimal module folder, so that the build's own Get-Module -ListAvailable check finds it.
            $folder = Join-Path -Path (Join-Path -Path $Path -ChildPath $Name) -ChildPath $Version
            $null = New-Item -Path $folder -ItemType Directory -Force
            Set-Content -Path (Join-Path -Path $folder -ChildPath "$Name.psd1") -Value ("@{{ ModuleVersion = '{0}'; GUID = '{1}' }}" -f $Version, [System.Guid]::NewGuid())
        }
        Mock -CommandName Save-Module -MockWith {
            $folder = Join-Path -Path (Join-Path -Path $Path -ChildPath $Name) -ChildPath $RequiredVersion
            $null = New-Item -Path $folder -ItemType Directory -Force
            Set-Content -Path (Join-Path -Path $folder -ChildPath "$Name.psd1") -Value ("@{{ ModuleVersion = '{0}'; GUID = '{1}' }}" -f $RequiredVersion, [System.Guid]::NewGuid())
        }
        Mock -CommandName Compress-Archive -MockWith {
            Set-Content -Path $DestinationPath -Value ('zip of {0}' -f ($Path -join ';'))
        }
        Mock -CommandName New-DscChecksum -MockWith {
            # What the real cmdlet writes: the SHA-256 of each .mof/.zip, upper-case hex, in <file>.checksum.
            foreach ($file in Get-ChildItem -Path $Path -File | Where-Object -FilterScript { $_.Extension -in '.mof', '.zip' })
            {
                Set-Content -Path ($file.FullName + '.checksum') -Value (Get-FileHash -Path $file.FullName -Algorithm SHA256).Hash -NoNewline
            }
        }
        Mock -CommandName Get-Secret -MockWith {
            if ($AsPlainText) { return 'registration-key-from-vault' }
            return $vaultCredentials[$Name]
        }
        Mock -CommandName Get-Credential -MockWith { throw 'Get-Credential prompted' }
        Mock -CommandName Read-Host -MockWith { throw 'Read-Host prompted' }
    }

    function Invoke-SiteBuild
    {
        param ($Site, [System.Collections.Hashtable] $Arguments)
        $global:XprcCalls = @()
        & (Join-Path -Path $Site.folder -ChildPath 'build.ps1') @Arguments
    }
}

Describe 'site build.ps1 -ResolveDependency -Package -NonInteractive of <_.name>' -ForEach $script:sites {
    BeforeAll {
        $site = $_
        . Initialize-SiteStubs
    }

    BeforeEach {
        . Initialize-BuildHost
    }

    It 'resolves the pinned modules, compiles every configuration with its credentials and lays out the package, without a prompt' {
        $modulePathBefore = $env:PSModulePath
        Invoke-SiteBuild -Site $site -Arguments @{ ResolveDependency = $true; Package = $true; NonInteractive = $true; Vault = 'BuildSecrets'; OutputPath = $outputPath }

        $modulesPath = Join-Path -Path $site.folder -ChildPath 'modules'
        foreach ($module in $site.modules)
        {
            Should -Invoke -CommandName Save-PSResource -Times 1 -Exactly -ParameterFilter {
                $Name -eq $module.name -and $Version -eq $module.version -and $Repository -eq $site.repository -and $Path -eq $modulesPath
            }
        }
        Should -Invoke -CommandName Save-PSResource -Times $site.modules.Count -Exactly
        Should -Invoke -CommandName Get-Credential -Times 0 -Exactly
        Should -Invoke -CommandName Read-Host -Times 0 -Exactly
        $env:PSModulePath | Should -Be $modulePathBefore

        # Every configuration function, once, with its ConfigurationData, its credentials and modules/ first on PSModulePath.
        @($global:XprcCalls | Where-Object -FilterScript { $_.Name -notlike '*_PullMeta' } | ForEach-Object -Process { $_.Name }) | Should -Be @($site.configurations | ForEach-Object -Process { $_.name })
        foreach ($configuration in $site.configurations)
        {
            $call = $global:XprcCalls | Where-Object -FilterScript { $_.Name -eq $configuration.name }
            $call.Parameters.ConfigurationData | Should -Be (Join-Path -Path (Join-Path -Path $site.folder -ChildPath $configuration.folder) -ChildPath 'ConfigurationData.psd1')
            $call.ModulePath.Split([System.IO.Path]::PathSeparator)[0] | Should -Be $modulesPath
            @($call.Parameters.Keys | Where-Object -FilterScript { $_ -like '*Credential' } | Sort-Object) | Should -Be @($configuration.parameters | Sort-Object)
            foreach ($name in $configuration.credentials)
            {
                $parameter = ($site.credentials | Where-Object -FilterScript { $_.name -eq $name }).parameter
                $call.Parameters[$parameter].UserName | Should -Be ('vault\{0}' -f $name)
            }
        }

        # The pull server's layout.
        $package = Join-Path -Path $outputPath -ChildPath 'package'
        $expected = @('README.md')
        foreach ($configuration in $site.configurations)
        {
            $expected += 'Configuration/{0}.mof' -f $configuration.name
            $expected += 'Configuration/{0}.mof.checksum' -f $configuration.name
        }
        foreach ($module in $site.modules)
        {
            $expected += 'Modules/{0}_{1}.zip' -f $module.name, $module.version
            $expected += 'Modules/{0}_{1}.zip.checksum' -f $module.name, $module.version
            Should -Invoke -CommandName Compress-Archive -Times 1 -Exactly -ParameterFilter {
                $Path -eq (Join-Path -Path (Join-Path -Path (Join-Path -Path $modulesPath -ChildPath $module.name) -ChildPath $module.version) -ChildPath '*')
            }
        }
        foreach ($meta in $site.metaConfigurations)
        {
            $expected += 'MetaConfigurations/{0}.meta.mof' -f $meta.node
        }
        $actual = @(Get-ChildItem -Path $package -Recurse -File | ForEach-Object -Process { $_.FullName.Substring($package.Length + 1).Replace('\', '/') } | Sort-Object)
        $actual | Should -Be @($expected | Sort-Object)

        foreach ($checksum in Get-ChildItem -Path $package -Recurse -Filter '*.checksum')
        {
            Get-Content -Raw -Path $checksum.FullName | Should -Be (Get-FileHash -Path ($checksum.FullName -replace '\.checksum$', '') -Algorithm SHA256).Hash
        }
        foreach ($configuration in $site.configurations)
        {
            Get-Content -Raw -Path (Join-Path -Path $package -ChildPath ('Configuration/{0}.mof' -f $configuration.name)) | Should -Match ('Name = "{0}"' -f $configuration.name)
        }

        # Pull delivery: each node's meta-configuration got the registration key from the vault.
        foreach ($meta in $site.metaConfigurations)
        {
            $call = $global:XprcCalls | Where-Object -FilterScript { $_.Name -eq $meta.name }
            $call.Parameters.RegistrationKey | Should -Be 'registration-key-from-vault'
        }
        if ($site.pull)
        {
            Should -Invoke -CommandName Get-Secret -Times 1 -Exactly -ParameterFilter { $Name -eq $site.registrationKey -and $AsPlainText -and $Vault -eq 'BuildSecrets' }
        }
    }
}

Describe 'site build.ps1 of <_.name>: credentials, -Node, PowerShellGet, missing modules' -ForEach $script:detailedSites {
    BeforeAll {
        $site = $_
        . Initialize-SiteStubs
    }

    BeforeEach {
        . Initialize-BuildHost
    }

    It 'fails without prompting when a credential is missing and -NonInteractive is given' -Skip:($_.credentials.Count -eq 0) {
        Mock -CommandName Get-Secret -MockWith { $null }
        { Invoke-SiteBuild -Site $site -Arguments @{ ResolveDependency = $true; NonInteractive = $true; Vault = 'BuildSecrets'; OutputPath = $outputPath } } |
            Should -Throw -ExpectedMessage ('Credential {0} (*) is missing.*' -f $site.credentials[0].name)
        Should -Invoke -CommandName Get-Credential -Times 0 -Exactly
        $global:XprcCalls.Count | Should -Be 0
    }

    It 'takes credentials and the registration key from parameters before the vault' {
        $given = @{}
        foreach ($credential in $site.credentials)
        {
            $given[$credential.name] = New-TestCredential -UserName ('param\{0}' -f $credential.name)
        }
        Invoke-SiteBuild -Site $site -Arguments @{ ResolveDependency = $true; NonInteractive = $true; Credential = $given; RegistrationKey = 'key-from-parameter'; OutputPath = $outputPath }

        Should -Invoke -CommandName Get-Secret -Times 0 -Exactly
        foreach ($configuration in $site.configurations)
        {
            $call = $global:XprcCalls | Where-Object -FilterScript { $_.Name -eq $configuration.name }
            foreach ($name in $configuration.credentials)
            {
                $parameter = ($site.credentials | Where-Object -FilterScript { $_.name -eq $name }).parameter
                $call.Parameters[$parameter].UserName | Should -Be ('param\{0}' -f $name)
            }
        }
        foreach ($meta in $site.metaConfigurations)
        {
            ($global:XprcCalls | Where-Object -FilterScript { $_.Name -eq $meta.name }).Parameters.RegistrationKey | Should -Be 'key-from-parameter'
        }
    }

    It 'compiles only the nodes named with -Node' {
        $first = $site.configurations[0]
        Invoke-SiteBuild -Site $site -Arguments @{ ResolveDependency = $true; NonInteractive = $true; Vault = 'BuildSecrets'; Node = @($first.node); OutputPath = $outputPath }

        @($global:XprcCalls | Where-Object -FilterScript { $_.Name -notlike '*_PullMeta' } | ForEach-Object -Process { $_.Name }) |
            Should -Be @($site.configurations | Where-Object -FilterScript { $_.node -eq $first.node } | ForEach-Object -Process { $_.name })
        @($global:XprcCalls | Where-Object -FilterScript { $_.Name -like '*_PullMeta' }).Count | Should -Be ([System.Int32] $site.pull)
        { Invoke-SiteBuild -Site $site -Arguments @{ NonInteractive = $true; Node = @('NOSUCHNODE'); OutputPath = $outputPath } } | Should -Throw -ExpectedMessage 'Unknown node(s) NOSUCHNODE.*'
    }

    It 'saves the modules with PowerShellGet when the host has no PSResourceGet' {
        Mock -CommandName Get-Command -ParameterFilter { $Name -eq 'Save-PSResource' } -MockWith { $null }
        Invoke-SiteBuild -Site $site -Arguments @{ ResolveDependency = $true; NonInteractive = $true; Vault = 'BuildSecrets'; OutputPath = $outputPath }

        Should -Invoke -CommandName Save-PSResource -Times 0 -Exactly
        foreach ($module in $site.modules)
        {
            Should -Invoke -CommandName Save-Module -Times 1 -Exactly -ParameterFilter { $Name -eq $module.name -and $RequiredVersion -eq $module.version -and $Repository -eq $site.repository }
        }
    }

    It 'stops before compiling when a pinned module is missing and -ResolveDependency is not given' -Skip:($_.modules.Count -eq 0) {
        { Invoke-SiteBuild -Site $site -Arguments @{ NonInteractive = $true; Vault = 'BuildSecrets'; OutputPath = $outputPath } } |
            Should -Throw -ExpectedMessage 'Module * is not installed. Run this script with -ResolveDependency*'
        $global:XprcCalls.Count | Should -Be 0
    }
}
