import { ps, type DscBlock } from '../block.js';
import type { PendingRebootResource } from '../../ir/types.js';
import { COMPUTER_MANAGEMENT_DSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/**
 * PendingReboot: an explicit reboot point. The LCM reboots only when its
 * RebootNodeIfNeeded setting allows it; otherwise the node reports that it
 * needs one, which the runbook tells the engineer to check.
 */
export function pendingRebootBlock(r: PendingRebootResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'PendingReboot',
        module: COMPUTER_MANAGEMENT_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(['Name', ps.str(r.name)], ['DependsOn', ctx.dependsOn(r)]),
    };
}
