/**
 * `xprc diff`: what changes in the generated configuration between two
 * compiled manifests, per node. A pure function of the two IRs.
 *
 * Resources are compared as the DSC blocks the .ps1 will hold (dscBlocks),
 * not as IR, so the diff speaks the reviewer's language (resource type,
 * instance name, DSC property, PowerShell literal) and reports exactly what
 * the configuration would change, including derived properties such as
 * DependsOn. Registry values are also compared on their own, as the .reg
 * file holds them. Where an item sits in the manifest (its pointer) and the
 * guide section behind it are provenance: moving an item, reordering an
 * array or reformatting the manifest is no change.
 */

import type { DscBlock } from '../dsc/block.js';
import { dscBlocks } from '../dsc/resources/index.js';
import { psArray, psString, psValue } from '../emit/ps/quote.js';
import type { CredentialParameter, ManualStep, NodeIR, RegistryValue, Resource, SiteIR } from '../ir/types.js';
import { quoted, registryData, registryKeyName } from './display.js';
import { diffPlans } from './plan.js';
import { phasesOf } from '../ir/plan.js';
import type {
    Change,
    CredentialDiff,
    NodeDiff,
    RegistryDiff,
    RegistryState,
    Removal,
    ResourceDiff,
    SiteDiff,
    StepDiff,
    ValueChange,
} from './model.js';

export function diffSites(oldIr: SiteIR, newIr: SiteIR): SiteDiff {
    const nodes = pair(oldIr.nodes, newIr.nodes, (n) => n.name.toUpperCase())
        .map(([o, n]) => diffNode(o, n))
        .filter((d): d is NodeDiff => d !== undefined)
        .sort((a, b) => compareText(a.name, b.name));
    return { settings: changedValues(siteSettings(oldIr), siteSettings(newIr)), nodes, plan: diffPlans(oldIr.plan, newIr.plan), selectedNodes: null };
}

// ---------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------

/** A node that does not exist on one side is compared with an empty one, so "added" lists everything it brings. */
const NO_NODE: Omit<NodeIR, 'name' | 'fileStem' | 'os' | 'source' | 'lcm'> = {
    roles: [],
    addresses: [],
    credentials: [],
    resources: [],
    manualSteps: [],
};

function diffNode(oldNode: NodeIR | undefined, newNode: NodeIR | undefined): NodeDiff | undefined {
    const change: Change = oldNode === undefined ? 'added' : newNode === undefined ? 'removed' : 'changed';
    const o = oldNode ?? NO_NODE;
    const n = newNode ?? NO_NODE;
    const steps = diffSteps(o.manualSteps, n.manualSteps);
    const diff: NodeDiff = {
        name: (newNode ?? oldNode)?.name ?? '',
        change,
        // The name heads the node's section: as a setting it only shows a change of spelling. An added
        // or removed node lists the settings it has (empty lists are no setting).
        settings: changedValues(oldNode ? nodeSettings(oldNode) : [], newNode ? nodeSettings(newNode) : []).filter(
            (v) => change === 'changed' || (v.name !== 'name' && (v.old ?? v.new) !== '@()'),
        ),
        credentials: diffCredentials(o.credentials, n.credentials),
        resources: diffResources(oldNode ? dscBlocks(oldNode) : [], newNode ? dscBlocks(newNode) : [], o, n, change === 'removed'),
        registry: diffRegistry(o, n),
        manualSteps: steps.diffs,
        stepOrder: steps.order,
    };
    const empty =
        diff.settings.length + diff.credentials.length + diff.resources.length + diff.registry.length + diff.manualSteps.length === 0 &&
        diff.stepOrder === null;
    return change === 'changed' && empty ? undefined : diff;
}

/** Node settings that reach ConfigurationData.psd1 or the runbook, as PowerShell literals. */
function nodeSettings(node: NodeIR): [string, string | null][] {
    return [
        ['name', psString(node.name)],
        ['description', node.description === undefined ? null : psString(node.description)],
        ['os', psString(node.os)],
        ['roles', psArray(node.roles)],
        ['addresses', psArray(node.addresses.map((a) => `${a.address}${a.prefixLength === undefined ? '' : `/${a.prefixLength}`} (${a.role})`))],
        ['certificateFile', node.certificate ? psString(node.certificate.file) : null],
        ['thumbprint', node.certificate ? psString(node.certificate.thumbprint) : null],
        // The meta-configuration (<NODE>.meta.ps1): how the LCM applies, restarts and re-checks.
        ['lcm.configurationMode', psString(node.lcm.configurationMode)],
        ['lcm.rebootNodeIfNeeded', node.lcm.rebootNodeIfNeeded ? '$true' : '$false'],
        ['lcm.actionAfterReboot', psString(node.lcm.actionAfterReboot)],
        ['lcm.refreshMode', psString(node.lcm.refreshMode)],
        ['lcm.configurationModeFrequencyMins', String(node.lcm.configurationModeFrequencyMins)],
    ];
}

/** Site settings that reach the output. The manifest's file name is left out: it names the input, not the configuration. */
function siteSettings(site: SiteIR): [string, string | null][] {
    return [
        ['name', psString(site.name)],
        ['description', site.description === undefined ? null : psString(site.description)],
        ['domain', site.domain === undefined ? null : psString(site.domain)],
        ['allowPlainTextCredentials', site.allowPlainTextCredentials ? '$true' : '$false'],
        // Delivery changes what the site build produces (pull package, meta-configurations), so a review shows it.
        ['delivery', psString(site.delivery.mode)],
        ['moduleRepository', psString(site.delivery.moduleRepository)],
        ['pullServer', site.delivery.pullServer ? psString(site.delivery.pullServer.url) : null],
        ['registrationKey', site.delivery.pullServer ? psString(site.delivery.pullServer.registrationKeyReference) : null],
        ['pullServerKind', site.delivery.pullServer ? psString(site.delivery.pullServer.kind) : null],
        ['configurationMode', site.delivery.pullServer ? psString(site.delivery.pullServer.configurationMode) : null],
        ['refreshFrequencyMins', site.delivery.pullServer ? String(site.delivery.pullServer.refreshFrequencyMins) : null],
    ];
}

// ---------------------------------------------------------------------------
// DSC resources
// ---------------------------------------------------------------------------

function diffResources(
    oldBlocks: readonly DscBlock[],
    newBlocks: readonly DscBlock[],
    oldNode: Pick<NodeIR, 'resources'>,
    newNode: Pick<NodeIR, 'resources'>,
    nodeRemoved: boolean,
): ResourceDiff[] {
    // Blocks are named by resource id; read the guide defensively (product modules fill it in).
    const guides = (node: Pick<NodeIR, 'resources'>) =>
        new Map(node.resources.map((r) => [r.id, typeof (r as { guide?: unknown }).guide === 'string' ? (r as { guide: string }).guide : null]));
    const oldGuides = guides(oldNode);
    const newGuides = guides(newNode);
    const out: ResourceDiff[] = [];
    for (const [o, n] of pair(oldBlocks, newBlocks, (b) => `[${b.resourceType}]${b.name}`.toUpperCase())) {
        const block = (n ?? o) as DscBlock;
        const properties = changedValues(o ? blockProperties(o) : [], n ? blockProperties(n) : []);
        // Matched case-insensitively, like DSC; a change of spelling alone is a change of the instance name.
        if (o && n && o.name !== n.name) {
            properties.unshift({ name: '(instance name)', old: psString(o.name), new: psString(n.name) });
        }
        // The same block in other configurations of the node (Prepare / Operate) is applied at another time.
        const configurations = (node: Pick<NodeIR, 'resources'>, name: string) => {
            const resource = node.resources.find((r) => r.id === name);
            return resource ? phasesOf(resource).join(', ') : null;
        };
        const [oldPhases, newPhases] = [o ? configurations(oldNode, o.name) : null, n ? configurations(newNode, n.name) : null];
        if (o && n && oldPhases !== newPhases) {
            properties.push({ name: '(configurations)', old: oldPhases, new: newPhases });
        }
        const change: Change = o === undefined ? 'added' : n === undefined ? 'removed' : 'changed';
        if (change === 'changed' && properties.length === 0) {
            continue;
        }
        out.push({
            change,
            resourceType: block.resourceType,
            id: block.name,
            oldSource: o?.source ?? null,
            newSource: n?.source ?? null,
            guide: (n ? newGuides.get(n.name) : o ? oldGuides.get(o.name) : null) ?? null,
            properties,
            removal: change === 'removed' && o ? removalOf(o, oldNode, nodeRemoved) : null,
        });
    }
    return out.sort((a, b) => compareText(a.resourceType, b.resourceType) || compareText(a.id, b.id));
}

/** IR kinds a baseline item of the manifest produces, so `ensure: Absent` on such an item removes what the resource set. */
const ENSURE_KINDS: ReadonlySet<Resource['kind']> = new Set<Resource['kind']>(['WindowsFeature', 'Registry', 'Service', 'FirewallRule', 'Directory', 'File', 'MsiPackage']);
/** Kinds that only order or restart: removing them leaves nothing on the node. */
const STATELESS_KINDS: ReadonlySet<Resource['kind']> = new Set<Resource['kind']>(['WaitForAll', 'WaitForCluster', 'PendingReboot']);

/** What a removed resource leaves on the node (model.ts, Removal). */
function removalOf(block: DscBlock, oldNode: Pick<NodeIR, 'resources'>, nodeRemoved: boolean): Removal | null {
    const kind = oldNode.resources.find((r) => r.id === block.name)?.kind;
    if (kind !== undefined && STATELESS_KINDS.has(kind)) return null;
    if (nodeRemoved) return 'node-removed';
    if (block.properties.some((p) => p.name === 'Ensure' && psValue(p.value) === "'Absent'")) return 'already-absent';
    // A service the configuration only set up (startup type, state, account) was there before and stays.
    if (kind === 'Service' && !block.properties.some((p) => p.name === 'Path')) return 'settings-kept';
    return kind !== undefined && ENSURE_KINDS.has(kind) ? 'ensure-absent' : 'by-hand';
}

function blockProperties(block: DscBlock): [string, string | null][] {
    return block.properties.map((p) => [p.name, psValue(p.value)]);
}

// ---------------------------------------------------------------------------
// Registry values (the .reg file)
// ---------------------------------------------------------------------------

interface SourcedValue {
    readonly value: RegistryValue;
    readonly source: string;
}

function registryValues(node: Pick<NodeIR, 'resources'>): SourcedValue[] {
    return node.resources.flatMap((r) => (r.kind === 'Registry' ? [{ value: r.value, source: r.source.pointer }] : []));
}

function diffRegistry(oldNode: Pick<NodeIR, 'resources'>, newNode: Pick<NodeIR, 'resources'>): RegistryDiff[] {
    const out: RegistryDiff[] = [];
    // Windows compares key and value names case-insensitively.
    const identity = (v: SourcedValue) => `${registryKeyName(v.value)}\u0000${v.value.name}`.toUpperCase();
    for (const [o, n] of pair(registryValues(oldNode), registryValues(newNode), identity)) {
        const oldState = o ? registryState(o.value) : null;
        const newState = n ? registryState(n.value) : null;
        const change: Change = o === undefined ? 'added' : n === undefined ? 'removed' : 'changed';
        if (change === 'changed' && JSON.stringify(oldState) === JSON.stringify(newState)) {
            continue;
        }
        const state = (newState ?? oldState) as RegistryState;
        out.push({ change, key: state.key, name: state.name, old: oldState, new: newState, oldSource: o?.source ?? null, newSource: n?.source ?? null });
    }
    return out.sort((a, b) => compareKeys(a.key, b.key) || compareText(a.name, b.name));
}

function registryState(v: RegistryValue): RegistryState {
    return {
        key: registryKeyName(v),
        name: v.name,
        ensure: v.ensure,
        type: v.data?.type ?? null,
        data: v.data ? registryData(v.data) : null,
    };
}

// ---------------------------------------------------------------------------
// Credentials and manual steps
// ---------------------------------------------------------------------------

function diffCredentials(oldList: readonly CredentialParameter[], newList: readonly CredentialParameter[]): CredentialDiff[] {
    const fields = (c: CredentialParameter): [string, string | null][] => [
        ['parameter', `$${c.parameter}`],
        ['description', psString(c.description)],
        ['userName', c.userName === undefined ? null : psString(c.userName)],
    ];
    const out: CredentialDiff[] = [];
    for (const [o, n] of pair(oldList, newList, (c) => c.name)) {
        const changes = changedValues(o ? fields(o) : [], n ? fields(n) : []);
        const change: Change = o === undefined ? 'added' : n === undefined ? 'removed' : 'changed';
        if (changes.length > 0) {
            out.push({ change, name: (n ?? o)?.name ?? '', fields: changes });
        }
    }
    return out.sort((a, b) => compareText(a.name, b.name));
}

function stepFields(step: ManualStep): [string, string | null][] {
    return [
        ['title', quoted(step.title)],
        ['section', step.section === undefined ? null : quoted(step.section)],
        ['guide', step.guide === undefined ? null : quoted(step.guide)],
        // One literal per line: the renderers show a multi-line value as a line diff.
        ['instructions', step.instructions.map(quoted).join('\n')],
        ['verify', step.verify === undefined ? null : quoted(step.verify)],
    ];
}

function diffSteps(oldSteps: readonly ManualStep[], newSteps: readonly ManualStep[]): { diffs: StepDiff[]; order: NodeDiff['stepOrder'] } {
    const oldKeyed = keyedSteps(oldSteps);
    const newKeyed = keyedSteps(newSteps);
    const diffs: StepDiff[] = [];
    // Runbook order: the new side's steps as the new runbook lists them, then the removed ones.
    for (const [o, n] of pair(oldKeyed, newKeyed, (s) => s.key, 'new-order')) {
        const changes = changedValues(o ? stepFields(o.step) : [], n ? stepFields(n.step) : []);
        const change: Change = o === undefined ? 'added' : n === undefined ? 'removed' : 'changed';
        if (changes.length > 0) {
            const step = (n ?? o)!.step;
            diffs.push({ change, id: step.id, title: step.title, oldSource: o?.step.source.pointer ?? null, newSource: n?.step.source.pointer ?? null, fields: changes });
        }
    }
    const common = new Set(oldKeyed.map((s) => s.key).filter((k) => newKeyed.some((s) => s.key === k)));
    const oldOrder = oldKeyed.filter((s) => common.has(s.key)).map((s) => s.key);
    const newOrder = newKeyed.filter((s) => common.has(s.key)).map((s) => s.key);
    const order = oldOrder.join('\u0000') === newOrder.join('\u0000') ? null : { old: oldOrder, new: newOrder };
    return { diffs, order };
}

/** Steps keyed by id; a repeated id (which the rules forbid within a node) gets `#2`, `#3`, … so nothing is lost. */
function keyedSteps(steps: readonly ManualStep[]): { key: string; step: ManualStep }[] {
    const seen = new Map<string, number>();
    return steps.map((step) => {
        const count = (seen.get(step.id) ?? 0) + 1;
        seen.set(step.id, count);
        return { key: count === 1 ? step.id : `${step.id}#${count}`, step };
    });
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/**
 * Old and new items matched by key: pairs in a deterministic order (sorted
 * by key, or with 'new-order' the new side's order followed by the old-only
 * items in the old side's order). A key repeated on one side keeps its first
 * item; callers use keys that are unique by construction.
 */
function pair<T>(oldItems: readonly T[], newItems: readonly T[], key: (item: T) => string, order: 'sorted' | 'new-order' = 'sorted'): [T | undefined, T | undefined][] {
    const oldByKey = new Map<string, T>();
    for (const item of oldItems) if (!oldByKey.has(key(item))) oldByKey.set(key(item), item);
    const newByKey = new Map<string, T>();
    for (const item of newItems) if (!newByKey.has(key(item))) newByKey.set(key(item), item);
    const keys =
        order === 'sorted'
            ? [...new Set([...oldByKey.keys(), ...newByKey.keys()])].sort(compareText)
            : [...newByKey.keys(), ...[...oldByKey.keys()].filter((k) => !newByKey.has(k))];
    return keys.map((k) => [oldByKey.get(k), newByKey.get(k)]);
}

/**
 * The named values that differ, in the new side's order, then the ones only
 * the old side has. Used with both sides' full lists, it also gives "every
 * value, old null" for an added item and "every value, new null" for a
 * removed one.
 */
function changedValues(oldValues: readonly [string, string | null][], newValues: readonly [string, string | null][]): ValueChange[] {
    const oldMap = new Map(oldValues);
    const newMap = new Map(newValues);
    const names = [...newValues.map(([name]) => name), ...oldValues.map(([name]) => name).filter((name) => !newMap.has(name))];
    return names
        .map((name) => ({ name, old: oldMap.get(name) ?? null, new: newMap.get(name) ?? null }))
        .filter((v) => v.old !== v.new);
}

/** Case-insensitive, then ordinal: stable across platforms and locales. */
export function compareText(a: string, b: string): number {
    const ua = a.toUpperCase();
    const ub = b.toUpperCase();
    return ua < ub ? -1 : ua > ub ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Registry keys in tree order (component by component), like the .reg file. */
function compareKeys(a: string, b: string): number {
    const pa = a.split('\\');
    const pb = b.split('\\');
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
        const c = compareText(pa[i] ?? '', pb[i] ?? '');
        if (c !== 0) return c;
    }
    return pa.length - pb.length;
}
