/**
 * Diagnostics catalog, XPR3165–XPR3169: what the XPR upgrade's phases need
 * to run (compiler/products/xpr/upgrade-phases.ts, upgrade-scripts.ts;
 * rules/xpr-phases-backup.ts). One part of CATALOG (../catalog.ts).
 */

import type { CatalogEntry } from '../catalog.js';

export const XPR_UPGRADE_PHASES = {
    XprUpgradeSilentRepairBuildMissing: {
        code: 'XPR3165',
        phase: 'semantic',
        severity: 'warning',
        title: 'Silent repair without a target build',
        message: 'Without "xpr.build" the Upgrade configuration cannot tell whether "setup.exe --silent-repair" reached {target} (the guide documents no exit codes), so it does not run it: the runbook has the engineer run it and confirm.',
        fix: 'Add "xpr.build": the "Version=" line of XpressionsInstall\\HiSPA.txt on the target medium, e.g. "8.11.0.16072"; the Upgrade configuration then runs the silent repair and checks the installed {binary} against it.',
        explanation:
            'A repair that stopped half-way must not count as done. With the build, the Script compares the file version of the installed binary with it before and after setup.exe; without it nothing on the host shows the result.',
        guide: 'XPR Upgrade guide §2.8.2 step 9, §2.3.4',
    },
    XprUpgradeBackupInsideXpr: {
        code: 'XPR3166',
        phase: 'semantic',
        severity: 'error',
        title: 'Backup folder inside an XPR folder',
        message: 'The backup folder {backupPath} is inside the XPR {what} {folder}: {why}',
        fix: 'Put "upgrade.backupPath" on another disk of the host or on a UNC path (with "upgrade.credentials.backupShare").',
        explanation:
            'The Backup configuration copies folders of the installation (Stat, Log, Folders, Userdata, res\\maint, res\\RepApl) into the backup folder; inside the installation they would be copied into themselves, overwritten by the upgrade and, on the reinstall path, deleted with the uninstallation. The guide recommends a second disk for the backup.',
        guide: 'XPR Upgrade guide §2.3.1.1 (a second disk for backup), §2.3.2, §2.1 note 1',
    },
    XprUpgradeNoAutomatedBackup: {
        code: 'XPR3167',
        phase: 'semantic',
        severity: 'warning',
        title: 'In-place upgrade without a backup folder',
        message: 'The upgrade has no "upgrade.backupPath": the Backup configuration exports nothing, and the registry export, the folder copies and the InfoStor export of {section} stay with the engineer.',
        fix: 'Add "upgrade.backupPath" (another disk or a UNC path) so that the Backup configuration makes the §2.3.2 backup before the repair.',
        explanation: 'A repair overwrites the installation in place; the guide has the XPR registry tree, the data folders and an InfoStor export saved first. Disk images stay a manual step either way.',
        guide: 'XPR Upgrade guide §2.3.2',
    },
} as const satisfies Record<string, CatalogEntry>;
