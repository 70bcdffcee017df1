/**
 * `ldap://admin:secret@dc01`: a password inside a URL, in any string of the
 * manifest (runbook text, descriptions, file contents, product settings).
 * A user name alone (`mailto:`-like `user@host`) is not a secret and passes.
 */

import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../frontend/source.js';
import { describePointer } from '../frontend/validate.js';
import type { Rule } from './rule.js';

const URL_WITH_PASSWORD = /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^\s/?#@:]*):([^\s/?#@]*)@([^\s/?#]*)/;

/** The URL with its password replaced, so the diagnostic does not print it either. */
export function findUrlWithPassword(text: string): string | undefined {
    const match = URL_WITH_PASSWORD.exec(text);
    return match ? `${match[1]}${match[2]}:***@${match[4]}` : undefined;
}

function* strings(value: unknown, pointer: string): Generator<{ text: string; pointer: string }> {
    if (typeof value === 'string') {
        yield { text: value, pointer };
    } else if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) yield* strings(item, `${pointer}/${i}`);
    } else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) yield* strings(item, joinPointer(pointer, key));
    }
}

export const urlCredentials: Rule = {
    name: 'url-credentials',
    description: 'No string of the manifest holds a URL with a password in it (scheme://user:password@host).',
    reports: ['UrlWithCredentials'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        for (const { text, pointer } of strings(site.site, '')) {
            const url = findUrlWithPassword(text);
            if (url !== undefined) out.push(diag('UrlWithCredentials', { what: describePointer(pointer), url }, at(pointer)));
        }
        return out;
    },
};
