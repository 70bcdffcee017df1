import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import { suggest } from '../../../frontend/validate.js';
import type { Rule } from '../../../rules/rule.js';
import { checkClientGroupTargets } from '../../client-groups.js';
import { clientGroups, findNode, SECTION } from '../model.js';

/**
 * The server, the distribution share and named client machines are nodes:
 * each gets its own configuration and runbook, so every name must match one.
 * Group names key runbook steps, so they are unique; and a machine belongs to
 * one client group (a second package of the same product would uninstall the
 * first, §6.3).
 */
export const officeStatusNames: Rule = {
    name: 'officestatus-names',
    description:
        'Every node the OfficeStatus section names exists, client group names are unique, and a node is the target of at most one OfficeStatus client group.',
    reports: ['OfficeStatusUnknownNode', 'OfficeStatusDuplicateGroup', 'OfficeStatusNodeInTwoGroups'],
    check(site) {
        const section = site.site.officeStatus;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const names = site.site.nodes.map((n) => n.name);
        const known = (role: string, name: string, pointer: string): boolean => {
            if (findNode(site.site, name)) {
                return true;
            }
            out.push(diag('OfficeStatusUnknownNode', { role, name, suggestion: suggest(name, names) }, at(pointer)));
            return false;
        };

        known('server', section.server.node, `${SECTION}/server/node`);
        if (section.distribution) {
            known('distribution share node', section.distribution.node, `${SECTION}/distribution/node`);
        }
        out.push(
            ...checkClientGroupTargets(clientGroups(section), {
                known,
                duplicateGroup: (name, pointer) => diag('OfficeStatusDuplicateGroup', { name }, at(pointer)),
                nodeInTwoGroups: (node, first, second, pointer) =>
                    diag('OfficeStatusNodeInTwoGroups', { node, first: first.group, second }, at(pointer), [
                        { message: `Client group "${first.group}" targets it here.`, pointer: first.pointer },
                    ]),
            }),
        );
        return out;
    },
};
