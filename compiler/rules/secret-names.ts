/**
 * Names that say "secret": a registry value called DefaultPassword or
 * ClientSecret, or an installer argument ADMINPASSWORD=…, carries a secret
 * whose data would land in plain text in the .ps1, the .reg file and the
 * runbook. The check reads names, never data (a secret typed into free text
 * is not caught; docs/security.md says so).
 *
 * Names are split into words (camelCase, digits, `_`, `-`, `.`, spaces) so
 * that a secret word is matched as a word: `Passport` or `Tokenizer` are not
 * secrets. A name is a secret when a secret word is its last word, or is
 * followed only by words that still describe the secret itself (Hash, Value,
 * Encrypted, …). Words that make it a policy about secrets (PasswordLength,
 * MaximumPasswordAge, PwdExpiry, TokenLifetime, DisablePasswordChange) are
 * not secrets, and neither are flags that start with a policy verb
 * (RequireStrongPassword, DisablePassword).
 */

import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { allBaselines, type Rule } from './rule.js';

/** Whole words (lower case) that name a secret; two-word forms are matched joined. */
const SECRET_WORDS: ReadonlySet<string> = new Set([
    'password', 'passwd', 'pwd', 'passphrase', 'secret', 'clientsecret', 'token', 'apikey', 'privatekey', 'sharedkey', 'accesskey', 'pin',
]);

/** Words after a secret word that still mean the secret's data. */
const STILL_SECRET: ReadonlySet<string> = new Set(['hash', 'value', 'data', 'encrypted', 'plain', 'text', 'string', 'str', 'b64', 'base64', 'enc']);

/** First words that make the name a policy switch rather than the secret itself. */
const POLICY_VERBS: ReadonlySet<string> = new Set(['require', 'requires', 'disable', 'enable', 'allow', 'deny', 'use', 'no', 'force', 'prompt', 'clear', 'check', 'min', 'max', 'minimum', 'maximum']);

/** Split `DefaultPassword`, `client_secret`, `API-Key2` into lower-case words. */
export function nameWords(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .split(/[^A-Za-z]+/)
        .filter(Boolean)
        .map((w) => w.toLowerCase());
}

/** Secret words matched at the end of a run of capitals (MSI properties: ADMINPASSWORD, SQLPWD). */
const CAPITALS_SUFFIXES = ['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'apikey'];

/** The secret word a name ends with, or undefined when the name is not a secret's. */
export function secretWord(name: string): string | undefined {
    const words = nameWords(name);
    if (words.length === 1 && !/[a-z]/.test(name)) {
        const suffix = CAPITALS_SUFFIXES.find((w) => (words[0] as string).endsWith(w));
        if (suffix !== undefined && !SECRET_WORDS.has(words[0] as string)) return suffix;
    }
    for (let i = words.length - 1; i >= 0; i--) {
        const word = words[i] as string;
        // Two-word secrets (api key, client secret, private key) are matched joined.
        const pair = i > 0 ? `${words[i - 1]}${word}` : '';
        const hit = SECRET_WORDS.has(pair) ? pair : SECRET_WORDS.has(word) ? word : undefined;
        if (hit === undefined) continue;
        const after = words.slice(i + 1);
        if (!after.every((w) => STILL_SECRET.has(w))) return undefined;
        const first = pair === hit ? i - 1 : i;
        if (first > 0 && POLICY_VERBS.has(words[0] as string)) return undefined;
        return hit;
    }
    return undefined;
}

/** `NAME=value` and `/NAME:value` pairs of an installer command line. */
const ARGUMENT_NAMES = /(?:^|\s)[/-]?([A-Za-z_][A-Za-z0-9_.-]*)[=:]/g;

export const secretNames: Rule = {
    name: 'secret-names',
    description:
        'Registry values and installer arguments named like a secret (password, pwd, secret, token, api key, …) are refused: their data would be written in plain text; the secret is set on the host, not in the manifest.',
    reports: ['SecretName'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        for (const { baseline, pointer } of allBaselines(site)) {
            (baseline.registry ?? []).forEach((item, i) => {
                const name = item.name ?? '';
                const word = item.ensure === 'Absent' ? undefined : secretWord(name);
                if (word !== undefined) {
                    out.push(diag('SecretName', { what: 'Registry value', name, word }, at(`${pointer}/registry/${i}/name`)));
                }
            });
            (baseline.packages ?? []).forEach((item, i) => {
                for (const match of (item.arguments ?? '').matchAll(ARGUMENT_NAMES)) {
                    const name = match[1] as string;
                    const word = secretWord(name);
                    if (word !== undefined) {
                        out.push(diag('SecretName', { what: 'Installer argument', name, word }, at(`${pointer}/packages/${i}/arguments`)));
                    }
                }
            });
        }
        return out;
    },
};
