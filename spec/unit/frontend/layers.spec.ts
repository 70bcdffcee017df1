/**
 * Layered site data (frontend/layers.ts, issue 16): the order of a node's
 * layers, "override", knockout, identical duplicates and conflicts, read
 * off resolve()'s items, conflicts and item histories.
 */

import { expect } from 'chai';
import { resolve, type ResolvedNode } from '../../../compiler/frontend/resolve.js';
import type { Site } from '../../../compiler/manifest/types.generated.js';

const spooler = (state: string, extra: object = {}) => ({ name: 'Spooler', state, ...extra });

function node(site: object): ResolvedNode {
    const resolved = resolve(site as Site);
    const first = resolved.nodes[0];
    if (!first) throw new Error('no node');
    return first;
}

/** The item's history as `action@layer`, least specific first, and the layer whose definition the node gets. */
function chain(n: ResolvedNode, ref: string): { steps: string[]; winner: string | undefined } {
    const history = n.history.find((h) => h.ref === ref.toUpperCase());
    return {
        steps: (history?.steps ?? []).map((s) => `${s.action}@${s.action === 'knockout' ? s.layer : s.entry.layer}`),
        winner: history?.winner?.layer,
    };
}

describe('layers (frontend/layers.ts)', () => {
    describe('resolution order', () => {
        const cases: readonly { it: string; site: object; layers: string[] }[] = [
            {
                it: 'should apply role baselines (in the order of the node\'s roles), then named baselines, then the node\'s own',
                site: {
                    name: 'lab',
                    roles: { web: { baselines: ['w1', 'w2'] }, db: { baselines: ['d1'] } },
                    baselines: { w1: {}, w2: {}, d1: {}, named: {} },
                    nodes: [{ name: 'SRV01', roles: ['db', 'web'], baselines: ['named'], baseline: {} }],
                },
                layers: ['baselines.d1 (role db)', 'baselines.w1 (role web)', 'baselines.w2 (role web)', 'baselines.named', 'nodes[0].baseline'],
            },
            {
                it: 'should apply a profile that a role and the node both name once, at its first place',
                site: { name: 'lab', roles: { web: { baselines: ['common'] } }, baselines: { common: {} }, nodes: [{ name: 'SRV01', roles: ['web'], baselines: ['common'] }] },
                layers: ['baselines.common (role web)'],
            },
            {
                it: 'should give a role label without a site role no layer',
                site: { name: 'lab', baselines: { common: {} }, nodes: [{ name: 'SRV01', roles: ['xpr-kernel'], baselines: ['common'] }] },
                layers: ['baselines.common'],
            },
        ];
        for (const c of cases) {
            it(c.it, () => expect(node(c.site).layers.map((l) => l.name)).to.deep.equal(c.layers));
        }
    });

    describe('combining one item across layers', () => {
        const twoLayers = (profile: object, own: object) => ({
            name: 'lab',
            roles: { web: { baselines: ['common'] } },
            baselines: { common: profile },
            nodes: [{ name: 'SRV01', roles: ['web'], baseline: own }],
        });
        const cases: readonly {
            it: string;
            site: object;
            steps: string[];
            winner: string | undefined;
            state?: string;
            conflicts?: string[];
            unusedOverrides?: string[];
            unusedKnockouts?: string[];
        }[] = [
            {
                it: 'should let an item marked "override" replace the inherited one',
                site: twoLayers({ services: [spooler('Stopped')] }, { services: [spooler('Running', { override: true })] }),
                steps: ['set@baselines.common (role web)', 'override@nodes[0].baseline'],
                winner: 'nodes[0].baseline',
                state: 'Running',
            },
            {
                it: 'should report a different item without "override" as a conflict between the two layers, keeping the inherited one',
                site: twoLayers({ services: [spooler('Stopped')] }, { services: [spooler('Running')] }),
                steps: ['set@baselines.common (role web)'],
                winner: 'baselines.common (role web)',
                state: 'Stopped',
                conflicts: ['baselines.common (role web) -> nodes[0].baseline: state'],
            },
            {
                it: 'should merge an identical item (today\'s behaviour), recording it as the same',
                site: twoLayers({ services: [spooler('Stopped')] }, { services: [spooler('Stopped', { dependsOn: [] })] }),
                steps: ['set@baselines.common (role web)', 'same@nodes[0].baseline'],
                winner: 'baselines.common (role web)',
                state: 'Stopped',
            },
            {
                it: 'should remove an inherited item through knockout',
                site: twoLayers({ services: [spooler('Stopped')] }, { knockout: ['service:spooler'] }),
                steps: ['set@baselines.common (role web)', 'knockout@nodes[0].baseline'],
                winner: undefined,
            },
            {
                it: 'should let a layer knock out an item and define it anew',
                site: twoLayers({ services: [spooler('Stopped')] }, { knockout: ['service:Spooler'], services: [spooler('Running')] }),
                steps: ['set@baselines.common (role web)', 'knockout@nodes[0].baseline', 'set@nodes[0].baseline'],
                winner: 'nodes[0].baseline',
                state: 'Running',
            },
            {
                it: 'should find a registry value to knock out in any spelling of its key',
                site: twoLayers(
                    { registry: [{ key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor', name: 'Port', type: 'REG_DWORD', value: 1 }] },
                    { knockout: ['registry:HKLM\\SOFTWARE\\Vendor\\Port'] },
                ),
                steps: [],
                winner: undefined,
            },
            {
                it: 'should record an "override" with nothing to replace, and keep the item',
                site: twoLayers({}, { services: [spooler('Running', { override: true })] }),
                steps: ['set@nodes[0].baseline'],
                winner: 'nodes[0].baseline',
                state: 'Running',
                unusedOverrides: ['nodes[0].baseline /nodes/0/baseline/services/0/override service:Spooler'],
            },
            {
                it: 'should record a knockout of an item no less specific layer gives',
                site: twoLayers({}, { knockout: ['service:Spooler'] }),
                steps: [],
                winner: undefined,
                unusedKnockouts: ['nodes[0].baseline /nodes/0/baseline/knockout/0 service:Spooler'],
            },
            {
                it: 'should chain three layers: role, named profile with override, node with override',
                site: {
                    name: 'lab',
                    roles: { web: { baselines: ['common'] } },
                    baselines: { common: { services: [spooler('Stopped')] }, named: { services: [spooler('Running', { override: true })] } },
                    nodes: [{ name: 'SRV01', roles: ['web'], baselines: ['named'], baseline: { services: [spooler('Stopped', { startupType: 'Manual', override: true })] } }],
                },
                steps: ['set@baselines.common (role web)', 'override@baselines.named', 'override@nodes[0].baseline'],
                winner: 'nodes[0].baseline',
                state: 'Stopped',
            },
        ];
        for (const c of cases) {
            it(c.it, () => {
                const n = node(c.site);
                if (c.steps.length > 0 || c.winner !== undefined) {
                    expect(chain(n, 'service:Spooler')).to.deep.equal({ steps: c.steps, winner: c.winner });
                } else {
                    expect(n.items).to.deep.equal([]);
                }
                const items = n.items.filter((i) => i.kind === 'service');
                expect(items.map((i) => (i.item as { state?: string }).state)).to.deep.equal(c.state === undefined ? [] : [c.state]);
                expect(n.conflicts.map((x) => `${x.first.layer} -> ${x.second.layer}: ${x.difference.join(', ')}`)).to.deep.equal(c.conflicts ?? []);
                expect(n.unusedOverrides.map((m) => `${m.layer} ${m.pointer} ${m.target}`)).to.deep.equal(c.unusedOverrides ?? []);
                expect(n.unusedKnockouts.map((m) => `${m.layer} ${m.pointer} ${m.target}`)).to.deep.equal(c.unusedKnockouts ?? []);
            });
        }
    });
});
