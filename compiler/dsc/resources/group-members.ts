import { ps, type DscBlock } from '../block.js';
import type { GroupMembersResource } from '../../ir/types.js';
import { X_PSDSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/** xGroup with MembersToInclude: adds the accounts and never removes anyone else. */
export function groupMembersBlock(r: GroupMembersResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'xGroup',
        module: X_PSDSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['GroupName', ps.str(r.name)],
            ['Ensure', ps.str('Present')],
            ['MembersToInclude', ps.strs(r.members)],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
