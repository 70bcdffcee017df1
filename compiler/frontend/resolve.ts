/**
 * Phase 3, resolve: the validated manifest → one flat item list per node.
 *
 * A node's items come from layers: the named baseline profiles it applies
 * (in order), then its own `baseline`. Defaults are filled in here, every
 * item keeps the JSON pointer and layer it came from, and an item that
 * appears in two layers is kept once. Items that collide with different
 * settings are recorded as `conflicts` for the conflict rule to report;
 * resolve itself never reports anything, so it stays a pure data step.
 */

import type {
    Baseline,
    FileItem,
    FirewallRuleItem,
    FolderItem,
    ManualStepItem,
    MsiPackageItem,
    Node,
    RegistryValueItem,
    ServiceItem,
    Site,
    WindowsFeature,
} from '../manifest/types.generated.js';
import { joinPointer } from './source.js';
import { DEFAULT_FIREWALL_PROFILES, DEFAULT_OS, normaliseGuid } from './defaults.js';
import { effectivePath, isKeyProblem, parseRegistryKey } from './registry-key.js';

export type ItemKind = 'feature' | 'registry' | 'service' | 'firewall' | 'folder' | 'file' | 'package';

interface ItemBase<K extends ItemKind, T> {
    readonly kind: K;
    /** `<kind>:<identity>` as dependsOn refers to it, upper-cased for comparison. */
    readonly ref: string;
    /** Human-readable `<kind>:<identity>` for messages. */
    readonly label: string;
    readonly item: T;
    readonly pointer: string;
    /** 'baselines.<profile>' or 'nodes[<i>].baseline'. */
    readonly layer: string;
}

export type ResolvedItem =
    | ItemBase<'feature', WindowsFeature>
    | ItemBase<'registry', RegistryValueItem>
    | ItemBase<'service', ServiceItem>
    | ItemBase<'firewall', FirewallRuleItem>
    | ItemBase<'folder', FolderItem>
    | ItemBase<'file', FileItem>
    | ItemBase<'package', MsiPackageItem>;

export interface Conflict {
    readonly first: ResolvedItem;
    readonly second: ResolvedItem;
    /** Names of the settings that differ. */
    readonly difference: readonly string[];
}

export interface ResolvedNode {
    readonly index: number;
    readonly pointer: string;
    readonly node: Node;
    readonly name: string;
    readonly os: string;
    readonly items: readonly ResolvedItem[];
    readonly manualSteps: readonly { readonly step: ManualStepItem; readonly pointer: string }[];
    readonly conflicts: readonly Conflict[];
    /** Credential names the node's items reference, sorted. */
    readonly credentials: readonly string[];
}

export interface ResolvedSite {
    readonly site: Site;
    readonly nodes: readonly ResolvedNode[];
    /** The credential references the product sections make (given to resolve by compile.ts). */
    readonly credentialUses: readonly CredentialUse[];
}

/**
 * A credential reference a product section makes for a node. Declared here,
 * not in products/, because resolve needs it: the front end imports nothing
 * from the products (they import from it), and compile.ts hands resolve the
 * products' references.
 */
export interface CredentialUse {
    /** Node (name as in the manifest) whose configuration takes the credential. */
    readonly node: string;
    /** Credential reference name. */
    readonly name: string;
    /** Pointer of the reference, for diagnostics. */
    readonly pointer: string;
    /**
     * The account is only typed into a vendor's interactive installer by the
     * engineer (the runbook names the reference): the reference is checked
     * and counts as used, but the configuration takes no parameter for it, so
     * build.ps1 does not ask for a password no resource uses.
     */
    readonly runbookOnly?: boolean;
}


export function resolve(site: Site, credentialUses: readonly CredentialUse[] = []): ResolvedSite {
    return { site, nodes: site.nodes.map((node, index) => resolveNode(site, credentialUses, node, index)), credentialUses };
}

function resolveNode(site: Site, credentialUses: readonly CredentialUse[], node: Node, index: number): ResolvedNode {
    const pointer = `/nodes/${index}`;
    const layers: { name: string; pointer: string; baseline: Baseline }[] = [];
    for (const profile of node.baselines ?? []) {
        const baseline = site.baselines?.[profile];
        if (baseline) {
            layers.push({ name: `baselines.${profile}`, pointer: joinPointer('/baselines', profile), baseline });
        }
    }
    if (node.baseline) {
        layers.push({ name: `nodes[${index}].baseline`, pointer: `${pointer}/baseline`, baseline: node.baseline });
    }

    const items: ResolvedItem[] = [];
    const byRef = new Map<string, ResolvedItem>();
    const conflicts: Conflict[] = [];
    const manualSteps: { step: ManualStepItem; pointer: string }[] = [];
    const seenSteps = new Map<string, ManualStepItem>();

    for (const layer of layers) {
        for (const candidate of layerItems(layer.baseline, layer.pointer, layer.name)) {
            const existing = byRef.get(candidate.ref);
            if (!existing) {
                byRef.set(candidate.ref, candidate);
                items.push(candidate);
                continue;
            }
            const difference = differingSettings(existing, candidate);
            if (difference.length > 0) {
                conflicts.push({ first: existing, second: candidate, difference });
            }
        }
        (layer.baseline.manualSteps ?? []).forEach((step, i) => {
            const previous = seenSteps.get(step.id);
            if (previous && canonicalJson(previous) === canonicalJson(step)) {
                return; // The same step from two profiles is listed once.
            }
            seenSteps.set(step.id, step);
            manualSteps.push({ step, pointer: `${layer.pointer}/manualSteps/${i}` });
        });
    }

    return {
        index,
        pointer,
        node,
        name: node.name,
        os: node.os ?? site.defaults?.os ?? DEFAULT_OS,
        items,
        manualSteps,
        conflicts,
        credentials: [
            ...new Set([
                ...collectCredentials(items),
                ...credentialUses
                    .filter((use) => use.runbookOnly !== true && use.node.toUpperCase() === node.name.toUpperCase())
                    .map((use) => use.name),
            ]),
        ].sort(),
    };
}

function* layerItems(baseline: Baseline, base: string, layer: string): Generator<ResolvedItem> {
    const entry = <K extends ItemKind, T>(kind: K, identity: string, item: T, pointer: string) =>
        ({ kind, ref: `${kind}:${identity}`.toUpperCase(), label: `${kind}:${identity}`, item, pointer, layer }) as ItemBase<K, T>;

    for (const [i, item] of (baseline.windowsFeatures ?? []).entries()) {
        yield entry('feature', item.name, item, `${base}/windowsFeatures/${i}`);
    }
    for (const [i, item] of (baseline.registry ?? []).entries()) {
        yield entry('registry', registryIdentity(item), item, `${base}/registry/${i}`);
    }
    for (const [i, item] of (baseline.services ?? []).entries()) {
        yield entry('service', item.name, item, `${base}/services/${i}`);
    }
    for (const [i, item] of (baseline.firewallRules ?? []).entries()) {
        yield entry('firewall', item.name, item, `${base}/firewallRules/${i}`);
    }
    for (const [i, item] of (baseline.folders ?? []).entries()) {
        yield entry('folder', normalisePath(item.path), item, `${base}/folders/${i}`);
    }
    for (const [i, item] of (baseline.files ?? []).entries()) {
        yield entry('file', normalisePath(item.path), item, `${base}/files/${i}`);
    }
    for (const [i, item] of (baseline.packages ?? []).entries()) {
        yield entry('package', item.name, item, `${base}/packages/${i}`);
    }
}

/** `HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Vendor\Name`: the value's real location, so HKLM\… and HKEY_LOCAL_MACHINE\… collide. */
export function registryIdentity(item: RegistryValueItem): string {
    const parsed = parseRegistryKey(item.key);
    if (isKeyProblem(parsed)) {
        return `${item.key}\\${item.name ?? ''}`;
    }
    return `${parsed.hive}\\${effectivePath(parsed, item.view ?? '64')}\\${item.name ?? ''}`;
}

export function normalisePath(path: string): string {
    return path.length > 3 ? path.replace(/\\+$/, '') : path;
}

/**
 * Settings that differ between two items with the same identity, after
 * defaults are applied (an omitted "ensure" equals "Present"). Identity
 * properties are skipped (they may be spelled differently, e.g. HKLM\… and
 * HKEY_LOCAL_MACHINE\…), and dependsOn is ordering, not a setting.
 */
function differingSettings(a: ResolvedItem, b: ResolvedItem): string[] {
    const skip = new Set(['dependsOn', ...(IDENTITY_PROPERTIES[a.kind] ?? [])]);
    const recordA = { ...DEFAULTS[a.kind], ...(a.item as object) } as Record<string, unknown>;
    const recordB = { ...DEFAULTS[b.kind], ...(b.item as object) } as Record<string, unknown>;
    const keys = new Set([...Object.keys(recordA), ...Object.keys(recordB)]);
    const comparable = (key: string, value: unknown): string =>
        UNORDERED.has(key) && Array.isArray(value)
            ? canonicalJson(value.map(String).sort())
            : key === 'productId' && typeof value === 'string'
              ? normaliseGuid(value)
              : canonicalJson(value);
    return [...keys].filter((key) => !skip.has(key) && comparable(key, recordA[key]) !== comparable(key, recordB[key])).sort();
}

const IDENTITY_PROPERTIES: Partial<Record<ItemKind, readonly string[]>> = {
    feature: ['name'],
    registry: ['key', 'name', 'view'],
    service: ['name'],
    firewall: ['name'],
    folder: ['path'],
    file: ['path'],
    package: ['name'],
};

/** Lists whose order means nothing; compared as sets. */
const UNORDERED = new Set(['localPorts', 'remotePorts', 'remoteAddresses', 'profiles', 'dependencies']);

/** Schema defaults that make an omitted property equal to its explicit default. */
const DEFAULTS: Record<ItemKind, Readonly<Record<string, unknown>>> = {
    feature: { ensure: 'Present', includeAllSubFeature: false },
    registry: { ensure: 'Present' },
    service: { ensure: 'Present' },
    firewall: { ensure: 'Present', direction: 'Inbound', action: 'Allow', protocol: 'TCP' },
    folder: { ensure: 'Present' },
    file: { ensure: 'Present' },
    package: { ensure: 'Present' },
};

/** JSON with object keys sorted, so that key order never counts as a difference. */
export function canonicalJson(value: unknown): string {
    if (typeof value === 'bigint') {
        return `${value}n`;
    }
    if (Array.isArray(value)) {
        return `[${value.map(canonicalJson).join(',')}]`;
    }
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'undefined';
}

function collectCredentials(items: readonly ResolvedItem[]): string[] {
    const names = new Set<string>();
    for (const entry of items) {
        if (entry.kind === 'service' && typeof entry.item.account === 'object') {
            names.add(entry.item.account.credential);
        }
        if (entry.kind === 'package' && entry.item.credential) {
            names.add(entry.item.credential.credential);
        }
    }
    return [...names].sort();
}

/** Every credential reference in the manifest with its pointer (for the reference rule). */
export function credentialReferences(site: ResolvedSite): { name: string; pointer: string }[] {
    const out: { name: string; pointer: string }[] = [];
    const visit = (baseline: Baseline | undefined, base: string): void => {
        (baseline?.services ?? []).forEach((service, i) => {
            if (typeof service.account === 'object') {
                out.push({ name: service.account.credential, pointer: `${base}/services/${i}/account/credential` });
            }
        });
        (baseline?.packages ?? []).forEach((item, i) => {
            if (item.credential) {
                out.push({ name: item.credential.credential, pointer: `${base}/packages/${i}/credential/credential` });
            }
        });
    };
    for (const [name, baseline] of Object.entries(site.site.baselines ?? {})) {
        visit(baseline, joinPointer('/baselines', name));
    }
    site.site.nodes.forEach((node, i) => visit(node.baseline, `/nodes/${i}/baseline`));
    out.push(...site.credentialUses.map(({ name, pointer }) => ({ name, pointer })));
    return out;
}
