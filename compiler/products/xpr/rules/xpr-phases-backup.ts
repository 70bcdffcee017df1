import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { siteUpgrade, upgradeRoute } from '../upgrade-matrix.js';

/** `folder` is `root` or below it (Windows paths compare case-insensitively). */
function inside(folder: string, root: string): boolean {
    const f = folder.replace(/\\+$/, '').toLowerCase();
    const r = root.replace(/\\+$/, '').toLowerCase();
    return f === r || f.startsWith(`${r}\\`);
}

/**
 * What the upgrade's phases need (upgrade-phases.ts): the backup folder lies
 * outside the XPR folders its Backup configuration copies (§2.3.2) and the
 * uninstallation deletes (§2.1 note 1). Reported only for a route the
 * matrix's rules accept. (A silent repair without `xpr.build`, or an
 * in-place upgrade without `backupPath`, is no mistake: the runbook then
 * has the engineer do that part and confirm it.)
 */
export const xprPhasesBackup: Rule = {
    name: 'xpr-upgrade-phases',
    description: 'The upgrade backup folder lies outside the XPR folders that the Backup configuration copies and the uninstallation deletes.',
    reports: ['XprUpgradeBackupInsideXpr'],
    check(site) {
        const found = siteUpgrade(site.site);
        // Only a route the matrix's rules accept (upgradeRoute refuses what they refuse): one problem at a time.
        if (!found || !found.a.method || upgradeRoute(site.site, found.xpr) === undefined) {
            return [];
        }
        const { xpr, a } = found;
        const out: PendingDiagnostic[] = [];
        const backupPath = a.upgrade.backupPath;
        if (backupPath === undefined) {
            return out;
        }
        const why =
            a.method === 'backupReinstallRestore'
                ? 'the uninstallation deletes it, and the Backup configuration would copy the installation into itself.'
                : 'the Backup configuration would copy the installation into itself, and the repair writes there.';
        const folders = [
            { what: 'installation folder', folder: xpr.installPath, pointer: '/xpr/installPath' },
            { what: 'installation folder of the source', folder: a.upgrade.previous?.installPath, pointer: '/xpr/upgrade/previous/installPath' },
            { what: 'database folder', folder: xpr.databaseFolder, pointer: '/xpr/databaseFolder' },
            { what: 'document folder', folder: xpr.documentFolder, pointer: '/xpr/documentFolder' },
            ...(xpr.satellites ?? []).map((s, i) => ({ what: `installation folder of satellite ${s.node}`, folder: s.installPath, pointer: `/xpr/satellites/${i}/installPath` })),
        ];
        const hit = folders.find((f) => f.folder !== undefined && inside(backupPath, f.folder));
        if (hit?.folder !== undefined) {
            out.push(diag('XprUpgradeBackupInsideXpr', { backupPath, what: hit.what, folder: hit.folder, why }, at('/xpr/upgrade/backupPath'), [{ message: `the ${hit.what}`, pointer: hit.pointer }]));
        }
        return out;
    },
};
