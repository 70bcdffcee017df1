/**
 * What a removed resource leaves on the node (ResourceDiff.removal): DSC
 * never undoes what a configuration stops listing, so the diff must not let
 * "removed" read as "deleted". One row per kind of removal, then how each
 * renderer says it, the legend, and `xprc diff --node`.
 */

import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../../compiler/cli/main.js';
import { PLAIN } from '../../../compiler/cli/format.js';
import { compile } from '../../../compiler/compile.js';
import { diffSites } from '../../../compiler/diff/diff.js';
import type { Removal, SiteDiff } from '../../../compiler/diff/model.js';
import { renderDiffJson } from '../../../compiler/diff/render-json.js';
import { renderDiffMarkdown } from '../../../compiler/diff/render-markdown.js';
import { renderDiffText } from '../../../compiler/diff/render-text.js';
import type { SiteIR } from '../../../compiler/ir/types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const SATELLITES = JSON.parse(readFileSync(new URL('../../../examples/xpr-with-satellites.json', import.meta.url), 'utf8')) as Json;

const BASE: Json = {
    name: 'removal-lab',
    nodes: [
        {
            name: 'APP01',
            baseline: {
                windowsFeatures: [{ name: 'Web-Server' }, { name: 'Telnet-Client', ensure: 'Absent' }],
                services: [{ name: 'LabSvc', startupType: 'Manual' }],
                registry: [{ key: 'HKLM\\SOFTWARE\\Lab', name: 'Port', type: 'REG_DWORD', value: 8080 }],
                firewallRules: [{ name: 'Lab-In', localPorts: [8080] }],
            },
        },
        { name: 'WEB01', baseline: { folders: [{ path: 'D:\\Sites' }] } },
    ],
};

function ir(manifest: Json): SiteIR {
    const result = compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest), 'utf8') }, { emit: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
    return result.ir as SiteIR;
}

function edited(manifest: Json, edit: (m: Json) => void): Json {
    const copy = structuredClone(manifest) as Json;
    edit(copy);
    return copy;
}

/** `[Type]Id → removal` of every removed resource. */
function removals(diff: SiteDiff): Record<string, Removal | null> {
    return Object.fromEntries(diff.nodes.flatMap((n) => n.resources.filter((r) => r.change === 'removed').map((r) => [`${n.name}/[${r.resourceType}]${r.id}`, r.removal])));
}

describe('xprc diff: what a removed resource leaves on the node', () => {
    const cases: readonly [string, Json, (m: Json) => void, Record<string, Removal | null>][] = [
        ['a registry value', BASE, (m) => m.nodes[0].baseline.registry.pop(), { 'APP01/[xRegistry]Registry_HKLM_SOFTWARE_Lab_Port': 'ensure-absent' }],
        ['a Windows feature', BASE, (m) => m.nodes[0].baseline.windowsFeatures.shift(), { 'APP01/[xWindowsFeature]WindowsFeature_Web_Server': 'ensure-absent' }],
        ['a service xprc only set up', BASE, (m) => delete m.nodes[0].baseline.services, { 'APP01/[xService]Service_LabSvc': 'settings-kept' }],
        [
            'a service xprc installed (path)',
            edited(BASE, (m) => (m.nodes[0].baseline.services[0].path = 'C:\\Lab\\svc.exe')),
            (m) => delete m.nodes[0].baseline.services,
            { 'APP01/[xService]Service_LabSvc': 'ensure-absent' },
        ],
        ['a firewall rule', BASE, (m) => delete m.nodes[0].baseline.firewallRules, { 'APP01/[Firewall]Firewall_Lab_In': 'ensure-absent' }],
        [
            'a feature the old configuration removed (ensure: Absent)',
            BASE,
            (m) => m.nodes[0].baseline.windowsFeatures.pop(),
            { 'APP01/[xWindowsFeature]WindowsFeature_Telnet_Client': 'already-absent' },
        ],
        ['every resource of a removed node', BASE, (m) => m.nodes.pop(), { 'WEB01/[File]Folder_D_Sites': 'node-removed' }],
    ];
    for (const [title, manifest, edit, expected] of cases) {
        it(`should mark ${title}`, () => {
            const diff = diffSites(ir(manifest), ir(edited(manifest, edit)));
            expect(removals(diff)).to.deep.equal(expected);
            // Added and changed resources carry no removal.
            const others = diff.nodes.flatMap((n) => n.resources.filter((r) => r.change !== 'removed'));
            expect(others.map((r) => r.removal)).to.deep.equal(others.map(() => null));
        });
    }

    it("should mark a product's resources by what can remove them when the product leaves a node", () => {
        const diff = diffSites(ir(SATELLITES), ir(edited(SATELLITES, (m) => (m.xpr.satellites = m.xpr.satellites.slice(0, 1)))));
        const node = diff.nodes.find((n) => n.name === 'XPRSAT02');
        expect(node?.change).to.equal('changed');
        const marked = Object.fromEntries((node?.resources ?? []).filter((r) => r.change === 'removed').map((r) => [r.id, r.removal]));
        expect(marked).to.include({
            // The product's scripts, rights and groups: nothing in the manifest undoes them.
            Xpr_Installed: 'by-hand',
            Xpr_SetupMedium: 'by-hand',
            Xpr_LogOnAsService: 'by-hand',
            Xpr_Administrators: 'by-hand',
            // A registry value set by a script (it needs a reboot) is still a registry value.
            Xpr_Registry_DisabledComponents: 'ensure-absent',
            Xpr_Feature_NET_Framework_Core: 'ensure-absent',
            Xpr_Feature_Web_Server: 'already-absent',
            Xpr_Windows_DhcpClient: 'settings-kept',
            // A wait and a restart hold no state of the node.
            WaitFor_XPRKERN_Xpr_Installed: null,
            Xpr_Reboot_BeforeSetup: null,
        });
    });

    describe('renderings', () => {
        const diff = diffSites(ir(BASE), ir(edited(BASE, (m) => {
            m.nodes[0].baseline.registry.pop();
            m.nodes.pop();
        })));
        const labels = { old: 'old.json', new: 'new.json' };
        const sentence = 'no longer enforced: the node keeps its current state; use `ensure: Absent` to remove it';

        it('should say it under the removed resource in text, and explain the markers in a legend', () => {
            const text = renderDiffText(diff, labels, PLAIN);
            expect(text).to.contain(`    - [xRegistry]Registry_HKLM_SOFTWARE_Lab_Port (old.json#/nodes/0/baseline/registry/0)\n        ! ${sentence}\n`);
            expect(text).to.contain('- node WEB01 (removed)\n    ! the node leaves the site, but its LCM keeps the configuration it last received');
            expect(text.split('\n')[1]).to.equal('Legend: - removed, ~ changed (old → new); ! what a removal leaves on the node (DSC never undoes what it stops enforcing)');
        });

        it('should say it in the New cell of the removed resource in Markdown, with a legend', () => {
            const md = renderDiffMarkdown(diff, labels);
            expect(md).to.contain(`| removed | \`[xRegistry]Registry_HKLM_SOFTWARE_Lab_Port\`<br><sub>old.json#/nodes/0/baseline/registry/0</sub> |  |  | **!** ${sentence} |`);
            expect(md).to.contain('**!** The node leaves the site, but its LCM keeps');
            expect(md).to.match(/<sub>Legend: \*\*removed\*\*: the new configuration no longer lists it; \*\*changed\*\*: [^;]*; \*\*!\*\* what a removal leaves on the node/);
        });

        it('should give it as the removal field in JSON', () => {
            const json = JSON.parse(renderDiffJson(diff, labels)) as { nodes: { name: string; resources: { id: string; removal: string | null }[] }[]; selectedNodes: null };
            expect(json.nodes.map((n) => [n.name, n.resources.map((r) => `${r.id}=${r.removal}`)])).to.deep.equal([
                ['APP01', ['Registry_HKLM_SOFTWARE_Lab_Port=ensure-absent']],
                ['WEB01', ['Folder_D_Sites=node-removed']],
            ]);
            expect(json.selectedNodes).to.equal(null);
        });

        it('should list only the markers the diff uses in the legend', () => {
            const added = diffSites(ir(BASE), ir(edited(BASE, (m) => m.nodes.push({ name: 'NEW01', baseline: { folders: [{ path: 'D:\\Logs' }] } }))));
            expect(renderDiffText(added, labels, PLAIN).split('\n')[1]).to.equal('Legend: + added');
            expect(renderDiffMarkdown(added, labels)).to.contain('<sub>Legend: **added**: the new configuration sets it.</sub>');
        });
    });
});

describe('xprc diff --node', () => {
    let dir: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'xprc-diff-node-'));
        writeFileSync(join(dir, 'old.json'), JSON.stringify(BASE));
        writeFileSync(join(dir, 'new.json'), JSON.stringify(edited(BASE, (m) => {
            m.nodes[0].baseline.registry[0].value = 8081;
            m.nodes[1].baseline.folders.push({ path: 'D:\\Logs' });
            m.nodes.push({ name: 'NEW01', baseline: { windowsFeatures: [{ name: 'Web-Server' }] } });
        })));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
        let stdout = '';
        let stderr = '';
        const io: Io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: dir };
        const code = await main(argv, io);
        return { code, stdout, stderr };
    }

    const cases: readonly [string, readonly string[], number, readonly string[], readonly string[]][] = [
        ['every node without --node', [], 3, ['APP01', 'NEW01', 'WEB01'], ['apply-new01-operate']],
        ['one node', ['--node', 'APP01'], 3, ['APP01'], []],
        ['a node case-insensitively, shown as the manifest spells it', ['--node', 'web01'], 3, ['WEB01'], []],
        ['two nodes, repeated', ['--node', 'WEB01', '--node', 'app01'], 3, ['APP01', 'WEB01'], []],
        ['an added node, with its plan step', ['--node', 'new01'], 3, ['NEW01'], ['apply-new01-operate']],
    ];
    for (const [title, flags, code, nodes, steps] of cases) {
        it(`should show ${title}`, async () => {
            const result = await run(['diff', 'old.json', 'new.json', '--format', 'json', ...flags]);
            expect(result.code, result.stderr).to.equal(code);
            const json = JSON.parse(result.stdout) as { nodes: { name: string }[]; plan: { id: string }[]; selectedNodes: string[] | null };
            expect(json.nodes.map((n) => n.name)).to.deep.equal(nodes);
            expect(json.plan.map((s) => s.id)).to.deep.equal(steps);
            expect(json.selectedNodes).to.deep.equal(flags.length === 0 ? null : [...new Set(nodes)].sort((a, b) => flags.findIndex((f) => f.toUpperCase() === a) - flags.findIndex((f) => f.toUpperCase() === b)));
        });
    }

    it('should exit 0 when the selected node has no change', async () => {
        writeFileSync(join(dir, 'same.json'), JSON.stringify(edited(BASE, (m) => (m.nodes[0].baseline.registry[0].value = 8081))));
        const result = await run(['diff', 'old.json', 'same.json', '--node', 'WEB01']);
        expect(result.code).to.equal(0);
        expect(result.stdout).to.equal('xprc diff old.json → same.json (--node WEB01)\n\nNo changes: both manifests give the same configuration of these nodes.\n');
    });

    const unknown: readonly [string, readonly string[], RegExp][] = [
        ['text', [], /^new\.json - error XPR5041: Neither manifest has a node "APP1"\. Did you mean "APP01"\?/],
        ['JSON', ['--format', 'json'], /"code": "XPR5041"/],
    ];
    for (const [format, flags, pattern] of unknown) {
        it(`should report an unknown node as XPR5041 (${format}), exit 2, and print no diff`, async () => {
            const result = await run(['diff', 'old.json', 'new.json', '--node', 'WEB01', '--node', 'APP1', ...flags]);
            expect(result.code).to.equal(2);
            expect(format === 'JSON' ? result.stdout : result.stderr).to.match(pattern);
            expect(result.stdout).to.not.contain('xprc diff');
        });
    }
});
