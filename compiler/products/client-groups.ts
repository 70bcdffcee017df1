/**
 * Client groups (OfficeStatus, OX Updater) target named machines: shared
 * checks that group names are unique and that a machine is in one group.
 */

import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';

export interface ClientGroupEntry {
    readonly group: { readonly name: string; readonly targets: { readonly nodes?: readonly string[] } };
    readonly pointer: string;
}

export interface ClientGroupReports {
    /** Is `name` a node of the site? Reports it itself when not. */
    readonly known: (role: string, name: string, pointer: string) => boolean;
    readonly duplicateGroup: (name: string, pointer: string) => PendingDiagnostic;
    readonly nodeInTwoGroups: (node: string, first: { group: string; pointer: string }, second: string, pointer: string) => PendingDiagnostic;
}

export function checkClientGroupTargets(groups: readonly ClientGroupEntry[], report: ClientGroupReports): PendingDiagnostic[] {
    const out: PendingDiagnostic[] = [];
    const groupNames = new Set<string>();
    const firstGroup = new Map<string, { group: string; pointer: string }>();
    for (const { group, pointer } of groups) {
        if (groupNames.has(group.name)) {
            out.push(report.duplicateGroup(group.name, `${pointer}/name`));
            continue;
        }
        groupNames.add(group.name);
        (group.targets.nodes ?? []).forEach((name, j) => {
            const where = `${pointer}/targets/nodes/${j}`;
            if (!report.known(`client group "${group.name}" target`, name, where)) {
                return;
            }
            const first = firstGroup.get(name.toUpperCase());
            if (first === undefined) {
                firstGroup.set(name.toUpperCase(), { group: group.name, pointer: where });
            } else if (first.group !== group.name) {
                out.push(report.nodeInTwoGroups(name, first, group.name, where));
            }
        });
    }
    return out;
}
