import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { SOURCE_LABELS, sourceList, UPGRADE_MATRIX } from '../upgrade-data.js';
import { compareVersions } from '../../versions.js';
import { siteUpgrade, type UpgradeAnalysis } from '../upgrade-matrix.js';

/**
 * Where the upgrade starts must be a row of the matrix, reach the target
 * directly and not need an intermediate version first (Upgrade guide §2.1;
 * the rows are in upgrade-data.ts).
 */
export const xprUpgradePath: Rule = {
    name: 'xpr-upgrade-path',
    description: 'The upgrade source is in the §2.1 matrix, needs no intermediate version, reaches the target version and is not marked as installed.',
    reports: ['XprUpgradeSourceUnsupported', 'XprUpgradeIntermediateRequired', 'XprUpgradeTargetNotReached', 'XprUpgradeInstalledConflict', 'XprUpgradeBuildNotNewer'],
    check(site) {
        const found = siteUpgrade(site.site);
        if (!found) {
            return [];
        }
        const { xpr, a } = found;
        const out: PendingDiagnostic[] = [];
        const source = SOURCE_LABELS[a.from];
        if (xpr.installed === true) {
            out.push(diag('XprUpgradeInstalledConflict', { target: a.to, source }, at('/xpr/installed')));
        }
        if (!a.row) {
            out.push(diag('XprUpgradeSourceUnsupported', { source, bitness: a.bitness, where: a.cluster ? ' on a cluster' : '', known: knownBitness(a) }, at('/xpr/upgrade/from')));
        } else if (a.via) {
            const byConferences = a.row.via?.when === 'conferencesActive';
            out.push(
                diag(
                    'XprUpgradeIntermediateRequired',
                    { source, reason: byConferences ? ' with activated conferences' : '', via: sourceList(a.via), row: a.row.id, section: a.row.section },
                    at(byConferences ? '/xpr/upgrade/conferencesActive' : '/xpr/upgrade/from'),
                ),
            );
        } else if (!a.targetReached) {
            out.push(
                diag(
                    'XprUpgradeTargetNotReached',
                    { source, row: a.row.id, reached: a.row.to.map((t) => `"${t}"`).join(' or '), target: `"${a.to}"` },
                    at(xpr.version !== undefined ? '/xpr/version' : '/xpr/upgrade/from'),
                ),
            );
        }
        const installed = a.upgrade.build;
        if (installed !== undefined && xpr.build !== undefined && compareVersions(installed, xpr.build) >= 0) {
            out.push(diag('XprUpgradeBuildNotNewer', { installed, target: xpr.build }, at('/xpr/upgrade/build')));
        }
        return out;
    },
};

/** " The matrix lists XPR 6 R1 on 32-bit only." */
function knownBitness(a: UpgradeAnalysis): string {
    const scope = a.cluster ? 'cluster' : 'noCluster';
    const bits = [...new Set(UPGRADE_MATRIX.filter((r) => r.from.includes(a.from) && (r.scope === undefined || r.scope === scope)).flatMap((r) => r.bitness))].sort();
    return bits.length === 0 ? '' : ` The matrix lists ${SOURCE_LABELS[a.from]} on ${bits.join('-bit and ')}-bit only.`;
}
