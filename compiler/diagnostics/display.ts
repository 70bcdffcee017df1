/**
 * Manifest text on its way into a diagnostic, `explain` or `diff` output:
 * characters that could move the cursor, clear the terminal, start a new
 * (forged) line or reorder what is shown become visible `\u001b` escapes,
 * and long values are cut to a short excerpt. The same text goes to a
 * terminal and into JSON, so JSON readers see the escapes too.
 */

/**
 * C0 and C1 controls, DEL, line and paragraph separators, bidi marks,
 * embeddings, overrides and isolates, zero-width and other invisible format
 * characters, the BOM and lone surrogates: the set diff/display.ts escapes
 * for `diff` and `explain`, so every output escapes the same characters.
 */
const UNSAFE =
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const escapeChar = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function escapeUnsafe(text: string): string {
    return text.replace(UNSAFE, escapeChar);
}

// eslint-disable-next-line no-control-regex
const UNSAFE_ONE = /^[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]$/;

/** One character of decoded text (which holds no lone surrogates) that escapeUnsafe would escape. */
export const isUnsafeChar = (ch: string): boolean => UNSAFE_ONE.test(ch);

/** Values longer than this are quoted as an excerpt. */
export const MAX_QUOTED = 200;

/** Escaped, and cut to its first MAX_QUOTED characters with the full length said. */
export function quoteExcerpt(text: string): string {
    const cut = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}… (${text.length} characters)` : text;
    return escapeUnsafe(cut);
}

/**
 * JSON text from JSON.stringify, with what it leaves raw inside strings
 * escaped too (C1 controls, DEL, separators, bidi and format characters);
 * C0 controls it escapes itself, and the newlines between lines are kept.
 */
export function escapeJsonText(json: string): string {
    return json.replace(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, escapeChar);
}
