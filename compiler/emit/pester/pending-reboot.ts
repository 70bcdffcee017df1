import type { PendingRebootResource } from '../../ir/types.js';
import { resourceTitle, skipped, type CheckContext, type PesterCheck } from './check.js';

/** A reboot point is an action, not a state: after deployment there is nothing of it to check. */
export function pendingRebootCheck(r: PendingRebootResource, ctx: CheckContext): PesterCheck {
    return skipped(
        resourceTitle(r, ctx),
        ['The LCM reboots here when Windows reports a pending reboot; Test-DscConfiguration reports it.'],
        'a reboot point leaves no state to check',
    );
}
