/**
 * IR resource → DSC resource block, one builder per resource kind. Every
 * block is checked against the resource catalog as it is built: a block
 * that violates the real schema is a compiler bug (InternalError), never
 * something the user has to find on Windows.
 */

import type { DscBlock, PsValue } from '../block.js';
import { assertBlock, checkUniqueKeys } from '../catalog.js';
import { InternalError } from '../../diagnostics/internal-error.js';
import type { NodeIR, Resource } from '../../ir/types.js';
import type { BlockContext } from './context.js';
import { directoryBlock } from './directory.js';
import { fileBlock } from './file.js';
import { firewallRuleBlock } from './firewall-rule.js';
import { msiPackageBlock } from './msi-package.js';
import { registryBlock } from './registry.js';
import { serviceBlock } from './service.js';
import { windowsFeatureBlock } from './windows-feature.js';
import { scriptBlock } from './script.js';
import { pendingRebootBlock } from './pending-reboot.js';
import { groupMembersBlock } from './group-members.js';
import { userRightBlock } from './user-right.js';
import { smbShareBlock } from './smb-share.js';
import { webSiteBlock } from './web-site.js';
import { userAccountControlBlock } from './user-account-control.js';
import { webVirtualDirectoryBlock } from './web-virtual-directory.js';
import { iisSslSettingsBlock } from './iis-ssl-settings.js';
import { clusterDiskBlock, clusterPreferredOwnerBlock, environmentPathBlock, waitForClusterBlock } from './cluster.js';
import { waitForAllBlock } from './wait-for-all.js';

function blockOf(resource: Resource, ctx: BlockContext): DscBlock {
    switch (resource.kind) {
        case 'WindowsFeature':
            return windowsFeatureBlock(resource, ctx);
        case 'Registry':
            return registryBlock(resource, ctx);
        case 'Service':
            return serviceBlock(resource, ctx);
        case 'FirewallRule':
            return firewallRuleBlock(resource, ctx);
        case 'Directory':
            return directoryBlock(resource, ctx);
        case 'File':
            return fileBlock(resource, ctx);
        case 'MsiPackage':
            return msiPackageBlock(resource, ctx);
        case 'Script':
            return scriptBlock(resource, ctx);
        case 'PendingReboot':
            return pendingRebootBlock(resource, ctx);
        case 'GroupMembers':
            return groupMembersBlock(resource, ctx);
        case 'UserRight':
            return userRightBlock(resource, ctx);
        case 'SmbShare':
            return smbShareBlock(resource, ctx);
        case 'WebSite':
            return webSiteBlock(resource, ctx);
        case 'UserAccountControl':
            return userAccountControlBlock(resource, ctx);
        case 'WebVirtualDirectory':
            return webVirtualDirectoryBlock(resource, ctx);
        case 'IisSslSettings':
            return iisSslSettingsBlock(resource, ctx);
        case 'WaitForCluster':
            return waitForClusterBlock(resource, ctx);
        case 'ClusterDisk':
            return clusterDiskBlock(resource, ctx);
        case 'ClusterPreferredOwner':
            return clusterPreferredOwnerBlock(resource, ctx);
        case 'WaitForAll':
            return waitForAllBlock(resource, ctx);
        case 'EnvironmentPath':
            return environmentPathBlock(resource, ctx);
    }
}

/**
 * The DSC resource type a resource becomes (e.g. a Registry value that needs
 * a reboot becomes a Script), for naming it from another node: `[Type]Id`.
 */
export function dscResourceName(resource: Resource): string {
    return `[${blockOf(resource, { dependsOn: () => undefined }).resourceType}]${resource.id}`;
}

/** The node's resources as DSC blocks, in IR order, each checked against the catalog. */
export function dscBlocks(node: NodeIR): DscBlock[] {
    // DependsOn needs each target's DSC resource type, which only its
    // builder knows: build every block once with the bare ids, then qualify
    // them as [Type]Name.
    const bareIds: BlockContext = {
        dependsOn: (resource): PsValue | undefined =>
            resource.dependsOn.length === 0 ? undefined : { kind: 'dependsOn', value: resource.dependsOn },
    };
    const built = node.resources.map((resource) => {
        const block = blockOf(resource, bareIds);
        return resource.guide ? { ...block, guide: resource.guide } : block;
    });
    const typeOf = new Map(built.map((block) => [block.name, block.resourceType]));
    const blocks = built.map((block) => {
        const index = block.properties.findIndex((p) => p.name === 'DependsOn');
        const dependsOn = block.properties[index];
        if (!dependsOn || dependsOn.value.kind !== 'dependsOn') {
            return block;
        }
        const qualified = dependsOn.value.value.map((id) => {
            const type = typeOf.get(id);
            if (!type) {
                throw new InternalError(`Resource ${block.name} depends on unknown id ${id}`);
            }
            return `[${type}]${id}`;
        });
        const properties = [...block.properties];
        properties[index] = { name: 'DependsOn', value: { kind: 'dependsOn', value: qualified } };
        return { ...block, properties };
    });
    blocks.forEach(assertBlock);
    const duplicates = checkUniqueKeys(blocks);
    if (duplicates.length > 0) {
        throw new InternalError(`Node ${node.name}: ${duplicates.join('; ')}`);
    }
    return blocks;
}
