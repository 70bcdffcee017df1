/**
 * Lowering of `xpr.cluster` for one cluster node (Cluster Installation
 * guide Part 2 §9; Part 1 chapter 5 is the same). The node's XPR host
 * resources (prerequisites, service account rights, the installation
 * check) come from the single-server lowering; this module replaces what a
 * cluster does differently and adds the cluster's own resources:
 *
 *   every node:   mrsClusRes.dll in C:\Windows\cluster (§9.2), XPR bin and SDKTools on the Path (§9.4.4),
 *                 XPR services Manual with the service account, never started by DSC, no service dependencies (§9.5)
 *   install node: WaitForCluster ─> role ─> client access point, disk into the role, preferred owners (§7.2, §7.3)
 *                 XPR installed ─> registry re-homing (§9.3) ─> registry values ─> File Server resource (§9.6.2)
 *                 resource type (once the other nodes have the DLL) ─> the resources in Table 17 order (§9.7)
 *   other nodes:  WaitForAll on the install node's last resource ─> services with the install node's image paths (§9.8)
 *
 * Pausing, resuming and moving nodes and the role is procedure, never
 * desired state: those are runbook steps (cluster-runbook.ts).
 */

import type { ResolvedNode, ResolvedSite } from '../../frontend/resolve.js';
import { psIdentifier } from '../../emit/ps/quote.js';
import type { Resource, ScriptResource } from '../../ir/types.js';
import type { Site, Xpr, XprCluster } from '../../manifest/types.generated.js';
import type { ProductNodeOutput } from '../product.js';
import { EXAMPLE_LICSVC_PORT } from './data.js';
import {
    APL_DELAY_VALUE,
    INFORMATION_STORE,
    iscCheckpoints,
    MIN_CLUSTER_DISK_GB,
    MRS_KEY,
    PATH_FOLDERS,
    PRIORITY_VALUE,
    REHOME_TREES,
    RESOURCE_TYPE,
    RESTART_ACTION,
    section,
} from './cluster-data.js';
import { clusterNodeOf, clusterNodes, clusterServices, clusterSettings, subnetMask, type ClusterNode, type ClusterService, type ClusterSettings } from './cluster-model.js';
import { accessPointScript, clusterServiceScript, diskInRoleScript, diskRequirementsScript, fileServerScript, resourceTypeScript, roleScript, type Policy, type Provider } from './cluster-scripts.js';
import { noDependenciesScript, rehomeScript, replicaServicesScript } from './cluster-node-scripts.js';
import { applyFirstTitle, clusterRunbook } from './cluster-runbook.js';
import { gateFor } from '../gate.js';
import { mediaPath } from './model.js';
import { waitResourceId } from '../../plan/build-plan.js';

export type HostLowering = (resolved: ResolvedSite, node: ResolvedNode) => ProductNodeOutput | undefined;

/** Ids other nodes refer to (WaitForAll). */
export const RESOURCE_DLL_ID = 'Xpr_Cluster_ResourceDll';

export function lowerXprClusterNode(resolved: ResolvedSite, node: ResolvedNode, hostLowering: HostLowering): ProductNodeOutput | undefined {
    const site = resolved.site;
    const xpr = site.xpr;
    const cluster = xpr?.cluster;
    const me = xpr ? clusterNodeOf(xpr, node.name) : undefined;
    if (!xpr || !cluster || !me) {
        return undefined;
    }
    const settings = clusterSettings(cluster);
    const install = me.index === 0;
    // A further node is an XPR host like the install node, without the setup: lower it as the kernel, then drop what setup makes.
    const asKernel = install ? resolved : { ...resolved, site: { ...site, xpr: { ...xpr, kernel: { ...xpr.kernel, node: me.name } } } };
    const base = hostLowering(asKernel, node);
    if (!base) {
        return undefined;
    }
    const out = new Resources();
    const services = clusterServices(xpr);
    const common = commonResources(site, xpr, settings, services, me, out, install);
    for (const resource of adaptBase(base.resources, install, settings, common)) {
        out.add(resource);
    }
    if (install) {
        installNodeResources(xpr, cluster, settings, services, common, out);
    }
    return {
        resources: out.list(),
        manualSteps: clusterRunbook(site, xpr, cluster, me, install ? base.manualSteps : base.manualSteps.filter((s) => s.id === 'xpr-prerequisites' || s.id === 'xpr-loopback-adapter')),
        roles: ['xpr-cluster-node'],
    };
}

interface Common {
    readonly installed?: string;
    readonly serviceIds: readonly string[];
    readonly noDependencies: string;
    readonly accessPoint?: string;
    readonly diskInRole?: string;
}

/** Resources of every cluster node: DLL, Path, services and their dependencies; on further nodes the wait and the replica services. */
function commonResources(site: Site, xpr: Xpr, settings: ClusterSettings, services: readonly ClusterService[], me: ClusterNode, out: Resources, install: boolean): Common {
    const p = settings.part;
    const dllSource = mediaPath(xpr, `${RESOURCE_TYPE.mediumFolder}\\${RESOURCE_TYPE.fileName}`);
    // From the medium, so only in Prepare (Operate never needs the medium); the plan applies every node's Prepare before the type is registered.
    out.add({ kind: 'File', id: RESOURCE_DLL_ID, path: RESOURCE_TYPE.dll, ensure: 'Present', sourcePath: dllSource, dependsOn: xpr.media?.stagingPath ? ['Xpr_SetupMedium'] : [], phases: ['Prepare'], source: { pointer: '/xpr/cluster' }, guide: section(p, '§9.2 step 1') });
    out.add({
        kind: 'EnvironmentPath',
        id: 'Xpr_Cluster_Path',
        name: 'Path',
        entries: PATH_FOLDERS.map((folder) => `${xpr.installPath.replace(/\\+$/, '')}\\${folder}`),
        dependsOn: [],
        source: { pointer: '/xpr/installPath' },
        guide: section(p, '§9.4.4 step 5'),
    });
    const names = [...services.map((s) => s.service), INFORMATION_STORE.service].sort((a, b) => a.localeCompare(b));
    let before: string[];
    if (install) {
        before = ['Xpr_Installed'];
    } else {
        const first = clusterNodes(xpr.cluster!)[0]!;
        // The plan's wait step (cluster-plan.ts) makes this WaitForAll: one node at a time, after the first has its resource chain (§9.8).
        const wait = waitResourceId({ on: { node: first.name, resource: chainEnd(services) } });
        const replica = out.add({
            kind: 'Script',
            id: 'Xpr_Cluster_ReplicaServices',
            name: `XPR services of ${first.name} created here with its image paths`,
            ...replicaServicesScript({ sourceNode: first.name, services: names }),
            dependsOn: [wait],
            source: { pointer: me.pointer },
            guide: section(p, '§9.8.2'),
        });
        before = [replica];
    }
    const exchange = xpr.cluster?.exchangeServiceAccount;
    const exchangeServices = new Set(services.filter((s) => s.pointer.endsWith('/exchangeApl') || s.pointer.endsWith('/exchangeUmApl')).map((s) => s.service));
    const serviceIds = names.map((name) =>
        out.add({
            kind: 'Service',
            id: psIdentifier(`Xpr_Service_${name}`),
            name,
            ensure: 'Present',
            startupType: 'Manual',
            // The cluster starts and stops them (Generic Service resources); DSC must not.
            state: 'Ignore',
            // stunnel keeps the account setup gives it, as on a single server (data.ts KERNEL_SERVICES).
            ...(name === 'stunnel' ? {} : { account: { credential: exchangeServices.has(name) && exchange ? exchange.credential : xpr.serviceAccount.credential } }),
            dependsOn: [...before, 'Xpr_Administrators', 'Xpr_LogOnAsService'],
            source: { pointer: '/xpr/serviceAccount' },
            guide: section(p, '§9.5.1, §9.5.2'),
        }),
    );
    const noDependencies = out.add({
        kind: 'Script',
        id: 'Xpr_Cluster_ServiceDependencies',
        name: 'XPR services without service dependencies (sc config <service> depend= /)',
        ...noDependenciesScript(names),
        dependsOn: serviceIds,
        source: { pointer: '/xpr/cluster' },
        guide: section(p, '§9.5.3'),
    });
    return { ...(install ? { installed: 'Xpr_Installed' } : {}), serviceIds, noDependencies };
}

/**
 * The single-server resources as a cluster node needs them: the cluster's
 * services replace the host's (Manual, never started); the CAP replaces the
 * node address in LicSvcAddress and BindAddress; the shares are scoped to
 * the network name (§9.6.1). A further node keeps the prerequisites only:
 * setup never runs there and the disk is the owner's.
 */
function adaptBase(resources: readonly Resource[], install: boolean, settings: ClusterSettings, common: Common): Resource[] {
    const dropped = new Set<string>();
    const kept = resources.filter((r) => {
        const drop =
            r.kind === 'Service' ||
            (r.kind === 'Registry' && (r.value.name === 'LicSvcAddress' || r.value.name === 'BindAddress')) ||
            (!install && (r.id === 'Xpr_Installed' || r.id === 'Xpr_HostRequirements' || r.kind === 'SmbShare' || r.kind === 'Registry' && r.dependsOn.includes('Xpr_Installed')));
        if (drop) {
            dropped.add(r.id);
        }
        return !drop;
    });
    return kept.map((r) => {
        const dependsOn = r.dependsOn.filter((id) => !dropped.has(id));
        if (r.kind === 'SmbShare') {
            return { ...r, scopeName: settings.networkName, dependsOn: [...dependsOn, 'Xpr_Cluster_AccessPoint'] };
        }
        if (r.id === 'Xpr_Installed') {
            // Setup installs onto the role's disk, with the client access point there (§8, §7.3).
            return { ...r, dependsOn: [...dependsOn, 'Xpr_Cluster_AccessPoint', 'Xpr_Cluster_DiskInRole'] };
        }
        return { ...r, dependsOn };
    });
}

function installNodeResources(xpr: Xpr, cluster: XprCluster, s: ClusterSettings, services: readonly ClusterService[], common: Common, out: Resources): void {
    const p = s.part;
    const kernelPolicy: Policy = { restartAction: RESTART_ACTION.kernel, restartPeriodMs: s.restartPeriodMs, restartThreshold: s.restartThreshold };
    const otherPolicy: Policy = { ...kernelPolicy, restartAction: RESTART_ACTION.other };
    const wait = out.add({
        kind: 'WaitForCluster',
        id: 'Xpr_Cluster_Wait',
        name: cluster.windowsCluster.name,
        retryIntervalSec: cluster.windowsCluster.retryIntervalSec ?? 60,
        retryCount: cluster.windowsCluster.retryCount ?? 30,
        dependsOn: [],
        source: { pointer: '/xpr/cluster/windowsCluster' },
        // The customer builds the cluster before XPR is installed (§6.2 item 2).
        guide: section(p, '§6.2 item 2'),
    });
    const role = out.add(script('Xpr_Cluster_Role', `Cluster role ${s.roleName}, priority ${s.priority}`, roleScript({ role: s.roleName, priority: PRIORITY_VALUE[s.priority], failoverThreshold: s.failoverThreshold, failoverPeriodHours: s.failoverPeriodHours }), [wait], '/xpr/cluster/role', section(p, '§7.2, §9.7.5')));
    out.add({ kind: 'ClusterPreferredOwner', id: 'Xpr_Cluster_PreferredOwners', name: s.roleName, clusterName: cluster.windowsCluster.name, nodes: s.preferredOwners, dependsOn: [role], source: { pointer: '/xpr/cluster/role' }, guide: section(p, '§7.2 step 5') });
    const ipResource = `IP Address ${s.capAddress}`;
    const accessPoint = out.add(
        script(
            'Xpr_Cluster_AccessPoint',
            `Client access point ${s.networkName} (${s.capAddress})`,
            accessPointScript({ role: s.roleName, ipResource, address: s.capAddress, subnetMask: subnetMask(s.capPrefixLength), ...(cluster.clientAccessPoint.clusterNetwork ? { network: cluster.clientAccessPoint.clusterNetwork } : {}), networkName: s.networkName, policy: kernelPolicy }),
            [role],
            '/xpr/cluster/clientAccessPoint',
            section(p, '§7.3.1, §6.1.9'),
        ),
    );
    const disk = out.add({ kind: 'ClusterDisk', id: 'Xpr_Cluster_Disk', name: String(cluster.disk.number), label: s.diskResource, ensure: 'Present', dependsOn: [wait], source: { pointer: '/xpr/cluster/disk' }, guide: section(p, '§7.3.3 steps 1–5') });
    const diskInRole = out.add(script('Xpr_Cluster_DiskInRole', `${s.diskResource} in the role ${s.roleName}`, diskInRoleScript(s.diskResource, s.roleName), [disk, role], '/xpr/cluster/disk', section(p, '§7.3.3 steps 6–9')));
    // The customer provides the disk (§7.1.3): a gate on the first runbook step, which says so.
    const diskGate = gateFor({ id: 'xpr-cluster-apply-first', title: applyFirstTitle(s.roleName) });
    out.add({
        ...script('Xpr_Cluster_DiskRequirements', `Cluster disk ${s.driveLetter} NTFS, at least ${MIN_CLUSTER_DISK_GB} GB`, diskRequirementsScript(s.driveLetter, MIN_CLUSTER_DISK_GB, diskGate), [diskInRole], '/xpr/cluster/disk/driveLetter', section(p, '§7.1.3')),
        gate: diskGate,
        phases: ['Prepare'],
    });

    const resourceType = out.add(script('Xpr_Cluster_ResourceType', `Cluster resource type ${RESOURCE_TYPE.name}`, resourceTypeScript(RESOURCE_TYPE.name, RESOURCE_TYPE.dll), [wait], '/xpr/cluster', section(p, '§9.2 step 2')));

    // --- §9.3: the node name becomes the network name, then the values that name the virtual server
    const installed = common.installed ?? 'Xpr_Installed';
    const rehome = out.add(script('Xpr_Cluster_Rehome', `XPR registry names ${s.networkName} instead of ${clusterNodes(cluster)[0]!.name}`, rehomeScript({ nodeName: clusterNodes(cluster)[0]!.name, networkName: s.networkName, trees: REHOME_TREES }), [installed], '/xpr/cluster/clientAccessPoint/networkName', section(p, '§9.3 step 2')));
    const port = xpr.licensing.licenseServicePort ?? EXAMPLE_LICSVC_PORT;
    const values = [
        registry('MRS Globals', 'LicSvcAddress', { type: 'REG_SZ', value: `tcpip://${s.capAddress}:${port}` }, '/xpr/cluster/clientAccessPoint/ipAddress', section(p, '§9.3 step 3')),
        registry('Tcpapl\\NWPlugTCP', 'BindAddress', { type: 'REG_SZ', value: s.capAddress }, '/xpr/cluster/clientAccessPoint/ipAddress', section(p, '§9.3 step 5')),
        registry('Cluster Parameter', 'Type', { type: 'REG_SZ', value: 'MSCS' }, '/xpr/cluster', section(p, '§9.3 step 6')),
        // The guide's text says "the name of the application"; its table says <Role name>, which xprc writes (the digest reads it the same way).
        registry('Cluster Parameter', 'Group', { type: 'REG_SZ', value: s.roleName }, '/xpr/cluster/role/name', section(p, '§9.3 step 7')),
        ...((cluster.aplStartDelays ?? []).length === 0
            ? []
            : [registry('Services', APL_DELAY_VALUE, { type: 'REG_MULTI_SZ', value: (cluster.aplStartDelays ?? []).map((d) => `${d.apl},${d.minutes}`) }, '/xpr/cluster/aplStartDelays', section(p, '§9.9 step 6'))]),
    ].map((value) => out.add({ ...value, dependsOn: [rehome] }));

    const fileServer = out.add(script('Xpr_Cluster_FileServer', `File Server resource of ${s.roleName} on ${s.networkName} and ${s.diskResource}`, fileServerScript(s.roleName, [s.networkName, s.diskResource], kernelPolicy), [installed, accessPoint, diskInRole], '/xpr/cluster', section(p, '§9.6.2')));

    // --- §9.7: the resources, made in Table 17 order; each waits for the one made before it
    const resourceOf = new Map<string, string>();
    let previous: string[] = [fileServer, common.noDependencies, ...common.serviceIds, ...values, accessPoint];
    const provider = (dependency: string): Provider =>
        dependency === 'fileServer' ? { fileServerOf: s.roleName } : dependency === 'disk' ? { name: s.diskResource } : dependency === 'networkName' ? { name: s.networkName } : { name: resourceName(services, dependency) };
    for (const service of services) {
        if (service.service === 'mta') {
            const checkpoints: string[] = [];
            const id = out.add(
                script(
                    'Xpr_Cluster_Resource_infostor',
                    `Cluster resource ${INFORMATION_STORE.resourceName} (mrsclusres)`,
                    clusterServiceScript({ role: s.roleName, resourceName: INFORMATION_STORE.resourceName, resourceType: RESOURCE_TYPE.name, providers: INFORMATION_STORE.dependsOn[p].map(provider), checkpoints, policy: { ...kernelPolicy, retryPeriodOnFailureMs: INFORMATION_STORE.retryPeriodOnFailureMs } }),
                    [...previous, resourceType, diskInRole],
                    '/xpr/cluster',
                    section(p, '§9.7.3'),
                ),
            );
            resourceOf.set(INFORMATION_STORE.service, id);
            previous = [id];
        }
        const checkpoints = [...(service.extraCheckpoints ?? []), ...(service.service === 'licsvc' && cluster.systemNetworking ? iscCheckpoints(p) : []), ...(service.sequence < 11 || !service.service.includes(':') ? [`SYSTEM\\CurrentControlSet\\Services\\${service.service}`] : ['SYSTEM\\CurrentControlSet\\Services\\ExchApl'])];
        const id = out.add(
            script(
                resourceId(service),
                `Cluster resource ${service.resourceName} (Generic Service ${service.service})`,
                clusterServiceScript({ role: s.roleName, resourceName: service.resourceName, resourceType: 'Generic Service', serviceName: service.service, providers: service.dependsOn.map(provider), checkpoints, policy: service.kernel ? kernelPolicy : otherPolicy }),
                previous,
                service.pointer,
                section(p, service.sequence === 11 ? '§9.7.2, Table 17' : `§9.7.2, Table 17 row ${service.sequence}`),
            ),
        );
        resourceOf.set(service.service, id);
        previous = [id];
    }
}

/** The install node's last resource Script, which the further nodes wait for. */
export function chainEnd(services: readonly ClusterService[]): string {
    return resourceId(services[services.length - 1]!);
}

/** Script id of a service's cluster resource (the WaitForAll of the other nodes names the last). */
export function resourceId(service: Pick<ClusterService, 'service'>): string {
    return psIdentifier(`Xpr_Cluster_Resource_${service.service.replace(/:/g, '_')}`);
}

function resourceName(services: readonly ClusterService[], service: string): string {
    if (service === INFORMATION_STORE.service) {
        return INFORMATION_STORE.resourceName;
    }
    return services.find((s) => s.service === service)?.resourceName ?? service;
}

function script(id: string, name: string, lines: Pick<ScriptResource, 'getScript' | 'testScript' | 'setScript'>, dependsOn: readonly string[], pointer: string, guide: string): ScriptResource {
    return { kind: 'Script', id, name, ...lines, dependsOn, source: { pointer }, guide };
}

function registry(subkey: string, name: string, data: { type: 'REG_SZ'; value: string } | { type: 'REG_MULTI_SZ'; value: string[] }, pointer: string, guide: string): Resource {
    return {
        kind: 'Registry',
        id: psIdentifier(`Xpr_Cluster_Registry_${subkey.replace(/\\/g, '_')}_${name}`),
        value: { hive: 'HKEY_LOCAL_MACHINE', path: `${MRS_KEY}\\${subkey}`, name, ensure: 'Present', data },
        dependsOn: [],
        source: { pointer },
        guide,
    };
}

/**
 * The cluster objects setup needs and that stay enforced: in both configurations (XPR setup installs
 * onto the role's disk with its client access point, §8). Everything else is Operate, except the
 * Prepare-only DLL copy and disk check.
 */
const PREPARE_TOO: ReadonlySet<string> = new Set(['Xpr_Cluster_Wait', 'Xpr_Cluster_Role', 'Xpr_Cluster_PreferredOwners', 'Xpr_Cluster_AccessPoint', 'Xpr_Cluster_Disk', 'Xpr_Cluster_DiskInRole']);

/** Resources of one node; ids unique, dependencies sorted. */
class Resources {
    private readonly items: Resource[] = [];

    add(resource: Resource): string {
        if (this.items.some((r) => r.id === resource.id)) {
            throw new Error(`Internal error: two XPR cluster resources with id ${resource.id}`);
        }
        this.items.push({ ...resource, dependsOn: [...new Set(resource.dependsOn)].sort() } as Resource);
        return resource.id;
    }

    list(): Resource[] {
        return this.items.map((r) => (PREPARE_TOO.has(r.id) ? ({ ...r, phases: ['Prepare', 'Operate'] } as Resource) : r));
    }
}
