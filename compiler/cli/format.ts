/**
 * Diagnostics for people (tsc style, with the source line and a caret) and
 * for machines (--format json).
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../frontend/source.js';

export interface Style {
    readonly red: (s: string) => string;
    readonly green: (s: string) => string;
    readonly yellow: (s: string) => string;
    readonly cyan: (s: string) => string;
    readonly grey: (s: string) => string;
    readonly bold: (s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOURS: Style = { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), grey: wrap(90, 39), bold: wrap(1, 22) };
export const PLAIN: Style = { red: (s) => s, green: (s) => s, yellow: (s) => s, cyan: (s) => s, grey: (s) => s, bold: (s) => s };

/** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function chooseStyle(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Style {
    return stream.isTTY === true && !env['NO_COLOR'] ? COLOURS : PLAIN;
}

export function formatDiagnostic(d: Diagnostic, source: SourceText | undefined, style: Style): string {
    const location = d.start ? `${d.file}:${d.start.line}:${d.start.column}` : d.file;
    const severity = d.severity === 'error' ? style.red('error') : style.yellow('warning');
    const lines = [`${style.cyan(location)} - ${severity} ${style.grey(d.code)}: ${d.message}`];
    if (d.start && source) {
        const text = source.lineText(d.start.line).replace(/\t/g, ' ');
        const gutter = String(d.start.line);
        const width =
            d.end && d.end.line === d.start.line ? Math.max(1, d.end.column - d.start.column) : Math.max(1, text.length - d.start.column + 1);
        lines.push('');
        lines.push(`${style.grey(gutter)} ${text}`);
        lines.push(`${' '.repeat(gutter.length)} ${' '.repeat(d.start.column - 1)}${style.red('~'.repeat(Math.min(width, 120)))}`);
    }
    lines.push(`  ${style.bold('fix:')} ${d.fix}`);
    if (d.guide) {
        lines.push(`  ${style.bold('rule:')} ${d.guide}`);
    }
    for (const related of d.related) {
        const where = related.start ? `${d.file}:${related.start.line}:${related.start.column}` : `${d.file}#${related.pointer}`;
        lines.push(`  ${style.cyan(where)} - ${related.message}`);
    }
    return lines.join('\n');
}

export function formatDiagnostics(list: readonly Diagnostic[], source: SourceText | undefined, style: Style): string {
    if (list.length === 0) {
        return '';
    }
    const errors = list.filter((d) => d.severity === 'error').length;
    const warnings = list.length - errors;
    const summary = [
        errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
        warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
    ]
        .filter(Boolean)
        .join(' and ');
    return `${list.map((d) => formatDiagnostic(d, source, style)).join('\n\n')}\n\nFound ${summary}.\n`;
}

/** `--format json` documents are versioned like the diff's (docs/diagnostics-json.md): fields are only added within a version. */
export const DIAGNOSTICS_SCHEMA = 'xprc-diagnostics';
export const DIAGNOSTICS_SCHEMA_VERSION = 1;
/** `build --check --format json`: the diagnostics document plus the comparison, under its own schema name. */
export const CHECK_SCHEMA = 'xprc-check';

export function diagnosticsJson(list: readonly Diagnostic[]): object {
    return {
        schema: DIAGNOSTICS_SCHEMA,
        version: DIAGNOSTICS_SCHEMA_VERSION,
        diagnostics: list.map((d) => ({
            file: d.file,
            line: d.start?.line,
            column: d.start?.column,
            endLine: d.end?.line,
            endColumn: d.end?.column,
            severity: d.severity,
            code: d.code,
            message: d.message,
            fix: d.fix,
            ...(d.guide ? { guide: d.guide } : {}),
            pointer: d.pointer,
            related: d.related,
        })),
        errors: list.filter((d) => d.severity === 'error').length,
        warnings: list.filter((d) => d.severity === 'warning').length,
    };
}
