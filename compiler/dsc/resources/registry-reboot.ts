/**
 * A registry value Windows reads only at start-up. xRegistry converges the
 * value but cannot ask for the reboot, so such a value is an xScript that
 * compares the value (type and data), writes it, and sets
 * $global:DSCMachineStatus = 1: the LCM then reboots when RebootNodeIfNeeded
 * allows it, or reports that a reboot is pending. Every value from the
 * manifest is quoted with psString/psArray.
 */

import { ps, type DscBlock } from '../block.js';
import { InternalError } from '../../diagnostics/internal-error.js';
import { dscRegistryKey } from '../../emit/reg/write-reg.js';
import { psArray, psString } from '../../emit/ps/quote.js';
import type { RegData, RegistryResource } from '../../ir/types.js';
import { X_PSDSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/** .NET RegistryValueKind names, as GetValueKind returns and New-ItemProperty -PropertyType takes them. */
const KIND: Readonly<Record<RegData['type'], string>> = {
    REG_SZ: 'String',
    REG_EXPAND_SZ: 'ExpandString',
    REG_MULTI_SZ: 'MultiString',
    REG_DWORD: 'DWord',
    REG_QWORD: 'QWord',
    REG_BINARY: 'Binary',
};

export function rebootingRegistryBlock(r: RegistryResource, ctx: BlockContext): DscBlock {
    const v = r.value;
    if (v.ensure !== 'Present' || !v.data) {
        throw new InternalError(`Registry resource ${r.id}: a reboot after change needs a present value with data`);
    }
    const data = v.data;
    const locate = [`$path = ${psString(dscRegistryKey(v))}`, `$name = ${psString(v.name)}`];
    // Raw data (no %VAR% expansion), so ExpandString compares as written.
    const read = [
        ...locate,
        '$key = Get-Item -LiteralPath $path -ErrorAction SilentlyContinue',
        "$actual = if ($key) { $key.GetValue($name, $null, 'DoNotExpandEnvironmentNames') }",
    ];
    return {
        resourceType: 'xScript',
        module: X_PSDSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['GetScript', ps.script([...read, "@{ Result = [string]($actual -join ',') }"])],
            [
                'TestScript',
                ps.script([
                    ...read,
                    'if ($null -eq $actual) { return $false }',
                    `$key.GetValueKind($name) -eq ${psString(KIND[data.type])} -and (${sameData(data)})`,
                ]),
            ],
            [
                'SetScript',
                ps.script([
                    ...locate,
                    'if (-not (Test-Path -LiteralPath $path)) { New-Item -Path $path -Force | Out-Null }',
                    `New-ItemProperty -LiteralPath $path -Name $name -PropertyType ${KIND[data.type]} -Value ${valueLiteral(data)} -Force | Out-Null`,
                    '# Windows reads this value only at start-up: ask the LCM for the reboot.',
                    '$global:DSCMachineStatus = 1',
                ]),
            ],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}

/** An expression that is true when $actual holds exactly the data (case-sensitive for text). */
function sameData(data: RegData): string {
    switch (data.type) {
        case 'REG_SZ':
        case 'REG_EXPAND_SZ':
            return `$actual -ceq ${psString(data.value)}`;
        case 'REG_MULTI_SZ':
            return `[string]::Join([char]0, [string[]]$actual) -ceq [string]::Join([char]0, [string[]]${psArray(data.value)})`;
        case 'REG_DWORD':
            // GetValue returns a signed Int32; x8 formats its two's complement, as the .reg file writes it.
            return `('{0:x8}' -f $actual) -eq ${psString(data.value.toString(16).padStart(8, '0'))}`;
        case 'REG_QWORD':
            return `('{0:x16}' -f $actual) -eq ${psString(data.value.toString(16).padStart(16, '0'))}`;
        case 'REG_BINARY':
            return `(($actual | ForEach-Object { '{0:x2}' -f $_ }) -join '') -eq ${psString(data.value)}`;
    }
}

/** The -Value argument: signed integers parsed from hex, so values above 2^31-1 (or 2^63-1) keep their bits. */
function valueLiteral(data: RegData): string {
    switch (data.type) {
        case 'REG_SZ':
        case 'REG_EXPAND_SZ':
            return psString(data.value);
        case 'REG_MULTI_SZ':
            return `([string[]]${psArray(data.value)})`;
        case 'REG_DWORD':
            return `([int32]::Parse(${psString(data.value.toString(16).padStart(8, '0'))}, 'HexNumber'))`;
        case 'REG_QWORD':
            return `([int64]::Parse(${psString(data.value.toString(16).padStart(16, '0'))}, 'HexNumber'))`;
        case 'REG_BINARY': {
            const bytes = data.value.match(/../g) ?? [];
            return bytes.length === 0 ? '([byte[]]@())' : `([byte[]](${bytes.map((b) => `0x${b}`).join(', ')}))`;
        }
    }
}
