/**
 * Manifests for the upgrade rule cases (upgrade-cases.ts): the small valid
 * site of cases.ts, or the cluster site of cluster-cases.ts, with an
 * `xpr.upgrade` section and the variation each diagnostic needs.
 */

import { site, withSatellite, type Json } from './cases.js';
import { clusterSite } from './cluster-cases.js';

export interface UpgradeInput {
    readonly rule: string;
    readonly it: string;
    readonly manifest: Json;
    readonly passing?: boolean;
}

/** The source system's names as the target keeps them (§2.9.2). */
export const SAME = { serverName: 'XPRLAB', installPath: 'D:\\XPR' };
const CLUSTER_SAME = { serverName: 'XPRLAB', installPath: 'R:\\OpenScape\\XPR' };
const FR1 = { version: 'V7R1FR1' };
const CLM = { licensing: { claAddress: '10.0.0.5', clmAddress: '10.0.0.6' } };
const up = (upgrade: Json, xpr: Json = {}): Json => site({ ...xpr, upgrade });

export const UPGRADE_INPUTS: readonly UpgradeInput[] = [
    // xpr-upgrade-path
    { rule: 'xpr-upgrade-path', it: 'should report a source the matrix does not list (XPR 6 R1 on 64-bit)', manifest: up({ from: 'V6R1', bitness: 64 }) },
    { rule: 'xpr-upgrade-path', it: 'should report XPR 5.0 R2, which goes via 5.0 R4 FR13 or 6 R2', manifest: up({ from: 'V5R2', bitness: 32, backupPath: 'E:\\Backup' }) },
    { rule: 'xpr-upgrade-path', it: 'should report MRS 7.xx, which goes via MRS 8.03', manifest: up({ from: 'MRS7', bitness: 32 }) },
    { rule: 'xpr-upgrade-path', it: 'should report XPR 6 R1 with conferences, which goes via 6 R2', manifest: up({ from: 'V6R1', bitness: 32, conferencesActive: true }) },
    { rule: 'xpr-upgrade-path', it: 'should report MRS 8.xx with conferences, which goes via MRS 8.03', manifest: up({ from: 'MRS8', bitness: 64, conferencesActive: true }) },
    { rule: 'xpr-upgrade-path', it: 'should report V7 R1 to V7 R1, which is no step', manifest: up({ from: 'V7R1', bitness: 64 }, { version: 'V7R1' }) },
    { rule: 'xpr-upgrade-path', it: 'should report an upgrade of a site marked as installed', manifest: up({ from: 'V7R0', bitness: 64 }, { installed: true }) },
    { rule: 'xpr-upgrade-path', it: 'should report a target build that is not newer', manifest: up({ from: 'V7R0', bitness: 64, build: '8.11.0.16072' }, { build: '8.10.0.15217' }) },
    { rule: 'xpr-upgrade-path', it: 'should accept V7 R0 64-bit to V7 R1 by Repair, with an older build', passing: true, manifest: up({ from: 'V7R0', bitness: 64, build: '8.10.0.15217' }, { build: '8.11.0.16072' }) },
    { rule: 'xpr-upgrade-path', it: 'should accept MRS 8.03 with conferences directly', passing: true, manifest: up({ from: 'MRS8.03', bitness: 64, conferencesActive: true, backupPath: 'E:\\Backup', previous: SAME }) },
    // xpr-upgrade-method
    { rule: 'xpr-upgrade-method', it: 'should report the in-place repair of a 32-bit XPR V6 R2, naming TOV7', manifest: up({ from: 'V6R2', bitness: 32, method: 'repair' }) },
    { rule: 'xpr-upgrade-method', it: 'should report a silent repair of MRS 8.03', manifest: up({ from: 'MRS8.03', bitness: 64, method: 'silentRepair' }, FR1) },
    { rule: 'xpr-upgrade-method', it: 'should report a silent repair to V7 R1 instead of FR1', manifest: up({ from: 'V7R0', bitness: 64, method: 'silentRepair' }, { version: 'V7R1' }) },
    { rule: 'xpr-upgrade-method', it: 'should report a reinstall of a 64-bit V7 R0', manifest: up({ from: 'V7R0', bitness: 64, method: 'backupReinstallRestore', backupPath: 'E:\\Backup' }) },
    { rule: 'xpr-upgrade-method', it: 'should report a silent repair from V6 R2 without the CLM address', manifest: up({ from: 'V6R2', bitness: 64, method: 'silentRepair' }, FR1) },
    {
        rule: 'xpr-upgrade-method',
        it: 'should report a CLM address that is not the kernel\'s with the CLM on the kernel',
        manifest: up({ from: 'V6R2', bitness: 64, method: 'silentRepair' }, { ...FR1, licensing: { scenario: 'claAndClmOnKernel', clmAddress: '10.0.0.99' } }),
    },
    { rule: 'xpr-upgrade-method', it: 'should report a silent repair with the Connection APL on a satellite', manifest: withSatellite({ connectionApl: {} }, { ...FR1, upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair' } }) },
    { rule: 'xpr-upgrade-method', it: 'should warn about a silent repair with UCC components and satellites', manifest: withSatellite({ xmlApl: {} }, { ...FR1, upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair', uccComponents: true } }) },
    { rule: 'xpr-upgrade-method', it: 'should accept a silent repair from V6 R2 with --new-hlm from licensing.clmAddress', passing: true, manifest: up({ from: 'V6R2', bitness: 64, method: 'silentRepair' }, { ...FR1, ...CLM }) },
    { rule: 'xpr-upgrade-method', it: 'should accept the CLM on the kernel for --new-hlm', passing: true, manifest: up({ from: 'V6R2', bitness: 64, method: 'silentRepair' }, { ...FR1, licensing: { scenario: 'claAndClmOnKernel' } }) },
    // xpr-upgrade-reinstall
    { rule: 'xpr-upgrade-reinstall', it: 'should report a reinstall without backup path and names, and warn about the WebClient', manifest: up({ from: 'V6R2', bitness: 32 }) },
    {
        rule: 'xpr-upgrade-reinstall',
        it: 'should report a changed server name and changed folders',
        manifest: up({ from: 'V6R0', bitness: 32, backupPath: 'E:\\Backup', previous: { serverName: 'XPROLD', installPath: 'C:\\Xpressions', databaseFolder: 'E:\\XPRData\\Database' } }),
    },
    {
        rule: 'xpr-upgrade-reinstall',
        it: 'should report the missing PGROOT and backup share credentials',
        manifest: up({ from: 'V6R2', bitness: 32, uccComponents: true, backupPath: '\\\\backup01\\xpr', previous: SAME }),
    },
    { rule: 'xpr-upgrade-reinstall', it: 'should warn that MRS cyPhoneWeb data is not migrated', manifest: up({ from: 'MRS8', bitness: 32, backupPath: 'E:\\Backup', previous: SAME }) },
    { rule: 'xpr-upgrade-reinstall', it: 'should warn that the XPR 5.0 SMS APL configuration is lost', manifest: up({ from: 'V5R4FR13', bitness: 32, backupPath: 'E:\\Backup', previous: SAME }) },
    {
        rule: 'xpr-upgrade-reinstall',
        it: 'should compare folders case-insensitively, and leave the satellite\'s Connection APL to XPR3124',
        manifest: withSatellite({ connectionApl: {} }, { upgrade: { from: 'V5R4FR13', bitness: 32, backupPath: 'E:\\Backup', previous: { ...SAME, databaseFolder: 'e:\\xprdata\\database\\' } }, databaseFolder: 'E:\\XPRData\\Database' }),
    },
    {
        rule: 'xpr-upgrade-reinstall',
        it: 'should report a changed name or folder on an in-place repair',
        manifest: up({ from: 'V6R2', bitness: 64, method: 'silentRepair', previous: { serverName: 'XPROLD', installPath: 'D:\\XPR\\' } }, { ...FR1, ...CLM }),
    },
    { rule: 'xpr-upgrade-reinstall', it: 'should accept an in-place repair that keeps name and folders', passing: true, manifest: up({ from: 'V7R0', bitness: 64, previous: SAME }) },
    // xpr-upgrade-cluster
    { rule: 'xpr-upgrade-cluster', it: 'should report a 32-bit cluster source without a project-specific release', manifest: clusterSite({}, { upgrade: { from: 'V6R2', bitness: 32, backupPath: 'E:\\Backup', previous: CLUSTER_SAME } }) },
    { rule: 'xpr-upgrade-cluster', it: 'should report MRS 8.03 on a cluster with projectSpecificRelease false', manifest: clusterSite({}, { upgrade: { from: 'MRS8.03', bitness: 64, projectSpecificRelease: false, backupPath: 'E:\\Backup', previous: CLUSTER_SAME } }) },
    { rule: 'xpr-upgrade-cluster', it: 'should report a fix-release medium with satellites', manifest: withSatellite({ xmlApl: {} }, { ...FR1, upgrade: { from: 'V7R1', bitness: 64, method: 'fixReleaseMedium' } }) },
    { rule: 'xpr-upgrade-cluster', it: 'should report a fix-release medium on a cluster', manifest: clusterSite({}, { ...FR1, upgrade: { from: 'V7R1', bitness: 64, method: 'fixReleaseMedium' } }) },
    { rule: 'xpr-upgrade-cluster', it: 'should report a silent repair on a cluster', manifest: clusterSite({}, { ...FR1, upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair' } }) },
    { rule: 'xpr-upgrade-cluster', it: 'should warn about UCC components on a cluster source without a UCC satellite', manifest: clusterSite({}, { upgrade: { from: 'V6R2', bitness: 64, uccComponents: true } }) },
    { rule: 'xpr-upgrade-cluster', it: 'should accept the in-place cluster upgrade from V6 R2 64-bit', passing: true, manifest: clusterSite({}, { upgrade: { from: 'V6R2', bitness: 64 } }) },
    {
        rule: 'xpr-upgrade-cluster',
        it: 'should accept a 32-bit cluster source with a project-specific release',
        passing: true,
        manifest: clusterSite({}, { upgrade: { from: 'V6R2', bitness: 32, projectSpecificRelease: true, backupPath: 'E:\\Backup', previous: CLUSTER_SAME } }),
    },
    { rule: 'xpr-upgrade-cluster', it: 'should accept a fix-release medium on a single server', passing: true, manifest: up({ from: 'V7R1', bitness: 64, method: 'fixReleaseMedium' }, FR1) },
];
