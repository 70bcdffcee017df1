import { ps, type DscBlock } from '../block.js';
import type { WaitForAllResource } from '../../ir/types.js';
import { PSDSC_INBOX } from '../modules.js';
import { props, type BlockContext } from './context.js';

/**
 * WaitForAll (in-box PSDesiredStateConfiguration): the LCM asks the other
 * node's LCM, over WinRM, whether its resource `ResourceName` is in the
 * desired state, every RetryIntervalSec seconds, at most RetryCount times;
 * resources that depend on it are applied only then. Without RetryCount the
 * resource checks once and fails, so the plan always sets both.
 */
export function waitForAllBlock(r: WaitForAllResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'WaitForAll',
        module: PSDSC_INBOX,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['ResourceName', ps.str(r.resourceName)],
            ['NodeName', ps.strs([r.nodeName])],
            ['RetryIntervalSec', ps.int(r.retryIntervalSec)],
            ['RetryCount', ps.int(r.retryCount)],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
