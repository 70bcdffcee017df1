/**
 * Credentials a cluster adds: every cluster node's configuration takes the
 * XPR service account (the services run under it on every node, §9.5.2,
 * §9.8.2), and the Exchange service account when the cluster runs an
 * Exchange APL (§9.5.2). The install node is the kernel, which already
 * takes the service account.
 */

import type { Xpr } from '../../manifest/types.generated.js';
import type { CredentialUse } from '../product.js';
import { clusterNodes } from './cluster-model.js';
import { sameName } from './model.js';

export function clusterCredentialUses(xpr: Xpr): CredentialUse[] {
    const cluster = xpr.cluster;
    if (!cluster) {
        return [];
    }
    const exchange = cluster.exchangeServiceAccount;
    const usesExchange = exchange !== undefined && (xpr.kernel.components?.exchangeApl !== undefined || xpr.kernel.components?.exchangeUmApl !== undefined);
    return clusterNodes(cluster).flatMap((node) => [
        ...(sameName(node.name, xpr.kernel.node) ? [] : [{ node: node.name, name: xpr.serviceAccount.credential, pointer: '/xpr/serviceAccount/credential' }]),
        ...(usesExchange ? [{ node: node.name, name: exchange.credential, pointer: '/xpr/cluster/exchangeServiceAccount/credential' }] : []),
    ]);
}
