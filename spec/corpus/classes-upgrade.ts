/**
 * The corpus, upgrade paths (`xpr.upgrade`): for each rule family a manifest
 * the Upgrade guide forbids, through the command line, with the positioned
 * code and the words that tell the engineer what to do instead; plus the
 * secrets and hostile strings an upgrade section can carry.
 */

import { expect } from 'chai';
import type { CorpusCase } from './cases.js';

const VALIDATE = ['validate', 'site.json'] as const;
const CERT = { file: 'C:\\DscPublicKeys\\XPR.cer', thumbprint: '3C2A6F7B1E0D4C5B8A9F00112233445566778899' };

/** A valid XPR site with kernel XPR01 and the spare node SAT01; `xpr` adds or replaces keys. */
const xprSite = (xpr: object, extra: object = {}): object => ({
    name: 'lab',
    credentials: { XprService: { description: 'XPR', userName: 'LAB\\svc-xpr' } },
    nodes: [
        { name: 'XPR01', addresses: [{ address: '10.0.0.11' }], certificate: CERT },
        { name: 'SAT01', addresses: [{ address: '10.0.0.21' }], certificate: CERT },
    ],
    xpr: {
        serverName: 'XPRLAB',
        installPath: 'D:\\XPR',
        languages: ['German'],
        defaultLanguage: 'German',
        authentication: { mode: 'xprAccount' },
        serviceAccount: { credential: 'XprService' },
        licensing: { claAddress: '10.0.0.5' },
        regional: { country: 'Germany', areaCode: '89', internationalPrefix: '00', nationalPrefix: '0' },
        kernel: { node: 'XPR01' },
        ...xpr,
    },
    ...extra,
});

/** The same site as a two-node cluster (XPR01, SAT01 as nodes). */
const clusterSite = (xpr: object): object =>
    xprSite({
        installPath: 'R:\\OpenScape\\XPR',
        cluster: {
            windowsServer: '2019',
            windowsCluster: { name: 'XPRWSFC', ipAddress: '10.0.0.20' },
            nodes: [
                { node: 'XPR01', clientAddress: '10.0.0.11', interconnectAddress: '192.168.100.1' },
                { node: 'SAT01', clientAddress: '10.0.0.21', interconnectAddress: '192.168.100.2' },
            ],
            role: { name: 'Xpressions Role' },
            clientAccessPoint: { networkName: 'XPRCLUSTER', ipAddress: '10.0.0.25' },
            disk: { number: 1, driveLetter: 'R:' },
        },
        ...xpr,
    });

/** stderr has `site.json:<line>:<column> - error <code>` and every `words`. */
const says = (code: string, ...words: string[]) => (_dir: string, out: { stderr: string }) => {
    expect(out.stderr).to.match(new RegExp(`^site\\.json:\\d+:\\d+ - (?:error|warning) ${code}:`, 'm'));
    for (const w of words) {
        expect(out.stderr).to.contain(w);
    }
};

const PREVIOUS = { serverName: 'XPRLAB', installPath: 'D:\\XPR' };

export const CORPUS_UPGRADE: readonly CorpusCase[] = [
    // path
    { class: 'upgrade paths', name: 'XPR 5.0 R2 straight to V7 names its intermediate versions', manifest: xprSite({ upgrade: { from: 'V5R2', bitness: 32 } }), argv: VALIDATE, exit: 1, codes: ['XPR3141'], after: says('XPR3141', 'XPR 5.0 R4 FR13 or XPR 6 R2', '"from": "V5R2"') },
    { class: 'upgrade paths', name: 'MRS 7.xx goes via MRS 8.03', manifest: xprSite({ upgrade: { from: 'MRS7', bitness: 32 } }), argv: VALIDATE, exit: 1, codes: ['XPR3141'], after: says('XPR3141', 'MRS 8.03') },
    { class: 'upgrade paths', name: 'XPR 6 R0 with conferences goes via 6 R2', manifest: xprSite({ upgrade: { from: 'V6R0', bitness: 32, conferencesActive: true } }), argv: VALIDATE, exit: 1, codes: ['XPR3141'], after: says('XPR3141', 'XPR 6 R2', '"conferencesActive": true') },
    { class: 'upgrade paths', name: 'a 64-bit XPR 6 R1 is no listed source', manifest: xprSite({ upgrade: { from: 'V6R1', bitness: 64 } }), argv: VALIDATE, exit: 1, codes: ['XPR3140'], after: says('XPR3140', '32-bit only') },
    { class: 'upgrade paths', name: 'an unknown source version is a schema error listing the sources', manifest: xprSite({ upgrade: { from: 'V4SA10', bitness: 32 } }), argv: VALIDATE, exit: 1, after: says('XPR2\\d{3}', 'V5R4FR13') },
    // method
    {
        class: 'upgrade paths', name: 'a 32-bit XPR V6 R2 repaired in place fails on "method" and names TOV7',
        manifest: xprSite({ upgrade: { from: 'V6R2', bitness: 32, method: 'repair' } }), argv: VALIDATE, exit: 1, codes: ['XPR3145'],
        after: says('XPR3145', '"method": "repair"', 'TOV7', '"backupReinstallRestore"'),
    },
    { class: 'upgrade paths', name: 'a silent repair to V7 R1 instead of FR1', manifest: xprSite({ upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair' } }), argv: VALIDATE, exit: 1, codes: ['XPR3147'], after: says('XPR3147', 'V7 R1 FR1') },
    { class: 'upgrade paths', name: 'a silent repair from V6 R2 without the CLM address', manifest: xprSite({ version: 'V7R1FR1', upgrade: { from: 'V6R2', bitness: 64, method: 'silentRepair' } }), argv: VALIDATE, exit: 1, codes: ['XPR3149'], after: says('XPR3149', '--new-hlm', 'licensing.clmAddress') },
    { class: 'upgrade paths', name: 'a silent repair from V7 R0 validates', manifest: xprSite({ version: 'V7R1FR1', upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair' } }), argv: VALIDATE, exit: 0 },
    // reinstall
    {
        class: 'upgrade paths', name: 'a reinstall under another server name and folder',
        manifest: xprSite({ upgrade: { from: 'V6R2', bitness: 32, backupPath: 'E:\\Backup', previous: { serverName: 'XPROLD', installPath: 'C:\\XPR' } } }), argv: VALIDATE, exit: 1, codes: ['XPR3154'],
        after: says('XPR3154', '"XPROLD" there', '"C:\\XPR" there'),
    },
    { class: 'upgrade paths', name: 'a reinstall without a backup path', manifest: xprSite({ upgrade: { from: 'V5R4FR13', bitness: 32, previous: PREVIOUS } }), argv: VALIDATE, exit: 1, codes: ['XPR3153', 'XPR3159'], after: says('XPR3153', 'upgrade.backupPath') },
    // cluster
    { class: 'upgrade paths', name: 'MRS 8.03 on a cluster without a project-specific release', manifest: clusterSite({ upgrade: { from: 'MRS8.03', bitness: 64, backupPath: 'E:\\Backup', previous: { serverName: 'XPRLAB', installPath: 'R:\\OpenScape\\XPR' } } }), argv: VALIDATE, exit: 1, codes: ['XPR3161'], after: says('XPR3161', 'project-specific release') },
    { class: 'upgrade paths', name: 'a fix-release medium on a cluster', manifest: clusterSite({ version: 'V7R1FR1', upgrade: { from: 'V7R1', bitness: 64, method: 'fixReleaseMedium' } }), argv: VALIDATE, exit: 1, codes: ['XPR3162'], after: says('XPR3162', 'cluster') },
    // secrets and what people read, in the upgrade section
    {
        // A string where a credential reference belongs may be the password itself: XPR2011 withholds it.
        class: 'secrets', name: 'a string where the PGROOT credential reference belongs is refused and never shown',
        manifest: xprSite({ upgrade: { from: 'V6R2', bitness: 32, backupPath: 'E:\\Backup', uccComponents: true, previous: PREVIOUS, credentials: { pgRoot: 'hunter2-secret' } } }),
        argv: VALIDATE, exit: 1, codes: ['XPR2011'], neverShown: ['hunter2-secret'],
    },
    {
        class: 'secrets', name: 'a property pgRootPassword under upgrade is XPR2007 and never shown',
        manifest: xprSite({ upgrade: { from: 'V6R2', bitness: 32, pgRootPassword: 'hunter2-secret' } }),
        argv: VALIDATE, exit: 1, codes: ['XPR2007'], neverShown: ['hunter2-secret'],
    },
    {
        class: 'what people read', name: 'a previous server name with bidi and escape characters is quoted escaped',
        manifest: xprSite({ upgrade: { from: 'V6R2', bitness: 32, backupPath: 'E:\\Backup', previous: { serverName: 'XPR\u202eOLD\u001b[2J', installPath: 'D:\\XPR' } } }),
        argv: VALIDATE, exit: 1, codes: ['XPR3154'], after: says('XPR3154', '\\u202e'),
    },
];
