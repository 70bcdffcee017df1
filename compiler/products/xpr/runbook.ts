/**
 * The XPR runbook steps of one host, in the guides' order, every dialog
 * value filled in from the manifest. The XPR setup (the "Wrapper") has no
 * unattended form for a new installation, so it is written out dialog by
 * dialog as the Cluster Installation guide's chapter 4 describes it (the
 * same dialogs as on a single server; where the guide makes a cluster
 * choice, the manifest's choice is used). Satellites follow the Upgrade
 * guide §2.12 (SatPrep, then setup with the satellite's components only).
 *
 * Manifest values reach Markdown only through mdCode/mdText.
 */

import { mdCode, mdText } from '../../emit/markdown.js';
import type { ManualStep } from '../../ir/types.js';
import type { Site, Xpr } from '../../manifest/types.generated.js';
import {
    COMPONENTS,
    EXAMPLE_CLA_PORT,
    EXAMPLE_TIMEOUT_MS,
    KERNEL_FEATURES,
    KERNEL_SERVICES,
    PASSWORD_POLICY_DEFAULTS,
    SATELLITE_SERVICES,
    SECTION,
    VOICEMAIL_FEATURES,
    install,
    upgrade,
    type ComponentId,
} from './data.js';
import { requiredMemoryMB } from './hardware.js';
import {
    claAddress,
    driveOf,
    hasComponent,
    hostComponents,
    kernelHostName,
    mediaPath,
    mediaRoot,
    nodeIpv4,
    nodeIpv4s,
    siteNode,
    xprHosts,
    type XprHost,
} from './model.js';

const c = mdCode;
const t = mdText;

interface Context {
    readonly site: Site;
    readonly xpr: Xpr;
    readonly host: XprHost;
    readonly serviceUser: string;
    readonly credentialName: string;
}

type Step = Omit<ManualStep, 'section' | 'source'> & { readonly pointer: string };

/** The step the host requirements gate (`[xScript]Xpr_HostRequirements`) waits for. */
export const HOST_REQUIREMENTS_STEP = { id: 'xpr-host-requirements', title: 'Check the XPR host requirements' } as const;

/** The step after which XPR is installed: what the installation gate (`[xScript]Xpr_Installed`) waits for. */
export const SETUP_DONE_STEP = {
    kernel: { id: 'xpr-setup-finish', title: 'Setup: finish and reboot' },
    satellite: { id: 'xpr-satellite-setup', title: "Install the satellite's components" },
} as const;

export function xprRunbook(site: Site, xpr: Xpr, host: XprHost): ManualStep[] {
    const ctx: Context = {
        site,
        xpr,
        host,
        serviceUser: site.credentials?.[xpr.serviceAccount.credential]?.userName ?? '',
        credentialName: xpr.serviceAccount.credential,
    };
    const steps: (Step | undefined)[] =
        host.role === 'kernel'
            ? [
                  prerequisites(ctx),
                  loopbackAdapter(ctx),
                  hostRequirements(ctx),
                  ...licensing(ctx),
                  setupStart(ctx),
                  licenseServiceDialog(ctx),
                  serverNameDialog(ctx),
                  languagesDialog(ctx),
                  releaseNotesDialog(ctx),
                  componentsDialogs(ctx),
                  dotNetDialog(ctx),
                  targetFolderDialog(ctx),
                  featuresDialog(ctx),
                  foldersDialog(ctx),
                  serviceAccountDialog(ctx),
                  voiceFormatDialog(ctx),
                  programFolderDialog(ctx),
                  authenticationDialog(ctx),
                  summaryDialog(ctx),
                  regionalDialog(ctx),
                  smtpAplDialog(ctx),
                  ctiAplDialog(ctx),
                  sslDialogs(ctx),
                  finishSetup(ctx),
                  applyAgain(ctx),
                  timeZoneSupport(ctx),
                  hotfixes(ctx),
                  configureApls(ctx),
                  faxG3PostDial(ctx),
                  ...reportApl(ctx),
                  passwordPolicy(ctx),
                  smartBackup(ctx),
                  restartForSatellites(ctx),
                  passwordChange(ctx),
              ]
            : [
                  prerequisites(ctx),
                  loopbackAdapter(ctx),
                  hostRequirements(ctx),
                  kernelReady(ctx),
                  satPrep(ctx),
                  setupStart(ctx),
                  satelliteSetup(ctx),
                  applyAgain(ctx),
                  hotfixes(ctx),
                  configureApls(ctx),
                  faxG3PostDial(ctx),
                  ...reportApl(ctx),
                  passwordChange(ctx),
              ];
    return steps
        .filter((step): step is Step => step !== undefined)
        .map(({ pointer, ...step }) => ({ ...step, section: SECTION, source: { pointer } }));
}

// ---------------------------------------------------------------------------
// Before setup
// ---------------------------------------------------------------------------

function prerequisites({ site, xpr, host, serviceUser }: Context): Step {
    const dhcp = xpr.disableDhcpClient !== false;
    const os = siteNode(site, host.nodeName)?.node.os ?? site.defaults?.os;
    const done = [
        '.NET Framework 3.5 installed (it carries the .NET Framework 2.0 the setup needs)',
        'IIS (Web-Server) and the Windows SMTP Server removed',
        ...(dhcp
            ? [`the DHCP Client service stopped and disabled and the DHCP Server Tools removed${os === 'WindowsServer2008R2' ? ', License Logging stopped and disabled' : ''} (Cluster Installation guide §3.1.3, §7.1.3)`]
            : []),
        ...(xpr.disableIpv6 === false ? [] : ['IPv6 disabled (DisabledComponents = 0xFF)']),
        ...(hasComponent(host, 'ipApl') ? ['DisableUserTOSSetting = 0 for the IP APL\'s QoS'] : []),
        ...(host.components.webApl?.snmpAgent === true ? ['the Windows SNMP service installed (System Info SNMP Agent)'] : []),
        `${c(serviceUser)} added to the local Administrators with "Log on as a service"`,
        ...(xpr.media?.stagingPath ? [`the setup medium copied to ${c(xpr.media.stagingPath)}`] : []),
    ];
    return {
        id: 'xpr-prerequisites',
        title: 'Let the configuration prepare Windows, then reboot',
        instructions: [
            `Applying the Prepare configuration (section 1, step 5) prepared this computer for XPR:\n${done.map((line) => `- ${line}`).join('\n')}`,
            // Phases: products/xpr/plan.ts.
            ...(dhcp
                ? [
                      `The DHCP Client also registered this computer's addresses in DNS (section 1 warns before applying): create ${c(host.nodeName)}'s A (and PTR) records in DNS by hand, or, where the network needs dynamic registration, set ${c('xpr.disableDhcpClient')} to ${c('false')} in the manifest (xprc then leaves the DHCP Client alone: set it back to Automatic and start it yourself).`,
                  ]
                : []),
            ...(xpr.media?.credential && xpr.media.stagingPath
                ? [
                      `The medium is copied as the account of credential ${c(xpr.media.credential.credential)} (the whole copy runs under it): that account must be allowed to create ${c(xpr.media.stagingPath)} on this computer.`,
                  ]
                : []),
            'The XPR services, registry values and shares are in the Operate configuration, applied after setup. `[xScript]Xpr_HostRequirements` fails with "xprc gate: … Waiting for the runbook step" until the Microsoft Loopback Adapter is installed (PLAN.md puts that step first): it is a gate, and that is expected.',
            'The LCM restarts the computer itself when a prerequisite asks for it (meta-configuration, section 1) and then continues: TCP/IP reads these values only at start-up, and setup must not start with a restart pending. A restart Windows Update has pending is not the configuration\'s: finish it before setup.',
        ],
        verify: '`Get-WindowsFeature NET-Framework-Core, Web-Server, SMTP-Server` shows only NET-Framework-Core installed, and no reboot is pending.',
        guide: upgrade('§2.3.1.1, §2.8.1 step 58'),
        pointer: host.pointer,
    };
}

function loopbackAdapter({ host }: Context): Step {
    return {
        id: 'xpr-loopback-adapter',
        title: 'Install the Microsoft Loopback Adapter',
        instructions: [
            'An XPR server needs the Microsoft Loopback Adapter; the guide leaves the procedure to the *Server Installation* manual.',
            'In Device Manager select **Action > Add legacy hardware**, choose **Install the hardware that I manually select from a list**, then **Network adapters**, manufacturer **Microsoft**, adapter **Microsoft KM-TEST Loopback Adapter** (on Windows Server 2008 R2: **Microsoft Loopback Adapter**), and finish the wizard.',
            'Connect the computer to the LAN before setup: otherwise Windows cannot start the network services XPR needs.',
        ],
        verify: "`Get-NetAdapter | Where-Object InterfaceDescription -like '*Loopback*'` lists the adapter; `[xScript]Xpr_HostRequirements` is then in the desired state.",
        guide: upgrade('§2.3.1.1'),
        pointer: host.pointer,
    };
}

function hostRequirements({ site, host }: Context): Step {
    const hardware = siteNode(site, host.nodeName)?.node.hardware;
    const memory = `${requiredMemoryMB(host)} MB`;
    return {
        ...HOST_REQUIREMENTS_STEP,
        instructions: [
            'The computer must meet the guide\'s minimum requirements before setup:',
            [
                `- working memory: at least ${c(memory)} for this host's components (2 GB, recommended 4 GB; more with text-to-speech, ASR or conferences)${hardware?.memoryGB === undefined ? '' : `; the manifest states ${c(`${hardware.memoryGB} GB`)}`};`,
                `- two hard disks of at least 100 GB each${hardware?.diskSizesGB === undefined ? '' : `; the manifest states ${hardware.diskSizesGB.map((s) => c(`${s} GB`)).join(', ')}`};`,
                `- the XPR partition ${c(driveOf(host.installPath) ?? host.installPath)} of at least 10 GB, on a local volume (no substituted drive), the target path without blanks;`,
                '- not a domain controller, and the Microsoft Loopback Adapter installed (previous step).',
            ].join('\n'),
            'The configuration checks on the host what the manifest does not state (`nodes[].hardware`): `[xScript]Xpr_HostRequirements` is a gate, and its warning in the LCM\'s log lists what is missing.',
        ],
        verify: '`Test-DscConfiguration -Detailed` lists `[xScript]Xpr_HostRequirements` in the desired state.',
        guide: `${upgrade('§2.3.1.1')}; ${install('§3.1.2')}`,
        pointer: hardware ? `/nodes/${siteNode(site, host.nodeName)?.index ?? 0}/hardware` : host.pointer,
    };
}

function licensing(ctx: Context): Step[] {
    const { site, xpr } = ctx;
    const scenario = xpr.licensing.scenario ?? 'external';
    const port = xpr.licensing.claPort ?? EXAMPLE_CLA_PORT;
    const cla = claAddress(site, xpr) ?? '';
    const setup = mediaPath(xpr, 'Prerequisites\\HLM\\CLM\\setup.exe');
    if (scenario === 'external') {
        return [
            {
                id: 'xpr-licences-ready',
                title: 'Check that the licence management is ready',
                instructions: [
                    `A HiPath License Management (CLM) must be available in the network, and the CLA at ${c(cla)} (Service Port Number ${c(String(port))}) must hold the activated XPR licences (licensing scenario 1).`,
                    'The licences are bound to the MAC address of the CLA\'s computer: replacing its network adapter needs a new licence file from the Central License Server.',
                ],
                verify: `In the CLM, **Content > License agents** lists ${c(cla)} and its XPR licences are active.`,
                guide: upgrade('§2.3.6, §2.3.7'),
                pointer: '/xpr/licensing',
            },
        ];
    }
    const steps: Step[] = [];
    if (scenario === 'claAndClmOnKernel') {
        steps.push({
            id: 'xpr-install-clm',
            title: 'Install the CLM on this computer',
            instructions: [
                `Run ${c(setup)}, then **Next**.`,
                'Keep the preset ports (change them only if another application uses them), **Next**.',
                'Keep the default target folder, **Next**, **Install**, **Finish**.',
            ],
            verify: 'The desktop has the CLM icon, and the CLM opens at `http://localhost:8819/clm/servlet/com.siemens.icn.hipath.hlm.csc.clm.ui.ClmServlet`.',
            guide: upgrade('§2.3.8'),
            pointer: '/xpr/licensing/scenario',
        });
    }
    steps.push(
        {
            id: 'xpr-install-cla',
            title: 'Install the CLA on this computer',
            instructions: [
                `Log on as a domain user, not a local user. Run the CLA setup: the Upgrade guide names ${c(setup)} (the same folder as the CLM); the Cluster Installation guide downloads the latest CLA from SWS. **Next**.`,
                'Keep the default target folder, **Next**.',
                `Account the CLA runs under: **New User**, ${c(ctx.serviceUser)} (a domain user), **Next**.`,
                `Ports: keep the CLM's settings; the **Service Port Number** is ${c(String(port))}, the port the license service will use. **Next**, **Install**, **Finish**.`,
            ],
            verify: `\`Get-NetTCPConnection -State Listen -LocalPort ${port}\` shows the CLA listening.`,
            guide: `${upgrade('§2.3.9')}; ${install('§4.2.2.2')}`,
            pointer: '/xpr/licensing/scenario',
        },
        {
            id: 'xpr-activate-licences',
            title: 'Activate the XPR licences on the CLA',
            instructions: [
                `In the CLM: **Content > License agents > Add**, enter the DNS name or IP address of this computer (${c(cla)}) and port ${c(String(port))}.`,
                'Synchronize the CLM with the CLA (**Logon to domain** with name and password).',
                'Create the licence file at the Central License Server with the authorization code and the locking ID (the MAC address of this computer), then **Activate license > Install local license key on license agent (offline activation)** with that licence file (XML).',
                ...(scenario === 'claOnKernel' ? ['This scenario needs its own licence pack for this XPR server.'] : []),
            ],
            verify: `The CLM shows the XPR licences active on the agent ${c(cla)}.`,
            guide: `${install('§4.2.2.3–§4.2.2.5')}; ${upgrade('§2.3.9.1')}`,
            pointer: '/xpr/licensing',
        },
    );
    return steps;
}

function setupStart({ xpr, host, serviceUser, site }: Context): Step {
    const setup = mediaPath(xpr, 'Setup.exe');
    const node = siteNode(site, host.nodeName)?.node;
    const address = node ? nodeIpv4(node) : undefined;
    const tts = host.optionalComponents.includes('Nuance Vocalizer TTS');
    return {
        id: 'xpr-setup-start',
        title: 'Start the XPR setup',
        instructions: [
            host.role === 'kernel'
                ? `Log on to ${c(host.nodeName)} as ${c(serviceUser)}, the XPR service account: Smart Backup & Restore works only when the account of the MTA service is the account that installed XPR.`
                : `Log on to ${c(host.nodeName)} as ${c(serviceUser)}, the XPR service account, which is a local administrator here.`,
            'Deactivate the antivirus software until setup has finished, and close other applications.',
            ...(tts
                ? [`Text-to-speech is installed: work at the console or through ${c(`mstsc /v:${address ?? host.nodeName} /admin`)}; a normal remote desktop session breaks the TTS setup.`]
                : []),
            `Run ${c(setup)} (the Wrapper). It installs the C++ redistributables it needs by itself.`,
            ...(mediaRoot(xpr) === undefined ? ['`x:` is the drive of the setup medium or of the network share holding a complete copy of it.'] : []),
            'Reboot only when the Wrapper asks for it.',
        ],
        verify: 'The welcome screen appears and closes, and the license service dialog follows.',
        guide: `${install('§4.1, §4.3.1, §4.3.3')}; ${upgrade('§2.8.1, §2.9')}`,
        pointer: xpr.media ? '/xpr/media' : host.pointer,
    };
}

// ---------------------------------------------------------------------------
// Setup dialogs (Cluster Installation guide §4.3–§4.4)
// ---------------------------------------------------------------------------

function licenseServiceLines({ site, xpr }: Context): string[] {
    const path = xpr.licensing.licenseServicePath;
    return [
        'Select **New license service installation**, **Next**, **Next**.',
        path === undefined ? 'Keep the default target folder, **Next**.' : `Target folder: **Change…**, ${c(path)}, **Next**.`,
        `**IP Address**: ${c(claAddress(site, xpr) ?? '')} (the computer that runs the CLA; never a cluster address), **Next**.`,
        `Port: ${c(String(xpr.licensing.claPort ?? EXAMPLE_CLA_PORT))} (the CLA's Service Port Number). **Time-out**: ${c(String(xpr.licensing.timeoutMs ?? EXAMPLE_TIMEOUT_MS))} (milliseconds).`,
        '**Install**, **Finish**, then **Yes** to install further components.',
    ];
}

function licenseServiceDialog(ctx: Context): Step {
    return {
        id: 'xpr-setup-license-service',
        title: 'Setup: install the license service',
        instructions: licenseServiceLines(ctx),
        verify: '`Get-Service licsvc` shows the XPR license service.',
        guide: `${install('§4.3.4.1')}; ${upgrade('§2.8.1 steps 6–10')}`,
        pointer: '/xpr/licensing',
    };
}

function serverNameDialog({ xpr }: Context): Step {
    return {
        id: 'xpr-setup-server-name',
        title: 'Setup: server name',
        instructions: [`**Name of the XPR**: ${c(xpr.serverName)}, **Next**. The name cannot be changed later.`],
        guide: install('§4.3.5'),
        pointer: '/xpr/serverName',
    };
}

function languageLines(xpr: Xpr): string[] {
    const licences = xpr.licensing.languageLicences;
    return [
        `In the **Active** column tick ${xpr.languages.map((l) => c(l)).join(', ')}${licences === undefined ? '' : ` (${licences} language licences)`}; no other language.`,
        `In the **Default language** column select ${c(xpr.defaultLanguage)}. **Next**.`,
    ];
}

function languagesDialog({ xpr }: Context): Step {
    return {
        id: 'xpr-setup-languages',
        title: 'Setup: server languages and default language',
        instructions: languageLines(xpr),
        verify: 'The number of purchased language licences shown above the list is at least the number of languages ticked.',
        guide: install('§4.3.6'),
        pointer: '/xpr/languages',
    };
}

function releaseNotesDialog({ xpr }: Context): Step {
    return {
        id: 'xpr-setup-release-notes',
        title: 'Setup: release notes',
        instructions: [`Read the release notes (${c(mediaPath(xpr, 'ReleaseNotes.rtf'))}), tick **I have read the Release Notes**, **Next**.`],
        guide: install('§4.3.7'),
        pointer: '/xpr',
    };
}

function componentLines({ xpr, host }: Context): string[] {
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

function componentsDialogs(ctx: Context): Step {
    return {
        id: 'xpr-setup-components',
        title: 'Setup: system, client and external components',
        instructions: componentLines(ctx),
        guide: install('§4.3.8–§4.3.12'),
        pointer: `${ctx.host.pointer}/optionalComponents`,
    };
}

function dotNetDialog({ host }: Context): Step {
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

function targetFolderDialog({ host }: Context): Step {
    return {
        id: 'xpr-setup-target-folder',
        title: 'Setup: XPR server target folder',
        instructions: [`**Next**, then set the target folder to ${c(host.installPath)} (a partition of at least 10 GB, no blanks in the path), **Next**.`],
        guide: install('§4.4 steps 1–4'),
        pointer: host.installPathPointer,
    };
}

/** The features to tick, grouped as the setup's tree groups them. */
function featureLines({ xpr, host }: Context): string[] {
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

function featuresDialog(ctx: Context): Step {
    return {
        id: 'xpr-setup-features',
        title: 'Setup: features',
        instructions: ['Tick exactly these features and untick every other one, then **Next**:', featureLines(ctx).join('\n')],
        verify: 'After setup, `Get-Service` lists the XPR services of these features (their names begin with "XPR").',
        guide: install('§4.4.1 Table 4-2'),
        pointer: `${ctx.host.pointer}/components`,
    };
}

function foldersDialog({ xpr }: Context): Step {
    const folder = (label: string, path: string | undefined) => `**${label}**: ${path === undefined ? 'accept the suggested default' : c(path)}.`;
    return {
        id: 'xpr-setup-folders',
        title: 'Setup: database and document folders',
        instructions: [
            folder('Database folder', xpr.databaseFolder),
            folder('Document folder', xpr.documentFolder),
            'No blanks in either path. The document folder grows with every message: watch its free space, especially in the first weeks. **Next**.',
        ],
        guide: install('§4.4.3'),
        pointer: '/xpr',
    };
}

function serviceAccountLines({ serviceUser, credentialName }: Context): string[] {
    return [
        'Tick **Assign an account to Xpressions services**.',
        `**User name**: ${c(serviceUser)}. **Password**: the password of credential ${c(credentialName)} (the one build.ps1 asked for). **Next**.`,
    ];
}

function serviceAccountDialog(ctx: Context): Step {
    return {
        id: 'xpr-setup-service-account',
        title: 'Setup: login account for the XPR services',
        instructions: serviceAccountLines(ctx),
        verify: `After setup, \`Get-CimInstance Win32_Service -Filter "Name='mrs'"\` shows StartName ${c(ctx.serviceUser)}.`,
        guide: `${install('§4.4.4')}; ${upgrade('§2.12.1')}`,
        pointer: '/xpr/serviceAccount',
    };
}

function voiceFormatDialog({ xpr }: Context): Step {
    const format = xpr.voiceFormat ?? 'A-Law';
    return {
        id: 'xpr-setup-voice-format',
        title: 'Setup: default voice format',
        instructions: [`Select **${format === 'A-Law' ? 'A-Law' : 'µ-Law'}**, **Next**.`],
        guide: install('§4.4.5'),
        // The section either way: an omitted default and its explicit value give the same bytes.
        pointer: '/xpr',
    };
}

function programFolderDialog({ xpr }: Context): Step {
    return {
        id: 'xpr-setup-program-folder',
        title: 'Setup: program folder',
        instructions: [
            xpr.programFolder === undefined
                ? 'Accept the suggested program folder (the guide recommends it), **Next**.'
                : `Program folder: ${c(xpr.programFolder)}, **Next**.`,
        ],
        guide: install('§4.4.6'),
        pointer: xpr.programFolder === undefined ? '/xpr' : '/xpr/programFolder',
    };
}

function authenticationDialog({ xpr }: Context): Step {
    const auth = xpr.authentication ?? {};
    const windows = (auth.mode ?? 'windowsAccount') === 'windowsAccount';
    return {
        id: 'xpr-setup-authentication',
        title: 'Setup: user authentication',
        instructions: windows
            ? [
                  'Select **Login via the Windows user account**, **Next**.',
                  `XPR administrator: ${c(auth.administratorAccount ?? '')}. XPR postmaster: ${c(auth.postmasterAccount ?? '')}. **Next**.`,
              ]
            : [
                  'Select **Login via Xpressions account (user name+password(PIN))**, **Next**. The guide says this choice cannot be changed later.',
                  'Administrator: keep the suggested user name; enter a complex password twice, **Next**.',
                  'Postmaster (the name is fixed): enter a complex password twice, **Next**.',
                  'Store both passwords in the password vault now: setup also keeps them encrypted in the registry for recovery after a database loss, and later password changes are not written there, so a recovery needs the passwords entered here.',
              ],
        guide: install(windows ? '§4.4.7' : '§4.4.7, §4.4.7.1'),
        pointer: xpr.authentication === undefined ? '/xpr' : '/xpr/authentication',
    };
}

function summaryDialog({ host }: Context): Step {
    return {
        id: 'xpr-setup-summary',
        title: 'Setup: summary',
        instructions: ['Compare the summary with the values of the steps above (**< Back** corrects them), then **Next**: setup copies the files.'],
        guide: install('§4.4.8'),
        pointer: host.pointer,
    };
}

function regionalDialog({ xpr }: Context): Step {
    const r = xpr.regional;
    const ranges = r.rangeCodes ?? [];
    return {
        id: 'xpr-setup-regional',
        title: 'Setup: regional connection settings',
        instructions: [
            `**Phone number dialing rules for country**: ${c(r.country)}.`,
            [
                `- **Area code (w/o prefix)**: ${c(r.areaCode)}`,
                `- **Subscriber code**: ${r.subscriberCode === undefined ? 'leave empty (range codes below)' : c(r.subscriberCode)}`,
                `- **International Prefix**: ${c(r.internationalPrefix)}`,
                `- **National Prefix**: ${c(r.nationalPrefix)}`,
                `- **External Prefix**: ${r.externalPrefix === undefined || r.externalPrefix === '' ? 'none (leave empty)' : c(r.externalPrefix)}`,
            ].join('\n'),
            ranges.length === 0
                ? 'Under **Advanced… > Locations**, check that the location shows these codes, **OK**.'
                : `Under **Advanced… > Locations**, double-click the location, delete the **SubscriberCode (Office code)** entry and add one **RangeCode (Number range)** per range (right-click **Location codes > Add**): ${ranges.map((range) => c(range)).join(', ')}. **OK**, **OK**.`,
            '**Next**.',
        ],
        guide: install('§4.4.9.1'),
        pointer: '/xpr/regional',
    };
}

function smtpAplDialog({ host }: Context): Step | undefined {
    const smtp = host.components.smtpApl;
    if (!smtp) {
        return undefined;
    }
    const connection = smtp.connection ?? 'permanent';
    const usage = smtp.usage ?? ['internetMail'];
    const labels: Record<string, string> = {
        internetMail: 'Sending and receiving e-mail via the Internet',
        pop3: 'POP3 access',
        imap4: 'IMAP4 access',
    };
    const connectionLine =
        connection === 'notAtAll'
            ? 'Connection: **Not at all** (mail only between XPR users), **Next**.'
            : connection === 'dialUp'
              ? 'Connection: **Temporarily via a dial-up connection**, **Next**.'
              : 'Connection: the option for a permanent connection (the guide does not print its label), **Next**.';
    const dial = smtp.dialUp;
    return {
        id: 'xpr-setup-smtp-apl',
        title: 'Setup: SMTP APL wizard',
        instructions: [
            connectionLine,
            `Usage: tick ${usage.map((u) => `**${labels[u] ?? u}**`).join(', ')}; untick the others, **Next**.`,
            ...(connection === 'dialUp' && dial
                ? [
                      `RAS phone book entry ${c(dial.phonebookEntry)}, user ${c(dial.userName)}${dial.domain ? `, domain ${c(dial.domain)}` : ''}, and its password, **Next**.`,
                  ]
                : []),
            '**Finish**.',
        ],
        guide: install('§4.4.9.2'),
        pointer: `${host.pointer}/components/smtpApl`,
    };
}

function ctiAplDialog({ host }: Context): Step | undefined {
    if (!host.components.ctiApl) {
        return undefined;
    }
    return {
        id: 'xpr-setup-cti-apl',
        title: 'Setup: CTI APL wizard',
        instructions: ['Untick every option, **Next**, **Finish**; the CTI APL is configured later in the XPR Monitor.'],
        guide: install('§4.4.9.3'),
        pointer: `${host.pointer}/components/ctiApl`,
    };
}

function certificateName({ site, host }: Context): string {
    const given = host.components.webApl?.sslServerName;
    if (given) {
        return given;
    }
    return site.domain ? `${host.nodeName.toLowerCase()}.${site.domain}` : host.nodeName;
}

function sslDialogs(ctx: Context): Step {
    const name = certificateName(ctx);
    const web = ctx.host.components.webApl !== undefined;
    return {
        id: 'xpr-setup-ssl',
        title: 'Setup: SSL certificates',
        instructions: [
            ...(web
                ? [`Web Assistant certificate: **Server name** ${c(name)} (the host name users type in the browser; a proxy alias if there is one), the other certificate fields as the customer wants them, a complex **Password** twice, **Next**.`]
                : []),
            `stunnel certificate: **Server name** ${c(name)}, the other fields as above, **Next**.`,
            'An own certificate must be Base64-encoded; the XPR Monitor rejects other encodings.',
        ],
        guide: install('§4.4.10'),
        pointer: web ? `${ctx.host.pointer}/components/webApl` : ctx.host.pointer,
    };
}

function finishSetup({ host }: Context): Step {
    return {
        ...SETUP_DONE_STEP.kernel,
        instructions: [
            '**Finish** the XPR server software installation.',
            'In the Component Installer\'s completion dialog keep **Reboot system** ticked and click **OK**; the computer reboots.',
            'Activate the antivirus software again.',
        ],
        verify: 'After the reboot, `Get-Service mrs` shows the XPR Administrator running.',
        guide: `${install('§4.4.11, §4.4.14')}; ${upgrade('§2.8.1 step 52')}`,
        pointer: host.pointer,
    };
}

// ---------------------------------------------------------------------------
// After setup
// ---------------------------------------------------------------------------

/**
 * Start modes: the guides state one only for a cluster (Manual, §5.5.1), so
 * xprc enforces only what the manifest's serviceStartupTypes asks for.
 */
function startModeLine(xpr: Xpr, names: readonly string[], kernel: boolean): string {
    const asked = names.filter((name) => xpr.serviceStartupTypes?.[name as keyof typeof xpr.serviceStartupTypes] !== undefined);
    const who = kernel ? 'the XPR Administrator (mrs) starts the other XPR services' : 'the kernel starts this satellite\'s XPR services (Upgrade guide §2.12.2 step 11)';
    const base = `Start modes and running state: xprc never starts or stops an XPR service (${who}), and the guides state no start mode outside a cluster, so setup's start modes stay`;
    return asked.length === 0
        ? `${base}.`
        : `${base}, except those the manifest sets (${c('xpr.serviceStartupTypes')}): ${asked.map((name) => `${c(name)} ${t(String(xpr.serviceStartupTypes?.[name as keyof typeof xpr.serviceStartupTypes]))}`).join(', ')}.`;
}

function applyAgain({ xpr, host, serviceUser }: Context): Step {
    const services = host.role === 'kernel' ? KERNEL_SERVICES : SATELLITE_SERVICES;
    const apl = hostComponents(host).flatMap((id) => COMPONENTS[id].services);
    const unmanaged = hostComponents(host).filter((id) => COMPONENTS[id].unmanagedReason !== undefined);
    return {
        id: 'xpr-apply-again',
        title: 'Apply the configuration again',
        instructions: [
            `Apply the Operate configuration (section 1, step 6). Now that XPR is installed it sets the account ${c(serviceUser)} of ${[...services, ...apl]
                .filter((s) => s.xprAccount)
                .map((s) => c(s.name))
                .join(', ')}${host.role === 'kernel' ? ', the XPR registry values and the share permissions' : ''}.`,
            startModeLine(xpr, [...services, ...apl].map((s) => s.name), host.role === 'kernel'),
            ...unmanaged.map((id) => `The service of ${t(COMPONENTS[id].feature)} is left as setup made it: ${t(COMPONENTS[id].unmanagedReason ?? '')}.`),
        ],
        verify: '`Test-DscConfiguration -Detailed` reports `InDesiredState : True`.',
        guide: upgrade('§2.12.1, §2.12.3'),
        pointer: host.pointer,
    };
}

function timeZoneSupport({ xpr }: Context): Step | undefined {
    const mode = xpr.timeZoneSupport ?? 'unchanged';
    if (mode === 'unchanged') {
        return undefined;
    }
    const exe = `${xpr.installPath.replace(/\\+$/, '')}\\bin\\TimeZoneSupport.exe`;
    return {
        id: 'xpr-time-zone-support',
        title: `Switch time zone support ${mode}`,
        instructions: [
            'Stop every XPR service (the services whose names begin with "XPR") except these five, which must run: XPR License Service (licsvc), XPR Name Locator (nameloc), XPR Configuration Service (cfgsvc), XPR Status Dispatcher (xmrsvc), XPR Information Store (infostor).',
            `Run ${c(`${exe} ${mode}`)} in a command prompt.`,
            'Start the XPR services you stopped again.',
        ],
        verify: `${c(exe)} ended without an error message and the XPR Monitor shows every service started.`,
        guide: install('§4.4.13'),
        pointer: '/xpr/timeZoneSupport',
    };
}

function hotfixes({ xpr, host }: Context): Step | undefined {
    const list = xpr.hotfixes ?? [];
    if (list.length === 0) {
        return undefined;
    }
    return {
        id: 'xpr-hotfixes',
        title: 'Install the hotfixes',
        instructions: [
            `Install, in this order, the hotfixes for ${t(host.role === 'kernel' ? 'this XPR server' : 'this satellite')}: ${list.map((h) => c(h)).join(', ')}. The guides do not describe how; follow the notes delivered with each hotfix.`,
        ],
        verify: 'The XPR Monitor shows every service started after the hotfixes.',
        guide: install('§9.8.3'),
        pointer: '/xpr/hotfixes',
    };
}

function aplLine(ctx: Context, id: ComponentId): string | undefined {
    const { site, host } = ctx;
    const components = host.components;
    switch (id) {
        case 'ipApl': {
            const ip = components.ipApl ?? {};
            const node = siteNode(site, host.nodeName)?.node;
            const addresses = node ? nodeIpv4s(node) : [];
            return [
                `**IP APL**: infrastructure protocol ${c((ip.protocols ?? ['SIP']).join(', '))}`,
                ip.fax && ip.fax !== 'none' ? `, fax ${c(ip.fax)} over the same protocol` : '',
                (ip.gateways ?? []).length > 0 ? `, PBX/gateways ${(ip.gateways ?? []).map((g) => c(g)).join(', ')}` : '',
                ip.rtpPorts ? `, media ports ${c(ip.rtpPorts)} (the firewall allows them)` : ', media ports as the customer\'s network allows (the firewall rules do not open any)',
                ip.voiceConferences ? `, voice conferences over SIP on two IP addresses (${addresses.map((a) => c(a)).join(', ')}; see "SIP Configuration" in the Server Administration manual)` : '',
                '. When it starts, the XPR Monitor must not report a missing DisableUserTOSSetting.',
            ].join('');
        }
        case 'isdnApl': {
            const boards = components.isdnApl?.boards ?? [];
            return `**ISDN APL**: ${boards.length === 0 ? 'the Diva boards of this computer' : boards.map((b) => `${c(b.model)} (${b.type})`).join(', ')}; check the boards in the Sangoma Diva Configuration Manager.`;
        }
        case 'ctiApl':
            return `**CTI APL** over ${c(components.ctiApl?.connection ?? 'CSTA')}: the link to the PBX (setup left every option off).`;
        case 'ldapApl':
            return '**LDAP APL**: the directory synchronization with Active Directory.';
        case 'exchangeApl': {
            const exchange = components.exchangeApl;
            return `**Exchange connector** for ${c(exchange?.exchangeServer ?? '')} (Exchange ${t(exchange?.exchangeVersion ?? '2007')}): give its service the Exchange service account of the *Microsoft Exchange Gateway* manual.`;
        }
        case 'exchangeUmApl':
            return '**Exchange UM APL**: give its service the Exchange service account of the *Microsoft Exchange Gateway* manual.';
        case 'notesApl':
            return '**Lotus Notes gateway**: needs a Lotus Notes client of version 6 or later on this computer; follow the *Lotus Notes Gateway* manual before configuring it.';
        case 'tcpApl':
        case 'webApl':
        case 'smtpApl':
        case 'reportApl':
            return undefined; // Configured during setup or by their own steps.
        default:
            return `**${t(COMPONENTS[id].feature)}**: as the Server Administration manual describes.`;
    }
}

function configureApls(ctx: Context): Step | undefined {
    const lines = hostComponents(ctx.host)
        .map((id) => aplLine(ctx, id))
        .filter((line): line is string => line !== undefined);
    if (lines.length === 0) {
        return undefined;
    }
    return {
        id: 'xpr-configure-apls',
        title: 'Configure the APLs in the XPR Monitor',
        instructions: [
            'Setup does not configure these components; configure them in the XPR Monitor (details in the *Server Administration* manual):',
            lines.map((line) => `- ${line}`).join('\n'),
        ],
        verify: `The XPR Monitor of the kernel ${c(kernelHostName(ctx.xpr))} shows these APLs of ${c(ctx.host.nodeName)} started.`,
        guide: install('§4.4.9'),
        pointer: `${ctx.host.pointer}/components`,
    };
}

function faxG3PostDial({ host }: Context): Step | undefined {
    if (host.components.isdnApl?.faxG3PostDial !== true) {
        return undefined;
    }
    return {
        id: 'xpr-fax-g3-post-dial',
        title: 'Check Fax G3 post-dialing',
        instructions: [
            'Open **Start > All Programs > XPR > Monitor - System Logging**; under **Modules of** the server double-click **<Preferences> > ISDNApi > Advanced Settings**.',
            'On the **Protocols** tab double-click the Fax G3 protocol: only **Fax (G3)** may be ticked. **OK**.',
            'On the **Devices** tab open the **NCO Administration**, tab **Variables**: **EnablePostdialing** must be `true`. **OK**, **OK**.',
        ],
        verify: 'EnablePostdialing is `true` and the Fax G3 protocol has only Fax (G3) ticked.',
        guide: install('§4.4.15'),
        pointer: `${host.pointer}/components/isdnApl/faxG3PostDial`,
    };
}

function reportApl({ host }: Context): Step[] {
    const database = host.components.reportApl?.database;
    if (!database) {
        return [];
    }
    const pointer = `${host.pointer}/components/reportApl/database`;
    const server = database.instance ? `${database.server}\\${database.instance}` : database.server;
    const express = database.engine === 'SQLServer2008Express' || database.engine === 'SQLServer2005Express';
    const engineLine: Record<string, string> = {
        SQLServer: `Microsoft SQL Server runs on ${c(database.server)}: for more than 1 GB of report data; set up in a project with Professional Services, with the customer's licences.`,
        SQLServer2008Express: `Microsoft SQL Server 2008 Express runs on ${c(database.server)}: it is not shipped with XPR; download and install it by hand. It needs .NET Framework 4 (${c('dotNetFx40_Full_x86_x64.exe')} in the medium's Prerequisites\\Frameworks\\NET folder), and the Microsoft patch for the datetime data type.`,
        SQLServer2005Express: `Microsoft SQL Server 2005 Express runs on ${c(database.server)} (at most 4 GB of data).`,
        MSDE: `MSDE runs on ${c(database.server)} (deprecated; at most 1 GB of data).`,
        CodeBase: 'CodeBase, the legacy Report APL database (deprecated).',
    };
    return [
        {
            id: 'xpr-report-database',
            title: 'Create the Report APL database',
            instructions: [
                engineLine[database.engine] ?? '',
                `With SQL Server Management Studio on ${c(server)}, create the database ${c(database.name)} and the SQL Server login ${c(database.loginName)} (SQL Server authentication) with access to it. Keep the login's password for the next step; it is never written into the manifest.`,
                ...(express || database.engine === 'SQLServer'
                    ? [
                          'Remove the read and write permissions of the **Users** group from the SQL Server program folder **Binn** (the guide names `C:\\Program Files(x86)\\Microsoft SQL Server\\MSSQL.1\\MSSQL\\Binn`, the SQL Server 2005 layout; use the Binn folder of this instance).',
                      ]
                    : []),
            ],
            verify: `${c(`sqlcmd -S ${server} -U ${database.loginName} -d ${database.name} -Q "SELECT 1"`)} succeeds with the login's password.`,
            guide: upgrade('§2.3.10.1, §2.3.10.2'),
            pointer,
        },
        {
            id: 'xpr-report-apl',
            title: 'Connect the Report APL to its database',
            instructions: [
                'Open the XPR Monitor, log in as administrator and open the Report APL configuration, tab **Database**.',
                '**Access mode**: **ADO**, **Configure…**; tab **Provider**: **Microsoft OLE DB Provider for SQL Server**, **Next>>**.',
                `Tab **Connection**: server ${c(server)}, user name ${c(database.loginName)} and its password, database ${c(database.name)}.`,
                '**Test Connection**.',
            ],
            verify: 'The connection test reports success.',
            guide: upgrade('§2.3.10.1'),
            pointer,
        },
    ];
}

function passwordPolicy({ xpr }: Context): Step | undefined {
    if ((xpr.authentication?.mode ?? 'windowsAccount') !== 'xprAccount') {
        return undefined; // With Windows authentication XPR's password functions are off (§4.4.7).
    }
    const p = { ...PASSWORD_POLICY_DEFAULTS, ...(xpr.passwordPolicy ?? {}) };
    const yes = (value: boolean) => (value ? 'ticked' : 'unticked');
    return {
        id: 'xpr-password-policy',
        title: 'Set the XPR password policy',
        instructions: [
            'Log on to the Web Assistant as administrator, **Server settings > XPR Authentication**, and set:',
            [
                `- Minimum length: ${p.minimumLength}; at least ${p.upperCase} upper case, ${p.lowerCase} lower case, ${p.numerics} numerics, ${p.specialCharacters} special characters`,
                `- Maximum identical characters in a row: ${p.maxIdenticalInRow}; maximum sequential characters in a row: ${p.maxSequentialInRow}; minimum number of changed characters: ${p.minChangedCharacters}`,
                `- String black list: ${p.blackList.length === 0 ? 'unticked' : `ticked, ${c(p.blackList.join(','))}`}; account name may not be part of password: ${yes(p.accountNameNotInPassword)}`,
                `- Number of old passwords to consider: ${p.oldPasswordsToConsider}; must change password after ${p.mustChangeAfterDays} days; cannot change again before ${p.cannotChangeBeforeDays} days; notification ${p.notifyBeforeExpiryDays} days before expiration`,
                `- Default passwords must be changed after login: ${yes(p.defaultPasswordsMustBeChanged)}`,
            ].join('\n'),
            '**Save**.',
        ],
        verify: 'The XPR Authentication page shows these values after a reload.',
        guide: upgrade('§2.8.1 step 55'),
        pointer: xpr.passwordPolicy === undefined ? '/xpr/authentication' : '/xpr/passwordPolicy',
    };
}

function smartBackup({ xpr }: Context): Step | undefined {
    const backup = xpr.smartBackup;
    if (!backup) {
        return undefined;
    }
    const options = backup.options ?? ['NCO', 'REGISTRY', 'INFOSTOR', 'FOLDERS', 'USERDATA'];
    return {
        id: 'xpr-smart-backup',
        title: 'Set up Smart Backup and Restore',
        instructions: [
            'Log on to the Web Assistant as administrator, **Server settings > Smart backup and restore**.',
            `Tick ${options.map((o) => `**${o}**`).join(', ')}.`,
            `**Backup Path**: ${backup.path === undefined ? 'keep the default (the XPR installation folder)' : c(backup.path)}.`,
            '**Backup now** for a first backup.',
        ],
        verify: `A new TAR file is in ${backup.path === undefined ? 'the Backup Path' : c(backup.path)}.`,
        guide: upgrade('§2.9, §2.9.1'),
        pointer: '/xpr/smartBackup',
    };
}

function passwordChange({ xpr, host, serviceUser, credentialName }: Context): Step {
    const others = xprHosts(xpr).filter((h) => h.nodeName.toUpperCase() !== host.nodeName.toUpperCase());
    return {
        id: 'xpr-service-account-password',
        title: 'When the service account\'s password changes',
        instructions: [
            `When the password of ${c(serviceUser)} changes (it expires, or the customer changes it), enter the new password on every XPR service (the services whose names begin with "XPR") of this computer${others.length === 0 ? '' : ` and of ${others.map((h) => c(h.nodeName)).join(', ')}`}: **Services**, the service's properties, **Log On**, **This account** ${c(serviceUser)}, **Password** and **Confirm password**.`,
            `The configuration does not notice a changed password: xService compares only the account name. Compile the MOF again with the new password (\`.\\build.ps1\`, credential ${c(credentialName)}) so that the configuration holds it too, and tell the customer that every password change needs this step.`,
        ],
        verify: 'After a restart of the XPR server, the XPR Monitor shows every service started.',
        guide: upgrade('§2.12.3'),
        pointer: '/xpr/serviceAccount',
    };
}

function restartForSatellites({ xpr, host }: Context): Step | undefined {
    const satellites = xprHosts(xpr).filter((h) => h.role === 'satellite');
    if (satellites.length === 0) {
        return undefined;
    }
    return {
        id: 'xpr-restart-for-satellites',
        title: 'Restart the XPR server once the satellites are installed',
        instructions: [
            `When setup has finished on ${satellites.map((s) => c(s.nodeName)).join(', ')} (their runbooks), restart the XPR server on this computer: it starts the satellites' services too.`,
        ],
        verify: 'The XPR Monitor lists the APLs of every satellite, started.',
        guide: upgrade('§2.12.2 step 11'),
        pointer: host.pointer,
    };
}

// ---------------------------------------------------------------------------
// Satellites (Upgrade guide §2.12)
// ---------------------------------------------------------------------------

function kernelReady({ xpr, host }: Context): Step {
    return {
        id: 'xpr-kernel-ready',
        title: 'Check that the kernel is ready',
        instructions: [
            `The XPR server on the kernel ${c(kernelHostName(xpr))} is installed and running, with every language packet this satellite will use (${xpr.languages.map((l) => c(l)).join(', ')}) already installed there.`,
        ],
        verify: `The XPR Monitor on ${c(kernelHostName(xpr))} shows the kernel services started.`,
        guide: upgrade('§2.12, §2.12.2 step 1'),
        pointer: host.pointer,
    };
}

function satPrep({ xpr, host, serviceUser, credentialName }: Context): Step {
    const root = mediaRoot(xpr);
    return {
        id: 'xpr-satprep',
        title: 'Prepare the satellite with SatPrep',
        instructions: [
            `Start ${c('SatPrep.exe')} from the Satellite folder of the setup medium${root === undefined ? '' : ` (${c(root)})`}.`,
            `**Server**: ${c(kernelHostName(xpr))}. **Destination folder**: ${c(host.installPath)}.`,
            `**Account**: ${c(serviceUser)}; **Password** and **Confirm Password**: the password of credential ${c(credentialName)}.`,
            '**Prepare Satellite System**; confirm the success message with **OK**. An error report names what is missing.',
        ],
        verify: `The kernel's registry (\`HKLM\\SOFTWARE\\WOW6432Node\\PP-COM\\MRS\\Services\\Kernel\`) lists NameLoc and CfgSvc entries for ${c(host.nodeName)}.`,
        guide: upgrade('§2.12.2 steps 2–8'),
        pointer: host.pointer,
    };
}

function satelliteSetup(ctx: Context): Step {
    const { xpr, host } = ctx;
    return {
        ...SETUP_DONE_STEP.satellite,
        instructions: [
            'The guides describe setup on a satellite only for an upgrade ("select exclusively the components of this satellite"); the dialogs are the kernel\'s. Answer those that appear with these values:',
            [
                `- License service: ${licenseServiceLines(ctx).slice(0, 4).join(' ')}`,
                `- Languages: ${languageLines(xpr).join(' ')}`,
                `- Components: ${componentLines(ctx).join(' ')}`,
                `- Target folder: ${c(host.installPath)}.`,
                `- Features, exclusively: ${featureLines(ctx)
                    .map((line) => line.replace(/^- /, ''))
                    .join('; ')}.`,
                `- Service account: ${serviceAccountLines(ctx).join(' ')}`,
            ].join('\n'),
            'Finish setup and reboot when the Component Installer asks; activate the antivirus software again.',
        ],
        verify: `\`Get-Service\` lists ${[...SATELLITE_SERVICES, ...hostComponents(host).flatMap((id) => COMPONENTS[id].services)]
            .map((s) => c(s.name))
            .join(', ')}.`,
        guide: `${upgrade('§2.12, §2.12.2 step 10')}; ${install('§4.3–§4.4')}`,
        pointer: `${host.pointer}/components`,
    };
}
