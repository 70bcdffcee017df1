/**
 * Lowering of the generic Windows baseline: resolved items → IR resources.
 * One function per item kind; ids and DependsOn are assigned by lower.ts.
 */

import type { ResolvedItem } from '../frontend/resolve.js';
import { effectivePath, isKeyProblem, parseRegistryKey } from '../frontend/registry-key.js';
import { normaliseGuid } from '../frontend/defaults.js';
import { parsePortRange } from '../rules/firewall-ports.js';
import { parseQword } from '../rules/registry-keys.js';
import type {
    FirewallProfile,
    RegData,
    Resource,
    RegistryValue,
} from '../ir/types.js';
import type { Defaults, RegistryValueItem } from '../manifest/types.generated.js';
import { DEFAULT_FIREWALL_PROFILES } from '../frontend/defaults.js';

/** A resource without its id and DependsOn, which need the whole node to assign. */
export type Unplaced<R extends Resource = Resource> = R extends Resource ? Omit<R, 'id' | 'dependsOn'> : never;

const PROFILE_ORDER: readonly FirewallProfile[] = ['Domain', 'Private', 'Public'];

export function lowerItem(entry: ResolvedItem, defaults: Defaults | undefined): Unplaced {
    const source = { pointer: entry.pointer };
    switch (entry.kind) {
        case 'feature':
            return {
                kind: 'WindowsFeature',
                name: entry.item.name,
                ensure: entry.item.ensure ?? 'Present',
                includeAllSubFeature: entry.item.includeAllSubFeature ?? false,
                source,
            };
        case 'registry':
            return { kind: 'Registry', value: registryValue(entry.item), source };
        case 'service': {
            const item = entry.item;
            return {
                kind: 'Service',
                name: item.name,
                ensure: item.ensure ?? 'Present',
                ...(item.startupType ? { startupType: item.startupType } : {}),
                // The schema's default, written out: xService would start the service anyway when State is left out.
                state: item.state ?? 'Running',
                ...(item.account ? { account: typeof item.account === 'string' ? item.account : { credential: item.account.credential } } : {}),
                ...(item.displayName ? { displayName: item.displayName } : {}),
                ...(item.description ? { description: item.description } : {}),
                ...(item.path ? { path: item.path } : {}),
                ...(item.dependencies ? { dependencies: [...item.dependencies].sort() } : {}),
                source,
            };
        }
        case 'firewall': {
            const item = entry.item;
            const profiles = item.profiles ?? defaults?.firewallProfiles ?? DEFAULT_FIREWALL_PROFILES;
            return {
                kind: 'FirewallRule',
                name: item.name,
                displayName: item.displayName || item.name,
                ...(item.description ? { description: item.description } : {}),
                ensure: item.ensure ?? 'Present',
                direction: item.direction ?? 'Inbound',
                action: item.action ?? 'Allow',
                protocol: item.protocol ?? 'TCP',
                localPorts: sortPorts(item.localPorts ?? []),
                remotePorts: sortPorts(item.remotePorts ?? []),
                remoteAddresses: [...(item.remoteAddresses ?? [])].sort(),
                profiles: PROFILE_ORDER.filter((p) => profiles.includes(p)),
                ...(item.program ? { program: item.program } : {}),
                source,
            };
        }
        case 'folder':
            return { kind: 'Directory', path: entry.item.path, ensure: entry.item.ensure ?? 'Present', source };
        case 'file':
            return {
                kind: 'File',
                path: entry.item.path,
                ensure: entry.item.ensure ?? 'Present',
                ...(entry.item.contents !== undefined ? { contents: entry.item.contents } : {}),
                ...(entry.item.sourcePath !== undefined ? { sourcePath: entry.item.sourcePath } : {}),
                source,
            };
        case 'package': {
            const item = entry.item;
            return {
                kind: 'MsiPackage',
                name: item.name,
                productId: normaliseGuid(item.productId),
                path: item.path,
                ensure: item.ensure ?? 'Present',
                ...(item.arguments ? { arguments: item.arguments } : {}),
                ...(item.logPath ? { logPath: item.logPath } : {}),
                ...(item.credential ? { credential: { credential: item.credential.credential } } : {}),
                source,
            };
        }
    }
}

export function registryValue(item: RegistryValueItem): RegistryValue {
    const parsed = parseRegistryKey(item.key);
    if (isKeyProblem(parsed)) {
        throw new Error(`Internal error: invalid registry key "${item.key}" reached lowering`);
    }
    const base = {
        hive: parsed.hive,
        path: effectivePath(parsed, item.view ?? '64'),
        name: item.name ?? '',
    };
    if ((item.ensure ?? 'Present') === 'Absent') {
        return { ...base, ensure: 'Absent' };
    }
    return { ...base, ensure: 'Present', data: registryData(item) };
}

function registryData(item: RegistryValueItem): RegData {
    const value = item.value;
    switch (item.type) {
        case 'REG_SZ':
        case 'REG_EXPAND_SZ':
            return { type: item.type, value: String(value) };
        case 'REG_MULTI_SZ':
            return { type: 'REG_MULTI_SZ', value: (value as readonly string[]).map(String) };
        case 'REG_DWORD':
            return { type: 'REG_DWORD', value: Number(value) };
        case 'REG_QWORD':
            return { type: 'REG_QWORD', value: parseQword(value as number | string) };
        case 'REG_BINARY':
            return { type: 'REG_BINARY', value: String(value).replace(/,/g, '').toLowerCase() };
        default:
            throw new Error(`Internal error: registry value without a type reached lowering`);
    }
}

function sortPorts(ports: readonly (number | string)[]): string[] {
    return [...ports]
        .map(String)
        .sort((a, b) => (parsePortRange(a)?.low ?? 0) - (parsePortRange(b)?.low ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
}
