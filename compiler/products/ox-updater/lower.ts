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
import { psIdentifier } from '../../emit/ps/quote.js';
import type { ManualStep, MsiPackageResource, Resource } from '../../ir/types.js';
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
import { clientGroups, compareVersions, installsPackage, normaliseGuid, sameNode, SECTION } from './model.js';

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
    };
}

function pluginNames(group: OxClientGroup): string {
    const enabled = PLUGINS.filter((p) => (group.plugins ?? []).includes(p.id)).map((p) => p.name.toLowerCase());
    return enabled.length === 0 ? 'none' : enabled.join(', ');
}

function clientStep(section: OxUpdater, group: OxClientGroup, pointer: string): ManualStep {
    const connector = CONNECTOR_NAME[section.oxtender.connector];
    const updater = installsPackage(group) && section.updaterPackage
        ? `This node's configuration installs the OX Updater (${code(section.updaterPackage.name)}) from ${code(section.updaterPackage.path)}.`
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
