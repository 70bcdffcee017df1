import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { EXAMPLE_FAILOVER_PERIOD } from '../cluster-data.js';
import { clusterSettings } from '../cluster-model.js';
import { driveOf } from '../model.js';

/**
 * The role's failover period (§9.7.5: the text recommends 8 hours, its
 * PowerShell example sets 6) and the XPR folders on the cluster disk
 * (§4.3.4.1 step 5, §4.4 step 3).
 */
export const xprClusterRole: Rule = {
    name: 'xpr-cluster-role',
    description: 'The XPR, license service, database and document folders are on the cluster disk, and a failover period of 6 hours (the guide\'s PowerShell example, not its recommendation) is pointed out.',
    reports: ['XprClusterFailoverPeriodExample', 'XprClusterPathNotOnDisk'],
    check(site) {
        const xpr = site.site.xpr;
        const cluster = xpr?.cluster;
        if (!xpr || !cluster) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        if (cluster.role.failoverPeriodHours === EXAMPLE_FAILOVER_PERIOD) {
            out.push(diag('XprClusterFailoverPeriodExample', { hours: EXAMPLE_FAILOVER_PERIOD }, at('/xpr/cluster/role/failoverPeriodHours')));
        }
        const drive = clusterSettings(cluster).driveLetter;
        const folders = [
            ['installPath', xpr.installPath, '/xpr/installPath'],
            ['databaseFolder', xpr.databaseFolder, '/xpr/databaseFolder'],
            ['documentFolder', xpr.documentFolder, '/xpr/documentFolder'],
            ['licensing.licenseServicePath', xpr.licensing.licenseServicePath, '/xpr/licensing/licenseServicePath'],
        ] as const;
        for (const [property, path, pointer] of folders) {
            if (path !== undefined && driveOf(path) !== drive) {
                out.push(diag('XprClusterPathNotOnDisk', { property, path, drive }, at(pointer)));
            }
        }
        return out;
    },
};
