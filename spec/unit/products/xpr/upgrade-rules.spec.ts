/**
 * The upgrade rules against the matrix, end to end through compile():
 * every row of upgrade-data.ts, written as a manifest that gives what the
 * row needs, compiles without an error (so the rules accept every route
 * upgradeRoute() gives), rows that only name intermediate versions fail
 * naming them, and every code of XPR3140–XPR3164 is reported, positioned,
 * by at least one case and cites a section and its matrix rows.
 */

import { expect } from 'chai';
import { compile } from '../../../../compiler/compile.js';
import { CATALOG, findByCode } from '../../../../compiler/diagnostics/catalog.js';
import { XPR_UPGRADE } from '../../../../compiler/diagnostics/catalog/xpr-upgrade.js';
import { UPGRADE_RULES } from '../../../../compiler/products/xpr/upgrade-rules.js';
import { UPGRADE_MATRIX } from '../../../../compiler/products/xpr/upgrade-data.js';
import { upgradeRoute } from '../../../../compiler/products/xpr/upgrade-matrix.js';
import type { Site } from '../../../../compiler/manifest/types.generated.js';
import { site, type Json } from './cases.js';
import { clusterSite } from './cluster-cases.js';
import { UPGRADE_CASES } from './upgrade-cases.js';
import { SAME } from './upgrade-inputs.js';

function run(manifest: unknown) {
    return compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2)) }, { emit: false }).diagnostics;
}

const errors = (manifest: unknown) => run(manifest).filter((d) => d.severity === 'error');

function manifestFor(from: string, bitness: number, cluster: boolean, extra: Json = {}, xpr: Json = {}): Json {
    const upgrade = { from, bitness, backupPath: 'E:\\Backup', projectSpecificRelease: cluster, ...extra };
    const licensing = { licensing: { claAddress: cluster ? '10.0.10.5' : '10.0.0.5', clmAddress: '10.0.0.6' } };
    return cluster
        ? clusterSite({}, { upgrade: { ...upgrade, previous: { serverName: 'XPRLAB', installPath: 'R:\\OpenScape\\XPR' } }, ...licensing, ...xpr })
        : site({ upgrade: { ...upgrade, previous: SAME }, ...licensing, ...xpr });
}

describe('XPR upgrade rules against the matrix', () => {
    for (const row of UPGRADE_MATRIX) {
        for (const from of row.from) {
            for (const bitness of row.bitness) {
                for (const cluster of row.scope === undefined ? [false, true] : [row.scope === 'cluster']) {
                    const name = `${row.id}: ${from} ${bitness}-bit${cluster ? ' on a cluster' : ''}`;
                    const to = row.to[row.to.length - 1]!;
                    if (row.methods.length === 0) {
                        it(`${name} fails naming ${row.via!.versions.join(' or ')}`, () => {
                            const found = errors(manifestFor(from, bitness, cluster, {}, { version: to }));
                            expect(found.map((d) => d.code)).to.deep.equal(['XPR3141']);
                            expect(found[0]!.message).to.contain(`matrix row ${row.id}`);
                            expect(found[0]!.pointer).to.equal('/xpr/upgrade/from');
                        });
                        continue;
                    }
                    for (const method of row.methods) {
                        it(`${name} by ${method} to ${to} compiles without errors`, () => {
                            expect(errors(manifestFor(from, bitness, cluster, { method }, { version: to })).map((d) => `${d.code} ${d.pointer} ${d.message}`)).to.deep.equal([]);
                        });
                    }
                    it(`${name} by the default method compiles without errors`, () => {
                        expect(errors(manifestFor(from, bitness, cluster, {}, { version: to })).map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
                    });
                }
            }
        }
    }

    it('fails the in-place repair of a 32-bit V6 R2 on /xpr/upgrade/method, naming the path to take', () => {
        const found = errors(manifestFor('V6R2', 32, false, { method: 'repair' }));
        expect(found.map((d) => [d.code, d.pointer])).to.deep.equal([['XPR3145', '/xpr/upgrade/method']]);
        expect(found[0]!.message).to.contain('backup, uninstall, fresh 64-bit V7 and restore').and.contain('TOV7').and.contain('§2.9');
        expect(found[0]!.fix).to.contain('"backupReinstallRestore"');
        expect(found[0]!.start?.line).to.be.greaterThan(1);
    });

    /** Codes that mean "the guide does not allow this step": no route may exist when one is reported. */
    const ROUTE_ERRORS = ['XPR3140', 'XPR3141', 'XPR3142', 'XPR3145', 'XPR3146', 'XPR3147', 'XPR3148', 'XPR3149', 'XPR3162', 'XPR3163'];
    for (const c of UPGRADE_CASES) {
        it(`gives a route exactly when no path or method error is reported: ${c.it}`, () => {
            const s = c.manifest as unknown as Site;
            const blocking = c.expected.filter((e) => ROUTE_ERRORS.includes(e.code));
            expect(upgradeRoute(s, s.xpr!) === undefined, blocking.map((e) => e.code).join(', ')).to.equal(blocking.length > 0);
        });
    }

    it('reports every code of XPR3140–XPR3164 in some case, at a position inside xpr', () => {
        const entries = Object.values(XPR_UPGRADE) as { code: string }[];
        expect(entries.map((e) => e.code)).to.deep.equal(Array.from({ length: 25 }, (_, i) => `XPR${3140 + i}`));
        const reported = new Map<string, { line: number; pointer: string }>();
        for (const c of UPGRADE_CASES) {
            for (const e of c.expected) {
                reported.set(e.code, e);
            }
        }
        for (const { code } of entries) {
            const hit = reported.get(code);
            expect(hit, `${code} has no case`).to.not.equal(undefined);
            expect(hit!.line, code).to.be.greaterThan(1);
            expect(hit!.pointer, code).to.match(/^\/xpr\//);
        }
    });

    it('lets every upgrade rule report only codes of XPR3140–XPR3164', () => {
        const kinds = UPGRADE_RULES.flatMap((rule) => rule.reports);
        expect(kinds.map((k) => CATALOG[k].code).sort()).to.deep.equal((Object.values(XPR_UPGRADE) as { code: string }[]).map((e) => e.code).sort());
    });

    const ids = new Set(UPGRADE_MATRIX.map((r) => r.id));
    for (const entry of Object.values(XPR_UPGRADE) as { code: string; guide: string }[]) {
        it(`${entry.code}: explain cites the guide section and matrix rows that exist`, () => {
            const found = findByCode(entry.code)!;
            expect(found.guide).to.match(/^XPR Upgrade guide §[23]/);
            const named = [...(found.guide ?? '').matchAll(/\b((?:cluster-)?(?:v\d|mrs)[a-z0-9-]*-(?:32|64)|cluster-mrs8)\b/g)].map((m) => m[1]!);
            for (const id of named) {
                expect(ids.has(id) || /^v5r\d-32$/.test(id), `${entry.code} names unknown row ${id}`).to.equal(true);
            }
            expect(named.length > 0 || /\(every (?:backupReinstallRestore |cluster )?row/.test(found.guide ?? ''), `${entry.code} names no row`).to.equal(true);
        });
    }
});
