import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { NETBIOS_MAX } from '../cluster-data.js';
import { clusterNodes } from '../cluster-model.js';
import { sameName } from '../model.js';

/** The virtual server's network name: NetBIOS, at most 15 characters, not the role, cluster or a node name (§7.3.1 step 3, §9.3). */
export const xprClusterNetworkName: Rule = {
    name: 'xpr-cluster-network-name',
    description: 'The client access point\'s network name is a NetBIOS name of at most 15 characters and differs from the role name, the cluster name and every node name.',
    reports: ['XprClusterNetworkNameInvalid', 'XprClusterNetworkNameClash'],
    check(site) {
        const cluster = site.site.xpr?.cluster;
        if (!cluster) {
            return [];
        }
        const name = cluster.clientAccessPoint.networkName;
        const where = at('/xpr/cluster/clientAccessPoint/networkName');
        const out: PendingDiagnostic[] = [];
        if (name.length > NETBIOS_MAX) {
            out.push(diag('XprClusterNetworkNameInvalid', { name, problem: `has ${name.length} characters` }, where));
        } else if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(name) || /^[0-9]+$/.test(name)) {
            out.push(diag('XprClusterNetworkNameInvalid', { name, problem: 'has other characters than letters, digits and inner hyphens' }, where));
        }
        const others = [
            { what: 'role name', value: cluster.role.name },
            { what: 'Windows cluster\'s name', value: cluster.windowsCluster.name },
            ...clusterNodes(cluster).map((node) => ({ what: `name of cluster node ${node.index + 1}`, value: node.name })),
        ];
        const clash = others.find((other) => sameName(other.value, name));
        if (clash) {
            out.push(diag('XprClusterNetworkNameClash', { name, other: clash.what }, where));
        }
        return out;
    },
};
