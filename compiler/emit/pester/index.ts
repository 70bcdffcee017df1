/**
 * IR → the checks of a node's Tests.ps1, one builder per resource kind
 * (mirroring dsc/resources/), grouped into one Context per kind in IR order,
 * then the manual steps as skipped tests.
 */

import type { ManualStep, NodeIR, Resource, ResourceKind, SiteIR } from '../../ir/types.js';
import type { CheckContext, PesterCheck } from './check.js';
import { skipped } from './check.js';
import { directoryCheck } from './directory.js';
import { fileCheck } from './file.js';
import { firewallRuleCheck } from './firewall-rule.js';
import { groupMembersCheck } from './group-members.js';
import { iisSslSettingsCheck } from './iis-ssl-settings.js';
import { msiPackageCheck } from './msi-package.js';
import { pendingRebootCheck } from './pending-reboot.js';
import { registryCheck } from './registry.js';
import { scriptCheck } from './script.js';
import { serviceCheck } from './service.js';
import { smbShareCheck } from './smb-share.js';
import { userAccountControlCheck } from './user-account-control.js';
import { userRightCheck } from './user-right.js';
import { webSiteCheck } from './web-site.js';
import { webVirtualDirectoryCheck } from './web-virtual-directory.js';
import { waitForAllCheck } from './wait-for-all.js';
import { clusterDiskCheck, clusterPreferredOwnerCheck, environmentPathCheck, waitForClusterCheck } from './cluster.js';
import { windowsFeatureCheck } from './windows-feature.js';

export interface PesterContext {
    readonly title: string;
    /** Pester tag: the IR kind, or MANUAL_STEPS_TAG (`Invoke-Pester -Tag Service`, `-ExcludeTag ManualStep`). */
    readonly tag: string;
    readonly checks: readonly PesterCheck[];
}

/** What each Context is called: the engineer's words for the kind. */
const CONTEXT_TITLE: Readonly<Record<ResourceKind, string>> = {
    WaitForAll: 'Waits for other nodes',
    WaitForCluster: 'Waits for the cluster',
    ClusterDisk: 'Cluster disks',
    ClusterPreferredOwner: 'Cluster preferred owners',
    EnvironmentPath: 'Machine Path',
    Script: 'Scripts',
    UserAccountControl: 'User Account Control',
    WebVirtualDirectory: 'IIS virtual directories',
    IisSslSettings: 'IIS SSL settings',
    WebSite: 'IIS sites',
    PendingReboot: 'Reboot points',
    GroupMembers: 'Local group members',
    UserRight: 'User rights',
    SmbShare: 'SMB shares',
    WindowsFeature: 'Windows features',
    Registry: 'Registry values',
    Service: 'Services',
    FirewallRule: 'Firewall rules',
    Directory: 'Folders',
    File: 'Files',
    MsiPackage: 'MSI packages',
};

export const MANUAL_STEPS_CONTEXT = 'Manual steps (RUNBOOK.md)';
export const MANUAL_STEPS_TAG = 'ManualStep';

function checkOf(resource: Resource, ctx: CheckContext): PesterCheck {
    switch (resource.kind) {
        case 'WindowsFeature':
            return windowsFeatureCheck(resource, ctx);
        case 'Registry':
            return registryCheck(resource, ctx);
        case 'Service':
            return serviceCheck(resource, ctx);
        case 'FirewallRule':
            return firewallRuleCheck(resource, ctx);
        case 'Directory':
            return directoryCheck(resource, ctx);
        case 'File':
            return fileCheck(resource, ctx);
        case 'MsiPackage':
            return msiPackageCheck(resource, ctx);
        case 'Script':
            return scriptCheck(resource, ctx);
        case 'PendingReboot':
            return pendingRebootCheck(resource, ctx);
        case 'GroupMembers':
            return groupMembersCheck(resource, ctx);
        case 'UserRight':
            return userRightCheck(resource, ctx);
        case 'SmbShare':
            return smbShareCheck(resource, ctx);
        case 'WebSite':
            return webSiteCheck(resource, ctx);
        case 'UserAccountControl':
            return userAccountControlCheck(resource, ctx);
        case 'WebVirtualDirectory':
            return webVirtualDirectoryCheck(resource, ctx);
        case 'IisSslSettings':
            return iisSslSettingsCheck(resource, ctx);
        case 'WaitForAll':
            return waitForAllCheck(resource, ctx);
        case 'WaitForCluster':
            return waitForClusterCheck(resource, ctx);
        case 'ClusterDisk':
            return clusterDiskCheck(resource, ctx);
        case 'ClusterPreferredOwner':
            return clusterPreferredOwnerCheck(resource, ctx);
        case 'EnvironmentPath':
            return environmentPathCheck(resource, ctx);
    }
}

/** A manual step as a skipped test: the report lists what the file could not check. */
export function manualStepCheck(site: SiteIR, step: ManualStep, index: number): PesterCheck {
    return skipped(
        `${step.title} (RUNBOOK.md 2.${index + 1}, ${site.manifestName}#${step.source.pointer})`,
        step.verify === undefined ? [] : [`Verify: ${step.verify}`],
        `a manual step: check it by hand (RUNBOOK.md 2.${index + 1})`,
    );
}

/** The node's Contexts: one per resource kind, in IR order, then the manual steps. */
export function pesterContexts(site: SiteIR, node: NodeIR, resourceType: (id: string) => string): PesterContext[] {
    const credentials = new Map(node.credentials.map((c) => [c.name, c]));
    const ctx: CheckContext = { manifest: site.manifestName, resourceType, credential: (name) => credentials.get(name) };
    const contexts: { title: string; tag: string; checks: PesterCheck[] }[] = [];
    for (const resource of node.resources) {
        const title = CONTEXT_TITLE[resource.kind];
        let context = contexts.find((c) => c.title === title);
        if (!context) {
            context = { title, tag: resource.kind, checks: [] };
            contexts.push(context);
        }
        context.checks.push(checkOf(resource, ctx));
    }
    if (node.manualSteps.length > 0) {
        contexts.push({ title: MANUAL_STEPS_CONTEXT, tag: MANUAL_STEPS_TAG, checks: node.manualSteps.map((step, i) => manualStepCheck(site, step, i)) });
    }
    return contexts;
}
