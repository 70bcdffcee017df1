/**
 * The onexPortal section → resources and runbook steps for each node it
 * places something on: the portal server, the Voicemail Pro server, the
 * Exchange server and the managed desktop-client machines. One node may
 * play several of these parts; it then gets all of them.
 *
 * Lowering runs only when every rule held, so the nodes named here exist.
 *
 * The portal's firewall rules are built in lower-firewall.ts.
 */

import { InternalError } from '../../diagnostics/internal-error.js';
import type { ResolvedNode, ResolvedSite } from '../../frontend/resolve.js';
import type { Resource } from '../../ir/types.js';
import type { Site } from '../../manifest/types.generated.js';
import { gateFor } from '../gate.js';
import type { ProductNodeOutput } from '../product.js';
import { clientArguments, clientCommandLine } from './command-line.js';
import { CLIENT_FEATURES, DIGEST_FEATURE, ROLES, VOICEMAIL_DIRECTORIES, guide, procrunJavaPath } from './data.js';
import { portalFirewall } from './lower-firewall.js';
import { at, sameName, settings, type Settings } from './model.js';
import { withPortalPhases } from './plan.js';
import { clientSteps, exchangeSteps, portalSteps, voicemailSteps } from './runbook.js';
import {
    clientInstallScript,
    clientPrerequisitesScript,
    ewsAuthenticationScript,
    jvmOptionsScript,
    jvmServiceStopScript,
    type JvmTuning,
} from './scripts.js';

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
