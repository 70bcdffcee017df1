/**
 * The fake host of an XPR cluster node (`xpr.cluster`), for the Script
 * behaviour tests: the customer's cluster (nodes, the built-in resource
 * types, Available Storage with the disk ClusterDisk added), the XPR
 * services setup made on the install node (with the service dependencies
 * §9.5.3 removes) and its PP-COM keys naming the node (§9.3), and, for a
 * further node, the install node's services as WinRM shows them.
 *
 * `freshFor` adds what a Script's dependencies did before it runs: the role
 * before the access point, the resources made earlier in Table 17 order
 * before each resource (as Add-ClusterResource leaves them), and so on. The
 * Script's own object is never there.
 */

import type { NodeIR } from '../../../compiler/ir/types.js';
import type { Site, Xpr } from '../../../compiler/manifest/types.generated.js';
import { INFORMATION_STORE, RESOURCE_TYPE } from '../../../compiler/products/xpr/cluster-data.js';
import { resourceId } from '../../../compiler/products/xpr/cluster-lower.js';
import { clusterNodeOf, clusterNodes, clusterServices, clusterSettings } from '../../../compiler/products/xpr/cluster-model.js';
import { drivesOf, type State } from './base.js';
import type { ProductFixture } from './products.js';

const PPCOM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\PP-COM\\MRS';

function serviceNames(xpr: Xpr): string[] {
    return [...clusterServices(xpr).map((s) => s.service), INFORMATION_STORE.service];
}

/** The install node's XPR services as setup leaves them: running, Automatic, chained by SCM dependencies. */
function setupServices(xpr: Xpr, withDependencies: boolean): State {
    const names = serviceNames(xpr);
    return Object.fromEntries(
        names.map((name, i) => [
            name,
            {
                DisplayName: `XPR ${name}`,
                StartMode: 'Auto',
                State: 'Running',
                StartName: 'LocalSystem',
                PathName: `${xpr.installPath}\\bin\\${name.toLowerCase()}.exe`,
                Dependencies: withDependencies && i > 0 ? [names[i - 1]] : [],
            },
        ]),
    );
}

function bare(type: string, group: string): State {
    return { Type: type, Group: group, State: 'Offline', DependsOn: [], Parameters: {}, Checkpoints: [], RestartAction: 2, RestartPeriod: 900000, RestartThreshold: 1, RetryPeriodOnFailure: 3600000, SeparateMonitor: false };
}

function baseCluster(xpr: Xpr): State {
    const cluster = xpr.cluster!;
    const s = clusterSettings(cluster);
    const types = ['Generic Service', 'IP Address', 'Network Name', 'Physical Disk', 'File Server'];
    const group = (owner: string): State => ({ Priority: 2000, FailoverThreshold: 4294967295, FailoverPeriod: 6, OwnerNode: owner, State: 'Online', PreferredOwners: [] });
    const first = clusterNodes(cluster)[0]!.name;
    return {
        Name: cluster.windowsCluster.name,
        Nodes: clusterNodes(cluster).map((n) => n.name),
        ResourceTypes: Object.fromEntries(types.map((t) => [t, { Dll: 'clusres.dll' }])),
        Groups: { 'Cluster Group': group(first), 'Available Storage': group(first) },
        // [ClusterDisk]Xpr_Cluster_Disk added the disk to Available Storage under its label.
        Resources: { [s.diskResource]: { ...bare('Physical Disk', 'Available Storage'), State: 'Online' } },
    };
}

/** The cluster once the role, its access point, the disk in it and setup's File Server resource exist. */
function roleReady(xpr: Xpr, upTo: 'role' | 'accessPoint' | 'fileServer' | 'resources'): State {
    const s = clusterSettings(xpr.cluster!);
    const resources: State = { [s.diskResource]: { ...bare('Physical Disk', s.roleName), State: 'Online' } };
    if (upTo !== 'role') {
        resources[`IP Address ${s.capAddress}`] = bare('IP Address', s.roleName);
        resources[s.networkName] = { ...bare('Network Name', s.roleName), DependsOn: [`IP Address ${s.capAddress}`] };
        resources[`File Server (\\${s.networkName})`] = bare('File Server', s.roleName);
    }
    if (upTo === 'resources') {
        resources[`File Server (\\${s.networkName})`] = { ...bare('File Server', s.roleName), DependsOn: [s.networkName, s.diskResource] };
    }
    return {
        Cluster: {
            Groups: { [s.roleName]: { Priority: 2000, FailoverThreshold: 4294967295, FailoverPeriod: 6, OwnerNode: clusterNodes(xpr.cluster!)[0]!.name, State: 'Online', PreferredOwners: [] } },
            Resources: resources,
            ...(upTo === 'resources' ? { ResourceTypes: { [RESOURCE_TYPE.name]: { Dll: RESOURCE_TYPE.dll } } } : {}),
        },
    };
}

export const clusterFixture: ProductFixture = {
    fresh(site: Site, node: NodeIR): State {
        const xpr = site.xpr;
        const me = xpr && clusterNodeOf(xpr, node.name);
        if (!xpr?.cluster || !me) return {};
        const first = clusterNodes(xpr.cluster)[0]!;
        const s = clusterSettings(xpr.cluster);
        const state: State = { Cluster: baseCluster(xpr), Files: { 'C:\\Windows\\cluster': { Type: 'Directory' } } };
        if (me.index === 0) {
            // The customer's new cluster disk is not formatted yet; the runbook step xpr-cluster-apply-first formats it (§7.1.3).
            state['Cim'] = { Win32_Volume: drivesOf(node).map((d) => ({ DriveLetter: d, Capacity: 200 * 1024 ** 3, FreeSpace: 200 * 1024 ** 3, DriveType: 3, ...(d === s.driveLetter ? { FileSystem: 'RAW' } : {}) })) };
            state['Services'] = setupServices(xpr, true);
            // What setup wrote, naming the install node (§9.3 step 2c's examples).
            state['Registry'] = {
                [`${PPCOM}\\xmrsvc`]: { ModuleCache: { Kind: 'MultiString', Data: ['XMR,', `infostor,pipe://\\\\${first.name}\\pipe\\MrsInfoStorIPC`, `mta,pipe://\\\\${first.name}\\pipe\\MrsRouterIPC`] } },
                [`${PPCOM}\\MRS Globals`]: { 'Monitor Directory': { Kind: 'MultiString', Data: [`\\\\${s.networkName}\\MrsMonitor`, `\\\\${first.name}\\MrsMonitor`] }, LicSvcAddress: { Kind: 'String', Data: `tcpip://${first.clientAddress}:13010` } },
                'HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\SIEMENS\\Xpressions': { Server: { Kind: 'String', Data: first.name }, Version: { Kind: 'DWord', Data: 7 } },
            };
        } else {
            state['RemoteHosts'] = { [first.name]: { Services: setupServices(xpr, false) } };
        }
        return state;
    },
    freshFor(site: Site, node: NodeIR, id: string): State {
        const xpr = site.xpr;
        const me = xpr && clusterNodeOf(xpr, node.name);
        if (!xpr?.cluster || !me) return {};
        const s = clusterSettings(xpr.cluster);
        if (me.index !== 0) {
            // On a further node the checkpoints bring back node 1's service keys, dependencies included (§9.9 step 7).
            return id === 'Xpr_Cluster_ServiceDependencies' ? { Services: setupServices(xpr, true) } : {};
        }
        switch (id) {
            case 'Xpr_Cluster_AccessPoint':
                return roleReady(xpr, 'role');
            case 'Xpr_Cluster_DiskInRole':
                // The role exists; the disk is still in Available Storage.
                return { Cluster: { Groups: (roleReady(xpr, 'role')['Cluster'] as { Groups: State }).Groups } };
            case 'Xpr_Cluster_DiskRequirements':
                // A new cluster disk before the customer formats it; the runbook step's fixture formats it.
                return { ...roleReady(xpr, 'role'), Cim: { Win32_Volume: [{ DriveLetter: 'C:', Capacity: 100 * 1024 ** 3, FreeSpace: 80 * 1024 ** 3, DriveType: 3 }, { DriveLetter: s.driveLetter, Capacity: 200 * 1024 ** 3, FreeSpace: 200 * 1024 ** 3, DriveType: 3, FileSystem: 'RAW' }] } };
            case 'Xpr_Cluster_FileServer':
                return roleReady(xpr, 'fileServer');
            case 'Xpr_Cluster_ResourceType':
                return { Files: { [RESOURCE_TYPE.dll]: { Type: 'File', Contents: '' } } };
            default:
                break;
        }
        if (!id.startsWith('Xpr_Cluster_Resource_')) return {};
        // The resources made before this one, as Add-ClusterResource leaves them (only their existence matters to it).
        const order: { id: string; name: string; type: string }[] = clusterServices(xpr).flatMap((service) => [
            ...(service.service === 'mta' ? [{ id: 'Xpr_Cluster_Resource_infostor', name: INFORMATION_STORE.resourceName, type: RESOURCE_TYPE.name }] : []),
            { id: resourceId(service), name: service.resourceName, type: 'Generic Service' },
        ]);
        const at = order.findIndex((r) => r.id === id);
        const ready = roleReady(xpr, 'resources');
        const cluster = ready['Cluster'] as { Resources: State };
        for (const earlier of order.slice(0, Math.max(at, 0))) {
            cluster.Resources[earlier.name] = bare(earlier.type, s.roleName);
        }
        return ready;
    },
    manualSteps: {
        // XPR setup on the install node creates the File Server resource of the XPR shares in the role,
        // named after the client access point and without dependencies; the cluster integration renames
        // it and makes it depend on the network name and the disk (§9.6.2).
        'xpr-setup-finish': (site, node) => {
            const xpr = site.xpr;
            const me = xpr?.cluster ? clusterNodeOf(xpr, node.name) : undefined;
            if (!xpr?.cluster || me?.index !== 0) return {};
            const s = clusterSettings(xpr.cluster);
            return { Cluster: { Resources: { [`File Server (\\${s.networkName})`]: bare('File Server', s.roleName) } } };
        },
        'xpr-cluster-apply-first': (site) => {
            const s = site.xpr?.cluster ? clusterSettings(site.xpr.cluster) : undefined;
            return s ? { Cim: { Win32_Volume: [{ DriveLetter: 'C:', Capacity: 100 * 1024 ** 3, FreeSpace: 80 * 1024 ** 3, DriveType: 3 }, { DriveLetter: s.driveLetter, Capacity: 200 * 1024 ** 3, FreeSpace: 200 * 1024 ** 3, DriveType: 3, FileSystem: 'NTFS' }] } } : {};
        },
    },
};
