/**
 * The case table of rules/xpr-phases-backup.ts (rule xpr-upgrade-phases,
 * XPR3166) for rules.spec.ts. Positions are those of
 * JSON.stringify(manifest, null, 2).
 */

import { site } from './cases.js';
import type { RuleCase } from './table.js';
import { SAME } from './upgrade-inputs.js';

const SILENT = { version: 'V7R1FR1', build: '8.11.0.16072' };

export const UPGRADE_PHASES_CASES: readonly RuleCase[] = [
    {
        rule: 'xpr-upgrade-phases',
        it: 'should report a backup folder inside the installation folder',
        manifest: site({ ...SILENT, upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair', backupPath: 'd:\\xpr\\Backup' } }),
        expected: [
            {
                code: 'XPR3166',
                line: 66,
                column: 21,
                pointer: '/xpr/upgrade/backupPath',
                message: 'The backup folder d:\\xpr\\Backup is inside the XPR installation folder D:\\XPR: the Backup configuration would copy the installation into itself, and the repair writes there.',
            },
        ],
    },
    {
        rule: 'xpr-upgrade-phases',
        it: 'should accept a backup folder that only starts like the installation folder',
        passing: true,
        manifest: site({ ...SILENT, upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair', backupPath: 'D:\\XPR-Backup' } }),
        expected: [],
    },
    {
        rule: 'xpr-upgrade-phases',
        it: 'should accept a repair whose backup goes to another disk',
        passing: true,
        manifest: site({ upgrade: { from: 'V7R0', bitness: 64, backupPath: 'E:\\Backup', previous: SAME } }),
        expected: [],
    },
];
