/**
 * XPR runbook, the first setup dialogs (Cluster Installation guide
 * §4.3–§4.4.1): license service, server name, languages, release notes,
 * components, .NET, target folder and the feature tree. Separate from the
 * later dialogs because the satellite setup (runbook-satellite.ts) reuses
 * these answers line by line.
 */

import type { Xpr } from '../../manifest/types.generated.js';
import {
    COMPONENTS,
    EXAMPLE_CLA_PORT,
    EXAMPLE_TIMEOUT_MS,
    KERNEL_FEATURES,
    VOICEMAIL_FEATURES,
    install,
    upgrade,
    type ComponentId,
} from './data.js';
import { claAddress, hasComponent, hostComponents, mediaPath, type XprHost } from './model.js';
import { c, t, type Context, type Step } from './runbook-context.js';

export function licenseServiceLines({ site, xpr }: Context): string[] {
    const path = xpr.licensing.licenseServicePath;
    return [
        'Select **New license service installation**, **Next**, **Next**.',
        path === undefined ? 'Keep the default target folder, **Next**.' : `Target folder: **Change…**, ${c(path)}, **Next**.`,
        `**IP Address**: ${c(claAddress(site, xpr) ?? '')} (the computer that runs the CLA; never a cluster address), **Next**.`,
        `Port: ${c(String(xpr.licensing.claPort ?? EXAMPLE_CLA_PORT))} (the CLA's Service Port Number). **Time-out**: ${c(String(xpr.licensing.timeoutMs ?? EXAMPLE_TIMEOUT_MS))} (milliseconds).`,
        '**Install**, **Finish**, then **Yes** to install further components.',
    ];
}

export function licenseServiceDialog(ctx: Context): Step {
    return {
        id: 'xpr-setup-license-service',
        title: 'Setup: install the license service',
        instructions: licenseServiceLines(ctx),
        verify: '`Get-Service licsvc` shows the XPR license service.',
        guide: `${install('§4.3.4.1')}; ${upgrade('§2.8.1 steps 6–10')}`,
        pointer: '/xpr/licensing',
    };
}

export function serverNameDialog({ xpr }: Context): Step {
    return {
        id: 'xpr-setup-server-name',
        title: 'Setup: server name',
        instructions: [`**Name of the XPR**: ${c(xpr.serverName)}, **Next**. The name cannot be changed later.`],
        guide: install('§4.3.5'),
        pointer: '/xpr/serverName',
    };
}

export function languageLines(xpr: Xpr): string[] {
    const licences = xpr.licensing.languageLicences;
    return [
        `In the **Active** column tick ${xpr.languages.map((l) => c(l)).join(', ')}${licences === undefined ? '' : ` (${licences} language licences)`}; no other language.`,
        `In the **Default language** column select ${c(xpr.defaultLanguage)}. **Next**.`,
    ];
}

export function languagesDialog({ xpr }: Context): Step {
    return {
        id: 'xpr-setup-languages',
        title: 'Setup: server languages and default language',
        instructions: languageLines(xpr),
        verify: 'The number of purchased language licences shown above the list is at least the number of languages ticked.',
        guide: install('§4.3.6'),
        pointer: '/xpr/languages',
    };
}

export function releaseNotesDialog({ xpr }: Context): Step {
    return {
        id: 'xpr-setup-release-notes',
        title: 'Setup: release notes',
        instructions: [`Read the release notes (${c(mediaPath(xpr, 'ReleaseNotes.rtf'))}), tick **I have read the Release Notes**, **Next**.`],
        guide: install('§4.3.7'),
        pointer: '/xpr',
    };
}

export function componentLines({ xpr, host }: Context): string[] {
    const optional = host.optionalComponents;
    const clients = ['Application Builder', 'Communications'].filter((name) => optional.includes(name));
    const external = [
        ...(hasComponent(host, 'isdnApl') ? ['the Sangoma (Dialogic/Eicon) Diva ISDN driver, for the ISDN APL'] : []),
        ...(optional.includes('Nuance Vocalizer TTS') ? ['Nuance Vocalizer (text-to-speech; needs an XPR TTS licence and a Nuance licence)'] : []),
    ];
    const asr = ['ASR Evo', 'ASR CallerGuide'].filter((name) => optional.includes(name)).map((name) => name.replace('ASR ', ''));
    return [
        `**System components** (§4.3.8): tick **XPR Server**, **.NET Framework 2.0** and **Additional resources** (the language packets of ${xpr.languages.map((l) => c(l)).join(', ')}); nothing else. **Next**.`,
        `**Client components** (§4.3.9): ${clients.length === 0 ? 'untick all' : `tick only ${clients.map((n) => `**${n}**`).join(', ')}`}. **Next**.`,
        `**External software** (§4.3.10): ${external.length === 0 ? 'untick all' : `tick only ${external.join(' and ')}`}. **Next**.`,
        `**Acrobat Reader** (§4.3.11): ${optional.includes('Acrobat Reader') ? `tick only the ${c(xpr.defaultLanguage)} version` : 'untick every language version'}.`,
        `**Installation type for the automatic speech recognition** (§4.3.12, shown with an ASR licence): ${asr.length === 0 ? 'select **No ASR** and untick everything else' : `select the ASR installation and tick ${asr.map((n) => `**${n}**`).join(' and ')}`}.`,
        '**Install**. If Windows asks for a reboot now, do not reboot before the XPR server step is done (§4.3.12).',
        ...(hasComponent(host, 'isdnApl')
            ? [
                  '**Decline the Diva driver\'s own restart**: in the driver setup\'s last dialog clear **Restart your computer** before **Finish**, and when the Diva Configuration Manager asks to restart the computer, click **No** (Upgrade guide §2.8.1 steps 26–32). The Component Installer restarts the computer once, at the end.',
              ]
            : []),
    ];
}

export function componentsDialogs(ctx: Context): Step {
    return {
        id: 'xpr-setup-components',
        title: 'Setup: system, client and external components',
        instructions: componentLines(ctx),
        guide: install('§4.3.8–§4.3.12'),
        pointer: `${ctx.host.pointer}/optionalComponents`,
    };
}

export function dotNetDialog({ host }: Context): Step {
    return {
        id: 'xpr-setup-dotnet',
        title: 'Setup: .NET Framework 4',
        instructions: [
            'When the Microsoft .NET Framework 4 setup starts, tick **I have read and accept the license terms**, **Install**, then **Next**: the computer reboots and setup continues by itself after the logon. (Where Windows already includes .NET Framework 4, this dialog does not appear.)',
        ],
        guide: install('§4.3.13'),
        pointer: host.pointer,
    };
}

export function targetFolderDialog({ host }: Context): Step {
    return {
        id: 'xpr-setup-target-folder',
        title: 'Setup: XPR server target folder',
        instructions: [`**Next**, then set the target folder to ${c(host.installPath)} (a partition of at least 10 GB, no blanks in the path), **Next**.`],
        guide: install('§4.4 steps 1–4'),
        pointer: host.installPathPointer,
    };
}

/** The features to tick, grouped as the setup's tree groups them. */
export function featureLines({ xpr, host }: Context): string[] {
    const ticks: { group: string; label: string }[] = [];
    if (host.role === 'kernel') {
        ticks.push(...KERNEL_FEATURES.map(({ group, feature }) => ({ group, label: feature })));
    }
    for (const id of hostComponents(host)) {
        if (id === 'tcpApl') {
            continue; // In KERNEL_FEATURES.
        }
        ticks.push({ group: COMPONENTS[id].group, label: featureLabel(xpr, host, id) });
    }
    if (host.role === 'kernel') {
        for (const system of xpr.voicemailSystems ?? []) {
            ticks.push({ group: 'Services', label: `Voicemail server > ${VOICEMAIL_FEATURES[system] ?? system}` });
        }
    }
    const groups = [...new Set(ticks.map((tick) => tick.group))].sort((a, b) => groupRank(a) - groupRank(b));
    return groups.map((group) => `- *${t(group)}*: ${ticks.filter((tick) => tick.group === group).map((tick) => `**${t(tick.label)}**`).join(', ')}`);
}

/** Groups in the order of the setup's feature tree (Table 4-2); groups the table does not show go last. */
const GROUP_ORDER: readonly string[] = [
    'Kernel Components',
    'Services',
    'Telematic hardware',
    'IP-/PBX integration',
    'Messaging and directory integration',
    'Presence support',
    'CRM/ERP Integration',
    'ACD/Call-Center',
    'Add-Ons/Tools',
];

function groupRank(group: string): number {
    const rank = GROUP_ORDER.indexOf(group);
    return rank === -1 ? GROUP_ORDER.length : rank;
}

function featureLabel(xpr: Xpr, host: XprHost, id: ComponentId): string {
    const fact = COMPONENTS[id];
    switch (id) {
        case 'webApl': {
            const web = host.components.webApl ?? {};
            const parts = ['Web Assistant', ...(web.ippAssistant ? ['IppAssistant'] : []), ...(web.snmpAgent ? ['System Info SNMP Agent'] : [])];
            return `${fact.feature} (${parts.join(', ')})`;
        }
        case 'isdnApl':
            return host.components.isdnApl?.faxG3PostDial ? `${fact.feature} (with Fax G3 Post Dial)` : fact.feature;
        case 'exchangeApl':
            return (host.components.exchangeApl?.exchangeVersion ?? '2007') === '2003' ? 'MS Exchange 2003 Connector' : 'MS Exchange 2007 Connector';
        default:
            return fact.feature;
    }
}

export function featuresDialog(ctx: Context): Step {
    return {
        id: 'xpr-setup-features',
        title: 'Setup: features',
        instructions: ['Tick exactly these features and untick every other one, then **Next**:', featureLines(ctx).join('\n')],
        verify: 'After setup, `Get-Service` lists the XPR services of these features (their names begin with "XPR").',
        guide: install('§4.4.1 Table 4-2'),
        pointer: `${ctx.host.pointer}/components`,
    };
}
