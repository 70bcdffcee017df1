import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import { suggest } from '../../../frontend/validate.js';
import type { Rule } from '../../../rules/rule.js';
import { clientGroups, sameNode, SECTION } from '../model.js';

/**
 * The runbook node and named client machines are nodes of the manifest,
 * group names (which key runbook steps) are unique, and a machine is in one
 * group: a group states the machine's Outlook version and plug-ins.
 */
export const oxUpdaterNames: Rule = {
    name: 'ox-updater-names',
    description: 'Every node the OX Updater section names exists, client group names are unique, and a node is in at most one OX client group.',
    reports: ['OxUnknownNode', 'OxDuplicateGroup', 'OxNodeInTwoGroups'],
    check(site) {
        const section = site.site.oxUpdater;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const names = site.site.nodes.map((n) => n.name);
        const known = (role: string, name: string, pointer: string): boolean => {
            if (names.some((n) => sameNode(n, name))) {
                return true;
            }
            out.push(diag('OxUnknownNode', { role, name, suggestion: suggest(name, names) }, at(pointer)));
            return false;
        };
        known('runbook node', section.runbookNode, `${SECTION}/runbookNode`);
        const groupNames = new Set<string>();
        const firstGroup = new Map<string, { group: string; pointer: string }>();
        for (const { group, pointer } of clientGroups(section)) {
            if (groupNames.has(group.name)) {
                out.push(diag('OxDuplicateGroup', { name: group.name }, at(`${pointer}/name`)));
                continue;
            }
            groupNames.add(group.name);
            (group.targets.nodes ?? []).forEach((name, j) => {
                const where = `${pointer}/targets/nodes/${j}`;
                if (!known(`client group "${group.name}" target`, name, where)) {
                    return;
                }
                const first = firstGroup.get(name.toUpperCase());
                if (first === undefined) {
                    firstGroup.set(name.toUpperCase(), { group: group.name, pointer: where });
                } else {
                    out.push(
                        diag('OxNodeInTwoGroups', { node: name, first: first.group, second: group.name }, at(where), [
                            { message: `Client group "${first.group}" targets it here.`, pointer: first.pointer },
                        ]),
                    );
                }
            });
        }
        return out;
    },
};
