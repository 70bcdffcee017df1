import { ps, type DscBlock } from '../block.js';
import type { UserRightResource } from '../../ir/types.js';
import { SECURITY_POLICY_DSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/** UserRightsAssignment without Force: the identities are granted the right, other holders keep it. */
export function userRightBlock(r: UserRightResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'UserRightsAssignment',
        module: SECURITY_POLICY_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Policy', ps.str(r.name)],
            ['Identity', ps.strs(r.identities)],
            ['Ensure', ps.str('Present')],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
