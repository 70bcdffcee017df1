import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { clusterNodes, installNode } from '../cluster-model.js';

/**
 * Licensing of a clustered XPR (§4.2): scenario 3 (CLM on a node) is not
 * supported; in scenario 2 each node has its own CLA, which the CLM adds by
 * the node's address (§4.2.2.3 step 4), so the address the license service
 * setup gets is a node's, never the virtual server's or the cluster's.
 */
export const xprClusterLicensing: Rule = {
    name: 'xpr-cluster-licensing',
    description: 'A clustered XPR uses licensing scenario 1 or 2, and with a CLA on each node the CLA address is a node address.',
    reports: ['XprClusterClmOnNode', 'XprClusterClaAddress'],
    check(site) {
        const xpr = site.site.xpr;
        const cluster = xpr?.cluster;
        if (!xpr || !cluster) {
            return [];
        }
        const scenario = xpr.licensing.scenario ?? 'external';
        const out: PendingDiagnostic[] = [];
        if (scenario === 'claAndClmOnKernel') {
            out.push(diag('XprClusterClmOnNode', {}, at('/xpr/licensing/scenario')));
        }
        const address = xpr.licensing.claAddress;
        if (scenario === 'claOnKernel' && address !== undefined) {
            const what =
                address === cluster.clientAccessPoint.ipAddress
                    ? 'the client access point'
                    : address === cluster.windowsCluster.ipAddress
                      ? 'the cluster IP address'
                      : clusterNodes(cluster).some((node) => node.clientAddress === address)
                        ? undefined
                        : 'the address';
            if (what !== undefined) {
                out.push(diag('XprClusterClaAddress', { what, address, first: installNode(cluster).clientAddress }, at('/xpr/licensing/claAddress')));
            }
        }
        return out;
    },
};
