import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

/** NetBIOS computer names: 15 characters (the 16th byte is the service suffix). */
export const MAX_NODE_NAME_LENGTH = 15;

export const nodeNames: Rule = {
    name: 'node-names',
    description:
        'Node names are valid computer names (letters, digits, hyphens; not only digits; at most 15 characters) and unique regardless of case.',
    reports: ['DuplicateNodeName', 'NodeNameTooLong', 'InvalidNodeName'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        const seen = new Map<string, number>();
        for (const [index, node] of site.site.nodes.entries()) {
            const name = node.name;
            const where = at(`/nodes/${index}/name`);
            const reason = invalidNameReason(name);
            // Control characters would garble the terminal; show them as \uXXXX.
            const shown = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
            if (reason) {
                out.push(diag('InvalidNodeName', { name: shown, reason }, where));
            } else if (name.length > MAX_NODE_NAME_LENGTH) {
                out.push(diag('NodeNameTooLong', { name: shown, length: name.length }, where));
            }
            const key = name.toUpperCase();
            const other = seen.get(key);
            if (other === undefined) {
                seen.set(key, index);
            } else {
                out.push(
                    diag('DuplicateNodeName', { name: shown, other }, where, [
                        { message: `nodes[${other}] is named "${site.site.nodes[other]?.name}".`, pointer: `/nodes/${other}/name` },
                    ]),
                );
            }
        }
        return out;
    },
};

/** CON, PRN, AUX, NUL, COM1–9, LPT1–9: the node's output folder could not be created on Windows. */
const DOS_DEVICE_NAMES = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])$/i;

/** Also used for the site name, which names the output folder. */
export const isDosDeviceName = (name: string): boolean => DOS_DEVICE_NAMES.test(name);

/** Names Microsoft's naming conventions reserve for computers (well-known principals). */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
    'ANONYMOUS', 'AUTHENTICATED USER', 'BATCH', 'BUILTIN', 'CREATOR GROUP', 'CREATOR GROUP SERVER', 'CREATOR OWNER',
    'CREATOR OWNER SERVER', 'DIALUP', 'DIGEST AUTH', 'INTERACTIVE', 'INTERNET', 'LOCAL', 'LOCAL SYSTEM', 'NETWORK',
    'NETWORK SERVICE', 'NT AUTHORITY', 'NT DOMAIN', 'NTLM AUTH', 'NULL', 'PROXY', 'REMOTE INTERACTIVE', 'RESTRICTED',
    'SCHANNEL AUTH', 'SELF', 'SERVER', 'SERVICE', 'SYSTEM', 'TERMINAL SERVER', 'THIS ORGANIZATION', 'USERS', 'WORLD',
]);

/** Why a name is not a valid computer name, or undefined when it is. */
export function invalidNameReason(name: string): string | undefined {
    if (name.length === 0) {
        return 'it is empty';
    }
    const bad = [...name].find((ch) => !/[A-Za-z0-9-]/.test(ch));
    if (bad !== undefined) {
        const shown = /[\u0000-\u001f\u007f]/.test(bad) ? `U+${bad.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}` : `"${bad}"`;
        return `it contains ${shown}`;
    }
    if (name.startsWith('-') || name.endsWith('-')) {
        return 'it starts or ends with a hyphen';
    }
    if (/^[0-9]+$/.test(name)) {
        return 'it consists of digits only';
    }
    if (DOS_DEVICE_NAMES.test(name)) {
        return 'it is a reserved device name, which Windows cannot use as a folder or file name';
    }
    if (RESERVED_WORDS.has(name.toUpperCase())) {
        return 'it is a name Windows reserves for a built-in security principal';
    }
    return undefined;
}
