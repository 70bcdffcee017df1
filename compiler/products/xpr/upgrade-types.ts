/**
 * The contract between the XPR upgrade's decision side (the §2.1 matrix,
 * its rules: upgrade-matrix.ts, rules/xpr-upgrade-*.ts) and its execution
 * side (phases, Scripts, runbook, PLAN.md: upgrade-phases.ts and friends).
 *
 * The manifest says where the site starts (`xpr.upgrade`); `xpr.version` stays
 * the target. The matrix turns the two into one UpgradeRoute, or into
 * diagnostics when the guide does not allow the step; lowering only ever sees
 * a route the rules accepted.
 */

/** Versions the Upgrade guide §2.1 accepts as a starting point (schemas/xpr.schema.json `$defs/upgradeSourceVersion`). */
export type UpgradeSourceVersion =
    | 'V7R1'
    | 'V7R0'
    | 'V6R2'
    | 'V6R1'
    | 'V6R0'
    | 'V5R4FR13'
    | 'V5R4'
    | 'V5R3'
    | 'V5R2'
    | 'V5R1'
    | 'V5R0'
    | 'MRS8.03'
    | 'MRS8'
    | 'MRS7';

/**
 * How a host gets from the source to the target:
 * - `repair`: the Component Installer's Repair, in place (§2.8.1);
 * - `silentRepair`: `setup.exe --silent-repair [--new-hlm:<CLM>]`, in place, unattended (§2.8.2);
 * - `backupReinstallRestore`: TOV7 — Smart Backup, uninstall, fresh 64-bit V7, restore (§2.1 note 1, §2.9–§2.11);
 * - `fixReleaseMedium`: V7 R1 FR0 → FR1 from a medium built with `XPRV7R1-FR0-FR1.exe` (§2.3.4; not on clusters or satellites).
 */
export type UpgradeMethod = 'repair' | 'silentRepair' | 'backupReinstallRestore' | 'fixReleaseMedium';

/** The hotfix set the guide lists after the upgrade, by source family (§2.8.1 step 57, §2.9.2, §2.10.2, §2.11.2). */
export type HotfixSet = '810' | '803' | '720FR13';

/** One row of the §2.1 matrix (or of §2.3.4 / §2.8.2 / §3), as data in upgrade-data.ts. */
export interface UpgradeMatrixRow {
    /** Stable id, e.g. `v6r2-32`; diagnostics and docs/xpr-upgrade.md name rows by it. */
    readonly id: string;
    readonly from: readonly UpgradeSourceVersion[];
    readonly bitness: readonly (32 | 64)[];
    /** Target versions (`xpr.version` values) this row reaches directly. */
    readonly to: readonly ('V7R1' | 'V7R1FR1')[];
    /** Methods this row allows, the first being the guide's default. Empty: only via an intermediate version. */
    readonly methods: readonly UpgradeMethod[];
    /** Intermediate versions the guide requires (all of them alternatives), and when. */
    readonly via?: { readonly versions: readonly string[]; readonly when: 'always' | 'conferencesActive' };
    /** Guide section(s) the row comes from, e.g. `§2.1 note 1, §2.9`. */
    readonly section: string;
    readonly hotfixSet: HotfixSet;
    /** Guide notes worth repeating in the runbook (what is lost, what must be redone). */
    readonly notes: readonly string[];
    /**
     * Which sites the row is for: `cluster` only for a kernel on a failover cluster (`xpr.cluster`,
     * §3), `noCluster` only for one without; absent for both (rows that only name intermediate versions).
     */
    readonly scope?: 'cluster' | 'noCluster';
    /** The row needs a project-specific release of XPR V7 R1 (§2.1 note 2: cluster upgrades from a 32-bit OS, MRS 8.xx or XPR 5.0 R4 FR13). */
    readonly projectSpecificRelease?: boolean;
}

/** What lowering, the runbook and PLAN.md get for a site whose manifest has `xpr.upgrade`. */
export interface UpgradeRoute {
    readonly row: UpgradeMatrixRow;
    readonly from: UpgradeSourceVersion;
    readonly bitness: 32 | 64;
    readonly to: 'V7R1' | 'V7R1FR1';
    readonly method: UpgradeMethod;
    /** True when the method came from the manifest, false when it is the guide's default. */
    readonly methodStated: boolean;
    /** `--new-hlm:` address for a silent repair from V6 R2 (the CLM address, §2.8.2 step 9). */
    readonly newHlm?: string;
    /** Where the backup goes (`xpr.upgrade.backupPath`), for reinstall paths. */
    readonly backupPath?: string;
    readonly conferencesActive: boolean;
    readonly cluster: boolean;
    /** Pointer of `xpr.upgrade`, for the IR's source pointers. */
    readonly pointer: string;
}
