import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

/**
 * A web pull server's registration keys (RegistrationKeys.txt) are GUIDs, written with or without
 * dashes. (Azure Automation's keys are 88 base64 characters, which the schema's pattern rejects.)
 */
const KEY_VALUE = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

export const delivery: Rule = {
    name: 'delivery',
    description:
        'Pull delivery names a pull server; its URL should be https; the registration key is given by reference name, never as a key value.',
    reports: ['PullWithoutServer', 'PullServerUnencrypted', 'RegistrationKeyValue'],
    check(site) {
        const settings = site.site.delivery;
        const out: PendingDiagnostic[] = [];
        if (!settings) {
            return out;
        }
        if (settings.mode === 'pull' && !settings.pullServer) {
            out.push(diag('PullWithoutServer', {}, at('/delivery/mode')));
        }
        const server = settings.pullServer;
        if (server) {
            if (/^http:/i.test(server.url)) {
                out.push(diag('PullServerUnencrypted', { url: server.url }, at('/delivery/pullServer/url')));
            }
            if (KEY_VALUE.test(server.registrationKey)) {
                out.push(diag('RegistrationKeyValue', {}, at('/delivery/pullServer/registrationKey')));
            }
        }
        return out;
    },
};
