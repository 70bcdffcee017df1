import type { GroupMembersResource } from '../../ir/types.js';
import { psString } from '../ps/quote.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/** Get-LocalGroupMember: every account the block adds is a member (xGroup MembersToInclude leaves others alone). */
export function groupMembersCheck(r: GroupMembersResource, ctx: CheckContext): PesterCheck {
    return check(
        r,
        ctx,
        [
            `$members = @(Get-LocalGroupMember -Group ${psString(r.name)} -ErrorAction SilentlyContinue | ForEach-Object -Process { $_.Name })`,
            ...r.members.map((member) => `Test-AccountIn -Account ${psString(member)} -Reported $members | Should -BeTrue -Because ${psString(`${member} is a member of ${r.name}`)}`),
        ],
        { helpers: ['Test-AccountIn'] },
    );
}
