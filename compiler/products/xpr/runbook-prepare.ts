/**
 * XPR runbook, before setup: prerequisites, the loopback adapter, the host
 * requirements check, licensing and starting the setup (Cluster Installation
 * guide §3, §4.1–§4.3.3; Upgrade guide §2.8–§2.9). Shared by kernel and
 * satellite hosts; separate from the dialogs because it is what must be true
 * before the Wrapper runs.
 */

import { EXAMPLE_CLA_PORT, install, upgrade } from './data.js';
import { requiredMemoryMB } from './hardware.js';
import { claAddress, driveOf, hasComponent, mediaPath, mediaRoot, nodeIpv4, siteNode } from './model.js';
import { c, type Context, type Step, HOST_REQUIREMENTS_STEP } from './runbook-context.js';

export function prerequisites({ site, xpr, host, serviceUser }: Context): Step {
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
            'The XPR services, registry values and shares are in the Operate configuration, applied after setup. `[xScript]Xpr_HostRequirements` fails with "xprc gate: … Waiting for the runbook step" until the steps "Install the Microsoft Loopback Adapter" and "Check the XPR host requirements" are done (PLAN.md puts both before Prepare): it is a gate, and that is expected.',
            'The LCM restarts the computer itself when a prerequisite asks for it (meta-configuration, section 1) and then continues: TCP/IP reads these values only at start-up, and setup must not start with a restart pending. A restart Windows Update has pending is not the configuration\'s: finish it before setup.',
        ],
        verify: '`Get-WindowsFeature NET-Framework-Core, Web-Server, SMTP-Server` shows only NET-Framework-Core installed, and no reboot is pending.',
        guide: upgrade('§2.3.1.1, §2.8.1 step 58'),
        pointer: host.pointer,
    };
}

export function loopbackAdapter({ host }: Context): Step {
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

export function hostRequirements({ site, host }: Context): Step {
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

export function licensing(ctx: Context): Step[] {
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

export function setupStart({ xpr, host, serviceUser, site }: Context): Step {
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
