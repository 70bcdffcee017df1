/**
 * The test suite's stand-in for the DSC resources' own Set logic: what each
 * non-Script IR resource leaves on the fake host (state shape:
 * spec/pwsh/STATE.md), as an RFC 7396 merge patch (null deletes).
 *
 * It is a model, not the resources: it writes what xRegistry, xService,
 * Firewall, SmbShare, … are documented to converge to, in the form Windows
 * reports it (StartName of built-in accounts, IPv4 subnets with masks,
 * BUILTIN\ group names). The verification tests (<NODE>.Tests.ps1) are run
 * against it; that the modules really do this is proven on Windows only.
 *
 * `freshPatch` is the other half: what a host has BEFORE the configuration
 * ran that the resource changes (what an Absent resource removes exists,
 * a feature to install is available, a source share holds its files), so
 * that every check fails on the fresh host.
 */

import type { CredentialParameter, NodeIR, RegData, Resource, ServiceResource } from '../../compiler/ir/types.js';
import { regKeyName } from '../../compiler/emit/reg/write-reg.js';
import { windowsAddress } from '../../compiler/emit/pester/firewall-rule.js';
import { managedServiceState } from '../../compiler/emit/pester/service.js';
import { userRightConstant } from '../../compiler/emit/pester/user-right.js';
import { UAC_KEY, UAC_LEVELS, UAC_NAMES } from '../../compiler/emit/pester/user-account-control.js';
import type { State } from './hosts/base.js';
import { MACHINE_ENVIRONMENT_KEY } from '../../compiler/emit/pester/cluster.js';

type Patch = State;

const UNINSTALL = [
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
];

/** How Windows reports a local built-in group or a well-known account in share and group lists. */
const WINDOWS_ACCOUNT: Readonly<Record<string, string>> = {
    administrators: 'BUILTIN\\Administrators',
    users: 'BUILTIN\\Users',
    'remote desktop users': 'BUILTIN\\Remote Desktop Users',
    'authenticated users': 'NT AUTHORITY\\Authenticated Users',
    system: 'NT AUTHORITY\\SYSTEM',
    everyone: 'Everyone',
};

export function windowsAccount(name: string): string {
    return WINDOWS_ACCOUNT[name.toLowerCase()] ?? name;
}

const START_MODE = { Automatic: 'Auto', Manual: 'Manual', Disabled: 'Disabled' } as const;
const START_NAME = { LocalSystem: 'LocalSystem', LocalService: 'NT AUTHORITY\\LocalService', NetworkService: 'NT AUTHORITY\\NetworkService' } as const;

/** Registry data as STATE.md stores it (what the fake's GetValue converts back). */
function stateData(data: RegData): unknown {
    switch (data.type) {
        case 'REG_SZ':
        case 'REG_EXPAND_SZ':
        case 'REG_BINARY':
            return data.value;
        case 'REG_MULTI_SZ':
            return [...data.value];
        case 'REG_DWORD':
            return data.value;
        case 'REG_QWORD':
            // JSON numbers are exact up to 2^53; larger values travel as text ([uint64] parses both).
            return data.value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(data.value) : data.value.toString();
    }
}

const KIND: Readonly<Record<RegData['type'], string>> = {
    REG_SZ: 'String',
    REG_EXPAND_SZ: 'ExpandString',
    REG_MULTI_SZ: 'MultiString',
    REG_DWORD: 'DWord',
    REG_QWORD: 'QWord',
    REG_BINARY: 'Binary',
};

/** The entry of `section` whose name equals `name` case-insensitively (Windows names are). */
function entry(state: State, section: string, name: string): { key: string; value: Record<string, unknown> } | undefined {
    const tree = (state[section] ?? {}) as Record<string, Record<string, unknown>>;
    const key = Object.keys(tree).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : { key, value: tree[key] ?? {} };
}

function list(value: unknown): string[] {
    return Array.isArray(value) ? value.map(String) : [];
}

/** `existing` plus `added`, keeping existing spellings (case-insensitive). */
function union(existing: readonly string[], added: readonly string[]): string[] {
    const out = [...existing];
    for (const a of added) if (!out.some((e) => e.toLowerCase() === a.toLowerCase())) out.push(a);
    return out;
}

/** Every Files entry at or below `path`. */
function filesBelow(state: State, path: string): string[] {
    const prefix = `${path.replace(/\\+$/, '')}\\`.toLowerCase();
    return Object.keys((state['Files'] ?? {}) as object).filter((k) => k.toLowerCase() === path.toLowerCase() || k.toLowerCase().startsWith(prefix));
}

function serviceAccount(r: ServiceResource, credentials: readonly CredentialParameter[]): string | undefined {
    const account = r.account;
    if (account === undefined) return undefined;
    if (typeof account === 'string') return START_NAME[account];
    return credentials.find((c) => c.name === account.credential)?.userName ?? `CONTOSO\\${account.credential}`;
}

/** What the resource's Set leaves, as a patch of `state` (the host just before it runs). */
export function convergePatch(r: Exclude<Resource, { kind: 'Script' }>, state: State, node: NodeIR): Patch {
    switch (r.kind) {
        case 'Registry': {
            const v = r.value;
            const key = regKeyName(v);
            if (v.ensure === 'Absent') return { Registry: { [entry(state, 'Registry', key)?.key ?? key]: { [v.name]: null } } };
            return { Registry: { [key]: v.data ? { [v.name]: { Kind: KIND[v.data.type], Data: stateData(v.data) } } : {} } };
        }
        case 'UserAccountControl': {
            const level = UAC_LEVELS[r.notificationLevel];
            return {
                Registry: {
                    [UAC_KEY]: Object.fromEntries(UAC_NAMES.map((name, i) => [name, { Kind: 'DWord', Data: level[i] }])),
                },
            };
        }
        case 'WindowsFeature':
            return { Features: { [r.name]: { Installed: r.ensure === 'Present' } } };
        case 'Service': {
            const found = entry(state, 'Services', r.name);
            if (r.ensure === 'Absent') return found ? { Services: { [found.key]: null } } : {};
            const old = found?.value ?? {};
            const state_ = managedServiceState(r);
            const account = serviceAccount(r, node.credentials);
            return {
                Services: {
                    [found?.key ?? r.name]: {
                        DisplayName: r.displayName ?? old['DisplayName'] ?? r.name,
                        ...(r.description !== undefined ? { Description: r.description } : {}),
                        // New-Service's defaults, for a service xService creates.
                        StartMode: r.startupType !== undefined ? START_MODE[r.startupType] : (old['StartMode'] ?? 'Auto'),
                        State: state_ ?? old['State'] ?? 'Stopped',
                        StartName: account ?? old['StartName'] ?? 'LocalSystem',
                        // Without Path, xService keeps the image path of a service that exists, also one a Script
                        // made in pwsh that this model does not know about (Xpr_Cluster_ReplicaServices).
                        ...(r.path ?? old['PathName']) !== undefined ? { PathName: r.path ?? old['PathName'] } : {},
                        Dependencies: r.dependencies !== undefined ? [...r.dependencies] : (old['Dependencies'] ?? []),
                    },
                },
            };
        }
        case 'FirewallRule': {
            const found = entry(state, 'FirewallRules', r.name);
            if (r.ensure === 'Absent') return found ? { FirewallRules: { [found.key]: null } } : {};
            return {
                FirewallRules: {
                    [found?.key ?? r.name]: {
                        DisplayName: r.displayName,
                        Description: r.description ?? '',
                        Enabled: true,
                        Direction: r.direction,
                        Action: r.action,
                        Protocol: r.protocol,
                        LocalPort: [...r.localPorts],
                        RemotePort: [...r.remotePorts],
                        RemoteAddress: r.remoteAddresses.map(windowsAddress),
                        Profile: r.profiles.length > 0 ? [...r.profiles] : ['Any'],
                        Program: r.program ?? '',
                    },
                },
            };
        }
        case 'SmbShare': {
            const found = entry(state, 'SmbShares', r.name);
            if (r.ensure === 'Absent') return found ? { SmbShares: { [found.key]: null } } : {};
            const old = found?.value ?? {};
            return {
                SmbShares: {
                    [found?.key ?? r.name]: {
                        Path: r.path,
                        Description: r.description ?? old['Description'] ?? '',
                        FullAccess: union(list(old['FullAccess']), r.fullAccess.map(windowsAccount)),
                        ChangeAccess: union(list(old['ChangeAccess']), r.changeAccess.map(windowsAccount)),
                        ReadAccess: union(list(old['ReadAccess']), r.readAccess.map(windowsAccount)),
                    },
                },
            };
        }
        case 'Directory': {
            if (r.ensure === 'Absent') return { Files: Object.fromEntries(filesBelow(state, r.path).map((k) => [k, null])) };
            const copies: Record<string, unknown> = {};
            if (r.sourcePath !== undefined) {
                const files = (state['Files'] ?? {}) as Record<string, unknown>;
                for (const k of filesBelow(state, r.sourcePath)) copies[`${r.path}${k.slice(r.sourcePath.length)}`] = files[k];
            }
            return { Files: { [r.path]: { Type: 'Directory' }, ...copies } };
        }
        case 'File': {
            if (r.ensure === 'Absent') return { Files: { [entry(state, 'Files', r.path)?.key ?? r.path]: null } };
            const source = r.sourcePath === undefined ? undefined : entry(state, 'Files', r.sourcePath)?.value;
            return { Files: { [r.path]: source ?? { Type: 'File', Contents: r.contents ?? '' } } };
        }
        case 'MsiPackage': {
            const present = r.ensure === 'Present';
            return {
                MsiProducts: { [r.productId]: present ? { Name: r.name, Version: '' } : null },
                // Windows Installer registers the product under its code (64-bit view for a 64-bit package).
                Registry: { [`${UNINSTALL[0]}\\${r.productId}`]: present ? { DisplayName: { Kind: 'String', Data: r.name } } : null },
            };
        }
        case 'GroupMembers': {
            const found = entry(state, 'LocalGroups', r.name);
            return { LocalGroups: { [found?.key ?? r.name]: union(list(found?.value), r.members) } };
        }
        case 'UserRight': {
            const constant = userRightConstant(r.name);
            const found = entry(state, 'UserRights', constant);
            return { UserRights: { [found?.key ?? constant]: union(list(found?.value), r.identities) } };
        }
        case 'WebSite': {
            if (r.ensure === 'Absent') return { WebSites: { [r.name]: null } };
            return {
                WebSites: {
                    [r.name]: {
                        PhysicalPath: r.physicalPath,
                        State: r.state,
                        Bindings: r.bindings.map((b) => ({ Protocol: b.protocol, BindingInformation: `*:${b.port}:${b.hostName ?? ''}` })),
                    },
                },
            };
        }
        case 'WebVirtualDirectory': {
            const key = virtualDirectoryKey(r.website, r.webApplication, r.name);
            return { WebVirtualDirectories: { [key]: r.ensure === 'Present' ? { PhysicalPath: r.physicalPath } : null } };
        }
        case 'IisSslSettings':
            return { WebConfiguration: { [sslAccessKey(r.name)]: { sslFlags: r.flags.length === 0 ? 'None' : r.flags.join(',') } } };
        case 'PendingReboot':
        case 'WaitForAll':
        case 'WaitForCluster':
            // A reboot point and a wait for another node or the cluster change nothing on this host.
            return {};
        case 'ClusterDisk':
            return r.ensure === 'Present'
                ? { Cluster: { Resources: { [r.label]: { Type: 'Physical Disk', Group: 'Available Storage', State: 'Online', DependsOn: [], Parameters: {}, Checkpoints: [] } } } }
                : { Cluster: { Resources: { [r.label]: null } } };
        case 'ClusterPreferredOwner':
            return { Cluster: { Groups: { [r.name]: { PreferredOwners: [...r.nodes] } } } };
        case 'EnvironmentPath': {
            const now = String((entry(state, 'Registry', MACHINE_ENVIRONMENT_KEY)?.value['Path'] as { Data?: unknown } | undefined)?.Data ?? '');
            const have = now.split(';').filter((e) => e !== '');
            const add = r.entries.filter((e) => !have.some((h) => h.replace(/\\$/, '').toLowerCase() === e.replace(/\\$/, '').toLowerCase()));
            return { Registry: { [MACHINE_ENVIRONMENT_KEY]: { Path: { Kind: 'ExpandString', Data: [...have, ...add].join(';') } } } };
        }
    }
}

/** What the host had before the configuration that this resource changes (see the file comment). */
export function freshPatch(r: Resource, state: State): Patch {
    switch (r.kind) {
        case 'Registry': {
            const v = r.value;
            // A value the configuration deletes is there before; one it writes is not, or has other data.
            const key = regKeyName(v);
            const there = entry(state, 'Registry', key)?.value[v.name] !== undefined;
            return v.ensure === 'Absent' || there ? { Registry: { [entry(state, 'Registry', key)?.key ?? key]: { [v.name]: { Kind: 'String', Data: 'left over' } } } } : {};
        }
        case 'UserAccountControl':
            // Windows' default is NotifyChanges; a configuration that asks for it would find it there already.
            return { Registry: { [UAC_KEY]: Object.fromEntries(UAC_NAMES.map((n, i) => [n, { Kind: 'DWord', Data: (r.notificationLevel === 'AlwaysNotify' ? UAC_LEVELS.NotifyChanges : UAC_LEVELS.AlwaysNotify)[i] }])) } };
        case 'WindowsFeature':
            return { Features: { [r.name]: { Installed: r.ensure === 'Absent' } } };
        case 'Service': {
            if (r.ensure === 'Absent') return { Services: { [r.name]: { DisplayName: r.name, StartMode: 'Auto', State: 'Running', StartName: 'LocalSystem', PathName: '', Dependencies: [] } } };
            // A service the host already has (a product's installer made it) runs as the installer left it.
            const found = entry(state, 'Services', r.name);
            if (!found) return {};
            const other = r.startupType === 'Disabled' ? 'Auto' : 'Disabled';
            return { Services: { [found.key]: { StartMode: other, State: managedServiceState(r) === 'Running' ? 'Stopped' : 'Running', StartName: 'LocalSystem' } } };
        }
        case 'FirewallRule':
            return r.ensure === 'Absent'
                ? { FirewallRules: { [r.name]: { DisplayName: r.displayName, Enabled: true, Direction: 'Inbound', Action: 'Allow', Protocol: 'TCP', LocalPort: ['1'], RemotePort: [], RemoteAddress: [], Profile: ['Any'], Program: '' } } }
                : {};
        case 'SmbShare':
            return r.ensure === 'Absent' ? { SmbShares: { [r.name]: { Path: r.path, Description: '', FullAccess: [], ChangeAccess: [], ReadAccess: ['Everyone'] } } } : {};
        case 'Directory': {
            if (r.ensure === 'Absent') return { Files: { [r.path]: { Type: 'Directory' } } };
            // The share a folder is copied from holds files (the LCM reads it as the computer account).
            return r.sourcePath === undefined ? {} : { Files: { [r.sourcePath]: { Type: 'Directory' }, [`${r.sourcePath}\\xprc-fixture.txt`]: { Type: 'File', Contents: 'source' } } };
        }
        case 'File':
            if (r.ensure === 'Absent') return { Files: { [r.path]: { Type: 'File', Contents: 'left over' } } };
            return r.sourcePath === undefined ? {} : { Files: { [r.sourcePath]: { Type: 'File', Contents: `source of ${r.path}` } } };
        case 'MsiPackage':
            return r.ensure === 'Absent'
                ? { MsiProducts: { [r.productId]: { Name: r.name, Version: '' } }, Registry: { [`${UNINSTALL[0]}\\${r.productId}`]: { DisplayName: { Kind: 'String', Data: r.name } } } }
                : {};
        case 'WebSite':
            return r.ensure === 'Absent' ? { WebSites: { [r.name]: { PhysicalPath: 'C:\\inetpub\\wwwroot', State: 'Started', Bindings: [] } } } : {};
        case 'WebVirtualDirectory':
            return r.ensure === 'Absent' ? { WebVirtualDirectories: { [virtualDirectoryKey(r.website, r.webApplication, r.name)]: { PhysicalPath: r.physicalPath } } } : {};
        case 'IisSslSettings':
            return { WebConfiguration: { [sslAccessKey(r.name)]: { sslFlags: r.flags.length === 0 ? 'Ssl' : 'None' } } };
        case 'ClusterDisk':
            // The customer's disk is in Available Storage under the name the cluster gave it, not the label yet
            // (the cluster fixture's fresh host has the label for the Scripts that depend on the disk).
            return r.ensure === 'Present' ? { Cluster: { Resources: { [r.label]: null } } } : { Cluster: { Resources: { [r.label]: { Type: 'Physical Disk', Group: 'Available Storage', State: 'Online', DependsOn: [], Parameters: {}, Checkpoints: [] } } } };
        case 'Script':
        case 'GroupMembers':
        case 'UserRight':
        case 'PendingReboot':
        case 'WaitForAll':
        case 'WaitForCluster':
        case 'ClusterPreferredOwner':
        case 'EnvironmentPath':
            // Fresh hosts have none of these: the role's group has no preferred
            // owners, and the machine Path lacks XPR's folders.
            return {};
    }
}

/** STATE.md WebVirtualDirectories key: `<site>/<application>/<name>` (no application: `<site>/<name>`). */
export function virtualDirectoryKey(site: string, application: string, name: string): string {
    return [site, application, name].filter((p) => p !== '').join('/');
}

/** STATE.md WebConfiguration key of a site's system.webServer/security/access section (sslFlags). */
export function sslAccessKey(site: string): string {
    return `MACHINE/WEBROOT/APPHOST|${site}|system.webServer/security/access`;
}
