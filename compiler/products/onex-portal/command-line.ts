/** The desktop clients' silent command line of §4.7, with the manifest's values. */

import { CHANGE_ARP_FEATURE, CLIENT_FEATURES, CLIENT_SETUP } from './data.js';
import type { Settings } from './model.js';

/**
 * Everything after `AvayaOneXDesktopClients.exe`, exactly in §4.7's form:
 * `/s /v"/qn SECUREMODE=… PORT_NUMBER=… ONEX_PORTAL_SERVER=… ADDLOCAL=…,ChangeARP"`,
 * single spaces, none around `=`, PORT_NUMBER and ONEX_PORTAL_SERVER left
 * out when they have no value, ADDLOCAL left out for both clients. The
 * schema keeps every value free of spaces and quotes.
 */
export function clientArguments(s: Settings): string {
    const c = s.clients!;
    const properties = [
        `SECUREMODE=${c.secureModeValue}`,
        ...(c.portNumber !== undefined ? [`PORT_NUMBER=${c.portNumber}`] : []),
        ...(c.portalServer !== undefined ? [`ONEX_PORTAL_SERVER=${c.portalServer}`] : []),
        ...(c.clientList.length === 1 ? [`ADDLOCAL=${CLIENT_FEATURES[c.clientList[0]!]},${CHANGE_ARP_FEATURE}`] : []),
    ];
    return `/s /v"/qn ${properties.join(' ')}"`;
}

export function clientCommandLine(s: Settings): string {
    return `${CLIENT_SETUP} ${clientArguments(s)}`;
}
