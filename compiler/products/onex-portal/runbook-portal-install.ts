/**
 * The one-X Portal server steps of the guide's §2.6–§2.10: running the
 * installer, the initial configuration wizard, the administrator password
 * and the JVM tuning. Separate from runbook-portal.ts (which orders them)
 * because each of them computes its own wording from the settings.
 */

import { mdText } from '../../emit/markdown.js';
import type { ManualStep } from '../../ir/types.js';
import type { Site } from '../../manifest/types.generated.js';
import {
    AFTER_CONFIGURATION_MINUTES,
    CAPACITY_LABEL,
    DEFAULT_SERVICE_NAME,
    HTTPS_PORT,
    MEMORY_FOR_750_OPTION_GB,
    START_MINUTES,
    procrunJavaPath,
} from './data.js';
import { at, findNode, ipv4Addresses, type Settings } from './model.js';
import { step, code, list, codes, account, advancedInstallation } from './runbook-steps.js';

export function installStep(s: Settings, installed: boolean): ManualStep {
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

export function initialConfigurationStep(site: Site, s: Settings): ManualStep {
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

export function adminPasswordStep(): ManualStep {
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

export function jvmStep(s: Settings, installed: boolean): ManualStep {
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
