/**
 * The verification-test builders' own pieces: the quoting they add on top
 * of psString (WQL strings, wildcard names, Pester names), the forms
 * Windows reports values in, and the checks' shape per kind. That every
 * check passes on a converged host and fails on a fresh one is proven by
 * running them (spec/pwsh/node-tests.spec.ts).
 */

import { expect } from 'chai';
import { findResource } from '../../../../compiler/dsc/catalog.js';
import { SECURITY_POLICY_DSC } from '../../../../compiler/dsc/modules.js';
import { pesterName, type CheckContext } from '../../../../compiler/emit/pester/check.js';
import { windowsAddress } from '../../../../compiler/emit/pester/firewall-rule.js';
import { registryValueLines } from '../../../../compiler/emit/pester/registry.js';
import { managedServiceState, serviceCheck } from '../../../../compiler/emit/pester/service.js';
import { scriptCheck } from '../../../../compiler/emit/pester/script.js';
import { userRightConstant } from '../../../../compiler/emit/pester/user-right.js';
import { wildcardLiteral } from '../../../../compiler/emit/ps/wildcard.js';
import { wqlString } from '../../../../compiler/emit/ps/wql.js';
import type { RegistryValue, ServiceResource } from '../../../../compiler/ir/types.js';

const CTX: CheckContext = {
    manifest: 'site.json',
    resourceType: (id) => (id.startsWith('Registry_') ? 'xRegistry' : id.startsWith('Script_') ? 'xScript' : 'xService'),
    credential: (name) => (name === 'App' ? { name: 'App', parameter: 'AppCredential', description: 'd', userName: 'CONTOSO\\svc-app', source: { pointer: '/credentials/App' } } : undefined),
};

describe('verification tests: quoting and Windows forms', () => {
    const cases: [string, (s: string) => string, string, string][] = [
        ['wqlString', wqlString, "Evil'Svc", "'Evil\\'Svc'"],
        ['wqlString', wqlString, 'a\\b', "'a\\\\b'"],
        ['wqlString', wqlString, 'plain', "'plain'"],
        ['wildcardLiteral', wildcardLiteral, 'Rule ` [x]*?', 'Rule `` `[x`]`*`?'],
        ['wildcardLiteral', wildcardLiteral, 'MrsBackup$', 'MrsBackup$'],
        ['pesterName', pesterName, '[xRegistry]A (site.json#/a/<b>)', '[xRegistry]A (site.json#/a/`<b>)'],
        ['pesterName', pesterName, 'tick ` here', 'tick `` here'],
        ['windowsAddress', windowsAddress, '10.0.20.0/24', '10.0.20.0/255.255.255.0'],
        ['windowsAddress', windowsAddress, '10.1.0.0/16', '10.1.0.0/255.255.0.0'],
        ['windowsAddress', windowsAddress, '10.1.5.10', '10.1.5.10'],
        ['windowsAddress', windowsAddress, '10.1.5.10/32', '10.1.5.10'],
        ['windowsAddress', windowsAddress, '172.16.0.0/12', '172.16.0.0/255.240.0.0'],
        ['windowsAddress', windowsAddress, 'fe80::/64', 'fe80::/64'],
    ];
    for (const [name, fn, input, output] of cases) {
        it(`${name}(${JSON.stringify(input)}) should be ${JSON.stringify(output)}`, () => {
            expect(fn(input)).to.equal(output);
        });
    }

    it('should refuse control characters in a WQL string', () => {
        expect(() => wqlString('a\nb')).to.throw(/WQL/);
    });

    it('should know the secedit constant of every policy name UserRightsAssignment accepts', () => {
        const schema = findResource(SECURITY_POLICY_DSC.name, SECURITY_POLICY_DSC.version, 'UserRightsAssignment');
        const policies = schema?.properties.find((p) => p.name === 'Policy')?.valueMap ?? [];
        expect(policies.length).to.be.greaterThan(40);
        for (const policy of policies) {
            expect(userRightConstant(policy), policy).to.match(/^Se[A-Za-z]+(Privilege|Right)$/);
        }
        expect(userRightConstant('Log_on_as_a_service')).to.equal('SeServiceLogonRight');
        expect(() => userRightConstant('Not_a_policy')).to.throw(/no secedit constant/);
    });
});

describe('verification tests: registry values', () => {
    const value = (data: RegistryValue['data'], ensure: RegistryValue['ensure'] = 'Present', name = 'V'): RegistryValue => ({
        hive: 'HKEY_LOCAL_MACHINE',
        path: 'SOFTWARE\\Vendor',
        name,
        ensure,
        ...(data ? { data } : {}),
    });
    const rows: [string, RegistryValue, string][] = [
        ['a DWORD above 2^31 as the 8-digit hex literal GetValue matches', value({ type: 'REG_DWORD', value: 0xffffffff }), "$value.Data | Should -Be 0xffffffff -Because 'REG_DWORD 0xffffffff (4294967295)'"],
        ['a QWORD parsed as Int64', value({ type: 'REG_QWORD', value: 4294967295n }), "$value.Data | Should -Be ([System.Int64]::Parse('00000000ffffffff', 'HexNumber'))"],
        ['text case-sensitively', value({ type: 'REG_SZ', value: "it's" }), "$value.Data | Should -BeExactly 'it''s'"],
        ['an ExpandString unexpanded', value({ type: 'REG_EXPAND_SZ', value: '%TEMP%\\x' }), "$value.Kind | Should -Be 'ExpandString'"],
        ['a MultiString as an array', value({ type: 'REG_MULTI_SZ', value: ['a', 'b'] }), "$value.Data | Should -BeExactly @('a', 'b')"],
        ['binary as hex digits', value({ type: 'REG_BINARY', value: '00ff' }), "-join '') | Should -BeExactly '00ff'"],
        ['an absent value as missing', value(undefined, 'Absent'), '$value | Should -BeNullOrEmpty'],
        ['a key without a value as a path', value(undefined, 'Present', ''), "Test-Path -LiteralPath 'Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor' | Should -BeTrue"],
    ];
    for (const [what, v, line] of rows) {
        it(`should check ${what}`, () => {
            expect(registryValueLines(v).join('\n')).to.include(line);
        });
    }
});

describe('verification tests: services', () => {
    const service = (extra: Partial<ServiceResource>): ServiceResource => ({
        kind: 'Service',
        id: 'Service_X',
        name: 'X',
        ensure: 'Present',
        state: 'Running',
        dependsOn: [],
        source: { pointer: '/nodes/0/baseline/services/0' },
        ...extra,
    });

    it('should check the state xService converges to: Running when State is left out, nothing for Ignore', () => {
        expect(managedServiceState(service({}))).to.equal('Running');
        expect(managedServiceState(service({ state: 'Stopped' }))).to.equal('Stopped');
        expect(managedServiceState(service({ state: 'Ignore' }))).to.equal(undefined);
        expect(managedServiceState(service({ ensure: 'Absent' }))).to.equal(undefined);
        expect(serviceCheck(service({ state: 'Ignore' }), CTX).lines.join('\n')).to.not.include('Status');
    });

    it('should name the It after the resource and its manifest pointer', () => {
        expect(serviceCheck(service({}), CTX).title).to.equal('[xService]Service_X (site.json#/nodes/0/baseline/services/0)');
    });

    it('should expect the account of a credential by its user name, and a built-in account as Windows writes it', () => {
        expect(serviceCheck(service({ account: { credential: 'App' } }), CTX).lines).to.include(
            "$cim.StartName | Should -Be 'CONTOSO\\svc-app' -Because 'the service runs as credential App'",
        );
        expect(serviceCheck(service({ account: 'NetworkService' }), CTX).lines).to.include("$cim.StartName | Should -Be 'NT AUTHORITY\\NetworkService'");
        expect(serviceCheck(service({ account: { credential: 'Unknown' } }), CTX).lines.join('\n')).to.include('Should -Not -BeIn');
    });

    it('should quote the service name for WQL inside the PowerShell string', () => {
        expect(serviceCheck(service({ name: "O'Brien" }), CTX).lines).to.include("$cim = Get-CimInstance -ClassName Win32_Service -Filter 'Name = ''O\\''Brien'''");
    });
});

describe('verification tests: Script resources', () => {
    it('should skip, saying why, a TestScript that reads $using: values', () => {
        const check = scriptCheck(
            { kind: 'Script', id: 'Script_B', name: 'B', getScript: [], testScript: ['$using:Port -eq 1'], setScript: [], dependsOn: [], source: { pointer: '/p' } },
            CTX,
        );
        expect(check.skip).to.equal(true);
        expect(check.lines.join('\n')).to.match(/^Set-ItResult -Skipped -Because '.*\$using:/);
    });

    it('should run the TestScript in a script block and expect $true', () => {
        const check = scriptCheck(
            { kind: 'Script', id: 'Script_A', name: 'A', getScript: [], testScript: ['if ($x) {', '    return $false', '}', '', '$true'], setScript: [], dependsOn: [], source: { pointer: '/p' } },
            CTX,
        );
        expect(check.lines).to.deep.equal([
            '$inDesiredState = & {',
            '    if ($x) {',
            '        return $false',
            '    }',
            '',
            '    $true',
            '}',
            "$inDesiredState | Should -BeTrue -Because 'its TestScript returns $true in the desired state'",
        ]);
    });
});
