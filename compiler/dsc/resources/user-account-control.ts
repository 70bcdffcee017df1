import { ps, type DscBlock } from '../block.js';
import type { UserAccountControlResource } from '../../ir/types.js';
import { COMPUTER_MANAGEMENT_DSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/**
 * ComputerManagementDsc UserAccountControl. NotificationLevel sets the
 * matching EnableLUA / ConsentPromptBehaviorAdmin / PromptOnSecureDesktop
 * values together; when it changes them the resource asks the LCM for a
 * reboot (DSCMachineStatus) unless SuppressRestart is set, which is only
 * written when it is.
 */
export function userAccountControlBlock(r: UserAccountControlResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'UserAccountControl',
        module: COMPUTER_MANAGEMENT_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['IsSingleInstance', ps.str('Yes')],
            ['NotificationLevel', ps.str(r.notificationLevel)],
            ['SuppressRestart', r.suppressRestart ? ps.bool(true) : undefined],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
