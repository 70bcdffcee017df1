/**
 * OfficeStatus runbook steps, in the guide's order. The server installer is
 * an interactive wizard without documented switches or answer file (§4.2),
 * so its dialog values are written out here from the manifest; so are the
 * work on other systems (SQL Server, Active Directory, Group Policy) and the
 * checks after installing. Every manifest value goes through mdCode/mdText.
 */

import type { ResolvedNode, ResolvedSite } from '../../frontend/resolve.js';
import { mdCode, mdText } from '../../emit/markdown.js';
import type { ManualStep } from '../../ir/types.js';
import { webAdministrationDscSupport, wmfInstruction } from '../../dsc/platforms.js';
import type { OfficeStatus, OfficeStatusClientGroup } from '../../manifest/types.generated.js';
import {
    BUNDLED_ENGINE,
    CLIENT_INI,
    DATABASE_NAME,
    FEATURES_ON_DEMAND_OS,
    guide,
    PACKAGE_LABEL,
    SERVER_FEATURES,
    TITLE,
} from './data.js';
import {
    clientGroups,
    engineLabel,
    installArguments,
    isDomainAccount,
    isExisting,
    majorMinor,
    packageOf,
    SECTION,
    serviceUrl,
    shareUnc,
    sqlInstance,
    usesWebSiteResource,
    type PackageKind,
} from './model.js';

function step(id: string, title: string, sections: string, pointer: string, instructions: readonly string[], verify?: string): ManualStep {
    return { id, section: TITLE, title, instructions, ...(verify ? { verify } : {}), guide: guide(sections), source: { pointer } };
}

const code = mdCode;

/** The account name of a credential reference (the accounts rule guarantees it for lowering). */
function userName(site: ResolvedSite, reference: string): string {
    return site.site.credentials?.[reference]?.userName ?? reference;
}

function sqlcmdAuth(section: OfficeStatus, site: ResolvedSite): string {
    const database = section.server.database;
    if (isExisting(database) && database.setupAuthentication === 'sql' && database.setupLogin) {
        return `-U ${userName(site, database.setupLogin.credential)}`;
    }
    return '-E';
}

// ---------------------------------------------------------------------------
// Server node
// ---------------------------------------------------------------------------

export function serverSteps(site: ResolvedSite, section: OfficeStatus, node: ResolvedNode): ManualStep[] {
    const server = section.server;
    const website = server.website;
    const database = server.database;
    const url = serviceUrl(website);
    const account = userName(site, server.serviceAccount.account.credential);
    const domainAccount = isDomainAccount(account, server.node);
    const steps: ManualStep[] = [];

    // §4.1: prerequisites, reboot, backup.
    const prerequisites = [
        `Back up the server before you start; the guide strongly recommends a backup of production systems before significant software changes (§4.1).`,
        `Apply this node's configuration first. It installs IIS (${code(SERVER_FEATURES.webServer.name)}) with ASP.NET (${code(SERVER_FEATURES.aspNet.name)}) and .NET Framework 3.5 (${code(SERVER_FEATURES.dotNet35.name)}), and restarts the server when a prerequisite asks for it (§2.1, §2.3, §4.1). Windows Installer 3.1 or later is part of Windows already. Without .NET 3.5 the installer would try to download it, which needs Internet access (§4.1).`,
    ];
    if (FEATURES_ON_DEMAND_OS.includes(node.os)) {
        prerequisites.push(
            `On ${mdText(node.os)}, ${code(SERVER_FEATURES.dotNet35.name)} is installed from Windows Update or from the installation media (${code('sources\\sxs')}); if the server has neither, make one available before applying the configuration (not in the guide).`,
        );
    }
    // WebAdministrationDsc (the WebSite resource) needs WMF 5.0 or later (its README); rule officestatus-platform warns where it is not supported.
    if (usesWebSiteResource(website) && webAdministrationDscSupport(node.os) !== 'included') {
        prerequisites.push(
            webAdministrationDscSupport(node.os) === 'wmf'
                ? wmfInstruction(code(node.name), mdText(node.os))
                : `${code(node.name)} runs ${mdText(node.os)}, which WebAdministrationDsc does not list among its supported systems; its WebSite resource creates ${code(website.name)}. Install Windows Management Framework 5.1 (it needs .NET Framework 4.5 or later) before applying the configuration, and if the website is still not created, create it in IIS Manager and set ${code('"create": false')}.`,
        );
    }
    steps.push(
        step(
            'officestatus-prerequisites',
            'Prepare the OfficeStatus server',
            '§2.1, §2.3, §4.1',
            `${SECTION}/server/node`,
            prerequisites,
            `${code(`Get-WindowsFeature -Name ${SERVER_FEATURES.webServer.name}, ${SERVER_FEATURES.aspNet.name}, ${SERVER_FEATURES.dotNet35.name}`)} shows all three as Installed.`,
        ),
    );

    // §2.4, §4.2.4: SQL Server access for the installer (another system).
    if (isExisting(database)) {
        const instance = sqlInstance(database);
        const lines = [
            `For the administrator of the SQL Server instance ${code(instance)} (${mdText(engineLabel(database))}).`,
            database.setupAuthentication === 'sql' && database.setupLogin
                ? `The installer logs in with the SQL Server login ${code(userName(site, database.setupLogin.credential))} (credential ${code(database.setupLogin.credential)}): it must be a member of the ${code('sysadmin')} server role, and the instance must use mixed mode authentication (§4.2.4, Tip 2).`
                : `The installer logs in with Windows Integrated authentication: the Windows account that runs the installer on ${code(server.node)} must be a member of the ${code('sysadmin')} server role of the instance (§4.2.4).`,
            database.server === '(local)'
                ? `The instance runs on ${code(server.node)} itself (§2.4).`
                : `${code(server.node)} must reach ${code(database.server)} over the network (§2.4). The wizard's drop-down list only finds instances whose SQL Server Browser service runs, so type the instance name in (§4.2.4, footnote 1).`,
            `Do not create the ${code(DATABASE_NAME)} database or its login in advance: the installer creates the database, a login for ${code(account)} and makes that login the database owner (§4.2.4).`,
        ];
        steps.push(
            step(
                'officestatus-database-access',
                'Give the installer sysadmin access to SQL Server',
                '§2.4, §4.2.4',
                `${SECTION}/server/database`,
                lines,
                `Run as the installing account on ${code(server.node)}: ${code(`sqlcmd -S ${instance} ${sqlcmdAuth(section, site)} -Q "SELECT IS_SRVROLEMEMBER('sysadmin')"`)} prints 1.`,
            ),
        );
    }

    // §4.2.3: an existing account must exist before the wizard validates it.
    if (server.serviceAccount.create === false) {
        steps.push(
            step(
                'officestatus-service-account',
                'Provide the existing OfficeStatus Windows account',
                '§4.2.3',
                `${SECTION}/server/serviceAccount`,
                [
                    domainAccount
                        ? `For the Active Directory administrators: the domain account ${code(account)} must exist before the installer runs; the installer validates it and grants it the rights OfficeStatus needs (§4.2.3).`
                        : `The local account ${code(account)} must exist on ${code(server.node)} before the installer runs; the installer validates it and grants it the rights OfficeStatus needs (§4.2.3).`,
                    `Running OfficeStatus as an existing account is an advanced option: limit the account's rights and privileges to what OfficeStatus needs (§4.2.3). It becomes the website's anonymous user, the logon of the OfficeStatus Maintenance service and the owner of the ${code(DATABASE_NAME)} database.`,
                ],
            ),
        );
    }

    // §4.2.1–§4.2.6: the wizard, page by page.
    const sitePage =
        website.create === true
            ? `select ${code(website.name)}, the website this node's configuration created; do not use the "Create new website" link`
            : `select ${code(website.name)}`;
    const placement =
        (website.placement ?? 'virtualDirectory') === 'root'
            ? website.create === true
                ? 'install into the website root (the installer reconfigures the site for its own use; the configuration created the site once and leaves its path and bindings to the installer from then on)'
                : 'install into the website root'
            : `install into a new virtual directory ${code(website.virtualDirectory ?? '')}`;
    const accountPage = `${server.serviceAccount.create === false ? 'select the existing account' : 'create a new account'} ${code(account)} (${
        domainAccount ? 'domain account' : `local account on ${code(server.node)}`
    }); its password is the one stored for credential ${code(server.serviceAccount.account.credential)}${
        server.serviceAccount.create !== false && domainAccount ? '. Creating a domain account needs an installing account that may create users in the domain (not in the guide)' : ''
    }`;
    const databasePage = isExisting(database)
        ? `type ${code(sqlInstance(database))}; authentication ${
              database.setupAuthentication === 'sql' && database.setupLogin
                  ? `SQL Server, login ${code(userName(site, database.setupLogin.credential))} with the password stored for credential ${code(database.setupLogin.credential)}`
                  : 'Windows Integrated'
          }`
        : `keep the preset ${code(sqlInstance(database))}`;
    const adminPage = `user name ${code(userName(site, server.admin.account.credential))}, first name ${code(server.admin.firstName)}, last name ${code(server.admin.lastName)}, password as stored for credential ${code(server.admin.account.credential)}`;
    const wizard = [
        `- **License agreement** (§4.2.1): accept it.`,
        `- **Installation path** (§4.2.1): ${server.installPath !== undefined ? code(server.installPath) : 'keep the default below Program Files'}.`,
        `- **SQL Server Express** (§2.4, §4.2.4): ${isExisting(database) ? 'do not install the bundled instance' : `install the bundled ${mdText(BUNDLED_ENGINE)} named instance`}.`,
        `- **Selecting a Website** (§4.2.2): ${sitePage}; ${placement}.`,
        `- **Establishing a Windows Account** (§4.2.3): ${accountPage}.`,
        `- **Installing the Database** (§4.2.4): ${databasePage}.`,
        `- **Creating an OfficeStatus Admin Account** (§4.2.5): ${adminPage}.`,
        `- **SMTP server** (§4.2.5): ${server.smtpServer !== undefined ? code(server.smtpServer) : 'leave it empty (it can be set later in the web interface)'}.`,
        `- **Review Installation Options** (§4.2.6): compare with this list, then click Finish.`,
    ].join('\n');
    steps.push(
        step(
            'officestatus-server-install',
            'Run the OfficeStatus Server installer',
            '§4.2.1–§4.2.6, §4.3',
            `${SECTION}/server/installer`,
            [
                `Log on to ${code(server.node)} as a Windows administrator (§4.3) and run ${code(server.installer)}. The guide documents no unattended installation of the server, so enter these values in the wizard:`,
                wizard,
                `If the installation fails, ${code('install.log')} in the root of the installation path has the details (§4.3).`,
            ],
            `The services console lists the OfficeStatus Maintenance service running as ${code(account)} (the guide gives no service name).`,
        ),
    );

    // §4.2.7, §5.3, §6.1: check the result, record the address.
    const owner = `sqlcmd -S ${sqlInstance(database)} ${sqlcmdAuth(section, site)} -Q "SELECT SUSER_SNAME(owner_sid) FROM sys.databases WHERE name = N'${DATABASE_NAME}'"`;
    const version = majorMinor(server.version);
    const after = [
        `Open ${code(url)} in a browser and sign in as ${code(userName(site, server.admin.account.credential))} (§4.2.7). Mobile devices are redirected to ${code(`${url}mobile/`)} (§3.2).`,
        `The database ${code(DATABASE_NAME)} now belongs to the login of ${code(account)}: ${code(owner)} prints ${code(account)} (§4.2.3, §4.2.4).`,
        section.distribution
            ? `The service address for clients is ${code(url)}. This manifest writes it into ${code(CLIENT_INI.file)} on ${code(shareUnc(section.distribution))}; the ${code(CLIENT_INI.file)} the installer leaves in the folder it was started from is not needed (§5.3).`
            : `Note the service address ${code(url)}: Windows Clients ask for it at their first start (§4.2.7, §5.4).`,
    ];
    steps.push(
        step(
            'officestatus-server-verify',
            'Check the web interface and the database',
            '§3.2, §4.2.7, §6.1',
            `${SECTION}/server/website`,
            after,
            `*Administration | Help | About OfficeStatus* in the web interface shows service version ${code(`${version.major}.${version.minor}`)} (§6.1).`,
        ),
    );

    steps.push(
        step(
            'officestatus-upgrades',
            'Upgrading OfficeStatus later',
            '§6.1–§6.3',
            `${SECTION}/server/version`,
            [
                `When the major or minor version changes, upgrade OfficeStatus Server first and the Windows Clients after it: a client newer than the server cannot communicate (§6.1). xprc rejects client groups newer than ${code(server.version)}.`,
                `Back up the ${code(DATABASE_NAME)} database and the server, then run the new server installer on ${code(server.node)}; it may upgrade the database schema and data (§6.2).`,
            ],
        ),
    );
    return steps;
}

// ---------------------------------------------------------------------------
// Distribution node
// ---------------------------------------------------------------------------

export function distributionSteps(section: OfficeStatus): ManualStep[] {
    const distribution = section.distribution;
    if (!distribution) {
        return [];
    }
    const unc = shareUnc(distribution);
    const used = new Set<PackageKind>(clientGroups(section).map(({ group }) => group.package));
    const packages = (['exe', 'msiX86', 'msiX64'] as const).flatMap((kind) => {
        const pkg = section.clientPackages?.[kind];
        if (!pkg || !used.has(kind)) {
            return [];
        }
        const how = pkg.source !== undefined ? `this configuration copies it from ${code(pkg.source)}, so put it there` : `copy it into ${code(distribution.path)}`;
        return [`- ${code(pkg.file)}, the ${PACKAGE_LABEL[kind]} with product code ${code(pkg.productCode)}: ${how}.`];
    });
    const steps: ManualStep[] = [];
    if (packages.length > 0) {
        steps.push(
            step(
                'officestatus-client-media',
                'Put the OfficeStatus client packages on the share',
                '§5.2, §5.3, §5.5',
                `${SECTION}/clientPackages`,
                [
                    `Download the client packages from the OfficeStatus website (§5.5) and check each one's product code against the manifest:`,
                    packages.join('\n'),
                    `They must sit next to ${code(CLIENT_INI.file)}, which this configuration writes into ${code(distribution.path)} with ${code(`${CLIENT_INI.key}=${serviceUrl(section.server.website)}`)}; the installers read it from the folder they are started from (§5.3).`,
                    `Machine installs (this manifest's client nodes and Group Policy) read the share as the computer account. The configuration sets the share permissions; the folder's NTFS permissions must let the same accounts read it too (the configuration leaves them as they are).`,
                ],
                `${code(`Get-ChildItem -Path ${unc}`)} lists ${code(CLIENT_INI.file)} and the packages.`,
            ),
        );
    }
    for (const { group, pointer } of clientGroups(section)) {
        const gpo = group.targets.gpo;
        const pkg = packageOf(section, group);
        if (!gpo || !pkg) {
            continue;
        }
        const lines = [
            `For the Active Directory administrators, on a domain controller (Microsoft KB 816102; §5.5):`,
            [
                `1. Make sure .NET Framework 2.0 SP2 or later is installed on the target computers before the GPO applies: the MSI does not install it (§5.5). The manifest confirms it for this group.`,
                `2. Create the Group Policy object ${code(gpo.name)}${gpo.linkedTo !== undefined ? ` and link it to ${code(gpo.linkedTo)}` : ' and link it to the OUs of the target computers'}.`,
                `3. In Computer Configuration → Policies → Software Settings → Software installation, add the package by its network path ${code(`${unc}\\${pkg.file}`)} (never a local path) and choose *Assigned*.`,
                ...(group.installFolder !== undefined
                    ? [
                          `4. The guide says the command-line switches also apply to Group Policy installs (§5.5), but Group Policy passes no properties to a package; it applies transforms. To install into ${code(group.installFolder)}, create a transform (.mst) that sets ${code(`APPDIR=${group.installFolder}`)} and add it on the package's *Modifications* tab.`,
                      ]
                    : []),
            ].join('\n'),
            group.package === 'msiX64'
                ? `Group Policy installs the 64-bit build only on 64-bit Windows; the 32-bit build runs on both and suits a mixed estate (§5.5).`
                : `The 32-bit build is supported on 32-bit and 64-bit Windows (§5.5).`,
        ];
        steps.push(
            step(
                `officestatus-gpo-${group.name}`,
                `Assign the OfficeStatus client to group ${group.name} by Group Policy`,
                '§5.5',
                `${pointer}/targets/gpo`,
                lines,
                `After a restart, a target computer lists OfficeStatus in *Programs and Features* and ${code('gpresult /r /scope computer')} shows ${code(gpo.name)}.`,
            ),
        );
    }
    return steps;
}

// ---------------------------------------------------------------------------
// Client node
// ---------------------------------------------------------------------------

/** The client step; the .NET gate (`[xScript]OfficeStatus_ClientDotNet`) names it. */
export const CLIENT_STEP = { id: 'officestatus-client', title: 'OfficeStatus Windows Client' } as const;

export function clientSteps(section: OfficeStatus, group: OfficeStatusClientGroup, pointer: string): ManualStep[] {
    const pkg = packageOf(section, group);
    const distribution = section.distribution;
    if (!pkg || !distribution) {
        return [];
    }
    const packagePath = `${shareUnc(distribution)}\\${pkg.file}`;
    const command = group.package === 'exe' ? `${packagePath} ${installArguments(group, packagePath)}` : `msiexec.exe ${installArguments(group, packagePath)}`;
    const version = majorMinor(group.version);
    const steps = [
        step(
            CLIENT_STEP.id,
            CLIENT_STEP.title,
            '§5.2–§5.4, §6.3',
            pointer,
            [
                `Install .NET Framework 2.0 SP2 or later on this machine first (on Windows 7, turn on *Microsoft .NET Framework 3.5.1* in *Windows Features*; on XP and Vista, Microsoft's .NET Framework 3.5 SP1 setup): without it even the silent installer can stop at Microsoft's licence prompt (§5.2), and the MSI builds do not install it (§5.5). Until then ${code('[xScript]OfficeStatus_ClientDotNet')} reports that it waits for this step, and the client is not installed.`,
                `This node's configuration installs the client of group ${code(group.name)} silently: ${code(command)} (§5.2, §5.5). Apply the configuration of ${code(distribution.node)} first, so that ${code(CLIENT_INI.file)} is on the share when the client installs from it (§5.3).`,
                `At the first start each user enters their OfficeStatus user name and password (created in the web interface); the service address is pre-filled with ${code(serviceUrl(section.server.website))} (§5.3, §5.4). The client starts from the Startup group at logon (§5.4).`,
                `The configuration installs as SYSTEM. On the first machine, check as a normal user that the client starts from the Startup group; the guide does not say whether the package installs for all users (not in the guide).`,
                `For a later upgrade (new version and product code in the manifest), users close the running client first; the new installer removes the previous version itself (§6.3).`,
            ],
            `*Help | About* in the client shows service version ${code(`${version.major}.${version.minor}`)} (§6.1).`,
        ),
    ];
    if (group.telephony === true) {
        steps.push(
            step(
                'officestatus-client-telephony',
                'OfficeStatus telephony integration',
                '§7.2',
                `${pointer}`,
                [
                    `Install and configure the telephony provider's TSP (TAPI Service Provider) driver on this machine; the client supports TAPI 1.3 to 2.3 (§7.2).`,
                    `The telephone system must support call answer detection (§7.2). Users then choose which call events change their status in the client.`,
                ],
            ),
        );
    }
    return steps;
}
