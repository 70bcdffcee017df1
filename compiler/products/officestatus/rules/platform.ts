import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { ResolvedSite } from '../../../frontend/resolve.js';
import type { Rule } from '../../../rules/rule.js';
import { DESKTOP_OS, LISTED_SERVER_OS, NO_DSC_OS } from '../data.js';
import { webAdministrationDscSupport } from '../../../dsc/platforms.js';
import { clientGroups, sameNode, SECTION, usesWebSiteResource } from '../model.js';

/**
 * Operating systems (§2.3 for the server, §3.3 for the client). The server
 * needs Windows Server (its features are Server Manager features); of the
 * listed server systems only 2008 R2 can be named, so later ones are a
 * warning, not an error. The client needs "a Windows desktop operating
 * system (Windows XP or later)" (§3.3.1): Windows 7, Vista and XP (§3.3.2)
 * and Windows 10 and 11 qualify, a server system is reported. A named client
 * gets a DSC configuration, which XP and Vista cannot run: an error, since
 * Group Policy reaches those machines instead.
 */
export const officeStatusPlatform: Rule = {
    name: 'officestatus-platform',
    description:
        'The OfficeStatus server runs a Windows Server system (a warning when it is not one the guide lists, or when WebAdministrationDsc, which creates its website, does not support it), and client machines run desktop Windows that can apply their DSC configuration.',
    reports: ['OfficeStatusServerOnDesktopOs', 'OfficeStatusServerOsNotListed', 'OfficeStatusIisDscOs', 'OfficeStatusClientOnServerOs', 'OfficeStatusClientWithoutDsc', 'OfficeStatusGpoGroupWithoutOs'],
    check(site) {
        const section = site.site.officeStatus;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const server = osOf(site, section.server.node);
        if (server !== undefined) {
            const where = at(`${SECTION}/server/node`);
            if (DESKTOP_OS.includes(server)) {
                out.push(diag('OfficeStatusServerOnDesktopOs', { node: section.server.node, os: server }, where));
            } else if (!LISTED_SERVER_OS.includes(server)) {
                out.push(diag('OfficeStatusServerOsNotListed', { node: section.server.node, os: server }, where));
            }
            // The only server system the guide lists (2008 R2) is one WebAdministrationDsc does not (its README).
            if (usesWebSiteResource(section.server.website) && webAdministrationDscSupport(server) === 'notListed' && !DESKTOP_OS.includes(server)) {
                out.push(diag('OfficeStatusIisDscOs', { node: section.server.node, os: server, site: section.server.website.name }, at(`${SECTION}/server/website/create`)));
            }
        }
        for (const { group, pointer } of clientGroups(section)) {
            if (group.targets.gpo && group.operatingSystems === undefined) {
                out.push(diag('OfficeStatusGpoGroupWithoutOs', { group: group.name }, at(`${pointer}/targets/gpo`)));
            }
            (group.targets.nodes ?? []).forEach((name, j) => {
                const os = osOf(site, name);
                if (os !== undefined && !DESKTOP_OS.includes(os)) {
                    out.push(diag('OfficeStatusClientOnServerOs', { group: group.name, node: name, os }, at(`${pointer}/targets/nodes/${j}`)));
                } else if (os !== undefined && NO_DSC_OS.includes(os)) {
                    out.push(diag('OfficeStatusClientWithoutDsc', { group: group.name, node: name, os }, at(`${pointer}/targets/nodes/${j}`)));
                }
            });
        }
        return out;
    },
};

/** The node's effective OS (its own or the site default); undefined for an unknown node (reported by officestatus-names). */
function osOf(site: ResolvedSite, name: string): string | undefined {
    return site.nodes.find((n) => sameNode(n.name, name))?.os;
}
