import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { SOURCE_LABELS } from '../upgrade-data.js';
import { siteUpgrade, methodProblem, pathAccepted } from '../upgrade-matrix.js';

/**
 * Clusters and fix-release media: cluster upgrades from a 32-bit OS, MRS
 * 8.xx or XPR 5.0 R4 FR13 need a project-specific release (§2.1 note 2);
 * an XPR in a cluster is upgraded by the cluster procedure (§3.2), not
 * silently; the fix-release medium is neither for clusters nor for
 * satellites (§2.3.4); UCC stays off the cluster (§3.1 item 4).
 */
export const xprUpgradeCluster: Rule = {
    name: 'xpr-upgrade-cluster',
    description: 'A cluster upgrade that needs a project-specific release has one, uses the cluster procedure rather than a silent repair, and no fix-release medium is used on a cluster or with satellites.',
    reports: ['XprUpgradeProjectReleaseMissing', 'XprUpgradeFixReleaseMediumNotAllowed', 'XprUpgradeClusterSilentRepair', 'XprUpgradeClusterUccOnNode'],
    check(site) {
        const found = siteUpgrade(site.site);
        if (!found) {
            return [];
        }
        const { xpr, a } = found;
        const out: PendingDiagnostic[] = [];
        const upgrade = a.upgrade;
        if (pathAccepted(a) && a.row.projectSpecificRelease === true && upgrade.projectSpecificRelease !== true) {
            out.push(
                diag(
                    'XprUpgradeProjectReleaseMissing',
                    { source: SOURCE_LABELS[a.from], bitness: a.bitness, row: a.row.id, section: a.row.section },
                    at(upgrade.projectSpecificRelease !== undefined ? '/xpr/upgrade/projectSpecificRelease' : '/xpr/upgrade'),
                ),
            );
        }
        const problem = methodProblem(a);
        if (problem === 'fixReleaseMediumNotAllowed') {
            const what = a.cluster && a.satellites ? 'a cluster or a site with satellites' : a.cluster ? 'a cluster' : 'a site with satellites';
            const alternative = a.cluster
                ? '"repair" from the complete V7 R1 FR1 medium by the cluster procedure (§3.2)'
                : '"silentRepair", or "repair" from the complete V7 R1 FR1 medium';
            out.push(diag('XprUpgradeFixReleaseMediumNotAllowed', { what, alternative }, at('/xpr/upgrade/method')));
        } else if (problem === 'clusterSilentRepair' && a.row) {
            out.push(diag('XprUpgradeClusterSilentRepair', { row: a.row.id, section: a.row.section }, at('/xpr/upgrade/method')));
        }
        const uccSatellite = (xpr.satellites ?? []).some((satellite) => satellite.components.connectionApl !== undefined);
        if (a.cluster && upgrade.uccComponents === true && !uccSatellite) {
            out.push(diag('XprUpgradeClusterUccOnNode', {}, at('/xpr/upgrade/uccComponents')));
        }
        return out;
    },
};
