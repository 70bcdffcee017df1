import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { INSTALL_MARKER } from '../data.js';
import { analyseUpgrade, upgradeRoute } from '../upgrade-matrix.js';

/** `folder` is `root` or below it (Windows paths compare case-insensitively). */
function inside(folder: string, root: string): boolean {
    const f = folder.replace(/\\+$/, '').toLowerCase();
    const r = root.replace(/\\+$/, '').toLowerCase();
    return f === r || f.startsWith(`${r}\\`);
}

/**
 * What the upgrade's phases need (upgrade-phases.ts): a silent repair has
 * the target build its Script checks the installed binary against (the
 * guide documents no exit codes, §2.8.2); the backup folder is outside the
 * XPR folders it copies; an in-place upgrade without one is told that its
 * §2.3.2 backup stays manual. Reported only for a route the matrix's rules accept.
 */
export const xprPhasesBackup: Rule = {
    name: 'xpr-upgrade-phases',
    description: 'A silent repair states the target build; the upgrade backup folder lies outside the XPR folders; an in-place upgrade without a backup folder is warned that its backup stays manual.',
    reports: ['XprUpgradeSilentRepairBuildMissing', 'XprUpgradeBackupInsideXpr', 'XprUpgradeNoAutomatedBackup'],
    check(site) {
        const xpr = site.site.xpr;
        const a = xpr ? analyseUpgrade(site.site, xpr) : undefined;
        // Only a route the matrix's rules accept (upgradeRoute refuses what they refuse): one problem at a time.
        if (!xpr || !a || !a.method || upgradeRoute(site.site, xpr) === undefined) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        if (a.method === 'silentRepair' && xpr.build === undefined) {
            out.push(diag('XprUpgradeSilentRepairBuildMissing', { target: xpr.version === 'V7R1FR1' ? 'XPR V7 R1 FR1' : 'XPR V7 R1', binary: INSTALL_MARKER.kernel.binary }, at(a.upgrade.method !== undefined ? '/xpr/upgrade/method' : '/xpr/upgrade')));
        }
        const backupPath = a.upgrade.backupPath;
        if (backupPath === undefined) {
            if (a.method !== 'backupReinstallRestore') {
                out.push(diag('XprUpgradeNoAutomatedBackup', { section: '§2.3.2' }, at('/xpr/upgrade')));
            }
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
