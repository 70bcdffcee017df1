/**
 * How `xprc diff` and `xprc explain` spell values: registry data as regedit
 * shows it, runbook text as JSON string literals, and any other text made
 * safe to print on a terminal or in a pull-request comment.
 */

import type { RegData, RegistryValue } from '../ir/types.js';

/**
 * Code units that must not reach a terminal or a review raw: C0/C1 controls
 * and DEL (ESC sequences can drive a terminal), line and paragraph
 * separators, bidirectional and other invisible format characters ("Trojan
 * Source"), the BOM, and lone surrogates.
 */
const INVISIBLE =
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escapeUnit = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text with every invisible or control code unit written as a `\uXXXX` escape. */
export function visible(text: string): string {
    return text.replace(INVISIBLE, escapeUnit);
}

/** A JSON string literal that also escapes what JSON.stringify leaves raw (U+2028, bidi controls, …). */
export function quoted(text: string): string {
    return visible(JSON.stringify(text));
}

/** `HKEY_LOCAL_MACHINE\SOFTWARE\…`: the full hive name, as regedit and .reg files spell keys. */
export function registryKeyName(value: Pick<RegistryValue, 'hive' | 'path'>): string {
    return `${value.hive}\\${value.path}`;
}

/**
 * Registry data the way regedit's Data column shows it, with strings quoted
 * so that whitespace and escapes are visible:
 * REG_DWORD `0x00001f90 (8080)`, REG_QWORD `0x0000000100000000 (4294967296)`,
 * REG_BINARY `01 00 ff 7f`, REG_MULTI_SZ `["a", "b"]`, REG_SZ `"text"`.
 */
export function registryData(data: RegData): string {
    switch (data.type) {
        case 'REG_SZ':
        case 'REG_EXPAND_SZ':
            return quoted(data.value);
        case 'REG_MULTI_SZ':
            return `[${data.value.map(quoted).join(', ')}]`;
        case 'REG_DWORD':
            return `0x${data.value.toString(16).padStart(8, '0')} (${data.value})`;
        case 'REG_QWORD':
            return `0x${data.value.toString(16).padStart(16, '0')} (${data.value})`;
        case 'REG_BINARY':
            return data.value === '' ? '(zero-length binary value)' : (data.value.match(/../g) ?? []).join(' ');
    }
}

/** One registry entry's state as a phrase: `REG_DWORD 0x00000001 (1)`, `deleted`, `key only`. */
export function registryStatePhrase(state: { readonly ensure: 'Present' | 'Absent'; readonly type: string | null; readonly data: string | null }): string {
    if (state.ensure === 'Absent') {
        return 'deleted';
    }
    return state.type === null ? 'key only' : `${state.type} ${state.data ?? ''}`;
}

/** `"Port"`, or `@` for the default value (the .reg file's spelling). */
export function registryValueName(name: string): string {
    return name === '' ? '@' : quoted(name);
}
