/**
 * OX Updater → IR, per node. Nothing here configures the OX server: it is
 * not a Windows machine (a package system administered elsewhere), so its
 * preconditions (§1.1, §1.3) are runbook items addressed to its
 * administrator, on the runbook node. Desktops that are nodes get:
 *
 * - for `install`: `package`, the OX Updater MSI as an MsiPackage resource
 *   (idempotent by product code; path and code come from the manifest, the
 *   guide has neither). Only the Updater: it installs and updates the
 *   OXtender itself from the server's package list, compared with the Windows
 *   Installer database (§1.5), so a second deployment path for the OXtender
 *   MSI would compete with it;
 * - a runbook step for what stays with the user: confirming the OXtender
 *   download and entering their OX credentials (§1.1, §1.5).
 */

import type { ResolvedNode, ResolvedSite } from '../../frontend/resolve.js';
import { mdCode, mdText } from '../../emit/markdown.js';
import { psIdentifier, psString } from '../../emit/ps/quote.js';
import type { DirectoryResource, FileResource, ManualStep, MsiPackageResource, Resource, SmbShareResource } from '../../ir/types.js';
import type { OxClientGroup, OxUpdater } from '../../manifest/types.generated.js';
import type { ProductNodeOutput } from '../product.js';
import {
    CONNECTOR_NAME,
    guide,
    MAIL_FILTER_PACKAGE,
    MAIL_FILTER_PROPERTY,
    OXPEDIA,
    PASSWORD_CHANGE_OPTION,
    PASSWORD_CHANGE_SERVLET,
    PERSONAL_DATA_FILE,
    PERSONAL_DATA_SETTING,
    PLUGINS,
    PST_FOLDER,
    PST_FROM_VERSION,
    TITLE,
    WEB_UI_PATH,
    type Plugin,
} from './data.js';
import { clientGroups, compareVersions, installsPackage, normaliseGuid, sameNode, SECTION, updaterShare } from './model.js';

const code = mdCode;

function step(id: string, title: string, sections: string, pointer: string, instructions: readonly string[], verify?: string): ManualStep {
    return { id, section: TITLE, title, instructions, ...(verify ? { verify } : {}), guide: guide(sections), source: { pointer } };
}

export function lowerOxUpdater(site: ResolvedSite, node: ResolvedNode): ProductNodeOutput | undefined {
    const section = site.site.oxUpdater;
    if (!section) {
        return undefined;
    }
    const resources: Resource[] = [];
    const manualSteps: ManualStep[] = [];
    const roles: string[] = [];
    if (sameNode(section.runbookNode, node.name)) {
        manualSteps.push(...siteSteps(section));
        roles.push('ox-updater-runbook');
    }
    const share = updaterShare(section);
    if (share && sameNode(share.node, node.name)) {
        resources.push(...shareResources(section, share));
        manualSteps.push(shareStep(section, share));
        roles.push('ox-updater-share');
    }
    for (const { group, pointer } of clientGroups(section)) {
        const j = (group.targets.nodes ?? []).findIndex((name) => sameNode(name, node.name));
        if (j < 0) {
            continue;
        }
        const where = `${pointer}/targets/nodes/${j}`;
        if (installsPackage(group) && section.updaterPackage) {
            resources.push(updaterPackage(section, where));
        }
        manualSteps.push(clientStep(section, group, where));
        roles.push('oxtender-client');
    }
    return roles.length === 0 ? undefined : { resources, manualSteps, roles };
}

/** The Updater MSI; the id follows the baseline's package scheme, so the same package declared in a baseline is kept once. */
function updaterPackage(section: OxUpdater, pointer: string): MsiPackageResource {
    const pkg = section.updaterPackage;
    if (!pkg) {
        throw new Error('Internal error: updaterPackage missing in lowering');
    }
    return {
        kind: 'MsiPackage',
        id: psIdentifier(`Package_${pkg.name}`),
        dependsOn: [],
        source: { pointer },
        guide: guide('§1.1, §1.5'),
        name: pkg.name,
        productId: normaliseGuid(pkg.productCode),
        path: pkg.path,
        ensure: 'Present',
        // Run as SYSTEM, a per-user install would land in SYSTEM's profile; the manifest says whether the MSI supports per machine.
        ...(pkg.allUsers === true ? { arguments: 'ALLUSERS=1' } : {}),
    };
}

type Share = NonNullable<ReturnType<typeof updaterShare>>;

/**
 * The file server's part (xprc's extension of §1.1's download): the folder,
 * the share that `path` names with read access for the computer accounts
 * that install the MSI, and the MSI copied into it when the manifest says
 * where the download is kept. Ids follow the baseline's scheme.
 */
function shareResources(section: OxUpdater, share: Share): Resource[] {
    const pointer = `${SECTION}/updaterPackage/share`;
    const root: DirectoryResource = {
        kind: 'Directory',
        id: psIdentifier(`Folder_${share.folder}`),
        dependsOn: [],
        source: { pointer: `${pointer}/folder` },
        guide: guide('§1.1'),
        path: share.folder,
        ensure: 'Present',
    };
    const smb: SmbShareResource = {
        kind: 'SmbShare',
        id: psIdentifier(`Share_${share.share}`),
        dependsOn: [root.id],
        source: { pointer: `${SECTION}/updaterPackage/path` },
        guide: guide('§1.1'),
        name: share.share,
        path: share.folder,
        ensure: 'Present',
        description: `${section.updaterPackage?.name ?? 'OX Updater'} MSI for machine installs`,
        fullAccess: [],
        changeAccess: [],
        readAccess: [...share.readAccess].sort(),
    };
    // The MSI may sit in a subfolder of the share (`\\FS01\Software\OX\…`): that folder is made first.
    const slash = share.file.lastIndexOf('\\');
    const parent: DirectoryResource[] =
        share.source === undefined || slash < 0
            ? []
            : [{ ...root, id: psIdentifier(`Folder_${share.folder}\\${share.file.slice(0, slash)}`), dependsOn: [root.id], path: `${share.folder}\\${share.file.slice(0, slash)}` }];
    const copy: FileResource[] =
        share.source === undefined
            ? []
            : [
                  {
                      kind: 'File',
                      id: psIdentifier(`File_${share.folder}\\${share.file}`),
                      dependsOn: [(parent[0] ?? root).id],
                      source: { pointer: `${pointer}/source` },
                      guide: guide('§1.1'),
                      path: `${share.folder}\\${share.file}`,
                      ensure: 'Present',
                      sourcePath: share.source,
                  },
              ];
    return [root, ...parent, smb, ...copy];
}

function shareStep(section: OxUpdater, share: Share): ManualStep {
    const pkg = section.updaterPackage!;
    const local = `${share.folder}\\${share.file}`;
    return step(
        'ox-updater-share',
        'Stage the OX Updater MSI on the share',
        '§1.1',
        `${SECTION}/updaterPackage/share`,
        [
            `This node's configuration creates ${code(share.folder)}, shares it as ${code(share.share)} with read access for ${share.readAccess.map((a) => code(a)).join(', ')}, ${
                share.source !== undefined ? `and copies ${code(share.source)} to ${code(local)}.` : `and expects the MSI at ${code(local)}: copy the downloaded ${mdText(pkg.name)} MSI there (the guide documents only the download from the web interface, §1.1).`
            }`,
            `Share permissions are not enough: the computer accounts also need NTFS read on ${code(share.folder)} (${code('Domain Computers')} or ${code('Authenticated Users')}: Read and execute). Check with ${code(`(Get-Acl -LiteralPath ${psString(share.folder)}).Access`)}.`,
        ],
        `${code(`Test-Path -LiteralPath ${psString(pkg.path)}`)}, run as a client computer (for example with ${code('psexec -s')}), is True.`,
    );
}

function pluginNames(group: OxClientGroup): string {
    const enabled = PLUGINS.filter((p) => (group.plugins ?? []).includes(p.id)).map((p) => p.name.toLowerCase());
    return enabled.length === 0 ? 'none' : enabled.join(', ');
}

function clientStep(section: OxUpdater, group: OxClientGroup, pointer: string): ManualStep {
    const connector = CONNECTOR_NAME[section.oxtender.connector];
    const updater = installsPackage(group) && section.updaterPackage
        ? `This node's configuration installs the OX Updater (${code(section.updaterPackage.name)}) from ${code(section.updaterPackage.path)}${
              section.updaterPackage.allUsers === true
                  ? ` per machine (${code('ALLUSERS=1')}).`
                  : `. DSC runs it as SYSTEM: if the MSI installs per user (its ${code('ALLUSERS')} property empty), it lands in SYSTEM's profile and no user sees it. Check the package's ${code('ALLUSERS')} property (not in the guide); if it supports a per-machine install, set ${code('"allUsers": true')} in ${code('updaterPackage')} so the configuration passes ${code('ALLUSERS=1')}.`
          }`
        : `The user logs in to ${code(section.server.url)}, chooses ${mdText(WEB_UI_PATH)}, runs the downloaded file and follows the instructions; this installs the OX Updater (§1.1).`;
    return step(
        'ox-client',
        'OX Updater and OXtender on this machine',
        '§1.1, §1.5',
        pointer,
        [
            updater,
            `The Updater then announces the OXtender (${mdText(connector)} ${code(section.oxtender.version)}) with a balloon tip. The user confirms the download, clicks Next and enters their Open-Xchange credentials; the installation then starts by itself (§1.1, §1.5). This cannot be automated from the guide: the credentials are the user's.`,
            `Client group ${code(group.name)}: Outlook ${code(group.outlook)}; plug-ins: ${mdText(pluginNames(group))} (their server preconditions are in the runbook of ${code(section.runbookNode)}).`,
            ...(compareVersions(section.oxtender.version, PST_FROM_VERSION) >= 0 ? [`The OXtender keeps its PST file in ${code(PST_FOLDER)} of each user (§1.5).`] : []),
        ],
        `Outlook shows the Open-Xchange folders, and the Updater's tray icon reports no pending update (§1.5).`,
    );
}

// ---------------------------------------------------------------------------
// Runbook node: the OX server's administrator, Group Policy, profiles
// ---------------------------------------------------------------------------

/** `client group `a`` or `client groups `a`, `b``. */
function groupList(names: readonly string[]): string {
    return `client group${names.length === 1 ? '' : 's'} ${names.map((name) => code(name)).join(', ')}`;
}

function groupsUsing(section: OxUpdater, plugin: Plugin): string[] {
    return clientGroups(section)
        .filter(({ group }) => (group.plugins ?? []).includes(plugin))
        .map(({ group }) => group.name);
}

function siteSteps(section: OxUpdater): ManualStep[] {
    const admin = section.server.administrator !== undefined ? `the OX server administrator (${mdText(section.server.administrator)})` : 'the OX server administrator';
    const groups = groupList(clientGroups(section).map(({ group }) => group.name));
    const connector = CONNECTOR_NAME[section.oxtender.connector];
    const steps: ManualStep[] = [
        step(
            'ox-server-packages',
            'OX server: publish the Updater and the OXtender',
            '§1.1, §1.2, §1.5',
            `${SECTION}/server`,
            [
                `For ${admin}, on the Open-Xchange server ${code(section.server.url)} (version ${code(section.server.version)}). It is not a Windows machine, so nothing here is automated.`,
                [
                    `1. Install the packages for the Updater, OXtender 2 and USM as listed on the OXpedia page ${OXPEDIA.updater}; the guide does not name them (§1.1).`,
                    `2. Grant the users of ${groups} the module permissions they need (OXpedia: ${OXPEDIA.permissions}; §1.1).`,
                    `3. Publish ${mdText(connector)} ${code(section.oxtender.version)}: the Updater offers the desktops what the server's package list contains (§1.5).`,
                    `4. For a fix (PTF), update the server packages first (${OXPEDIA.updating}); the desktops' Updaters then offer the new OXtender (§1.2).`,
                ].join('\n'),
                `The guide is labelled v.7.8.4 but describes OX6-era clients (Windows XP to 7, Outlook 2003 to 2010): confirm the package names and permissions for OX ${code(section.server.version)} (not in the guide).`,
            ],
            `A user of each group sees ${mdText(WEB_UI_PATH)} in the web interface (§1.1).`,
        ),
    ];

    // Without "share", nothing prepares the share the machine installs read from: say how.
    const pkg = section.updaterPackage;
    if (pkg && !pkg.share && clientGroups(section).some(({ group }) => installsPackage(group))) {
        steps.push(
            step(
                'ox-updater-share',
                'Stage the OX Updater MSI on a share',
                '§1.1',
                `${SECTION}/updaterPackage/path`,
                [
                    `On the file server that ${code(pkg.path)} names: create the folder, share it with **Read** for ${code('Domain Computers')} (machine installs, by DSC as SYSTEM or by Group Policy at start-up, read the MSI as the computer account), give ${code('Domain Computers')} NTFS Read and execute on the folder, and copy the downloaded ${mdText(pkg.name)} MSI so that it is at ${code(pkg.path)} (the guide documents only the download from the web interface, §1.1).`,
                    `With ${code('"share"')} in ${code('updaterPackage')} (the file server's node and folder), that server's configuration creates the share and copies the MSI instead.`,
                ],
                `${code(`Test-Path -LiteralPath ${psString(pkg.path)}`)}, run as a client computer (for example with ${code('psexec -s')}), is True.`,
            ),
        );
    }

    // Group Policy: the Updater MSI assigned to computers (xprc's extension of §1.1's download).
    for (const { group, pointer } of clientGroups(section)) {
        const gpo = group.targets.gpo;
        if (!gpo || !installsPackage(group) || !section.updaterPackage) {
            continue;
        }
        steps.push(
            step(
                `ox-gpo-${group.name}`,
                `Assign the OX Updater to group ${group.name} by Group Policy`,
                '§1.1, §1.5',
                `${pointer}/targets/gpo`,
                [
                    `For the Active Directory administrators, on a domain controller (Microsoft KB 816102):`,
                    [
                        `1. Create the Group Policy object ${code(gpo.name)}${gpo.linkedTo !== undefined ? ` and link it to ${code(gpo.linkedTo)}` : ' and link it to the OUs of the target computers'}.`,
                        `2. In Computer Configuration → Policies → Software Settings → Software installation, add ${code(section.updaterPackage.path)} (product code ${code(normaliseGuid(section.updaterPackage.productCode))}) and choose *Assigned*.`,
                        `3. Do not assign the OXtender MSI as well: the Updater installs and updates it from the server and decides by the Windows Installer database (§1.5).`,
                    ].join('\n'),
                ],
                `After a restart, a target computer lists ${code(section.updaterPackage.name)} in *Programs and Features*.`,
            ),
        );
    }

    // Plug-in preconditions, in the guide's order (§1.3.1 to §1.3.4).
    const backend = section.server.passwordChangeBackend;
    const preconditions: Readonly<Record<Plugin, readonly string[]>> = {
        passwordChange: [
            `Activate ${code(PASSWORD_CHANGE_OPTION)} for these users (the guide does not name the command that takes the option).`,
            `Install ${code(PASSWORD_CHANGE_SERVLET)}.`,
            `Install the password change backend ${backend !== undefined ? code(backend) : 'suitable for the installation'}.`,
        ],
        personalData: [`Set ${code(PERSONAL_DATA_SETTING)} in ${code(PERSONAL_DATA_FILE)} (the guide does not give the file's path).`],
        mailFilter: [`Install ${code(MAIL_FILTER_PACKAGE)}.`],
        vacationNotice: [
            `Install ${code(MAIL_FILTER_PACKAGE)}.`,
            `Make sure ${code(MAIL_FILTER_PROPERTY)} and the mail filter configuration contain the ${code('vacation')} command (the guide does not name the file).`,
        ],
    };
    for (const plugin of PLUGINS) {
        const users = groupsUsing(section, plugin.id);
        const first = clientGroups(section).find(({ group }) => (group.plugins ?? []).includes(plugin.id));
        if (!first) {
            continue;
        }
        steps.push(
            step(
                `ox-plugin-${plugin.id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
                `OX server: precondition of the ${plugin.name} plug-in`,
                plugin.section,
                `${first.pointer}/plugins/${(first.group.plugins ?? []).indexOf(plugin.id)}`,
                [
                    `For ${admin}: ${groupList(users)} use${users.length === 1 ? 's' : ''} the ${mdText(plugin.name)} plug-in of the OXtender (${plugin.section}).`,
                    preconditions[plugin.id].map((line, i) => `${i + 1}. ${line}`).join('\n'),
                ],
                `A user of ${groupList(users)} can open the ${mdText(plugin.name)} plug-in in Outlook.`,
            ),
        );
    }

    const pst =
        compareVersions(section.oxtender.version, PST_FROM_VERSION) >= 0
            ? `The OXtender ${code(section.oxtender.version)}, pre-configured by the Updater, creates each user's PST file in ${code(PST_FOLDER)} (from version ${PST_FROM_VERSION} on, §1.5). Include that folder in roaming profiles, folder redirection and backups.`
            : `The guide only says where OXtender ${PST_FROM_VERSION} and later keep the PST file (${code(PST_FOLDER)}, §1.5); find out where ${code(section.oxtender.version)} keeps it before planning backups.`;
    steps.push(step('ox-pst-location', 'Where the OXtender keeps its PST files', '§1.5', `${SECTION}/oxtender/version`, [pst]));
    return steps;
}
