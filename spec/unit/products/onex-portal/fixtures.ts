/** A valid site with every part of the onexPortal section, for the rule and lowering tests. */

import type { Json } from './harness.js';

export const PRODUCT_CODE = '{8E4B2D6A-3C1F-4A7E-9B5D-2F6C8A1E3D70}';

export const BASE: Json = {
    name: 'lab',
    domain: 'contoso.local',
    credentials: {
        OnexLdap: { description: 'LDAP bind', userName: 'CONTOSO\\svc-ldap' },
        AvayaAdmin: { description: 'Calendar mining', userName: 'CONTOSO\\AvayaAdmin' },
    },
    defaults: { os: 'WindowsServer2012R2' },
    nodes: [
        { name: 'ONEX01', addresses: [{ address: '10.1.0.20', prefixLength: 24 }] },
        { name: 'VMPRO01', addresses: [{ address: '10.1.0.30', prefixLength: 24 }] },
        { name: 'EXCH01', addresses: [{ address: '10.1.5.10', prefixLength: 24 }] },
        { name: 'RDS01' },
    ],
    onexPortal: {
        node: 'ONEX01',
        users: 250,
        memoryGB: 8,
        backupFolder: 'D:\\OnexBackup',
        ipOffices: [
            { name: 'HQ', address: '10.1.0.10', release: '9.1', scn: 'Contoso' },
            { name: 'North', address: '10.2.0.10', release: '9.1', scn: 'Contoso' },
        ],
        ldap: { url: 'ldap://dc01.contoso.local', account: { credential: 'OnexLdap' }, baseDn: 'DC=contoso,DC=local' },
        voicemail: { type: 'voicemailPro', node: 'VMPRO01', installDir: 'D:\\Avaya\\Voicemail Pro' },
        exchange: { node: 'EXCH01', version: '2013', account: { credential: 'AvayaAdmin' } },
        desktopClients: {
            secureMode: 1,
            portNumber: 8063,
            installer: '\\\\fs01\\onex\\AvayaOneXDesktopClients.exe',
            productCode: PRODUCT_CODE,
            managedNodes: ['RDS01'],
        },
    },
};

export const S = '/onexPortal';

export type Section = Json & {
    ipOffices: Json[];
    voicemail: Json;
    exchange: Json;
    desktopClients: Json;
};
