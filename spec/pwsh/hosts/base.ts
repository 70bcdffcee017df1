/**
 * The fresh fake host of a node (state shape: spec/pwsh/STATE.md): a plain
 * Windows installation as the node describes it, before the configuration
 * ran. Derived from the IR only: the OS, the computer name, one 100 GB
 * volume for every drive letter a resource or script of the node names,
 * the network adapter every server has, and .NET Framework 4.8 (in every
 * supported Windows). Product fixtures (./products.ts) add what the
 * runbook's preconditions put there (an installed product a script tunes).
 */

import type { NodeIR } from '../../../compiler/ir/types.js';
import { LICENSE_LOGGING_SERVICE } from '../../../compiler/products/xpr/data.js';

export type State = Record<string, unknown>;

const OS_CAPTION: Readonly<Record<string, { caption: string; version: string }>> = {
    WindowsServer2008R2: { caption: 'Microsoft Windows Server 2008 R2 Standard', version: '6.1.7601' },
    WindowsServer2012R2: { caption: 'Microsoft Windows Server 2012 R2 Standard', version: '6.3.9600' },
    WindowsServer2016: { caption: 'Microsoft Windows Server 2016 Standard', version: '10.0.14393' },
    WindowsServer2019: { caption: 'Microsoft Windows Server 2019 Standard', version: '10.0.17763' },
    WindowsServer2022: { caption: 'Microsoft Windows Server 2022 Standard', version: '10.0.20348' },
    Windows10: { caption: 'Microsoft Windows 10 Enterprise', version: '10.0.19045' },
    Windows11: { caption: 'Microsoft Windows 11 Enterprise', version: '10.0.22631' },
};

const GB = 1024 ** 3;

/** Drive letters (upper case, with colon) that the node's resources and scripts name. */
export function drivesOf(node: NodeIR): string[] {
    // bigint (REG_QWORD data) has no JSON form: as text, like any other value here.
    const text = JSON.stringify(node.resources, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    const drives = new Set(['C:']);
    // `D:\\…` in paths, `'E:'` in the scripts' drive lists.
    for (const m of text.matchAll(/(?<![A-Za-z0-9\\])([A-Za-z]):(?=\\\\|')/g)) drives.add(`${(m[1] as string).toUpperCase()}:`);
    return [...drives].sort();
}

export function baseHost(node: NodeIR): State {
    const os = OS_CAPTION[node.os] ?? { caption: `Microsoft ${node.os}`, version: '10.0' };
    const workstation = /^Windows\d/.test(node.os);
    return {
        Registry: {
            'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full': {
                Install: { Kind: 'DWord', Data: 1 },
                Release: { Kind: 'DWord', Data: 528049 },
                Version: { Kind: 'String', Data: '4.8.03761' },
            },
        },
        Services: {
            WinRM: { DisplayName: 'Windows Remote Management (WS-Management)', StartMode: 'Auto', State: 'Running', StartName: 'NT AUTHORITY\\NetworkService', PathName: 'C:\\Windows\\System32\\svchost.exe -k NetworkService -p', Dependencies: ['RPCSS', 'HTTP'] },
            // Windows Server 2008 R2 still ships License Logging (removed in 2012), running; XPR hosts stop and disable it (§3.1.3).
            ...(node.os === 'WindowsServer2008R2'
                ? { [LICENSE_LOGGING_SERVICE.name]: { DisplayName: LICENSE_LOGGING_SERVICE.displayName, StartMode: 'Auto', State: 'Running', StartName: 'NT AUTHORITY\\NetworkService', PathName: 'C:\\Windows\\System32\\llssrv.exe', Dependencies: [] } }
                : {}),
        },
        Files: { 'C:\\Windows': { Type: 'Directory' } },
        LocalGroups: { Administrators: [`${node.name}\\Administrator`] },
        Cim: {
            Win32_Volume: drivesOf(node).map((drive) => ({ DriveLetter: drive, Capacity: 100 * GB, FreeSpace: 80 * GB, DriveType: 3 })),
            // DomainRole: 1 member workstation, 3 member server.
            Win32_ComputerSystem: [{ Name: node.name, DomainRole: workstation ? 1 : 3, TotalPhysicalMemory: 16 * GB }],
            Win32_NetworkAdapter: [{ Name: 'Intel(R) 82574L Gigabit Network Connection', NetEnabled: true }],
            Win32_OperatingSystem: [{ Caption: os.caption, Version: os.version }],
        },
        Reboot: { Requested: false },
    };
}

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 7396 merge (null deletes), returning a new tree. */
export function merge(target: State, patch: State): State {
    const out: State = { ...target };
    for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete out[key];
        else if (isObject(value) && isObject(out[key])) out[key] = merge(out[key] as State, value);
        else out[key] = value;
    }
    return out;
}
