/**
 * XPR runbook, after setup: applying the configuration again, time zone
 * support, hotfixes, the APLs, the report APL, the password policy, smart
 * backup, the restart for satellites and the service account password change
 * (Cluster Installation guide §5; Upgrade guide §2.10–§2.12). Separate because
 * these steps follow the Wrapper and most of them apply to satellites too.
 */

import type { Xpr } from '../../manifest/types.generated.js';
import {
    COMPONENTS,
    KERNEL_SERVICES,
    PASSWORD_POLICY_DEFAULTS,
    SATELLITE_SERVICES,
    install,
    upgrade,
    type ComponentId,
} from './data.js';
import { hostComponents, kernelHostName, nodeIpv4s, siteNode, xprHosts } from './model.js';
import { c, t, type Context, type Step } from './runbook-context.js';

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

export function applyAgain({ xpr, host, serviceUser }: Context): Step {
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

export function timeZoneSupport({ xpr }: Context): Step | undefined {
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

export function hotfixes({ xpr, host }: Context): Step | undefined {
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

export function configureApls(ctx: Context): Step | undefined {
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

export function faxG3PostDial({ host }: Context): Step | undefined {
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

export function reportApl({ host }: Context): Step[] {
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

export function passwordPolicy({ xpr }: Context): Step | undefined {
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

export function smartBackup({ xpr }: Context): Step | undefined {
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

export function passwordChange({ xpr, host, serviceUser, credentialName }: Context): Step {
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

export function restartForSatellites({ xpr, host }: Context): Step | undefined {
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
