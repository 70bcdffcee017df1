/**
 * The `xpr.cluster` section read as the guide's objects: which site nodes
 * are cluster nodes (the first is the install node, §8, §9.8), the XPR role
 * with its client access point and disk, and the cluster resources of the
 * XPR services in the order they are made (Table 17, §9.7.2). Rules,
 * lowering and runbook go through here.
 */

import type { Xpr, XprCluster } from '../../manifest/types.generated.js';
import { COMPONENT_ORDER, type ComponentId } from './data.js';
import {
    exchangeConnectorService,
    guidePart,
    MANDATORY_SERVICES,
    OPTIONAL_SERVICES,
    RECOMMENDED_FAILOVER_PERIOD,
    TABLE17_OTHER_SERVICES,
    type ClusterServiceFact,
    type GuidePart,
} from './cluster-data.js';
import { sameName } from './model.js';

export interface ClusterNode {
    readonly index: number;
    readonly name: string;
    readonly clientAddress: string;
    readonly interconnectAddress: string;
    readonly pointer: string;
}

export function clusterNodes(cluster: XprCluster): ClusterNode[] {
    return cluster.nodes.map((node, index) => ({
        index,
        name: node.node,
        clientAddress: node.clientAddress,
        interconnectAddress: node.interconnectAddress,
        pointer: `/xpr/cluster/nodes/${index}`,
    }));
}

/** The cluster node a site node is, when the XPR section has a cluster. */
export function clusterNodeOf(xpr: Xpr, nodeName: string): ClusterNode | undefined {
    return xpr.cluster ? clusterNodes(xpr.cluster).find((node) => sameName(node.name, nodeName)) : undefined;
}

/** The install node: XPR setup runs there and it builds the role (§8, §9.1–§9.7). */
export function installNode(cluster: XprCluster): ClusterNode {
    return clusterNodes(cluster)[0]!;
}

export interface ClusterSettings {
    readonly part: GuidePart;
    readonly roleName: string;
    readonly preferredOwners: readonly string[];
    readonly priority: 'High' | 'Medium' | 'Low' | 'NoAutoStart';
    readonly failoverThreshold: number;
    readonly failoverPeriodHours: number;
    readonly networkName: string;
    readonly capAddress: string;
    readonly capPrefixLength: number;
    readonly diskResource: string;
    readonly driveLetter: string;
    readonly restartPeriodMs: number;
    readonly restartThreshold: number;
}

/** The section with its defaults filled in (the schema's defaults, one place). */
export function clusterSettings(cluster: XprCluster): ClusterSettings {
    const role = cluster.role;
    return {
        part: guidePart(cluster),
        roleName: role.name,
        preferredOwners: role.preferredOwners && role.preferredOwners.length > 0 ? role.preferredOwners : cluster.nodes.map((n) => n.node),
        priority: role.priority ?? 'High',
        failoverThreshold: role.failoverThreshold ?? 1,
        failoverPeriodHours: role.failoverPeriodHours ?? RECOMMENDED_FAILOVER_PERIOD,
        networkName: cluster.clientAccessPoint.networkName,
        capAddress: cluster.clientAccessPoint.ipAddress,
        capPrefixLength: cluster.clientAccessPoint.prefixLength ?? 24,
        diskResource: cluster.disk.resourceName ?? 'Cluster Disk 1',
        driveLetter: cluster.disk.driveLetter.toUpperCase(),
        restartPeriodMs: (cluster.restartPolicy?.periodMinutes ?? 15) * 60000,
        restartThreshold: cluster.restartPolicy?.maxRestarts ?? 3,
    };
}

export interface ClusterService extends ClusterServiceFact {
    /** Pointer of the manifest value that puts the service in the cluster. */
    readonly pointer: string;
}

/**
 * The Generic Service resources of the role in the order they are made:
 * the mandatory services in Table 17 order, then the optional ones of the
 * kernel's components (feature-tree order), the Exchange connector, and
 * `cluster.additionalApls`. The Information Store (row 5) is separate.
 */
export function clusterServices(xpr: Xpr): ClusterService[] {
    const out: ClusterService[] = MANDATORY_SERVICES.map((fact) => ({ ...fact, pointer: '/xpr/cluster' }));
    const components = xpr.kernel.components ?? {};
    for (const id of COMPONENT_ORDER.filter((c) => c in components)) {
        const fact = OPTIONAL_SERVICES[id];
        if (fact) {
            out.push({ ...fact, pointer: `/xpr/kernel/components/${id}` });
        }
    }
    const exchange = components.exchangeApl;
    if (exchange) {
        out.push({ ...exchangeConnectorService(xpr.serverName, exchange.exchangeServer), pointer: '/xpr/kernel/components/exchangeApl' });
    }
    for (const [index, extra] of (xpr.cluster?.additionalApls ?? []).entries()) {
        const known = TABLE17_OTHER_SERVICES.find((fact) => sameName(fact.service, extra.service));
        const fact = known ?? { service: extra.service, sequence: 11, displayName: extra.service, resourceName: `${extra.service} Res`, dependsOn: ['mrs'], kernel: false };
        if (!out.some((s) => sameName(s.service, fact.service))) {
            out.push({ ...fact, pointer: `/xpr/cluster/additionalApls/${index}` });
        }
    }
    return out;
}

/** The kernel components that have a cluster resource of their own or are allowed without one (tcpApl is mandatory row 8). */
export function kernelComponentIds(xpr: Xpr): ComponentId[] {
    const components = xpr.kernel.components ?? {};
    return COMPONENT_ORDER.filter((id) => id in components);
}

/** `a.b.c.d` as a 32-bit number, or undefined when it is not an IPv4 address. */
export function ipv4Number(address: string): number | undefined {
    const parts = address.split('.');
    if (parts.length !== 4 || parts.some((p) => !/^[0-9]{1,3}$/.test(p) || Number(p) > 255)) {
        return undefined;
    }
    return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function sameSubnet(a: string, b: string, prefixLength: number): boolean {
    const x = ipv4Number(a);
    const y = ipv4Number(b);
    if (x === undefined || y === undefined) {
        return false;
    }
    const size = 2 ** (32 - prefixLength);
    return Math.floor(x / size) === Math.floor(y / size);
}

/** Dotted subnet mask of a prefix length (the IP Address resource's SubnetMask). */
export function subnetMask(prefixLength: number): string {
    const mask = prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
    return [24, 16, 8, 0].map((shift) => (mask >>> shift) & 255).join('.');
}
