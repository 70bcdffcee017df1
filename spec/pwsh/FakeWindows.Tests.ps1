# Pester 5 tests of the fake Windows host itself: the semantics of Windows the generated
# scripts (and post-deployment checks) rely on. Run by spec/pwsh/fake-windows.spec.ts.
BeforeAll {
    Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath 'FakeWindows.psm1') -Global -Force
    $script:Fresh = @{
        Registry      = @{ 'HKEY_LOCAL_MACHINE\SOFTWARE\Vendor' = @{ Port = @{ Kind = 'DWord'; Data = 4294967295 }; Name = @{ Kind = 'String'; Data = 'x' } } }
        Services      = @{ mrs = @{ DisplayName = 'MRS'; StartMode = 'Auto'; State = 'Running'; StartName = 'LocalSystem'; PathName = 'D:\XPR\bin\mrs.exe'; Dependencies = @() } }
        Files         = @{ 'D:\XPR\bin\mrs.exe' = @{ Type = 'File'; Contents = ''; Version = '8.11.0.16072' } }
        Features      = @{ 'Web-Server' = @{ Installed = $false } }
        FirewallRules = @{ 'XPR-Web-In' = @{ DisplayName = 'XPR Web'; Enabled = $true; Direction = 'Inbound'; Action = 'Allow'; Protocol = 'TCP'; LocalPort = @('80'); RemotePort = @(); RemoteAddress = @('10.0.0.1'); Profile = @('Domain'); Program = '' } }
        SmbShares     = @{ MrsClnt = @{ Path = 'D:\XPR\Client'; Description = 'clients'; FullAccess = @('BUILTIN\Administrators'); ChangeAccess = @(); ReadAccess = @('Everyone') } }
        LocalGroups   = @{ Administrators = @('CONTOSO\svc-xpr') }
        MsiProducts   = @{ '{AAAAAAAA-0000-0000-0000-000000000000}' = @{ Name = 'Client'; Version = '1.0'; Features = @{ Outlook = 'Local' } } }
        Cim           = @{ Win32_Volume = @(@{ DriveLetter = 'C:'; Capacity = 100 }, @{ DriveLetter = 'D:'; Capacity = 200 }); Win32_NetworkAdapter = @(@{ Name = 'Microsoft KM-TEST Loopback Adapter' }) }
    }
}

Describe 'registry' {
    BeforeEach { Initialize-FakeWindows -State (ConvertTo-Json -InputObject $script:Fresh -Depth 10) }

    It 'returns a DWord as Windows does: a signed Int32, kind DWord' {
        $key = Get-Item -LiteralPath 'HKLM:\SOFTWARE\Vendor'
        $key.GetValue('Port', $null, 'DoNotExpandEnvironmentNames') | Should -Be -1
        $key.GetValueKind('Port') | Should -Be ([Microsoft.Win32.RegistryValueKind]::DWord)
    }
    It 'reads paths case-insensitively, in every spelling' {
        (Get-ItemProperty -LiteralPath 'Registry::HKEY_LOCAL_MACHINE\software\VENDOR').name | Should -Be 'x'
        Test-Path -LiteralPath 'Microsoft.PowerShell.Core\Registry::HKLM\SOFTWARE\Vendor' | Should -BeTrue
    }
    It 'only shows the values that exist as properties (strict mode sees a missing one)' {
        $values = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Vendor'
        $values.PSObject.Properties.Name | Should -Contain 'Port'
        $values.PSObject.Properties.Name | Should -Not -Contain 'Missing'
    }
    It 'writes a value with its kind and reads it back' {
        New-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Vendor' -Name 'List' -PropertyType MultiString -Value @('a', 'b') -Force | Out-Null
        (Get-FakeWindowsState).Registry['HKEY_LOCAL_MACHINE\SOFTWARE\Vendor']['List'].Kind | Should -Be 'MultiString'
        (Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Vendor').List | Should -Be @('a', 'b')
    }
    It 'fails New-ItemProperty on an existing value without -Force' {
        { New-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Vendor' -Name 'Name' -Value 'y' -ErrorAction Stop } | Should -Throw
    }
    It 'reports a missing key as a non-terminating error that -ErrorAction SilentlyContinue hides' {
        Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Nope' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        { Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Nope' -ErrorAction Stop } | Should -Throw
    }
    It 'creates a key with New-Item and its parents with -Force' {
        New-Item -Path 'HKLM:\SOFTWARE\A\B\C' -Force | Out-Null
        Test-Path -LiteralPath 'HKLM:\SOFTWARE\A\B\C' | Should -BeTrue
    }
}

Describe 'files, services, features and CIM' {
    BeforeEach { Initialize-FakeWindows -State (ConvertTo-Json -InputObject $script:Fresh -Depth 10) }

    It 'gives a file its version information' {
        (Get-Item -LiteralPath 'D:\XPR\bin\mrs.exe').VersionInfo.FileBuildPart | Should -Be 0
        (Get-Item -LiteralPath 'D:\XPR\bin\mrs.exe').VersionInfo.FilePrivatePart | Should -Be 16072
    }
    It 'knows folders that hold files and volume roots' {
        Test-Path -LiteralPath 'D:\XPR' -PathType Container | Should -BeTrue
        Test-Path -LiteralPath 'D:\' | Should -BeTrue
        Test-Path -LiteralPath 'E:\' | Should -BeFalse
    }
    It 'writes and reads file text' {
        Set-Content -LiteralPath 'D:\XPR\setup.ini' -Value '[Setup]', 'Silent=1'
        Get-Content -LiteralPath 'D:\XPR\setup.ini' -Raw | Should -Be "[Setup]`r`nSilent=1`r`n"
        { Get-Content -LiteralPath 'D:\Nope\x.ini' -ErrorAction Stop } | Should -Throw
    }
    It 'reads one value with Get-ItemPropertyValue' {
        Get-ItemPropertyValue -LiteralPath 'HKLM:\SOFTWARE\Vendor' -Name 'Name' | Should -Be 'x'
    }
    It 'needs -Force to create a folder whose parent is missing' {
        { New-Item -Path 'C:\a\b' -ItemType Directory -ErrorAction Stop } | Should -Throw
        New-Item -Path 'C:\a\b' -ItemType Directory -Force | Out-Null
        Test-Path -LiteralPath 'C:\a' | Should -BeTrue
    }
    It 'starts and stops services, and will not start a disabled one' {
        Stop-Service -Name 'mrs'
        (Get-Service -Name 'MRS').Status | Should -Be 'Stopped'
        Set-Service -Name 'mrs' -StartupType Disabled
        (Get-Service -Name 'mrs').StartType | Should -Be 'Disabled'
        { Start-Service -Name 'mrs' -ErrorAction Stop } | Should -Throw
        Set-Service -Name 'mrs' -StartupType Automatic
        Restart-Service -Name 'mrs'
        (Get-Service -Name 'mrs').Status | Should -Be 'Running'
    }
    It 'fails for a missing service unless told to be silent' {
        { Get-Service -Name 'nope' -ErrorAction Stop } | Should -Throw
        Get-Service -Name 'nope' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
    It 'filters CIM instances with WQL = and LIKE' {
        (Get-CimInstance -ClassName Win32_Volume -Filter "DriveLetter = 'D:'").Capacity | Should -Be 200
        @(Get-CimInstance -ClassName Win32_NetworkAdapter -Filter "Name LIKE '%Loopback Adapter%'").Count | Should -Be 1
        @(Get-CimInstance -ClassName Win32_Volume -Filter "DriveLetter = 'E:'").Count | Should -Be 0
    }
    It 'answers Win32_Service and Win32_Product from the services and MSI products' {
        (Get-CimInstance -ClassName Win32_Service -Filter "Name = 'mrs'").StartName | Should -Be 'LocalSystem'
        (Get-WmiObject -Class Win32_Product).IdentifyingNumber | Should -Be '{AAAAAAAA-0000-0000-0000-000000000000}'
    }
    It 'installs a Windows feature' {
        (Get-WindowsFeature -Name 'Web-Server').Installed | Should -BeFalse
        Install-WindowsFeature -Name 'Web-Server' | Out-Null
        (Get-WindowsFeature -Name 'Web-Server').InstallState | Should -Be 'Installed'
    }
}

Describe 'firewall, shares, groups, installers' {
    BeforeEach { Initialize-FakeWindows -State (ConvertTo-Json -InputObject $script:Fresh -Depth 10) }

    It 'reads a firewall rule with its port and address filters' {
        $rule = Get-NetFirewallRule -Name 'XPR-Web-In'
        $rule.Enabled | Should -Be 'True'
        ($rule | Get-NetFirewallPortFilter).LocalPort | Should -Be @('80')
        (Get-NetFirewallAddressFilter -AssociatedNetFirewallRule $rule).RemoteAddress | Should -Be @('10.0.0.1')
        (Get-NetFirewallApplicationFilter -AssociatedNetFirewallRule $rule).Program | Should -Be 'Any'
    }
    It 'reads shares, their access and group members' {
        (Get-SmbShare -Name 'MrsClnt').Path | Should -Be 'D:\XPR\Client'
        (Get-SmbShareAccess -Name 'MrsClnt' | Where-Object AccessRight -EQ 'Read').AccountName | Should -Be 'Everyone'
        (Get-LocalGroupMember -Group 'Administrators').Name | Should -Be 'CONTOSO\svc-xpr'
    }
    It 'runs a declared installer, applies its effect and records the call' {
        Initialize-FakeWindows -State (ConvertTo-Json -InputObject $script:Fresh -Depth 10) -Installers @{ '\\fs\x.msi' = @{ ExitCode = 3010; Effect = @{ MsiProducts = @{ '{B}' = @{ Name = 'B' } } } } }
        (Start-Process -FilePath 'msiexec.exe' -ArgumentList '/i "\\fs\x.msi" /qn' -Wait -PassThru).ExitCode | Should -Be 3010
        (New-Object -ComObject 'WindowsInstaller.Installer').ProductState('{B}') | Should -Be 5
        (Get-FakeWindowsCall).Count | Should -Be 1
    }
    It 'refuses an installer no fixture declares' {
        { Start-Process -FilePath 'C:\setup.exe' -Wait -PassThru } | Should -Throw '*no fixture declares*'
    }
    It 'tells installed MSI features from absent ones' {
        $installer = New-Object -ComObject 'WindowsInstaller.Installer'
        $installer.FeatureState('{AAAAAAAA-0000-0000-0000-000000000000}', 'Outlook') | Should -Be 3
        $installer.FeatureState('{AAAAAAAA-0000-0000-0000-000000000000}', 'Other') | Should -Be -1
        $installer.ProductState('{CCCCCCCC-0000-0000-0000-000000000000}') | Should -Be -1
    }
    It 'keeps New-Object for .NET types' {
        (New-Object -TypeName 'System.Collections.Generic.List[string]').GetType().Name | Should -Be 'List`1'
    }
}

Describe 'snapshots' {
    It 'gives equal states equal text, whatever the key order and case' {
        Initialize-FakeWindows -State '{"Services":{"b":{"State":"Running"},"a":{"State":"Stopped"}}}'
        $one = Get-FakeWindowsSnapshot
        Initialize-FakeWindows -State '{"Services":{"a":{"State":"Stopped"},"b":{"State":"Running"}}}'
        Get-FakeWindowsSnapshot | Should -Be $one
        Stop-Service -Name 'B'
        Get-FakeWindowsSnapshot | Should -Not -Be $one
    }
}
