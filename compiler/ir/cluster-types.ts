/**
 * IR resources of Windows failover clusters and the Path, each with
 * one DSC builder in compiler/dsc/resources/. Each has a `name`: the key of
 * the DSC resource it becomes, which is what identity.ts compares.
 */

import type { ResourceBase } from './types.js';

/** Waits until the cluster exists (FailoverClusterDsc WaitForCluster). */
export interface WaitForClusterResource extends ResourceBase {
    readonly kind: 'WaitForCluster';
    /** Cluster name. */
    readonly name: string;
    readonly retryIntervalSec: number;
    readonly retryCount: number;
}

/** A disk in the cluster's storage, with its resource name as label (FailoverClusterDsc ClusterDisk). */
export interface ClusterDiskResource extends ResourceBase {
    readonly kind: 'ClusterDisk';
    /** Disk number (the resource's key, a string in the schema). */
    readonly name: string;
    readonly label: string;
    readonly ensure: 'Present' | 'Absent';
}

/** Preferred owners of a cluster group (FailoverClusterDsc ClusterPreferredOwner). */
export interface ClusterPreferredOwnerResource extends ResourceBase {
    readonly kind: 'ClusterPreferredOwner';
    /** Cluster group (role). */
    readonly name: string;
    readonly clusterName: string;
    readonly nodes: readonly string[];
}

/** Folders that must be in the machine's Path, other entries left alone (xEnvironment, Path = $true). */
export interface EnvironmentPathResource extends ResourceBase {
    readonly kind: 'EnvironmentPath';
    /** Always 'Path'. */
    readonly name: 'Path';
    readonly entries: readonly string[];
}

export type ClusterResourceKinds =
    | WaitForClusterResource
    | ClusterDiskResource
    | ClusterPreferredOwnerResource
    | EnvironmentPathResource;
