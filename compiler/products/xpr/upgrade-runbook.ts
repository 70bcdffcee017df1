/**
 * The XPR upgrade's runbook steps (Upgrade guide §2.3.2, §2.4.2, §2.8–§2.12,
 * §3.2): what the engineer does between the configurations, each with the
 * one-line command that confirms it where a gate waits for it
 * (upgrade-scripts.ts `confirmCommand`). The uninstall is the point of no
 * return and says so first. Manifest values reach Markdown only through
 * mdCode/mdText.
 */

import type { ManualStep } from '../../ir/types.js';
import type { Xpr } from '../../manifest/types.generated.js';
import { SECTION, upgrade } from './data.js';
import { hostComponents, mediaRoot, type XprHost } from './model.js';
import { c, t } from './runbook-context.js';
import type { HotfixSet, UpgradeRoute, UpgradeSourceVersion } from './upgrade-types.js';
import { confirmCommand, markerPath } from './upgrade-scripts.js';
import { SOURCE_LABELS, TARGET_LABELS } from './upgrade-data.js';

/** The words every mention of the uninstall starts with (PLAN.md and RUNBOOK.md). */
export const POINT_OF_NO_RETURN = 'POINT OF NO RETURN';

/** Hotfixes the guide lists, verbatim, by set and moment (§2.8.1 step 57, §2.9.1–§2.9.2, §2.10.1–§2.10.2, §2.11.1–§2.11.2). */
export const HOTFIXES: Readonly<Record<HotfixSet, { readonly beforeBackup: readonly string[]; readonly onV7: readonly string[]; readonly guide: string }>> = {
    '810': { beforeBackup: [], onV7: ['Mta-810-15217 (or later)', 'Ucc-810-15276 (or later)'], guide: upgrade('§2.8.1 step 57') },
    '803': {
        beforeBackup: ['Ucc-803-14924', 'WebApl-803-14511', 'WebAssistant-803-14511', 'ConApl-803-15063', 'Mta-803-15218', 'CycosOpenSSL-803-20120119'],
        onV7: ['the highest MTA hotfix', 'the highest UCC hotfix', 'E2k7ApIInstaller-810-15204 (Exchange 2007/2010 only)'],
        guide: upgrade('§2.9.1 step 1, §2.9.2, §2.11.1, §2.11.2'),
    },
    '720FR13': {
        beforeBackup: ['Mta-720FR13-15524', 'WebApl-720FR13-15524', 'WebAssistant-720FR13-15524', 'CfgSvc-720FR13-15591'],
        onV7: ['E2k7Ap1Installer-810-15204 (Exchange 2007/2010 only)'],
        guide: upgrade('§2.10.1, §2.10.2'),
    },
};


export function sourceLabel(route: Pick<UpgradeRoute, 'from' | 'bitness'>): string {
    return `${SOURCE_LABELS[route.from]} (${route.bitness}-bit)`;
}

export function targetLabel(route: Pick<UpgradeRoute, 'to'>): string {
    return TARGET_LABELS[route.to];
}

const METHOD_LABEL = {
    repair: 'Repair in place with the Component Installer',
    silentRepair: 'silent repair in place (setup.exe --silent-repair)',
    backupReinstallRestore: 'Smart Backup, uninstall, fresh 64-bit V7 installation, Smart Restore (TOV7)',
    fixReleaseMedium: 'Repair in place from a fix-release medium',
} as const;

export interface UpgradeContext {
    readonly xpr: Xpr;
    readonly host: XprHost;
    readonly route: UpgradeRoute;
    /** Node folder under `backupPath`, when the manifest has one. */
    readonly backupFolder?: string;
}

type UpgradeStep = Omit<ManualStep, 'section' | 'source'> & { readonly pointer: string };

const confirm = (marker: string): string => `Confirm the step with: ${c(confirmCommand(marker))} (it creates ${c(markerPath(marker))}; the configuration's gate waits for it).`;

export function routeStep({ route, host }: UpgradeContext): UpgradeStep {
    return {
        id: 'xpr-upgrade-route',
        title: `The upgrade: ${sourceLabel(route)} to ${targetLabel(route)}`,
        instructions: [
            `This host goes from ${t(sourceLabel(route))} to ${t(targetLabel(route))} by ${t(METHOD_LABEL[route.method])}${route.methodStated ? ' (the manifest chooses the method)' : " (the guide's method for this source)"}, Upgrade guide ${t(route.row.section)}.`,
            // The matrix's notes are xprc's own Markdown (upgrade-data.ts), not manifest text.
            ...route.row.notes.map((note) => `- ${note}`),
            'PLAN.md gives the order across the site; each configuration stops with an error naming the runbook step it still waits for, and applying a finished configuration again changes nothing.',
        ],
        guide: upgrade(route.row.section),
        pointer: host.role === 'kernel' ? route.pointer : host.pointer,
    };
}

export function licencesStep({ route }: UpgradeContext): UpgradeStep {
    return {
        id: 'xpr-upgrade-licences',
        title: 'Licences ready before the upgrade',
        instructions: [
            'The CLM is reachable and the CLA holds the activated V7 licences before the upgrade starts; a changed network card of the CLA host needs a new licence file from the CLS. An XPR V7 R0 with web conferencing needs a licence update.',
            confirm('LicencesReady'),
        ],
        guide: upgrade('§2.3.5–§2.3.9, §2.8.1'),
        pointer: route.pointer,
    };
}

export function exchangeFormsStep({ route }: UpgradeContext): UpgradeStep {
    return {
        id: 'xpr-upgrade-exchange-forms',
        title: 'Publish the V7 R1 ServerBasedForms before the upgrade (mixed Exchange organisation)',
        instructions: [
            'Where other XPR servers of the Exchange organisation keep an older version: publish the V7 R1 ServerBasedForms into the public folder *Organization Forms* on every relevant Exchange server before this upgrade, and at the end of setup make sure "Start OpenScape Xpressions" is not enabled. Skip the step when every XPR server of the organisation is upgraded together.',
            confirm('ExchangeForms'),
        ],
        guide: upgrade('§2.4.2'),
        pointer: route.pointer,
    };
}

export function beforeBackupStep(ctx: UpgradeContext): UpgradeStep {
    const { route, xpr } = ctx;
    const reinstall = route.method === 'backupReinstallRestore';
    const hotfixes = HOTFIXES[route.row.hotfixSet].beforeBackup;
    // On a 32-bit Windows there is no WOW6432Node: XPR's keys are under SOFTWARE itself.
    const xprKey = route.bitness === 32 ? 'HKLM\\SOFTWARE\\PP-COM' : 'HKLM\\SOFTWARE\\WOW6432Node\\PP-COM';
    return {
        id: 'xpr-upgrade-before-backup',
        title: 'Before the backup: disk images, routing rules, inventory',
        instructions: [
            'Take images of the hard disks (the only way back after a failed upgrade) and keep the operating system and old XPR media.',
            ...(ctx.backupFolder === undefined
                ? [`The manifest gives no \`upgrade.backupPath\`, so the Backup configuration copies nothing: export \`${xprKey}\` with regedit, copy \`Stat\`, \`Log\`, \`Folders\`, \`Userdata\`, \`res\\maint\` and \`res\\RepApl\` of the installation and run \`infotool fullexport\` from \`SDKTools\` yourself (§2.3.2).`]
                : []),
            // DSC needs Windows PowerShell 5.1 (WMF 5.1), which Microsoft ships for no 32-bit Windows Server.
            ...(route.bitness === 32 && ctx.backupFolder !== undefined
                ? [
                      `This host runs a 32-bit Windows, for which there is no Windows PowerShell 5.1 (WMF 5.1): if the Backup configuration cannot be applied here, do what it does by hand: \`reg.exe export ${xprKey}\` into \`${ctx.backupFolder}\\xpr.reg\`, copy \`Stat\`, \`Log\`, \`Folders\`, \`Userdata\`, \`res\\maint\`, \`res\\RepApl\` and \`param.xml\` of the installation to \`${ctx.backupFolder}\` and run \`infotool fullexport file=${ctx.backupFolder}\\fullexport.txt\` from \`SDKTools\`; its confirmations then stay in this runbook (the operating system is reinstalled before the next configuration runs).`,
                  ]
                : []),
            'Copy the routing rules (XPR Monitor, MTA, Edit Settings, Routing Rules) into a file `routingrules.txt` next to the backup.',
            'Write down the installed components (Add/Remove Programs) and the ISDN boards (Device Manager, "Dialogic/Eicon Diva Server"): setup must get the same components.',
            ...(reinstall && hotfixes.length > 0 ? [`Install on the old system, before its backup: ${hotfixes.map((h) => c(h)).join(', ')}.`] : []),
            ...(xpr.upgrade?.uccComponents === true
                ? [
                      'UCC: run the SQL FastViewer service under an account with the XPR service privileges, and in the PostgreSQL database `mrsdb` run `UPDATE symVCC.symConferenceUserTempl SET InvitationAddress = lower(InvitationAddress);` and `UPDATE symConferencing.Invitees SET InvitationAddress = lower(InvitationAddress);` (the guide names no client tool).',
                  ]
                : []),
            confirm('BeforeBackup'),
        ],
        guide: `${upgrade('§2.3.2, §2.3.2.1, §2.3.11')}${reinstall ? `; ${HOTFIXES[route.row.hotfixSet].guide}` : ''}`,
        pointer: route.pointer,
    };
}

export function smartBackupStep({ route, host, backupFolder }: UpgradeContext): UpgradeStep {
    return {
        id: 'xpr-upgrade-smart-backup',
        title: 'Smart Backup with TOV7, and its TAR copied off the host',
        instructions: [
            `Log on as the account of the MTA service (Smart Backup works only for the account that installed XPR). Web Assistant, Server settings, Smart backup and restore: tick **TOV7** and the options the system uses (NCO, REGISTRY, INFOSTOR, FOLDERS, USERDATA, ISC, UCC, SATELLITE); **Backup Path** ${c(backupFolder ?? `${host.installPath}`)}; **Backup now**.`,
            `Copy the TAR file off ${c(host.nodeName)} (it is deleted with the installation when the TAR is under the installation folder) and check that the copy opens.`,
            confirm('SmartBackup'),
        ],
        verify: 'The TAR file is on another computer and lists the chosen options.',
        guide: upgrade('§2.1 note 1, §2.9.1'),
        pointer: route.pointer,
    };
}

export function uninstallStep({ route, host, xpr }: UpgradeContext): UpgradeStep {
    return {
        id: 'xpr-upgrade-uninstall',
        title: `${POINT_OF_NO_RETURN}: uninstall ${sourceLabel(route)}`,
        instructions: [
            `**${POINT_OF_NO_RETURN}.** After this step the old system cannot be started again; the way back is the disk images only. Do it only when the Backup configuration reports \`InDesiredState : True\` and the Smart Backup TAR has been opened on another computer.`,
            `Uninstall XPR/MRS from ${c(host.nodeName)} (Add/Remove Programs); install the 64-bit operating system where the old one was 32-bit. The new installation keeps the server name ${c(xpr.serverName)}, the installation folder ${c(xpr.installPath)} and the data folders of the old one (a restore into other folders is not supported), and the PGROOT password.`,
            confirm('Uninstalled'),
        ],
        guide: upgrade('§2.1 note 1, §2.9.2'),
        pointer: route.pointer,
    };
}

export function stopServerStep({ route, host }: UpgradeContext): UpgradeStep {
    return {
        id: 'xpr-upgrade-stop-server',
        title: 'Stop the XPR server and its clients',
        instructions: [
            `Stop the XPR server on ${c(host.nodeName)} (Start, Programs, Xpressions, **Stop Server**) and close the XPR clients (Communications, XPR Monitor). The Upgrade configuration checks that no XPR service runs before it repairs.`,
        ],
        verify: '`Get-Service mrs, mta, infostor` shows every service Stopped.',
        guide: upgrade(route.method === 'silentRepair' ? '§2.8.2 step 2' : '§2.8.1 step 3'),
        pointer: route.pointer,
    };
}

export function silentRepairStep({ route, host, xpr }: UpgradeContext): UpgradeStep {
    const args = `--silent-repair${route.newHlm === undefined ? '' : ` --new-hlm:${route.newHlm}`}`;
    return {
        id: 'xpr-upgrade-silent-repair',
        title: 'Silent repair (the Upgrade configuration)',
        instructions: [
            `Insert the ${t(targetLabel(route))} medium and cancel its autorun.`,
            ...(xpr.build !== undefined
                ? [
                      `The Upgrade configuration runs ${c(`setup.exe ${args}`)} in ${c(host.installPath)} and checks the installed version against build ${c(xpr.build)} afterwards; the guide documents no exit codes and no log, so a failure names the version it found. Apply it again after a failure: it runs setup again only while the version is older than the target.`,
                  ]
                : [
                      `The manifest gives no ${c('xpr.build')}, so nothing on the host shows the result: run ${c(`setup.exe ${args}`)} in ${c(host.installPath)} yourself, wait until it has ended, check the version in the Web Assistant, then apply the Upgrade configuration.`,
                      confirm('Repaired'),
                  ]),
        ],
        verify: 'The Upgrade configuration reports `InDesiredState : True`.',
        guide: upgrade('§2.8.2 steps 3–9'),
        pointer: route.pointer,
    };
}

export function repairStep({ route, host, xpr }: UpgradeContext): UpgradeStep {
    const medium = mediaRoot(xpr);
    const fr = route.method === 'fixReleaseMedium';
    return {
        id: 'xpr-upgrade-repair',
        title: fr ? 'Repair from the fix-release medium' : route.cluster ? 'Repair with the cluster server setup' : 'Repair with the Component Installer',
        instructions: [
            ...(fr
                ? ['Build the FR1 medium on any Windows PC with vcredist 2005: download `XPRV7R1-FR0-FR1.exe` (and `-ASR.exe`), check its build against `XpressionsInstall\\HiSPA.txt`, run it with the medium and a destination path and press **Cancel**, not Finish.']
                : []),
            `Start ${c(route.cluster ? 'XpressionsInstall\\Server\\Setup.exe' : 'XpressionsInstall\\Setup.exe')}${medium === undefined ? '' : ` from ${c(medium)}`}${route.cluster ? ' (never `XpressionsInstall\\Setup.exe` on a cluster)' : ''}; the license service first (keep **Repair**), then the languages, the release notes and the components: exactly the ones installed now. Let the Dialogic driver update run without its own restart; reboot only when the Component Installer asks, then choose **Repair** (${c(host.installPath)}).`,
            ...(route.cluster ? ['Languages: `XpressionsInstall\\Languages\\<Language>\\Setup.exe` for each, with the same Repair choice as the server setup.'] : []),
            'Answer the regional settings, keep the NCO rules unless the customer wants the new ones (**No** puts them in `res\\NCO`), then finish and reboot.',
        ],
        verify: `The Upgrade configuration's check of the installed version passes.`,
        guide: upgrade(route.cluster ? '§3.2.2 steps 6–9' : fr ? '§2.3.4, §2.8.1' : '§2.8.1 steps 4–52'),
        pointer: route.pointer,
    };
}

export function restoreStep({ route, backupFolder }: UpgradeContext): UpgradeStep {
    const hotfixes = HOTFIXES[route.row.hotfixSet].onV7;
    return {
        id: 'xpr-upgrade-restore',
        title: 'Hotfixes on the new V7, then Smart Restore',
        instructions: [
            `On the new V7, before the restore: install ${hotfixes.map((h) => t(h)).join(', ')}; check the XPR Authentication settings; configure the WebApl (the restore needs it).`,
            `UCC: stop \`ConApl\` and start the PostgreSQL service. Web Assistant, Smart backup and restore, Files to restore: the TOV7 TAR${backupFolder === undefined ? '' : ` (copy it back from ${c(backupFolder)})`}, **Restore**; then stop PostgreSQL.`,
            'Run `renservr OLD_IP NEW_IP` once for each changed address and `renservr OLD_MACHINE_NAME NEW_MACHINE_NAME` once for each changed name, stop XPR V7, fix the DNS records, and with Exchange 2007/2010 disable the old foreign connector (`Set-ForeignConnector -Enabled $false`). Start XPR V7.',
            confirm('Restored'),
        ],
        guide: upgrade(route.row.hotfixSet === '720FR13' ? '§2.10.2, §2.10.3' : route.row.hotfixSet === '803' && route.from.startsWith('MRS') ? '§2.11.2, §2.11.3' : '§2.9.2, §2.9.3'),
        pointer: route.pointer,
    };
}

export function afterUpgradeStep({ route, host }: UpgradeContext): UpgradeStep {
    const set = HOTFIXES[route.row.hotfixSet];
    const inPlace = route.method !== 'backupReinstallRestore';
    const journal = route.row.hotfixSet === '720FR13' || route.from.startsWith('MRS');
    return {
        id: 'xpr-upgrade-after',
        title: 'After the upgrade: hotfixes and checks',
        instructions: [
            ...(inPlace ? [`Install ${set.onV7.map((h) => t(h)).join(', ')}; the guide does not describe how, follow each hotfix's notes.`] : []),
            ...(hostComponents(host).includes('ipApl')
                ? ['The Operate configuration sets `DisableUserTOSSetting` (REG_DWORD 0) under `HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters` for the IP APL and restarts the computer (§2.8.1 step 58).']
                : []),
            ...(journal
                ? ['Voice-message journal: in `SDKTools` run `infotool export rec=JOURNAL file=journal.txt`; where CONTENTTYPE is 4352 or 500–599 change it to 1092 (else delete the file and stop here), keep a copy, stop V7, delete `InfoStor\\*.idx` and `InfoStor\\journal.dat`, start V7, `infotool import rec=JOURNAL file=journal.txt`.']
                : []),
            ...(route.method === 'backupReinstallRestore' ? ['Exchange: run `ExchAplConfigurator.exe`, then `E2K7Apl.exe install` and `ExUmApl.exe install` / `register` as the guide lists them; reconfigure the Web Client (old files in `xprWebClient_backup`).'] : []),
            ...(route.method === 'silentRepair' ? ['The silent-repair section does not repeat these steps (§2.8.2); xprc keeps them, as for a Repair.'] : []),
            'XPR Monitor, Con APL, Database Properties, Synchronization: **Sync now** (UCC); Web Assistant, Server settings, XPR Authentication: check the password policy.',
            confirm('AfterUpgrade'),
        ],
        guide: `${set.guide}; ${upgrade(journal ? '§2.10.3, §2.11.3' : '§2.8.1 steps 54–58')}`,
        pointer: route.pointer,
    };
}

export function satelliteStep({ route, host }: UpgradeContext): UpgradeStep {
    return {
        id: 'xpr-upgrade-satellite',
        title: 'Upgrade the satellite after the kernel',
        instructions: [
            ...(route.method === 'backupReinstallRestore'
                ? [`On this reinstall path the satellite is set up again on 64-bit Windows like a new one: the kernel's Smart Backup (option SATELLITE) keeps its registry. Remove the old satellite installation only after the kernel's Smart Backup step, and keep the host name ${c(host.nodeName)} (§2.12.4).`]
                : []),
            `${c(host.nodeName)} is upgraded to the kernel's version once the kernel runs ${t(targetLabel(route))}: SatPrep, then setup with **Repair** and exclusively the components already installed on this satellite (${hostComponents(host).map((id) => c(id)).join(', ') || 'none besides the satellite services'}).`,
        ],
        guide: upgrade('§2.12, §2.12.2'),
        pointer: host.pointer,
    };
}

export function withSection(step: UpgradeStep): ManualStep {
    const { pointer, ...rest } = step;
    return { ...rest, section: SECTION, source: { pointer } };
}
