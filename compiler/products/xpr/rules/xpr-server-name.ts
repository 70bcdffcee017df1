import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { DOUBTFUL_SERVER_NAME_CHARACTER, RESERVED_LINE_NAMES, RSL_MAX_SERVER_NAME, SERVER_NAME_CHARACTER } from '../data.js';

/** "Specifying the Server Name" (Cluster Installation guide §4.3.5); the name cannot be changed after setup. */
export const xprServerName: Rule = {
    name: 'xpr-server-name',
    description:
        'The XPR server name has no blanks, special characters or umlauts, is not a logical line name, has at most 11 characters with Remote System Link, whose encryption is KRYPT.',
    reports: ['XprServerNameCharacters', 'XprServerNameSpecial', 'XprServerNameReserved', 'XprServerNameTooLong', 'XprRemoteSystemLinkEncryption'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const name = xpr.serverName;
        const where = at('/xpr/serverName');
        const bad = [...name].find((ch) => !SERVER_NAME_CHARACTER.test(ch) && !DOUBTFUL_SERVER_NAME_CHARACTER.test(ch));
        if (bad !== undefined) {
            out.push(diag('XprServerNameCharacters', { name: shown(name), character: describe(bad) }, where));
        }
        // The guide's list ends in "…" and the name is final: warn about what a computer name allows but the list may include.
        const doubtful = [...name].find((ch) => DOUBTFUL_SERVER_NAME_CHARACTER.test(ch));
        if (doubtful !== undefined && bad === undefined) {
            out.push(diag('XprServerNameSpecial', { name: shown(name), character: describe(doubtful) }, where));
        }
        const line = RESERVED_LINE_NAMES.find((reserved) => reserved.toUpperCase() === name.toUpperCase());
        if (line !== undefined) {
            out.push(diag('XprServerNameReserved', { name, line }, where));
        }
        const link = xpr.remoteSystemLink;
        if (link?.enabled === true) {
            const length = [...name].length;
            if (length > RSL_MAX_SERVER_NAME) {
                out.push(diag('XprServerNameTooLong', { name: shown(name), length }, where));
            }
            if (link.encryption === 'Crypt_Sec') {
                out.push(diag('XprRemoteSystemLinkEncryption', {}, at('/xpr/remoteSystemLink/encryption')));
            }
        }
        return out;
    },
};

function describe(ch: string): string {
    if (/\s/.test(ch)) {
        return ch === ' ' ? 'a blank' : `the white space U+${hex(ch)}`;
    }
    if (/[\u0000-\u001f\u007f-\u009f]/.test(ch)) {
        return `U+${hex(ch)}`;
    }
    return `"${ch}"`;
}

function hex(ch: string): string {
    return (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/** Control characters would garble the terminal; show them as \uXXXX. */
function shown(name: string): string {
    return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${hex(ch).toLowerCase()}`);
}
