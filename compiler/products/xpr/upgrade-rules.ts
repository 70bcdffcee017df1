/** The rules of an XPR upgrade (`xpr.upgrade`, the §2.1 matrix in upgrade-data.ts), in report order. */

import type { CredentialUse } from '../product.js';
import type { Xpr } from '../../manifest/types.generated.js';
import type { Rule } from '../../rules/rule.js';
import { xprUpgradeCluster } from './rules/xpr-upgrade-cluster.js';
import { xprUpgradeMethod } from './rules/xpr-upgrade-method.js';
import { xprUpgradePath } from './rules/xpr-upgrade-path.js';
import { xprUpgradeReinstall } from './rules/xpr-upgrade-reinstall.js';

export const UPGRADE_RULES: readonly Rule[] = [xprUpgradePath, xprUpgradeMethod, xprUpgradeReinstall, xprUpgradeCluster];

/**
 * The upgrade's credential references, checked like every other (unknown or
 * unused names): the kernel's procedure uses them. PGROOT's password is typed
 * into the fresh installation's setup by the engineer (§2.9.2), so it is
 * runbook-only; so is the backup share's account until a configuration takes it.
 */
export function upgradeCredentialUses(xpr: Xpr): CredentialUse[] {
    const credentials = xpr.upgrade?.credentials;
    if (!credentials) {
        return [];
    }
    return [
        ...(credentials.pgRoot ? [{ node: xpr.kernel.node, name: credentials.pgRoot.credential, pointer: '/xpr/upgrade/credentials/pgRoot/credential', runbookOnly: true }] : []),
        ...(credentials.backupShare
            ? [{ node: xpr.kernel.node, name: credentials.backupShare.credential, pointer: '/xpr/upgrade/credentials/backupShare/credential', runbookOnly: true }]
            : []),
    ];
}
