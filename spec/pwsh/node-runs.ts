/**
 * The runs of the verification-test oracle (node-tests.spec.ts): per node
 * of every valid golden case, its freshly compiled <NODE>.Tests.ps1 with
 *
 *   fresh:     the node's fresh host (hosts/), plus what each non-Script
 *              resource changes as it was before (converge-model.ts
 *              freshPatch), for the checks of those resources;
 *   fresh scripts: the fresh host as it is, for the Script resources'
 *              checks: it is where the Script behaviour tests prove each
 *              TestScript false (a patch for one resource may satisfy a
 *              Script, e.g. a stopped service satisfies the script that
 *              stops it);
 *   converged: that host after the configuration, in DSC's order
 *              (DependsOn): each non-Script resource through the converge
 *              model, each Script resource by its own SetScript in the
 *              fake host, each gate by the fixture of the runbook step it
 *              waits for; the other manual steps are done first.
 */

import type { DscBlock } from '../../compiler/dsc/block.js';
import { dscBlocks } from '../../compiler/dsc/resources/index.js';
import { resourceTitle, type CheckContext } from '../../compiler/emit/pester/check.js';
import { MANUAL_STEPS_TAG, pesterContexts } from '../../compiler/emit/pester/index.js';

/** The tag of the Scripts Context: the IR kind. */
const SCRIPT_TAG = 'Script';
import type { NodeIR, Resource, SiteIR } from '../../compiler/ir/types.js';
import type { Site } from '../../compiler/manifest/types.generated.js';
import { convergePatch, freshPatch } from './converge-model.js';
import { merge, type State } from './hosts/base.js';

export type Step = { readonly id: string; readonly patch: State } | { readonly id: string; readonly script: string };

export interface NodeRun {
    /** `<case>/<NODE> converged|fresh`. */
    readonly id: string;
    readonly tests: string;
    readonly fresh: State;
    /** What the installers the SetScripts start do (spec/pwsh/hosts/products.ts). */
    readonly installers: State;
    /** Apply `steps` to `fresh` before the tests run. */
    readonly converge: boolean;
    /** Pester filters: only the Contexts with these tags / without these tags. */
    readonly tag: readonly string[];
    readonly excludeTag: readonly string[];
    readonly steps: readonly Step[];
}

/** What the spec expects of a node's tests: each title once, and which ones are skipped by design. */
export interface Expected {
    readonly titles: readonly string[];
    readonly skipped: readonly string[];
    /** The manual steps' tests (tagged ManualStep). */
    readonly manual: readonly string[];
    /** The checks of Script resources (run by their TestScript). */
    readonly scripts: readonly string[];
}

/** The node's resources in an order DSC may apply them: every DependsOn target first, otherwise IR order. */
export function dependencyOrder(resources: readonly Resource[]): Resource[] {
    const byId = new Map(resources.map((r) => [r.id, r]));
    const done = new Set<string>();
    const out: Resource[] = [];
    const visit = (r: Resource): void => {
        if (done.has(r.id)) return;
        done.add(r.id);
        r.dependsOn.forEach((id) => {
            const target = byId.get(id);
            if (target) visit(target);
        });
        out.push(r);
    };
    resources.forEach(visit);
    return out;
}

function setScript(block: DscBlock | undefined): string {
    const value = block?.properties.find((p) => p.name === 'SetScript')?.value;
    if (value?.kind !== 'scriptBlock') throw new Error(`${block?.name ?? '?'}: no SetScript`);
    return value.lines.join('\n');
}

export interface HostFixtures {
    /** The node's host before the configuration (spec/pwsh/hosts/). */
    fresh(site: Site, node: NodeIR): State;
    /** Per program path: its exit code and the state it leaves. */
    installers(site: Site, node: NodeIR): State;
    /** What a runbook step changes on the host, or undefined when no fixture models it. */
    manualStep(site: Site, node: NodeIR, stepId: string): State | undefined;
}

export function nodeRuns(caseName: string, site: Site, ir: SiteIR, node: NodeIR, tests: string, hosts: HostFixtures): { runs: NodeRun[]; expected: Expected } {
    const host = hosts.fresh(site, node);
    const fresh = node.resources.reduce((state, r) => merge(state, freshPatch(r, state)), host);
    const installers = hosts.installers(site, node);
    const blocks = new Map(dscBlocks(node).map((b) => [b.name, b]));
    const gated = new Set(node.resources.flatMap((r) => (r.kind === 'Script' && r.gate ? [r.gate.step] : [])));
    const steps: Step[] = [];
    let state = fresh;
    const apply = (id: string, patch: State): void => {
        steps.push({ id, patch });
        state = merge(state, patch);
    };
    for (const step of node.manualSteps.filter((s) => !gated.has(s.id))) {
        const patch = hosts.manualStep(site, node, step.id);
        if (patch) apply(`manual step ${step.id}`, patch);
    }
    for (const r of dependencyOrder(node.resources)) {
        if (r.kind !== 'Script') {
            apply(r.id, convergePatch(r, state, node));
        } else if (r.gate) {
            const patch = hosts.manualStep(site, node, r.gate.step);
            if (patch) apply(`manual step ${r.gate.step} (gate ${r.id})`, patch);
        } else {
            steps.push({ id: r.id, script: setScript(blocks.get(r.id)) });
        }
    }
    const typeOf = (id: string): string => blocks.get(id)?.resourceType ?? '?';
    const contexts = pesterContexts(ir, node, typeOf);
    const checks = contexts.flatMap((c) => c.checks);
    const ctx: CheckContext = { manifest: ir.manifestName, resourceType: typeOf, credential: () => undefined };
    const scripts = node.resources.filter((r) => r.kind === 'Script').map((r) => resourceTitle(r, ctx));
    const base = { tests, installers, steps: [] as Step[], converge: false, tag: [] as string[], excludeTag: [] as string[] };
    return {
        runs: [
            { ...base, id: `${caseName}/${node.name} converged`, fresh, converge: true, steps },
            // Manual steps are skipped whatever the state: the converged run shows that.
            { ...base, id: `${caseName}/${node.name} fresh`, fresh, excludeTag: [SCRIPT_TAG, MANUAL_STEPS_TAG] },
            ...(scripts.length > 0 ? [{ ...base, id: `${caseName}/${node.name} fresh scripts`, fresh: host, tag: [SCRIPT_TAG] }] : []),
        ],
        expected: {
            titles: checks.map((c) => c.title),
            skipped: checks.filter((c) => c.skip).map((c) => c.title),
            manual: contexts.filter((c) => c.tag === MANUAL_STEPS_TAG).flatMap((c) => c.checks.map((check) => check.title)),
            scripts,
        },
    };
}
