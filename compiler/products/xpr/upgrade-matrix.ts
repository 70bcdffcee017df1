/**
 * The §2.1 matrix applied to one manifest: which row of upgrade-data.ts the
 * site's `xpr.upgrade` falls in, whether an intermediate version is needed,
 * which method applies, and the route lowering gets.
 *
 * analyseUpgrade() is the one reading the rules (rules/xpr-upgrade-*.ts)
 * share, so a rule and the route never disagree about a row; upgradeRoute()
 * is what lowering, the runbook and PLAN.md see. Both are pure.
 */

import type { Site, Xpr, XprUpgrade } from '../../manifest/types.generated.js';
import { kernelAddress } from './model.js';
import { SILENT_REPAIR, UPGRADE_MATRIX } from './upgrade-data.js';
import type { UpgradeMatrixRow, UpgradeMethod, UpgradeRoute, UpgradeSourceVersion } from './upgrade-types.js';

export type UpgradeTarget = 'V7R1' | 'V7R1FR1';

export interface UpgradeAnalysis {
    readonly upgrade: XprUpgrade;
    readonly from: UpgradeSourceVersion;
    readonly bitness: 32 | 64;
    /** `xpr.version` (default V7R1). */
    readonly to: UpgradeTarget;
    /** The kernel is on a failover cluster (`xpr.cluster`, §3). */
    readonly cluster: boolean;
    /** The site has satellites (`xpr.satellites`, §2.12). */
    readonly satellites: boolean;
    /** The matrix row of (from, bitness, cluster); undefined: the guide does not list the source. */
    readonly row?: UpgradeMatrixRow;
    /** Intermediate versions the source must reach first (alternatives), when the row requires one here. */
    readonly via?: readonly string[];
    /** The row reaches `to` directly. */
    readonly targetReached: boolean;
    /** Stated or the row's default; undefined when the row allows no direct method. */
    readonly method?: UpgradeMethod;
    readonly methodStated: boolean;
    /** The row is one the guide only allows by backup, reinstall and restore (any 32-bit or MRS source, §2.8). */
    readonly reinstallOnly: boolean;
    /** The CLM address the manifest gives (`licensing.clmAddress`, or the kernel's with the CLM on the kernel). */
    readonly clmAddress?: string;
    /** The silent repair needs `--new-hlm:<CLM address>` (from V6 R2, §2.8.2 step 9). */
    readonly needsNewHlm: boolean;
}

/** The row of the matrix for a source on a cluster or not; the first that matches. */
export function matrixRow(from: UpgradeSourceVersion, bitness: 32 | 64, cluster: boolean): UpgradeMatrixRow | undefined {
    const scope = cluster ? 'cluster' : 'noCluster';
    return UPGRADE_MATRIX.find((row) => row.from.includes(from) && row.bitness.includes(bitness) && (row.scope === undefined || row.scope === scope));
}

/** Intermediate versions a row requires for this source (§2.1 "via the intermediate version(s)", notes 4–6). */
export function requiredVia(row: UpgradeMatrixRow, from: UpgradeSourceVersion, conferencesActive: boolean): readonly string[] | undefined {
    const via = row.via;
    if (!via || via.versions.includes(from)) {
        return undefined;
    }
    return via.when === 'always' || conferencesActive ? via.versions : undefined;
}

/** A method is allowed by the row, and a silent repair only to V7 R1 FR1 (§2.8.2 "Restrictions"). */
export function methodAllowedFor(row: UpgradeMatrixRow, method: UpgradeMethod, to: UpgradeTarget): boolean {
    if (!row.methods.includes(method)) {
        return false;
    }
    return method !== 'silentRepair' || to === SILENT_REPAIR.target;
}

/** The HiPath License Management's address as the manifest gives it. */
export function clmAddressOf(site: Site, xpr: Xpr): string | undefined {
    if (xpr.licensing.clmAddress !== undefined) {
        return xpr.licensing.clmAddress;
    }
    return xpr.licensing.scenario === 'claAndClmOnKernel' ? kernelAddress(site, xpr) : undefined;
}

/** The site's XPR section with its upgrade read against the matrix; undefined without `xpr.upgrade` (the upgrade rules' common start). */
export function siteUpgrade(site: Site): { readonly xpr: Xpr; readonly a: UpgradeAnalysis } | undefined {
    const xpr = site.xpr;
    const a = xpr ? analyseUpgrade(site, xpr) : undefined;
    return xpr && a ? { xpr, a } : undefined;
}

export function analyseUpgrade(site: Site, xpr: Xpr): UpgradeAnalysis | undefined {
    const upgrade = xpr.upgrade;
    if (!upgrade) {
        return undefined;
    }
    const from = upgrade.from;
    const bitness = upgrade.bitness;
    const to: UpgradeTarget = xpr.version ?? 'V7R1';
    const cluster = xpr.cluster !== undefined;
    const row = matrixRow(from, bitness, cluster);
    const methodStated = upgrade.method !== undefined;
    const method = upgrade.method ?? row?.methods[0];
    const clmAddress = clmAddressOf(site, xpr);
    return {
        upgrade,
        from,
        bitness,
        to,
        cluster,
        satellites: (xpr.satellites ?? []).length > 0,
        ...(row ? { row } : {}),
        ...(row ? optional('via', requiredVia(row, from, upgrade.conferencesActive ?? false)) : {}),
        targetReached: row !== undefined && row.to.includes(to),
        ...(method ? { method } : {}),
        methodStated,
        reinstallOnly: row !== undefined && row.methods.length > 0 && row.methods.every((m) => m === 'backupReinstallRestore'),
        ...(clmAddress !== undefined ? { clmAddress } : {}),
        needsNewHlm: method === 'silentRepair' && SILENT_REPAIR.newHlmSources.includes(from),
    };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * The route of a site with `xpr.upgrade`: undefined without one, or when the
 * matrix does not allow the step (unlisted source, intermediate version
 * needed, target not reached, a method the row or the site does not allow
 * (methodProblem), a silent repair from V6 R2 without a CLM address). The
 * rules report each of these; checks that do not change the route (folders,
 * credentials, releases) are the rules' alone, and the pipeline stops on
 * their errors before lowering.
 */
export function upgradeRoute(site: Site, xpr: Xpr): UpgradeRoute | undefined {
    const analysis = analyseUpgrade(site, xpr);
    if (!analysis || !routeAccepted(analysis)) {
        return undefined;
    }
    if (analysis.needsNewHlm && analysis.clmAddress === undefined) {
        return undefined;
    }
    const upgrade = analysis.upgrade;
    return {
        row: analysis.row,
        from: analysis.from,
        bitness: analysis.bitness,
        to: analysis.to,
        method: analysis.method,
        methodStated: analysis.methodStated,
        ...(analysis.needsNewHlm && analysis.clmAddress !== undefined ? { newHlm: analysis.clmAddress } : {}),
        ...(upgrade.backupPath !== undefined ? { backupPath: upgrade.backupPath } : {}),
        conferencesActive: upgrade.conferencesActive ?? false,
        cluster: analysis.cluster,
        pointer: '/xpr/upgrade',
    };
}

/** The path holds: a row lists the source, no intermediate version is needed, and the row reaches the target. */
export function pathAccepted(a: UpgradeAnalysis): a is UpgradeAnalysis & { readonly row: UpgradeMatrixRow } {
    return a.row !== undefined && a.via === undefined && a.targetReached;
}

/**
 * What is wrong with the method on an accepted path, one reason each, so
 * that the method and cluster rules never report the same mistake twice:
 * an in-place method on a reinstall-only row first (the classic mistake),
 * then the cluster's and the fix-release medium's limits, then the row's
 * methods, then the silent repair's target (§2.8.2).
 */
export type MethodProblem =
    | 'repairFromReinstallSource'
    | 'silentRepairSource'
    | 'clusterSilentRepair'
    | 'fixReleaseMediumNotAllowed'
    | 'notForRow'
    | 'silentRepairTarget';

export function methodProblem(a: UpgradeAnalysis): MethodProblem | undefined {
    if (!pathAccepted(a) || a.method === undefined) {
        return undefined;
    }
    const method = a.method;
    if (a.reinstallOnly && method === 'repair') {
        return 'repairFromReinstallSource';
    }
    if (a.reinstallOnly && method === 'silentRepair') {
        return 'silentRepairSource';
    }
    if (a.cluster && method === 'silentRepair') {
        return 'clusterSilentRepair';
    }
    if (method === 'fixReleaseMedium' && a.from === 'V7R1' && (a.cluster || a.satellites)) {
        return 'fixReleaseMediumNotAllowed';
    }
    if (!a.row.methods.includes(method)) {
        return 'notForRow';
    }
    return methodAllowedFor(a.row, method, a.to) ? undefined : 'silentRepairTarget';
}

/** The route the rules accept: the path holds and the method fits it. */
export function routeAccepted(a: UpgradeAnalysis): a is UpgradeAnalysis & { readonly row: UpgradeMatrixRow; readonly method: UpgradeMethod } {
    return pathAccepted(a) && a.method !== undefined && methodProblem(a) === undefined;
}
