/**
 * The Script resources of every valid golden case, as the behaviour
 * harness (Invoke-ScriptCases.ps1) takes them: the three blocks exactly as
 * the configuration writes them (every xScript DSC block, including the
 * ones the Registry builder makes for values that need a reboot), whether
 * it runs with a Credential, its gate, and the fresh host of its node.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DscBlock } from '../../compiler/dsc/block.js';
import { dscBlocks } from '../../compiler/dsc/resources/index.js';
import type { NodeIR, ScriptGate } from '../../compiler/ir/types.js';
import type { Site } from '../../compiler/manifest/types.generated.js';
import { compileCase, goldenCases } from '../golden/golden.spec.js';
import { baseHost, merge, type State } from './hosts/base.js';
import { manualStepPatch, PRODUCT_FIXTURES, type Installer } from './hosts/products.js';

const GOLDEN_DIR = new URL('../golden/', import.meta.url).pathname;
const HOSTS_DIR = new URL('./hosts/', import.meta.url).pathname;

/**
 * Optional per-case overrides, spec/pwsh/hosts/<case>.json:
 * `{ "fresh": { "<NODE>": <state patch> }, "installers": { "<NODE>": { "<path>": { ExitCode, Effect } } } }`,
 * for a host fact no product fixture can derive from the manifest.
 */
interface CaseOverrides {
    readonly fresh?: Record<string, State>;
    readonly installers?: Record<string, Record<string, Installer>>;
}

function overridesOf(name: string): CaseOverrides {
    const path = join(HOSTS_DIR, `${name}.json`);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CaseOverrides) : {};
}

export interface ScriptCase {
    /** `<case>/<NODE> [xScript]<id>`: the mocha test's name. */
    readonly id: string;
    readonly getScript: string;
    readonly testScript: string;
    readonly setScript: string;
    readonly credential: boolean;
    readonly gate: ScriptGate | null;
    readonly fresh: State;
    readonly installers: Record<string, Installer>;
    readonly manualStep: State | null;
    /** The Set must ask the LCM for a reboot ($global:DSCMachineStatus = 1): a registry value Windows reads at start-up. */
    readonly expectReboot?: boolean;
    /** `$using:` values; xprc's scripts use none today. */
    readonly using: Record<string, string | number | boolean>;
}

function scriptText(block: DscBlock, property: 'GetScript' | 'TestScript' | 'SetScript'): string {
    const value = block.properties.find((p) => p.name === property)?.value;
    if (value?.kind !== 'scriptBlock') throw new Error(`${block.name}: ${property} is not a script block`);
    return value.lines.join('\n');
}

/** The node's host before the configuration: the base host and every product's fixture. */
export function freshHost(site: Site, node: NodeIR): State {
    return PRODUCT_FIXTURES.reduce((state, fixture) => (fixture.fresh ? merge(state, fixture.fresh(site, node)) : state), baseHost(node));
}

export function scriptCases(): ScriptCase[] {
    const cases: ScriptCase[] = [];
    for (const name of goldenCases().filter((n) => !n.startsWith('invalid-'))) {
        const ir = compileCase(name).ir;
        if (!ir) continue;
        const site = JSON.parse(readFileSync(join(GOLDEN_DIR, name, 'site.json'), 'utf8')) as Site;
        const overrides = overridesOf(name);
        for (const node of ir.nodes) {
            const scripts = dscBlocks(node).filter((block) => block.resourceType === 'xScript');
            if (scripts.length === 0) continue;
            const fresh = merge(freshHost(site, node), overrides.fresh?.[node.name] ?? {});
            const installers = Object.assign({}, ...PRODUCT_FIXTURES.map((f) => f.installers?.(site, node) ?? {}), overrides.installers?.[node.name] ?? {}) as Record<string, Installer>;
            for (const block of scripts) {
                const resource = node.resources.find((r) => r.id === block.name);
                const gate = resource?.kind === 'Script' ? (resource.gate ?? null) : null;
                cases.push({
                    id: `${name}/${node.name} [xScript]${block.name}`,
                    getScript: scriptText(block, 'GetScript'),
                    testScript: scriptText(block, 'TestScript'),
                    setScript: scriptText(block, 'SetScript'),
                    credential: block.properties.some((p) => p.name === 'Credential'),
                    gate,
                    fresh: PRODUCT_FIXTURES.reduce((state, fixture) => (fixture.freshFor ? merge(state, fixture.freshFor(site, node, block.name)) : state), fresh),
                    installers,
                    manualStep: (gate ? manualStepPatch(site, node, gate.step) : undefined) ?? null,
                    ...(resource?.kind === 'Registry' && resource.rebootAfterChange === true ? { expectReboot: true } : {}),
                    using: {},
                });
            }
        }
    }
    return cases;
}
