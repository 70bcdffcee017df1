import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { clusterNodes, clusterSettings, sameSubnet } from '../cluster-model.js';

/**
 * The six addresses of an XPR cluster (§2.1.2, §6.1.2): the cluster IP, an
 * interconnect and a client address per node, and the client access point,
 * all distinct; the access point never the cluster IP (§7.3.1 step 5);
 * interconnect and client addresses in separate networks (§6.1.7).
 */
export const xprClusterAddresses: Rule = {
    name: 'xpr-cluster-addresses',
    description: 'The cluster IP, every node\'s interconnect and client address and the client access point are distinct, the access point is not the cluster IP, and interconnect and client addresses are in different networks.',
    reports: ['XprClusterCapIsClusterIp', 'XprClusterAddressReused', 'XprClusterSubnets'],
    check(site) {
        const cluster = site.site.xpr?.cluster;
        if (!cluster) {
            return [];
        }
        const settings = clusterSettings(cluster);
        const out: PendingDiagnostic[] = [];
        const nodes = clusterNodes(cluster);
        const seen = new Map<string, string>();
        const claim = (address: string, role: string, pointer: string): void => {
            const other = seen.get(address);
            if (other === undefined) {
                seen.set(address, role);
            } else if (role === 'client access point' && other === 'cluster IP address') {
                out.push(diag('XprClusterCapIsClusterIp', { address }, at(pointer)));
            } else {
                out.push(diag('XprClusterAddressReused', { address, role, other }, at(pointer)));
            }
        };
        claim(cluster.windowsCluster.ipAddress, 'cluster IP address', '/xpr/cluster/windowsCluster/ipAddress');
        for (const node of nodes) {
            claim(node.interconnectAddress, `interconnect address of "${node.name}"`, `${node.pointer}/interconnectAddress`);
            claim(node.clientAddress, `client address of "${node.name}"`, `${node.pointer}/clientAddress`);
        }
        claim(settings.capAddress, 'client access point', '/xpr/cluster/clientAccessPoint/ipAddress');

        // The client network is the access point's; the interconnect the first node's.
        const interconnect = nodes[0]?.interconnectAddress ?? '';
        const interconnectPrefix = cluster.interconnectPrefixLength ?? 24;
        const clientNetwork = `${settings.capAddress}/${settings.capPrefixLength}`;
        const interconnectNetwork = `${interconnect}/${interconnectPrefix}`;
        for (const node of nodes) {
            if (node.interconnectAddress !== settings.capAddress && sameSubnet(node.interconnectAddress, settings.capAddress, settings.capPrefixLength)) {
                out.push(diag('XprClusterSubnets', { what: 'interconnect', address: node.interconnectAddress, node: node.name, other: 'client', network: clientNetwork, expected: 'interconnect' }, at(`${node.pointer}/interconnectAddress`)));
            }
            if (node.clientAddress !== interconnect && sameSubnet(node.clientAddress, interconnect, interconnectPrefix)) {
                out.push(diag('XprClusterSubnets', { what: 'client', address: node.clientAddress, node: node.name, other: 'interconnect', network: interconnectNetwork, expected: 'client' }, at(`${node.pointer}/clientAddress`)));
            }
        }
        return out;
    },
};
