/**
 * The one-X Portal runbook steps: what no script can do (IP Office Manager,
 * the vendor installers, the portal's web wizard, Exchange and Active
 * Directory tools, Group Policy), in the guide's order, with the manifest's
 * values filled in. Values go through mdCode / mdText; the rest is fixed text.
 */

import { mdCode, mdText } from '../../emit/markdown.js';
import type { ManualStep } from '../../ir/types.js';
import { webAdministrationDscSupport, wmfInstruction } from '../../dsc/platforms.js';
import type { Site } from '../../manifest/types.generated.js';
import {
    AFTER_CONFIGURATION_MINUTES,
    CAPACITY_LABEL,
    CLIENT_HTTP_PORT,
    CLIENT_HTTPS_PORT,
    CLIENT_LABEL,
    CLIENT_PREREQUISITES,
    CLIENT_SETUP,
    DEFAULT_TSPI_PASSWORD,
    DEFAULT_SERVICE_NAME,
    DEFAULT_TSPI_USER,
    DIGEST_FEATURE,
    EXCHANGE_ACCOUNT,
    EXCHANGE_NOTIFICATION_PORT,
    EXCHANGE_SCRIPT,
    FIXED_PORTS,
    HTTPS_PORT,
    MEMORY_FOR_750_OPTION_GB,
    MOBILITY_PORT,
    START_MINUTES,
    TITLE,
    USER_PROFILES,
    VOICEMAIL_DIRECTORIES,
    XMPP_CLIENT_PORT,
    XMPP_DOMAIN_UPGRADES,
    XMPP_FEDERATION_PORT,
    guide,
    procrunJavaPath,
} from './data.js';
import { clientCommandLine } from './command-line.js';
import { at, findNode, hostName, ipv4Addresses, type Settings } from './model.js';

function step(id: string, title: string, sections: string, pointer: string, instructions: readonly string[], verify?: string): ManualStep {
    return {
        id,
        section: TITLE,
        title,
        instructions,
        ...(verify !== undefined ? { verify } : {}),
        guide: guide(sections),
        source: { pointer },
    };
}

const code = (value: string | number): string => mdCode(String(value));
const list = (items: readonly string[]): string => items.map((i) => `- ${i}`).join('\n');
const codes = (items: readonly (string | number)[]): string => items.map((i) => code(String(i))).join(', ');

/** The credential reference as the runbook names it: `Name` (account `DOMAIN\user`). */
function account(site: Site, name: string): string {
    const userName = site.credentials?.[name]?.userName;
    return `the account of credential ${code(name)}${userName ? ` (${code(userName)})` : ''}`;
}

function advancedInstallation(s: Settings): boolean {
    return s.tspiPasswordChanged || s.tspiUser !== DEFAULT_TSPI_USER || s.section.ldap !== undefined || s.voicemailPro !== undefined || s.xmppDomainSet;
}

// ---------------------------------------------------------------------------
// Portal server
// ---------------------------------------------------------------------------

export function portalSteps(site: Site, s: Settings): ManualStep[] {
    const section = s.section;
    const portalHost = hostName(site, section.node);
    const offices = s.ipOffices;
    const officeList = list(offices.map((o) => `${mdText(o.name)}: ${code(o.address)}`));
    const steps: ManualStep[] = [];
    const installed = section.installed !== undefined && !s.reinstall;

    // §2.1 / §2.2: Manager and System Status on the portal server.
    steps.push(
        step(
            'onex-ip-office-manager',
            'Install IP Office Manager and System Status on the portal server',
            '§2.1, §2.2',
            at('node'),
            [
                `Install **IP Office Manager** and the **IP Office System Status Application** on ${code(section.node)} from the IP Office Applications DVD; the portal installation needs them, and the IP Office steps below are done with Manager on this server, which also tests the network route to each IP Office. The guide gives no installer names or switches for them.`,
                `IP Offices of this portal:\n${officeList}`,
            ],
            'Manager receives the configuration of every IP Office listed above.',
        ),
    );

    // §2.1: the Voicemail Pro server answers by name; users' browsers bypass the proxy for it.
    const vm = s.voicemailPro;
    if (vm) {
        const vmNode = findNode(site, vm.node);
        const vmAddress = vmNode ? ipv4Addresses(vmNode.node, vmNode.index)[0]?.address : undefined;
        steps.push(
            step(
                'onex-voicemail-by-name',
                'Check that the Voicemail Pro server answers by name',
                '§2.1',
                at('voicemail', 'node'),
                [
                    `On ${code(section.node)}, browse to ${code(`http://${vm.node}/localstart.asp`)}. If IIS on ${code(vm.node)} does not respond, resolve the DNS routing between the two servers before installing the portal.`,
                    `${code('localstart.asp')} is the start page of IIS 6; IIS 7 and later have none, so there ${code(`http://${vm.node}/`)} showing the IIS start page proves the same (run this after ${code(vm.node)}'s configuration has installed IIS).`,
                ],
                `IIS on ${code(vm.node)} answers by its name from ${code(section.node)}.`,
            ),
            step(
                'onex-browser-proxy',
                'Bypass the proxy for the Voicemail Pro server in the users\' browsers',
                '§2.1',
                at('voicemail', 'node'),
                [
                    `Voicemail playback in the browser needs the Voicemail Pro server in the browsers' proxy exceptions (No Proxy list): add its computer name ${code(vm.node)}${vmAddress ? ` and its IP address ${code(vmAddress)}` : ' and its IP address'}, e.g. through the Group Policy that manages the users' proxy settings. The guide gives no registry or policy path for it.`,
                ],
                'A user can play a voicemail message in the portal\'s Messages gadget.',
            ),
        );
    }

    // §2.1.1 and §2.5: perimeter firewall, outside every node.
    const perimeter: string[] = [];
    if (s.mobility) {
        perimeter.push(`TCP ${code(XMPP_CLIENT_PORT)} and ${code(MOBILITY_PORT)} inbound to ${code(section.node)}: mobility clients on a cellular network and external XMPP access.`);
    }
    if (s.xmppFederation) {
        perimeter.push(`TCP ${code(XMPP_FEDERATION_PORT)} in both directions for ${code(section.node)}: XMPP federation with external servers.`);
    }
    if (s.exchange?.hostedExternally) {
        perimeter.push(`TCP ${code(EXCHANGE_NOTIFICATION_PORT)} inbound from the hosted Exchange server to ${code(section.node)}: calendar notifications.`);
    }
    if (perimeter.length > 0) {
        steps.push(
            step(
                'onex-perimeter-firewall',
                'Open the portal\'s ports on the perimeter firewall',
                '§2.1.1, §2.5',
                s.exchange?.hostedExternally ? at('exchange', 'hostedExternally') : at('features'),
                [
                    `The configuration opens these ports in ${code(section.node)}'s own firewall; the router or firewall at the network's edge needs them too:\n${list(perimeter)}`,
                    `Ports ${codes([8086, 9094, 9095])} need not be opened there.`,
                ],
            ),
        );
    }

    // §2.2: Enhanced TSPI service user on every IP Office.
    const password = s.tspiPasswordChanged
        ? `the site's own password (not the default ${code(DEFAULT_TSPI_PASSWORD)}): the same on every IP Office, because the portal's Advanced installation takes it once as the Common SAP Password`
        : `the default password ${code(DEFAULT_TSPI_PASSWORD)}, which the portal's Simple installation assumes`;
    steps.push(
        step(
            'onex-ip-office-security',
            'Check the IP Office security settings',
            '§2.2',
            s.section.tspi ? at('tspi') : at('ipOffices'),
            [
                `On ${code(section.node)}, start IP Office Manager and select **File | Advanced | Security Settings**. Do the following for each IP Office, signing in with its security settings account:\n${officeList}`,
                list([
                    '**Services** lists an **Enhanced TSPI** service.',
                    'The **Rights Groups** include **TCPA Group**, with **Enhanced TSPI Access** selected on its **Enhanced TSPI** tab; create the group if it is missing.',
                    `The **Service Users** include ${code(s.tspiUser)}, a member of **TCPA Group**, with ${password}.`,
                ]),
                'If you changed anything, save the security settings.',
            ],
            `Every IP Office lists ${code(s.tspiUser)} as a member of TCPA Group with Enhanced TSPI Access.`,
        ),
    );

    // §2.3: licences.
    steps.push(
        step(
            'onex-licences',
            'Add the portal licences',
            '§2.3',
            at('users'),
            [
                `In IP Office Manager, receive each IP Office's configuration, select **License**, click **Add**, choose **ADI** and enter the licences for the ${USER_PROFILES.map(mdText).join(', ')} profiles of the ${code(section.users)} portal users. Save the configuration to the IP Office.`,
                'Reload the configuration and select **License** again. A licence stays in use for up to 6 hours when a user closes the browser without logging out.',
            ],
            'Each licence shows **License Status** **Valid** (it showed **Unknown** before saving).',
        ),
    );

    // §2.4: users.
    steps.push(
        step(
            'onex-users',
            'Enable the portal users on the IP Offices',
            '§2.4',
            at('ipOffices'),
            [
                `In IP Office Manager, for each portal user: on the **User** tab set **Profile** to ${USER_PROFILES.map(mdText).join(', ')} (Teleworker User and Power User also allow telecommuter mode), tick **Enable one-X Portal Services**, note the user's **Name** and **Password** (the portal login), and save the configuration to the IP Office.`,
                `Enable at least one user on each IP Office before installing the portal:\n${officeList}`,
                'Analog phone users also need **Call Waiting On** and **Off Hook Station** selected.',
            ],
            'Every IP Office has at least one user with Enable one-X Portal Services ticked.',
        ),
    );

    // §2.5: free ports.
    const fixed = [...FIXED_PORTS.keys()].filter((p) => p !== s.httpPort && p !== s.jmxPort);
    steps.push(
        step(
            'onex-ports-free',
            'Check that the portal\'s ports are free',
            '§2.5',
            section.httpPort !== undefined ? at('httpPort') : at('node'),
            [
                `On ${code(section.node)}, run ${code('netstat -an > ports.txt')} and check in ${code('ports.txt')} that nothing listens on the HTTP port ${code(s.httpPort)}, the JMX port ${code(s.jmxPort)} or the portal's fixed ports ${codes(fixed)}.`,
                `Any of them in use means a conflict with the application using it. The HTTP and JMX ports can be changed only now: after the installation only by removing and reinstalling the portal.`,
                ...(s.webConferencing ? ['Web Conferencing is enabled: the guide gives no ports or settings for it; take them from the Web Conferencing documentation.'] : []),
            ],
        ),
    );

    // §2.6 / §2.6.1: the installer (no silent installation is documented).
    steps.push(installStep(s, installed));

    // §2.6.1: XMPP domain after upgrading from 5.0 / 6.0.
    if (XMPP_DOMAIN_UPGRADES.includes(s.previousVersion)) {
        steps.push(
            step(
                'onex-upgrade-xmpp-domain',
                'Set the XMPP domain after the upgrade',
                '§2.6.1',
                at('previousVersion'),
                [
                    `After upgrading from one-X Portal ${code(s.previousVersion)}, sign in to the administration pages, set the **XMPP Domain Name** (IM/Presence) to ${code(s.xmppDomain)} and restart the services: ${code(`Restart-Service -Name ${s.serviceName}`)}.`,
                ],
                `The IM/Presence settings show ${code(s.xmppDomain)}.`,
            ),
        );
    }

    // §2.7: the web wizard.
    steps.push(initialConfigurationStep(site, s), adminPasswordStep());

    // §2.8: user test.
    steps.push(
        step(
            'onex-test-user',
            'Test a user connection',
            '§2.8',
            at('node'),
            [
                `From a user's PC (not from ${code(section.node)} and not through a localhost address), browse to ${code(`https://${portalHost}:${HTTPS_PORT}/onexportal.html`)} and log in with an IP Office user's name and password.`,
                list([
                    'The user sees the system directories, can search the external directory (if LDAP is configured) and can see and edit the personal directory.',
                    'A call to the user\'s extension shows in the **Calls** gadget and can be answered there; the answered call appears in the **Call Log** gadget.',
                    'A call made from the **Calls** gadget connects.',
                    'The **Messages** gadget shows the messages of the user\'s mailbox.',
                ]),
                'Log out.',
            ],
        ),
    );

    // §2.9: certificate.
    if (section.certificate) {
        steps.push(
            step(
                'onex-certificate',
                'Import the portal certificate',
                '§2.9',
                at('certificate', 'file'),
                [
                    `Sign in to the portal's administration pages, click **Configuration**, select **Certificate**, click **Import** and upload ${code(section.certificate.file)}. On Windows the portal does not use the server's certificate store: this menu is the only way.`,
                ],
                'one-X Communicator connects over TLS without certificate warnings.',
            ),
        );
    }

    // §2.10: what the configuration does for 300+ users, and the .reg caveat.
    if (s.jvm) {
        steps.push(jvmStep(s, installed));
    }

    // §3: Exchange, portal side; without an Exchange node also the Exchange server's part.
    if (s.exchange) {
        steps.push(
            step(
                'onex-exchange-service',
                'Connect the portal to Exchange',
                '§3, §3.4',
                at('exchange'),
                [
                    `Sign in to the portal's administration pages and open **Configuration** › **Exchange Service**. Enter the Exchange ${code(s.exchange.version)} server${s.exchange.node !== undefined ? ` ${code(s.exchange.node)}` : ''} (the guide does not list the fields of this page).`,
                    `Right-click **Download Powershell script**, choose **Save link as**, and give the file to the Exchange administrator for ${s.exchange.node !== undefined ? `${code(s.exchange.node)} (see its runbook)` : 'the steps below'}.`,
                ],
                'The portal shows Exchange calendar presence for a user with a current meeting.',
            ),
        );
        if (s.exchange.node === undefined) {
            steps.push(...exchangeSteps(site, s, 'portal'));
        }
    }

    // §4: desktop clients by Group Policy, and the silent command for other machines.
    if (s.clients) {
        steps.push(...groupPolicySteps(s));
    }
    return steps;
}

function installStep(s: Settings, installed: boolean): ManualStep {
    const section = s.section;
    const upgrade = s.previousVersion !== '';
    const capacity =
        section.memoryGB > MEMORY_FOR_750_OPTION_GB
            ? `When asked for the capacity, choose **${mdText(CAPACITY_LABEL[s.capacity])}**${upgrade && s.capacity === '300' ? ' (the upgrade wizard calls it "up to 200 IP Office users")' : ''}.`
            : `The installer does not ask for the capacity: the server has ${code(section.memoryGB)} GB of RAM, and the choice appears only with more than ${MEMORY_FOR_750_OPTION_GB} GB; it configures the portal for up to 300 users${s.capacity === '750' ? ', and the §2.10 tuning of this configuration raises it' : ''}.`;
    const instructions = [
        ...(s.reinstall
            ? [
                  `**Reinstallation.** The installed portal's ports (${code(section.installed?.httpPort ?? s.httpPort)}/${code(section.installed?.jmxPort ?? s.jmxPort)}) change to ${code(s.httpPort)}/${code(s.jmxPort)}, which only a reinstallation does. Remove **Avaya one-X Portal for IP Office** in Programs and Features first; user profiles, keyboard shortcuts, sound settings, park slots and portal-only contacts are lost.`,
              ]
            : []),
        `Apply this node's configuration first: it disables User Account Control and restarts ${code(section.node)}, which the installer needs. Log on with an account with full administrator rights.`,
        `From the IP Office Applications DVD (Release 9.1), right-click ${code('setup.exe')} and select **Run as Administrator**. ${upgrade ? `The wizard shows the installed version (${code(s.previousVersion)}) and offers the upgrade; never remove the old version instead, which loses the portal's settings.` : ''}`.trim(),
        list([
            'Choose the setup language and accept the licence terms.',
            capacity,
            `On **Application Information**: **HTTP Port** ${code(s.httpPort)}, **JMX Port** ${code(s.jmxPort)}, **Backup location on the server** ${code(section.backupFolder)}.`,
            'On the last page tick **Start Avaya one-X Portal for IP Office service** and click **Finish**.',
        ]),
        `If the installer reports *Error 1330 - Invalid Digital Signature*, install the Microsoft updates for the server, restart it if Windows Update asks (the configuration does not restart for Windows Update), and run the installer again.`,
        serviceNameCheck(s),
        ...(!installed
            ? [
                  `Then record the installation in the manifest: ${code(`"installed": { "httpPort": ${s.httpPort}, "jmxPort": ${s.jmxPort} }`)} in ${code('onexPortal')}${s.reinstall ? `, remove ${code('"reinstall"')}` : ''}, run ${code('xprc build')} and apply the configuration again: it then keeps the service ${code(s.serviceName)} running${s.jvm ? ' and applies the JVM tuning for more than 300 users' : ''}.`,
              ]
            : []),
    ];
    return step(
        upgrade ? 'onex-upgrade' : 'onex-install',
        upgrade ? `Upgrade the portal from ${s.previousVersion}` : 'Install the portal software',
        upgrade ? '§2.6, §2.6.1' : '§2.6',
        section.installed ? at('installed') : at('backupFolder'),
        instructions,
        `${code(`Get-Service -Name ${s.serviceName}`)} finds the one-X Portal for IP Office service, and it is running.`,
    );
}

/**
 * The guide names the portal service only by display names (§2.6, §2.7,
 * §2.10); its short name, which the Service resource and the Procrun key of
 * the JVM tuning use, is xprc's inference from the §2.10 key name unless the
 * manifest states it. The engineer checks it on the installed server.
 */
function serviceNameCheck(s: Settings): string {
    const origin =
        s.serviceName === DEFAULT_SERVICE_NAME
            ? `The guide gives the service's display names only; xprc assumes the short name ${code(s.serviceName)}, the Procrun key name of §2.10 (an inference).`
            : `The manifest gives the service's short name as ${code(s.serviceName)}.`;
    return `${origin} Check it before the configuration manages the service: ${code("Get-Service -DisplayName '*one-X Portal*' | Format-Table -Property Name, DisplayName")} shows it under **Name**, and ${code("Get-ChildItem -Path 'HKLM:\\SOFTWARE\\WOW6432Node\\Apache Software Foundation\\Procrun 2.0'")} lists a key of the same name. If it differs, set ${code('serviceName')} in ${code('onexPortal')} to it and run ${code('xprc build')} again.`;
}

function initialConfigurationStep(site: Site, s: Settings): ManualStep {
    const section = s.section;
    const advanced = advancedInstallation(s);
    const addresses = s.ipOffices.map((o) => o.address).join(',');
    const vm = s.voicemailPro;
    const vmNode = vm ? findNode(site, vm.node) : undefined;
    const vmAddress = vmNode ? ipv4Addresses(vmNode.node, vmNode.index)[0]?.address : undefined;
    const firstOffice = s.ipOffices[0];

    const providerOptions: string[] = [];
    providerOptions.push(
        `**Telephony (CSTA)**: **Common SAP Username** ${code(s.tspiUser)}${s.tspiPasswordChanged ? ', **Common SAP Password** the service user\'s password set on the IP Offices' : ''} (the guide's screen spells the default user ${code('EnhTcpservice')}).`,
    );
    if (section.ldap) {
        providerOptions.push(
            `**Directory (LDAP)**: **LDAP Server Address** ${code(section.ldap.url)}, **LDAP Server Username** and **Password** ${section.ldap.account ? account(site, section.ldap.account.credential) : 'of the LDAP bind account'}, **LDAP Server Base DN** ${code(section.ldap.baseDn)}.`,
        );
    }
    providerOptions.push(
        vm
            ? `**VoiceMail-Provider**: **Assign New Voicemail Server Unit**, ID ${code('0')}, **VoiceMailServer IP Address** ${vmAddress ? code(vmAddress) : 'the address'} of ${code(vm.node)}, the SCN's centralized Voicemail Pro server (not a backup or distributed one).`
            : `**VoiceMail-Provider**: embedded voicemail: the IP Office's own address as **VoiceMailServer IP Address**${firstOffice && s.ipOffices.length === 1 ? ` (${code(firstOffice.address)})` : ' (the IP Office whose embedded voicemail is the SCN\'s central one)'}.`,
    );
    providerOptions.push(`**IM/Presence**: **XMPP Domain Name** ${code(s.xmppDomain)}.`);

    return step(
        'onex-initial-configuration',
        'Run the initial server configuration',
        '§2.7',
        at('ipOffices'),
        [
            `The service can take up to ${START_MINUTES} minutes to start; the page says *System is currently unavailable - please wait* until then (Task Manager's PF Usage reaching about 2.3 GB is another sign).`,
            `On ${code(section.node)}, browse to ${code(`http://127.0.0.1:${HTTPS_PORT}/onexportal-admin.html`)} (as the guide prints it; port ${HTTPS_PORT} is the HTTPS port, so use ${code(`https://127.0.0.1:${HTTPS_PORT}/onexportal-admin.html`)} if the first does not load). Check that the version shown is 9.1, log in as ${code('Administrator')} / ${code('Administrator')} and accept the licence (**Have Read & Agree**).`,
            `Enter the IP Office address(es) ${code(addresses)} and click **Check IP Office(s)**; wait for *All IP Office(s) have acceptable firmware version & licensing*.`,
            advanced
                ? `Select **Advanced Installation** and expand **Advanced Provider Options**. Keep the Mid-Layer defaults (${code('localhost')}, port ${code(8080)}, ${code('inkaba')}) and the providers' mid-layer users, then set:\n${list(providerOptions)}`
                : `Keep **Simple Installation**: the defaults fit this site (default TSPI user and password, no LDAP, embedded voicemail on the IP Office, XMPP domain ${code(s.xmppDomain)}).`,
            `Click **Configure for IP Office(s)**: the portal extracts the users and synchronises the system and personal directories${advanced ? ' (click **Next** after each step)' : ''}.`,
        ],
        'The wizard ends on the password page without errors.',
    );
}

function adminPasswordStep(): ManualStep {
    return step(
        'onex-admin-password',
        'Change the portal administrator password',
        '§2.7',
        at('node'),
        [
            `When the wizard asks, set a new password for ${code('Administrator')}. It must have at least 8 characters, characters from at least 2 of these sets (lower-case, upper-case, digits, other characters such as ${code('#')} or ${code('*')}), no adjacent repeated characters, and cannot be blank. Store it in the site's password safe.`,
            `Wait at least ${AFTER_CONFIGURATION_MINUTES} more minutes before users log in.`,
        ],
        `The administration pages accept the new password for ${code('Administrator')}.`,
    );
}

function jvmStep(s: Settings, installed: boolean): ManualStep {
    const jvm = s.jvm!;
    const key = `HKEY_LOCAL_MACHINE\\${procrunJavaPath(s.serviceName)}`;
    return step(
        'onex-jvm-tuning',
        'JVM tuning for more than 300 users',
        '§2.10',
        at('jvm'),
        [
            `${installed ? 'The configuration applies' : 'Once the installation is recorded in the manifest, the configuration applies'} the §2.10 settings under ${code(key)}: ${code('Jvm')} = ${code(jvm.path)}, ${code('JvmMs')} = ${code(jvm.initialHeapMB)}, ${code('JvmMx')} = ${code(jvm.maximumHeapMB)}, and it merges ${codes(jvm.options)} into ${code('Options')}. When something has to change it exports the key to ${code(s.section.backupFolder)} and stops ${code(s.serviceName)} first, and starts it again afterwards.`,
            `The node's ${code('.reg')} file holds ${code('Jvm')}, ${code('JvmMs')} and ${code('JvmMx')} only. ${code('Options')} is a list the installer has already filled, and importing a ${code('.reg')} value replaces a list instead of adding to it. Applying the settings without DSC: stop the service, import the ${code('.reg')} file, open ${code('Options')} in regedit (**Modify**) and add the missing entries as lines of their own, keeping the existing lines; then start the service.`,
            `Every upgrade of the portal can reset these values (§2.10 note): apply the configuration again after each upgrade (${code('Start-DscConfiguration -UseExisting -Wait -Verbose')}).`,
        ],
        `${code(`Get-ItemProperty -LiteralPath 'HKLM:\\${procrunJavaPath(s.serviceName)}'`)} shows the values above, and ${code(s.serviceName)} is running.`,
    );
}

function groupPolicySteps(s: Settings): ManualStep[] {
    const c = s.clients!;
    const steps: ManualStep[] = [];
    const clients = c.clientList.map((k) => mdText(CLIENT_LABEL[k])).join(' and ');
    const prerequisites = `Every target machine needs ${[CLIENT_PREREQUISITES.dotNet.label, CLIENT_PREREQUISITES.officePia.label, CLIENT_PREREQUISITES.vsto.label].map(mdText).join(', ')}.`;
    if (c.distribution) {
        const msi = c.distribution.msiFile !== undefined ? `${c.distribution.share}\\${c.distribution.msiFile}` : undefined;
        steps.push(
            step(
                'onex-clients-distribution',
                'Create the distribution point for the desktop clients',
                '§4.1',
                at('desktopClients', 'distribution'),
                [
                    `Log on to the publishing server as an administrator. Share the folder behind ${code(c.distribution.share)} and give the target computers${c.gpo?.scope === 'user' ? ' and users' : ''} read access (e.g. ${code('Domain Computers')}: Read).`,
                    `In the shared folder, run the administrative installation ${code(`${CLIENT_SETUP} /a`)} and choose ${code(c.distribution.share)} as its network location.`,
                    prerequisites,
                ],
                msi ? `${code(msi)} exists.` : `The share holds the MSI of the administrative installation.`,
            ),
        );
        if (c.gpo) {
            const gpo = c.gpo;
            const configuration = (gpo.scope ?? 'computer') === 'user' ? 'User Configuration' : 'Computer Configuration';
            const deployment = gpo.deployment ?? 'assign';
            steps.push(
                step(
                    'onex-clients-gpo',
                    'Create the Group Policy Object',
                    '§4.2',
                    at('desktopClients', 'gpo'),
                    [
                        `In Group Policy Management (the guide describes the older Group Policy tab of Active Directory Users and Computers), create a GPO named ${code(gpo.name)} linked to the domain.`,
                        (gpo.securityGroups ?? []).length > 0
                            ? `On its **Security** tab (Delegation › Advanced), allow **Apply Group Policy** only for ${codes(gpo.securityGroups ?? [])}.`
                            : 'On its **Security** tab, allow **Apply Group Policy** only for the groups that should get the clients.',
                    ],
                ),
                step(
                    deployment === 'assign' ? 'onex-clients-assign' : 'onex-clients-publish',
                    deployment === 'assign' ? 'Assign the desktop clients' : 'Publish the desktop clients',
                    deployment === 'assign' ? '§4.3' : '§4.4',
                    at('desktopClients', 'gpo'),
                    [
                        `Edit ${code(gpo.name)}: **${configuration}** › **Software Settings** › right-click **Software Installation** › **New** › **Package**.`,
                        `In the **Open** dialog *type* the UNC path ${msi ? code(msi) : `of the MSI in ${code(c.distribution.share)}`}; do not browse to it.`,
                        deployment === 'assign'
                            ? `Choose **Assigned**. The clients (${clients}) install ${configuration === 'Computer Configuration' ? 'when the computers start' : 'when the users log on'}.`
                            : `Choose **Published**. Users install the clients (${clients}) from **Add or Remove Programs** › **Add New Programs**.`,
                    ],
                    deployment === 'assign' ? 'After a restart, a target computer lists the clients in Programs and Features.' : 'On a client computer, Add New Programs lists the package.',
                ),
                step(
                    'onex-clients-redeploy',
                    'After a portal upgrade: redeploy the desktop clients',
                    '§4.5, §4.6',
                    at('desktopClients', 'gpo'),
                    [
                        `When a new client version is put into ${code(c.distribution.share)}: edit ${code(gpo.name)}, right-click the package › **All Tasks** › **Redeploy application** › **Yes**.`,
                        'To withdraw the clients: **All Tasks** › **Remove**, then either uninstall immediately or let users keep them but prevent new installations.',
                    ],
                ),
            );
        }
    }
    steps.push(
        step(
            'onex-clients-silent',
            'Install the desktop clients silently on other machines',
            '§4.7',
            at('desktopClients'),
            [
                `${c.managed.length > 0 ? `The configurations of ${codes(c.managed)} run this command themselves. ` : ''}On any other machine, run as an administrator:`,
                code(clientCommandLine(s)),
                `${prerequisites} Do not add spaces around ${code('=')}; the clients connect with SECUREMODE=${c.secureModeValue} (port ${code(c.portNumber ?? (c.secureModeValue === 1 ? CLIENT_HTTPS_PORT : CLIENT_HTTP_PORT))}${c.portNumber === undefined ? ', inferred; the command leaves PORT_NUMBER out' : ''}).`,
            ],
        ),
    );
    return steps;
}

// ---------------------------------------------------------------------------
// Voicemail Pro server
// ---------------------------------------------------------------------------

export function voicemailSteps(s: Settings, node: { readonly name: string; readonly os: string }): ManualStep[] {
    const vm = s.voicemailPro!;
    const directories = list(VOICEMAIL_DIRECTORIES.map((d) => `${code(d.name)} → ${code(`${vm.installDir}\\${d.subfolder}`)}`));
    // WebAdministrationDsc needs WMF 5.0+, which 2012 and 2012 R2 do not include (rule onex-portal-voicemail warns where it is not supported at all).
    const wmf = webAdministrationDscSupport(node.os) === 'wmf' ? [wmfInstruction(code(node.name), mdText(node.os))] : [];
    return [
        step(
            'onex-vmpro-install',
            'Install Voicemail Pro with Web Voicemail (UMS)',
            '§2.1',
            at('voicemail', 'installDir'),
            [
                ...wmf,
                `Apply this node's configuration first: IIS must be installed and running before Voicemail Pro is installed. It installs ${codes(['Web-Server', ...vm.compatibilityFeatures])} and turns SSL off for ${code(vm.website)}.`,
                `The guide's IIS options "Enable Direct Metabase Edit" and "IIS Configuration Compatibility" are IIS 6 terms; xprc installs ${codes(vm.compatibilityFeatures)} for them (its reading, not the guide's words). If the Voicemail Pro installer still reports a missing IIS component, add it to ${code('voicemail.iisCompatibilityFeatures')}.`,
                `Install Voicemail Pro into ${code(vm.installDir)} and include the **Web Voicemail Pro (UMS)** component (the guide gives no installer details).`,
                vm.installed
                    ? `The configuration makes sure these virtual directories of ${code(vm.website)} exist (the installer leaves them out when it meets an error):\n${directories}`
                    : `Then set ${code('"installed": true')} in ${code('onexPortal.voicemail')}, run ${code('xprc build')} and apply the configuration again: it makes sure these virtual directories of ${code(vm.website)} exist (the installer leaves them out when it meets an error):\n${directories}`,
            ],
            `IIS Manager shows ${codes(VOICEMAIL_DIRECTORIES.map((d) => d.name))} under ${code(vm.website)}.`,
        ),
    ];
}

// ---------------------------------------------------------------------------
// Exchange server
// ---------------------------------------------------------------------------

/** The Exchange steps: on the Exchange node's runbook, or (target 'portal') on the portal's when Exchange is not a node. */
export function exchangeSteps(site: Site, s: Settings, target: 'exchange' | 'portal'): ManualStep[] {
    const ex = s.exchange!;
    const where = target === 'portal' ? 'On the Exchange server, ' : '';
    const accountText = ex.account !== undefined ? `${account(site, ex.account)}` : `the account ${code(EXCHANGE_ACCOUNT)}`;
    const steps: ManualStep[] = [];
    if (target === 'portal') {
        steps.push(
            step(
                'onex-exchange-digest',
                'Enable Digest authentication for EWS on the Exchange server',
                '§3.1',
                at('exchange'),
                [
                    `On the Exchange server, add the IIS role service **Digest Authentication** (${code(DIGEST_FEATURE)}): Server Manager › Add Roles and Features › Web Server (IIS) › Web Server › Security (Windows Server 2008/2008 R2: Roles › Web Server (IIS) › Add Role Services).`,
                    `In IIS Manager, select ${code(ex.ewsLocation)} › **Authentication**: **Disable** Anonymous Authentication and **Enable** Digest Authentication.`,
                ],
                `${code(ex.ewsLocation)} lists Anonymous Authentication Disabled and Digest Authentication Enabled.`,
            ),
        );
    }
    steps.push(
        step(
            'onex-exchange-mailbox',
            `Create the ${EXCHANGE_ACCOUNT} mailbox`,
            '§3.2',
            ex.account !== undefined ? at('exchange', 'account') : at('exchange'),
            [
                `${where}In the Exchange management console, right-click **Mailbox** › **New Mailbox** › **User Mailbox** › **New User**, and create ${accountText} with the user logon name ${code(EXCHANGE_ACCOUNT)}: the impersonation script works only for that name. Set the mailbox settings and alias, then **New** and **Finish**.`,
            ],
            `The mailbox ${code(EXCHANGE_ACCOUNT)} exists.`,
        ),
        step(
            'onex-exchange-account',
            `Keep the ${EXCHANGE_ACCOUNT} password from expiring`,
            '§3.3',
            ex.account !== undefined ? at('exchange', 'account') : at('exchange'),
            [
                `In Active Directory Users and Computers › **Users**, open ${code(EXCHANGE_ACCOUNT)} › **Account** tab: tick **Password never expires** and clear **User must change password at next login**.`,
            ],
        ),
        step(
            'onex-exchange-impersonation',
            `Grant ${EXCHANGE_ACCOUNT} the impersonation rights`,
            '§3.4',
            at('exchange'),
            [
                `Save the script from the portal (**Configuration** › **Exchange Service** › **Download Powershell script**) ${target === 'portal' ? 'on the Exchange server ' : ''}as ${code(EXCHANGE_SCRIPT)}: it cannot run from elsewhere, such as the desktop.`,
                `${where}${target === 'portal' ? 'run' : 'Run'} ${code(`powershell -noexit ${EXCHANGE_SCRIPT}`)} (the guide writes the drive as a placeholder followed by a stray space).`,
            ],
            `The script prints *Permissions for mailbox ${EXCHANGE_ACCOUNT} updated successfully* (not *Create mailbox ${EXCHANGE_ACCOUNT} and run this script again*).`,
        ),
    );
    return steps;
}

// ---------------------------------------------------------------------------
// Managed desktop-client machines
// ---------------------------------------------------------------------------

export function clientSteps(site: Site, s: Settings): ManualStep[] {
    const c = s.clients!;
    const portal = c.portalServer ?? hostName(site, s.section.node);
    return [
        step(
            'onex-clients-check',
            'Check the desktop clients',
            '§4, §4.7',
            at('desktopClients', 'managedNodes'),
            [
                `The configuration checks the prerequisites (${[CLIENT_PREREQUISITES.dotNet.label, CLIENT_PREREQUISITES.officePia.label, CLIENT_PREREQUISITES.vsto.label].map(mdText).join(', ')}) and waits until they are present (its error lists the missing ones); install those first, the guide does not name their installers.`,
                `It then runs ${code(clientCommandLine(s))} from ${code(c.installer ?? '')}${c.installCredential ? ` as ${account(site, c.installCredential.credential)}` : ' as LocalSystem (the computer account needs read access to it)'}.`,
            ],
            `A user who logs on finds ${c.clientList.map((k) => mdText(CLIENT_LABEL[k])).join(' and ')} connecting to ${code(portal)}.`,
        ),
    ];
}

