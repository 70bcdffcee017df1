/**
 * `--format sarif`: diagnostics as SARIF 2.1.0 (OASIS), the format GitHub
 * code scanning and other review tools read. One run; its rules are the
 * whole diagnostics catalog (id, title, explanation, fix and guide section),
 * so a result's ruleIndex is stable across runs; each result carries the
 * manifest region of the text output (same line and column: UTF-16 code
 * units, 1-based, like tsc).
 */

import { CATALOG, catalogEntries, fillTemplate } from '../diagnostics/catalog.js';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { VERSION } from '../version.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A file of the output folder that `build --check` found different (reported as XPR5040 results). */
export interface StaleFile {
    readonly path: string;
    readonly state: 'stale' | 'missing' | 'extra';
    /** The manifest whose output it is, when a run builds several. */
    readonly manifest?: string;
}

/** A manifest path as the user gave it → a SARIF artifact URI (relative stays relative, for code scanning). */
export function artifactUri(file: string): string {
    const slashed = file.split('\\').join('/');
    if (/^[A-Za-z]:\//.test(slashed)) {
        return `file:///${encodeURI(slashed)}`;
    }
    return slashed.startsWith('/') ? `file://${encodeURI(slashed)}` : encodeURI(slashed);
}

function region(start: Position | undefined, end: Position | undefined): object | undefined {
    if (!start) {
        return undefined;
    }
    return {
        startLine: start.line,
        startColumn: start.column,
        ...(end ? { endLine: end.line, endColumn: end.column } : {}),
    };
}

function location(file: string, start?: Position, end?: Position, message?: string): object {
    const where = region(start, end);
    return {
        physicalLocation: { artifactLocation: { uri: artifactUri(file) }, ...(where ? { region: where } : {}) },
        ...(message ? { message: { text: message } } : {}),
    };
}

export function renderSarif(diagnostics: readonly Diagnostic[], manifest: string, stale: readonly StaleFile[] = []): string {
    const entries = catalogEntries();
    const index = new Map<string, number>(entries.map((entry, i) => [entry.code, i]));
    const rules = entries.map((entry) => ({
        id: entry.code,
        name: entry.kind,
        shortDescription: { text: entry.title },
        fullDescription: { text: entry.explanation },
        help: {
            text: `${entry.fix}${entry.guide ? `\n\nRule from: ${entry.guide}` : ''}`,
            markdown: `**Fix:** ${entry.fix}${entry.guide ? `\n\n**Rule from:** ${entry.guide}` : ''}\n\nMore: \`xprc explain ${entry.code}\`.`,
        },
        defaultConfiguration: { level: entry.severity },
        properties: { phase: entry.phase, ...(entry.guide ? { guide: entry.guide } : {}) },
    }));
    const results = [
        ...diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: index.get(d.code),
            level: d.severity,
            message: { text: d.message },
            locations: [location(d.file, d.start, d.end)],
            ...(d.related.length > 0
                ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.file ?? d.file, r.start, undefined, r.message) })) }
                : {}),
            properties: { fix: d.fix, ...(d.pointer !== undefined ? { pointer: d.pointer } : {}), ...(d.guide ? { guide: d.guide } : {}) },
        })),
        ...stale.map((file) => ({
            ruleId: CATALOG.OutputStale.code,
            ruleIndex: index.get(CATALOG.OutputStale.code),
            level: CATALOG.OutputStale.severity,
            message: { text: fillTemplate(CATALOG.OutputStale.message, { path: file.path, state: file.state }) },
            locations: [location(file.manifest ?? manifest)],
            properties: { path: file.path, state: file.state },
        })),
    ];
    const log = {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'xprc', version: VERSION, informationUri: 'https://xprc.dev/', rules } },
                columnKind: 'utf16CodeUnits',
                results,
            },
        ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
