/**
 * Checks of the failover-cluster kinds (FailoverClusterDsc) and of the
 * machine Path (xEnvironment), as an engineer would check them on a node.
 */

import type { ClusterDiskResource, ClusterPreferredOwnerResource, EnvironmentPathResource, WaitForClusterResource } from '../../ir/cluster-types.js';
import { psArray, psString } from '../ps/quote.js';
import { check, resourceTitle, skipped, type CheckContext, type PesterCheck } from './check.js';

/** The machine's Path as Windows stores it (what xEnvironment writes). */
export const MACHINE_ENVIRONMENT_KEY = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';

/** The customer builds the cluster; waiting for it leaves nothing on this node to check. */
export function waitForClusterCheck(r: WaitForClusterResource, ctx: CheckContext): PesterCheck {
    return skipped(resourceTitle(r, ctx), [`The configuration waited here for the cluster ${r.name}, which the customer builds.`], 'a wait for the cluster leaves no state to check');
}

/** The disk is in the cluster's storage under its resource name (the disk number is FailoverClusterDsc's key, not checked here). */
export function clusterDiskCheck(r: ClusterDiskResource, ctx: CheckContext): PesterCheck {
    const lines =
        r.ensure === 'Present'
            ? [
                  `$disk = Get-ClusterResource -Name ${psString(r.label)} -ErrorAction SilentlyContinue`,
                  `$disk | Should -Not -BeNullOrEmpty -Because ${psString(`disk ${r.name} is a cluster resource named ${r.label}`)}`,
                  `$disk.ResourceType.Name | Should -Be 'Physical Disk'`,
              ]
            : [`Get-ClusterResource -Name ${psString(r.label)} -ErrorAction SilentlyContinue | Should -BeNullOrEmpty -Because ${psString(`the configuration removes ${r.label}`)}`];
    return check(r, ctx, lines, { notes: [`Disk number ${r.name} is not compared: Get-ClusterResource does not show it.`] });
}

/** Every listed node is a preferred owner of the group, in the given order. */
export function clusterPreferredOwnerCheck(r: ClusterPreferredOwnerResource, ctx: CheckContext): PesterCheck {
    return check(r, ctx, [
        `$owners = @(Get-ClusterOwnerNode -Group ${psString(r.name)} -ErrorAction SilentlyContinue | ForEach-Object -Process { $_.OwnerNodes } | ForEach-Object -Process { [System.String] $_.Name })`,
        `$owners | Should -Be ${psArray(r.nodes)} -Because ${psString(`the preferred owners of ${r.name} are ${r.nodes.join(', ')}`)}`,
    ]);
}

/** Every entry is in the machine's Path (other entries are left alone, as xEnvironment leaves them). */
export function environmentPathCheck(r: EnvironmentPathResource, ctx: CheckContext): PesterCheck {
    return check(r, ctx, [
        `$path = (Get-ItemProperty -LiteralPath ${psString(`Registry::${MACHINE_ENVIRONMENT_KEY}`)} -Name 'Path' -ErrorAction SilentlyContinue).Path`,
        `$entries = @([System.String] $path -split ';' | ForEach-Object -Process { $_.TrimEnd('\\') })`,
        `foreach ($entry in ${psArray(r.entries)})`,
        '{',
        `    $entries | Should -Contain $entry.TrimEnd('\\') -Because 'the configuration adds it to the machine Path'`,
        '}',
    ]);
}
