/**
 * OpenScape Xpressions (XPR) V7: a fresh installation of a kernel server and
 * its satellites (manifest section `xpr`, schemas/xpr.schema.json).
 *
 * The failover cluster and version upgrades build on this module later:
 * model.ts decides which node is which host and how other hosts name the
 * kernel, data.ts holds the guide facts, lower.ts the resources per host,
 * runbook.ts the setup steps, rules/ the vendor rules (XPR3100–XPR3199).
 */

import type { Xpr } from '../../manifest/types.generated.js';
import type { Product } from '../product.js';
import { clusterCredentialUses } from './cluster-credentials.js';
import { CLUSTER_RULES } from './cluster-rules.js';
import { lowerXprNode } from './lower.js';
import { xprHosts } from './model.js';
import { planXprSite } from './cluster-plan.js';
import { xprAuthentication } from './rules/xpr-authentication.js';
import { xprHardware } from './rules/xpr-hardware.js';
import { xprHostPlatform } from './rules/xpr-host-platform.js';
import { xprHostsRule } from './rules/xpr-hosts.js';
import { xprIpApl } from './rules/xpr-ip-apl.js';
import { xprIsdnBoards } from './rules/xpr-isdn-boards.js';
import { xprLanguages } from './rules/xpr-languages.js';
import { xprLicensing } from './rules/xpr-licensing.js';
import { xprPaths } from './rules/xpr-paths.js';
import { xprPlacement } from './rules/xpr-placement.js';
import { xprReportApl } from './rules/xpr-report-apl.js';
import { xprServerName } from './rules/xpr-server-name.js';
import { xprServiceAccount } from './rules/xpr-service-account.js';
import { xprWindowsFeatures } from './rules/xpr-windows-features.js';
import { backupCredentialUses } from './upgrade-phases.js';
import { xprPhasesBackup } from './rules/xpr-phases-backup.js';
import { upgradeCredentialUses, UPGRADE_RULES } from './upgrade-rules.js';

export const xprProduct: Product = {
    section: 'xpr',
    title: 'OpenScape Xpressions',
    rules: [
        xprHostsRule,
        xprPaths,
        xprServerName,
        xprHostPlatform,
        xprHardware,
        xprWindowsFeatures,
        xprLanguages,
        xprIpApl,
        xprIsdnBoards,
        xprReportApl,
        xprPlacement,
        xprServiceAccount,
        xprLicensing,
        xprAuthentication,
        ...CLUSTER_RULES,
        ...UPGRADE_RULES,
        xprPhasesBackup,
    ],
    credentialUses(site) {
        const xpr = site.xpr;
        if (!xpr) {
            return [];
        }
        // Every XPR host's configuration takes the service account (services, group, right); the
        // medium's account only where the medium is copied, which is every XPR host too.
        return xprHosts(xpr).flatMap((host) => [
            { node: host.nodeName, name: xpr.serviceAccount.credential, pointer: '/xpr/serviceAccount/credential' },
            ...(xpr.media?.credential && xpr.media.stagingPath !== undefined
                ? [{ node: host.nodeName, name: xpr.media.credential.credential, pointer: '/xpr/media/credential/credential' }]
                : []),
        ]).concat(clusterCredentialUses(xpr), upgradeCredentials(xpr));
    },
    lowerNode: lowerXprNode,
    planSite: planXprSite,
};

/**
 * The upgrade's references: the backup share's account is a configuration parameter of every host's
 * Backup Scripts where they write to `backupPath` (upgrade-phases.ts), otherwise runbook-only (upgrade-rules.ts).
 */
function upgradeCredentials(xpr: Xpr) {
    const backup = backupCredentialUses(xpr);
    return [...upgradeCredentialUses(xpr).filter((use) => backup.length === 0 || !use.pointer.startsWith('/xpr/upgrade/credentials/backupShare')), ...backup];
}
