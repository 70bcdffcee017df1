/**
 * diffSites: one table row per kind of edit to a small manifest, with the
 * exact change the diff must report (and nothing else), plus the edits that
 * must report nothing. The renderers are checked for what reviewers rely on:
 * a one-property change in a 50-node site reads in a few lines, colour only
 * when asked, and hostile manifest text cannot reach a terminal or break a
 * Markdown table.
 */

import { expect } from 'chai';
import { compile } from '../../../compiler/compile.js';
import { COLOURS, PLAIN } from '../../../compiler/cli/format.js';
import { diffSites } from '../../../compiler/diff/diff.js';
import { diffLines, withContext } from '../../../compiler/diff/lines.js';
import { hasChanges, summarize, type NodeDiff, type SiteDiff } from '../../../compiler/diff/model.js';
import { renderDiffJson } from '../../../compiler/diff/render-json.js';
import { renderDiffMarkdown } from '../../../compiler/diff/render-markdown.js';
import { renderDiffText } from '../../../compiler/diff/render-text.js';
import type { SiteIR } from '../../../compiler/ir/types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const BASE: Json = {
    name: 'unit-lab',
    domain: 'lab.local',
    credentials: { AppService: { description: 'App account', userName: 'LAB\\svc' } },
    defaults: { allowPlainTextCredentials: true },
    baselines: {
        common: {
            registry: [{ key: 'HKLM\\SOFTWARE\\Lab', name: 'Shared', type: 'REG_DWORD', value: 1 }],
        },
    },
    nodes: [
        {
            name: 'APP01',
            roles: ['app'],
            baselines: ['common'],
            baseline: {
                windowsFeatures: [{ name: 'Web-Server' }],
                services: [{ name: 'LabSvc', startupType: 'Manual', account: { credential: 'AppService' } }],
                registry: [
                    { key: 'HKLM\\SOFTWARE\\Lab\\App', name: 'Port', type: 'REG_DWORD', value: 8080 },
                    { key: 'HKLM\\SOFTWARE\\Lab\\App', name: 'Name', type: 'REG_SZ', value: 'lab' },
                ],
                manualSteps: [
                    { id: 'first', title: 'First', instructions: ['One.', 'Two.'] },
                    { id: 'second', title: 'Second', instructions: ['Three.'] },
                ],
            },
        },
        { name: 'WEB01', baselines: ['common'], baseline: { windowsFeatures: [{ name: 'Web-Server' }] } },
    ],
};

function compileJson(manifest: Json, fileName = 'site.json'): SiteIR {
    const result = compile({ fileName, bytes: Buffer.from(JSON.stringify(manifest), 'utf8') }, { emit: false });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
    expect(errors, 'the test manifest must compile').to.deep.equal([]);
    return result.ir as SiteIR;
}

function edited(mutate: (m: Json) => void): Json {
    const copy = structuredClone(BASE) as Json;
    mutate(copy);
    return copy;
}

const app = (m: Json) => m.nodes[0];
const node = (diff: SiteDiff, name: string): NodeDiff => {
    const found = diff.nodes.find((n) => n.name === name);
    expect(found, `node ${name} in the diff`).to.not.equal(undefined);
    return found as NodeDiff;
};

describe('compiler/diff: diffSites', () => {
    const baseIr = compileJson(BASE);

    describe('edits that change nothing', () => {
        const cases: readonly [string, (m: Json) => void][] = [
            ['the same manifest', () => undefined],
            ['nodes in another order', (m) => m.nodes.reverse()],
            ['baseline items in another order', (m) => app(m).baseline.registry.reverse()],
            ['a registry key written with the short hive name vs the long one', (m) => (app(m).baseline.registry[0].key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Lab\\App')],
            ['an explicit default (ensure Present)', (m) => (app(m).baseline.windowsFeatures[0].ensure = 'Present')],
            ['the item moved from the node into a profile it applies', (m) => {
                m.baselines.common.windowsFeatures = [{ name: 'Web-Server' }];
                delete app(m).baseline.windowsFeatures;
                delete m.nodes[1].baseline;
            }],
        ];
        for (const [title, mutate] of cases) {
            it(`should report no change for ${title}`, () => {
                const diff = diffSites(baseIr, compileJson(edited(mutate)));
                expect(diff).to.deep.equal({ settings: [], nodes: [], plan: [], selectedNodes: null });
                expect(hasChanges(diff)).to.equal(false);
            });
        }
        it('should ignore the manifest file name (it names the input, not the configuration)', () => {
            expect(hasChanges(diffSites(baseIr, compileJson(BASE, 'renamed.json')))).to.equal(false);
        });
    });

    describe('each kind of change', () => {
        type Check = (diff: SiteDiff) => void;
        const cases: readonly [string, (m: Json) => void, Check][] = [
            ['a DSC property (one node)', (m) => (app(m).baseline.services[0].startupType = 'Automatic'), (d) => {
                expect(node(d, 'APP01').resources).to.deep.equal([
                    { change: 'changed', resourceType: 'xService', id: 'Service_LabSvc', oldSource: '/nodes/0/baseline/services/0', newSource: '/nodes/0/baseline/services/0', guide: null, properties: [{ name: 'StartupType', old: "'Manual'", new: "'Automatic'" }], removal: null },
                ]);
            }],
            ['a registry value in a shared profile (every node that applies it)', (m) => (m.baselines.common.registry[0].value = 2), (d) => {
                expect(d.nodes.map((n) => n.name)).to.deep.equal(['APP01', 'WEB01']);
                for (const n of d.nodes) {
                    expect(n.registry).to.deep.equal([
                        {
                            change: 'changed', key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Lab', name: 'Shared',
                            old: { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Lab', name: 'Shared', ensure: 'Present', type: 'REG_DWORD', data: '0x00000001 (1)' },
                            new: { key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Lab', name: 'Shared', ensure: 'Present', type: 'REG_DWORD', data: '0x00000002 (2)' },
                            oldSource: '/baselines/common/registry/0', newSource: '/baselines/common/registry/0',
                        },
                    ]);
                }
            }],
            ['a registry type and its data', (m) => Object.assign(app(m).baseline.registry[1], { type: 'REG_MULTI_SZ', value: ['a', 'b'] }), (d) => {
                const r = node(d, 'APP01').registry[0];
                expect([r?.old?.type, r?.old?.data, r?.new?.type, r?.new?.data]).to.deep.equal(['REG_SZ', '"lab"', 'REG_MULTI_SZ', '["a", "b"]']);
            }],
            ['a value that is now deleted', (m) => (app(m).baseline.registry[1] = { key: 'HKLM\\SOFTWARE\\Lab\\App', name: 'Name', ensure: 'Absent' }), (d) => {
                const r = node(d, 'APP01').registry[0];
                expect([r?.change, r?.old?.ensure, r?.new?.ensure, r?.new?.type, r?.new?.data]).to.deep.equal(['changed', 'Present', 'Absent', null, null]);
                expect(node(d, 'APP01').resources[0]?.properties.map((p) => p.name)).to.deep.equal(['Ensure', 'ValueType', 'ValueData', 'Force']);
            }],
            ['a value name spelled in another case (same value to Windows)', (m) => (app(m).baseline.registry[1].name = 'NAME'), (d) => {
                const r = node(d, 'APP01').registry[0];
                expect([r?.change, r?.old?.name, r?.new?.name]).to.deep.equal(['changed', 'Name', 'NAME']);
            }],
            ['a resource added and one removed', (m) => (app(m).baseline.windowsFeatures = [{ name: 'RSAT-AD-PowerShell' }]), (d) => {
                const rs = node(d, 'APP01').resources;
                expect(rs.map((r) => [r.change, r.id])).to.deep.equal([['added', 'WindowsFeature_RSAT_AD_PowerShell'], ['removed', 'WindowsFeature_Web_Server']]);
                expect(rs[0]?.properties.every((p) => p.old === null && p.new !== null)).to.equal(true);
                expect(rs[1]?.properties.every((p) => p.new === null && p.old !== null)).to.equal(true);
            }],
            ['a dependency (DependsOn is a DSC property)', (m) => (app(m).baseline.services[0].dependsOn = ['feature:Web-Server']), (d) => {
                expect(node(d, 'APP01').resources[0]?.properties).to.deep.equal([{ name: 'DependsOn', old: null, new: "@('[xWindowsFeature]WindowsFeature_Web_Server')" }]);
            }],
            ['a node added', (m) => m.nodes.push({ name: 'NEW01', roles: ['web'], baseline: { folders: [{ path: 'D:\\Web' }] } }), (d) => {
                const n = node(d, 'NEW01');
                expect([n.change, n.resources.map((r) => r.change), n.settings.map((s) => s.name)]).to.deep.equal([
                    'added',
                    ['added'],
                    ['os', 'roles', 'lcm.configurationMode', 'lcm.rebootNodeIfNeeded', 'lcm.actionAfterReboot', 'lcm.refreshMode', 'lcm.configurationModeFrequencyMins'],
                ]);
            }],
            ['a node removed', (m) => m.nodes.splice(1, 1), (d) => {
                const n = node(d, 'WEB01');
                expect([n.change, n.resources.map((r) => `${r.change} ${r.id}`)]).to.deep.equal(['removed', ['removed Registry_HKLM_SOFTWARE_Lab_Shared', 'removed WindowsFeature_Web_Server']]);
            }],
            ['a node name spelled in another case', (m) => (m.nodes[1].name = 'web01'), (d) => {
                expect(node(d, 'web01').settings).to.deep.equal([{ name: 'name', old: "'WEB01'", new: "'web01'" }]);
            }],
            ['node settings', (m) => Object.assign(app(m), { os: 'WindowsServer2019', roles: ['app', 'db'], certificate: { file: 'C:\\k.cer', thumbprint: 'ab'.repeat(20) } }), (d) => {
                expect(node(d, 'APP01').settings).to.deep.equal([
                    { name: 'os', old: "'WindowsServer2022'", new: "'WindowsServer2019'" },
                    { name: 'roles', old: "@('app')", new: "@('app', 'db')" },
                    { name: 'certificateFile', old: null, new: "'C:\\k.cer'" },
                    { name: 'thumbprint', old: null, new: `'${'AB'.repeat(20)}'` },
                ]);
            }],
            ['LCM settings (the meta-configuration)', (m) => Object.assign(app(m), { lcm: { configurationMode: 'ApplyAndAutoCorrect', rebootNodeIfNeeded: false } }), (d) => {
                expect(node(d, 'APP01').settings).to.deep.equal([
                    { name: 'lcm.configurationMode', old: "'ApplyAndMonitor'", new: "'ApplyAndAutoCorrect'" },
                    { name: 'lcm.rebootNodeIfNeeded', old: '$true', new: '$false' },
                ]);
            }],
            ['a site setting', (m) => (m.domain = 'lab.test'), (d) => {
                expect(d).to.deep.equal({ settings: [{ name: 'domain', old: "'lab.local'", new: "'lab.test'" }], nodes: [], plan: [], selectedNodes: null });
            }],
            ['a credential added to a node', (m) => (m.nodes[1].baseline.services = [{ name: 'X', account: { credential: 'AppService' } }]), (d) => {
                expect(node(d, 'WEB01').credentials).to.deep.equal([
                    { change: 'added', name: 'AppService', fields: [{ name: 'parameter', old: null, new: '$AppServiceCredential' }, { name: 'description', old: null, new: "'App account'" }, { name: 'userName', old: null, new: "'LAB\\svc'" }] },
                ]);
            }],
            ['a credential removed from a node', (m) => delete app(m).baseline.services[0].account, (d) => {
                expect(node(d, 'APP01').credentials.map((c) => c.change)).to.deep.equal(['removed']);
            }],
            ["a credential's description (every node that takes it)", (m) => (m.credentials.AppService.description = 'Renamed'), (d) => {
                expect(node(d, 'APP01').credentials).to.deep.equal([{ change: 'changed', name: 'AppService', fields: [{ name: 'description', old: "'App account'", new: "'Renamed'" }] }]);
            }],
            ['a manual step added, one removed, one changed', (m) => {
                const steps = app(m).baseline.manualSteps;
                steps[0].instructions = ['One.', 'One and a half.', 'Two.'];
                steps[1] = { id: 'third', title: 'Third', instructions: ['Four.'] };
            }, (d) => {
                const steps = node(d, 'APP01').manualSteps;
                expect(steps.map((s) => [s.change, s.id])).to.deep.equal([['changed', 'first'], ['added', 'third'], ['removed', 'second']]);
                expect(steps[0]?.fields).to.deep.equal([{ name: 'instructions', old: '"One."\n"Two."', new: '"One."\n"One and a half."\n"Two."' }]);
            }],
            ['the order of manual steps (the runbook numbers them)', (m) => app(m).baseline.manualSteps.reverse(), (d) => {
                expect(node(d, 'APP01').stepOrder).to.deep.equal({ old: ['first', 'second'], new: ['second', 'first'] });
                expect(node(d, 'APP01').manualSteps, 'no step changed itself').to.deep.equal([]);
            }],
        ];
        for (const [title, mutate, check] of cases) {
            it(`should report ${title}`, () => {
                const diff = diffSites(baseIr, compileJson(edited(mutate)));
                expect(hasChanges(diff)).to.equal(true);
                check(diff);
            });
        }
    });

    it('should give the reverse diff when the sides are swapped', () => {
        const other = compileJson(edited((m) => (app(m).baseline.windowsFeatures = [{ name: 'RSAT-AD-PowerShell' }])));
        const there = summarize(diffSites(baseIr, other)).resources;
        const back = summarize(diffSites(other, baseIr)).resources;
        expect([back.added, back.removed, back.changed]).to.deep.equal([there.removed, there.added, there.changed]);
    });

    it('should be deterministic: the same inputs give the same JSON', () => {
        const other = compileJson(edited((m) => m.nodes.push({ name: 'ZZ01' }, { name: 'AA01' })));
        const a = renderDiffJson(diffSites(baseIr, other), { old: 'a', new: 'b' });
        expect(renderDiffJson(diffSites(compileJson(BASE), compileJson(edited((m) => m.nodes.push({ name: 'AA01' }, { name: 'ZZ01' })))), { old: 'a', new: 'b' })).to.equal(a);
        expect((JSON.parse(a) as { nodes: { name: string }[] }).nodes.map((n) => n.name)).to.deep.equal(['AA01', 'ZZ01']);
    });
});

describe('compiler/diff: renderers', () => {
    it('should name node, resource, property, old and new value in a few lines for a one-property change in a 50-node site', () => {
        const site = (port: number): Json => ({
            name: 'big-site',
            baselines: { common: { services: [{ name: 'Spooler', startupType: 'Disabled' }] } },
            nodes: Array.from({ length: 50 }, (_, i) => ({
                name: `SRV${String(i + 1).padStart(2, '0')}`,
                baselines: ['common'],
                baseline: { registry: [{ key: 'HKLM\\SOFTWARE\\App', name: 'Port', type: 'REG_DWORD', value: i === 36 ? port : 8080 }] },
            })),
        });
        const diff = diffSites(compileJson(site(8080)), compileJson(site(8081)));
        const labels = { old: 'HEAD:site.json', new: 'site.json' };
        const text = renderDiffText(diff, labels, PLAIN);
        expect(text.trimEnd().split('\n').length, text).to.be.at.most(10);
        expect(text).to.contain('~ node SRV37\n');
        expect(text).to.contain("~ [xRegistry]Registry_HKLM_SOFTWARE_App_Port (site.json#/nodes/36/baseline/registry/0)\n        ValueData: @('00001f90') → @('00001f91')");
        expect(text).to.contain('REG_DWORD 0x00001f90 (8080) → REG_DWORD 0x00001f91 (8081)');
        const md = renderDiffMarkdown(diff, labels);
        expect(md.trimEnd().split('\n').length, md).to.be.at.most(16);
        expect(md).to.contain("| changed | `[xRegistry]Registry_HKLM_SOFTWARE_App_Port`<br><sub>site.json#/nodes/36/baseline/registry/0</sub> | `ValueData` | `@('00001f90')` | `@('00001f91')` |");
        const json = JSON.parse(renderDiffJson(diff, labels)) as { nodes: NodeDiff[] };
        expect(json.nodes.map((n) => n.name)).to.deep.equal(['SRV37']);
        expect(json.nodes[0]?.resources[0]?.properties).to.deep.equal([{ name: 'ValueData', old: "@('00001f90')", new: "@('00001f91')" }]);
    });

    it('should show a change to a profile that many nodes apply once, naming every node', () => {
        const site = (state: string): Json => ({
            name: 'grouped',
            baselines: { common: { services: [{ name: 'Spooler', state }] } },
            nodes: ['A1', 'B1', 'C1'].map((name) => ({ name, baselines: ['common'] })),
        });
        const text = renderDiffText(diffSites(compileJson(site('Stopped')), compileJson(site('Running'))), { old: 'a', new: 'b' }, PLAIN);
        expect(text).to.contain('~ nodes A1, B1, C1 (3 nodes, same changes)');
        expect(text.match(/\[xService\]Service_Spooler/g)).to.have.length(1);
    });

    it('should colour the text only with a colour style', () => {
        const diff = diffSites(compileJson(BASE), compileJson(edited((m) => (m.domain = 'x.test'))));
        expect(renderDiffText(diff, { old: 'a', new: 'b' }, PLAIN)).to.not.contain('\u001b[');
        expect(renderDiffText(diff, { old: 'a', new: 'b' }, COLOURS)).to.contain('\u001b[33m~\u001b[39m');
    });

    it('should keep hostile manifest text from reaching the terminal raw or breaking Markdown', () => {
        const hostile = 'Esc \u001b[2J | pipe `tick` \u202e rtl <b>x</b>';
        const diff = diffSites(
            compileJson(BASE),
            compileJson(edited((m) => {
                app(m).baseline.manualSteps[0].title = hostile;
                app(m).baseline.registry[1].value = hostile;
            })),
        );
        const text = renderDiffText(diff, { old: 'a', new: 'b' }, PLAIN);
        expect(text).to.not.match(/[\u001b\u202e]/);
        expect(text).to.contain('\\u001b[2J');
        const md = renderDiffMarkdown(diff, { old: 'a', new: 'b' });
        expect(md).to.not.match(/[\u001b\u202e]/);
        // Every table row still has exactly its five (or four) cells: no unescaped | from the value.
        for (const row of md.split('\n').filter((l) => l.startsWith('| '))) {
            const cells = row.replace(/\\\|/g, '').split('|').length - 2;
            expect([4, 5], row).to.include(cells);
        }
        // The HTML is shown, never interpreted: it only occurs inside code spans.
        expect(md).to.contain('<b>x</b>');
        expect(md.replace(/(`+)[\s\S]*?\1/g, '')).to.not.contain('<b>');
    });

    it('should say so when nothing changed, in every format', () => {
        const diff = diffSites(compileJson(BASE), compileJson(BASE));
        expect(renderDiffText(diff, { old: 'a', new: 'b' }, PLAIN)).to.equal('xprc diff a → b\n\nNo changes: both manifests give the same configuration.\n');
        expect(renderDiffMarkdown(diff, { old: 'a', new: 'b' })).to.contain('No changes');
        expect(JSON.parse(renderDiffJson(diff, { old: 'a', new: 'b' }))).to.include({ schema: 'xprc-diff', version: 1, changed: false });
    });
});

describe('compiler/diff/lines', () => {
    const cases: readonly [string, string[], string[], string][] = [
        ['equal lines', ['a', 'b'], ['a', 'b'], ' a| b'],
        ['one line changed', ['a', 'b', 'c'], ['a', 'x', 'c'], ' a|-b|+x| c'],
        ['a line inserted', ['a', 'c'], ['a', 'b', 'c'], ' a|+b| c'],
        ['everything new', [], ['a'], '+a'],
        ['everything gone', ['a'], [], '-a'],
        ['a block replaced (removals first)', ['a', 'b', 'c', 'd'], ['a', 'x', 'y', 'd'], ' a|-b|-c|+x|+y| d'],
        ['a line moved down', ['a', 'b', 'c'], ['b', 'c', 'a'], '-a| b| c|+a'],
    ];
    for (const [title, a, b, expected] of cases) {
        it(`should diff ${title}`, () => expect(diffLines(a, b).map((o) => `${o.op}${o.text}`).join('|')).to.equal(expected));
    }
    it('should elide long unchanged runs, keeping two lines of context', () => {
        const a = Array.from({ length: 20 }, (_, i) => `l${i}`);
        const b = a.map((l) => (l === 'l10' ? 'changed' : l));
        expect(withContext(diffLines(a, b)).map((o) => `${o.op}${o.text}`)).to.deep.equal(['…', ' l8', ' l9', '-l10', '+changed', ' l11', ' l12', '…']);
    });
    it('should diff a 3,000-line script line by line (the old LCS table gave up above 1,000,000 cells and showed both whole values)', () => {
        const a = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
        const b = a.map((l) => (l === 'line 1500' ? 'edited' : l));
        const ops = diffLines(a, b);
        expect(ops.filter((o) => o.op !== ' ').map((o) => `${o.op}${o.text}`)).to.deep.equal(['-line 1500', '+edited']);
        expect(ops).to.have.length(3001);
    });
});
