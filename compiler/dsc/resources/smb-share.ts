import { ps, type DscBlock } from '../block.js';
import type { SmbShareResource } from '../../ir/types.js';
import { COMPUTER_MANAGEMENT_DSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

export function smbShareBlock(r: SmbShareResource, ctx: BlockContext): DscBlock {
    const list = (items: readonly string[]) => (items.length > 0 ? ps.strs(items) : undefined);
    return {
        resourceType: 'SmbShare',
        module: COMPUTER_MANAGEMENT_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Name', ps.str(r.name)],
            ['Path', ps.str(r.path)],
            ['Ensure', ps.str(r.ensure)],
            ['Description', r.description === undefined ? undefined : ps.str(r.description)],
            ['FullAccess', list(r.fullAccess)],
            ['ChangeAccess', list(r.changeAccess)],
            ['ReadAccess', list(r.readAccess)],
            ['ScopeName', r.scopeName === undefined ? undefined : ps.str(r.scopeName)],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
