/** Shared manifests of the OfficeStatus specs. */

import type { Json } from './harness.js';

export const PRODUCT_CODE_64 = '{9D2E4F61-0A3B-4C5D-8E7F-1A2B3C4D5E6F}';
export const PRODUCT_CODE_86 = '{5B0C27A1-7E43-4B9E-9D0A-2F6C1A8E4D10}';

/** A clean manifest: server OS01 (bundled Express), share on FS01, one group on WS01. */
export const BASE: Json = {
    name: 'lab',
    credentials: {
        Svc: { description: 'OfficeStatus account', userName: 'CONTOSO\\svc-os' },
        Admin: { description: 'OfficeStatus administrator', userName: 'osadmin' },
    },
    nodes: [{ name: 'OS01', os: 'WindowsServer2008R2' }, { name: 'FS01' }, { name: 'WS01', os: 'Windows11' }, { name: 'WS02', os: 'Windows11' }],
    officeStatus: {
        server: {
            node: 'OS01',
            version: '2.0.0.0',
            installer: '\\\\FS01\\Media\\OfficeStatusServerSetup.exe',
            website: { name: 'Default Web Site', hostName: 'status.contoso.local', virtualDirectory: 'OfficeStatus' },
            serviceAccount: { account: { credential: 'Svc' } },
            database: { bundledExpress: true },
            admin: { account: { credential: 'Admin' }, firstName: 'Office', lastName: 'Administrator' },
        },
        distribution: { node: 'FS01', path: 'D:\\Software\\OfficeStatus', share: 'OfficeStatus$', readAccess: ['CONTOSO\\Domain Computers'] },
        clientPackages: {
            msiX64: { file: 'OfficeStatusClient_x64.msi', productCode: PRODUCT_CODE_64 },
            msiX86: { file: 'OfficeStatusClient_x86.msi', productCode: PRODUCT_CODE_86 },
        },
        clientGroups: [{ name: 'hq', package: 'msiX64', version: '2.0.0.0', targets: { nodes: ['WS01'] } }],
    },
};
