/**
 * OX Updater rules (compiler/products/ox-updater/rules/), one table per rule.
 */

import { oxUpdater } from '../../../../compiler/products/ox-updater/index.js';
import { describeRules, variant, type Json, type RuleCases } from '../officestatus/harness.js';
import { BASE } from './fixtures.js';

type Section = { server: Json; oxtender: Json; updaterPackage?: Json; clientGroups: Json[]; runbookNode: string };

function ox(edit: (section: Section, site: Json) => void): Json {
    return variant(BASE, (site) => edit(site['oxUpdater'] as Section, site));
}

const S = '/oxUpdater';

/** The warning a Windows 10 node gets in a group (§1.1 lists XP, Vista and 7). */
function win10(group: string, node: string, pointer: string, at: { text: string; after?: string; nth?: number }) {
    return { code: 'XPR3353', at, pointer, message: `OX client group "${group}": node "${node}" runs Windows10, which is not among the OXtender's client systems` };
}

const CASES: Readonly<Record<string, RuleCases>> = {
    'ox-updater-names': {
        failing: [
            {
                it: 'should report an unknown runbook node with a suggestion',
                manifest: ox((s) => (s.runbookNode = 'FS1')),
                expected: [{ code: 'XPR3350', at: '"FS1"', pointer: `${S}/runbookNode`, message: 'The OX Updater runbook node "FS1" is not a node of this manifest. Did you mean "FS01"?' }],
            },
            {
                it: 'should report an unknown client target',
                manifest: ox((s) => (s.clientGroups[0]!['targets'] = { nodes: ['LAPTOP7'] })),
                expected: [{ code: 'XPR3350', at: '"LAPTOP7"', pointer: `${S}/clientGroups/0/targets/nodes/0`, message: 'The OX Updater client group "sales" target "LAPTOP7" is not a node of this manifest.' }],
            },
            {
                it: 'should report a duplicate group name',
                manifest: ox((s) => s.clientGroups.push({ name: 'sales', outlook: '2007', operatingSystems: ['Windows7'], install: 'package', targets: { gpo: { name: 'Other' } } })),
                expected: [{ code: 'XPR3356', at: { text: '"sales"', nth: 2 }, pointer: `${S}/clientGroups/1/name`, message: 'OX client group name "sales" is used twice.' }],
            },
            {
                it: 'should report a machine in two groups, with a note at the first',
                manifest: ox((s) => {
                    s.clientGroups[0]!['targets'] = { nodes: ['WS11'] };
                    s.clientGroups.push({ name: 'support', outlook: '2007', install: 'user', targets: { nodes: ['WS11'] } });
                }),
                expected: [
                    win10('sales', 'WS11', `${S}/clientGroups/0/targets/nodes/0`, { text: '"WS11"', after: '"clientGroups"' }),
                    {
                        code: 'XPR3351',
                        at: { text: '"WS11"', after: '"support"' },
                        pointer: `${S}/clientGroups/1/targets/nodes/0`,
                        message: 'Node "WS11" is a target of OX client groups "sales" and "support".',
                        related: [{ at: { text: '"WS11"', after: '"clientGroups"' }, pointer: `${S}/clientGroups/0/targets/nodes/0`, message: 'Client group "sales" targets it here.' }],
                    },
                    win10('support', 'WS11', `${S}/clientGroups/1/targets/nodes/0`, { text: '"WS11"', after: '"support"' }),
                ],
            },
        ],
        passing: [
            { it: 'should accept the base manifest', manifest: BASE, expected: [] },
            {
                it: 'should accept two groups on different machines',
                manifest: ox((s) => {
                    s.clientGroups[0]!['targets'] = { nodes: ['WS11'] };
                    s.clientGroups.push({ name: 'support', outlook: '2007', install: 'user', targets: { nodes: ['ws12'] } });
                }),
                expected: [
                    win10('sales', 'WS11', `${S}/clientGroups/0/targets/nodes/0`, { text: '"WS11"', after: '"clientGroups"' }),
                    win10('support', 'ws12', `${S}/clientGroups/1/targets/nodes/0`, { text: '"ws12"' }),
                ],
            },
        ],
    },

    'ox-updater-outlook': {
        failing: [
            {
                it: 'should report Outlook 2010 with the first Connector, suggesting Connector 2, with a note at the connector',
                manifest: ox((s) => (s.oxtender = { connector: 'connector', version: '6.18.2' })),
                expected: [
                    {
                        code: 'XPR3352',
                        at: '"2010"',
                        pointer: `${S}/clientGroups/0/outlook`,
                        message: 'OX client group "sales" uses Outlook 2010, which Connector for Microsoft Outlook does not support (supported: Outlook 2003, 2007).',
                        related: [{ at: { text: '"connector"', after: '"connector":' }, pointer: `${S}/oxtender/connector`, message: 'The server publishes Connector for Microsoft Outlook.' }],
                    },
                ],
                also: (result) => {
                    if (!result.diagnostics[0]?.fix.startsWith('Publish Connector 2 for Microsoft Outlook')) throw new Error(result.diagnostics[0]?.fix);
                },
            },
            {
                it: 'should report Outlook 2016, which no connector supports',
                manifest: ox((s) => (s.clientGroups[0]!['outlook'] = '2016')),
                expected: [
                    {
                        code: 'XPR3352',
                        at: '"2016"',
                        pointer: `${S}/clientGroups/0/outlook`,
                        message: 'uses Outlook 2016, which Connector 2 for Microsoft Outlook does not support (supported: Outlook 2003, 2007, 2010).',
                        related: [{ at: '"connector2"', pointer: `${S}/oxtender/connector`, message: 'The server publishes Connector 2 for Microsoft Outlook.' }],
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept Outlook 2010 with Connector 2', manifest: BASE, expected: [] },
            {
                it: 'should accept Outlook 2003 and 2007 with the first Connector',
                manifest: ox((s) => {
                    s.oxtender = { connector: 'connector', version: '6.18.2' };
                    s.clientGroups[0]!['outlook'] = '2003';
                    s.clientGroups.push({ name: 'office', outlook: '2007', operatingSystems: ['WindowsXP', 'WindowsVista'], install: 'package', targets: { gpo: { name: 'X' } } });
                }),
                expected: [],
            },
        ],
    },

    'ox-updater-platform': {
        failing: [
            {
                it: 'should warn about a node on Windows 10',
                manifest: ox((s) => (s.clientGroups[0]!['targets'] = { nodes: ['WS11'] })),
                expected: [win10('sales', 'WS11', `${S}/clientGroups/0/targets/nodes/0`, { text: '"WS11"', after: '"clientGroups"' })],
            },
            {
                it: 'should warn about each unlisted system a Group Policy group declares',
                manifest: ox((s) => (s.clientGroups[0]!['operatingSystems'] = ['Windows7', 'Windows11'])),
                expected: [
                    {
                        code: 'XPR3353',
                        at: '"Windows11"',
                        pointer: `${S}/clientGroups/0/operatingSystems/1`,
                        message: 'OX client group "sales": the group runs Windows11, which is not among the OXtender\'s client systems (Windows XP, Windows Vista, Windows 7).',
                    },
                ],
            },
            {
                it: 'should report a Group Policy group that declares no systems (not silently Windows 7), at the GPO',
                manifest: ox((s) => delete s.clientGroups[0]!['operatingSystems']),
                expected: [{ code: 'XPR3357', at: { text: '{', after: '"gpo"' }, pointer: `${S}/clientGroups/0/targets/gpo`, message: 'OX client group "sales" reaches its computers by Group Policy but does not say which Windows versions they run.' }],
            },
            {
                it: 'should report a Windows XP node that would get the Updater MSI through DSC',
                manifest: ox((s, site) => {
                    (site['nodes'] as Json[])[1]!['os'] = 'WindowsXP';
                    s.clientGroups[0]!['targets'] = { nodes: ['WS11'] };
                    delete s.clientGroups[0]!['operatingSystems'];
                }),
                expected: [
                    { code: 'XPR3358', at: { text: '"WS11"', after: '"clientGroups"' }, pointer: `${S}/clientGroups/0/targets/nodes/0`, message: 'installs the Updater MSI on node "WS11" through its DSC configuration, but WindowsXP cannot run DSC.' },
                ],
            },
        ],
        passing: [
            { it: 'should accept Windows XP, Vista and 7', manifest: ox((s) => (s.clientGroups[0]!['operatingSystems'] = ['WindowsXP', 'WindowsVista', 'Windows7'])), expected: [] },
            {
                it: 'should accept named Windows 7 nodes without "operatingSystems" (each node states its own)',
                manifest: ox((s, site) => {
                    for (const n of (site['nodes'] as Json[]).slice(1)) n['os'] = 'Windows7';
                    s.clientGroups[0]!['targets'] = { nodes: ['WS11', 'WS12'] };
                    delete s.clientGroups[0]!['operatingSystems'];
                }),
                expected: [],
            },
            {
                it: 'should accept a Windows Vista node when the user installs the Updater (no DSC resource)',
                manifest: ox((s, site) => {
                    (site['nodes'] as Json[])[1]!['os'] = 'WindowsVista';
                    s.clientGroups[0]!['targets'] = { nodes: ['WS11'] };
                    s.clientGroups[0]!['install'] = 'user';
                    delete s.clientGroups[0]!['operatingSystems'];
                }),
                expected: [],
            },
        ],
    },

    'ox-updater-plugins': {
        failing: [
            {
                it: 'should report the password change plug-in without the backend',
                manifest: ox((s) => (s.clientGroups[0]!['plugins'] = ['mailFilter', 'passwordChange'])),
                expected: [
                    {
                        code: 'XPR3354',
                        at: '"passwordChange"',
                        pointer: `${S}/clientGroups/0/plugins/1`,
                        message: 'OX client group "sales" uses the password change plug-in, but "server.passwordChangeBackend" does not name the open-xchange-passwordchange backend',
                    },
                ],
            },
        ],
        passing: [
            { it: 'should accept plug-ins without server inputs of their own', manifest: ox((s) => (s.clientGroups[0]!['plugins'] = ['personalData', 'mailFilter', 'vacationNotice'])), expected: [] },
            {
                it: 'should accept the password change plug-in with its backend',
                manifest: ox((s) => {
                    s.clientGroups[0]!['plugins'] = ['passwordChange'];
                    s.server['passwordChangeBackend'] = 'open-xchange-passwordchange-script';
                }),
                expected: [],
            },
        ],
    },

    'ox-updater-package': {
        failing: [
            {
                it: 'should report an Updater path that is not on the share xprc creates, at the path',
                manifest: ox((s) => {
                    (s as Json & { updaterPackage: Json })['updaterPackage']['share'] = { node: 'FS01', folder: 'D:\\Software' };
                    (s as Json & { updaterPackage: Json })['updaterPackage']['path'] = '\\\\FS02\\Software\\OXUpdater.msi';
                }),
                expected: [{ code: 'XPR3359', at: '"\\\\\\\\FS02', pointer: `${S}/updaterPackage/path`, message: 'is not on node "FS01"\'s share' }],
            },
            {
                it: 'should report a package roll-out without updaterPackage, at "install"',
                manifest: ox((s) => delete s.updaterPackage),
                expected: [{ code: 'XPR3355', at: '"package"', pointer: `${S}/clientGroups/0/install`, message: 'OX client group "sales" installs the OX Updater as a package, but "updaterPackage" is not declared.' }],
            },
        ],
        passing: [
            { it: 'should accept a declared package', manifest: BASE, expected: [] },
            {
                it: 'should accept a package on the share xprc creates, named by the file server\'s FQDN',
                manifest: ox((s) => {
                    (s as Json & { updaterPackage: Json })['updaterPackage']['share'] = { node: 'FS01', folder: 'D:\\Software' };
                    (s as Json & { updaterPackage: Json })['updaterPackage']['path'] = '\\\\fs01.contoso.local\\Software\\OXUpdater.msi';
                }),
                expected: [],
            },
            {
                it: 'should accept user-driven installs (the default) without a package',
                manifest: ox((s) => {
                    delete s.updaterPackage;
                    s.clientGroups[0] = { name: 'sales', outlook: '2010', targets: { nodes: ['WS11'] } };
                }),
                expected: [win10('sales', 'WS11', `${S}/clientGroups/0/targets/nodes/0`, { text: '"WS11"', after: '"clientGroups"' })],
            },
        ],
    },
};

describe('OX Updater rules', () => {
    describeRules(oxUpdater.rules, CASES);
});
