/** Shared manifests of the OX Updater specs. */

import type { Json } from '../officestatus/harness.js';

/**
 * A clean manifest: one Group Policy group on Windows 7 (the nodes run
 * Windows 10, which the guide does not list: a warning of its own once a
 * group targets them).
 */
export const BASE: Json = {
    name: 'lab',
    nodes: [{ name: 'FS01' }, { name: 'WS11', os: 'Windows10' }, { name: 'WS12', os: 'Windows10' }],
    oxUpdater: {
        runbookNode: 'FS01',
        server: { url: 'https://ox.contoso.com/', version: '7.8.4' },
        oxtender: { connector: 'connector2', version: '7.2.6' },
        updaterPackage: { name: 'OX Updater', path: '\\\\FS01\\Software\\OX\\OXUpdater.msi', productCode: '{3F2E1D0C-4B5A-4968-8776-A5B4C3D2E1F0}' },
        clientGroups: [{ name: 'sales', outlook: '2010', operatingSystems: ['Windows7'], plugins: ['mailFilter'], install: 'package', targets: { gpo: { name: 'OX Updater' } } }],
    },
};
