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
 * the "XPR installed" check fails (pointing at the runbook) until it ran.
 * Firewall rules need nothing installed and depend on nothing.
 */

import { DEFAULT_FIREWALL_PROFILES } from '../../frontend/defaults.js';
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
    EXAMPLE_CLA_PORT,
    EXAMPLE_LICSVC_PORT,
    HOST_FEATURES,
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
import { driveOf, hasComponent, hostComponents, hostOfNode, kernelAddress, mediaPath, nodeIpv4s, sameName, siteNode, xprHosts, type XprHost } from './model.js';
import { xprRunbook } from './runbook.js';
import { lowerXprClusterNode } from './cluster-lower.js';
import { clusterNodeOf } from './cluster-model.js';
import { hostRequirementsScript, installedScript } from './scripts.js';

const PROFILE_ORDER: readonly FirewallProfile[] = ['Domain', 'Private', 'Public'];

export function lowerXprNode(resolved: ResolvedSite, node: ResolvedNode): ProductNodeOutput | undefined {
    // A cluster node (xpr.cluster) is lowered by cluster-lower.ts, which builds on the host lowering below.
    const xprSection = resolved.site.xpr;
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
    const features = [...HOST_FEATURES, ...(host.components.webApl?.snmpAgent === true ? [SNMP_FEATURE] : [])].map((fact) =>
        resources.add(featureResource(fact, fact === SNMP_FEATURE ? `${host.pointer}/components/webApl/snmpAgent` : host.pointer)),
    );
    const bootValues: string[] = [];
    if (hasComponent(host, 'ipApl')) {
        bootValues.push(...bootRegistry(resources, TOS_SETTING, `${host.pointer}/components/ipApl`));
    }
    if (xpr.disableIpv6 !== false) {
        bootValues.push(...bootRegistry(resources, IPV6_SETTING, xpr.disableIpv6 === undefined ? '/xpr' : '/xpr/disableIpv6'));
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
                  kind: 'Directory',
                  id: 'Xpr_SetupMedium',
                  path: staging,
                  ensure: 'Present',
                  sourcePath: xpr.media.source,
                  ...(xpr.media.credential ? { credential: { credential: xpr.media.credential.credential } } : {}),
                  dependsOn: [],
                  source: { pointer: '/xpr/media' },
                  // "copy the entire content from the setup medium" and run setup from the copy (§4.3.1).
                  guide: install('§4.3.1'),
              });
    const folders = host.role === 'kernel' ? [xpr.installPath, xpr.databaseFolder, xpr.documentFolder, xpr.licensing.licenseServicePath] : [host.installPath];
    const installDrive = driveOf(host.installPath) ?? 'C:';
    const requirements = resources.add({
        kind: 'Script',
        id: 'Xpr_HostRequirements',
        name: 'XPR host requirements: local XPR volumes, 10 GB partition, no domain controller, Microsoft Loopback Adapter',
        ...hostRequirementsScript({
            installDrive,
            drives: [...new Set(folders.flatMap((folder) => (folder === undefined ? [] : [driveOf(folder)].filter((d): d is string => d !== undefined))))].sort(),
            ...(staging === undefined ? {} : { setupExe: mediaPath(xpr, 'Setup.exe') }),
            gate: gate('xpr-loopback-adapter'),
        }),
        gate: gate('xpr-loopback-adapter'),
        dependsOn: media ? [media] : [],
        source: { pointer: host.pointer },
        guide: upgrade('§2.3.1.1'),
    });

    // --- The installation check ---------------------------------------------------
    const setupStep = host.role === 'kernel' ? 'xpr-setup-start' : 'xpr-satellite-setup';
    const installed = resources.add({
        kind: 'Script',
        id: 'Xpr_Installed',
        name: `OpenScape Xpressions ${versionLabel(xpr)} installed in ${host.installPath}`,
        ...installedScript({ role: host.role, installPath: host.installPath, versionLabel: versionLabel(xpr), ...(xpr.build ? { build: xpr.build } : {}), gate: gate(setupStep) }),
        gate: gate(setupStep),
        dependsOn: [reboot, requirements, administrators, logOnAsService, ...(media ? [media] : [])],
        source: { pointer: host.pointer },
        guide: host.role === 'kernel' ? install('§4.3–§4.4') : upgrade('§2.12.2'),
    });

    // --- XPR registry values the manifest determines (32-bit XPR: WOW6432Node) -------
    if (host.role === 'kernel') {
        const address = kernelAddress(site, xpr);
        if (address !== undefined) {
            resources.add(
                ppcomValue(
                    'MRS Globals',
                    'LicSvcAddress',
                    `tcpip://${address}:${xpr.licensing.licenseServicePort ?? EXAMPLE_LICSVC_PORT}`,
                    '/xpr/licensing',
                    installed,
                    // The kernel finds its license service here (Cluster Installation guide §5.3 step 3, where a cluster puts its virtual address).
                    install('§5.3 step 3'),
                ),
            );
        }
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

    // --- XPR services: account and start mode once setup created them ---------------------
    const serviceFacts: { fact: XprServiceFact; pointer: string }[] = [
        ...(host.role === 'kernel' ? KERNEL_SERVICES : SATELLITE_SERVICES).map((fact) => ({ fact, pointer: host.pointer })),
        ...hostComponents(host).flatMap((id) => COMPONENTS[id].services.map((fact) => ({ fact, pointer: `${host.pointer}/components/${id}` }))),
    ];
    for (const { fact, pointer } of serviceFacts) {
        const service: Omit<ServiceResource, 'id'> & { id: string } = {
            kind: 'Service',
            id: psIdentifier(`Xpr_Service_${fact.name}`),
            name: fact.name,
            ensure: 'Present',
            startupType: fact.startupType,
            ...(fact.xprAccount ? { account: credential } : {}),
            // Rights before the services that use them; the services exist once XPR is installed.
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

// ---------------------------------------------------------------------------
// Firewall
// ---------------------------------------------------------------------------

interface PortRule {
    readonly name: string;
    readonly displayName: string;
    readonly description: string;
    readonly protocol: FirewallProtocol;
    readonly ports: readonly string[];
    readonly remoteAddresses: readonly string[];
    readonly pointer: string;
    readonly guide: string;
}

/**
 * Inbound rules for the ports the host's components serve. The guides give
 * few port numbers (80 and 5060, plus the example values 61740 and 13010);
 * the others are the protocols' standard ports, each a manifest property
 * that says so. The guides never ask for outbound rules, so none are made.
 */
function firewallRules(site: Site, xpr: Xpr, host: XprHost): FirewallRuleResource[] {
    const rules: PortRule[] = [];
    const c = host.components;
    const base = `${host.pointer}/components`;
    if (c.webApl) {
        const web = c.webApl;
        rules.push(
            portRule('WebApl-HTTP', 'Web APL HTTP', 'Web Assistant over HTTP (Web APL).', 'TCP', web.httpPort ?? 80, [], `${base}/webApl`, upgrade('§2.3.1.1')),
            portRule('WebApl-HTTPS', 'Web APL HTTPS', 'Web Assistant over HTTPS (Web APL, SSL certificate of setup §4.4.10).', 'TCP', web.httpsPort ?? 443, [], `${base}/webApl`, install('§4.4.10')),
        );
    }
    if (c.smtpApl) {
        const smtp = c.smtpApl;
        const usage = smtp.usage ?? ['internetMail'];
        const at = `${base}/smtpApl`;
        if (usage.includes('internetMail') && (smtp.connection ?? 'permanent') !== 'notAtAll') {
            rules.push(portRule('SmtpApl-SMTP', 'SMTP APL SMTP', 'Internet mail to the SMTP APL.', 'TCP', smtp.smtpPort ?? 25, [], at, install('§4.4.9.2')));
        }
        if (usage.includes('pop3')) {
            rules.push(portRule('SmtpApl-POP3', 'SMTP APL POP3', 'POP3 clients of the SMTP APL.', 'TCP', smtp.pop3Port ?? 110, [], at, install('§4.4.9.2')));
        }
        if (usage.includes('imap4')) {
            rules.push(portRule('SmtpApl-IMAP4', 'SMTP APL IMAP4', 'IMAP4 clients of the SMTP APL.', 'TCP', smtp.imap4Port ?? 143, [], at, install('§4.4.9.2')));
        }
    }
    if (c.ipApl) {
        const ip = c.ipApl;
        const protocols = ip.protocols ?? ['SIP'];
        const gateways = ip.gateways ?? [];
        const at = `${base}/ipApl`;
        if (protocols.includes('SIP')) {
            rules.push(
                portRule('IpApl-SIP-UDP', 'IP APL SIP', 'SIP signalling of the IP APL.', 'UDP', ip.sipPort ?? 5060, gateways, at, install('§4.4.16')),
                portRule('IpApl-SIP-TCP', 'IP APL SIP', 'SIP signalling of the IP APL.', 'TCP', ip.sipPort ?? 5060, gateways, at, install('§4.4.16')),
            );
        }
        if (protocols.includes('H.323') || protocols.includes('CorNet-IP')) {
            rules.push(portRule('IpApl-H225', 'IP APL H.323 call signalling', 'H.225 call signalling of the IP APL (H.323, CorNet-IP).', 'TCP', ip.h323Port ?? 1720, gateways, at, install('§4.4.1 Table 4-2')));
        }
        if (ip.rtpPorts !== undefined) {
            rules.push(portRule('IpApl-RTP', 'IP APL media', 'Voice and fax media (RTP, T.38) of the IP APL.', 'UDP', ip.rtpPorts, gateways, at, install('§4.4.1 Table 4-2')));
        }
    }
    const satellites = xprHosts(xpr).filter((h) => h.role === 'satellite');
    const addressesOf = (hosts: readonly XprHost[]): string[] =>
        hosts.flatMap((h) => {
            const found = siteNode(site, h.nodeName);
            return found ? nodeIpv4s(found.node) : [];
        });
    if (host.role === 'kernel') {
        const scenario = xpr.licensing.scenario ?? 'external';
        if (scenario === 'claOnKernel') {
            // Scenario 2: the CLM on another computer manages the CLA here (Upgrade guide §2.3.7, §2.3.9 step 5).
            rules.push(portRule('CLA', 'CLA service port', 'HiPath Customer License Agent (CLM and license services connect to it).', 'TCP', xpr.licensing.claPort ?? EXAMPLE_CLA_PORT, [], '/xpr/licensing', upgrade('§2.3.9')));
        }
        if (satellites.length > 0) {
            // Satellites reach the kernel's license service at LicSvcAddress (tcpip://<kernel>:<port>, §5.3 step 3).
            rules.push(
                portRule('LicSvc', 'license service', 'XPR license service (licsvc) for the satellites.', 'TCP', xpr.licensing.licenseServicePort ?? EXAMPLE_LICSVC_PORT, addressesOf(satellites), '/xpr/licensing', install('§5.3 step 3')),
            );
        }
    }
    // Kernel and satellites talk over named pipes (pipe://\\<server>\pipe\…, §5.3 step 2c) and the kernel starts the
    // satellites' services (Upgrade guide §2.12.2 step 11): SMB between the XPR hosts. An inference from those two facts;
    // made only when the other hosts' addresses are known, so it never opens SMB to everyone.
    if (satellites.length > 0) {
        const peers = addressesOf(xprHosts(xpr).filter((h) => !sameName(h.nodeName, host.nodeName) && (host.role === 'kernel' || h.role === 'kernel')));
        if (peers.length > 0) {
            rules.push(portRule('Peers-SMB', 'kernel-satellite link SMB', 'Named pipes and service control between the XPR kernel and its satellites.', 'TCP', 445, peers, '/xpr/satellites', upgrade('§2.12.2')));
        }
    }
    const profiles = site.defaults?.firewallProfiles ?? DEFAULT_FIREWALL_PROFILES;
    return rules.map(
        (rule): FirewallRuleResource => ({
            kind: 'FirewallRule',
            id: psIdentifier(`Xpr_Firewall_${rule.name}`),
            name: `XPR-${rule.name}-In`,
            displayName: `OpenScape Xpressions ${rule.displayName} (${rule.protocol}-In)`,
            description: rule.description,
            ensure: 'Present',
            direction: 'Inbound',
            action: 'Allow',
            protocol: rule.protocol,
            localPorts: rule.ports,
            remotePorts: [],
            remoteAddresses: [...new Set(rule.remoteAddresses)].sort(),
            profiles: PROFILE_ORDER.filter((p) => profiles.includes(p)),
            dependsOn: [],
            source: { pointer: rule.pointer },
            guide: rule.guide,
        }),
    );
}

function portRule(
    name: string,
    displayName: string,
    description: string,
    protocol: FirewallProtocol,
    port: number | string,
    remoteAddresses: readonly string[],
    pointer: string,
    guide: string,
): PortRule {
    return { name, displayName, description, protocol, ports: [String(port)], remoteAddresses, pointer, guide };
}
