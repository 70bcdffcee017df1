/**
 * The portal server's firewall rules (§2.1 port table, §2.5, §2.10): the
 * ports of the portal, its clients, the IP Offices and Voicemail Pro, one
 * NetworkingDsc rule each. Separate from lower.ts because the table is long
 * and does not depend on the rest of the portal's lowering.
 */

import { DEFAULT_FIREWALL_PROFILES } from '../../frontend/defaults.js';
import type { FirewallProfile, FirewallRuleResource } from '../../ir/types.js';
import type { Site } from '../../manifest/types.generated.js';
import {
    CLIENT_HTTP_PORT,
    CLIENT_HTTPS_PORT,
    EXCHANGE_NOTIFICATION_PORT,
    HTTPS_PORT,
    IP_OFFICE_PORT,
    MOBILITY_PORT,
    XMPP_CLIENT_PORT,
    XMPP_FEDERATION_PORT,
    guide,
} from './data.js';
import { at, findNode, type Settings } from './model.js';

const PROFILE_ORDER: readonly FirewallProfile[] = ['Domain', 'Private', 'Public'];

export function portalFirewall(site: Site, s: Settings): FirewallRuleResource[] {
    const profiles = site.defaults?.firewallProfiles ?? DEFAULT_FIREWALL_PROFILES;
    const rule = (
        id: string,
        fields: {
            name: string;
            displayName: string;
            description: string;
            direction?: 'Inbound' | 'Outbound';
            localPorts?: readonly number[];
            remotePorts?: readonly number[];
            remoteAddresses?: readonly string[];
            pointer: string;
            guide: string;
        },
    ): FirewallRuleResource => ({
        kind: 'FirewallRule',
        id: `OnexPortal_Firewall_${id}`,
        dependsOn: [],
        source: { pointer: fields.pointer },
        guide: fields.guide,
        name: fields.name,
        displayName: fields.displayName,
        description: fields.description,
        ensure: 'Present',
        direction: fields.direction ?? 'Inbound',
        action: 'Allow',
        protocol: 'TCP',
        localPorts: [...(fields.localPorts ?? [])].sort((a, b) => a - b).map(String),
        remotePorts: [...(fields.remotePorts ?? [])].sort((a, b) => a - b).map(String),
        remoteAddresses: [...(fields.remoteAddresses ?? [])].sort(),
        profiles: PROFILE_ORDER.filter((p) => profiles.includes(p)),
    });

    const rules = [
        // §2.1 "Firewall Exceptions" and §2.5: incoming TCP on the ports chosen at installation.
        rule('Http_In', {
            name: 'OnexPortal-HTTP-In',
            displayName: 'Avaya one-X Portal HTTP (TCP-In)',
            description: 'Browser access to the portal (HTTP Port chosen at installation).',
            localPorts: [s.httpPort],
            pointer: at('httpPort'),
            guide: guide('§2.1, §2.5'),
        }),
        // §2.1 lists 8666 with 8080 for incoming exceptions (§2.5 calls it the JMX and backup port).
        rule('Jmx_In', {
            name: 'OnexPortal-JMX-In',
            displayName: 'Avaya one-X Portal JMX and backup (TCP-In)',
            description: 'JMX component and backup and restore service (JMX Port chosen at installation).',
            localPorts: [s.jmxPort],
            pointer: at('jmxPort'),
            guide: guide('§2.1, §2.5'),
        }),
        rule('Https_In', {
            name: 'OnexPortal-HTTPS-In',
            displayName: 'Avaya one-X Portal HTTPS (TCP-In)',
            description: 'HTTPS access to the portal, also used by Flare and one-X Mobile.',
            localPorts: [HTTPS_PORT],
            pointer: at('node'),
            guide: guide('§2.5, §2.8'),
        }),
        rule('WebSockets_In', {
            name: 'OnexPortal-WebSockets-In',
            displayName: 'Avaya one-X Portal desktop clients (TCP-In)',
            description: 'Web socket delivery to Flare, the Outlook plug-in, Call Assistant and the Salesforce plug-in (8063 HTTPS, 8069 HTTP).',
            localPorts: [CLIENT_HTTPS_PORT, CLIENT_HTTP_PORT],
            pointer: at('node'),
            guide: guide('§2.5'),
        }),
    ];
    if (s.mobility) {
        rules.push(
            rule('Xmpp_In', {
                name: 'OnexPortal-XMPP-In',
                displayName: 'Avaya one-X Portal XMPP client (TCP-In)',
                description: 'XMPP client/server traffic of mobile clients and external XMPP access.',
                localPorts: [XMPP_CLIENT_PORT],
                pointer: at('features', 'mobility'),
                guide: guide('§2.5'),
            }),
            rule('Mobility_In', {
                name: 'OnexPortal-Mobility-In',
                displayName: 'Avaya one-X Portal mobility client (TCP-In)',
                description: 'First contact of the one-X Mobile client (Android/iPhone).',
                localPorts: [MOBILITY_PORT],
                pointer: at('features', 'mobility'),
                guide: guide('§2.5'),
            }),
        );
    }
    if (s.xmppFederation) {
        rules.push(
            rule('XmppFederation_In', {
                name: 'OnexPortal-XMPP-Federation-In',
                displayName: 'Avaya one-X Portal XMPP federation (TCP-In)',
                description: 'XMPP server-to-server federation with external XMPP servers.',
                localPorts: [XMPP_FEDERATION_PORT],
                pointer: at('features', 'xmppFederation'),
                guide: guide('§2.5'),
            }),
        );
        if (s.outboundFiltering) {
            rules.push(
                rule('XmppFederation_Out', {
                    name: 'OnexPortal-XMPP-Federation-Out',
                    displayName: 'Avaya one-X Portal XMPP federation (TCP-Out)',
                    description: 'XMPP server-to-server federation with external XMPP servers.',
                    direction: 'Outbound',
                    remotePorts: [XMPP_FEDERATION_PORT],
                    pointer: at('features', 'xmppFederation'),
                    guide: guide('§2.5'),
                }),
            );
        }
    }
    if (s.exchange) {
        // §2.1.1: inbound 6669 from the Exchange server; scoped to its addresses when it is a node.
        const exchangeNode = s.exchange.node !== undefined ? findNode(site, s.exchange.node) : undefined;
        rules.push(
            rule('ExchangeCalendar_In', {
                name: 'OnexPortal-Exchange-Calendar-In',
                displayName: 'Avaya one-X Portal Exchange calendar notifications (TCP-In)',
                description: 'Calendar notifications from the Exchange server for presence.',
                localPorts: [EXCHANGE_NOTIFICATION_PORT],
                remoteAddresses: (exchangeNode?.node.addresses ?? []).map((a) => a.address),
                pointer: at('exchange'),
                guide: guide('§2.1.1, §2.5'),
            }),
        );
    }
    if (s.outboundFiltering) {
        // §2.1: "an exception for access to TCP port 50814 on the IP Office IP address".
        rules.push(
            rule('IpOffice_Out', {
                name: 'OnexPortal-IPOffice-Out',
                displayName: 'Avaya one-X Portal to IP Office (TCP-Out)',
                description: 'Connection to the IP Office systems of the Small Community Network.',
                direction: 'Outbound',
                remotePorts: [IP_OFFICE_PORT],
                remoteAddresses: [...new Set(s.ipOffices.map((o) => o.address))],
                pointer: at('outboundFiltering'),
                guide: guide('§2.1'),
            }),
        );
    }
    return rules;
}
