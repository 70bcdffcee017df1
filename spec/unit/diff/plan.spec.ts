/** `xprc diff` reports changes of the site plan (PLAN.md): steps added, removed, moved to another phase. */

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { PLAIN } from '../../../compiler/cli/format.js';
import { compile } from '../../../compiler/compile.js';
import { diffSites } from '../../../compiler/diff/diff.js';
import { diffPlans } from '../../../compiler/diff/plan.js';
import { renderDiffMarkdown } from '../../../compiler/diff/render-markdown.js';
import { renderDiffText } from '../../../compiler/diff/render-text.js';
import type { SitePlan } from '../../../compiler/ir/plan.js';
import type { SiteIR } from '../../../compiler/ir/types.js';

type Json = Record<string, unknown>;
const example = (name: string): Json => JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')) as Json;
const ir = (manifest: Json): SiteIR => compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest)) }, { emit: false }).ir!;
const plain = PLAIN;

describe('xprc diff of the site plan (compiler/diff/plan.ts)', () => {
    it('should report no plan change for the same manifest', () => {
        const site = ir(example('xpr-with-satellites'));
        expect(diffSites(site, site).plan).to.deep.equal([]);
    });

    it('should report the steps of a removed satellite as removed, and the kernel restart waiting for one step less', () => {
        const before = example('xpr-with-satellites');
        const after = example('xpr-with-satellites');
        const xpr = after['xpr'] as { satellites: unknown[] };
        xpr.satellites = xpr.satellites.slice(0, 1);
        const diff = diffSites(ir(before), ir(after));
        expect(diff.plan.filter((s) => s.change === 'removed').map((s) => s.id)).to.deep.equal([
            'xprsat02-xpr-loopback-adapter',
            'xprsat02-xpr-host-requirements',
            'apply-xprsat02-prepare',
            'wait-xprsat02-xprkern',
            'xprsat02-xpr-satprep',
            'xprsat02-xpr-satellite-setup',
            'apply-xprsat02-operate',
        ]);
        const restart = diff.plan.find((s) => s.id === 'xprkern-xpr-restart-for-satellites');
        expect(restart?.fields).to.deep.equal([{ name: 'after', old: '"apply-xprsat01-operate", "apply-xprsat02-operate"', new: '"apply-xprsat01-operate"' }]);
        expect(renderDiffText(diff, { old: 'old.json', new: 'new.json' }, plain)).to.include('- step apply-xprsat02-prepare: XPRSAT02: apply Prepare');
        expect(renderDiffMarkdown(diff, { old: 'old.json', new: 'new.json' })).to.include('#### Plan (PLAN.md)');
    });

    it('should report steps added and removed when XPR is marked as already installed', () => {
        const after = example('xpr-with-satellites');
        (after['xpr'] as Json)['installed'] = true;
        const diff = diffSites(ir(example('xpr-with-satellites')), ir(after));
        expect(diff.plan.filter((s) => s.change === 'removed').map((s) => s.id)).to.include.members(['apply-xprkern-prepare', 'xprkern-xpr-setup-start', 'wait-xprsat01-xprkern']);
        expect(diff.plan.find((s) => s.id === 'apply-xprsat01-operate')?.fields.map((f) => f.name)).to.include('after');
    });

    it('should report a step moved to another phase', () => {
        const step = { kind: 'apply', id: 'apply-a-operate', title: 'Apply A', node: 'A', phase: 'Operate', after: [], source: { pointer: '/nodes/0' } } as const;
        const old: SitePlan = { phases: [{ id: 'one', title: 'One', steps: [step] }, { id: 'two', title: 'Two', steps: [] }] };
        const moved: SitePlan = { phases: [{ id: 'one', title: 'One', steps: [] }, { id: 'two', title: 'Two', steps: [step] }] };
        const diff = diffPlans(old, moved);
        expect(diff).to.deep.equal([
            {
                change: 'changed',
                id: 'apply-a-operate',
                step: 'A: apply Operate',
                node: 'A',
                oldPhase: 'One',
                newPhase: 'Two',
                oldSource: '/nodes/0',
                newSource: '/nodes/0',
                fields: [{ name: 'phase', old: '"One"', new: '"Two"' }],
            },
        ]);
        const text = renderDiffText({ settings: [], nodes: [], plan: diff, selectedNodes: null }, { old: 'a', new: 'b' }, plain);
        expect(text).to.include('~ step apply-a-operate: A: apply Operate (moved to another phase)');
        expect(text).to.include('plan steps: 1 changed');
    });
});
