/**
 * Handlebars set-up. Templates only lay out text: every value reaches them
 * through one of the quoting helpers registered here, which call the
 * TypeScript quoting functions (emit/ps/quote.ts, emit/markdown.ts).
 *
 * `noEscape` because HTML escaping would corrupt PowerShell (`'`, `&`, `<`),
 * `strict` so that a missing field is an exception instead of empty text.
 *
 * Compiling the templates took about a quarter of a one-node build's
 * start-up, so `npm run build` precompiles them (scripts/build-templates.ts)
 * into dist/emit/templates.precompiled.cjs, each with the SHA-256 of its
 * source. A template is taken from there only when its source still has
 * that hash; otherwise (running from sources, or a template edited after
 * the build) it is compiled now with the full Handlebars, which is only
 * loaded then. Both paths use TEMPLATE_OPTIONS and the same helpers.
 */

import type Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PsValue } from '../dsc/block.js';
import { TEMPLATE_DIR } from '../paths.js';
import { psBlockCommentText, psComment, psString, psValue } from './ps/quote.js';
import { mdAnchor, mdBlock, mdCellCode, mdCode, mdLink, mdText } from './markdown.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function identifier(value: unknown): string {
    const text = String(value);
    if (!IDENTIFIER.test(text)) {
        throw new Error(`Internal error: "${text}" is not a PowerShell identifier`);
    }
    return text;
}

export const TEMPLATE_OPTIONS = { noEscape: true, strict: true } as const;

type Env = ReturnType<typeof Handlebars.create>;

function withHelpers<E extends Env>(env: E): E {
    env.registerHelper(HELPERS);
    return env;
}

const HELPERS: Handlebars.HelperDeclareSpec = {
    /** A single-quoted (or, for control characters, escaped double-quoted) PowerShell string. */
    'ps-string': (value: unknown) => psString(String(value)),
    /** Any typed DSC property value. */
    'ps-value': (value: PsValue, indent: unknown) => psValue(value, typeof indent === 'number' ? indent : 0),
    /** A quoted hashtable key padded so that the `=` signs line up. */
    'ps-string-align': (value: unknown, width: unknown) => psString(String(value)).padEnd(Number(width)),
    /** A resource keyword or configuration name: must already be an identifier. */
    'ps-name': (value: unknown) => identifier(value),
    /** `$Name` for a parameter. */
    'ps-variable': (value: unknown) => `$${identifier(value)}`,
    /** A `# …` line comment that no text can end early. */
    'ps-comment': (value: unknown) => psComment(String(value)),
    /** Text inside `<# … #>`. */
    'ps-block-comment': (value: unknown) => psBlockCommentText(String(value)),
    /** Pads a property name so that the `=` signs of a block line up. */
    'ps-align': (name: unknown, width: unknown) => identifier(name).padEnd(Number(width)),
    'md-text': (value: unknown) => mdText(String(value)),
    'md-code': (value: unknown) => mdCode(String(value)),
    /** Code in a table cell (a `|` inside is escaped for the table). */
    'md-cell-code': (value: unknown) => mdCellCode(String(value)),
    'md-block': (value: unknown) => mdBlock(String(value)),
    'md-anchor': (value: unknown) => mdAnchor(String(value)),
    'md-link': (text: unknown, target: unknown) => mdLink(String(text), String(target)),
    /** An integer (list numbering). */
    'int': (value: unknown) => {
        if (!Number.isInteger(value)) {
            throw new Error(`Internal error: ${String(value)} is not an integer`);
        }
        return String(value);
    },
    'plus-one': (value: unknown) => String(Number(value) + 1),
    /**
     * Lines of PowerShell that a TS builder wrote (every manifest value in
     * them already quoted), indented; empty lines stay empty.
     */
    'ps-lines': (lines: unknown, indent: unknown) => {
        if (!Array.isArray(lines) || !lines.every((line) => typeof line === 'string' && !/[\r\n]/.test(line))) {
            throw new Error('Internal error: ps-lines takes an array of single lines');
        }
        const pad = ' '.repeat(Number(indent));
        return lines.map((line: string) => (line === '' ? '' : pad + line)).join('\n');
    },
};

/** What scripts/build-templates.ts writes per template. */
export interface PrecompiledTemplate {
    readonly sha256: string;
    readonly spec: object;
}

export function templateHash(source: string): string {
    return createHash('sha256').update(source).digest('hex');
}

const require = createRequire(import.meta.url);
// The runtime's typings are empty; it is the full Handlebars without its compiler.
const runtimeEnv = withHelpers((require('handlebars/runtime') as typeof Handlebars).create());
let fullEnv: Env | undefined;
let precompiled: Readonly<Record<string, PrecompiledTemplate>> | undefined;

function precompiledTemplates(): Readonly<Record<string, PrecompiledTemplate>> {
    if (!precompiled) {
        const file = new URL('./templates.precompiled.cjs', import.meta.url);
        precompiled = existsSync(file) ? (require(file.pathname) as Record<string, PrecompiledTemplate>) : {};
    }
    return precompiled;
}

/** The template for a source: precompiled when the build saw this very source, else compiled now. */
export function templateFor(
    name: string,
    source: string,
    table: Readonly<Record<string, PrecompiledTemplate>> = precompiledTemplates(),
): (context: object) => string {
    const built = table[name];
    if (built && built.sha256 === templateHash(source)) {
        return runtimeEnv.template(built.spec as Parameters<Env['template']>[0]) as (context: object) => string;
    }
    fullEnv ??= withHelpers((require('handlebars') as typeof Handlebars).create());
    return fullEnv.compile(source, TEMPLATE_OPTIONS);
}

const cache = new Map<string, (context: object) => string>();

/** Render templates/<name> with the context; the result has LF line endings. */
export function render(name: string, context: object): string {
    let template = cache.get(name);
    if (!template) {
        template = templateFor(name, readFileSync(join(TEMPLATE_DIR, name), 'utf8'));
        cache.set(name, template);
    }
    return template(context);
}

/** Windows-side files use CRLF (DSC community style); templates are stored with LF. */
export function toCrlf(text: string): string {
    // split/join is several times faster than a regex on large outputs; the
    // regex is only needed when the text already holds a CR.
    return text.includes('\r') ? text.replace(/\r?\n/g, '\r\n') : text.split('\n').join('\r\n');
}
