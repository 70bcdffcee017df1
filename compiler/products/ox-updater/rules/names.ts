import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import { suggest } from '../../../frontend/validate.js';
import type { Rule } from '../../../rules/rule.js';
import { checkClientGroupTargets } from '../../client-groups.js';
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
        if (section.updaterPackage?.share) {
            known('Updater share node', section.updaterPackage.share.node, `${SECTION}/updaterPackage/share/node`);
        }
        out.push(
            ...checkClientGroupTargets(clientGroups(section), {
                known,
                duplicateGroup: (name, pointer) => diag('OxDuplicateGroup', { name }, at(pointer)),
                nodeInTwoGroups: (node, first, second, pointer) =>
                    diag('OxNodeInTwoGroups', { node, first: first.group, second }, at(pointer), [
                        { message: `Client group "${first.group}" targets it here.`, pointer: first.pointer },
                    ]),
            }),
        );
        return out;
    },
};
