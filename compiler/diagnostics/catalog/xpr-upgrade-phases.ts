/**
 * Diagnostics catalog, XPR3165–XPR3169 (XPR3166 used; the rest reserved): what
 * the XPR upgrade's phases need to run (compiler/products/xpr/upgrade-phases.ts, upgrade-scripts.ts;
 * rules/xpr-phases-backup.ts). One part of CATALOG (../catalog.ts).
 */

import type { CatalogEntry } from '../catalog.js';

export const XPR_UPGRADE_PHASES = {
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
} as const satisfies Record<string, CatalogEntry>;
