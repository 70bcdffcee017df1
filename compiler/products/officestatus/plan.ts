/**
 * OfficeStatus across its nodes (PLAN.md): the database, then the server
 * (Prepare, the installer wizard, Operate), then the distribution share and
 * the client groups (Installation guide §2.4, §4.1–§4.3, §5).
 *
 * Phases on the server: the reboot the prerequisites may need (§4.1) is
 * one-off preparation for the wizard, so it is in Prepare only: in the
 * steady state a pending Windows reboot must not restart a production
 * server at the next consistency check. Everything else the server has
 * (IIS, ASP.NET, .NET 3.5, folders, website, firewall) the wizard needs and
 * the steady state keeps: both configurations.
 */

import type { NodePhase } from '../../ir/plan.js';
import type { NodeIR, Resource } from '../../ir/types.js';
import type { ResolvedSite } from '../../frontend/resolve.js';
import { PlanSteps } from '../plan-steps.js';
import { guide } from './data.js';
import { clientGroups, isExisting, SECTION, sqlInstance } from './model.js';

const BOTH: readonly NodePhase[] = ['Prepare', 'Operate'];

/** The server's resources with their configurations; an installed server (`server.installed`) keeps its steady state only. */
export function withServerPhases(resources: readonly Resource[], installed: boolean): Resource[] {
    if (installed) {
        const reboots = new Set(resources.filter((r) => r.kind === 'PendingReboot').map((r) => r.id));
        return resources.filter((r) => !reboots.has(r.id)).map((r) => ({ ...r, dependsOn: r.dependsOn.filter((id) => !reboots.has(id)) }) as Resource);
    }
    return resources.map((r): Resource => ({ ...r, phases: r.kind === 'PendingReboot' ? ['Prepare'] : BOTH }));
}

export function planOfficeStatus(resolved: ResolvedSite, nodes: readonly NodeIR[]): ReturnType<PlanSteps['list']> {
    const section = resolved.site.officeStatus;
    if (!section) {
        return [];
    }
    const plan = new PlanSteps(nodes);
    const server = section.server.node;
    const database = section.server.database;
    const databaseNode = isExisting(database) ? nodes.find((n) => n.name.toUpperCase() === database.server.toUpperCase()) : undefined;

    plan.phase('officestatus-server', 'OfficeStatus database and server', guide('§2.4, §4.1–§4.3'));
    // A database server of the manifest is configured first; otherwise SQL Server is another system.
    const databaseApplied = databaseNode
        ? plan.apply(databaseNode.name, 'Operate', [], `Apply the configuration of the database server ${databaseNode.name}`, `${SECTION}/server/database`, guide('§2.4'))
        : undefined;
    const fresh = section.server.installed !== true;
    const access = fresh ? plan.manual(server, 'officestatus-database-access', [databaseApplied], isExisting(database) ? { system: `SQL Server ${sqlInstance(database)}` } : {}) : undefined;
    const account = fresh ? plan.manual(server, 'officestatus-service-account', [], { system: 'Active Directory' }) : undefined;
    const prepare = plan.apply(server, 'Prepare', [], `Prepare ${server} for the OfficeStatus installer`, `${SECTION}/server/node`, guide('§4.1'));
    const install = fresh ? plan.manual(server, 'officestatus-server-install', [prepare, access, account]) : databaseApplied;
    const operate = plan.apply(server, 'Operate', [install ?? prepare], `Apply the OfficeStatus server's steady state on ${server}`, `${SECTION}/server/node`, guide('§4.3'));
    const verified = plan.manual(server, 'officestatus-server-verify', [operate]) ?? operate;

    plan.phase('officestatus-clients', 'OfficeStatus clients', guide('§5'));
    const distribution = section.distribution;
    const shared = distribution
        ? plan.manual(
              distribution.node,
              'officestatus-client-media',
              [plan.apply(distribution.node, 'Operate', [], `Apply the distribution share on ${distribution.node}`, `${SECTION}/distribution/node`, guide('§5.2'))],
          )
        : undefined;
    for (const { group, pointer } of clientGroups(section)) {
        for (const [j, node] of (group.targets.nodes ?? []).entries()) {
            // A client installs from the share and registers with the server it names (§5.3).
            const applied = plan.apply(node, 'Operate', [verified, shared], `Install the OfficeStatus client on ${node}`, `${pointer}/targets/nodes/${j}`, guide('§5.3'));
            plan.manual(node, 'officestatus-client', [applied]);
        }
    }
    return plan.list();
}
