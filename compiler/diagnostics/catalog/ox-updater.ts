/**
 * Diagnostics catalog, XPR3350–XPR3399: OX Updater / OXtender
 * (compiler/products/ox-updater).
 *
 * One part of CATALOG (../catalog.ts), kept in its own file only so that no
 * file holds the whole table; codes, order and texts are the table's. The
 * `as const satisfies` keeps every template a literal type, which the typed
 * placeholders of DiagnosticArgs need.
 */

import type { CatalogEntry } from '../catalog.js';

export const OX_UPDATER = {
    // --- XPR3350–XPR3399: OX Updater / OXtender (compiler/products/ox-updater)
    OxUnknownNode: {
        code: 'XPR3350',
        phase: 'semantic',
        severity: 'error',
        title: 'OX Updater refers to an unknown node',
        message: 'The OX Updater {role} "{name}" is not a node of this manifest.{suggestion}',
        fix: 'Declare "{name}" under "nodes" (desktops can be nodes too, e.g. with "os": "Windows11") or correct the name.',
        explanation: 'The runbook node and client groups that target named machines refer to nodes by name; a name that matches no node would configure nothing.',
    },
    OxNodeInTwoGroups: {
        code: 'XPR3351',
        phase: 'semantic',
        severity: 'error',
        title: 'Machine in two OX client groups',
        message: 'Node "{node}" is a target of OX client groups "{first}" and "{second}".',
        fix: 'Remove the node from one of the groups.',
        explanation: 'Client groups state the machine\'s Outlook version and plug-ins; a machine in two groups would have two of each.',
    },
    OxDuplicateGroup: {
        code: 'XPR3356',
        phase: 'semantic',
        severity: 'error',
        title: 'Duplicate OX client group name',
        message: 'OX client group name "{name}" is used twice.',
        fix: 'Give every client group its own name.',
        explanation: 'Group names identify runbook steps and messages; two groups of one name would make them ambiguous.',
    },
} as const satisfies Record<string, CatalogEntry>;
