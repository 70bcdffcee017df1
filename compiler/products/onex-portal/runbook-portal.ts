/**
 * The one-X Portal runbook steps of the portal server, in the guide's order
 * (IP Office Manager, the Voicemail Pro and network checks, the IP Office
 * settings and licences, installation, the web wizard, JVM, the test user,
 * then Group Policy for the desktop clients). Separate from runbook.ts because it
 * is the longest sequence; its larger single steps are in
 * runbook-portal-install.ts and runbook-group-policy.ts.
 */

import { mdText } from '../../emit/markdown.js';
import type { ManualStep } from '../../ir/types.js';
import type { Site } from '../../manifest/types.generated.js';
import {
    DEFAULT_TSPI_PASSWORD,
    EXCHANGE_NOTIFICATION_PORT,
    FIXED_PORTS,
    HTTPS_PORT,
    MOBILITY_PORT,
    USER_PROFILES,
    XMPP_CLIENT_PORT,
    XMPP_DOMAIN_UPGRADES,
    XMPP_FEDERATION_PORT,
} from './data.js';
import { at, findNode, hostName, ipv4Addresses, type Settings } from './model.js';
import { exchangeSteps } from './runbook-exchange.js';
import { groupPolicySteps } from './runbook-group-policy.js';
import { installStep, initialConfigurationStep, adminPasswordStep, jvmStep } from './runbook-portal-install.js';
import { step, code, list, codes } from './runbook-steps.js';

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
