/**
 * RSOP.md (emit/rsop.ts) and `xprc explain <NODE> <item>` on the layered
 * example: every baseline value with the layer and file:line:column it comes
 * from, the replaced ones struck through, read back through a Markdown parser.
 */

import { expect } from 'chai';
import MarkdownIt from 'markdown-it';
import { join } from 'node:path';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { main, type Io } from '../../../compiler/cli/main.js';
import { includeReader } from '../../../compiler/cli/read-include.js';
import { compile } from '../../../compiler/compile.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;
const MANIFEST = join(EXAMPLES, 'layered-site.json');

function rsopOf(node: string): string {
    const result = compile({ fileName: MANIFEST, bytes: readFileSync(MANIFEST), readInclude: includeReader(MANIFEST, '/', 1 << 20) }, { rsop: true });
    const file = result.files?.find((f) => f.path === `${node}/RSOP.md`);
    if (!file) throw new Error(`no ${node}/RSOP.md: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    return file.bytes.toString('utf8');
}

/** The rows of the table under a `## heading`, as the parser reads the cells: text, and whether the cell holds struck-through text. */
function table(markdown: string, heading: string): { cells: string[]; struck: string[] }[] {
    const tokens = new MarkdownIt().parse(markdown, {});
    const start = tokens.findIndex((t, i) => t.type === 'heading_open' && tokens[i + 1]?.content === heading);
    const rows: { cells: string[]; struck: string[] }[] = [];
    let row: { cells: string[]; struck: string[] } | undefined;
    for (let i = start + 1; i < tokens.length && tokens[i]?.type !== 'heading_open'; i++) {
        const token = tokens[i]!;
        if (token.type === 'tr_open') row = { cells: [], struck: [] };
        if (token.type === 'tr_close' && row) rows.push(row);
        if (token.type === 'inline' && row) {
            const children = token.children ?? [];
            row.cells.push(children.filter((c) => c.type === 'text').map((c) => c.content).join(''));
            const open = children.findIndex((c) => c.type === 's_open');
            const close = children.findIndex((c) => c.type === 's_close');
            if (open >= 0) row.struck.push(children.slice(open + 1, close).map((c) => c.content).join(''));
        }
    }
    return rows.slice(1); // without the header row
}

describe('RSOP.md (examples/layered-site.json)', () => {
    const place = /^(layered-site\.json|layers\/xpr-roles\.json):\d+:\d+$/;

    it('should give every baseline value of every node its layer and a file:line:column, relative to the manifest\'s folder', () => {
        for (const node of ['XPRKERN', 'XPRSAT1']) {
            const rows = table(rsopOf(node), 'Baseline items');
            expect(rows.length, node).to.be.greaterThan(5);
            for (const row of rows) {
                expect(row.cells[3], `${node}: ${row.cells.join(' | ')}`).to.match(/^(baselines\.|nodes\[)/);
                expect(row.cells[4], `${node}: ${row.cells.join(' | ')}`).to.match(place);
            }
        }
    });

    it('should strike through the overridden role value, saying where it was overridden, and mark the node\'s value in effect', () => {
        const rows = table(rsopOf('XPRKERN'), 'Baseline items');
        const at = rows.findIndex((r) => r.cells[0] === 'registry:HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\XprHost\\LogLevel');
        expect(rows[at]?.struck).to.deep.equal(['type: REG_DWORD, value: 2']);
        expect(rows[at]?.cells.slice(2)).to.deep.equal([
            'type: REG_DWORD, value: 2 overridden by nodes[0].baseline (layered-site.json:34:11)',
            'baselines.xpr-host (role xpr-kernel)',
            'layers/xpr-roles.json:21:9',
        ]);
        expect(rows[at + 1]?.cells).to.deep.equal(['', '', 'type: REG_DWORD, value: 4 (in effect)', 'nodes[0].baseline', 'layered-site.json:34:11']);
        expect(rows[at + 1]?.struck).to.deep.equal([]);
        // Nothing else on this node was replaced.
        expect(rows.filter((r) => r.struck.length > 0)).to.have.length(1);
    });

    it('should strike through a knocked-out item and name no resource for it', () => {
        const rows = table(rsopOf('XPRSAT1'), 'Baseline items');
        const at = rows.findIndex((r) => r.cells[0] === 'firewall:Contoso-SNMP-In');
        expect(rows[at]?.cells[1]).to.equal('(knocked out)');
        expect(rows[at]?.cells[2]).to.match(/ knocked out by nodes\[1\]\.baseline \(layered-site\.json:51:22\)$/);
        expect(rows[at]?.struck).to.have.length(1);
        expect(rows[at + 1]?.cells.slice(2)).to.deep.equal(['(knocked out)', 'nodes[1].baseline', 'layered-site.json:51:22']);
    });

    it('should list the layers in order, least specific first, and where each setting comes from', () => {
        const markdown = rsopOf('XPRSAT1');
        expect(table(markdown, 'Layers').map((r) => r.cells[1])).to.deep.equal([
            'site defaults',
            'baselines.xpr-host (role xpr-satellite)',
            'baselines.xpr-satellite (role xpr-satellite)',
            'baselines.hardening',
            'nodes[1].baseline',
        ]);
        expect(table(markdown, 'Settings').map((r) => r.cells.join(' | '))).to.deep.equal([
            'os | WindowsServer2022 | nodes[1] | layered-site.json:47:13',
            'firewallProfiles (of rules without their own) | Domain | site defaults | layered-site.json:9:25',
        ]);
    });

    it('should hold no absolute path', () => {
        expect(rsopOf('XPRKERN')).to.not.include(EXAMPLES);
    });
});

describe('xprc explain <NODE> <item> (the chain of layers)', () => {
    async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
        let stdout = '';
        let stderr = '';
        const io: Io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: EXAMPLES };
        return { code: await main(argv, io), stdout, stderr };
    }

    const cases: readonly { it: string; id: string; node: string; chain: string[] }[] = [
        {
            it: 'should show both layers of an overridden value by its resource id, the node\'s winning',
            node: 'XPRKERN',
            id: 'Registry_HKLM_SOFTWARE_Contoso_XprHost_LogLevel',
            chain: ['baselines.xpr-host (role xpr-kernel) layers/xpr-roles.json:21:9 won=false', 'nodes[0].baseline layered-site.json:34:11 won=true'],
        },
        {
            it: 'should find the same item by its identity in another spelling of the key',
            node: 'xprkern',
            id: 'registry:HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\XprHost\\LogLevel',
            chain: ['baselines.xpr-host (role xpr-kernel) layers/xpr-roles.json:21:9 won=false', 'nodes[0].baseline layered-site.json:34:11 won=true'],
        },
        {
            it: 'should explain a knocked-out item, which has no resource',
            node: 'XPRSAT1',
            id: 'firewall:Contoso-SNMP-In',
            chain: ['baselines.xpr-host (role xpr-satellite) layers/xpr-roles.json:38:9 won=false', 'nodes[1].baseline layered-site.json:51:22 won=false'],
        },
    ];
    for (const c of cases) {
        it(c.it, async () => {
            const json = await run(['explain', c.node, c.id, '-m', 'layered-site.json', '--format', 'json']);
            expect(json.code, json.stderr).to.equal(0);
            const item = JSON.parse(json.stdout) as { chain: { layer: string; location: string; won: boolean }[] };
            expect(item.chain.map((r) => `${r.layer} ${r.location} won=${r.won}`)).to.deep.equal(c.chain);
            const text = await run(['explain', c.node, c.id, '-m', 'layered-site.json']);
            expect(text.stdout).to.include('Layers that set it, least specific first:');
            expect(text.stdout).to.match(c.chain[1]!.endsWith('won=true') ? /-> wins$/m : /-> removes the item$/m);
        });
    }

    it('should keep explaining a diagnostic code', async () => {
        const result = await run(['explain', 'XPR3012']);
        expect([result.code, result.stdout.split('\n')[0]]).to.deep.equal([0, 'XPR3012 (error, semantic): A more specific layer changes an item without "override"']);
    });
});

describe('xprc build --emit-rsop', () => {
    let out = '';
    beforeEach(() => (out = mkdtempSync(join(tmpdir(), 'xprc-rsop-'))));
    afterEach(() => rmSync(out, { recursive: true, force: true }));

    async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
        let stdout = '';
        let stderr = '';
        const io: Io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: EXAMPLES };
        return { code: await main(argv, io), stdout, stderr };
    }

    it('should write RSOP.md per node only when asked, and build --check should compare it like ir.txt', async () => {
        const plain = await run(['build', 'layered-site.json', '--out', out]);
        expect(plain.code, plain.stderr).to.equal(0);
        expect(existsSync(join(out, 'contoso-layers', 'XPRKERN', 'RSOP.md'))).to.equal(false);

        const built = await run(['build', 'layered-site.json', '--out', out, '--emit-rsop']);
        expect(built.code, built.stderr).to.equal(0);
        expect(readFileSync(join(out, 'contoso-layers', 'XPRKERN', 'RSOP.md'), 'utf8')).to.equal(rsopOf('XPRKERN'));
        expect(existsSync(join(out, 'contoso-layers', 'XPRSAT1', 'RSOP.md'))).to.equal(true);

        expect((await run(['build', 'layered-site.json', '--out', out, '--emit-rsop', '--check'])).code).to.equal(0);
        const without = await run(['build', 'layered-site.json', '--out', out, '--check']);
        expect(without.code).to.equal(4);
        expect(without.stdout.split('\n').filter((l) => l.startsWith('  '))).to.deep.equal(['  extra    XPRKERN/RSOP.md', '  extra    XPRSAT1/RSOP.md']);
    });
});
