import { ps, type DscBlock, type PsValue } from '../block.js';
import type { RegData, RegistryResource } from '../../ir/types.js';
import { dscRegistryKey } from '../../emit/reg/write-reg.js';
import { X_PSDSC } from '../modules.js';
import { props, type BlockContext } from './context.js';
import { rebootingRegistryBlock } from './registry-reboot.js';

/**
 * xRegistry (xPSDesiredStateConfiguration 9.2.1): DWORD/QWORD as hex with Hex = $true
 * (decimal DWORDs above 2^31-1 throw in the resource), Binary as one hex
 * string, and Force = $true so a value with other data converges instead of
 * throwing.
 */
export function registryBlock(r: RegistryResource, ctx: BlockContext): DscBlock {
    if (r.rebootAfterChange) {
        return rebootingRegistryBlock(r, ctx);
    }
    const v = r.value;
    const data = v.data;
    return {
        resourceType: 'xRegistry',
        module: X_PSDSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Key', ps.str(dscRegistryKey(v))],
            ['ValueName', ps.str(v.name)],
            ['Ensure', ps.str(v.ensure)],
            // Deleting the default value needs a ValueType: without one, ValueName = '' with
            // Ensure = 'Absent' removes the whole key.
            ['ValueType', data ? ps.str(VALUE_TYPE[data.type]) : v.name === '' ? ps.str('String') : undefined],
            ['ValueData', data ? valueData(data) : undefined],
            ['Hex', data && (data.type === 'REG_DWORD' || data.type === 'REG_QWORD') ? ps.bool(true) : undefined],
            ['Force', data ? ps.bool(true) : undefined],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}

const VALUE_TYPE: Readonly<Record<RegData['type'], string>> = {
    REG_SZ: 'String',
    REG_EXPAND_SZ: 'ExpandString',
    REG_MULTI_SZ: 'MultiString',
    REG_DWORD: 'DWord',
    REG_QWORD: 'QWord',
    REG_BINARY: 'Binary',
};

function valueData(data: RegData): PsValue {
    switch (data.type) {
        case 'REG_SZ':
        case 'REG_EXPAND_SZ':
        case 'REG_BINARY':
            return ps.strs([data.value]);
        case 'REG_MULTI_SZ':
            return ps.strs(data.value);
        case 'REG_DWORD':
            return ps.strs([data.value.toString(16).padStart(8, '0')]);
        case 'REG_QWORD':
            return ps.strs([data.value.toString(16).padStart(16, '0')]);
    }
}
