import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { clusterNodes } from '../cluster-model.js';
import { sameName } from '../model.js';

/** The Reporting APL runs on a satellite and its SQL Server outside the cluster (§9.7.1, Appendix A.1). */
export const xprClusterReporting: Rule = {
    name: 'xpr-cluster-reporting',
    description: 'In a cluster the Reporting APL runs on a satellite, with its SQL Server on a computer outside the cluster.',
    reports: ['XprClusterReportAplOnCluster', 'XprClusterReportSqlOnNode'],
    check(site) {
        const xpr = site.site.xpr;
        const cluster = xpr?.cluster;
        if (!xpr || !cluster) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        if (xpr.kernel.components?.reportApl) {
            out.push(diag('XprClusterReportAplOnCluster', {}, at('/xpr/kernel/components/reportApl', 'key')));
        }
        const inside = [
            ...clusterNodes(cluster).map((node) => ({ name: node.name, where: `cluster node "${node.name}"` })),
            { name: cluster.clientAccessPoint.networkName, where: 'the XPR virtual server' },
            { name: cluster.windowsCluster.name, where: 'the Windows cluster' },
        ];
        for (const [index, satellite] of (xpr.satellites ?? []).entries()) {
            const server = satellite.components.reportApl?.database?.server;
            const hit = server === undefined ? undefined : inside.find((i) => sameName(i.name, server.split('.')[0] ?? server));
            if (server !== undefined && hit) {
                out.push(diag('XprClusterReportSqlOnNode', { server, where: hit.where }, at(`/xpr/satellites/${index}/components/reportApl/database/server`)));
            }
        }
        return out;
    },
};
