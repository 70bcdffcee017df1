/**
 * OfficeStatus rules (compiler/products/officestatus/rules/), one table per
 * rule: failing manifests with every diagnostic they produce (code,
 * line:column, pointer, message), and passing variants that stay clean.
 */

import { officeStatus } from '../../../../compiler/products/officestatus/index.js';
import { BASE, PRODUCT_CODE_86 } from './fixtures.js';
import { describeRules, variant, type Json, type RuleCases } from './harness.js';

type Section = {
    server: Json & { website: Json; database: Json; serviceAccount: Json; admin: Json };
    distribution: Json;
    clientPackages: Json;
    clientGroups: Json[];
};

/** BASE with its officeStatus section (and the rest of the site) edited. */
function os(edit: (section: Section, site: Json) => void): Json {
    return variant(BASE, (site) => edit(site['officeStatus'] as Section, site));
}

function nodeOs(site: Json, name: string, value: string): void {
    const node = (site['nodes'] as Json[]).find((n) => n['name'] === name);
    if (node) node['os'] = value;
}

const GPO_GROUP: Json = {
    name: 'branches',
    package: 'msiX86',
    version: '2.0.0.0',
    operatingSystems: ['Windows7'],
    targets: { gpo: { name: 'OfficeStatus Client', linkedTo: 'OU=Branches,DC=contoso,DC=local' } },
    dotNetPreinstalled: true,
};

const EXISTING_DB: Json = { server: 'SQL01', instanceName: 'OFFICESTATUS', engine: { version: '2008', edition: 'Standard' }, setupAuthentication: 'windows' };

const S = '/officeStatus';

const CASES: Readonly<Record<string, RuleCases>> = {
    'officestatus-names': {
        failing: [
            {
                it: 'should report a server node that is not declared, with a suggestion',
                manifest: os((s) => (s.server['node'] = 'OS1')),
                expected: [{ code: 'XPR3300', at: '"OS1"', pointer: `${S}/server/node`, message: 'The OfficeStatus server "OS1" is not a node of this manifest. Did you mean "OS01"?' }],
            },
            {
                it: 'should report an unknown distribution node and an unknown client target',
                manifest: os((s) => {
                    s.distribution['node'] = 'FILESRV';
                    s.clientGroups[0]!['targets'] = { nodes: ['WS03'] };
                }),
                expected: [
                    { code: 'XPR3300', at: '"FILESRV"', pointer: `${S}/distribution/node`, message: 'The OfficeStatus distribution share node "FILESRV" is not a node of this manifest.' },
                    { code: 'XPR3300', at: '"WS03"', pointer: `${S}/clientGroups/0/targets/nodes/0`, message: 'The OfficeStatus client group "hq" target "WS03" is not a node of this manifest. Did you mean "WS01"?' },
                ],
            },
            {
                it: 'should report a second client group of the same name',
                manifest: os((s) => s.clientGroups.push({ name: 'hq', package: 'msiX64', version: '2.0.0.0', targets: { nodes: ['WS02'] } })),
                expected: [{ code: 'XPR3315', at: { text: '"hq"', nth: 2 }, pointer: `${S}/clientGroups/1/name`, message: 'OfficeStatus client group name "hq" is used twice.' }],
            },
            {
                it: 'should report a machine in two client groups (names compared case-insensitively), with a note at the first',
                manifest: os((s) => s.clientGroups.push({ name: 'more', package: 'msiX86', version: '2.0.0.0', targets: { nodes: ['WS02', 'ws01'] } })),
                expected: [
                    {
                        code: 'XPR3301',
                        at: '"ws01"',
                        pointer: `${S}/clientGroups/1/targets/nodes/1`,
                        message: 'Node "ws01" is a target of OfficeStatus client groups "hq" and "more"; a machine gets one client package.',
                        related: [{ at: { text: '"WS01"', after: '"clientGroups"' }, pointer: `${S}/clientGroups/0/targets/nodes/0`, message: 'Client group "hq" targets it here.' }],
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept the base manifest', manifest: BASE, expected: [] },
            {
                it: 'should accept node references that differ from the declaration only in case',
                manifest: os((s) => {
                    s.server['node'] = 'os01';
                    s.clientGroups[0]!['targets'] = { nodes: ['ws01', 'WS02'] };
                }),
                expected: [],
            },
        ],
    },

    'officestatus-platform': {
        failing: [
            {
                it: 'should report a server on desktop Windows',
                manifest: os((_s, site) => nodeOs(site, 'OS01', 'Windows11')),
                expected: [{ code: 'XPR3302', at: { text: '"OS01"', after: '"officeStatus"' }, pointer: `${S}/server/node`, message: 'OfficeStatus Server node "OS01" runs Windows11' }],
            },
            {
                it: 'should warn about a Windows Server the guide does not list',
                manifest: os((_s, site) => nodeOs(site, 'OS01', 'WindowsServer2019')),
                expected: [
                    {
                        code: 'XPR3303',
                        at: { text: '"OS01"', after: '"officeStatus"' },
                        pointer: `${S}/server/node`,
                        message: 'runs WindowsServer2019, which is not among the supported server systems (Windows Server 2008, 2003 SP2, 2000 SP4).',
                    },
                ],
            },
            {
                it: 'should warn about a client machine that runs a server system (the site default)',
                manifest: os((_s, site) => {
                    const ws = (site['nodes'] as Json[])[2]!;
                    delete ws['os'];
                }),
                expected: [
                    {
                        code: 'XPR3304',
                        at: { text: '"WS01"', after: '"clientGroups"' },
                        pointer: `${S}/clientGroups/0/targets/nodes/0`,
                        message: 'OfficeStatus client group "hq" targets node "WS01", which runs WindowsServer2022',
                    },
                ],
            },
            {
                it: 'should warn that WebAdministrationDsc, which creates the website, does not list Windows Server 2008 R2',
                manifest: os((s) => Object.assign(s.server.website, { create: true, physicalPath: 'C:\\inetpub\\OfficeStatus' })),
                expected: [
                    {
                        code: 'XPR3317',
                        at: { text: 'true', after: '"create"' },
                        pointer: `${S}/server/website/create`,
                        message: 'Node "OS01" runs WindowsServer2008R2, which is not among the systems WebAdministrationDsc supports',
                    },
                ],
            },
            {
                it: 'should report a Group Policy group that declares no systems, at the GPO',
                manifest: os((s) => s.clientGroups.push({ ...GPO_GROUP, operatingSystems: undefined })),
                expected: [
                    {
                        code: 'XPR3318',
                        at: { text: '{', after: '"gpo"' },
                        pointer: `${S}/clientGroups/1/targets/gpo`,
                        message: 'OfficeStatus client group "branches" reaches its computers by Group Policy but does not say which Windows versions they run.',
                    },
                ],
            },
            {
                it: 'should report a named Windows Vista client, which cannot apply its DSC configuration',
                manifest: os((_s, site) => nodeOs(site, 'WS01', 'WindowsVista')),
                expected: [
                    {
                        code: 'XPR3316',
                        at: { text: '"WS01"', after: '"clientGroups"' },
                        pointer: `${S}/clientGroups/0/targets/nodes/0`,
                        message: 'OfficeStatus client group "hq" installs the Windows Client on node "WS01" through its DSC configuration, but WindowsVista cannot run DSC.',
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept Windows Server 2008 R2 and Windows 11 clients', manifest: BASE, expected: [] },
            {
                it: 'should accept a website created for root placement on 2008 R2 (a script with IIS\'s own module, not WebAdministrationDsc)',
                manifest: os((s) => Object.assign(s.server.website, { create: true, physicalPath: 'C:\\inetpub\\OfficeStatus', placement: 'root', virtualDirectory: undefined })),
                expected: [],
            },
            { it: 'should accept a Group Policy group on Windows XP and Vista (no DSC there)', manifest: os((s) => s.clientGroups.push({ ...GPO_GROUP, operatingSystems: ['WindowsXP', 'WindowsVista'] })), expected: [] },
            { it: 'should accept Windows 7 clients, which the guide lists (§3.3.2) and which run DSC', manifest: os((_s, site) => nodeOs(site, 'WS01', 'Windows7')), expected: [] },
            { it: 'should accept Windows 10 clients ("Windows XP or later", §3.3.1)', manifest: os((_s, site) => nodeOs(site, 'WS01', 'Windows10')), expected: [] },
        ],
    },

    'officestatus-versions': {
        failing: [
            {
                it: 'should report a client whose minor version is higher than the server\'s, with a note at the server version',
                manifest: os((s) => (s.clientGroups[0]!['version'] = '2.1.0.0')),
                expected: [
                    {
                        code: 'XPR3305',
                        at: '"2.1.0.0"',
                        pointer: `${S}/clientGroups/0/version`,
                        message:
                            'OfficeStatus client group "hq" installs version 2.1.0.0, whose major.minor 2.1 is higher than the server\'s 2.0 (2.0.0.0); such a client reports an error and cannot communicate.',
                        related: [{ at: '"2.0.0.0"', pointer: `${S}/server/version`, message: "The server's version is 2.0.0.0." }],
                    },
                ],
            },
            {
                it: 'should compare numerically: client 10.0 is newer than server 9.5',
                manifest: os((s) => {
                    s.server['version'] = '9.5.0.0';
                    s.clientGroups[0]!['version'] = '10.0.0.0';
                }),
                expected: [{ code: 'XPR3305', at: '"10.0.0.0"', pointer: `${S}/clientGroups/0/version`, message: 'whose major.minor 10.0 is higher than the server\'s 9.5' }],
            },
            {
                it: 'should report telephony on a client before 3.0',
                manifest: os((s) => (s.clientGroups[0]!['telephony'] = true)),
                expected: [
                    {
                        code: 'XPR3306',
                        at: { text: 'true', after: '"telephony"' },
                        pointer: `${S}/clientGroups/0/telephony`,
                        message: 'OfficeStatus client group "hq" uses telephony integration, which needs Windows Client 3.0 or later, not 2.0.0.0.',
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept equal versions', manifest: BASE, expected: [] },
            { it: 'should ignore build and revision (2.0.9.9 on a 2.0.0.0 server)', manifest: os((s) => (s.clientGroups[0]!['version'] = '2.0.9.9')), expected: [] },
            {
                it: 'should accept an older client and telephony from 3.0 on',
                manifest: os((s) => {
                    s.server['version'] = '10.0.0.0';
                    s.clientGroups[0]!['version'] = '3.0.0.0';
                    s.clientGroups[0]!['telephony'] = true;
                }),
                expected: [],
            },
        ],
    },

    'officestatus-database': {
        failing: [
            {
                it: 'should warn about a SQL Server version the guide does not list',
                manifest: os((s) => (s.server.database = { ...EXISTING_DB, engine: { version: '2019', edition: 'Standard' } })),
                expected: [{ code: 'XPR3307', at: { text: '{', after: '"engine"' }, pointer: `${S}/server/database/engine`, message: 'SQL Server 2019 Standard is not among the databases OfficeStatus supports.' }],
            },
            {
                it: 'should warn about an edition the version does not have (SQL Server 2005 Web)',
                manifest: os((s) => (s.server.database = { ...EXISTING_DB, engine: { version: '2005', edition: 'Web' } })),
                expected: [{ code: 'XPR3307', at: { text: '{', after: '"engine"' }, pointer: `${S}/server/database/engine`, message: 'SQL Server 2005 Web is not among' }],
            },
            {
                it: 'should warn about more than 100 users on the bundled Express',
                manifest: os((s) => (s.server['expectedUsers'] = 250)),
                expected: [
                    {
                        code: 'XPR3308',
                        at: '250',
                        pointer: `${S}/server/expectedUsers`,
                        message: '250 users are expected, but the OfficeStatus database runs on SQL Server Express 2005 SP4, which suits 25 to 100 users.',
                    },
                ],
            },
            {
                it: 'should report a local service account with a database on another machine, with a note at the credential',
                manifest: os((s, site) => {
                    s.server.database = EXISTING_DB;
                    ((site['credentials'] as Json)['Svc'] as Json)['userName'] = 'svc-os';
                }),
                expected: [
                    {
                        code: 'XPR3309',
                        at: '"SQL01"',
                        pointer: `${S}/server/database/server`,
                        message: 'The OfficeStatus account "svc-os" is a local account of "OS01", but the database is on "SQL01"',
                        related: [{ at: { text: '"Svc"', after: '"serviceAccount"' }, pointer: `${S}/server/serviceAccount/account/credential`, message: 'The account comes from credential "Svc".' }],
                    },
                ],
            },
            {
                it: 'should treat <server>\\name as local too',
                manifest: os((s, site) => {
                    s.server.database = EXISTING_DB;
                    ((site['credentials'] as Json)['Svc'] as Json)['userName'] = 'OS01\\svc-os';
                }),
                expected: [
                    {
                        code: 'XPR3309',
                        at: '"SQL01"',
                        pointer: `${S}/server/database/server`,
                        message: 'is a local account of "OS01"',
                        related: [{ at: { text: '"Svc"', after: '"serviceAccount"' }, pointer: `${S}/server/serviceAccount/account/credential`, message: 'The account comes from credential "Svc".' }],
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept the bundled Express for the default number of users', manifest: os((s) => (s.server['expectedUsers'] = 100)), expected: [] },
            { it: 'should accept a remote SQL Server 2008 Standard with a domain account and many users', manifest: os((s) => {
                s.server.database = EXISTING_DB;
                s.server['expectedUsers'] = 5000;
            }), expected: [] },
            {
                it: 'should accept a local account with a local instance, and MSDE 2000 SP4',
                manifest: os((s, site) => {
                    s.server.database = { server: '(local)', instanceName: 'SQLEXPRESS', engine: { version: '2000SP4', edition: 'MSDE' }, setupAuthentication: 'windows' };
                    ((site['credentials'] as Json)['Svc'] as Json)['userName'] = 'svc-os';
                }),
                expected: [],
            },
        ],
    },

    'officestatus-website': {
        failing: [
            {
                it: 'should warn about installing into the root of an existing website',
                manifest: os((s) => (s.server.website = { name: 'Default Web Site', hostName: 'status.contoso.local', placement: 'root' })),
                expected: [
                    {
                        code: 'XPR3310',
                        at: '"root"',
                        pointer: `${S}/server/website/placement`,
                        message: 'OfficeStatus is installed into the root of the existing website "Default Web Site", which the installer reconfigures for its own use.',
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept a virtual directory of an existing website', manifest: BASE, expected: [] },
            {
                it: 'should accept the root of a website xprc creates',
                manifest: os((s) => (s.server.website = { name: 'OfficeStatus', create: true, physicalPath: 'C:\\inetpub\\OfficeStatus', hostName: 'status.contoso.local', placement: 'root' })),
                expected: [],
            },
        ],
    },

    'officestatus-client-packages': {
        failing: [
            {
                it: 'should report a group whose package is not declared',
                manifest: os((s) => {
                    delete s.clientPackages['msiX64'];
                }),
                expected: [
                    {
                        code: 'XPR3313',
                        at: { text: '"msiX64"', after: '"clientGroups"' },
                        pointer: `${S}/clientGroups/0/package`,
                        message: 'OfficeStatus client group "hq" installs package "msiX64", which "clientPackages" does not declare.',
                    },
                ],
            },
            {
                it: 'should report the EXE for a Group Policy group, and .NET 2.0 SP2 not confirmed',
                manifest: os((s) => {
                    s.clientPackages['exe'] = { file: 'officestatus_client_v2.exe', productCode: PRODUCT_CODE_86 };
                    const group = { ...GPO_GROUP, package: 'exe' } as Json;
                    delete group['dotNetPreinstalled'];
                    s.clientGroups.push(group);
                }),
                expected: [
                    {
                        code: 'XPR3311',
                        at: { text: '"exe"', after: '"branches"' },
                        pointer: `${S}/clientGroups/1/package`,
                        message: 'OfficeStatus client group "branches" is deployed by Group Policy but installs the EXE package',
                    },
                    {
                        code: 'XPR3312',
                        at: { text: '{', after: '"gpo"' },
                        pointer: `${S}/clientGroups/1/targets/gpo`,
                        message: 'OfficeStatus client group "branches" is deployed by Group Policy, but .NET Framework 2.0 SP2 or later is not confirmed on its computers; the MSI does not install it.',
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept an MSI group on named machines without the .NET confirmation', manifest: BASE, expected: [] },
            { it: 'should accept a Group Policy group with an MSI build and .NET confirmed', manifest: os((s) => s.clientGroups.push(GPO_GROUP)), expected: [] },
            {
                it: 'should accept the EXE for named machines',
                manifest: os((s) => {
                    s.clientPackages['exe'] = { file: 'officestatus_client_v2.exe', productCode: PRODUCT_CODE_86 };
                    s.clientGroups[0]!['package'] = 'exe';
                }),
                expected: [],
            },
        ],
    },

    'officestatus-accounts': {
        failing: [
            {
                it: 'should report an administrator credential without userName',
                manifest: os((_s, site) => {
                    delete ((site['credentials'] as Json)['Admin'] as Json)['userName'];
                }),
                expected: [
                    {
                        code: 'XPR3314',
                        at: { text: '"Admin"', after: '"admin"' },
                        pointer: `${S}/server/admin/account/credential`,
                        message: 'Credential "Admin" is the OfficeStatus administrator but declares no "userName"',
                    },
                ],
            },
            {
                it: 'should report a SQL Server setup login without userName',
                manifest: os((s, site) => {
                    s.server.database = { ...EXISTING_DB, setupAuthentication: 'sql', setupLogin: { credential: 'Sa' } };
                    (site['credentials'] as Json)['Sa'] = { description: 'sa' };
                }),
                expected: [
                    {
                        code: 'XPR3314',
                        at: { text: '"Sa"', after: '"setupLogin"' },
                        pointer: `${S}/server/database/setupLogin/credential`,
                        message: 'Credential "Sa" is the OfficeStatus SQL Server setup login but declares no "userName"',
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept credentials with user names', manifest: BASE, expected: [] },
            {
                it: 'should accept a SQL Server setup login with its user name',
                manifest: os((s, site) => {
                    s.server.database = { ...EXISTING_DB, setupAuthentication: 'sql', setupLogin: { credential: 'Sa' } };
                    (site['credentials'] as Json)['Sa'] = { description: 'sa', userName: 'sa' };
                }),
                expected: [],
            },
        ],
    },
};

describe('OfficeStatus rules', () => {
    describeRules(officeStatus.rules, CASES);
});
