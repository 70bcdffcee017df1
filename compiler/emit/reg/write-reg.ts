/**
 * The .reg back end: serialises registry values of the IR into the canonical
 * REGEDIT5 form (`Windows Registry Editor Version 5.00`, the form `regedit /e`
 * and Wine's `reg export` write), so that regedit.exe, `reg import` and a
 * reviewer all read the file the same way.
 *
 * Every check here guards against an internal bug: the front end validates
 * manifests and reports user errors as diagnostics; anything that still
 * reaches this writer malformed is thrown as a plain Error.
 */
import { commentText } from '../comment-text.js';
import type { Hive, RegData, RegistryValue } from '../../ir/types.js';

export const REG_HEADER = 'Windows Registry Editor Version 5.00';
/** Wine `export_hex_data`: wrap once the line reaches 77 characters (§6). */
export const MAX_HEX_CHARS = 77;
const CRLF = '\r\n';
/** Registry element size limits (§3): key component and value name. */
const MAX_KEY_COMPONENT = 255;
const MAX_VALUE_NAME = 16383;
const MAX_QWORD = (1n << 64n) - 1n;

/** PowerShell drives of PSDscResources' `$script:registryDriveRoots` (§8.1): HKUS, not HKU. */
const DSC_DRIVES: Readonly<Record<Hive, string>> = {
    HKEY_LOCAL_MACHINE: 'HKLM',
    HKEY_CURRENT_USER: 'HKCU',
    HKEY_CLASSES_ROOT: 'HKCR',
    HKEY_USERS: 'HKUS',
    HKEY_CURRENT_CONFIG: 'HKCC',
};

export interface WriteRegOptions {
    /** Full-line `; text` comments written after the header (the only comments §2 allows). */
    readonly headerComments?: readonly string[];
    /**
     * Full-line `; text` comments for one input value (by its index in the
     * `values` argument), written just before the `[key]` line of the block
     * that holds it, in the order the block lists its values; e.g. the
     * manifest location the value came from. A key-only entry that the writer
     * drops because another block opens the same key gives its comments to
     * that block, so no comment is lost.
     */
    readonly valueComments?: (value: RegistryValue, index: number) => readonly string[];
}

/** C0 controls and DEL: such strings cannot be written between quotes (§4.3). */
const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;

function fail(message: string, v?: RegistryValue): never {
    const where = v === undefined ? '' : ` (${String(v.hive)}\\${String(v.path)} : "${String(v.name)}")`;
    throw new Error(`xprc internal error in the .reg writer: ${message}${where}`);
}

/**
 * Upper-cases one code point at a time with the simple case mapping, like
 * .NET's ToUpperInvariant and the registry's RtlUpcaseUnicodeChar: 'ß' stays
 * 'ß' instead of JavaScript's full mapping to 'SS'.
 */
const upperCache = new Map<string, string>();

function upperInvariant(s: string): string {
    // Sorting calls this for every comparison: ASCII (the common case) takes
    // the fast path, and other strings are mapped once and remembered.
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(s)) {
        return s.toUpperCase();
    }
    const cached = upperCache.get(s);
    if (cached !== undefined) {
        return cached;
    }
    const mapped = upperInvariantSlow(s);
    if (upperCache.size > 10000) {
        upperCache.clear();
    }
    upperCache.set(s, mapped);
    return mapped;
}

function upperInvariantSlow(s: string): string {
    let out = '';
    for (const ch of s) {
        const u = ch.toUpperCase();
        out += [...u].length === 1 ? u : ch;
    }
    return out;
}

/** Case-insensitive ordinal (upper-cased invariant), ties broken by ordinal (§1 item 9). */
function compareText(a: string, b: string): number {
    const ua = upperInvariant(a);
    const ub = upperInvariant(b);
    if (ua !== ub) return ua < ub ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Keys compare component by component, so that a key's subkeys follow it
 * directly (tree order, as `reg export` walks it) instead of `App Two`
 * slipping between `App` and `App\Sub` as a whole-string sort would do.
 * Case-insensitively over the whole path first; ordinal only to break ties.
 */
function compareKeys(a: readonly string[], b: readonly string[]): number {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const ua = upperInvariant(a[i] as string);
        const ub = upperInvariant(b[i] as string);
        if (ua !== ub) return ua < ub ? -1 : 1;
    }
    return a.length - b.length || compareText(a.join('\\'), b.join('\\'));
}

function keyComponents(v: RegistryValue): string[] {
    if (!Object.prototype.hasOwnProperty.call(DSC_DRIVES, v.hive)) fail(`unknown hive '${String(v.hive)}'`, v);
    if (typeof v.path !== 'string') fail('key path is not a string', v);
    const parts = v.path.split('\\');
    for (const part of parts) {
        // §3/§10: an empty component (or a leading/trailing `\`) and edge whitespace change the key Windows opens.
        if (part === '') fail('empty key component', v);
        if (/^\s|\s$/.test(part)) fail(`key component '${part}' has leading or trailing whitespace`, v);
        if (part.length > MAX_KEY_COMPONENT) fail(`key component longer than ${MAX_KEY_COMPONENT} characters`, v);
        if (CONTROL_CHAR.test(part)) fail('key component contains a control character', v);
    }
    return [v.hive, ...parts];
}

function isKeyOnly(v: RegistryValue): boolean {
    return v.ensure === 'Present' && v.data === undefined && v.name === '';
}

function validateValue(v: RegistryValue): void {
    keyComponents(v);
    if (typeof v.name !== 'string') fail('value name is not a string', v);
    // §4.1: names cannot be continued and have only the \\ and \" escapes.
    if (CONTROL_CHAR.test(v.name)) fail('value name contains a control character', v);
    if (v.name.length > MAX_VALUE_NAME) fail(`value name longer than ${MAX_VALUE_NAME} characters`, v);
    if (v.ensure === 'Absent') {
        if (v.data !== undefined) fail('an absent value carries data', v);
        return;
    }
    if (v.ensure !== 'Present') fail(`unknown ensure '${String(v.ensure)}'`, v);
    if (v.data === undefined) {
        if (v.name !== '') fail('a present named value has no data', v);
        return;
    }
    validateData(v.data, v);
}

function validateData(d: RegData, v: RegistryValue): void {
    switch (d.type) {
        case 'REG_SZ':
        case 'REG_EXPAND_SZ':
            if (typeof d.value !== 'string') fail(`${d.type} data is not a string`, v);
            return;
        case 'REG_MULTI_SZ':
            if (!Array.isArray(d.value)) fail('REG_MULTI_SZ data is not an array', v);
            for (const item of d.value) {
                if (typeof item !== 'string') fail('REG_MULTI_SZ item is not a string', v);
                // §5: an empty string (or an embedded NUL) terminates the list on read.
                if (item === '') fail('empty REG_MULTI_SZ item', v);
                if (item.includes('\u0000')) fail('REG_MULTI_SZ item contains NUL', v);
            }
            return;
        case 'REG_DWORD':
            if (typeof d.value !== 'number' || !Number.isInteger(d.value) || d.value < 0 || d.value > 0xffffffff)
                fail(`REG_DWORD ${String(d.value)} outside 0..4294967295`, v);
            return;
        case 'REG_QWORD':
            if (typeof d.value !== 'bigint' || d.value < 0n || d.value > MAX_QWORD)
                fail(`REG_QWORD ${String(d.value)} outside 0..2^64-1`, v);
            return;
        case 'REG_BINARY':
            if (typeof d.value !== 'string') fail('REG_BINARY data is not a string', v);
            if (d.value.length % 2 !== 0) fail('REG_BINARY hex string has odd length', v);
            if (!/^[0-9a-f]*$/.test(d.value)) fail('REG_BINARY data is not lowercase hex digits', v);
            return;
        default:
            fail(`unsupported data type '${String((d as { type: unknown }).type)}'`, v);
    }
}

/** §4.1: value names escape only `\` and `"`; the default value is `@`. */
function valueNamePrefix(name: string): string {
    return name === '' ? '@=' : `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"=`;
}

/**
 * `hex:`/`hex(N):` data wrapped exactly like Wine's `export_hex_data` (§6):
 * after each byte but the last write `xx,`; once the line length reaches
 * MAX_HEX_CHARS, break with `\` CRLF and a two-space indent.
 */
function hexData(prefix: string, bytes: Uint8Array): string {
    let out = prefix;
    let lineLen = prefix.length; // UTF-16 code units, as Wine's lstrlenW counts
    for (let i = 0; i < bytes.length; i++) {
        out += (bytes[i] as number).toString(16).padStart(2, '0');
        if (i === bytes.length - 1) break;
        out += ',';
        lineLen += 3;
        if (lineLen >= MAX_HEX_CHARS) {
            out += `\\${CRLF}  `;
            lineLen = 2;
        }
    }
    return out;
}

/** UTF-16LE plus the 00,00 terminator (§5 REG_SZ/REG_EXPAND_SZ). */
function sz(s: string): Buffer {
    return Buffer.from(`${s}\u0000`, 'utf16le');
}

/**
 * The value line (with `\` CRLF continuations for wrapped hex data) of one
 * value, without a trailing CRLF. Throws for a key-only entry.
 */
export function regValueLine(v: RegistryValue): string {
    validateValue(v);
    const prefix = valueNamePrefix(v.name);
    if (v.ensure === 'Absent') return `${prefix}-`; // §4.2
    const d = v.data;
    if (d === undefined) return fail('a key-only entry has no value line', v);
    switch (d.type) {
        case 'REG_SZ':
            // §4.3: quotes only without control characters; otherwise hex(1).
            if (CONTROL_CHAR.test(d.value)) return hexData(`${prefix}hex(1):`, sz(d.value));
            return `${prefix}"${d.value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
        case 'REG_EXPAND_SZ':
            return hexData(`${prefix}hex(2):`, sz(d.value));
        case 'REG_MULTI_SZ':
            // §5: each item + 00,00, then one more 00,00 (an empty list is just 00,00).
            return hexData(`${prefix}hex(7):`, Buffer.from(`${d.value.map((s) => `${s}\u0000`).join('')}\u0000`, 'utf16le'));
        case 'REG_DWORD':
            return `${prefix}dword:${d.value.toString(16).padStart(8, '0')}`; // §5: 8 lowercase digits
        case 'REG_QWORD': {
            const b = Buffer.alloc(8);
            b.writeBigUInt64LE(d.value); // §5: little-endian, no qword: syntax
            return hexData(`${prefix}hex(b):`, b);
        }
        case 'REG_BINARY':
            return hexData(`${prefix}hex:`, Buffer.from(d.value, 'hex'));
    }
}

/** The full `[HKEY_…\path]` key name of a value. */
export function regKeyName(v: RegistryValue): string {
    return keyComponents(v).join('\\');
}

/** The PowerShell drive form PSDscResources expects for `Key` (§8.1): `HKLM:\SOFTWARE\…`. */
export function dscRegistryKey(v: RegistryValue): string {
    const [hive, ...parts] = keyComponents(v);
    return `${DSC_DRIVES[hive as Hive]}:\\${parts.join('\\')}`;
}

function normalise(v: RegistryValue): RegistryValue {
    const { hive, path, name, ensure, data } = v;
    return data === undefined ? { hive, path, name, ensure } : { hive, path, name, ensure, data };
}

/** A value as the writer keeps it, with its index in the caller's array (for valueComments). */
interface CanonicalEntry {
    readonly v: RegistryValue;
    readonly index: number;
    readonly key: readonly string[];
    readonly upperKey: string;
    readonly section: number;
}

/**
 * The writer's ordering, keeping each value's input index: `kept` in file
 * order, and the key-only entries `dropped` because another entry opens the
 * same key (see canonicalRegistryValues).
 */
function canonicalEntries(values: readonly RegistryValue[]): { kept: CanonicalEntry[]; dropped: CanonicalEntry[] } {
    const spelling = new Map<string, string>(); // upper-cased key -> its one allowed spelling
    const names = new Set<string>();
    const entries: CanonicalEntry[] = [];
    values.forEach((v, index) => {
        validateValue(v);
        const key = keyComponents(v);
        const joined = key.join('\\');
        const upper = upperInvariant(joined);
        const seen = spelling.get(upper);
        if (seen !== undefined && seen !== joined) fail(`key spelled both '${seen}' and '${joined}'`, v);
        spelling.set(upper, joined);
        entries.push({ v: normalise(v), index, key, upperKey: upper, section: v.ensure === 'Absent' ? 0 : 1 });
    });
    const opened = new Set(entries.filter((e) => !isKeyOnly(e.v)).map((e) => e.upperKey));
    const kept: CanonicalEntry[] = [];
    const dropped: CanonicalEntry[] = [];
    const keyOnlySeen = new Set<string>();
    for (const e of entries) {
        if (isKeyOnly(e.v)) {
            if (opened.has(e.upperKey) || keyOnlySeen.has(e.upperKey)) {
                dropped.push(e);
                continue;
            }
            keyOnlySeen.add(e.upperKey);
        } else {
            // Registry value names are case-insensitive: two entries for one value contradict each other.
            const id = `${e.upperKey}\u0000${upperInvariant(e.v.name)}`;
            if (names.has(id)) fail('duplicate value (names compare case-insensitively)', e.v);
            names.add(id);
        }
        kept.push(e);
    }
    kept.sort((a, b) => a.section - b.section || compareKeys(a.key, b.key) || compareText(a.v.name, b.v.name));
    return { kept, dropped };
}

/**
 * The values in the order the writer emits them, validated and normalised
 * (exactly the own properties of RegistryValue): deletions first (§1 item 10),
 * then creations; within each, keys and then values sorted case-insensitively
 * with `@` first. A key-only entry (Present, name '', no data) is kept only
 * when no other entry opens the same key. This is what a reader of the
 * written file gives back.
 */
export function canonicalRegistryValues(values: readonly RegistryValue[]): RegistryValue[] {
    return canonicalEntries(values).kept.map((e) => e.v);
}

function commentLines(comments: readonly string[], what: string): string[] {
    return comments.map((text) => {
        if (/[\r\n]/.test(text)) fail(`${what} contains CR or LF: ${JSON.stringify(text)}`);
        if (CONTROL_CHAR.test(text)) fail(`${what} contains a control character: ${JSON.stringify(text)}`);
        if (/\s$/.test(text)) fail(`${what} has trailing whitespace: ${JSON.stringify(text)}`);
        return text === '' ? ';' : `; ${text}`;
    });
}

/** The file as a JS string (no BOM), CRLF line endings, ending in CRLF CRLF (§1). */
export function writeRegText(values: readonly RegistryValue[], options?: WriteRegOptions): string {
    const lines: string[] = [REG_HEADER, ''];
    const comments = options?.headerComments ?? [];
    if (comments.length > 0) lines.push(...commentLines(comments, 'header comment'), '');
    const { kept, dropped } = canonicalEntries(values);
    // One block per run of entries with the same key and section (kept is sorted).
    const blocks: { key: string; upperKey: string; entries: CanonicalEntry[] }[] = [];
    let currentSection: number | undefined;
    for (const e of kept) {
        const key = regKeyName(e.v);
        const last = blocks[blocks.length - 1];
        if (last === undefined || key !== last.key || e.section !== currentSection) {
            blocks.push({ key, upperKey: e.upperKey, entries: [e] });
            currentSection = e.section;
        } else {
            last.entries.push(e);
        }
    }
    const commentsOf = (e: CanonicalEntry): readonly string[] => options?.valueComments?.(values[e.index] as RegistryValue, e.index) ?? [];
    const extra = new Map<(typeof blocks)[number], CanonicalEntry[]>();
    for (const e of dropped) {
        const home = blocks.find((b) => b.upperKey === e.upperKey);
        if (home) extra.set(home, [...(extra.get(home) ?? []), e]);
    }
    for (const [i, block] of blocks.entries()) {
        if (i > 0) lines.push('');
        // §2: only full-line `;` comments are safe; they go before the [key] line, never among values.
        const blockComments = [...block.entries, ...(extra.get(block) ?? [])].flatMap(commentsOf);
        lines.push(...commentLines(blockComments, 'value comment'));
        lines.push(`[${block.key}]`);
        for (const e of block.entries) if (!isKeyOnly(e.v)) lines.push(regValueLine(e.v));
    }
    if (blocks.length > 0) lines.push('');
    return lines.join(CRLF) + CRLF;
}

/** The .reg file: UTF-16LE with the FF FE byte order mark (§1, §2). */
export function writeRegFile(values: readonly RegistryValue[], options?: WriteRegOptions): Buffer {
    return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(writeRegText(values, options), 'utf16le')]);
}

/**
 * Text for a full-line `;` comment (the only comment form every importer
 * reads safely): neutralised like PowerShell comments
 * (line breaks become spaces, other invisible or control code units U+FFFD),
 * plus TAB as a space and no trailing whitespace, which editors strip.
 */
export function regComment(text: string): string {
    return commentText(text, ' ').replace(/\t/g, ' ').replace(/\s+$/, '');
}
