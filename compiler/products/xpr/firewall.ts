/**
 * The XPR hosts' inbound firewall rules (lowered with the rest of the node in
 * lower.ts). A port rule only where a guide or the manifest names the port;
 * a program rule for the APL's executable elsewhere.
 */

import { DEFAULT_FIREWALL_PROFILES } from '../../frontend/defaults.js';
import { psIdentifier } from '../../emit/ps/quote.js';
import type { FirewallProfile, FirewallProtocol, FirewallRuleResource } from '../../ir/types.js';
import type { Site, Xpr } from '../../manifest/types.generated.js';
import { COMPONENTS, EXAMPLE_CLA_PORT, install, upgrade, type ComponentId } from './data.js';
import { nodeIpv4s, sameName, siteNode, xprHosts, type XprHost } from './model.js';

const PROFILE_ORDER: readonly FirewallProfile[] = ['Domain', 'Private', 'Public'];

interface PortRule {
    readonly name: string;
    readonly displayName: string;
    readonly description: string;
    readonly protocol: FirewallProtocol;
    /** Empty for a program rule. */
    readonly ports: readonly string[];
    readonly remoteAddresses: readonly string[];
    /** The APL's executable: a program rule, for traffic on ports no guide names. */
    readonly program?: string;
    readonly pointer: string;
    readonly guide: string;
}

/**
 * Inbound rules. A port rule only for a port a guide names (HTTP 80 of the
 * Web APL, Upgrade guide §2.3.1.1; SIP 5060, Cluster Installation guide
 * §4.4.16) or the manifest configures; where the guides name no port, a
 * program rule for the APL's executable (Table 19), so the APL receives on
 * whatever ports it is configured for. The guides never ask for outbound
 * rules, so none are made.
 */
export function firewallRules(site: Site, xpr: Xpr, host: XprHost): FirewallRuleResource[] {
    const rules: PortRule[] = [];
    const c = host.components;
    const base = `${host.pointer}/components`;
    const bin = (component: ComponentId): string => {
        const binary = COMPONENTS[component].services.find((s) => s.binary !== undefined)?.binary ?? '';
        return `${host.installPath.replace(/\\+$/, '')}\\${binary}`;
    };
    if (c.webApl) {
        const web = c.webApl;
        rules.push(portRule('WebApl-HTTP', 'Web APL HTTP', 'Web Assistant over HTTP (Web APL).', 'TCP', web.httpPort ?? 80, [], `${base}/webApl`, upgrade('§2.3.1.1')));
        if (web.httpsPort !== undefined) {
            // The guides give 443 only for the web conference server (§2.3.1.1): the Web APL's HTTPS port is the manifest's.
            rules.push(portRule('WebApl-HTTPS', 'Web APL HTTPS', 'Web Assistant over HTTPS (Web APL, SSL certificate of setup §4.4.10).', 'TCP', web.httpsPort, [], `${base}/webApl/httpsPort`, install('§4.4.10')));
        }
    }
    if (c.smtpApl) {
        const smtp = c.smtpApl;
        const usage = smtp.usage ?? ['internetMail'];
        const at = `${base}/smtpApl`;
        const configured: [string, string, string, number | undefined, boolean][] = [
            ['SmtpApl-SMTP', 'SMTP APL SMTP', 'Internet mail to the SMTP APL.', smtp.smtpPort, usage.includes('internetMail') && (smtp.connection ?? 'permanent') !== 'notAtAll'],
            ['SmtpApl-POP3', 'SMTP APL POP3', 'POP3 clients of the SMTP APL.', smtp.pop3Port, usage.includes('pop3')],
            ['SmtpApl-IMAP4', 'SMTP APL IMAP4', 'IMAP4 clients of the SMTP APL.', smtp.imap4Port, usage.includes('imap4')],
        ];
        const used = configured.filter(([, , , , inUse]) => inUse);
        for (const [name, displayName, description, port] of used) {
            if (port !== undefined) {
                rules.push(portRule(name, displayName, description, 'TCP', port, [], at, install('§4.4.9.2')));
            }
        }
        if (used.some(([, , , port]) => port === undefined)) {
            rules.push(programRule('SmtpApl', 'SMTP APL', 'Mail clients and servers to the SMTP APL (SMTP, POP3, IMAP4 on the ports it is configured for).', 'TCP', bin('smtpApl'), [], at, install('§4.4.9.2, §9.8.2 Table 19')));
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
        if ((protocols.includes('H.323') || protocols.includes('CorNet-IP')) && ip.h323Port !== undefined) {
            rules.push(portRule('IpApl-H225', 'IP APL H.323 call signalling', 'H.225 call signalling of the IP APL (H.323, CorNet-IP).', 'TCP', ip.h323Port, gateways, `${at}/h323Port`, install('§4.4.1 Table 4-2')));
        } else if (protocols.includes('H.323') || protocols.includes('CorNet-IP')) {
            rules.push(programRule('IpApl-Signalling', 'IP APL call signalling', 'H.323 / CorNet-IP call signalling of the IP APL (no guide names its port).', 'TCP', bin('ipApl'), gateways, at, install('§4.4.1 Table 4-2, §9.8.2 Table 19')));
        }
        // Media comes from the phones as well as the gateways: never restricted to the gateways' addresses.
        if (ip.rtpPorts !== undefined) {
            rules.push(portRule('IpApl-RTP', 'IP APL media', 'Voice and fax media (RTP, T.38) of the IP APL, from gateways and phones.', 'UDP', ip.rtpPorts, [], `${at}/rtpPorts`, install('§4.4.1 Table 4-2')));
        } else {
            rules.push(programRule('IpApl-Media', 'IP APL media', 'Voice and fax media (RTP, T.38) of the IP APL, from gateways and phones (no guide names its ports).', 'UDP', bin('ipApl'), [], at, install('§4.4.1 Table 4-2, §9.8.2 Table 19')));
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
        // Every XPR host installs its own license service, which connects to the CLA (licenseServiceLines in
        // runbook.ts, §4.3.4.1): with the CLA here, the satellites' license services and the CLM connect to this port.
        // No rule for the kernel's licsvc port: no other host connects to it outside a cluster.
        if (scenario === 'claOnKernel') {
            // Scenario 2: the CLM on another computer manages the CLA here (Upgrade guide §2.3.7, §2.3.9 step 5).
            rules.push(portRule('CLA', 'CLA service port', 'HiPath Customer License Agent (the CLM and the license services connect to it).', 'TCP', xpr.licensing.claPort ?? EXAMPLE_CLA_PORT, [], '/xpr/licensing', upgrade('§2.3.9')));
        } else if (scenario === 'claAndClmOnKernel' && satellites.length > 0) {
            rules.push(portRule('CLA', 'CLA service port', 'HiPath Customer License Agent, for the satellites\' license services.', 'TCP', xpr.licensing.claPort ?? EXAMPLE_CLA_PORT, addressesOf(satellites), '/xpr/licensing', upgrade('§2.3.9')));
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
            ...(rule.program === undefined ? {} : { program: rule.program }),
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

function programRule(
    name: string,
    displayName: string,
    description: string,
    protocol: FirewallProtocol,
    program: string,
    remoteAddresses: readonly string[],
    pointer: string,
    guide: string,
): PortRule {
    return { name, displayName, description, protocol, ports: [], remoteAddresses, program, pointer, guide };
}
