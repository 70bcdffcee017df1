/**
 * Text that is safe inside a one-line comment of any generated file
 * (PowerShell `#`/`<# #>`, .reg `;`): shared by the PowerShell and .reg
 * quoting so both neutralise the same characters.
 */

/** Lone (unpaired) surrogates: not encodable in UTF-8 or shown as anything. */
export const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
/** Bidirectional controls ("Trojan Source", CVE-2021-42574) and the BOM: make shown text differ from read text. */
export const INVISIBLE_FORMAT = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF';

/**
 * Line terminators for comment purposes: CRLF, CR, LF (PowerShell's
 * new-line-character) plus NEL, LS, PS (line breaks for Unicode-aware
 * editors and viewers), also VT and FF (line breaks for some viewers).
 */
const LINE_TERMINATOR_G = /\r\n|[\r\n\u000B\u000C\u0085\u2028\u2029]/g;
/** Other invisible or display-altering code units (controls but TAB, bidi, lone surrogates). */
const COMMENT_UNSAFE_G = new RegExp(`[\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u009F${INVISIBLE_FORMAT}]|${LONE_SURROGATE}`, 'g');

/** Line breaks become `lineBreak`; other unsafe code units become U+FFFD. */
export function commentText(text: string, lineBreak: string): string {
    return text.replace(LINE_TERMINATOR_G, lineBreak).replace(COMMENT_UNSAFE_G, '\uFFFD');
}
