/**
 * The XPR rule cases: for each rule, failing manifests with every
 * diagnostic compile() reports for them (code, line:column in
 * JSON.stringify(manifest, null, 2), pointer, message), and passing ones.
 */

import { CERT, site, withKernel, withKernelNode, withSatellite, type Json } from './cases.js';
import { CLUSTER_CASES } from './cluster-cases.js';
import { UPGRADE_CASES } from './upgrade-cases.js';
import { UPGRADE_PHASES_CASES } from './upgrade-phases-cases.js';

export interface Row {
    readonly code: string;
    readonly line: number;
    readonly column: number;
    readonly pointer: string;
    readonly message: string;
}

export interface RuleCase {
    readonly rule: string;
    readonly it: string;
    readonly manifest: Json;
    /** A case that must report nothing of its rule. */
    readonly passing?: boolean;
    /** Every diagnostic of the whole compile, in order. */
    readonly expected: readonly Row[];
}

const row = (code: string, line: number, column: number, pointer: string, message: string): Row => ({ code, line, column, pointer, message });

export const CASES: readonly RuleCase[] = [
    // xpr-hosts
    {
        rule: 'xpr-hosts',
        it: 'should report a kernel node that is not a site node, with a suggestion',
        manifest: site({ kernel: { node: 'XPR1' } }),
        expected: [
            row('XPR3100', 58, 15, '/xpr/kernel/node', 'XPR host "XPR1" is not a node of the site. Did you mean "XPR01"?'),
        ],
    },
    {
        rule: 'xpr-hosts',
        it: 'should report a satellite on the kernel\'s node',
        manifest: site({ satellites: [{ node: 'xpr01', components: { ldapApl: {} } }] }),
        expected: [
            row('XPR3101', 62, 17, '/xpr/satellites/0/node', 'Node "xpr01" is already the XPR kernel; a computer is either the kernel or one satellite.'),
        ],
    },
    {
        rule: 'xpr-hosts',
        it: 'should warn about a satellite without APLs',
        manifest: withSatellite({}),
        expected: [row('XPR3125', 63, 23, '/xpr/satellites/0/components', 'Satellite "SAT01" runs no APL.')],
    },
    {
        rule: 'xpr-hosts',
        it: 'should accept a kernel and a satellite on their own nodes',
        manifest: withSatellite({ ldapApl: {} }),
        passing: true,
        expected: [],
    },
    // xpr-paths
    {
        rule: 'xpr-paths',
        it: 'should report a blank in the installation folder',
        manifest: site({ installPath: 'D:\\OpenScape Xpressions\\xpr' }),
        expected: [
            row('XPR3102', 37, 20, '/xpr/installPath', 'XPR installation folder "D:\\OpenScape Xpressions\\xpr" contains a blank; XPR setup paths must not.'),
        ],
    },
    {
        rule: 'xpr-paths',
        it: 'should report a blank in the document folder',
        manifest: site({ documentFolder: 'E:\\XPR Documents' }),
        expected: [
            row('XPR3102', 60, 23, '/xpr/documentFolder', 'Document folder "E:\\XPR Documents" contains a blank; XPR setup paths must not.'),
        ],
    },
    {
        rule: 'xpr-paths',
        it: 'should report a network path as database folder',
        manifest: site({ databaseFolder: '\\\\fs01\\xpr\\db' }),
        expected: [
            row('XPR3103', 60, 23, '/xpr/databaseFolder', 'Database folder "\\\\fs01\\xpr\\db" is a network path; XPR is installed on a local drive.'),
        ],
    },
    {
        rule: 'xpr-paths',
        it: 'should report a network path for the medium copy',
        manifest: site({ media: { source: '\\\\fs01\\media', stagingPath: '\\\\fs02\\copy' } }),
        expected: [
            row('XPR3103', 62, 22, '/xpr/media/stagingPath', 'Medium copy folder "\\\\fs02\\copy" is a network path; XPR is installed on a local drive.'),
        ],
    },
    {
        rule: 'xpr-paths',
        it: 'should report a blank in a satellite destination folder',
        manifest: site({ satellites: [{ node: 'SAT01', installPath: 'D:\\XPR Sat', components: { ldapApl: {} } }] }),
        expected: [
            row('XPR3102', 63, 24, '/xpr/satellites/0/installPath', 'Satellite destination folder "D:\\XPR Sat" contains a blank; XPR setup paths must not.'),
        ],
    },
    {
        rule: 'xpr-paths',
        it: 'should accept local paths without blanks, and a medium copy with one',
        manifest: site({ databaseFolder: 'E:\\XPR_Data\\db', media: { source: '\\\\fs01\\media share', stagingPath: 'C:\\Install Media' } }),
        passing: true,
        expected: [],
    },
    // xpr-server-name
    {
        rule: 'xpr-server-name',
        it: 'should report a blank in the server name',
        manifest: site({ serverName: 'XPR LAB' }),
        expected: [
            row('XPR3104', 36, 19, '/xpr/serverName', 'XPR server name "XPR LAB" contains a blank; setup does not accept blanks, special characters or umlauts.'),
        ],
    },
    {
        rule: 'xpr-server-name',
        it: 'should report an umlaut in the server name',
        manifest: site({ serverName: 'MÜNCHEN' }),
        expected: [
            row('XPR3104', 36, 19, '/xpr/serverName', 'XPR server name "MÜNCHEN" contains "Ü"; setup does not accept blanks, special characters or umlauts.'),
        ],
    },
    {
        rule: 'xpr-server-name',
        it: 'should report a special character in the server name',
        manifest: site({ serverName: 'XPR&CO' }),
        expected: [
            row('XPR3104', 36, 19, '/xpr/serverName', 'XPR server name "XPR&CO" contains "&"; setup does not accept blanks, special characters or umlauts.'),
        ],
    },
    {
        rule: 'xpr-server-name',
        it: 'should report a logical line name in any case',
        manifest: site({ serverName: 'phonemail' }),
        expected: [
            row('XPR3105', 36, 19, '/xpr/serverName', 'XPR server name "phonemail" is the name of the logical XPR line PhoneMail, which setup refuses.'),
        ],
    },
    {
        rule: 'xpr-server-name',
        it: 'should report a 12-character name with Remote System Link',
        manifest: site({ serverName: 'XPRHEADQUART', remoteSystemLink: { enabled: true } }),
        expected: [
            row('XPR3106', 36, 19, '/xpr/serverName', 'XPR server name "XPRHEADQUART" has 12 characters; with Remote System Link it may have at most 11.'),
        ],
    },
    {
        rule: 'xpr-server-name',
        it: 'should report Remote System Link with Crypt_Sec',
        manifest: site({ remoteSystemLink: { enabled: true, encryption: 'Crypt_Sec' } }),
        expected: [
            row('XPR3107', 62, 21, '/xpr/remoteSystemLink/encryption', 'Remote System Link works only with KRYPT encryption, not with Crypt_Sec.'),
        ],
    },
    {
        rule: 'xpr-server-name',
        it: "should warn about a hyphen in the server name, which cannot be changed later",
        manifest: site({ serverName: 'XPR-LAB' }),
        expected: [
            row("XPR3131", 36, 19, "/xpr/serverName", "XPR server name \"XPR-LAB\" contains \"-\", which the guide may count as a special character; the name cannot be changed after setup."),
        ],
    },
    {
        rule: 'xpr-server-name',
        it: 'should accept a 12-character name without Remote System Link, and 11 with it',
        manifest: site({ serverName: 'XPRHQ123456', remoteSystemLink: { enabled: true, encryption: 'KRYPT' } }),
        passing: true,
        expected: [],
    },
    // xpr-hardware
    {
        rule: 'xpr-hardware',
        it: "should report less working memory than the components need",
        manifest: withKernelNode({ hardware: { memoryGB: 2 } }, { kernel: { node: 'XPR01', optionalComponents: ['Nuance Vocalizer TTS'] } }),
        expected: [
            row("XPR3132", 22, 21, "/nodes/0/hardware/memoryGB", "Node \"XPR01\" has 2 GB of working memory; this XPR host needs at least 3072 MB (2 GB for the XPR server, more for text-to-speech)."),
        ],
    },
    {
        rule: 'xpr-hardware',
        it: "should report fewer than two disks of 100 GB",
        manifest: withKernelNode({ hardware: { diskSizesGB: [500, 80] } }),
        expected: [
            row("XPR3133", 22, 24, "/nodes/0/hardware/diskSizesGB", "Node \"XPR01\" has 1 hard disk(s) of at least 100 GB; an XPR host needs 2."),
        ],
    },
    {
        rule: 'xpr-hardware',
        it: "should accept 4 GB and two 100 GB disks",
        manifest: withKernelNode({ hardware: { memoryGB: 4, diskSizesGB: [100, 250] } }),
        passing: true,
        expected: [],
    },
    // xpr-host-platform
    {
        rule: 'xpr-host-platform',
        it: 'should report a kernel with the domain-controller role',
        manifest: withKernelNode({ roles: ['domain-controller'] }),
        expected: [
            row('XPR3108', 22, 9, '/nodes/0/roles/0', 'Node "XPR01" has the role "domain-controller"; XPR must not be installed on a domain controller.'),
        ],
    },
    {
        rule: 'xpr-host-platform',
        it: 'should report a kernel whose baseline installs AD-Domain-Services',
        manifest: withKernelNode({ baseline: { windowsFeatures: [{ name: 'AD-Domain-Services' }] } }),
        expected: [
            row('XPR3108', 24, 21, '/nodes/0/baseline/windowsFeatures/0/name', 'Node "XPR01" installs the AD-Domain-Services role; XPR must not be installed on a domain controller.'),
        ],
    },
    {
        rule: 'xpr-host-platform',
        it: 'should report a kernel on a ComAssistant computer',
        manifest: withKernelNode({ roles: ['comassistant'] }),
        expected: [
            row('XPR3109', 22, 9, '/nodes/0/roles/0', 'Node "XPR01" has the role "comassistant"; XPR must not be installed on a computer with a ComAssistant.'),
        ],
    },
    {
        rule: 'xpr-host-platform',
        it: 'should report an IPv6 address of an XPR host',
        manifest: withKernelNode({ addresses: [{ address: '10.0.0.11' }, { address: 'fd00::11' }] }),
        expected: [
            row('XPR3110', 17, 22, '/nodes/0/addresses/1/address', 'Node "XPR01" has the IPv6 address fd00::11; IPv6 must be disabled on an XPR host.'),
        ],
    },
    {
        rule: 'xpr-host-platform',
        it: 'should report an XPR host on Windows 11',
        manifest: withKernelNode({ os: 'Windows11' }),
        expected: [row('XPR3111', 21, 13, '/nodes/0/os', 'Node "XPR01" runs Windows11; an XPR server needs Windows Server.')],
    },
    {
        rule: 'xpr-host-platform',
        it: 'should report Windows 7, now a node os value (issue 11 item 17)',
        manifest: withKernelNode({ os: 'Windows7' }),
        expected: [row('XPR3111', 21, 13, '/nodes/0/os', 'Node "XPR01" runs Windows7; an XPR server needs Windows Server.')],
    },
    {
        rule: 'xpr-host-platform',
        it: 'should report a client Windows inherited from the defaults, at the default',
        manifest: site({}, { defaults: { os: 'Windows10' } }),
        expected: [row('XPR3111', 62, 11, '/defaults/os', 'Node "XPR01" runs Windows10; an XPR server needs Windows Server.')],
    },
    {
        rule: 'xpr-host-platform',
        it: 'should warn when IPv6 is left enabled',
        manifest: site({ disableIpv6: false }),
        expected: [
            row('XPR3112', 60, 20, '/xpr/disableIpv6', 'IPv6 stays as it is on the XPR hosts, although the guide requires it disabled.'),
        ],
    },
    {
        rule: 'xpr-host-platform',
        it: 'should accept a member server with IPv4 only, and a DC that is not an XPR host',
        manifest: site({}, { nodes: [{ name: 'XPR01', os: 'WindowsServer2022', addresses: [{ address: '10.0.0.11' }], certificate: CERT }, { name: 'DC01', roles: ['domain-controller'], addresses: [{ address: 'fd00::1' }] }] }),
        passing: true,
        expected: [],
    },
    // xpr-windows-features
    {
        rule: 'xpr-windows-features',
        it: 'should report IIS installed by the baseline of an XPR host',
        manifest: withKernelNode({ baseline: { windowsFeatures: [{ name: 'Web-Server' }] } }),
        expected: [
            row('XPR3113', 24, 21, '/nodes/0/baseline/windowsFeatures/0/name', 'Node "XPR01" installs the Windows feature Web-Server, but IIS must not be installed on an XPR host.'),
        ],
    },
    {
        rule: 'xpr-windows-features',
        it: 'should report the Windows SMTP Server installed on a satellite',
        manifest: withSatellite({ ldapApl: {} }, {}, { baselines: { mail: { windowsFeatures: [{ name: 'smtp-server', ensure: 'Present' }] } }, nodes: [{ name: 'XPR01', addresses: [{ address: '10.0.0.11' }], certificate: CERT }, { name: 'SAT01', baselines: ['mail'], certificate: CERT }] }),
        expected: [
            row('XPR3113', 71, 19, '/baselines/mail/windowsFeatures/0/name', 'Node "SAT01" installs the Windows feature smtp-server, but the Windows SMTP service conflicts with the SMTP APL.'),
        ],
    },
    {
        rule: 'xpr-windows-features',
        it: 'should accept a baseline that removes IIS, and IIS on a node that is not an XPR host',
        manifest: site({}, { nodes: [{ name: 'XPR01', addresses: [{ address: '10.0.0.11' }], certificate: CERT, baseline: { windowsFeatures: [{ name: 'Web-Server', ensure: 'Absent' }] } }, { name: 'WEB01', baseline: { windowsFeatures: [{ name: 'Web-Server' }] } }] }),
        passing: true,
        expected: [],
    },
    // xpr-languages
    {
        rule: 'xpr-languages',
        it: 'should report a default language that is not installed',
        manifest: site({ languages: ['German', 'French'], defaultLanguage: 'US English' }),
        expected: [
            row('XPR3114', 42, 24, '/xpr/defaultLanguage', 'Default language "US English" is not one of the languages to install (German, French).'),
        ],
    },
    {
        rule: 'xpr-languages',
        it: 'should report more languages than licences',
        manifest: site({ languages: ['German', 'French', 'Italian'], licensing: { claAddress: '10.0.0.5', languageLicences: 2 } }),
        expected: [
            row('XPR3115', 38, 18, '/xpr/languages', '3 languages are to be installed, but there are 2 language licences.'),
        ],
    },
    {
        rule: 'xpr-languages',
        it: 'should report ERGO and VMS in parallel with German',
        manifest: site({ voicemailSystems: ['ERGO', 'AMIS', 'VMS'] }),
        expected: [
            row('XPR3116', 60, 25, '/xpr/voicemailSystems', 'Voicemail systems ERGO and VMS must not be installed in parallel in German.'),
        ],
    },
    {
        rule: 'xpr-languages',
        it: 'should accept ERGO and VMS without German or English, and one system with German',
        manifest: site({ languages: ['French', 'Italian'], defaultLanguage: 'French', voicemailSystems: ['ERGO', 'VMS'], licensing: { claAddress: '10.0.0.5', languageLicences: 2 } }),
        passing: true,
        expected: [],
    },
    // xpr-ip-apl
    {
        rule: 'xpr-ip-apl',
        it: 'should report an IP APL with two infrastructure protocols',
        manifest: withKernel({ ipApl: { protocols: ['SIP', 'H.323'] } }),
        expected: [
            row('XPR3117', 61, 24, '/xpr/kernel/components/ipApl/protocols', 'The IP APL on "XPR01" lists SIP and H.323; one IP APL supports one infrastructure protocol.'),
        ],
    },
    {
        rule: 'xpr-ip-apl',
        it: 'should report SIP voice conferences on a node with one address',
        manifest: withKernel({ ipApl: { protocols: ['SIP'], voiceConferences: true } }),
        expected: [
            row('XPR3118', 64, 31, '/xpr/kernel/components/ipApl/voiceConferences', 'Voice conferences over SIP on "XPR01" need two IP addresses; the node has 1.'),
        ],
    },
    {
        rule: 'xpr-ip-apl',
        it: 'should accept SIP conferences on a node with two addresses, and H.323 conferences on one',
        manifest: withSatellite({ ipApl: { protocols: ['H.323'], voiceConferences: true } }, { kernel: { node: 'XPR01', components: { ipApl: { protocols: ['SIP'], voiceConferences: true } } } }, { nodes: [{ name: 'XPR01', addresses: [{ address: '10.0.0.11' }, { address: '10.0.0.12', role: 'application' }], certificate: CERT }, { name: 'SAT01', addresses: [{ address: '10.0.0.21' }], certificate: CERT }] }),
        passing: true,
        expected: [],
    },
    // xpr-isdn-boards
    {
        rule: 'xpr-isdn-boards',
        it: "should report a PRI board of version 2.0 (upgrades only)",
        manifest: withSatellite({ isdnApl: { boards: [{ model: 'Diva PRI/E1-30 PCIe', type: 'PRI', version: '2.0' }] } }),
        expected: [
            row("XPR3134", 69, 28, "/xpr/satellites/0/components/isdnApl/boards/0/version", "The Diva PRI/E1-30 PCIe on \"SAT01\" is a PRI board of version 2.0, which XPR V7 supports for upgrades only, and whose drivers are not on the XPR V7 setup medium."),
        ],
    },
    {
        rule: 'xpr-isdn-boards',
        it: "should warn about four 4BRI boards with CorNet-T",
        manifest: withSatellite({ isdnApl: { cornetT: true, boards: [1, 2, 3, 4].map(() => ({ model: 'Diva 4BRI-8M PCIe', type: 'BRI' })) } }),
        expected: [
            row("XPR3135", 66, 23, "/xpr/satellites/0/components/isdnApl/boards", "Node \"SAT01\" has 4 Sangoma 4BRI boards in the CorNet-T context; more than 3 may lead to faulty call forwarding connections."),
        ],
    },
    {
        rule: 'xpr-isdn-boards',
        it: "should accept three 4BRI boards (version 2.1) with CorNet-T",
        manifest: withSatellite({ isdnApl: { cornetT: true, boards: [1, 2, 3].map(() => ({ model: 'Diva 4BRI-8M PCIe', type: 'BRI', version: '2.1' })) } }),
        passing: true,
        expected: [],
    },
    {
        rule: 'xpr-isdn-boards',
        it: 'should report a PRI board next to BRI boards',
        manifest: withSatellite({ isdnApl: { boards: [{ model: 'Diva 4BRI-8M PCIe', type: 'BRI' }, { model: 'Diva 4BRI-8M PCIe', type: 'BRI' }, { model: 'Diva PRI/E1-30 PCIe', type: 'PRI' }] } }),
        expected: [
            row('XPR3119', 74, 15, '/xpr/satellites/0/components/isdnApl/boards/2', 'ISDN board "Diva PRI/E1-30 PCIe" (PRI) on "SAT01" differs from "Diva 4BRI-8M PCIe" (BRI); mixing board types in one computer is not released.'),
        ],
    },
    {
        rule: 'xpr-isdn-boards',
        it: 'should report two different BRI models',
        manifest: withSatellite({ isdnApl: { boards: [{ model: 'Diva 4BRI-8M PCIe', type: 'BRI' }, { model: 'Diva 2FX', type: 'BRI' }] } }),
        expected: [
            row('XPR3119', 70, 15, '/xpr/satellites/0/components/isdnApl/boards/1', 'ISDN board "Diva 2FX" (BRI) on "SAT01" differs from "Diva 4BRI-8M PCIe" (BRI); mixing board types in one computer is not released.'),
        ],
    },
    {
        rule: 'xpr-isdn-boards',
        it: 'should accept boards of one model, named in different case',
        manifest: withSatellite({ isdnApl: { boards: [{ model: 'Diva PRI/E1-30 PCIe', type: 'PRI' }, { model: 'DIVA PRI/E1-30 PCIE', type: 'PRI' }] } }),
        passing: true,
        expected: [],
    },
    // xpr-report-apl
    {
        rule: 'xpr-report-apl',
        it: 'should report a Report APL without database',
        manifest: withSatellite({ reportApl: {} }),
        expected: [
            row('XPR3120', 64, 24, '/xpr/satellites/0/components/reportApl', 'The Report APL on "SAT01" has no "database": it needs its SQL Server settings.'),
        ],
    },
    {
        rule: 'xpr-report-apl',
        it: 'should report a database name with blanks',
        manifest: withSatellite({ reportApl: { database: { engine: 'SQLServer', server: 'SAT01', name: 'Report APL DB', loginName: 'xpr_report' } } }),
        expected: [
            row('XPR3121', 68, 23, '/xpr/satellites/0/components/reportApl/database/name', 'Report database name "Report APL DB" is not a SQL regular identifier: it contains a blank.'),
        ],
    },
    {
        rule: 'xpr-report-apl',
        it: 'should report a database name starting with a digit',
        manifest: withSatellite({ reportApl: { database: { engine: 'SQLServer', server: 'SAT01', name: '1Report', loginName: 'xpr_report' } } }),
        expected: [
            row('XPR3121', 68, 23, '/xpr/satellites/0/components/reportApl/database/name', 'Report database name "1Report" is not a SQL regular identifier: it starts with "1".'),
        ],
    },
    {
        rule: 'xpr-report-apl',
        it: 'should warn about MSDE',
        manifest: withSatellite({ reportApl: { database: { engine: 'MSDE', server: 'SAT01', name: 'ReportAPLDB', loginName: 'xpr_report' } } }),
        expected: [
            row('XPR3122', 66, 25, '/xpr/satellites/0/components/reportApl/database/engine', 'Report APL database engine MSDE is deprecated.'),
        ],
    },
    {
        rule: 'xpr-report-apl',
        it: 'should accept SQL Server with a regular identifier',
        manifest: withSatellite({ reportApl: { database: { engine: 'SQLServer2008Express', server: 'SAT01', instance: 'SQLEXPRESS', name: 'Report_APL_DB', loginName: 'xpr_report' } } }),
        passing: true,
        expected: [],
    },
    // xpr-placement
    {
        rule: 'xpr-placement',
        it: 'should report TCP/IP support on a satellite',
        manifest: withSatellite({ tcpApl: {} }),
        expected: [
            row('XPR3123', 64, 21, '/xpr/satellites/0/components/tcpApl', 'TCP/IP Support runs on the kernel only, not on satellite "SAT01".'),
        ],
    },
    {
        rule: 'xpr-placement',
        it: 'should warn about a Connection APL on a satellite',
        manifest: withSatellite({ connectionApl: {} }),
        expected: [
            row('XPR3124', 64, 28, '/xpr/satellites/0/components/connectionApl', 'With the Connection APL on satellite "SAT01", Smart Backup & Restore cannot back up the UC components.'),
        ],
    },
    {
        rule: 'xpr-placement',
        it: 'should report an Exchange connector without LDAP APL',
        manifest: withKernel({ exchangeApl: { exchangeServer: 'EX01' } }),
        expected: [
            row('XPR3126', 60, 24, '/xpr/kernel/components/exchangeApl', 'The Exchange connector on "XPR01" needs the LDAP directory synchronization (ldapApl) on an XPR host.'),
        ],
    },
    {
        rule: 'xpr-placement',
        it: 'should accept TCP/IP support and the Connection APL on the kernel, and the LDAP APL on a satellite',
        manifest: withSatellite({ ldapApl: {} }, { kernel: { node: 'XPR01', components: { tcpApl: {}, connectionApl: {}, exchangeApl: { exchangeServer: 'EX01' } } } }),
        passing: true,
        expected: [],
    },
    // xpr-service-account
    {
        rule: 'xpr-service-account',
        it: 'should report a service account credential without userName, at its key',
        manifest: site({}, { credentials: { XprService: { description: 'XPR' } } }),
        expected: [
            row('XPR3127', 4, 5, '/credentials/XprService', 'Credential "XprService" is the XPR service account but has no "userName".'),
        ],
    },
    {
        rule: 'xpr-service-account',
        it: 'should report a local account',
        manifest: site({}, { credentials: { XprService: { description: 'XPR', userName: '.\\svc-xpr' } } }),
        expected: [
            row('XPR3128', 6, 19, '/credentials/XprService/userName', 'XPR service account ".\\svc-xpr" is not a domain account.'),
        ],
    },
    {
        rule: 'xpr-service-account',
        it: 'should report an account of the kernel computer itself',
        manifest: site({}, { credentials: { XprService: { description: 'XPR', userName: 'xpr01\\svc-xpr' } } }),
        expected: [
            row('XPR3128', 6, 19, '/credentials/XprService/userName', 'XPR service account "xpr01\\svc-xpr" is not a domain account.'),
        ],
    },
    {
        rule: 'xpr-service-account',
        it: 'should report a user name without a domain',
        manifest: site({}, { credentials: { XprService: { description: 'XPR', userName: 'svc-xpr' } } }),
        expected: [
            row('XPR3128', 6, 19, '/credentials/XprService/userName', 'XPR service account "svc-xpr" is not a domain account.'),
        ],
    },
    {
        rule: 'xpr-service-account',
        it: 'should accept a user principal name',
        manifest: site({}, { credentials: { XprService: { description: 'XPR', userName: 'svc-xpr@lab.example.com' } } }),
        passing: true,
        expected: [],
    },
    // xpr-licensing
    {
        rule: 'xpr-licensing',
        it: 'should report an external CLA without address',
        manifest: site({ licensing: { scenario: 'external' } }),
        expected: [
            row('XPR3129', 48, 18, '/xpr/licensing', 'The license service needs the address of the CLA: with scenario "external" the CLA runs on another computer, which "claAddress" must name.'),
        ],
    },
    {
        rule: 'xpr-licensing',
        it: 'should report a CLA on the kernel when the kernel has no address',
        manifest: withKernelNode({ addresses: [] }, { licensing: { scenario: 'claOnKernel' } }),
        expected: [
            row('XPR3129', 44, 18, '/xpr/licensing', 'The license service needs the address of the CLA: the CLA runs on the kernel, but node "XPR01" has no IPv4 address in the manifest.'),
        ],
    },
    {
        rule: 'xpr-licensing',
        it: 'should report a CLA on the kernel with another computer\'s address',
        manifest: site({ licensing: { scenario: 'claAndClmOnKernel', claAddress: '10.0.0.5' } }),
        expected: [
            row('XPR3129', 50, 21, '/xpr/licensing/claAddress', 'The license service needs the address of the CLA: the CLA runs on the kernel, but 10.0.0.5 is not an address of node "XPR01" (10.0.0.11).'),
        ],
    },
    {
        rule: 'xpr-licensing',
        it: 'should accept a CLA on the kernel at the kernel\'s address or without one',
        manifest: site({ licensing: { scenario: 'claOnKernel', claAddress: '10.0.0.11' } }),
        passing: true,
        expected: [],
    },
    // xpr-authentication
    {
        rule: 'xpr-authentication',
        it: 'should report Windows authentication without the postmaster account',
        manifest: site({ authentication: { mode: 'windowsAccount', administratorAccount: 'LAB\\xpr-admin' } }),
        expected: [
            row('XPR3130', 42, 23, '/xpr/authentication', 'Windows authentication needs "postmasterAccount": the Windows account that becomes the XPR postmaster.'),
        ],
    },
    {
        rule: 'xpr-authentication',
        it: 'should report the default (Windows) authentication without accounts, at "xpr"',
        manifest: ((m: Json) => { const xpr = { ...(m['xpr'] as Json) }; delete xpr['authentication']; return { ...m, xpr }; })(site()),
        expected: [
            row('XPR3130', 35, 3, '/xpr', 'Windows authentication needs "administratorAccount": the Windows account that becomes the XPR administrator.'),
            row('XPR3130', 35, 3, '/xpr', 'Windows authentication needs "postmasterAccount": the Windows account that becomes the XPR postmaster.'),
        ],
    },
    {
        rule: 'xpr-authentication',
        it: 'should accept Windows authentication with both accounts',
        manifest: site({ authentication: { mode: 'windowsAccount', administratorAccount: 'LAB\\xpr-admin', postmasterAccount: 'LAB\\xpr-postmaster' } }),
        passing: true,
        expected: [],
    },
    ...CLUSTER_CASES,
    ...UPGRADE_CASES,
    ...UPGRADE_PHASES_CASES,
];
