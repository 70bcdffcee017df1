/**
 * Manifest text on its way into a diagnostic, `explain` or `diff` output:
 * characters that could move the cursor, clear the terminal, start a new
 * (forged) line or reorder what is shown become visible `\u001b` escapes,
 * and long values are cut to a short excerpt. The same text goes to a
 * terminal and into JSON, so JSON readers see the escapes too.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, bidi marks, embeddings, overrides and isolates, the BOM. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g;

export const escapeChar = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function escapeUnsafe(text: string): string {
    return text.replace(UNSAFE, escapeChar);
}

export const isUnsafeChar = (ch: string): boolean => {
    UNSAFE.lastIndex = 0;
    return UNSAFE.test(ch);
};

/** Values longer than this are quoted as an excerpt. */
export const MAX_QUOTED = 200;

/** Escaped, and cut to its first MAX_QUOTED characters with the full length said. */
export function quoteExcerpt(text: string): string {
    const cut = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}… (${text.length} characters)` : text;
    return escapeUnsafe(cut);
}
