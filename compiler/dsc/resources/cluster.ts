/**
 * Failover cluster resources of FailoverClusterDsc 2.2.0 and xEnvironment
 * for Path entries (compiler/ir/cluster-types.ts).
 * One builder per IR kind; they share a file because each is a few lines.
 */

import { ps, type DscBlock } from '../block.js';
import type {
    ClusterDiskResource,
    ClusterPreferredOwnerResource,
    EnvironmentPathResource,
    WaitForClusterResource,
} from '../../ir/cluster-types.js';
import { FAILOVER_CLUSTER_DSC, X_PSDSC } from '../modules.js';
import { props, type BlockContext } from './context.js';

/** WaitForCluster: fails after RetryCount × RetryIntervalSec when the cluster does not exist. */
export function waitForClusterBlock(r: WaitForClusterResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'WaitForCluster',
        module: FAILOVER_CLUSTER_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Name', ps.str(r.name)],
            ['RetryIntervalSec', ps.int(r.retryIntervalSec)],
            ['RetryCount', ps.int(r.retryCount)],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}

/** ClusterDisk: adds the disk to the cluster's storage (Available Storage) and names its resource with Label. */
export function clusterDiskBlock(r: ClusterDiskResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'ClusterDisk',
        module: FAILOVER_CLUSTER_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(['Number', ps.str(r.name)], ['Ensure', ps.str(r.ensure)], ['Label', ps.str(r.label)], ['DependsOn', ctx.dependsOn(r)]),
    };
}

/** ClusterPreferredOwner: the group's preferred owners (ClusterResources is left out: the role's resources keep every node as possible owner). */
export function clusterPreferredOwnerBlock(r: ClusterPreferredOwnerResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'ClusterPreferredOwner',
        module: FAILOVER_CLUSTER_DSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['ClusterGroup', ps.str(r.name)],
            ['ClusterName', ps.str(r.clusterName)],
            ['Nodes', ps.strs(r.nodes)],
            ['Ensure', ps.str('Present')],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}

/** xEnvironment with Path = $true adds the entries to the machine Path and leaves the others. */
export function environmentPathBlock(r: EnvironmentPathResource, ctx: BlockContext): DscBlock {
    return {
        resourceType: 'xEnvironment',
        module: X_PSDSC,
        name: r.id,
        source: r.source.pointer,
        properties: props(
            ['Name', ps.str(r.name)],
            ['Value', ps.str(r.entries.join(';'))],
            ['Ensure', ps.str('Present')],
            ['Path', ps.bool(true)],
            ['Target', ps.strs(['Machine'])],
            ['DependsOn', ctx.dependsOn(r)],
        ),
    };
}
