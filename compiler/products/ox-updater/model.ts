/** Derived facts of the `oxUpdater` section shared by rules, lowering and the runbook. */

import type { OxClientGroup, OxUpdater } from '../../manifest/types.generated.js';

export const SECTION = '/oxUpdater';

export { sameNodeName as sameNode, normaliseGuid } from '../../frontend/defaults.js';

export function clientGroups(section: OxUpdater): { group: OxClientGroup; pointer: string }[] {
    return section.clientGroups.map((group, i) => ({ group, pointer: `${SECTION}/clientGroups/${i}` }));
}

/** Compares dotted versions numerically, missing parts as 0. */
export function compareVersions(a: string, b: string): number {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0) {
            return d;
        }
    }
    return 0;
}

/** Whether the group gets the Updater MSI; the default is the guide's user-driven download (§1.1). */
export function installsPackage(group: OxClientGroup): boolean {
    return group.install === 'package';
}

