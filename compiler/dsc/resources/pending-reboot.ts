import { ps, type DscBlock } from '../block.js';
import type { PendingRebootResource } from '../../ir/types.js';
import { COMPUTER_MANAGEMENT_DSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/**
 * PendingReboot: an explicit reboot point, which the LCM acts on because
 * every meta-configuration sets RebootNodeIfNeeded (emit/ps/meta-configuration.ts).
 *
 * It is scoped to what the configuration itself causes, so that a pending
 * Windows Update (or another tool's pending work) never reboots a
 * production server through xprc's configuration:
 * - Component-Based Servicing is kept: installing or removing a Windows
 *   feature (xWindowsFeature) is what requests that reboot. (CBS also holds
 *   reboots of updates installed through it; the module cannot tell them apart.)
 * - Windows Update, the ConfigMgr client and a pending computer rename are
 *   skipped: no xprc resource causes them.
 * - Pending file renames are skipped: the rename list also fills from
 *   anti-virus and update agents, while installers run by this configuration
 *   ask for their restart themselves (xMsiPackage's Set checks for a pending
 *   restart right after its install; the Script installers turn exit code
 *   3010 into `$global:DSCMachineStatus = 1`).
 */
export function pendingRebootBlock(r: PendingRebootResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'PendingReboot',
        module: COMPUTER_MANAGEMENT_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Name', ps.str(r.name)],
            ['SkipComponentBasedServicing', ps.bool(false)],
            ['SkipWindowsUpdate', ps.bool(true)],
            ['SkipPendingFileRename', ps.bool(true)],
            ['SkipPendingComputerRename', ps.bool(true)],
            ['SkipCcmClientSDK', ps.bool(true)],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
