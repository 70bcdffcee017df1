import type { WaitForAllResource } from '../../ir/types.js';
import { resourceTitle, skipped, type CheckContext, type PesterCheck } from './check.js';

/**
 * A cross-node wait is an ordering point, not a state of this node: what it
 * waited for is checked by the other node's own Tests.ps1.
 */
export function waitForAllCheck(r: WaitForAllResource, ctx: CheckContext): PesterCheck {
    return skipped(
        resourceTitle(r, ctx),
        [`The configuration waited here for ${r.resourceName} on ${r.nodeName}; that node's Tests.ps1 checks it.`],
        `a wait for ${r.nodeName} leaves no state on this node`,
    );
}
