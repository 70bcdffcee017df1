/**
 * Issue 12: on a fresh server, every Script of a node's `Prepare`
 * configuration converges on the fake Windows host with no error: Prepare
 * holds nothing that needs what a vendor's interactive installer creates.
 * The only exception is a gate whose runbook step PLAN.md puts before the
 * node's Prepare (XPR's host check waits for the Loopback Adapter); such a
 * gate must still pass once that step's fixture is applied. Runs the
 * Prepare Scripts of every golden case through i9's harness
 * (Invoke-ScriptCases.ps1), in one pwsh process.
 */

import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { configurationViews } from '../../compiler/emit/ps/configurations.js';
import { applyStepId, type PlanStep } from '../../compiler/ir/plan.js';
import type { SiteIR } from '../../compiler/ir/types.js';
import { compileCase, goldenCases } from '../golden/golden.spec.js';
import { requirePwsh, runPwshJson } from '../helpers/pwsh.js';
import { scriptCases } from './script-cases.js';

const HARNESS = fileURLToPath(new URL('./Invoke-ScriptCases.ps1', import.meta.url));

interface Outcome {
    readonly kind: 'gate' | 'script';
    readonly ok: boolean;
    readonly steps: readonly { readonly step: string; readonly ok: boolean; readonly detail: string }[];
}

/** `<case>/<NODE> [xScript]<id>` of every Script in a Prepare configuration, as script-cases.ts names them. */
function prepareScripts(): Map<string, { site: SiteIR; node: string }> {
    const out = new Map<string, { site: SiteIR; node: string }>();
    for (const name of goldenCases().filter((n) => !n.startsWith('invalid-'))) {
        const site = compileCase(name).ir;
        for (const node of site?.nodes ?? []) {
            const prepare = node.resources.length > 0 ? configurationViews(node).find((v) => v.phase === 'Prepare' && v.subfolder !== undefined) : undefined;
            for (const block of (prepare?.blocks ?? []).filter((b) => b.resourceType === 'xScript')) {
                out.set(`${name}/${node.name} [xScript]${block.name}`, { site: site!, node: node.name });
            }
        }
    }
    return out;
}

/** Whether the plan's manual step for `runbookStep` on `node` comes before the node's Prepare (through `after`). */
function beforePrepare(site: SiteIR, node: string, runbookStep: string): boolean {
    const steps = new Map<string, PlanStep>((site.plan?.phases ?? []).flatMap((p) => p.steps.map((s) => [s.id, s] as const)));
    const manual = [...steps.values()].find((s) => s.kind === 'manual' && s.node?.toUpperCase() === node.toUpperCase() && s.runbookStep === runbookStep);
    const seen = new Set<string>();
    const reaches = (id: string): boolean => {
        if (id === manual?.id) return true;
        if (seen.has(id)) return false;
        seen.add(id);
        return (steps.get(id)?.after ?? []).some(reaches);
    };
    return manual !== undefined && reaches(applyStepId(node, 'Prepare'));
}

describe('a fresh host converges every Prepare configuration (pwsh, fake host)', function () {
    const prepare = prepareScripts();
    const cases = scriptCases().filter((c) => prepare.has(c.id));
    let results: Record<string, Outcome> = {};

    before(function () {
        const pwsh = requirePwsh(this);
        results = runPwshJson<Record<string, Outcome>>(pwsh, HARNESS, { cases }).result;
    });

    it('should find the Script resources of the Prepare configurations', () => {
        expect(cases.length).to.equal(prepare.size);
        expect(cases.length).to.be.greaterThan(3);
    });

    for (const c of cases) {
        it(`${c.id}${c.gate ? ` (gate for "${c.gate.step}", a step before Prepare)` : ' converges from a fresh host'}`, () => {
            const where = prepare.get(c.id)!;
            if (c.gate) {
                expect(beforePrepare(where.site, where.node, c.gate.step), `PLAN.md puts "${c.gate.step}" before ${where.node}'s Prepare`).to.equal(true);
            }
            const failed = (results[c.id]?.steps ?? [{ step: 'no result from the harness', ok: false, detail: '' }]).filter((s) => !s.ok);
            expect(failed.map((s) => `${s.step}: ${s.detail}`)).to.deep.equal([]);
        });
    }
});
