/**
 * A STRICT reader of REGEDIT5 .reg files, for tests only.
 *
 * It accepts exactly the canonical form of reg-format.md §1 that
 * compiler/emit/reg/write-reg.ts promises, and throws RegParseError (with a
 * 1-based line number) for anything else: in particular everything Windows
 * or Wine would misread or silently drop. It is written independently of the
 * writer (own sort comparator, own wrap rule) so a round trip through both is
 * not circular.
 *
 * Full-line `; text` comments (§2: the only safe kind) are accepted in two
 * places only: after the header (then a blank line), and directly before a
 * `[key]` line, where the writer puts provenance; they are returned as
 * `headerComments` and per block as `comments`.
 *
 * Dialect 'wine-export' reads `wine reg export` output instead: it allows
 * what Wine's exporter writes but our writer never does (`\r`/`\n` escapes
 * and raw control characters inside quoted strings, §4.3; Wine's lower-case
 * value and key order), and is otherwise just as strict.
 *
 * Line-length rule (§6): only hex data can be continued, so only hex value
 * lines are held to 80 columns; the first line of a hex value may be longer
 * only when its `"name"=hex…:` prefix alone reaches MAX_HEX_CHARS and it then
 * holds exactly one byte. Key, string and dword lines cannot wrap.
 */
import type { Hive, RegData, RegistryValue } from '../../compiler/ir/types.js';

export type RegDialect = 'canonical' | 'wine-export';
export interface ReadRegOptions {
    readonly dialect?: RegDialect;
}
export interface RegBlock {
    /** Line number of the `[key]` line. */
    readonly line: number;
    /** Full-line `; text` comments directly before the `[key]` line (text after "; "), e.g. provenance. */
    readonly comments: readonly string[];
    readonly hive: Hive;
    readonly path: string;
    /** Blocks of `"name"=-` lines come first (§1 item 10), then the rest. */
    readonly section: 'deletions' | 'creations';
    /** In file order; empty for a key-only block. */
    readonly values: readonly RegistryValue[];
}
export interface ParsedRegFile {
    readonly headerComments: readonly string[];
    readonly blocks: readonly RegBlock[];
}

export class RegParseError extends Error {
    constructor(
        readonly line: number,
        readonly reason: string,
    ) {
        super(`line ${line}: ${reason}`);
    }
}

const HEADER = 'Windows Registry Editor Version 5.00';
const HIVES: readonly string[] = ['HKEY_LOCAL_MACHINE', 'HKEY_USERS', 'HKEY_CURRENT_USER', 'HKEY_CLASSES_ROOT', 'HKEY_CURRENT_CONFIG'];
const ABBREVIATED = /^(HKLM|HKCU|HKCR|HKU|HKUS|HKCC)$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_HEX_CHARS = 77;
const BYTES_PER_CONTINUATION = 25; // (77 - 2) / 3, §6

function upper(s: string): string {
    // Simple (one code point to one code point) mapping, like ToUpperInvariant: 'ß' stays 'ß'.
    return [...s].map((c) => ([...c.toUpperCase()].length === 1 ? c.toUpperCase() : c)).join('');
}
/** Canonical order (§1 item 9): upper-cased ordinal, ties by ordinal. */
function cmp(a: string, b: string): number {
    const ua = upper(a);
    const ub = upper(b);
    return ua < ub ? -1 : ua > ub ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
/** Tree order: component by component, case-insensitively; ordinal on the whole path only for ties. */
function cmpKey(a: readonly string[], b: readonly string[]): number {
    for (let i = 0; i < a.length && i < b.length; i++) {
        const [ua, ub] = [upper(a[i] as string), upper(b[i] as string)];
        if (ua !== ub) return ua < ub ? -1 : 1;
    }
    return a.length - b.length || cmp(a.join('\\'), b.join('\\'));
}

class Reader {
    private i = 0;
    constructor(
        private readonly lines: readonly string[],
        private readonly dialect: RegDialect,
    ) {}

    err(reason: string, index = this.i): never {
        throw new RegParseError(index + 1, reason);
    }

    parse(): ParsedRegFile {
        const { lines } = this;
        if (lines[0] !== HEADER) this.err(`header must be exactly '${HEADER}' (§2)`, 0);
        if (lines[1] !== '') this.err('a blank line must follow the header', 1);
        lines.forEach((l, n) => {
            if (/[ \t]$/.test(l)) this.err('trailing whitespace', n);
            if (/^\s*#/.test(l)) this.err('# comment (silently invalidates values, §2)', n);
        });
        this.i = 2;
        // Comment lines right after the header are header comments when a
        // blank line follows them, and the first block's comments when its
        // [key] line follows them.
        const start = this.i;
        const leading = this.comments();
        let headerComments: string[] = [];
        if (leading.length > 0 && !this.lines[this.i]?.startsWith('[')) {
            if (lines[this.i] !== '') this.err('a blank line must follow the header comments');
            headerComments = leading;
            this.i++;
        } else {
            this.i = start;
        }
        const blocks: RegBlock[] = [];
        while (this.i < lines.length) blocks.push(this.block(blocks[blocks.length - 1]));
        this.checkFileOrder(blocks);
        return { headerComments, blocks };
    }

    /** Full-line `;` comments from this.i on (§2: the only safe kind); returns their texts. */
    private comments(): string[] {
        const out: string[] = [];
        while (this.lines[this.i]?.startsWith(';')) {
            const m = /^;(?: (.+))?$/.exec(this.lines[this.i] as string);
            if (!m) this.err('comment must be ";" or "; text"');
            out.push(m[1] ?? '');
            this.i++;
        }
        return out;
    }

    private block(previous: RegBlock | undefined): RegBlock {
        const comments = this.comments();
        if (comments.length > 0 && this.i >= this.lines.length) this.err('comment lines at the end of the file, before no key', this.i - 1);
        if (comments.length > 0 && this.lines[this.i] === '') this.err('a comment must be directly followed by its [key] line');
        const line = this.i + 1;
        const text = this.lines[this.i] as string;
        if (text === '') this.err('extra blank line (exactly one blank line follows each key block, §1)');
        if (!text.startsWith('[') || !text.endsWith(']')) this.err('expected a [key] line');
        if (text.startsWith('[-')) this.err('key deletion: the writer never emits [-…]');
        const parts = text.slice(1, -1).split('\\');
        const hive = parts[0] as string;
        if (ABBREVIATED.test(hive)) this.err(`abbreviated hive '${hive}': regedit rejects it (§3)`);
        if (!HIVES.includes(hive)) this.err(`unknown hive '${hive}'`);
        if (parts.length < 2) this.err('a key below the hive is required');
        for (const p of parts.slice(1)) {
            if (p === '') this.err('empty key component');
            if (/^\s|\s$/.test(p)) this.err(`key component '${p}' has edge whitespace (kept in the name, §3)`);
            if (p.length > 255) this.err('key component longer than 255 characters');
            if (CONTROL.test(p)) this.err('control character in key name');
        }
        const path = parts.slice(1).join('\\');
        this.i++;
        const values: RegistryValue[] = [];
        while (this.i < this.lines.length && this.lines[this.i] !== '') {
            const at = this.i;
            const v = this.value(hive as Hive, path);
            const last = values[values.length - 1];
            if (last && this.dialect === 'canonical' && !(last.name === '' || cmp(last.name, v.name) < 0))
                this.err(`value "${v.name}" out of order (case-insensitive, @ first, §1 item 9)`, at);
            if (v.name === '' && last) this.err('@ must come first', at);
            values.push(v);
        }
        if (this.i >= this.lines.length) this.err('missing blank line after the key block (file must end CRLF CRLF)');
        this.i++;
        const absent = values.filter((v) => v.ensure === 'Absent').length;
        if (absent > 0 && absent < values.length) this.err('block mixes deletions and creations', line - 1);
        const section = absent > 0 ? 'deletions' : 'creations';
        if (section === 'deletions' && previous?.section === 'creations')
            this.err('deletion block after the creations (deletions come first, §1 item 10)', line - 1);
        return { line, comments, hive: hive as Hive, path, section, values };
    }

    private checkFileOrder(blocks: readonly RegBlock[]): void {
        const seenValues = new Set<string>();
        const spelled = new Map<string, string>();
        for (let n = 0; n < blocks.length; n++) {
            const b = blocks[n] as RegBlock;
            const key = `${b.hive}\\${b.path}`;
            const p = blocks[n - 1];
            if (p && p.section === b.section && this.dialect === 'canonical' && cmpKey(`${p.hive}\\${p.path}`.split('\\'), key.split('\\')) >= 0)
                this.err(`key out of order or repeated within its section (§1 item 9)`, b.line - 1);
            const k = upper(key);
            if (spelled.has(k) && spelled.get(k) !== key) this.err('key spelled two ways', b.line - 1);
            spelled.set(k, key);
            for (const v of b.values) {
                const id = `${k}\u0000${upper(v.name)}`;
                if (seenValues.has(id)) this.err(`value "${v.name}" repeated (names are case-insensitive)`, b.line - 1);
                seenValues.add(id);
            }
        }
    }

    private value(hive: Hive, path: string): RegistryValue {
        const text = this.lines[this.i] as string;
        const at = this.i;
        let pos: number;
        let name: string;
        if (text.startsWith('@=')) {
            name = '';
            pos = 2;
        } else if (text.startsWith('"')) {
            [name, pos] = this.quoted(text, 1, 'name', at);
            if (name === '') this.err('"" names the default value: the writer writes @');
            if (CONTROL.test(name)) this.err('control character in value name');
            if (text[pos] !== '=') this.err('expected = after the value name (no spaces, §1 item 5)');
            pos++;
        } else if (text.startsWith(';')) {
            return this.err('comment line inside a key block');
        } else {
            return this.err('expected a value line (@= or "name"=)');
        }
        const rest = text.slice(pos);
        const prefixLen = pos;
        this.i++;
        if (rest === '-') return { hive, path, name, ensure: 'Absent' };
        return { hive, path, name, ensure: 'Present', data: this.data(rest, prefixLen, at) };
    }

    /** A quoted string from `start` (after the opening quote); returns [text, index after the closing quote]. */
    private quoted(text: string, start: number, what: 'name' | 'data', at: number): [string, number] {
        let out = '';
        for (let p = start; p < text.length; p++) {
            const c = text[p] as string;
            if (c === '"') return [out, p + 1];
            if (c !== '\\') {
                out += c;
                continue;
            }
            const e = text[++p];
            if (e === '\\' || e === '"') out += e;
            else if (what === 'data' && this.dialect === 'wine-export' && (e === 'r' || e === 'n')) out += e === 'r' ? '\r' : '\n';
            else this.err(`unknown escape \\${e ?? ''} in a ${what} (§4.3)`, at);
        }
        return this.err(`unterminated quoted ${what} (strings cannot be continued, §4.3)`, at);
    }

    private data(rest: string, prefixLen: number, at: number): RegData {
        if (rest.startsWith('"')) {
            const [value, end] = this.quoted(rest, 1, 'data', at);
            if (end !== rest.length) this.err('text after the closing quote (T Wine37)', at);
            if (this.dialect === 'canonical' && CONTROL.test(value)) this.err('control character in a quoted string: must be hex(1) (§4.3)', at);
            return { type: 'REG_SZ', value };
        }
        if (rest.startsWith('dword:')) {
            if (!/^dword:[0-9a-f]{8}$/.test(rest)) this.err('dword must be exactly 8 lowercase hex digits (§5)', at);
            return { type: 'REG_DWORD', value: parseInt(rest.slice(6), 16) };
        }
        const m = /^hex(?:\((1|2|7|b)\))?:/.exec(rest);
        if (!m) this.err(`unsupported data '${rest.slice(0, 12)}' (hex(3) is written hex:, types are lowercase)`, at);
        const bytes = this.hex(rest.slice(m[0].length), prefixLen + m[0].length, at);
        return decode(m[1], bytes, this.dialect, (reason) => this.err(reason, at));
    }

    /** Hex bytes with the exact §6 wrap; this.i is already on the line after the first. */
    private hex(first: string, prefixLen: number, at: number): Buffer {
        const bytes: number[] = [];
        let text = first;
        let lineStart = prefixLen;
        let index = at;
        // Bytes that fill the first line: the smallest n >= 1 with prefix + 3n >= 77.
        let capacity = Math.max(1, Math.ceil((MAX_HEX_CHARS - prefixLen) / 3));
        for (;;) {
            const full = index === at ? prefixLen + text.length : 2 + text.length;
            const continued = text.endsWith(',\\');
            const body = continued ? text.slice(0, -2) : text;
            const pairs = body === '' ? [] : body.split(',');
            for (const p of pairs) {
                if (!/^[0-9a-f]{2}$/.test(p)) this.err(`bad hex byte '${p}' (two lowercase digits, one comma between bytes)`, index);
                bytes.push(parseInt(p, 16));
            }
            if (full > 80 && !(index === at && pairs.length === 1)) this.err(`hex line longer than 80 characters (§6)`, index);
            if (continued ? pairs.length !== capacity : pairs.length > capacity || (index !== at && pairs.length === 0))
                this.err(`wrong wrap: ${pairs.length} bytes on this line, the §6 algorithm puts ${capacity} (from column ${lineStart})`, index);
            if (!continued) return Buffer.from(bytes);
            const next = this.lines[this.i];
            // T Wine55a: a value line after ,\ is swallowed with the unfinished value.
            if (next === undefined || !/^ {2}[0-9a-f]/.test(next)) this.err('bad continuation: the next line must be two spaces then a hex byte', this.i);
            text = next.slice(2);
            index = this.i++;
            lineStart = 2;
            capacity = BYTES_PER_CONTINUATION;
        }
    }
}

function utf16(bytes: Buffer): string {
    return bytes.toString('utf16le');
}

function decode(type: string | undefined, bytes: Buffer, dialect: RegDialect, err: (reason: string) => never): RegData {
    if (type === undefined) return { type: 'REG_BINARY', value: bytes.toString('hex') };
    if (type === 'b') {
        if (bytes.length !== 8) err('hex(b) (REG_QWORD) must hold exactly 8 bytes');
        return { type: 'REG_QWORD', value: bytes.readBigUInt64LE(0) };
    }
    const terminated = bytes.length >= 2 && bytes.length % 2 === 0 && bytes[bytes.length - 1] === 0 && bytes[bytes.length - 2] === 0;
    if (!terminated) err(`hex(${type}) must be UTF-16LE ending in the 00,00 terminator (§5)`);
    const text = utf16(bytes.subarray(0, bytes.length - 2));
    if (type === '1') {
        if (dialect === 'canonical' && !CONTROL.test(text)) err('hex(1) for a string without control characters: the writer quotes it (§4.3)');
        return { type: 'REG_SZ', value: text };
    }
    if (type === '2') return { type: 'REG_EXPAND_SZ', value: text };
    if (text === '') return { type: 'REG_MULTI_SZ', value: [] };
    if (!text.endsWith('\u0000')) err('hex(7) must end in 00,00,00,00 (item terminator and list terminator, §5)');
    const items = text.slice(0, -1).split('\u0000');
    if (items.includes('')) err('hex(7) holds an empty item, which would end the list (§5)');
    return { type: 'REG_MULTI_SZ', value: items };
}

/** Parses a .reg file into its blocks; throws RegParseError for anything non-canonical. */
export function parseRegFile(buf: Buffer, options?: ReadRegOptions): ParsedRegFile {
    if (buf.length < 2 || buf[0] !== 0xff || buf[1] !== 0xfe) throw new RegParseError(1, 'missing UTF-16LE byte order mark FF FE (§2)');
    if (buf.length % 2 !== 0) throw new RegParseError(1, 'odd number of bytes for UTF-16LE');
    const text = buf.subarray(2).toString('utf16le');
    const bad = /\r(?!\n)|(?<!\r)\n/.exec(text);
    if (bad) throw new RegParseError(text.slice(0, bad.index).split(/\r\n|\r|\n/).length, 'line ending is not CRLF (§1 item 2)');
    if (!text.endsWith('\r\n')) throw new RegParseError(text.split('\r\n').length, 'file does not end with CRLF');
    const lines = text.slice(0, -2).split('\r\n');
    return new Reader(lines, options?.dialect ?? 'canonical').parse();
}

/**
 * The file's values in file order: blocks then lines. A key-only block gives
 * `{ hive, path, name: '', ensure: 'Present' }` without data; `"name"=-`
 * gives `ensure: 'Absent'` without data.
 */
export function readRegFile(buf: Buffer, options?: ReadRegOptions): RegistryValue[] {
    return parseRegFile(buf, options).blocks.flatMap((b) =>
        b.values.length > 0 ? [...b.values] : [{ hive: b.hive, path: b.path, name: '', ensure: 'Present' as const }],
    );
}
