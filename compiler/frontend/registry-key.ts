/**
 * Registry key paths as written in a manifest (`HKLM\…`, `HKLM:\…`,
 * `HKEY_LOCAL_MACHINE\…`) normalised to a full hive name and a subkey path,
 * with the 32-bit view applied explicitly (Microsoft Docs: "Structure of the Registry", "Registry Keys Affected by WOW64").
 */

import type { Hive } from '../ir/types.js';

const HIVES: Readonly<Record<string, Hive>> = {
    HKLM: 'HKEY_LOCAL_MACHINE',
    HKEY_LOCAL_MACHINE: 'HKEY_LOCAL_MACHINE',
    HKCU: 'HKEY_CURRENT_USER',
    HKEY_CURRENT_USER: 'HKEY_CURRENT_USER',
    HKCR: 'HKEY_CLASSES_ROOT',
    HKEY_CLASSES_ROOT: 'HKEY_CLASSES_ROOT',
    HKU: 'HKEY_USERS',
    HKEY_USERS: 'HKEY_USERS',
    HKCC: 'HKEY_CURRENT_CONFIG',
    HKEY_CURRENT_CONFIG: 'HKEY_CURRENT_CONFIG',
};

export interface ParsedKey {
    readonly hive: Hive;
    /** Components as written (before the view is applied). */
    readonly components: readonly string[];
}

export type KeyProblem = { readonly reason: string };

/** Split and check a key path; returns a reason when it is not a key regedit reads as written. */
export function parseRegistryKey(raw: string): ParsedKey | KeyProblem {
    const match = /^([A-Za-z_]+):?\\(.*)$/.exec(raw);
    const hive = match ? HIVES[(match[1] ?? '').toUpperCase()] : undefined;
    if (!match || !hive) {
        return { reason: 'it does not start with a known hive (HKLM, HKEY_LOCAL_MACHINE, …)' };
    }
    const rest = match[2] ?? '';
    if (rest.endsWith('\\')) {
        return { reason: 'it ends with a backslash' };
    }
    const components = rest.split('\\');
    for (const component of components) {
        if (component === '') {
            return { reason: 'it has an empty component (two backslashes in a row)' };
        }
        if (component.trim() !== component) {
            return { reason: `component "${component}" has leading or trailing spaces, which regedit keeps in the name` };
        }
        if (component.length > 255) {
            return { reason: `component "${component.slice(0, 20)}…" is longer than 255 characters` };
        }
    }
    return { hive, components };
}

export function isKeyProblem(parsed: ParsedKey | KeyProblem): parsed is KeyProblem {
    return 'reason' in parsed;
}

const isSoftware = (key: ParsedKey): boolean =>
    key.hive === 'HKEY_LOCAL_MACHINE' && (key.components[0] ?? '').toUpperCase() === 'SOFTWARE';

export const hasWow6432Node = (key: ParsedKey): boolean =>
    (key.components[1] ?? '').toUpperCase() === 'WOW6432NODE';

/** True when a 32-bit view changes where the value lives (HKLM\SOFTWARE only). */
export function isRedirected(key: ParsedKey): boolean {
    return isSoftware(key);
}

/** The subkey path the value is written to, with WOW6432Node inserted for a 32-bit view of HKLM\SOFTWARE. */
export function effectivePath(key: ParsedKey, view: '32' | '64'): string {
    if (view === '32' && isSoftware(key) && !hasWow6432Node(key)) {
        return [key.components[0], 'WOW6432Node', ...key.components.slice(1)].join('\\');
    }
    return key.components.join('\\');
}
