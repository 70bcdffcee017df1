/**
 * Issue 14: an XPR upgrade is resumable. For each node of every upgrade
 * golden case (xpr-upgrade-*), its upgrade Scripts run in PLAN.md's order
 * (configuration by configuration, DependsOn within one) on the fake host;
 * the run is interrupted after each of them in turn and resumed from the
 * first configuration, then applied once more after it finished
 * (Invoke-UpgradeRun.ps1). Every automated step must have run exactly once
 * (its Set, and the program it starts), every gate must have waited for its
 * runbook step, and the finished upgrade applied again must do nothing. A
 * silent repair that is interrupted before it changed anything runs again on
 * resume and then counts once. Under CI=true a missing pwsh fails.
 */

import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dscBlocks } from '../../compiler/dsc/resources/index.js';
import { configurationViews } from '../../compiler/emit/ps/configurations.js';
import type { DscBlock } from '../../compiler/dsc/block.js';
import type { Site } from '../../compiler/manifest/types.generated.js';
import { compileCase, goldenCases } from '../golden/golden.spec.js';
import { requirePwsh, runPwshJson } from '../helpers/pwsh.js';
import { dependencyOrder } from './node-runs.js';
import { merge, type State } from './hosts/base.js';
import { manualStepPatch, PRODUCT_FIXTURES } from './hosts/products.js';
import { freshHost } from './script-cases.js';

const HARNESS = fileURLToPath(new URL('./Invoke-UpgradeRun.ps1', import.meta.url));
const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url));

interface RunResource {
    readonly id: string;
    readonly configuration: string;
    readonly testScript: string;
    readonly setScript: string;
    readonly credential: boolean;
    readonly gate: boolean;
    readonly manualStep: State;
}
interface Run {
    readonly id: string;
    readonly fresh: State;
    readonly installers: State;
    readonly interruptAfter: number;
    readonly crashOnce: string;
    readonly resources: readonly RunResource[];
}
interface Pass {
    readonly pass: number;
    readonly completed: boolean;
    readonly sets: Record<string, number>;
    readonly failures: readonly string[];
    readonly errors: readonly string[];
    readonly started: readonly string[];
}
interface Outcome {
    readonly passes: readonly Pass[];
    readonly final: Record<string, boolean>;
}

const text = (block: DscBlock | undefined, name: string): string => {
    const value = block?.properties.find((p) => p.name === name)?.value;
    if (value?.kind !== 'scriptBlock') throw new Error(`${block?.name}: no ${name}`);
    return value.lines.join('\n');
};

/** Per node of the upgrade cases: its upgrade Scripts in the order the plan reaches them, and the programs they start. */
function nodeCases(): { name: string; resources: RunResource[]; fresh: State; installers: State; programs: string[] }[] {
    const out: { name: string; resources: RunResource[]; fresh: State; installers: State; programs: string[] }[] = [];
    for (const name of goldenCases().filter((n) => n.startsWith('xpr-upgrade'))) {
        const ir = compileCase(name).ir;
        const site = JSON.parse(readFileSync(join(GOLDEN_DIR, name, 'site.json'), 'utf8')) as Site;
        for (const node of ir?.nodes ?? []) {
            const blocks = new Map(dscBlocks(node).map((b) => [b.name, b]));
            const resources = configurationViews(node).flatMap((view) =>
                dependencyOrder(view.node.resources)
                    .filter((r) => r.kind === 'Script' && r.id.startsWith('XprUpgrade_'))
                    .map((r): RunResource => ({
                        id: r.id,
                        configuration: view.name,
                        testScript: text(blocks.get(r.id), 'TestScript'),
                        setScript: text(blocks.get(r.id), 'SetScript'),
                        credential: blocks.get(r.id)?.properties.some((p) => p.name === 'Credential') === true,
                        gate: r.kind === 'Script' && r.gate !== undefined,
                        manualStep: (r.kind === 'Script' && r.gate ? manualStepPatch(site, node, r.gate.step) : undefined) ?? {},
                    })),
            );
            if (resources.length === 0) continue;
            const installers = Object.assign({}, ...PRODUCT_FIXTURES.map((f) => f.installers?.(site, node) ?? {})) as State;
            out.push({ name: `${name}/${node.name}`, resources, fresh: merge(freshHost(site, node), {}), installers, programs: Object.keys(installers) });
        }
    }
    return out;
}

describe('an interrupted XPR upgrade resumes and runs every step exactly once (pwsh, fake host)', function () {
    const cases = nodeCases();
    const runs: Run[] = cases.flatMap((c) => [
        ...[-1, ...c.resources.map((_, i) => i)].map((interruptAfter) => ({ id: `${c.name} interrupted after ${interruptAfter < 0 ? 'nothing' : c.resources[interruptAfter]!.id}`, fresh: c.fresh, installers: c.installers, interruptAfter, crashOnce: '', resources: c.resources })),
        ...c.programs.filter((p) => /\\setup\.exe$/i.test(p)).map((program) => ({ id: `${c.name} setup interrupted once`, fresh: c.fresh, installers: c.installers, interruptAfter: -1, crashOnce: program, resources: c.resources })),
    ]);
    // Negative control: a step whose Test ignores its marker runs again on every pass; the assertions below must notice.
    const inplace = cases.find((c) => c.name === 'xpr-upgrade-inplace/XPR01');
    const control: Run | undefined = inplace && {
        id: 'control: a Test that ignores its marker',
        fresh: inplace.fresh,
        installers: inplace.installers,
        interruptAfter: -1,
        crashOnce: '',
        resources: inplace.resources.map((r) => (r.id === 'XprUpgrade_RegistryExport' ? { ...r, testScript: `${r.testScript}\n$false` } : r)),
    };
    let results: Record<string, Outcome> = {};

    before(function () {
        const pwsh = requirePwsh(this);
        results = runPwshJson<Record<string, Outcome>>(pwsh, HARNESS, { runs: [...runs, ...(control ? [control] : [])] }).result;
    });

    it('should find the upgrade Scripts of the upgrade cases, with a silent repair among them', () => {
        expect(cases.map((c) => c.name)).to.include.members(['xpr-upgrade-inplace/XPR01', 'xpr-upgrade-tov7/XPRKERN', 'xpr-upgrade-tov7/XPRSAT01']);
        expect(cases.flatMap((c) => c.resources.map((r) => r.id))).to.include.members(['XprUpgrade_SilentRepair', 'XprUpgrade_RegistryExport', 'XprUpgrade_SmartBackup', 'XprUpgrade_Uninstalled']);
        expect(runs.some((r) => r.crashOnce !== '')).to.equal(true);
    });

    it('the negative control is noticed: the step runs again when the finished upgrade is applied again', () => {
        const passes = results[control!.id]?.passes ?? [];
        expect(passes[1]?.completed, 'its Test never holds, so the pass stops there').to.equal(false);
        expect(passes[2]?.sets['XprUpgrade_RegistryExport']).to.equal(1);
    });

    for (const run of runs) {
        it(run.id, () => {
            const outcome = results[run.id];
            expect(outcome, 'no result from the harness').to.not.equal(undefined);
            const [first, second, third] = outcome!.passes;
            const automated = run.resources.filter((r) => !r.gate).map((r) => r.id);
            const total = (id: string): number => (first!.sets[id] ?? 0) + (second!.sets[id] ?? 0);
            expect([...first!.errors, ...second!.errors, ...third!.errors], 'Test after Set / after the runbook step').to.deep.equal([]);
            expect(second!.completed, `the resumed pass completes: ${second!.failures.join('; ')}`).to.equal(true);
            if (run.crashOnce === '') {
                expect(first!.failures, 'no Set fails').to.deep.equal([]);
                expect(Object.fromEntries(automated.map((id) => [id, total(id)])), 'every automated step ran exactly once').to.deep.equal(Object.fromEntries(automated.map((id) => [id, 1])));
                const starts = [...first!.started, ...second!.started];
                for (const program of new Set(starts)) {
                    expect(starts.filter((p) => p === program), `${program} started once`).to.have.length(1);
                }
            } else {
                // The crashed setup leaves the version as it was: the Set fails, and the resumed pass runs it once more.
                expect(first!.failures.map((f) => f.split(':')[0])).to.deep.equal(['XprUpgrade_SilentRepair']);
                expect(first!.failures[0]).to.match(/not at build .* The guide documents no exit codes/);
                expect(second!.sets['XprUpgrade_SilentRepair']).to.equal(1);
                expect([...first!.started, ...second!.started].filter((p) => p === run.crashOnce)).to.have.length(2);
            }
            expect(third!.completed, 'the finished upgrade applied again').to.equal(true);
            expect(third!.sets, 'applying the finished upgrade again runs no Set').to.deep.equal({});
            expect(third!.started, 'and starts no program').to.deep.equal([]);
            expect(outcome!.final, 'every upgrade Script in the desired state at the end').to.deep.equal(Object.fromEntries(run.resources.map((r) => [r.id, true])));
        });
    }
});
