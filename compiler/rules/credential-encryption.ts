import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

export const credentialEncryption: Rule = {
    name: 'credential-encryption',
    description:
        'A node whose configuration takes a credential has a MOF encryption certificate, unless plain-text credentials are allowed for a lab (then it is a warning).',
    reports: ['CredentialWithoutCertificate', 'PlainTextCredentials'],
    check(site) {
        const out: PendingDiagnostic[] = [];
        const plainTextAllowed = site.site.defaults?.allowPlainTextCredentials === true;
        for (const node of site.nodes) {
            if (node.node.certificate) {
                continue;
            }
            // An undeclared credential is reported by the references rule; saying more about it here is noise.
            for (const name of node.credentials.filter((n) => site.site.credentials?.[n] !== undefined)) {
                out.push(
                    plainTextAllowed
                        ? diag('PlainTextCredentials', { node: node.name, name }, at(`${node.pointer}/name`))
                        : diag('CredentialWithoutCertificate', { node: node.name, name }, at(`${node.pointer}/name`)),
                );
            }
        }
        return out;
    },
};
