import { at as where, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { MAX_SESSIONS, MEMORY_FOR_750_OPTION_GB, MIN_DISK_GB, MIN_MEMORY_GB, SMALL_TIER_USERS, SUPPORTED_OS } from '../data.js';
import { at } from '../model.js';

export const onexSizing: Rule = {
    name: 'onex-portal-sizing',
    description:
        'The portal server fits its users: 300 users at most for the 300 option, at most 750 simultaneous sessions, RAM and disk per tier, more than 8 GB for the 750 option, and a supported 64-bit Windows Server.',
    reports: ['OnexSessionLimit', 'OnexCapacityTooSmall', 'OnexMemoryTooSmall', 'OnexMemoryFor750', 'OnexUnsupportedOs', 'OnexDiskTooSmall'],
    check({ site, nodes }) {
        const section = site.onexPortal;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const capacity = section.capacity ?? '300';
        const large = capacity === '750' || section.users > SMALL_TIER_USERS;
        const tier = large ? 'more than 300 users' : 'up to 300 users';

        // §1.3: more users may be configured, but only 750 sessions run at once.
        if (section.users > MAX_SESSIONS) {
            out.push(diag('OnexSessionLimit', { users: section.users }, where(at('users'))));
        }
        // §2.1/§2.10: more than 300 users need the larger option and its tuning.
        if (section.users > SMALL_TIER_USERS && capacity === '300') {
            out.push(diag('OnexCapacityTooSmall', { users: section.users }, where(at('users'))));
        }
        // §2.1: 4 GB up to 300 users, 8 GB beyond; §2.6 step 6: the 750 option only above 8 GB.
        const minimum = large ? MIN_MEMORY_GB.large : MIN_MEMORY_GB.small;
        if (section.memoryGB < minimum) {
            out.push(diag('OnexMemoryTooSmall', { memory: section.memoryGB, tier, minimum }, where(at('memoryGB'))));
        } else if (capacity === '750' && section.memoryGB <= MEMORY_FOR_750_OPTION_GB) {
            out.push(diag('OnexMemoryFor750', { memory: section.memoryGB }, where(at('memoryGB'))));
        }
        if (section.diskGB !== undefined && section.diskGB < MIN_DISK_GB) {
            out.push(diag('OnexDiskTooSmall', { disk: section.diskGB }, where(at('diskGB'))));
        }
        // §2.1: the supported server versions (all 64-bit in xprc's OS values).
        const portal = nodes.find((n) => n.name.toUpperCase() === section.node.toUpperCase());
        if (portal && !SUPPORTED_OS.includes(portal.os)) {
            out.push(
                diag(
                    'OnexUnsupportedOs',
                    { node: portal.name, os: portal.os, tier, supported: SUPPORTED_OS.join(', ') },
                    where(portal.node.os !== undefined ? `${portal.pointer}/os` : site.defaults?.os !== undefined ? '/defaults/os' : at('node')),
                ),
            );
        }
        return out;
    },
};
