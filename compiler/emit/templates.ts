/**
 * Handlebars set-up. Templates only lay out text: every value reaches them
 * through one of the quoting helpers registered here, which call the
 * TypeScript quoting functions (emit/ps/quote.ts, emit/markdown.ts).
 *
 * `noEscape` because HTML escaping would corrupt PowerShell (`'`, `&`, `<`),
 * `strict` so that a missing field is an exception instead of empty text.
 */

import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PsValue } from '../dsc/block.js';
import { TEMPLATE_DIR } from '../paths.js';
import { psBlockCommentText, psComment, psString, psValue } from './ps/quote.js';
import { mdAnchor, mdBlock, mdCode, mdLink, mdText } from './markdown.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function identifier(value: unknown): string {
    const text = String(value);
    if (!IDENTIFIER.test(text)) {
        throw new Error(`Internal error: "${text}" is not a PowerShell identifier`);
    }
    return text;
}

const env = Handlebars.create();
env.registerHelper({
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
});

const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Render templates/<name> with the context; the result has LF line endings. */
export function render(name: string, context: object): string {
    let template = cache.get(name);
    if (!template) {
        template = env.compile(readFileSync(join(TEMPLATE_DIR, name), 'utf8'), { noEscape: true, strict: true });
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
