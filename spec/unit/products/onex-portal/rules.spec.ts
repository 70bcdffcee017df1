/**
 * The one-X Portal rules (compiler/products/onex-portal/rules/), one table
 * per rule: failing manifests with every diagnostic they produce (code,
 * line:column found in the manifest text, pointer, message), and passing
 * variants that must stay clean.
 */

import { onexPortal } from '../../../../compiler/products/onex-portal/index.js';
import { BASE, S, type Section } from './fixtures.js';
import { describeRules, variant, type Json, type RuleCases } from './harness.js';

/** BASE with its onexPortal section (and, if needed, the rest of the site) edited. */
function onex(edit: (section: Section, site: Json) => void): Json {
    return variant(BASE, (site) => edit(site['onexPortal'] as Section, site));
}

function node(site: Json, name: string): Json {
    return (site['nodes'] as Json[]).find((n) => n['name'] === name)!;
}

const JVM = { path: 'C:\\Program Files\\Java\\jre7\\bin\\server\\jvm.dll' };

const CASES: Readonly<Record<string, RuleCases>> = {
    'onex-portal-references': {
        failing: [
            {
                it: 'should report an unknown portal node, with a suggestion',
                manifest: onex((s) => (s['node'] = 'ONEX1')),
                expected: [{ code: 'XPR3200', at: '"ONEX1"', pointer: `${S}/node`, message: 'The one-X Portal portal server "ONEX1" is not a node of this manifest. Did you mean "ONEX01"?' }],
            },
            {
                it: 'should report unknown Voicemail Pro, Exchange and desktop client nodes',
                manifest: onex((s) => {
                    s.voicemail['node'] = 'VMPRO02';
                    s.exchange['node'] = 'MAIL01';
                    s.desktopClients['managedNodes'] = ['RDS01', 'TS02'];
                }),
                expected: [
                    { code: 'XPR3200', at: '"VMPRO02"', pointer: `${S}/voicemail/node`, message: 'The one-X Portal Voicemail Pro server "VMPRO02" is not a node of this manifest. Did you mean "VMPRO01"?' },
                    { code: 'XPR3200', at: '"MAIL01"', pointer: `${S}/exchange/node`, message: 'The one-X Portal Exchange server "MAIL01" is not a node of this manifest.' },
                    { code: 'XPR3200', at: '"TS02"', pointer: `${S}/desktopClients/managedNodes/1`, message: 'The one-X Portal desktop client machine "TS02" is not a node of this manifest.' },
                ],
            },
        ],
        passing: [
            { it: 'should accept the base manifest', manifest: BASE, expected: [] },
            {
                it: 'should accept node references that differ from the node names only in case',
                manifest: onex((s) => {
                    s['node'] = 'onex01';
                    s.voicemail['node'] = 'VmPro01';
                    s.desktopClients['managedNodes'] = ['rds01'];
                }),
                expected: [],
            },
        ],
    },

    'onex-portal-sizing': {
        failing: [
            {
                it: 'should warn about more users than the 750 simultaneous sessions',
                manifest: onex((s) => Object.assign(s, { users: 900, capacity: '750', memoryGB: 16, jvm: JVM })),
                expected: [{ code: 'XPR3201', at: { text: '900', after: '"users": ' }, pointer: `${S}/users`, message: '900 portal users are configured, but one-X Portal supports at most 750 simultaneous sessions' }],
            },
            {
                it: 'should report more than 300 users with the 300 option',
                manifest: onex((s) => (s['users'] = 301)),
                expected: [{ code: 'XPR3202', at: { text: '301', after: '"users": ' }, pointer: `${S}/users`, message: '301 portal users need the 750 capacity option, but "capacity" is "300".' }],
            },
            {
                it: 'should report less than 4 GB for up to 300 users',
                manifest: onex((s) => (s['memoryGB'] = 3.5)),
                expected: [{ code: 'XPR3203', at: { text: '3.5', after: '"memoryGB": ' }, pointer: `${S}/memoryGB`, message: 'The portal server has 3.5 GB of RAM; up to 300 users needs at least 4 GB.' }],
            },
            {
                it: 'should report less than 8 GB for the 750 option',
                manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 6, jvm: JVM })),
                expected: [{ code: 'XPR3203', at: { text: '6', after: '"memoryGB": ' }, pointer: `${S}/memoryGB`, message: 'more than 300 users needs at least 8 GB.' }],
            },
            {
                it: 'should warn that exactly 8 GB does not make the installer offer the 750 option',
                manifest: onex((s) => Object.assign(s, { users: 600, capacity: '750', jvm: JVM })),
                expected: [{ code: 'XPR3204', at: { text: '8', after: '"memoryGB": ' }, pointer: `${S}/memoryGB`, message: 'exactly 8 GB of RAM; the installer offers the 750-user option only with more than 8 GB.' }],
            },
            {
                it: 'should report a portal node on a Windows Server the guide does not list, at the node\'s os',
                manifest: onex((_s, site) => (node(site, 'ONEX01')['os'] = 'WindowsServer2019')),
                expected: [
                    {
                        code: 'XPR3205',
                        at: '"WindowsServer2019"',
                        pointer: '/nodes/0/os',
                        message: 'Node "ONEX01" runs WindowsServer2019; one-X Portal 9.1 for up to 300 users runs on WindowsServer2008R2, WindowsServer2012, WindowsServer2012R2.',
                    },
                ],
            },
            {
                it: 'should report an unsupported OS that comes from the site defaults at defaults.os',
                manifest: onex((_s, site) => {
                    site['defaults'] = { os: 'Windows11' };
                    node(site, 'VMPRO01')['os'] = 'WindowsServer2012R2';
                }),
                expected: [{ code: 'XPR3205', at: '"Windows11"', pointer: '/defaults/os', message: 'Node "ONEX01" runs Windows11' }],
            },
            {
                it: 'should report less than 20 GB of disk',
                manifest: onex((s) => (s['diskGB'] = 15)),
                expected: [{ code: 'XPR3206', at: { text: '15', after: '"diskGB": ' }, pointer: `${S}/diskGB`, message: 'The portal server has 15 GB of disk space; the guide asks for 20 GB.' }],
            },
        ],
        passing: [
            { it: 'should accept 250 users on 8 GB', manifest: BASE, expected: [] },
            { it: 'should accept exactly 300 users on exactly 4 GB with 20 GB of disk', manifest: onex((s) => Object.assign(s, { users: 300, memoryGB: 4, diskGB: 20 })), expected: [] },
            { it: 'should accept exactly 750 users with the 750 option on 16 GB', manifest: onex((s) => Object.assign(s, { users: 750, capacity: '750', memoryGB: 16, jvm: JVM })), expected: [] },
            { it: 'should accept Windows Server 2008 R2', manifest: onex((_s, site) => (node(site, 'ONEX01')['os'] = 'WindowsServer2008R2')), expected: [] },
        ],
    },

    'onex-portal-ip-offices': {
        failing: [
            {
                it: 'should report an IP Office of another SCN, with a note at the first SCN',
                manifest: onex((s) => (s.ipOffices[1]!['scn'] = 'Fabrikam')),
                expected: [
                    {
                        code: 'XPR3210',
                        at: '"Fabrikam"',
                        pointer: `${S}/ipOffices/1/scn`,
                        message: 'IP Office "North" is in SCN "Fabrikam", but "HQ" is in SCN "Contoso"',
                        related: [{ at: '"Contoso"', pointer: `${S}/ipOffices/0/scn`, message: '"HQ" is in SCN "Contoso".' }],
                    },
                ],
            },
            {
                it: 'should report a second IP Office on an older release: different releases and too old',
                manifest: onex((s) => (s.ipOffices[1]!['release'] = '9.0')),
                expected: [
                    {
                        code: 'XPR3211',
                        at: '"9.0"',
                        pointer: `${S}/ipOffices/1/release`,
                        message: 'IP Office "North" runs release 9.0, but "HQ" runs 9.1',
                        related: [{ at: '"9.1"', pointer: `${S}/ipOffices/0/release`, message: '"HQ" runs 9.1.' }],
                    },
                    { code: 'XPR3212', at: '"9.0"', pointer: `${S}/ipOffices/1/release`, message: 'IP Office "North" runs release 9.0; one-X Portal 9.1 needs IP Office Release 9.1.' },
                ],
            },
            {
                it: 'should warn about a release newer than the guide on every IP Office, without a mismatch',
                manifest: onex((s) => s.ipOffices.forEach((o) => (o['release'] = '10.0'))),
                expected: [
                    { code: 'XPR3213', at: '"10.0"', pointer: `${S}/ipOffices/0/release`, message: 'IP Office "HQ" runs release 10.0' },
                    { code: 'XPR3213', at: { text: '"10.0"', nth: 2 }, pointer: `${S}/ipOffices/1/release`, message: 'IP Office "North" runs release 10.0' },
                ],
            },
            {
                it: 'should report an IP Office that is not an IP500 V2',
                manifest: onex((s) => (s.ipOffices[0]!['platform'] = 'Server Edition')),
                expected: [
                    { code: 'XPR3214', at: '"Server Edition"', pointer: `${S}/ipOffices/0/platform`, message: 'IP Office "HQ" runs on the Server Edition platform; the Windows portal is supported with IP500 V2 systems only.' },
                ],
            },
            {
                it: 'should report an IP Office address listed twice, with a note at the first',
                manifest: onex((s) => (s.ipOffices[1]!['address'] = '10.1.0.10')),
                expected: [
                    {
                        code: 'XPR3215',
                        at: { text: '"10.1.0.10"', nth: 2 },
                        pointer: `${S}/ipOffices/1/address`,
                        message: 'IP Office address 10.1.0.10 is already listed as "HQ".',
                        related: [{ at: '"10.1.0.10"', pointer: `${S}/ipOffices/0/address`, message: '"HQ" has this address.' }],
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept two IP500 V2 systems of one SCN on 9.1', manifest: BASE, expected: [] },
            {
                it: 'should accept an IP Office that does not name its SCN next to one that does',
                manifest: onex((s) => delete s.ipOffices[1]!['scn']),
                expected: [],
            },
        ],
    },

    'onex-portal-voicemail': {
        failing: [
            {
                it: 'should report a Voicemail Pro server in another subnet, with notes at both addresses',
                manifest: onex((_s, site) => (node(site, 'VMPRO01')['addresses'] = [{ address: '10.1.9.30', prefixLength: 24 }])),
                expected: [
                    {
                        code: 'XPR3220',
                        at: { text: '"VMPRO01"', after: '"voicemail"' },
                        pointer: `${S}/voicemail/node`,
                        message: 'Voicemail Pro server "VMPRO01" (10.1.9.30/24) is not in the subnet of portal server "ONEX01" (10.1.0.20/24).',
                        related: [
                            { at: '"10.1.9.30"', pointer: '/nodes/1/addresses/0/address', message: 'Address of "VMPRO01".' },
                            { at: '"10.1.0.20"', pointer: '/nodes/0/addresses/0/address', message: 'Address of "ONEX01".' },
                        ],
                    },
                ],
            },
            {
                it: 'should report different prefix lengths as different subnets',
                manifest: onex((_s, site) => (node(site, 'VMPRO01')['addresses'] = [{ address: '10.1.0.30', prefixLength: 16 }])),
                expected: [{ code: 'XPR3220', at: { text: '"VMPRO01"', after: '"voicemail"' }, pointer: `${S}/voicemail/node`, message: '(10.1.0.30/16) is not in the subnet' }],
            },
            {
                it: 'should warn when the Voicemail Pro node has no IPv4 address',
                manifest: onex((_s, site) => delete node(site, 'VMPRO01')['addresses']),
                expected: [
                    {
                        code: 'XPR3221',
                        at: { text: '"VMPRO01"', after: '"voicemail"' },
                        pointer: `${S}/voicemail/node`,
                        message: 'Cannot check that Voicemail Pro server "VMPRO01" is in the subnet of portal server "ONEX01": node "VMPRO01" has no IPv4 address.',
                    },
                ],
            },
            {
                it: 'should warn when neither node states a prefix length',
                manifest: onex((_s, site) => {
                    node(site, 'ONEX01')['addresses'] = [{ address: '10.1.0.20' }];
                    node(site, 'VMPRO01')['addresses'] = [{ address: '10.1.0.30' }];
                }),
                expected: [{ code: 'XPR3221', at: { text: '"VMPRO01"', after: '"voicemail"' }, pointer: `${S}/voicemail/node`, message: 'neither node states a "prefixLength".' }],
            },
            {
                it: 'should warn about a Voicemail Pro node on Windows Server 2008 R2, which WebAdministrationDsc does not list',
                manifest: onex((_s, site) => (node(site, 'VMPRO01')['os'] = 'WindowsServer2008R2')),
                expected: [
                    {
                        code: 'XPR3222',
                        at: { text: '"VMPRO01"', after: '"voicemail"' },
                        pointer: `${S}/voicemail/node`,
                        message: 'Node "VMPRO01" runs WindowsServer2008R2, which is not among the systems WebAdministrationDsc supports (Windows Management Framework 5.0 or later on Windows Server 2012, 2012 R2, 2016 and later)',
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept a Voicemail Pro server in the portal\'s /24', manifest: BASE, expected: [] },
            { it: 'should accept Windows Server 2012, where WMF 5.1 can be installed (the runbook says so)', manifest: onex((_s, site) => (node(site, 'VMPRO01')['os'] = 'WindowsServer2012')), expected: [] },
            {
                it: 'should use the prefix length of the one node that states it',
                manifest: onex((_s, site) => (node(site, 'VMPRO01')['addresses'] = [{ address: '10.1.0.30' }])),
                expected: [],
            },
            {
                it: 'should find the shared subnet among several addresses',
                manifest: onex((_s, site) => (node(site, 'VMPRO01')['addresses'] = [{ address: '192.168.7.3', prefixLength: 24 }, { address: '10.1.0.30', prefixLength: 24 }])),
                expected: [],
            },
            { it: 'should not check embedded voicemail', manifest: onex((s) => (s['voicemail'] = { type: 'embedded' })), expected: [] },
        ],
    },

    'onex-portal-exchange': {
        failing: [
            {
                it: 'should report Exchange 2016',
                manifest: onex((s) => (s.exchange['version'] = '2016')),
                expected: [{ code: 'XPR3230', at: '"2016"', pointer: `${S}/exchange/version`, message: 'Exchange 2016 is not supported for presence integration' }],
            },
            {
                it: 'should report calendar presence with OCS deployed',
                manifest: onex((s) => (s.exchange['ocsDeployed'] = true)),
                expected: [{ code: 'XPR3231', at: { text: 'true', after: '"ocsDeployed": ' }, pointer: `${S}/exchange/ocsDeployed`, message: 'Exchange calendar presence cannot be configured where Office Communications Server' }],
            },
            {
                it: 'should report an Exchange account that is not named AvayaAdmin',
                manifest: onex((_s, site) => ((site['credentials'] as Record<string, Json>)['AvayaAdmin']!['userName'] = 'CONTOSO\\svc-calendar')),
                expected: [
                    {
                        code: 'XPR3232',
                        at: { text: '"AvayaAdmin"', after: '"exchange"' },
                        pointer: `${S}/exchange/account/credential`,
                        message: 'Credential "AvayaAdmin" is for account "CONTOSO\\svc-calendar"; the impersonation script only works for an account named AvayaAdmin.',
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept Exchange 2013 with DOMAIN\\AvayaAdmin', manifest: BASE, expected: [] },
            {
                it: 'should accept Exchange 2007 and a UPN user name for AvayaAdmin, in any case',
                manifest: onex((s, site) => {
                    s.exchange['version'] = '2007';
                    (site['credentials'] as Record<string, Json>)['AvayaAdmin']!['userName'] = 'avayaadmin@contoso.local';
                }),
                expected: [],
            },
        ],
    },

    'onex-portal-ports': {
        failing: [
            {
                it: 'should report a reserved port (ContactStore)',
                manifest: onex((s) => (s['httpPort'] = 8888)),
                expected: [{ code: 'XPR3240', at: '8888', pointer: `${S}/httpPort`, message: 'Port 8888 is reserved for ContactStore for IP Office; the installer would ignore it and install the portal on port 8080.' }],
            },
            {
                it: 'should report a JMX port that is one of the portal\'s fixed ports',
                manifest: onex((s) => (s['jmxPort'] = 5222)),
                expected: [{ code: 'XPR3241', at: '5222', pointer: `${S}/jmxPort`, message: 'Port 5222 is already used by the portal itself (XMPP client/server).' }],
            },
            {
                it: 'should report equal HTTP and JMX ports at the JMX port',
                manifest: onex((s) => Object.assign(s, { httpPort: 9000, jmxPort: 9000 })),
                expected: [{ code: 'XPR3242', at: { text: '9000', nth: 2 }, pointer: `${S}/jmxPort`, message: 'The JMX port 9000 is also the HTTP port.' }],
            },
            {
                it: 'should report a JMX port equal to the default HTTP port at the JMX port',
                manifest: onex((s) => (s['jmxPort'] = 8080)),
                expected: [{ code: 'XPR3242', at: '8080', pointer: `${S}/jmxPort`, message: 'The JMX port 8080 is also the HTTP port.' }],
            },
            {
                it: 'should warn about the SharePoint administration port',
                manifest: onex((s) => (s['httpPort'] = 8081)),
                expected: [{ code: 'XPR3243', at: '8081', pointer: `${S}/httpPort`, message: 'Port 8081 is the default of IIS SharePoint Administration' }],
            },
            {
                it: 'should warn about a baseline firewall rule of the portal node that opens a portal port',
                manifest: onex((_s, site) => (node(site, 'ONEX01')['baseline'] = { firewallRules: [{ name: 'Other-In', localPorts: [8443, '9090-9100'] }] })),
                expected: [
                    {
                        code: 'XPR3244',
                        at: '{\n            "name": "Other-In"',
                        pointer: '/nodes/0/baseline/firewallRules/0',
                        message: 'Firewall rule "Other-In" of node "ONEX01" also opens ports 8443 (HTTPS access), 9092 (database client listener), 9094',
                    },
                ],
            },
            {
                it: 'should report changed ports of an installed portal, with notes at the installed values',
                manifest: onex((s) => Object.assign(s, { httpPort: 8090, installed: { httpPort: 8080, jmxPort: 8666 }, jmxPort: 8667 })),
                expected: [
                    {
                        code: 'XPR3245',
                        at: '8090',
                        pointer: `${S}/httpPort`,
                        message: 'The portal is installed with httpPort 8080; changing it to 8090 means removing and reinstalling the portal.',
                        related: [{ at: '8080', pointer: `${S}/installed/httpPort`, message: 'Installed with 8080.' }],
                    },
                    {
                        code: 'XPR3245',
                        at: '8667',
                        pointer: `${S}/jmxPort`,
                        message: 'installed with jmxPort 8666',
                        related: [{ at: '8666', pointer: `${S}/installed/jmxPort`, message: 'Installed with 8666.' }],
                    },
                ],
            },
            {
                it: 'should only warn when the reinstallation is acknowledged',
                manifest: onex((s) => Object.assign(s, { httpPort: 8090, installed: { httpPort: 8080, jmxPort: 8666 }, reinstall: true })),
                expected: [{ code: 'XPR3246', at: { text: 'true', after: '"reinstall": ' }, pointer: `${S}/reinstall`, message: 'A reinstallation of the portal is planned; it loses the settings the portal stores.' }],
            },
        ],
        passing: [
            { it: 'should accept the default ports', manifest: BASE, expected: [] },
            { it: 'should accept other free ports', manifest: onex((s) => Object.assign(s, { httpPort: 9080, jmxPort: 9666 })), expected: [] },
            { it: 'should accept an installed portal with unchanged (default) ports', manifest: onex((s) => (s['installed'] = { httpPort: 8080, jmxPort: 8666 })), expected: [] },
            {
                it: 'should accept a baseline firewall rule of another node on the portal\'s ports',
                manifest: onex((_s, site) => (node(site, 'RDS01')['baseline'] = { firewallRules: [{ name: 'Web-In', localPorts: [8080] }] })),
                expected: [],
            },
        ],
    },

    'onex-portal-desktop-clients': {
        failing: [
            {
                it: 'should warn about the HTTP port with SECUREMODE=1',
                manifest: onex((s) => (s.desktopClients['portNumber'] = 8069)),
                expected: [{ code: 'XPR3250', at: '8069', pointer: `${S}/desktopClients/portNumber`, message: 'PORT_NUMBER 8069 with SECUREMODE=1: the portal serves the desktop clients over HTTPS on port 8063.' }],
            },
            {
                it: 'should warn about the HTTPS port with the default SECUREMODE=0',
                manifest: onex((s) => delete s.desktopClients['secureMode']),
                expected: [{ code: 'XPR3250', at: '8063', pointer: `${S}/desktopClients/portNumber`, message: 'PORT_NUMBER 8063 with SECUREMODE=0: the portal serves the desktop clients over HTTP on port 8069.' }],
            },
            {
                it: 'should report publishing with the default computer scope, at the deployment',
                manifest: onex((s) => (s.desktopClients['gpo'] = { name: 'one-X', deployment: 'publish' })),
                expected: [{ code: 'XPR3251', at: '"publish"', pointer: `${S}/desktopClients/gpo/deployment`, message: 'Group Policy publishes packages to users only, but "scope" is "computer".' }],
            },
            {
                it: 'should report publishing with an explicit computer scope, at the scope',
                manifest: onex((s) => (s.desktopClients['gpo'] = { name: 'one-X', deployment: 'publish', scope: 'computer' })),
                expected: [{ code: 'XPR3251', at: '"computer"', pointer: `${S}/desktopClients/gpo/scope`, message: 'Group Policy publishes packages to users only' }],
            },
        ],
        passing: [
            { it: 'should accept 8063 with SECUREMODE=1', manifest: BASE, expected: [] },
            { it: 'should accept a command line without PORT_NUMBER', manifest: onex((s) => delete s.desktopClients['portNumber']), expected: [] },
            { it: 'should accept publishing to users', manifest: onex((s) => (s.desktopClients['gpo'] = { name: 'one-X', deployment: 'publish', scope: 'user' })), expected: [] },
        ],
    },

    'onex-portal-jvm': {
        failing: [
            {
                it: 'should report the 750 option without JVM tuning, at the capacity',
                manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 16 })),
                expected: [{ code: 'XPR3260', at: '"750"', pointer: `${S}/capacity`, message: 'Capacity "750" needs the JVM tuning of §2.10, but "jvm" is missing.' }],
            },
            {
                it: 'should report a jvm.dll under Program Files (x86)',
                manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 16, jvm: { path: 'C:\\Program Files (x86)\\Java\\jre7\\bin\\server\\jvm.dll' } })),
                expected: [
                    {
                        code: 'XPR3261',
                        at: '"C:\\\\Program Files (x86)',
                        pointer: `${S}/jvm/path`,
                        message: 'is under Program Files (x86), where the 32-bit JRE lives; the portal service would not start.',
                    },
                ],
            },
            {
                it: 'should report a JVM path that is not bin\\server\\jvm.dll',
                manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 16, jvm: { path: 'C:\\Program Files\\Java\\jre7\\bin\\client\\jvm.dll' } })),
                expected: [{ code: 'XPR3261', at: '"C:\\\\Program Files\\\\Java', pointer: `${S}/jvm/path`, message: 'does not end in \\bin\\server\\jvm.dll' }],
            },
            {
                it: 'should warn that JVM tuning is ignored with the 300 option, at the property name',
                manifest: onex((s) => (s['jvm'] = JVM)),
                expected: [{ code: 'XPR3262', at: '"jvm"', pointer: `${S}/jvm`, message: '"jvm" is ignored' }],
            },
            {
                it: 'should report an initial heap above the maximum heap, at the maximum',
                manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 16, jvm: { ...JVM, initialHeapMB: 4096, maximumHeapMB: 2048 } })),
                expected: [{ code: 'XPR3264', at: '2048', pointer: `${S}/jvm/maximumHeapMB`, message: 'The initial heap (JvmMs) is 4096 MB, more than the maximum heap (JvmMx) of 2048 MB' }],
            },
            {
                it: 'should report an initial heap above the default maximum (5604 MB), at the initial heap',
                manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 16, jvm: { ...JVM, initialHeapMB: 6000 } })),
                expected: [{ code: 'XPR3264', at: '6000', pointer: `${S}/jvm/initialHeapMB`, message: 'is 6000 MB, more than the maximum heap (JvmMx) of 5604 MB' }],
            },
            {
                it: 'should report a maximum heap equal to the server\'s RAM',
                manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 12, jvm: { ...JVM, maximumHeapMB: 12288 } })),
                expected: [{ code: 'XPR3265', at: '12288', pointer: `${S}/jvm/maximumHeapMB`, message: 'The maximum heap (JvmMx) is 12288 MB, but the portal server has 12 GB (12288 MB) of RAM.' }],
            },
            {
                it: 'should report custom options that set a required option otherwise, each at its entry',
                manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 16, jvm: { ...JVM, options: ['-XX:+PrintGCDetails', '-XX:MaxPermSize=512m', '-XX:+UseGCOverheadLimit'] } })),
                expected: [
                    { code: 'XPR3266', at: '"-XX:MaxPermSize=512m"', pointer: `${S}/jvm/options/1`, message: 'Option "-XX:MaxPermSize=512m" sets -XX:MaxPermSize differently from "-XX:MaxPermSize=256m"' },
                    { code: 'XPR3266', at: '"-XX:+UseGCOverheadLimit"', pointer: `${S}/jvm/options/2`, message: 'sets -XX:UseGCOverheadLimit differently from "-XX:-UseGCOverheadLimit"' },
                ],
            },
        ],
        passing: [
            { it: 'should accept the 300 option without tuning', manifest: BASE, expected: [] },
            { it: 'should accept an initial heap equal to the maximum, below the RAM', manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 12, jvm: { ...JVM, initialHeapMB: 8192, maximumHeapMB: 8192 } })), expected: [] },
            { it: 'should accept extra options and a repeat of a required one', manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 16, jvm: { ...JVM, options: ['-XX:+PrintGCDetails', '-XX:MaxPermSize=256m'] } })), expected: [] },
            { it: 'should accept the 750 option with the x64 server jvm.dll (any case)', manifest: onex((s) => Object.assign(s, { capacity: '750', memoryGB: 16, jvm: { path: 'D:\\Java\\JRE8\\BIN\\SERVER\\JVM.DLL' } })), expected: [] },
        ],
    },

    'onex-portal-upgrade': {
        failing: [
            {
                it: 'should report an upgrade from 6.0 without an XMPP domain',
                manifest: onex((s) => (s['previousVersion'] = '6.0')),
                expected: [{ code: 'XPR3263', at: '"6.0"', pointer: `${S}/previousVersion`, message: 'The upgrade from one-X Portal 6.0 needs the XMPP domain name, but "xmppDomain" is not set.' }],
            },
            {
                it: 'should report an upgrade from 5.0 that keeps the default XMPP domain',
                manifest: onex((s) => Object.assign(s, { previousVersion: '5.0', xmppDomain: 'localhost.localdomain' })),
                expected: [{ code: 'XPR3263', at: '"5.0"', pointer: `${S}/previousVersion`, message: 'but "xmppDomain" is the default "localhost.localdomain".' }],
            },
        ],
        passing: [
            { it: 'should accept an upgrade from 6.0 with the XMPP domain', manifest: onex((s) => Object.assign(s, { previousVersion: '6.0', xmppDomain: 'contoso.local' })), expected: [] },
            { it: 'should accept an upgrade from 8.1 without it', manifest: onex((s) => (s['previousVersion'] = '8.1')), expected: [] },
        ],
    },
};

describe('one-X Portal rules (compiler/products/onex-portal/rules)', () => {
    describeRules(onexPortal.rules, CASES);
});
