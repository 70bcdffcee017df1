import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import { suggest } from '../../../frontend/validate.js';
import type { Rule } from '../../../rules/rule.js';
import { NETBIOS_MAX } from '../cluster-data.js';
import { clusterNodes, installNode } from '../cluster-model.js';
import { sameName, siteNode } from '../model.js';

/**
 * The cluster nodes are site nodes with NetBIOS names (§6.1.1, §7.1.3); the
 * kernel is the first of them, where setup runs (§8, §9.8); satellites are
 * other computers (§6.2 item 4); preferred owners are cluster nodes (§7.2).
 */
export const xprClusterNodes: Rule = {
    name: 'xpr-cluster-nodes',
    description: 'Cluster nodes are site nodes with names of at most 15 characters, the kernel is the first of them, no satellite is a cluster node, and the preferred owners are cluster nodes.',
    reports: ['XprClusterUnknownNode', 'XprClusterNodeName', 'XprClusterKernelNode', 'XprClusterSatelliteOnNode', 'XprClusterPreferredOwner'],
    check(site) {
        const cluster = site.site.xpr?.cluster;
        const xpr = site.site.xpr;
        if (!xpr || !cluster) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const names = site.site.nodes.map((node) => node.name);
        const nodes = clusterNodes(cluster);
        for (const node of nodes) {
            if (!siteNode(site.site, node.name)) {
                out.push(diag('XprClusterUnknownNode', { name: node.name, suggestion: suggest(node.name, names) }, at(`${node.pointer}/node`)));
            }
            if (node.name.length > NETBIOS_MAX) {
                out.push(diag('XprClusterNodeName', { name: node.name, length: node.name.length }, at(`${node.pointer}/node`)));
            }
        }
        const first = installNode(cluster);
        if (!sameName(xpr.kernel.node, first.name)) {
            out.push(diag('XprClusterKernelNode', { first: first.name, kernel: xpr.kernel.node }, at('/xpr/kernel/node')));
        }
        for (const [index, satellite] of (xpr.satellites ?? []).entries()) {
            if (nodes.some((node) => sameName(node.name, satellite.node))) {
                out.push(diag('XprClusterSatelliteOnNode', { name: satellite.node }, at(`/xpr/satellites/${index}/node`)));
            }
        }
        for (const [index, owner] of (cluster.role.preferredOwners ?? []).entries()) {
            if (!nodes.some((node) => sameName(node.name, owner))) {
                out.push(diag('XprClusterPreferredOwner', { name: owner, suggestion: suggest(owner, nodes.map((n) => n.name)) }, at(`/xpr/cluster/role/preferredOwners/${index}`)));
            }
        }
        return out;
    },
};
