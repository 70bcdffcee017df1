/**
 * Diagnostics for people (tsc style, with the source line and a caret) and
 * for machines (--format json).
 */

import { styleText } from 'node:util';
import type { DiagnosticKind } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeChar, isUnsafeChar } from '../diagnostics/display.js';
import type { SourceText } from '../frontend/source.js';
import { Sources } from '../frontend/sources.js';

export interface Style {
    readonly red: (s: string) => string;
    readonly green: (s: string) => string;
    readonly yellow: (s: string) => string;
    readonly cyan: (s: string) => string;
    readonly grey: (s: string) => string;
    readonly bold: (s: string) => string;
}

/**
 * The SGR codes come from `node:util.styleText` (Node ≥ 20.12), which knows
 * each style's own reset (bold ends with 22, a colour with 39) so nested
 * styles stay correct. Whether to colour is decided here, for the stream of
 * the Io seam and its environment (chooseStyle), so styleText must not
 * second-guess it against process.stdout: `validateStream: false`.
 */
const styled = (format: 'red' | 'green' | 'yellow' | 'cyan' | 'gray' | 'bold') => (s: string) => styleText(format, s, { validateStream: false });

export const COLOURS: Style = { red: styled('red'), green: styled('green'), yellow: styled('yellow'), cyan: styled('cyan'), grey: styled('gray'), bold: styled('bold') };
export const PLAIN: Style = { red: (s) => s, green: (s) => s, yellow: (s) => s, cyan: (s) => s, grey: (s) => s, bold: (s) => s };

/**
 * Colour on a terminal, with the conventions of Node and most CLIs:
 * FORCE_COLOR decides when it is set (`0` or `false` turns colour off,
 * anything else on, also into a pipe or a CI log); otherwise NO_COLOR
 * (no-color.org, any non-empty value) and TERM=dumb turn it off, and only a
 * TTY gets colour.
 */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
    const force = env['FORCE_COLOR'];
    if (force !== undefined) {
        return !['0', 'false'].includes(force.trim().toLowerCase());
    }
    if (env['NO_COLOR'] || env['TERM'] === 'dumb') {
        return false;
    }
    return stream.isTTY === true;
}

export function chooseStyle(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Style {
    return colourWanted(stream, env) ? COLOURS : PLAIN;
}

export function formatDiagnostic(d: Diagnostic, sources: SourceText | Sources | undefined, style: Style): string {
    // A diagnostic in an included file shows that file's line.
    const source = sources instanceof Sources ? sources.sourceOf(d.file) : sources;
    const location = d.start ? `${d.file}:${d.start.line}:${d.start.column}` : d.file;
    const severity = d.severity === 'error' ? style.red('error') : style.yellow('warning');
    const lines = [`${style.cyan(location)} - ${severity} ${style.grey(d.code)}: ${d.message}`];
    if (d.start && source && WITHHELD.has(d.kind)) {
        lines.push('', `${style.grey(String(d.start.line))} (line not shown: it may hold a secret)`);
    } else if (d.start && source) {
        const excerpt = excerptOf(source.lineText(d.start.line), d.start.column, d.end && d.end.line === d.start.line ? d.end.column : undefined);
        const gutter = String(d.start.line);
        lines.push('');
        lines.push(`${style.grey(gutter)} ${excerpt.text}`);
        lines.push(`${' '.repeat(gutter.length)} ${' '.repeat(excerpt.caret)}${style.red('~'.repeat(excerpt.width))}`);
    }
    lines.push(`  ${style.bold('fix:')} ${d.fix}`);
    if (d.guide) {
        lines.push(`  ${style.bold('rule:')} ${d.guide}`);
    }
    for (const related of d.related) {
        const file = related.file ?? d.file;
        const where = related.start ? `${file}:${related.start.line}:${related.start.column}` : `${file}#${related.pointer}`;
        lines.push(`  ${style.cyan(where)} - ${related.message}`);
    }
    return lines.join('\n');
}

/** Diagnostics about secrets do not echo the line they point at: CI logs keep what is printed. */
const WITHHELD: ReadonlySet<DiagnosticKind> = new Set<DiagnosticKind>(['PasswordInManifest', 'SecretName', 'UrlWithCredentials', 'CredentialValueWithheld']);

/** Lines up to this long are shown whole; longer ones (a 50 MB one-line manifest) as EXCERPT characters around the position. */
const WHOLE_LINE = 200;
const EXCERPT = 120;

/**
 * The source line around 1-based `column`: at most EXCERPT characters, tabs as
 * spaces, unsafe characters escaped, and where the caret goes in what is shown.
 */
export function excerptOf(line: string, column: number, endColumn?: number): { text: string; caret: number; width: number } {
    const startIndex = Math.max(0, column - 1);
    const from = line.length <= WHOLE_LINE ? 0 : Math.max(0, Math.min(startIndex - 20, line.length - EXCERPT));
    const to = line.length <= WHOLE_LINE ? line.length : Math.min(line.length, from + EXCERPT);
    let text = from > 0 ? '…' : '';
    let caret = 0;
    let width = 0;
    for (let i = from; i < to; i++) {
        const ch = line[i] as string;
        const shown = ch === '\t' ? ' ' : isUnsafeChar(ch) ? escapeChar(ch) : ch;
        if (i === startIndex) caret = text.length;
        if (i >= startIndex && i < (endColumn ?? line.length + 1) - 1) width += shown.length;
        text += shown;
    }
    if (startIndex >= to) caret = text.length;
    if (to < line.length) text += '…';
    return { text, caret, width: Math.max(1, Math.min(width, 120)) };
}

export function formatDiagnostics(list: readonly Diagnostic[], source: SourceText | Sources | undefined, style: Style): string {
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
