/**
 * The Upgrade guide's version matrix as data: one row per row of the §2.1
 * table (the guide's order), the rows the table implies (XPR 5.0 R4 FR13,
 * the intermediate version it names, §2.10), the fix-release step V7 R1 FR0
 * → FR1 (§2.3.4, §2.8.2), and the cluster rows of chapter 3, which keep the
 * "same specifications" with their own procedures (§3, §3.2–§3.5).
 *
 * upgrade-matrix.ts picks a row for a manifest; the rules in
 * rules/xpr-upgrade-*.ts report what the guide does not allow;
 * docs/xpr-upgrade.md shows the table generated from here.
 */

import type { UpgradeMatrixRow, UpgradeMethod, UpgradeSourceVersion } from './upgrade-types.js';

/** How the guide names each source (the §2.1 table's "From version" column). */
export const SOURCE_LABELS: Readonly<Record<UpgradeSourceVersion, string>> = {
    V7R1: 'XPR 7 R1 (FR0)',
    V7R0: 'XPR 7 R0',
    V6R2: 'XPR 6 R2',
    V6R1: 'XPR 6 R1',
    V6R0: 'XPR 6 R0',
    V5R4FR13: 'XPR 5.0 R4 FR13',
    V5R4: 'XPR 5.0 R4',
    V5R3: 'XPR 5.0 R3',
    V5R2: 'XPR 5.0 R2',
    V5R1: 'XPR 5.0 R1',
    V5R0: 'XPR 5.0 R0',
    'MRS8.03': 'MRS 8.03',
    MRS8: 'MRS 8.xx other than 8.03',
    MRS7: 'MRS 7.xx',
};

/** How the guide names each target (`xpr.version`). */
export const TARGET_LABELS: Readonly<Record<'V7R1' | 'V7R1FR1', string>> = {
    V7R1: 'XPR 7 R1',
    V7R1FR1: 'XPR 7 R1 FR1',
};

/** How docs and messages name each method. */
export const METHOD_LABELS: Readonly<Record<UpgradeMethod, string>> = {
    repair: 'Repair in place (Component Installer)',
    silentRepair: 'silent repair (`setup.exe --silent-repair`)',
    backupReinstallRestore: 'backup, uninstall, fresh 64-bit V7, restore (TOV7)',
    fixReleaseMedium: 'fix-release medium (`XPRV7R1-FR0-FR1.exe`)',
};

const BOTH_TARGETS = ['V7R1', 'V7R1FR1'] as const;
const REINSTALL = ['backupReinstallRestore'] as const;

// Notes the rows repeat (§2.1 footnotes in our words).
const NOTE_TOV7 = 'Direct path (§2.1 note 1): make the TOV7 check box visible in the Web Assistant (if it is missing, the hotfixes of the Release Notes §2.2 are not installed), back up, uninstall, install XPR V7 freshly, restore.';
const NOTE_WEBCLIENT = 'The XPR WebClient data is not backed up: configure it again in the XPR 7 WebClient after the upgrade (§2.1 note 3).';
const NOTE_CONFERENCES_V6 = 'Only without activated conferences; with conferences go via XPR 6 R2 first (§2.1 notes 4, 5).';
const NOTE_MRS_CONFERENCES = 'Directly only from MRS 8.03 or without activated conferences; otherwise go via MRS 8.03 first (§2.1 notes 5, 6).';
const NOTE_CYPHONEWEB = 'MRS 8.xx cyPhoneWeb data is not backed up: configure it again in the XPR 7 WebClient after the upgrade (§2.1 note 6).';
const NOTE_V5 = 'The SMS APL configuration is lost (XPR 7 has the SMSIP APL instead); the Network Administrator password and the Local Profile are kept only if the XPR 7 server uses the host name and IP address of the XPR 5 server (§2.1 note 7).';
const NOTE_V5_VIA = 'Upgrade to XPR 5.0 R4 FR13 or to XPR 6 R2 first, by the upgrade instructions of that version (§2.1).';
const NOTE_MRS7_VIA = 'Upgrade to MRS 8.03 first, by the upgrade instructions of that version (§2.1).';
const NOTE_PSR = 'On a Windows cluster this upgrade needs a project-specific release of XPR 7 R1, because parts of the Connection APL on a satellite are needed (§2.1 note 2).';
const NOTE_CLUSTER_NODE = 'Start on the node that holds the installation (the one with `HKLM\\SOFTWARE\\Wow6432Node\\Cycos AG\\Server Installation`), update the license service before the server, run `Server\\Setup.exe` (§3.2.1 steps 3–8).';
const NOTE_CLUSTER_REINSTALL = 'Reinstall per the Cluster Installation guide; group name, application name, OS and quorum drive may change; `renserv` takes the virtual server\'s IP address and name only (§3.3–§3.5).';

/** The silent repair's restrictions (§2.8.2 "Restrictions"). */
export const SILENT_REPAIR = {
    sources: ['V6R2', 'V7R0', 'V7R1'] as readonly UpgradeSourceVersion[],
    bitness: 64,
    target: 'V7R1FR1',
    /** Sources whose command takes `--new-hlm:<IP address of the HiPath License Management>` (§2.8.2 step 9). */
    newHlmSources: ['V6R2'] as readonly UpgradeSourceVersion[],
    section: '§2.8.2',
} as const;

/** The fix-release medium is for a non-cluster system and not for satellites (§2.3.4, the two NOTEs). */
export const FIX_RELEASE_MEDIUM = { section: '§2.3.4' } as const;

/** Sources that are an MRS (never repaired in place, §2.8). */
export const MRS_SOURCES: readonly UpgradeSourceVersion[] = ['MRS8.03', 'MRS8', 'MRS7'];

function v5Row(from: 'V5R4' | 'V5R3' | 'V5R2' | 'V5R1' | 'V5R0', release: string): UpgradeMatrixRow {
    return {
        id: `v5${release}-32`,
        from: [from],
        bitness: [32],
        to: BOTH_TARGETS,
        methods: [],
        via: { versions: ['V5R4FR13', 'V6R2'], when: 'always' },
        section: '§2.1 notes 1, 2, 7',
        hotfixSet: '720FR13',
        notes: [NOTE_V5_VIA],
    };
}

export const UPGRADE_MATRIX: readonly UpgradeMatrixRow[] = [
    // --- §2.1 table, in its order ------------------------------------------------------------
    {
        id: 'v7r0-64',
        from: ['V7R0'],
        bitness: [64],
        to: BOTH_TARGETS,
        methods: ['repair', 'silentRepair'],
        section: '§2.1, §2.8.1, §2.8.2',
        hotfixSet: '810',
        notes: ['In place: Repair from the V7 R1 medium (§2.8.1), or unattended `setup.exe --silent-repair` to V7 R1 FR1 (§2.8.2).'],
        scope: 'noCluster',
    },
    {
        id: 'v6r2-64',
        from: ['V6R2'],
        bitness: [64],
        to: BOTH_TARGETS,
        methods: ['repair', 'silentRepair'],
        section: '§2.1, §2.8.1, §2.8.2',
        hotfixSet: '810',
        notes: ['In place: Repair from the V7 R1 medium (§2.8.1), or unattended `setup.exe --silent-repair --new-hlm:<CLM address>` to V7 R1 FR1 (§2.8.2).'],
        scope: 'noCluster',
    },
    {
        id: 'v6r2-32',
        from: ['V6R2'],
        bitness: [32],
        to: BOTH_TARGETS,
        methods: REINSTALL,
        section: '§2.1 notes 1, 2, 3, §2.9',
        hotfixSet: '803',
        notes: [NOTE_TOV7, NOTE_WEBCLIENT],
        scope: 'noCluster',
    },
    {
        id: 'v6r1-32',
        from: ['V6R1'],
        bitness: [32],
        to: BOTH_TARGETS,
        methods: REINSTALL,
        via: { versions: ['V6R2'], when: 'conferencesActive' },
        section: '§2.1 notes 1–5, §2.9',
        hotfixSet: '803',
        notes: [NOTE_CONFERENCES_V6, NOTE_TOV7, NOTE_WEBCLIENT],
        scope: 'noCluster',
    },
    {
        id: 'v6r0-32',
        from: ['V6R0'],
        bitness: [32],
        to: BOTH_TARGETS,
        methods: REINSTALL,
        via: { versions: ['V6R2'], when: 'conferencesActive' },
        section: '§2.1 notes 1–5, §2.9',
        hotfixSet: '803',
        notes: [NOTE_CONFERENCES_V6, NOTE_TOV7, NOTE_WEBCLIENT],
        scope: 'noCluster',
    },
    {
        id: 'mrs8-64',
        from: ['MRS8.03', 'MRS8'],
        bitness: [64],
        to: BOTH_TARGETS,
        methods: REINSTALL,
        via: { versions: ['MRS8.03'], when: 'conferencesActive' },
        section: '§2.1 notes 1, 2, 5, 6, §2.11',
        hotfixSet: '803',
        notes: [NOTE_MRS_CONFERENCES, NOTE_TOV7, NOTE_CYPHONEWEB],
        scope: 'noCluster',
    },
    {
        id: 'mrs8-32',
        from: ['MRS8.03', 'MRS8'],
        bitness: [32],
        to: BOTH_TARGETS,
        methods: REINSTALL,
        via: { versions: ['MRS8.03'], when: 'conferencesActive' },
        section: '§2.1 notes 1, 2, 5, 6, §2.11',
        hotfixSet: '803',
        notes: [NOTE_MRS_CONFERENCES, NOTE_TOV7, NOTE_CYPHONEWEB],
        scope: 'noCluster',
    },
    v5Row('V5R4', 'r4'),
    v5Row('V5R3', 'r3'),
    v5Row('V5R2', 'r2'),
    v5Row('V5R1', 'r1'),
    v5Row('V5R0', 'r0'),
    {
        id: 'mrs7-32',
        from: ['MRS7'],
        bitness: [32],
        to: BOTH_TARGETS,
        methods: [],
        via: { versions: ['MRS8.03'], when: 'always' },
        section: '§2.1 note 2',
        hotfixSet: '803',
        notes: [NOTE_MRS7_VIA],
    },
    // --- The intermediate version the table names for XPR 5.0 (§2.1 notes 1, 2, 7; §2.10) -----
    {
        id: 'v5r4fr13-32',
        from: ['V5R4FR13'],
        bitness: [32],
        to: BOTH_TARGETS,
        methods: REINSTALL,
        section: '§2.1 notes 1, 2, 7, §2.10',
        hotfixSet: '720FR13',
        notes: [NOTE_TOV7, NOTE_V5],
        scope: 'noCluster',
    },
    // --- The fix release V7 R1 FR0 → FR1 (§2.3.4, §2.8.2) ---------------------------------------
    {
        id: 'v7r1fr0-64',
        from: ['V7R1'],
        bitness: [64],
        to: ['V7R1FR1'],
        methods: ['silentRepair', 'fixReleaseMedium', 'repair'],
        section: '§2.3.4, §2.8.2',
        hotfixSet: '810',
        notes: [
            'Unattended `setup.exe --silent-repair` (§2.8.2); or a Repair from a fix-release medium built from the V7 R1 medium with `XPRV7R1-FR0-FR1.exe` (not on clusters or satellites, §2.3.4); or a Repair from the complete V7 R1 FR1 medium (§2.3.4: "Skip this section if the complete setup medium … is already available").',
        ],
        scope: 'noCluster',
    },
    // --- Clusters (§3: the same specifications, other procedures) -------------------------------
    {
        id: 'cluster-v6r2-v7r0-64',
        from: ['V6R2', 'V7R0'],
        bitness: [64],
        to: BOTH_TARGETS,
        methods: ['repair'],
        section: '§3.1, §3.2',
        hotfixSet: '810',
        notes: [NOTE_CLUSTER_NODE],
        scope: 'cluster',
    },
    {
        id: 'cluster-v7r1fr0-64',
        from: ['V7R1'],
        bitness: [64],
        to: ['V7R1FR1'],
        methods: ['repair'],
        section: '§2.3.4, §3.2',
        hotfixSet: '810',
        notes: ['A Repair from the complete V7 R1 FR1 medium by the cluster procedure; a fix-release medium built with `XPRV7R1-FR0-FR1.exe` is not for clusters (§2.3.4).', NOTE_CLUSTER_NODE],
        scope: 'cluster',
    },
    {
        id: 'cluster-v6r2-32',
        from: ['V6R2'],
        bitness: [32],
        to: BOTH_TARGETS,
        methods: REINSTALL,
        section: '§2.1 notes 1, 2, 3, §3.3',
        hotfixSet: '803',
        notes: [NOTE_PSR, NOTE_CLUSTER_REINSTALL, NOTE_TOV7, NOTE_WEBCLIENT],
        scope: 'cluster',
        projectSpecificRelease: true,
    },
    {
        id: 'cluster-v6r0-r1-32',
        from: ['V6R1', 'V6R0'],
        bitness: [32],
        to: BOTH_TARGETS,
        methods: REINSTALL,
        via: { versions: ['V6R2'], when: 'conferencesActive' },
        section: '§2.1 notes 1–5, §3.3',
        hotfixSet: '803',
        notes: [NOTE_PSR, NOTE_CONFERENCES_V6, NOTE_CLUSTER_REINSTALL, NOTE_TOV7, NOTE_WEBCLIENT],
        scope: 'cluster',
        projectSpecificRelease: true,
    },
    {
        id: 'cluster-v5r4fr13-32',
        from: ['V5R4FR13'],
        bitness: [32],
        to: BOTH_TARGETS,
        methods: REINSTALL,
        section: '§2.1 notes 1, 2, 7, §3.4',
        hotfixSet: '720FR13',
        notes: [NOTE_PSR, NOTE_CLUSTER_REINSTALL, NOTE_TOV7, NOTE_V5],
        scope: 'cluster',
        projectSpecificRelease: true,
    },
    {
        id: 'cluster-mrs8',
        from: ['MRS8.03', 'MRS8'],
        bitness: [64, 32],
        to: BOTH_TARGETS,
        methods: REINSTALL,
        via: { versions: ['MRS8.03'], when: 'conferencesActive' },
        section: '§2.1 notes 1, 2, 5, 6, §3.5',
        hotfixSet: '803',
        notes: [NOTE_PSR, NOTE_MRS_CONFERENCES, NOTE_CLUSTER_REINSTALL, NOTE_TOV7, NOTE_CYPHONEWEB],
        scope: 'cluster',
        projectSpecificRelease: true,
    },
];

/** `XPR 5.0 R4 FR13 or XPR 6 R2`. */
export function sourceList(versions: readonly string[]): string {
    const labels = versions.map((v) => SOURCE_LABELS[v as UpgradeSourceVersion] ?? v);
    return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]!}`;
}
