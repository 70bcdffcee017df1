/**
 * The upgrade rule cases (rules/xpr-upgrade-*.ts): each input of
 * upgrade-inputs.ts with every diagnostic compile() reports for it. The
 * positions are those of JSON.stringify(manifest, null, 2).
 */

import type { RuleCase, Row } from './table.js';
import { UPGRADE_INPUTS } from './upgrade-inputs.js';

const row = (code: string, line: number, column: number, pointer: string, message: string): Row => ({ code, line, column, pointer, message });

/** Expected diagnostics by the input's `it`. */
const EXPECTED: Readonly<Record<string, readonly Row[]>> = {
    "should report a source the matrix does not list (XPR 6 R1 on 64-bit)": [
        row('XPR3140', 61, 15, '/xpr/upgrade/from', "The Upgrade guide has no path from XPR 6 R1 on a 64-bit operating system to XPR V7 R1. The matrix lists XPR 6 R1 on 32-bit only."),
    ],
    "should report XPR 5.0 R2, which goes via 5.0 R4 FR13 or 6 R2": [
        row('XPR3141', 61, 15, '/xpr/upgrade/from', "XPR 5.0 R2 cannot be upgraded to XPR V7 R1 directly: upgrade it to XPR 5.0 R4 FR13 or XPR 6 R2 first (matrix row v5r2-32, §2.1 notes 1, 2, 7)."),
    ],
    "should report MRS 7.xx, which goes via MRS 8.03": [
        row('XPR3141', 61, 15, '/xpr/upgrade/from', "MRS 7.xx cannot be upgraded to XPR V7 R1 directly: upgrade it to MRS 8.03 first (matrix row mrs7-32, §2.1 note 2)."),
    ],
    "should report XPR 6 R1 with conferences, which goes via 6 R2": [
        row('XPR3141', 63, 28, '/xpr/upgrade/conferencesActive', "XPR 6 R1 cannot be upgraded to XPR V7 R1 directly with activated conferences: upgrade it to XPR 6 R2 first (matrix row v6r1-32, §2.1 notes 1–5, §2.9)."),
    ],
    "should report MRS 8.xx with conferences, which goes via MRS 8.03": [
        row('XPR3141', 63, 28, '/xpr/upgrade/conferencesActive', "MRS 8.xx other than 8.03 cannot be upgraded to XPR V7 R1 directly with activated conferences: upgrade it to MRS 8.03 first (matrix row mrs8-64, §2.1 notes 1, 2, 5, 6, §2.11)."),
    ],
    "should report V7 R1 to V7 R1, which is no step": [
        row('XPR3142', 60, 16, '/xpr/version', "From XPR 7 R1 (FR0) the matrix (row v7r1fr0-64) leads to \"V7R1FR1\", not to \"V7R1\"."),
    ],
    "should report an upgrade of a site marked as installed": [
        row('XPR3143', 60, 18, '/xpr/installed', "\"installed\": true says XPR V7R1 is already on every host, but \"upgrade\" says the site still runs XPR 7 R0."),
    ],
    "should report a target build that is not newer": [
        row('XPR3144', 64, 16, '/xpr/upgrade/build', "The installed build 8.11.0.16072 is not older than the target medium's build 8.10.0.15217."),
    ],
    "should accept V7 R0 64-bit to V7 R1 by Repair, with an older build": [
    ],
    "should accept MRS 8.03 with conferences directly": [
        row('XPR3158', 61, 15, '/xpr/upgrade/from', "The cyPhoneWeb data of MRS 8.03 is not migrated: configure it again in the XPR 7 WebClient after the upgrade (the old files stay in <XPR_Install>\\cyPHONEWeb)."),
    ],
    "should report the in-place repair of a 32-bit XPR V6 R2, naming TOV7": [
        row('XPR3145', 63, 17, '/xpr/upgrade/method', "XPR 6 R2 on a 32-bit operating system cannot be upgraded by an in-place Repair: the guide upgrades it only by backup, uninstall, fresh 64-bit V7 and restore (\"TOV7\", matrix row v6r2-32, §2.1 notes 1, 2, 3, §2.9)."),
    ],
    "should report a silent repair of MRS 8.03": [
        row('XPR3146', 64, 17, '/xpr/upgrade/method', "The silent repair upgrades only XPR V6 R2, V7 R0 and V7 R1 on 64-bit systems, not MRS 8.03 on a 64-bit one: take the backup, uninstall, fresh 64-bit V7 and restore path (\"TOV7\", matrix row mrs8-64, §2.1 notes 1, 2, 5, 6, §2.11)."),
    ],
    "should report a silent repair to V7 R1 instead of FR1": [
        row('XPR3147', 60, 16, '/xpr/version', "The silent repair upgrades to XPR V7 R1 FR1 only, not to V7R1."),
    ],
    "should report a reinstall of a 64-bit V7 R0": [
        row('XPR3148', 63, 17, '/xpr/upgrade/method', "\"backupReinstallRestore\" is not a way from XPR 7 R0 (64-bit); matrix row v7r0-64 allows \"repair\", \"silentRepair\" (§2.1, §2.8.1, §2.8.2)."),
    ],
    "should report a silent repair from V6 R2 without the CLM address": [
        row('XPR3149', 48, 18, '/xpr/licensing', "The silent repair from XPR V6 R2 runs `setup.exe --silent-repair --new-hlm:<IP address>` with the address of the HiPath License Management, which the manifest does not give."),
    ],
    "should report a CLM address that is not the kernel's with the CLM on the kernel": [
        row('XPR3150', 50, 21, '/xpr/licensing/clmAddress', "With scenario \"claAndClmOnKernel\" the CLM runs on the kernel, but 10.0.0.99 is not an address of node \"XPR01\" (10.0.0.11); `--new-hlm:` would point the license service elsewhere."),
    ],
    "should report a silent repair with the Connection APL on a satellite": [
        row('XPR3124', 64, 28, '/xpr/satellites/0/components/connectionApl', "With the Connection APL on satellite \"SAT01\", Smart Backup & Restore cannot back up the UC components."),
        row('XPR3151', 64, 28, '/xpr/satellites/0/components/connectionApl', "Satellite \"SAT01\" runs the Connection APL (UCC); the silent repair does not upgrade UCC components on satellites."),
    ],
    "should warn about a silent repair with UCC components and satellites": [
        row('XPR3152', 73, 24, '/xpr/upgrade/uccComponents', "The source has UCC components and the site has satellites; the silent repair does not upgrade UCC components on satellites."),
    ],
    "should accept a silent repair from V6 R2 with --new-hlm from licensing.clmAddress": [
    ],
    "should accept the CLM on the kernel for --new-hlm": [
    ],
    "should report a reinstall without backup path and names, and warn about the WebClient": [
        row('XPR3153', 60, 16, '/xpr/upgrade', "The backup, reinstall and restore path (matrix row v6r2-32) needs \"upgrade.backupPath\": the Smart Backup's TAR file must leave the host before XPR is uninstalled."),
        row('XPR3155', 60, 16, '/xpr/upgrade', "\"upgrade.previous\" does not give the installed system's \"serverName\", \"installPath\", so xprc cannot check that the fresh installation keeps the same."),
        row('XPR3157', 61, 15, '/xpr/upgrade/from', "The XPR WebClient data of XPR 6 R2 is not backed up by this upgrade: configure the XPR 7 WebClient again afterwards (the old files stay in <XPR_Install>\\xprWebClient_backup)."),
    ],
    "should report a changed server name and changed folders": [
        row('XPR3157', 61, 15, '/xpr/upgrade/from', "The XPR WebClient data of XPR 6 R0 is not backed up by this upgrade: configure the XPR 7 WebClient again afterwards (the old files stay in <XPR_Install>\\xprWebClient_backup)."),
        row('XPR3154', 65, 23, '/xpr/upgrade/previous/serverName', "The restore needs the same XPR server name as the installed system: \"XPROLD\" there, \"XPRLAB\" in the target."),
        row('XPR3154', 66, 24, '/xpr/upgrade/previous/installPath', "The restore needs the same installation folder as the installed system: \"C:\\Xpressions\" there, \"D:\\XPR\" in the target."),
        row('XPR3154', 67, 27, '/xpr/upgrade/previous/databaseFolder', "The restore needs the same database folder as the installed system: \"E:\\XPRData\\Database\" there, \"(not set: the setup's default)\" in the target."),
    ],
    "should report the missing PGROOT and backup share credentials": [
        row('XPR3156', 60, 16, '/xpr/upgrade', "The reinstall needs \"credentials.backupShare\": the backup goes to the share \\\\backup01\\xpr, which needs an account that can write to it and read it back after the reinstall."),
        row('XPR3156', 60, 16, '/xpr/upgrade', "The reinstall needs \"credentials.pgRoot\": with UCC components the fresh installation must give the PostgreSQL user PGROOT the password of the old system."),
        row('XPR3157', 61, 15, '/xpr/upgrade/from', "The XPR WebClient data of XPR 6 R2 is not backed up by this upgrade: configure the XPR 7 WebClient again afterwards (the old files stay in <XPR_Install>\\xprWebClient_backup)."),
    ],
    "should warn that MRS cyPhoneWeb data is not migrated": [
        row('XPR3158', 61, 15, '/xpr/upgrade/from', "The cyPhoneWeb data of MRS 8.xx other than 8.03 is not migrated: configure it again in the XPR 7 WebClient after the upgrade (the old files stay in <XPR_Install>\\cyPHONEWeb)."),
    ],
    "should warn that the XPR 5.0 SMS APL configuration is lost": [
        row('XPR3159', 61, 15, '/xpr/upgrade/from', "XPR 7 has the SMSIP APL instead of the XPR 5.0 SMS APL, so the SMS APL configuration is lost; the Network Administrator password and the Local Profile are kept only if the XPR 7 server keeps the host name and IP address of the XPR 5 server."),
    ],
    "should compare folders case-insensitively, and leave the satellite's Connection APL to XPR3124": [
        row('XPR3124', 64, 28, '/xpr/satellites/0/components/connectionApl', "With the Connection APL on satellite \"SAT01\", Smart Backup & Restore cannot back up the UC components."),
        row('XPR3159', 69, 15, '/xpr/upgrade/from', "XPR 7 has the SMSIP APL instead of the XPR 5.0 SMS APL, so the SMS APL configuration is lost; the Network Administrator password and the Local Profile are kept only if the XPR 7 server keeps the host name and IP address of the XPR 5 server."),
    ],
    "should report a changed name or folder on an in-place repair": [
        row('XPR3160', 67, 23, '/xpr/upgrade/previous/serverName', "A silent repair upgrades the installation where it is, so the target keeps the installed system's XPR server name: \"XPROLD\" there, \"XPRLAB\" in the target."),
    ],
    "should accept an in-place repair that keeps name and folders": [
    ],
    "should report a 32-bit cluster source without a project-specific release": [
        row('XPR3161', 113, 16, '/xpr/upgrade', "Upgrading XPR 6 R2 (32-bit) on a Windows cluster to XPR V7 R1 needs a project-specific release of XPR V7 R1 (matrix row cluster-v6r2-32, §2.1 notes 1, 2, 3, §3.3)."),
        row('XPR3157', 114, 15, '/xpr/upgrade/from', "The XPR WebClient data of XPR 6 R2 is not backed up by this upgrade: configure the XPR 7 WebClient again afterwards (the old files stay in <XPR_Install>\\xprWebClient_backup)."),
    ],
    "should report MRS 8.03 on a cluster with projectSpecificRelease false": [
        row('XPR3158', 114, 15, '/xpr/upgrade/from', "The cyPhoneWeb data of MRS 8.03 is not migrated: configure it again in the XPR 7 WebClient after the upgrade (the old files stay in <XPR_Install>\\cyPHONEWeb)."),
        row('XPR3161', 116, 33, '/xpr/upgrade/projectSpecificRelease', "Upgrading MRS 8.03 (64-bit) on a Windows cluster to XPR V7 R1 needs a project-specific release of XPR V7 R1 (matrix row cluster-mrs8, §2.1 notes 1, 2, 5, 6, §3.5)."),
    ],
    "should report a fix-release medium with satellites": [
        row('XPR3162', 72, 17, '/xpr/upgrade/method', "A fix-release medium built with XPRV7R1-FR0-FR1.exe is not for a site with satellites."),
    ],
    "should report a fix-release medium on a cluster": [
        row('XPR3162', 117, 17, '/xpr/upgrade/method', "A fix-release medium built with XPRV7R1-FR0-FR1.exe is not for a cluster or a site with satellites."),
    ],
    "should report a silent repair on a cluster": [
        row('XPR3163', 117, 17, '/xpr/upgrade/method', "The silent repair is not the guide's procedure for a cluster: an XPR in a cluster is upgraded in place by the cluster procedure, with the license service first and Server\\Setup.exe (matrix row cluster-v6r2-v7r0-64, §3.1, §3.2)."),
    ],
    "should warn about UCC components on a cluster source without a UCC satellite": [
        row('XPR3164', 116, 24, '/xpr/upgrade/uccComponents', "The source cluster has UCC components, but no satellite of the manifest runs the Connection APL; UCC must be neither in the cluster nor on a cluster node."),
    ],
    "should accept the in-place cluster upgrade from V6 R2 64-bit": [
    ],
    "should accept a 32-bit cluster source with a project-specific release": [
        row('XPR3157', 114, 15, '/xpr/upgrade/from', "The XPR WebClient data of XPR 6 R2 is not backed up by this upgrade: configure the XPR 7 WebClient again afterwards (the old files stay in <XPR_Install>\\xprWebClient_backup)."),
    ],
    "should accept a fix-release medium on a single server": [
    ],
};

export const UPGRADE_CASES: readonly RuleCase[] = UPGRADE_INPUTS.map((input) => {
    const expected = EXPECTED[input.it];
    if (!expected) {
        throw new Error(`upgrade case without expectation: ${input.it}`);
    }
    return { ...input, expected };
});
