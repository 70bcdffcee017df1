/**
 * Every diagnostic xprc can report, in one table.
 *
 * Codes are stable and never reused: XPR1xxx loading and JSON syntax,
 * XPR2xxx schema validation, XPR3xxx semantic (cross-field, cross-node)
 * rules, XPR4xxx emit limitations, XPR5xxx command line. `{name}`
 * placeholders in `message` and `fix` are typed: a call site must pass
 * exactly the arguments its entry's templates name (see `DiagnosticArgs`).
 *
 * docs/diagnostics.md is generated from this table (scripts/gen-docs.ts) and
 * a test fails when it is out of date.
 *
 * The entries live in catalog/, one file per code range, so that no file
 * holds the whole table; this file combines them in the table's order (the
 * order of docs/diagnostics.md) and holds the types and helpers.
 */

import { LOAD } from './catalog/load.js';
import { SCHEMA } from './catalog/schema.js';
import { CORE_RULES } from './catalog/core-rules.js';
import { XPR } from './catalog/xpr.js';
import { XPR_CLUSTER } from './catalog/xpr-cluster.js';
import { XPR_UPGRADE } from './catalog/xpr-upgrade.js';
import { XPR_UPGRADE_PHASES } from './catalog/xpr-upgrade-phases.js';
import { ONEX_PORTAL } from './catalog/onex-portal.js';
import { OFFICESTATUS } from './catalog/officestatus.js';
import { OX_UPDATER } from './catalog/ox-updater.js';
import { PLAN_DELIVERY } from './catalog/plan-delivery.js';
import { CLI } from './catalog/cli.js';
import { escapeUnsafe, quoteExcerpt } from './display.js';

export type Severity = 'error' | 'warning';
export type Phase = 'load' | 'schema' | 'semantic' | 'emit' | 'cli';

export interface CatalogEntry {
    readonly code: `XPR${number}`;
    readonly phase: Phase;
    readonly severity: Severity;
    /** Short name, used as the docs heading. */
    readonly title: string;
    /** Full sentence(s); `{placeholder}` filled at the call site. */
    readonly message: string;
    /** What the user should do; may use the same placeholders. */
    readonly fix: string;
    /** Longer explanation for `xprc explain` and the docs. */
    readonly explanation: string;
    /** Vendor guide section (or reference) the rule enforces. */
    readonly guide?: string;
}

export const CATALOG = {
    ...LOAD,
    ...SCHEMA,
    ...CORE_RULES,
    ...XPR,
    ...XPR_UPGRADE,
    ...XPR_UPGRADE_PHASES,
    ...XPR_CLUSTER,
    ...ONEX_PORTAL,
    ...OFFICESTATUS,
    ...OX_UPDATER,
    ...PLAN_DELIVERY,
    ...CLI,
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticKind = keyof typeof CATALOG;

/** The placeholder names of a template string, as a union type. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
    ? Name | Placeholders<Rest>
    : never;

/** The arguments a diagnostic of kind K needs: exactly its placeholders. */
export type DiagnosticArgs<K extends DiagnosticKind> = {
    readonly [P in
        | Placeholders<(typeof CATALOG)[K]['message']>
        | Placeholders<(typeof CATALOG)[K]['fix']>]: string | number;
};

/** All entries, sorted by code. */
export function catalogEntries(): readonly (CatalogEntry & { readonly kind: DiagnosticKind })[] {
    return (Object.keys(CATALOG) as DiagnosticKind[])
        .map((kind) => ({ kind, ...(CATALOG[kind] as CatalogEntry) }))
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function findByCode(code: string): (CatalogEntry & { readonly kind: DiagnosticKind }) | undefined {
    const wanted = code.trim().toUpperCase();
    return catalogEntries().find((entry) => entry.code === wanted);
}

/**
 * Placeholders shown whole (still escaped): the schemas' own text, and a
 * cycle's path, which the issue requires in full and which is built from
 * validated node names and step titles, not from one free-text value.
 */
const WHOLE_TEXT: ReadonlySet<string> = new Set(['description', 'allowed', 'expected', 'cycle']);

/** Fill `{name}` placeholders. Unknown placeholders are an internal bug. */
export function fillTemplate(template: string, args: Readonly<Record<string, string | number>>): string {
    return template.replace(/\{([A-Za-z]+)\}/g, (_match, name: string) => {
        const value = args[name];
        if (value === undefined) {
            throw new Error(`Internal error: diagnostic template placeholder {${name}} has no argument`);
        }
        // Arguments often quote the manifest: escaped and cut short, so no value can forge a line or flood
        // the screen. WHOLE_TEXT placeholders are shown whole: a cut list of allowed values or a cut
        // cycle would hide the fix.
        return WHOLE_TEXT.has(name) ? escapeUnsafe(String(value)) : quoteExcerpt(String(value));
    });
}
