/**
 * The onexPortal section → resources and runbook steps for each node it
 * places something on: the portal server, the Voicemail Pro server, the
 * Exchange server and the managed desktop-client machines. One node may
 * play several of these parts; it then gets all of them.
 *
 * Lowering runs only when every rule held, so the nodes named here exist.
 */

import { InternalError } from '../../diagnostics/internal-error.js';
import { DEFAULT_FIREWALL_PROFILES } from '../../frontend/defaults.js';
import type { ResolvedNode, ResolvedSite } from '../../frontend/resolve.js';
import { withPortalPhases } from './plan.js';
import type { FirewallProfile, FirewallRuleResource, Resource } from '../../ir/types.js';
import type { Site } from '../../manifest/types.generated.js';
import { gateFor } from '../gate.js';
import type { ProductNodeOutput } from '../product.js';
import {
    CLIENT_FEATURES,
    CLIENT_HTTP_PORT,
    CLIENT_HTTPS_PORT,
    DIGEST_FEATURE,
    EXCHANGE_NOTIFICATION_PORT,
    HTTPS_PORT,
    IP_OFFICE_PORT,
    MOBILITY_PORT,
    ROLES,
    VOICEMAIL_DIRECTORIES,
    XMPP_CLIENT_PORT,
    XMPP_FEDERATION_PORT,
    guide,
    procrunJavaPath,
} from './data.js';
import { SECTION, at, findNode, sameName, settings, type Settings } from './model.js';
import { clientArguments, clientCommandLine } from './command-line.js';
import { clientSteps, exchangeSteps, portalSteps, voicemailSteps } from './runbook.js';
import { clientInstallScript, clientPrerequisitesScript, ewsAuthenticationScript, jvmOptionsScript, jvmServiceStopScript, type JvmTuning } from './scripts.js';

const PROFILE_ORDER: readonly FirewallProfile[] = ['Domain', 'Private', 'Public'];

export function lowerOnexNode(resolved: ResolvedSite, node: ResolvedNode): ProductNodeOutput | undefined {
    const section = resolved.site.onexPortal;
    if (!section) {
        return undefined;
    }
    const s = settings(section);
    const parts: ProductNodeOutput[] = [];
    if (sameName(node.name, section.node)) {
        parts.push(withPortalPhases(portal(resolved.site, s), s.section.installed !== undefined && !s.reinstall));
    }
    if (s.voicemailPro && sameName(node.name, s.voicemailPro.node)) {
        parts.push(voicemailPro(s, node));
    }
    if (s.exchange?.node !== undefined && sameName(node.name, s.exchange.node)) {
        parts.push(exchange(resolved.site, s));
    }
    const managedIndex = s.clients?.managed.findIndex((name) => sameName(name, node.name)) ?? -1;
    if (managedIndex >= 0) {
        parts.push(desktopClients(resolved.site, s, managedIndex));
    }
    if (parts.length === 0) {
        return undefined;
    }
    return {
        resources: parts.flatMap((p) => p.resources),
        manualSteps: parts.flatMap((p) => p.manualSteps),
        roles: parts.flatMap((p) => p.roles ?? []),
    };
}

/** A pointer to the property when the manifest sets it, else to `fallback` (a default has no line of its own). */
// Only for values without a schema default: a value with one (the JVM settings, the ports) points at
// its own property whether the manifest writes it or not (source.ts places an absent one at its
// object), so that an omitted default and its explicit value give the same bytes.
function pointer(s: Settings, fallback: string, ...segments: readonly (string | number)[]): string {
    let value: unknown = s.section;
    for (const segment of segments) {
        value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
    }
    return value === undefined ? fallback : at(...segments);
}

// ---------------------------------------------------------------------------
// Portal server (§2.1, §2.5, §2.6, §2.10)
// ---------------------------------------------------------------------------

function portal(site: Site, s: Settings): ProductNodeOutput {
    const installed = s.section.installed !== undefined && !s.reinstall;
    const resources: Resource[] = [];

    // §2.6 / §2.6.1: UAC disabled, then a restart, before installing or upgrading.
    // The guide names only the Control Panel switch; NeverNotifyAndDisableAll is
    // its full form (EnableLUA = 0), which takes effect after the restart the
    // resource asks the LCM for.
    resources.push({
        kind: 'UserAccountControl',
        id: 'OnexPortal_UserAccountControl',
        dependsOn: [],
        source: { pointer: at('node') },
        guide: guide('§2.6, §2.6.1'),
        notificationLevel: 'NeverNotifyAndDisableAll',
        suppressRestart: false,
    });
    if (!installed) {
        // The restart UAC needs (§2.6) and those of this configuration's features; a restart
        // Windows Update has pending (e.g. after the updates §2.6 asks for on Error 1330) is
        // the engineer's, never this configuration's (dsc/resources/pending-reboot.ts).
        resources.push({
            kind: 'PendingReboot',
            id: 'OnexPortal_RebootBeforeInstall',
            dependsOn: ['OnexPortal_UserAccountControl'],
            source: { pointer: at('node') },
            guide: guide('§2.6'),
            name: 'OnexPortalBeforeInstall',
        });
    }
    resources.push(...portalFirewall(site, s));

    if (installed) {
        const service = 'OnexPortal_Service';
        const jvm = s.jvm;
        const tuningIds: string[] = [];
        if (jvm) {
            const t: JvmTuning = {
                keyPath: procrunJavaPath(s.serviceName),
                serviceName: s.serviceName,
                jvm: jvm.path,
                initialHeapMB: jvm.initialHeapMB,
                maximumHeapMB: jvm.maximumHeapMB,
                options: jvm.options,
                backupFolder: s.section.backupFolder,
            };
            const stop = 'OnexPortal_JvmTuningStopsService';
            const value = (name: string, data: { type: 'REG_SZ'; value: string } | { type: 'REG_DWORD'; value: number }) => ({
                hive: 'HKEY_LOCAL_MACHINE' as const,
                path: t.keyPath,
                name,
                ensure: 'Present' as const,
                data,
            });
            resources.push(
                {
                    kind: 'Script',
                    id: stop,
                    dependsOn: [],
                    source: { pointer: at('jvm') },
                    guide: guide('§2.10 steps 1, 2c'),
                    name: `Stop ${s.serviceName} before its JVM parameters change`,
                    ...jvmServiceStopScript(t),
                },
                {
                    kind: 'Registry',
                    id: 'OnexPortal_Jvm',
                    dependsOn: [stop],
                    source: { pointer: at('jvm', 'path') },
                    guide: guide('§2.10 step 2d'),
                    value: value('Jvm', { type: 'REG_SZ', value: t.jvm }),
                },
                {
                    kind: 'Registry',
                    id: 'OnexPortal_JvmMs',
                    dependsOn: [stop],
                    source: { pointer: at('jvm', 'initialHeapMB') },
                    guide: guide('§2.10 step 2e'),
                    value: value('JvmMs', { type: 'REG_DWORD', value: t.initialHeapMB }),
                },
                {
                    kind: 'Registry',
                    id: 'OnexPortal_JvmMx',
                    dependsOn: [stop],
                    source: { pointer: at('jvm', 'maximumHeapMB') },
                    guide: guide('§2.10 step 2f'),
                    value: value('JvmMx', { type: 'REG_DWORD', value: t.maximumHeapMB }),
                    // JvmMx is the key block's last value, so the note follows all provenance lines.
                    regComments: [
                        'Options (REG_MULTI_SZ) is deliberately not in this file: importing it would replace the list the installer wrote.',
                        `The DSC configuration merges ${t.options.join(' ')} into it (guide §2.10 step 2g); see RUNBOOK.md.`,
                    ],
                },
                {
                    kind: 'Script',
                    id: 'OnexPortal_JvmOptions',
                    dependsOn: [stop],
                    source: { pointer: at('jvm', 'options') },
                    guide: guide('§2.10 step 2g'),
                    name: `Merge the §2.10 JVM options into ${s.serviceName}'s Options`,
                    ...jvmOptionsScript(t),
                },
            );
            tuningIds.push('OnexPortal_Jvm', 'OnexPortal_JvmMs', 'OnexPortal_JvmMx', 'OnexPortal_JvmOptions');
        }
        // §2.6 step 11, §2.7 step 1, §2.10 step 3: the service runs (and starts again after the tuning).
        resources.push({
            kind: 'Service',
            id: service,
            dependsOn: [...tuningIds].sort(),
            source: { pointer: pointer(s, at('installed'), 'serviceName') },
            guide: guide(jvm ? '§2.7 step 1, §2.10 step 3' : '§2.7 step 1'),
            name: s.serviceName,
            ensure: 'Present',
            state: 'Running',
        });
    }
    return { resources, manualSteps: portalSteps(site, s), roles: [ROLES.portal] };
}

function portalFirewall(site: Site, s: Settings): FirewallRuleResource[] {
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

// ---------------------------------------------------------------------------
// Voicemail Pro server (§2.1 "Voicemail Server Requirements")
// ---------------------------------------------------------------------------

function voicemailPro(s: Settings, node: ResolvedNode): ProductNodeOutput {
    const vm = s.voicemailPro!;
    const iis = 'OnexPortal_VoicemailPro_Web_Server';
    const resources: Resource[] = [
        // IIS installed and running before Voicemail Pro is installed.
        {
            kind: 'WindowsFeature',
            id: iis,
            dependsOn: [],
            source: { pointer: at('voicemail', 'node') },
            guide: guide('§2.1'),
            name: 'Web-Server',
            ensure: 'Present',
            includeAllSubFeature: false,
        },
        // "Enable Direct Metabase Edit" and "IIS Configuration Compatibility" (IIS 6 terms; the feature names are xprc's reading).
        ...vm.compatibilityFeatures.map(
            (name, i): Resource => ({
                kind: 'WindowsFeature',
                id: `OnexPortal_VoicemailPro_${name.replace(/[^A-Za-z0-9]/g, '_')}`,
                dependsOn: [iis],
                source: { pointer: pointer(s, at('voicemail', 'node'), 'voicemail', 'iisCompatibilityFeatures', i) },
                guide: guide('§2.1'),
                name,
                ensure: 'Present',
                includeAllSubFeature: false,
            }),
        ),
        // "SSL should be disabled for the default website": Require SSL off; bindings stay as they are.
        {
            kind: 'IisSslSettings',
            id: 'OnexPortal_VoicemailPro_SiteSsl',
            dependsOn: [iis],
            source: { pointer: pointer(s, at('voicemail', 'node'), 'voicemail', 'website') },
            guide: guide('§2.1'),
            name: vm.website,
            flags: [],
        },
    ];
    if (vm.installed) {
        // The installer creates them, but not when it meets an error; then they are made by hand.
        resources.push(
            ...VOICEMAIL_DIRECTORIES.map(
                (d): Resource => ({
                    kind: 'WebVirtualDirectory',
                    id: `OnexPortal_VoicemailPro_${d.name}`,
                    dependsOn: [iis],
                    source: { pointer: at('voicemail', 'installDir') },
                    guide: guide('§2.1'),
                    website: vm.website,
                    webApplication: '',
                    name: d.name,
                    physicalPath: `${vm.installDir}\\${d.subfolder}`,
                    ensure: 'Present',
                }),
            ),
        );
    }
    return { resources, manualSteps: voicemailSteps(s, node), roles: [ROLES.voicemail] };
}

// ---------------------------------------------------------------------------
// Exchange server (§3.1)
// ---------------------------------------------------------------------------

function exchange(site: Site, s: Settings): ProductNodeOutput {
    const feature = 'OnexPortal_Exchange_Web_Digest_Auth';
    const ex = s.exchange!;
    const resources: Resource[] = [
        {
            kind: 'WindowsFeature',
            id: feature,
            dependsOn: [],
            source: { pointer: at('exchange', 'node') },
            guide: guide('§3.1'),
            name: DIGEST_FEATURE,
            ensure: 'Present',
            includeAllSubFeature: false,
        },
        {
            kind: 'Script',
            id: 'OnexPortal_Exchange_EwsAuthentication',
            dependsOn: [feature],
            source: { pointer: pointer(s, at('exchange', 'node'), 'exchange', 'ewsPath') },
            guide: guide('§3.1'),
            name: `Anonymous authentication off and Digest authentication on for ${ex.ewsLocation}`,
            ...ewsAuthenticationScript(ex.ewsLocation),
        },
    ];
    return { resources, manualSteps: exchangeSteps(site, s, 'exchange'), roles: [ROLES.exchange] };
}

// ---------------------------------------------------------------------------
// Managed desktop-client machines (§4, §4.7)
// ---------------------------------------------------------------------------

function desktopClients(site: Site, s: Settings, index: number): ProductNodeOutput {
    const c = s.clients!;
    const prerequisites = 'OnexPortal_DesktopClients_Prerequisites';
    const source = { pointer: at('desktopClients', 'managedNodes', index) };
    const credential = c.installCredential ? { credential: { credential: c.installCredential.credential } } : {};
    const manualSteps = clientSteps(site, s);
    const check = manualSteps.find((step) => step.id === 'onex-clients-check');
    if (!check) throw new InternalError('one-X Portal client runbook has no onex-clients-check step for the prerequisites gate');
    const gate = gateFor(check);
    const resources: Resource[] = [
        // Read as LocalSystem: registry and the global assembly cache need no other account.
        { kind: 'Script', id: prerequisites, dependsOn: [], source, guide: guide('§4'), name: 'Desktop client prerequisites are present', ...clientPrerequisitesScript(gate), gate },
        {
            kind: 'Script',
            id: 'OnexPortal_DesktopClients_Install',
            dependsOn: [prerequisites],
            source,
            guide: guide('§4.7'),
            name: `${clientCommandLine(s)}`,
            ...clientInstallScript({
                installer: c.installer ?? '',
                productCode: (c.productCode ?? '').toUpperCase(),
                features: c.clientList.map((k) => CLIENT_FEATURES[k]),
                arguments: clientArguments(s),
            }),
            ...credential,
        },
    ];
    return { resources, manualSteps, roles: [ROLES.clients] };
}
