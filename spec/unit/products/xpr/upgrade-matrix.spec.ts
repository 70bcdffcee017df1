/**
 * upgradeRoute() over every row of the matrix: each (source, bitness, site
 * kind) a row lists leads to that row, with the guide's default method or
 * each stated one; rows that only name intermediate versions, and sources
 * that need one, give no route.
 */

import { expect } from 'chai';
import type { Site, Xpr } from '../../../../compiler/manifest/types.generated.js';
import { UPGRADE_MATRIX } from '../../../../compiler/products/xpr/upgrade-data.js';
import { analyseUpgrade, matrixRow, upgradeRoute } from '../../../../compiler/products/xpr/upgrade-matrix.js';
import type { UpgradeMatrixRow, UpgradeSourceVersion } from '../../../../compiler/products/xpr/upgrade-types.js';
import { site, type Json } from './cases.js';

const CLUSTER: Json = { windowsServer: '2019', nodes: [{ node: 'XPR01' }, { node: 'SAT01' }] };

function manifest(upgrade: Json, xpr: Json = {}): { site: Site; xpr: Xpr } {
    const s = site({ upgrade, ...xpr }) as unknown as Site;
    return { site: s, xpr: s.xpr! };
}

function route(upgrade: Json, xpr: Json = {}) {
    const m = manifest(upgrade, xpr);
    return upgradeRoute(m.site, m.xpr);
}

interface Point {
    readonly row: UpgradeMatrixRow;
    readonly from: UpgradeSourceVersion;
    readonly bitness: 32 | 64;
    readonly cluster: boolean;
}

/** Every (row, source, bitness, site kind) the matrix lists. */
const POINTS: Point[] = UPGRADE_MATRIX.flatMap((row) =>
    row.from.flatMap((from) =>
        row.bitness.flatMap((bitness) => (row.scope === undefined ? [false, true] : [row.scope === 'cluster']).map((cluster) => ({ row, from, bitness, cluster }))),
    ),
);

const clusterXpr = (cluster: boolean): Json => (cluster ? { cluster: CLUSTER } : {});

describe('xpr upgrade matrix: upgradeRoute', () => {
    it('has unique row ids and a section on every row', () => {
        const ids = UPGRADE_MATRIX.map((r) => r.id);
        expect(new Set(ids).size).to.equal(ids.length);
        for (const row of UPGRADE_MATRIX) {
            expect(row.section, row.id).to.match(/^§[23]\./);
            expect(row.methods.length > 0 || row.via !== undefined, row.id).to.equal(true);
        }
    });

    it('lists no (source, bitness, site kind) in two rows', () => {
        const seen = new Map<string, string>();
        for (const p of POINTS) {
            const key = `${p.from}/${p.bitness}/${p.cluster}`;
            expect(seen.get(key), `${key} in ${p.row.id}`).to.equal(undefined);
            seen.set(key, p.row.id);
        }
    });

    for (const p of POINTS) {
        const name = `${p.row.id}: ${p.from} ${p.bitness}-bit${p.cluster ? ' on a cluster' : ''}`;
        const to = p.row.to[p.row.to.length - 1]!;
        const direct = p.row.via?.when !== 'always' && p.row.methods.length > 0;

        it(`${name} is reached by matrixRow`, () => {
            expect(matrixRow(p.from, p.bitness, p.cluster)?.id).to.equal(p.row.id);
        });

        if (!direct) {
            it(`${name}: no route, the intermediate versions ${p.row.via!.versions.join(', ')} are named`, () => {
                const m = manifest({ from: p.from, bitness: p.bitness }, { version: to, ...clusterXpr(p.cluster) });
                expect(upgradeRoute(m.site, m.xpr)).to.equal(undefined);
                expect(analyseUpgrade(m.site, m.xpr)?.via).to.deep.equal(p.row.via!.versions);
            });
            continue;
        }

        it(`${name}: the default method is the row's first`, () => {
            const r = route({ from: p.from, bitness: p.bitness, backupPath: 'E:\\Backup' }, { version: to, licensing: { claAddress: '10.0.0.5', clmAddress: '10.0.0.6' }, ...clusterXpr(p.cluster) });
            expect(r).to.deep.include({ from: p.from, bitness: p.bitness, to, method: p.row.methods[0], methodStated: false, cluster: p.cluster, pointer: '/xpr/upgrade', conferencesActive: false, backupPath: 'E:\\Backup' });
            expect(r!.row.id).to.equal(p.row.id);
        });

        for (const method of p.row.methods) {
            it(`${name}: stated method ${method}`, () => {
                const r = route({ from: p.from, bitness: p.bitness, method }, { version: to, licensing: { claAddress: '10.0.0.5', clmAddress: '10.0.0.6' }, ...clusterXpr(p.cluster) });
                expect(r?.method).to.equal(method);
                expect(r?.methodStated).to.equal(true);
                expect(r?.newHlm).to.equal(method === 'silentRepair' && p.from === 'V6R2' ? '10.0.0.6' : undefined);
            });
        }

        if (p.row.via?.when === 'conferencesActive') {
            const needsVia = !p.row.via.versions.includes(p.from);
            it(`${name} with conferences: ${needsVia ? `no route, via ${p.row.via.versions.join(', ')}` : 'still direct'}`, () => {
                const m = manifest({ from: p.from, bitness: p.bitness, conferencesActive: true }, { version: to, ...clusterXpr(p.cluster) });
                const r = upgradeRoute(m.site, m.xpr);
                if (needsVia) {
                    expect(r).to.equal(undefined);
                    expect(analyseUpgrade(m.site, m.xpr)?.via).to.deep.equal(p.row.via!.versions);
                } else {
                    expect(r?.conferencesActive).to.equal(true);
                }
            });
        }
    }

    const UNROUTED: readonly { it: string; upgrade: Json; xpr?: Json }[] = [
        { it: 'no upgrade section', upgrade: {} },
        { it: 'a source the guide does not list (V6 R1 64-bit)', upgrade: { from: 'V6R1', bitness: 64 } },
        { it: 'V7 R1 32-bit', upgrade: { from: 'V7R1', bitness: 32 } },
        { it: 'V7 R1 to V7 R1 (no step)', upgrade: { from: 'V7R1', bitness: 64 }, xpr: { version: 'V7R1' } },
        { it: 'repair of a 32-bit V6 R2 in place', upgrade: { from: 'V6R2', bitness: 32, method: 'repair' } },
        { it: 'silent repair of MRS 8.03', upgrade: { from: 'MRS8.03', bitness: 64, method: 'silentRepair' }, xpr: { version: 'V7R1FR1' } },
        { it: 'silent repair to V7 R1 (not FR1)', upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair' }, xpr: { version: 'V7R1' } },
        { it: 'silent repair from V6 R2 without a CLM address', upgrade: { from: 'V6R2', bitness: 64, method: 'silentRepair' }, xpr: { version: 'V7R1FR1' } },
        { it: 'backup/reinstall from a 64-bit V7 R0', upgrade: { from: 'V7R0', bitness: 64, method: 'backupReinstallRestore' } },
        { it: 'the fix-release medium from V6 R2', upgrade: { from: 'V6R2', bitness: 64, method: 'fixReleaseMedium' }, xpr: { version: 'V7R1FR1' } },
        { it: 'silent repair on a cluster', upgrade: { from: 'V7R0', bitness: 64, method: 'silentRepair' }, xpr: { version: 'V7R1FR1', cluster: CLUSTER } },
        { it: 'the fix-release medium on a site with satellites', upgrade: { from: 'V7R1', bitness: 64, method: 'fixReleaseMedium' }, xpr: { version: 'V7R1FR1', satellites: [{ node: 'SAT01', components: { xmlApl: {} } }] } },
        { it: 'the fix-release medium on a cluster', upgrade: { from: 'V7R1', bitness: 64, method: 'fixReleaseMedium' }, xpr: { version: 'V7R1FR1', cluster: CLUSTER } },
    ];
    for (const c of UNROUTED) {
        it(`gives no route for ${c.it}`, () => {
            const s = site(c.it === 'no upgrade section' ? { ...c.xpr } : { upgrade: c.upgrade, ...c.xpr }) as unknown as Site;
            expect(upgradeRoute(s, s.xpr!)).to.equal(undefined);
        });
    }

    it('takes the kernel address as the CLM with scenario claAndClmOnKernel', () => {
        const r = route({ from: 'V6R2', bitness: 64, method: 'silentRepair' }, { version: 'V7R1FR1', licensing: { scenario: 'claAndClmOnKernel' } });
        expect(r?.newHlm).to.equal('10.0.0.11');
    });

    it('passes no --new-hlm from V7 R0 even with a CLM address', () => {
        const r = route({ from: 'V7R0', bitness: 64, method: 'silentRepair' }, { version: 'V7R1FR1', licensing: { claAddress: '10.0.0.5', clmAddress: '10.0.0.6' } });
        expect(r).to.not.equal(undefined);
        expect(r).to.not.have.property('newHlm');
    });
});
