/**
 * Baseline items as resolve sees them: one entry per item of a layer, with
 * its identity (`<kind>:<identity>`, the notation of `dependsOn` and
 * `knockout`), its pointer and its layer, and the comparison that tells an
 * identical duplicate from a conflicting one. The identity is the DSC key of
 * the resource the item becomes (lower/identity.ts says the same of IR
 * resources): a registry value by its real location, a path without its
 * trailing backslash, everything else by name.
 */

import type {
    Baseline,
    FileItem,
    FirewallRuleItem,
    FolderItem,
    MsiPackageItem,
    RegistryValueItem,
    ServiceItem,
    WindowsFeature,
} from '../manifest/types.generated.js';
import { normaliseGuid } from './defaults.js';
import { effectivePath, isKeyProblem, parseRegistryKey } from './registry-key.js';

export type ItemKind = 'feature' | 'registry' | 'service' | 'firewall' | 'folder' | 'file' | 'package';

export interface ItemBase<K extends ItemKind, T> {
    readonly kind: K;
    /** `<kind>:<identity>` as dependsOn refers to it, upper-cased for comparison. */
    readonly ref: string;
    /** Human-readable `<kind>:<identity>` for messages. */
    readonly label: string;
    readonly item: T;
    readonly pointer: string;
    /** The layer's name (frontend/layers.ts): 'baselines.<profile>', with ' (role <role>)' when a role applies it, or 'nodes[<i>].baseline'. */
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

export function* layerItems(baseline: Baseline, base: string, layer: string): Generator<ResolvedItem> {
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
export function differingSettings(a: ResolvedItem, b: ResolvedItem): string[] {
    const skip = new Set([...NOT_SETTINGS, ...IDENTITY_PROPERTIES[a.kind]]);
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

/** Properties that order an item or mark how it layers, not settings it has. */
export const NOT_SETTINGS: readonly string[] = ['dependsOn', 'override'];

/** The properties that make an item's identity, per kind (what two layers must share to be "the same item"). */
export const IDENTITY_PROPERTIES: Readonly<Record<ItemKind, readonly string[]>> = {
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

