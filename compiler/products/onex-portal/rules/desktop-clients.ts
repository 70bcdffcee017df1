import { at as where, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { CLIENT_HTTP_PORT, CLIENT_HTTPS_PORT } from '../data.js';
import { at } from '../model.js';

export const onexDesktopClients: Rule = {
    name: 'onex-portal-desktop-clients',
    description:
        'The desktop clients\' PORT_NUMBER fits their SECUREMODE (8063 for HTTPS, 8069 for HTTP, an inference from §2.5), and Group Policy publishes to users only.',
    reports: ['OnexClientPort', 'OnexGpoPublishPerMachine'],
    check({ site }) {
        const clients = site.onexPortal?.desktopClients;
        if (!clients) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const secureMode = clients.secureMode ?? 0;
        // The guide does not tie SECUREMODE to PORT_NUMBER; §2.5 gives the clients' HTTPS and HTTP ports.
        const expected = secureMode === 1 ? CLIENT_HTTPS_PORT : CLIENT_HTTP_PORT;
        if (clients.portNumber !== undefined && clients.portNumber !== expected) {
            out.push(
                diag(
                    'OnexClientPort',
                    { port: clients.portNumber, secureMode, scheme: secureMode === 1 ? 'HTTPS' : 'HTTP', expected },
                    where(at('desktopClients', 'portNumber')),
                ),
            );
        }
        // Windows offers published packages under User Configuration only (the §4.4 steps say Computer Configuration).
        if (clients.gpo?.deployment === 'publish' && (clients.gpo.scope ?? 'computer') === 'computer') {
            const pointer = clients.gpo.scope !== undefined ? at('desktopClients', 'gpo', 'scope') : at('desktopClients', 'gpo', 'deployment');
            out.push(diag('OnexGpoPublishPerMachine', {}, where(pointer)));
        }
        return out;
    },
};
