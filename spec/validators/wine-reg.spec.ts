/**
 * Wine as an independent .reg validator: the round trip of reg-format.md §9.3.
 *
 * Every `*.reg` under spec/golden/**\/expected/ plus two fixed samples written
 * by writeRegFile (so the stage always tests every type, deletions and
 * hex(1)) is imported with `reg import` and `regedit /S` into one fresh
 * WINEPREFIX, then each top-level key is exported with `reg export` and
 * compared with our file: semantically always, and byte for byte when Wine's
 * export must be identical (§1: our canonical form is what Wine writes).
 * Both Wine tools exit 0 on most bad input and report on stdout (§9.2), so
 * any stdout output fails the test.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { writeRegFile } from '../../compiler/emit/reg/write-reg.js';
import type { RegistryValue } from '../../compiler/ir/types.js';
import { type RegBlock, parseRegFile } from '../helpers/reg-reader.js';

const WINE64 = '/usr/lib/wine/wine64';
const WINESERVER = '/usr/lib/wine/wineserver';
const GOLDEN = fileURLToPath(new URL('../golden/', import.meta.url));

function goldenRegFiles(): string[] {
    if (!existsSync(GOLDEN)) return [];
    return readdirSync(GOLDEN, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.reg') && f.split(/[\\/]/).includes('expected'))
        .map((f) => join(GOLDEN, f))
        .sort();
}

const LM = { hive: 'HKEY_LOCAL_MACHINE', ensure: 'Present' } as const;
const root = 'SOFTWARE\\XprcWineSample';
/** Every type, several hives, tree order and wrapping; no deletions or hex(1): byte-for-byte eligible. */
const PLAIN: RegistryValue[] = [
    { ...LM, path: root, name: '', data: { type: 'REG_SZ', value: 'Vendor App' } },
    { ...LM, path: root, name: 'InstallPath', data: { type: 'REG_SZ', value: 'C:\\Program Files\\Vendor "X"\\Grüße ✓ 😀' } },
    { ...LM, path: root, name: 'LogDir', data: { type: 'REG_EXPAND_SZ', value: '%ProgramData%\\Vendor\\Logs' } },
    { ...LM, path: root, name: 'Servers', data: { type: 'REG_MULTI_SZ', value: ['sip1.example.com', 'sip2.example.com'] } },
    { ...LM, path: root, name: 'NoServers', data: { type: 'REG_MULTI_SZ', value: [] } },
    { ...LM, path: root, name: 'Port', data: { type: 'REG_DWORD', value: 8080 } },
    { ...LM, path: root, name: 'Unlimited', data: { type: 'REG_DWORD', value: 4294967295 } },
    { ...LM, path: root, name: 'MaxBytes', data: { type: 'REG_QWORD', value: 2n ** 64n - 1n } },
    { ...LM, path: root, name: 'Flags', data: { type: 'REG_BINARY', value: '0100ff7f' } },
    { ...LM, path: root, name: 'Empty', data: { type: 'REG_BINARY', value: '' } },
    { ...LM, path: root, name: 'x'.repeat(80), data: { type: 'REG_BINARY', value: '00'.repeat(60) } },
    { ...LM, path: `${root}\\App`, name: 'Quoted \\"name\\"', data: { type: 'REG_SZ', value: 'say "hi"' } },
    { ...LM, path: `${root}\\App\\Deep`, name: '', ensure: 'Present' },
    { ...LM, path: `${root}\\App Two`, name: 'x', data: { type: 'REG_DWORD', value: 0 } },
    { hive: 'HKEY_CURRENT_USER', path: 'Software\\XprcWineSample', name: 'User', ensure: 'Present', data: { type: 'REG_SZ', value: '' } },
    { hive: 'HKEY_CLASSES_ROOT', path: 'XprcWineSample.File', name: '', ensure: 'Present', data: { type: 'REG_SZ', value: 'Sample file' } },
    { hive: 'HKEY_USERS', path: '.DEFAULT\\Software\\XprcWineSample', name: 'U', ensure: 'Present', data: { type: 'REG_DWORD', value: 1 } },
    { hive: 'HKEY_CURRENT_CONFIG', path: 'Software\\XprcWineSample', name: 'C', ensure: 'Present', data: { type: 'REG_DWORD', value: 2 } },
];
/** hex(1) strings and deletions (of values the harness creates first): semantic comparison only. */
const EDGE: RegistryValue[] = [
    { ...LM, path: `${root}Edge`, name: 'Motd', data: { type: 'REG_SZ', value: 'Line one\r\nLine two' } },
    { ...LM, path: `${root}Edge`, name: 'Tabbed', data: { type: 'REG_SZ', value: 'a\tb\u0001' } },
    { ...LM, path: `${root}Edge`, name: 'Obsolete', ensure: 'Absent' },
    { ...LM, path: `${root}Edge\\Sub`, name: '', ensure: 'Absent' },
];

interface Case {
    readonly label: string;
    readonly file: () => string;
    /** For the samples: which comparison must apply (a golden gets whichever §9.3 allows). */
    readonly expect?: 'bytes' | 'semantic';
}

describe('Wine .reg round trip (reg-format.md §9.3)', function () {
    this.timeout(300_000);
    let work = '';
    let env: NodeJS.ProcessEnv = {};

    /**
     * Runs wine64 with stdout/stderr going to files, never to pipes: wine's
     * daemons (wineserver, services.exe, …) inherit them, and spawnSync would
     * wait for every pipe to close, i.e. for those daemons to exit.
     */
    function wine(...args: string[]): { status: number | null; stdout: string; stderr: string } {
        return run(WINE64, args);
    }
    function run(cmd: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
        const [out, err] = [join(work, 'stdout.txt'), join(work, 'stderr.txt')];
        const fds = [openSync(out, 'w'), openSync(err, 'w')] as const;
        try {
            const r = spawnSync(cmd, args, { env, stdio: ['ignore', fds[0], fds[1]], timeout: 120_000 });
            return { status: r.status, stdout: readFileSync(out, 'utf8'), stderr: readFileSync(err, 'utf8') };
        } finally {
            fds.forEach((fd) => closeSync(fd));
        }
    }

    before(function () {
        if (!existsSync(WINE64)) {
            console.log('wine64 not installed: skipping the Wine .reg round trip (run scripts/install-test-deps.sh)');
            this.skip();
        }
        work = mkdtempSync(join(tmpdir(), 'xprc-wine-'));
        // §9.1: headless, no Mono/Gecko prompts, no debug noise.
        env = { ...process.env, WINEPREFIX: join(work, 'prefix'), WINEDLLOVERRIDES: 'mscoree=;mshtml=', WINEDEBUG: '-all' };
        delete env.DISPLAY;
        delete env.WAYLAND_DISPLAY;
        // A persistent server keeps services.exe and friends up between calls:
        // about 0.1 s per `reg` call instead of a restart each time (§9.1).
        mkdirSync(env.WINEPREFIX as string);
        expect(run(WINESERVER, ['-p']).status, 'wineserver -p').to.equal(0);
        const t = Date.now();
        const boot = wine('wineboot', '--init');
        expect(boot.status, `wineboot failed: ${boot.stdout}${boot.stderr}`).to.equal(0);
        console.log(`      wineboot --init: ${Date.now() - t} ms`);
    });

    after(function () {
        if (work === '') return;
        // -k stops the server and its processes; -w waits until it has saved
        // the registry and exited, so nothing recreates files after the rm.
        run(WINESERVER, ['-k']);
        run(WINESERVER, ['-w']);
        rmSync(work, { recursive: true, force: true });
    });

    const cases: Case[] = [
        { label: 'sample: every type', file: () => save('plain.reg', writeRegFile(PLAIN)), expect: 'bytes' },
        { label: 'sample: hex(1) and deletions', file: () => save('edge.reg', writeRegFile(EDGE)), expect: 'semantic' },
        // Provenance comments before every key block (§2: full-line `;`) must import exactly like the file without them.
        {
            label: 'sample: every type, with header and per-block comments',
            file: () => save('commented.reg', writeRegFile(PLAIN.map((v) => ({ ...v, path: v.path.replace('XprcWineSample', 'XprcWineCommented') })), { headerComments: ['Generated.'], valueComments: (_v, i) => [`site.json#/registry/${i}`] })),
            expect: 'bytes',
        },
        ...goldenRegFiles().map((f) => ({ label: `golden ${relative(GOLDEN, f)}`, file: () => f })),
    ];

    function save(name: string, buf: Buffer): string {
        const path = join(work, name);
        writeFileSync(path, buf);
        return path;
    }

    for (const c of cases) {
        it(`should import and re-export ${c.label} unchanged`, function () {
            const t = Date.now();
            const how = roundTrip(c.file());
            console.log(`      compared ${how === 'bytes' ? 'byte for byte and semantically' : 'semantically'} in ${Date.now() - t} ms`);
            if (c.expect !== undefined) expect(how).to.equal(c.expect);
        });
    }

    // Negative controls: the checks above can fail.
    it('should notice data that differs from what Wine stored (negative control)', function () {
        const values: RegistryValue[] = [{ ...LM, path: `${root}Control`, name: 'Port', data: { type: 'REG_DWORD', value: 8080 } }];
        const ours = parseRegFile(writeRegFile(values));
        const tampered = writeRegFile([{ ...(values[0] as RegistryValue), data: { type: 'REG_DWORD', value: 8081 } }]);
        importBoth(save('control.reg', tampered));
        const wineBlocks = exportTops([`HKEY_LOCAL_MACHINE\\${root}Control`]).blocks;
        expect(() => compareSemantically(ours.blocks, wineBlocks, () => true)).to.throw(/Port/);
        expect(wine('reg', 'delete', `HKEY_LOCAL_MACHINE\\${root}Control`, '/f').status).to.equal(0);
    });

    it("should see regedit's stdout diagnostic for an abbreviated hive (negative control, §3, §9.2)", function () {
        const text = 'Windows Registry Editor Version 5.00\r\n\r\n[HKLM\\SOFTWARE\\XprcAbbrev]\r\n"a"="b"\r\n\r\n';
        const r = wine('regedit', '/S', save('abbrev.reg', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
        expect(r.stdout).to.match(/Unable to open the registry key 'HKLM\\SOFTWARE\\XprcAbbrev'/);
    });

    /** `reg import` then `regedit /S`: exit 0 and silence on stdout, where Wine reports (§9.2). */
    function importBoth(file: string): void {
        for (const tool of [['reg', 'import'], ['regedit', '/S']]) {
            const r = wine(...tool, file);
            expect(r.stdout, `${tool.join(' ')} printed a diagnostic`).to.equal('');
            expect(r.status, `${tool.join(' ')} exit status`).to.equal(0);
        }
    }

    /** `reg export` of each key: the blocks, and the bodies joined as one canonical file would hold them. */
    function exportTops(tops: readonly string[]): { blocks: RegBlock[]; text: string } {
        const blocks: RegBlock[] = [];
        let body = '';
        for (const key of tops) {
            const out = join(work, 'export.reg');
            rmSync(out, { force: true });
            const r = wine('reg', 'export', key, out, '/y');
            expect(r.status, `reg export ${key}: ${r.stdout}`).to.equal(0);
            const raw = readFileSync(out);
            blocks.push(...parseRegFile(raw, { dialect: 'wine-export' }).blocks);
            // Wine writes: header CRLF, then CRLF [key] CRLF values… per key, then a final CRLF.
            body += raw.subarray(2).toString('utf16le').replace(/^Windows Registry Editor Version 5\.00\r\n/, '').replace(/\r\n$/, '');
        }
        return { blocks, text: `Windows Registry Editor Version 5.00\r\n${body}\r\n` };
    }

    function roundTrip(file: string): 'bytes' | 'semantic' {
        const buf = readFileSync(file);
        const ours = parseRegFile(buf); // our own file must be canonical first
        const tops = topKeys(ours.blocks.map(keyOf));
        const fresh = new Map(tops.map((k) => [k, wine('reg', 'query', k).status !== 0]));
        // Create the values the file deletes, so a deletion that does nothing fails.
        const doomed = ours.blocks.flatMap((b) => b.values.filter((v) => v.ensure === 'Absent'));
        if (doomed.length > 0) {
            const setup = doomed.map((v) => ({ ...v, ensure: 'Present' as const, data: { type: 'REG_SZ' as const, value: 'xprc-setup' } }));
            expect(wine('reg', 'import', save('setup.reg', writeRegFile(setup))).status).to.equal(0);
        }
        importBoth(file);
        const exported = exportTops(tops);
        compareSemantically(ours.blocks, exported.blocks, (k) => fresh.get(topOf(k, tops)) === true);
        const bytes = byteComparable(ours.blocks, buf, tops, fresh);
        if (bytes) {
            const text = buf.subarray(2).toString('utf16le');
            // Wine drops comments on import: the header comments with the blank line after them, and the lines before each [key].
            const withoutComments = text.replace(/^(.*\r\n\r\n)(?:;.*\r\n)+\r\n/, '$1').replace(/^;.*\r\n/gm, '');
            expect(exported.text).to.equal(withoutComments);
        }
        for (const key of tops) if (fresh.get(key) === true) expect(wine('reg', 'delete', key, '/f').status).to.equal(0);
        return bytes ? 'bytes' : 'semantic';
    }
});

const keyOf = (b: RegBlock): string => `${b.hive}\\${b.path}`;
const upper = (s: string): string => s.toUpperCase();
const isBelow = (k: string, top: string): boolean => upper(k) === upper(top) || upper(k).startsWith(`${upper(top)}\\`);

/** Keys of the file that are not below another key of the file: what `reg export` is run on. */
function topKeys(keys: readonly string[]): string[] {
    const unique = [...new Map(keys.map((k) => [upper(k), k])).values()];
    return unique.filter((k) => !unique.some((o) => o !== k && isBelow(k, o)));
}
function topOf(key: string, tops: readonly string[]): string {
    return tops.find((t) => isBelow(key, t)) ?? key;
}

function indexValues(blocks: readonly RegBlock[]): Map<string, Map<string, RegistryValue>> {
    const m = new Map<string, Map<string, RegistryValue>>();
    for (const b of blocks) {
        const vals = m.get(upper(keyOf(b))) ?? new Map<string, RegistryValue>();
        for (const v of b.values) vals.set(upper(v.name), v);
        m.set(upper(keyOf(b)), vals);
    }
    return m;
}

/**
 * Every value we set is there with our type and data, every value we delete
 * is gone; below a key that did not exist before, Wine holds nothing else
 * (empty intermediate keys apart).
 */
function compareSemantically(ours: readonly RegBlock[], wine: readonly RegBlock[], wasFresh: (key: string) => boolean): void {
    const got = indexValues(wine);
    const want = indexValues(ours);
    for (const b of ours) {
        const vals = got.get(upper(keyOf(b)));
        expect(vals, `key ${keyOf(b)} missing after import`).to.not.equal(undefined);
        for (const v of b.values) {
            const actual = vals?.get(upper(v.name));
            if (v.ensure === 'Absent') expect(actual, `${keyOf(b)} "${v.name}" should be deleted`).to.equal(undefined);
            else expect({ name: actual?.name, data: actual?.data }, `${keyOf(b)} "${v.name}"`).to.deep.equal({ name: v.name, data: v.data });
        }
    }
    for (const b of wine) {
        if (!wasFresh(keyOf(b))) continue;
        for (const v of b.values) {
            const mine = want.get(upper(keyOf(b)))?.get(upper(v.name));
            expect(mine?.ensure, `unexpected value ${keyOf(b)} "${v.name}" in Wine's export`).to.equal('Present');
        }
    }
}

/** Wine stores names ordered by to_lower ordinal (§9.3; "A_b" before "Ab", unlike Windows' upper-case order). */
function wineLess(a: string, b: string): boolean {
    const la = [...a].map((c) => ([...c.toLowerCase()].length === 1 ? c.toLowerCase() : c)).join('');
    const lb = [...b].map((c) => ([...c.toLowerCase()].length === 1 ? c.toLowerCase() : c)).join('');
    return la < lb;
}

/**
 * §9.3: byte identity holds when the file has no deletions and no hex(1)
 * (Wine re-exports those as escaped strings, §4.3), every top key was new,
 * every key's parent below its top key is in the file (Wine exports
 * intermediate keys), and our order is also Wine's order.
 */
function byteComparable(blocks: readonly RegBlock[], buf: Buffer, tops: readonly string[], fresh: ReadonlyMap<string, boolean>): boolean {
    const text = buf.subarray(2).toString('utf16le');
    if (/=hex\(1\):/.test(text) || blocks.some((b) => b.section === 'deletions')) return false;
    if (tops.some((t) => fresh.get(t) !== true)) return false;
    const keys = new Set(blocks.map((b) => upper(keyOf(b))));
    for (const k of keys) {
        const parent = k.slice(0, k.lastIndexOf('\\'));
        if (!tops.some((t) => upper(t) === k) && !keys.has(parent)) return false;
    }
    for (let i = 1; i < blocks.length; i++) {
        const [p, b] = [blocks[i - 1] as RegBlock, blocks[i] as RegBlock];
        const pk = keyOf(p).split('\\');
        const bk = keyOf(b).split('\\');
        const d = pk.findIndex((c, j) => upper(c) !== upper(bk[j] ?? ''));
        if (d >= 0 && d < bk.length && !wineLess(pk[d] as string, bk[d] as string)) return false;
    }
    return blocks.every((b) => b.values.every((v, i) => i === 0 || wineLess((b.values[i - 1] as RegistryValue).name, v.name)));
}
