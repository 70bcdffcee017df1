/**
 * Diagnostics: what every phase reports instead of throwing.
 *
 * Phases produce `PendingDiagnostic`s that say *where* by JSON pointer (or by
 * text offset, for syntax errors). `locate()` turns them into finished
 * `Diagnostic`s with line and column once, at the end of the pipeline, so no
 * rule has to know about text positions.
 */

import { CATALOG, fillTemplate, type DiagnosticArgs, type DiagnosticKind, type Severity } from './catalog.js';
import type { SourceText } from '../frontend/source.js';
import { Sources } from '../frontend/sources.js';
import { escapeUnsafe, quoteExcerpt } from './display.js';

/** Where a diagnostic points: a manifest value (or its property name), or raw text. */
export type Where =
    | { readonly pointer: string; readonly part?: 'key' | 'value' }
    | { readonly offset: number; readonly length: number };

export interface PendingDiagnostic {
    readonly kind: DiagnosticKind;
    readonly args: Readonly<Record<string, string | number>>;
    readonly where?: Where;
    readonly related?: readonly { readonly message: string; readonly pointer: string }[];
}

export interface Position {
    /** 1-based. */
    readonly line: number;
    /** 1-based, in UTF-16 code units like tsc. */
    readonly column: number;
}

export interface Diagnostic {
    readonly code: string;
    readonly kind: DiagnosticKind;
    readonly severity: Severity;
    readonly message: string;
    readonly fix: string;
    readonly guide?: string;
    /** The manifest's name as the user gave it (never made absolute). */
    readonly file: string;
    readonly pointer?: string;
    readonly start?: Position;
    readonly end?: Position;
    /** Notes at other places; `file` only when the note is in another file than the diagnostic (an included file). */
    readonly related: readonly { readonly message: string; readonly pointer: string; readonly start?: Position; readonly file?: string }[];
}

/** Create a diagnostic; the arguments are checked against the catalog entry's placeholders. */
export function diag<K extends DiagnosticKind>(
    kind: K,
    args: DiagnosticArgs<K>,
    where?: Where,
    related?: PendingDiagnostic['related'],
): PendingDiagnostic {
    return { kind, args: args as Readonly<Record<string, string | number>>, where, related };
}

export const at = (pointer: string, part: 'key' | 'value' = 'value'): Where => ({ pointer, part });

export function isError(d: { readonly kind: DiagnosticKind } | Diagnostic): boolean {
    return CATALOG[d.kind].severity === 'error';
}

/**
 * Resolve positions and render messages; the result is sorted by position, then code.
 * With `Sources` (a manifest that includes files), a pointer is located in the
 * file that holds the value, and the diagnostic names that file and its
 * in-file pointer; the manifest's own diagnostics come first.
 */
export function locate(pending: readonly PendingDiagnostic[], file: string, source?: SourceText | Sources): Diagnostic[] {
    const sources = source instanceof Sources ? source : undefined;
    const text = source instanceof Sources ? source.root.source : source;
    const done = pending.map((p): Diagnostic => {
        const entry = CATALOG[p.kind];
        let where = p.where;
        let shownFile = file;
        let range = where && text ? text.rangeOf(where) : undefined;
        if (sources && where && 'pointer' in where) {
            const found = sources.range(where.pointer, where.part);
            if (found.place.file !== sources.root) {
                shownFile = found.place.file.name;
                where = { ...where, pointer: found.place.pointer };
            }
            range = found.range;
        }
        return {
            code: entry.code,
            kind: p.kind,
            severity: entry.severity,
            message: capitalise(fillTemplate(entry.message, p.args)),
            fix: fillTemplate(entry.fix, p.args),
            ...('guide' in entry ? { guide: entry.guide } : {}),
            // The file name and pointers come from the user and the manifest too.
            file: escapeUnsafe(shownFile),
            ...(where && 'pointer' in where ? { pointer: quoteExcerpt(where.pointer) } : {}),
            ...(range ? { start: range.start, end: range.end } : {}),
            related: (p.related ?? []).map((r) => {
                if (sources) {
                    const found = sources.range(r.pointer);
                    const start = found.range?.start;
                    const other = found.place.file.name !== shownFile ? { file: escapeUnsafe(found.place.file.name) } : {};
                    return { message: quoteExcerpt(r.message), pointer: quoteExcerpt(found.place.pointer), ...(start ? { start } : {}), ...other };
                }
                const start = text?.rangeOf({ pointer: r.pointer, part: 'value' })?.start;
                return { message: quoteExcerpt(r.message), pointer: quoteExcerpt(r.pointer), ...(start ? { start } : {}) };
            }),
        };
    });
    const sorted = sortDiagnostics(dedupe(done));
    if (!sources) {
        return sorted;
    }
    // Per file: the manifest first, then the included files in the order they were read.
    const order = sources.files.map((f) => escapeUnsafe(f.name));
    return order.flatMap((name) => sorted.filter((d) => d.file === name)).concat(sorted.filter((d) => !order.includes(d.file)));
}

/** Messages are sentences even when they open with a placeholder such as "the manifest". */
function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function dedupe(list: readonly Diagnostic[]): Diagnostic[] {
    const seen = new Set<string>();
    return list.filter((d) => {
        const key = `${d.code}\u0000${d.pointer ?? ''}\u0000${d.start?.line}:${d.start?.column}\u0000${d.message}`;
        if (seen.has(key)) {
            return false;
        }
        seen.add(key);
        return true;
    });
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
    const key = (d: Diagnostic): [number, number, string, string] => [
        d.start?.line ?? 0,
        d.start?.column ?? 0,
        d.code,
        d.message,
    ];
    return [...list].sort((a, b) => {
        const [al, ac, acode, am] = key(a);
        const [bl, bc, bcode, bm] = key(b);
        return al - bl || ac - bc || (acode < bcode ? -1 : acode > bcode ? 1 : 0) || (am < bm ? -1 : am > bm ? 1 : 0);
    });
}
