import type { RegData, RegistryResource, RegistryValue } from '../../ir/types.js';
import { regKeyName } from '../reg/write-reg.js';
import { psArray, psString } from '../ps/quote.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/** .NET RegistryValueKind names, as RegistryKey.GetValueKind reports them. */
const KIND: Readonly<Record<RegData['type'], string>> = {
    REG_SZ: 'String',
    REG_EXPAND_SZ: 'ExpandString',
    REG_MULTI_SZ: 'MultiString',
    REG_DWORD: 'DWord',
    REG_QWORD: 'QWord',
    REG_BINARY: 'Binary',
};

/**
 * A registry value: its kind and its data, exactly (text is compared
 * case-sensitively, an ExpandString unexpanded); an absent value must not
 * exist. Also the check for values that need a reboot (an xScript in the
 * configuration): the state they promise is the same.
 */
export function registryCheck(r: RegistryResource, ctx: CheckContext): PesterCheck {
    return check(r, ctx, registryValueLines(r.value), { helpers: ['Get-RegistryValue'] });
}

/** The assertions for one registry value (shared with User Account Control). */
export function registryValueLines(v: RegistryValue, because?: string): string[] {
    const key = regKeyName(v);
    const label = `${key}\\${v.name === '' ? '(default)' : v.name}`;
    if (v.ensure === 'Present' && v.data === undefined) {
        return [`Test-Path -LiteralPath ${psString(`Registry::${key}`)} | Should -BeTrue -Because ${psString(`the key ${key} must exist`)}`];
    }
    const read = `$value = Get-RegistryValue -Key ${psString(key)} -Name ${psString(v.name)}`;
    if (v.ensure === 'Absent' || v.data === undefined) {
        return [read, `$value | Should -BeNullOrEmpty -Because ${psString(`${label} must not exist`)}`];
    }
    const data = v.data;
    return [
        read,
        `$value | Should -Not -BeNullOrEmpty -Because ${psString(because ?? `the configuration sets ${label}`)}`,
        `$value.Kind | Should -Be ${psString(KIND[data.type])}`,
        dataAssertion(data),
    ];
}

function dataAssertion(data: RegData): string {
    switch (data.type) {
        case 'REG_SZ':
        case 'REG_EXPAND_SZ':
            return `$value.Data | Should -BeExactly ${psString(data.value)}`;
        case 'REG_MULTI_SZ':
            return `$value.Data | Should -BeExactly ${psArray(data.value)}`;
        case 'REG_DWORD': {
            // GetValue returns a signed Int32, and so does an 8-digit hex literal
            // (0xffffffff is -1 in Windows PowerShell 5.1 and in 7): the digits
            // are the .reg file's dword:… digits.
            const hex = data.value.toString(16).padStart(8, '0');
            return `$value.Data | Should -Be 0x${hex} -Because ${psString(`REG_DWORD 0x${hex} (${data.value})`)}`;
        }
        case 'REG_QWORD': {
            // A 16-digit hex literal is not always an Int64 (0x00000000ffffffff is -1): parse it.
            const hex = data.value.toString(16).padStart(16, '0');
            return `$value.Data | Should -Be ([System.Int64]::Parse(${psString(hex)}, 'HexNumber')) -Because ${psString(`REG_QWORD 0x${hex} (${data.value})`)}`;
        }
        case 'REG_BINARY':
            return `(($value.Data | ForEach-Object -Process { $_.ToString('x2') }) -join '') | Should -BeExactly ${psString(data.value)}`;
    }
}
