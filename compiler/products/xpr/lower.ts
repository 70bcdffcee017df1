/**
 * Lowering of the `xpr` section for one node: the resources that make a
 * Windows host ready for XPR and keep an installed XPR as the manifest
 * says, in this dependency order (Cluster Installation guide §3–§5, Upgrade
 * guide §2.3.1.1, §2.12):
 *
 *   Windows features, TCP/IP start-up values ─┐
 *                                            ├─> PendingReboot ─┐
 *   service account rights (group, right) ───┼──────────────────┼─> "XPR installed" check ─> XPR registry values, shares, services
 *   medium copy ─> host requirements check ──┴──────────────────┘
 *
 * The XPR setup itself has no unattended form: it is a runbook step, and
 * the "XPR installed" gate fails (naming the runbook step) until it ran.
 * Firewall rules (firewall.ts) need nothing installed and depend on nothing.
 */

import type { ResolvedNode, ResolvedSite } from '../../frontend/resolve.js';
import { psIdentifier } from '../../emit/ps/quote.js';
import { InternalError } from '../../diagnostics/internal-error.js';
import type { FirewallProfile, FirewallProtocol, FirewallRuleResource, Resource, ScriptGate, ServiceResource } from '../../ir/types.js';
import { gateFor } from '../gate.js';
import { withXprPhases } from './plan.js';
import type { Site, Xpr } from '../../manifest/types.generated.js';
import type { ProductNodeOutput } from '../product.js';
import {
    COMPONENTS,
    DHCP_CLIENT_SERVICE,
    DHCP_SERVER_TOOLS,
    HOST_FEATURES,
    LICENSE_LOGGING_SERVICE,
    IPV6_SETTING,
    KERNEL_SERVICES,
    PPCOM,
    SATELLITE_SERVICES,
    SHARES,
    SNMP_FEATURE,
    TOS_SETTING,
    install,
    upgrade,
    type BootRegistryFact,
    type FeatureFact,
    type XprServiceFact,
} from './data.js';
import { driveOf, hasComponent, hostComponents, hostOfNode, mediaPath, siteNode } from './model.js';
import { firewallRules } from './firewall.js';
import { requiredMemoryMB } from './hardware.js';
import { HOST_REQUIREMENTS_STEP, SETUP_DONE_STEP, xprRunbook } from './runbook.js';
import { hostRequirementsScript, installedScript, licenseLoggingScript, mediumCopyScript } from './scripts.js';
import { lowerXprClusterNode } from './cluster-lower.js';
import { clusterNodeOf } from './cluster-model.js';
import { upgradeRoute } from './upgrade-matrix.js';
import { lowerUpgradedHost } from './upgrade-phases.js';
import { lowerUpgradedClusterNode } from './upgrade-cluster.js';

export function lowerXprNode(resolved: ResolvedSite, node: ResolvedNode): ProductNodeOutput | undefined {
    // A cluster node (xpr.cluster) is lowered by cluster-lower.ts, which builds on the host lowering below.
    const xprSection = resolved.site.xpr;
    // A site with `xpr.upgrade` gets its upgrade phases on top of the target's lowering (upgrade-phases.ts).
    const route = xprSection?.upgrade ? upgradeRoute(resolved.site, xprSection) : undefined;
    if (route && xprSection?.cluster && clusterNodeOf(xprSection, node.name)) {
        return lowerUpgradedClusterNode(resolved, node, route, (r, n) => lowerXprClusterNode(r, n, lowerXprHostNode));
    }
    if (route) {
        return lowerUpgradedHost(resolved, node, route, lowerXprHostNode);
    }
    if (xprSection?.cluster && clusterNodeOf(xprSection, node.name)) {
        return lowerXprClusterNode(resolved, node, lowerXprHostNode);
    }
    return lowerXprHostNode(resolved, node);
}

/** The resources of one XPR host (kernel or satellite) that is not a cluster node. */
export function lowerXprHostNode(resolved: ResolvedSite, node: ResolvedNode): ProductNodeOutput | undefined {
    const site = resolved.site;
    const xpr = site.xpr;
    const host = xpr ? hostOfNode(xpr, node.name) : undefined;
    if (!xpr || !host) {
        return undefined;
    }
    const resources = new NodeResources();
    const manualSteps = xprRunbook(site, xpr, host);
    const gate = (stepId: string): ScriptGate => {
        const step = manualSteps.find((s) => s.id === stepId);
        if (!step) throw new InternalError(`XPR runbook of ${node.name} has no step ${stepId} for its gate`);
        return gateFor(step);
    };
    const userName = site.credentials?.[xpr.serviceAccount.credential]?.userName ?? '';
    const credential = { credential: xpr.serviceAccount.credential };

    // --- Windows prerequisites ------------------------------------------------
    const dhcp = xpr.disableDhcpClient !== false;
    // The section, whether or not the manifest spells out the default: an omitted default and its explicit
    // value give the same bytes (README, "What changes generated output").
    const dhcpPointer = '/xpr';
    const features = [
        ...HOST_FEATURES.map((fact) => featureResource(fact, host.pointer)),
        ...(host.components.webApl?.snmpAgent === true ? [featureResource(SNMP_FEATURE, `${host.pointer}/components/webApl/snmpAgent`)] : []),
        ...(dhcp ? [featureResource(DHCP_SERVER_TOOLS, dhcpPointer)] : []),
    ].map((feature) => resources.add(feature));
    if (dhcp) {
        // §3.1.3 / §7.1.3: "Stop and deactivate the DHCP Client"; the runbook warns about dynamic DNS registration.
        resources.add({
            kind: 'Service',
            id: 'Xpr_Windows_DhcpClient',
            name: DHCP_CLIENT_SERVICE.name,
            ensure: 'Present',
            startupType: 'Disabled',
            state: 'Stopped',
            dependsOn: [],
            source: { pointer: dhcpPointer },
            guide: DHCP_CLIENT_SERVICE.guide,
        });
        if (node.os === 'WindowsServer2008R2') {
            resources.add({
                kind: 'Script',
                id: 'Xpr_Windows_LicenseLogging',
                name: `${LICENSE_LOGGING_SERVICE.displayName} (${LICENSE_LOGGING_SERVICE.name}) stopped and disabled where Windows has it`,
                ...licenseLoggingScript(LICENSE_LOGGING_SERVICE.name),
                dependsOn: [],
                source: { pointer: dhcpPointer },
                guide: LICENSE_LOGGING_SERVICE.guide,
            });
        }
    }
    const bootValues: string[] = [];
    if (hasComponent(host, 'ipApl')) {
        bootValues.push(...bootRegistry(resources, TOS_SETTING, `${host.pointer}/components/ipApl`));
    }
    if (xpr.disableIpv6 !== false) {
        bootValues.push(...bootRegistry(resources, IPV6_SETTING, '/xpr'));
    }
    const reboot = resources.add({
        kind: 'PendingReboot',
        id: 'Xpr_Reboot_BeforeSetup',
        name: 'BeforeXprSetup',
        dependsOn: [...features, ...bootValues],
        source: { pointer: host.pointer },
        // Setup must not start with a reboot pending (Wrapper: reboot only when prompted, §4.1).
        guide: install('§4.1'),
    });

    // --- The XPR service account: local administrator with "Log on as a service" on every XPR host (Upgrade guide §2.12.1)
    const administrators = resources.add({
        kind: 'GroupMembers',
        id: 'Xpr_Administrators',
        name: 'Administrators',
        members: [userName],
        dependsOn: [],
        source: { pointer: '/xpr/serviceAccount' },
        guide: upgrade('§2.12.1'),
    });
    const logOnAsService = resources.add({
        kind: 'UserRight',
        id: 'Xpr_LogOnAsService',
        name: 'Log_on_as_a_service',
        identities: [userName],
        dependsOn: [],
        source: { pointer: '/xpr/serviceAccount' },
        guide: upgrade('§2.12.2 step 2'),
    });

    // --- Setup medium and host requirements ----------------------------------------
    const staging = xpr.media?.stagingPath;
    const media =
        staging === undefined || xpr.media === undefined
            ? undefined
            : resources.add({
                  kind: 'Script',
                  id: 'Xpr_SetupMedium',
                  name: `XPR setup medium copied once from ${xpr.media.source} to ${staging}`,
                  ...mediumCopyScript({ source: xpr.media.source, stagingPath: staging }),
                  ...(xpr.media.credential ? { credential: { credential: xpr.media.credential.credential } } : {}),
                  dependsOn: [],
                  source: { pointer: '/xpr/media' },
                  // "copy the entire content from the setup medium" and run setup from the copy (§4.3.1).
                  guide: install('§4.3.1'),
              });
    const folders = host.role === 'kernel' ? [xpr.installPath, xpr.databaseFolder, xpr.documentFolder, xpr.licensing.licenseServicePath] : [host.installPath];
    const installDrive = driveOf(host.installPath) ?? 'C:';
    // Hardware the manifest states is checked by the xpr-hardware rule; what it does not state, the host checks.
    const hardware = siteNode(site, host.nodeName)?.node.hardware;
    const requirementsGate = gate(HOST_REQUIREMENTS_STEP.id);
    const requirements = resources.add({
        kind: 'Script',
        id: 'Xpr_HostRequirements',
        name: 'XPR host requirements: local XPR volumes, 10 GB partition, no domain controller, Microsoft Loopback Adapter, memory and disks',
        ...hostRequirementsScript({
            installDrive,
            drives: [...new Set(folders.flatMap((folder) => (folder === undefined ? [] : [driveOf(folder)].filter((d): d is string => d !== undefined))))].sort(),
            ...(staging === undefined ? {} : { setupExe: mediaPath(xpr, 'Setup.exe') }),
            ...(hardware?.memoryGB === undefined ? { minMemoryMB: requiredMemoryMB(host) } : {}),
            ...(hardware?.diskSizesGB === undefined ? { checkDisks: true } : {}),
            gate: requirementsGate,
        }),
        gate: requirementsGate,
        dependsOn: media ? [media] : [],
        source: { pointer: host.pointer },
        guide: upgrade('§2.3.1.1'),
    });

    // --- The installation check ---------------------------------------------------
    const installedGate = gate(SETUP_DONE_STEP[host.role].id);
    const installed = resources.add({
        kind: 'Script',
        id: 'Xpr_Installed',
        name: `OpenScape Xpressions ${versionLabel(xpr)} installed in ${host.installPath}`,
        ...installedScript({ role: host.role, installPath: host.installPath, versionLabel: versionLabel(xpr), ...(xpr.build ? { build: xpr.build } : {}), gate: installedGate }),
        gate: installedGate,
        dependsOn: [reboot, requirements, administrators, logOnAsService, ...(media ? [media] : [])],
        source: { pointer: host.pointer },
        guide: host.role === 'kernel' ? install('§4.3–§4.4') : upgrade('§2.12.2'),
    });

    // --- XPR registry values the manifest determines (32-bit XPR: WOW6432Node) -------
    // LicSvcAddress is not written: setup sets it, and the guides change it only when a cluster re-homes
    // the kernel to its virtual address (Cluster Installation guide §5.3, §9.3 step 3; 13010 there is an example).
    if (host.role === 'kernel') {
        const bindAddress = host.components.tcpApl?.bindAddress;
        if (bindAddress !== undefined) {
            resources.add(
                ppcomValue('Tcpapl\\NWPlugTCP', 'BindAddress', bindAddress, `${host.pointer}/components/tcpApl/bindAddress`, installed, upgrade('§3.2.2.2')),
            );
        }
    }

    // --- Shares of the XPR directories (kernel; Cluster Installation guide §9.6.1 Table 16) -----
    if (host.role === 'kernel') {
        for (const share of SHARES) {
            resources.add({
                kind: 'SmbShare',
                id: psIdentifier(`Xpr_Share_${share.name.replace(/\$$/, '')}`),
                name: share.name,
                path: `${xpr.installPath.replace(/\\+$/, '')}\\${share.folder}`,
                ensure: 'Present',
                description: share.description,
                fullAccess: share.fullAccess,
                changeAccess: [],
                readAccess: share.readAccess,
                dependsOn: [installed],
                source: { pointer: '/xpr/installPath' },
                guide: install('§9.6.1 Table 16'),
            });
        }
    }

    // --- XPR services: account (and a start mode the manifest asks for) once setup created them ---
    // State 'Ignore': XPR starts its own services (mrs the kernel's, the kernel the satellites', Upgrade guide
    // §2.12.2 step 11); DSC must neither start them nor start them again after an engineer's "Stop Server".
    const serviceFacts: { fact: XprServiceFact; pointer: string }[] = [
        ...(host.role === 'kernel' ? KERNEL_SERVICES : SATELLITE_SERVICES).map((fact) => ({ fact, pointer: host.pointer })),
        ...hostComponents(host).flatMap((id) => COMPONENTS[id].services.map((fact) => ({ fact, pointer: `${host.pointer}/components/${id}` }))),
    ];
    const startupTypes: Readonly<Record<string, 'Automatic' | 'Manual' | 'Disabled' | undefined>> = xpr.serviceStartupTypes ?? {};
    for (const { fact, pointer: factPointer } of serviceFacts) {
        const pointer = startupTypes[fact.name] === undefined ? factPointer : `/xpr/serviceStartupTypes/${fact.name}`;
        const service: Omit<ServiceResource, 'id'> & { id: string } = {
            kind: 'Service',
            id: psIdentifier(`Xpr_Service_${fact.name}`),
            name: fact.name,
            ensure: 'Present',
            state: 'Ignore',
            ...(startupTypes[fact.name] === undefined ? {} : { startupType: startupTypes[fact.name] }),
            ...(fact.xprAccount ? { account: credential } : {}),
            // Rights before the services that use them; setup creates the services, so they wait for the
            // installation gate (xService would otherwise fail asking for a Path to create them).
            dependsOn: [installed, ...(fact.xprAccount ? [administrators, logOnAsService] : [])],
            source: { pointer },
            guide: fact.guide,
        };
        resources.add(service);
    }

    // --- Firewall ----------------------------------------------------------------
    for (const rule of firewallRules(site, xpr, host)) {
        resources.add(rule);
    }

    return {
        resources: withXprPhases(xpr, resources.list()),
        manualSteps,
        roles: [host.role === 'kernel' ? 'xpr-kernel' : 'xpr-satellite'],
    };
}

/** Resources of one node; ids are unique (a second resource with an id is an internal error). */
class NodeResources {
    private readonly items: Resource[] = [];

    add(resource: Resource): string {
        if (this.items.some((r) => r.id === resource.id)) {
            throw new Error(`Internal error: two XPR resources with id ${resource.id}`);
        }
        this.items.push({ ...resource, dependsOn: [...new Set(resource.dependsOn)].sort() } as Resource);
        return resource.id;
    }

    list(): Resource[] {
        return [...this.items];
    }
}

function featureResource(fact: FeatureFact, pointer: string): Resource {
    return {
        kind: 'WindowsFeature',
        id: psIdentifier(`Xpr_Feature_${fact.name}`),
        name: fact.name,
        ensure: fact.ensure,
        includeAllSubFeature: false,
        dependsOn: [],
        source: { pointer },
        guide: fact.guide,
    };
}

/** A start-up value: the Registry resource asks for the reboot when it changes the value (dsc/resources/registry-reboot.ts). */
function bootRegistry(resources: NodeResources, fact: BootRegistryFact, pointer: string): string[] {
    const value = resources.add({
        kind: 'Registry',
        id: psIdentifier(`Xpr_Registry_${fact.name}`),
        value: { hive: 'HKEY_LOCAL_MACHINE', path: fact.key, name: fact.name, ensure: 'Present', data: { type: 'REG_DWORD', value: fact.value } },
        rebootAfterChange: true,
        dependsOn: [],
        source: { pointer },
        guide: fact.guide,
    });
    return [value];
}

function ppcomValue(subkey: string, name: string, data: string, pointer: string, installed: string, guide: string): Resource {
    return {
        kind: 'Registry',
        id: psIdentifier(`Xpr_Registry_${name}`),
        value: { hive: 'HKEY_LOCAL_MACHINE', path: `${PPCOM}\\${subkey}`, name, ensure: 'Present', data: { type: 'REG_SZ', value: data } },
        // Setup creates the PP-COM tree; the value belongs to the installed software.
        dependsOn: [installed],
        source: { pointer },
        guide,
    };
}

export function versionLabel(xpr: Xpr): string {
    return (xpr.version ?? 'V7R1') === 'V7R1FR1' ? 'V7 R1 FR1' : 'V7 R1';
}
