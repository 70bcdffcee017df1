/**
 * The semantic rules (compiler/rules/*.ts), end to end through compile():
 * for every rule and every diagnostic kind it reports at least one failing
 * manifest, and for every rule passing variants that must stay clean.
 *
 * Manifests are small objects pretty-printed with two-space indentation, so
 * the expected line:column of every diagnostic can be read off the text
 * JSON.stringify(manifest, null, 2) produces. Each case asserts the complete
 * list of diagnostics (all phases), in the order compile() returns them.
 */

import { expect } from 'chai';

import { compile, type CompileResult } from '../../../compiler/compile.js';
import { CATALOG, type DiagnosticKind } from '../../../compiler/diagnostics/catalog.js';
import { RULES } from '../../../compiler/rules/index.js';
import { LCM_RESTARTS_REPORTS } from '../../../compiler/rules/lcm-restarts.js';
import { PRODUCTS } from '../../../compiler/products/index.js';
import { PLAN_REPORTS } from '../../../compiler/plan/check-plan.js';

// ---------------------------------------------------------------------------
// Manifest builders
// ---------------------------------------------------------------------------

type Json = Record<string, unknown>;

const CERT = { file: 'C:\\DscPublicKeys\\SRV01.cer', thumbprint: '3C2A6F7B1E0D4C5B8A9F00112233445566778899' };

/** `{ name: 'lab', ...extra, nodes }`: the site name first, then extra top-level properties, then the nodes. */
function site(nodes: readonly Json[], extra: Json = {}): Json {
    return { name: 'lab', ...extra, nodes };
}

function node(name = 'SRV01', extra: Json = {}): Json {
    return { name, ...extra };
}

/** One node SRV01 with its own baseline. */
function withBaseline(baseline: Json, nodeExtra: Json = {}, siteExtra: Json = {}): Json {
    return site([node('SRV01', { ...nodeExtra, baseline })], siteExtra);
}

/** Named profiles, applied (by default all, in order) by one node SRV01. */
function withProfiles(profiles: Record<string, Json>, applied: readonly string[] = Object.keys(profiles), siteExtra: Json = {}): Json {
    return site([node('SRV01', { baselines: applied })], { ...siteExtra, baselines: profiles });
}

function registryValue(extra: Json = {}): Json {
    return { key: 'HKLM\\SOFTWARE\\Vendor', name: 'Port', type: 'REG_DWORD', value: 1, ...extra };
}

function step(id: string, title: string): Json {
    return { id, title, instructions: ['Do it.'] };
}

const PACKAGE_ID = '{6F2B1A7C-3D4E-4F50-8A9B-0C1D2E3F4A5B}';

// ---------------------------------------------------------------------------
// Running and comparing
// ---------------------------------------------------------------------------

interface Related {
    readonly pointer: string;
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

/** One expected diagnostic: code, position, pointer, a substring of the message and (optionally) the related notes. */
interface Row {
    readonly code: string;
    readonly line: number;
    readonly column: number;
    readonly pointer: string;
    readonly message: string;
    readonly related?: readonly Related[];
}

const row = (code: string, line: number, column: number, pointer: string, message: string, related?: readonly Related[]): Row => ({
    code,
    line,
    column,
    pointer,
    message,
    ...(related ? { related } : {}),
});

const note = (pointer: string, line: number, column: number, message: string): Related => ({ pointer, line, column, message });

function run(manifest: Json): CompileResult {
    return compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2)) }, { emit: false });
}

function doTest(manifest: Json, expected: readonly Row[]): CompileResult {
    const result = run(manifest);
    const actual = result.diagnostics;
    expect(
        actual.map((d) => [d.code, d.start?.line, d.start?.column, d.pointer]),
        JSON.stringify(actual.map((d) => `${d.code} ${d.start?.line}:${d.start?.column} ${d.pointer} ${d.message}`), null, 2),
    ).to.deep.equal(expected.map((e) => [e.code, e.line, e.column, e.pointer]));
    expected.forEach((e, i) => {
        const d = actual[i]!;
        expect(d.message).to.include(e.message);
        expect(d.severity).to.equal(Object.values(CATALOG).find((c) => c.code === e.code)?.severity);
        if (e.related) {
            expect(d.related.map((r) => ({ pointer: r.pointer, line: r.start?.line, column: r.start?.column, message: r.message }))).to.deep.equal(
                e.related.map((r) => ({ pointer: r.pointer, line: r.line, column: r.column, message: r.message })),
            );
        }
    });
    return result;
}

interface Case {
    readonly it: string;
    readonly manifest: Json;
    readonly expected: readonly Row[];
    /** Extra checks on the result (e.g. that a merged item is kept once). */
    readonly also?: (result: CompileResult) => void;
}

interface RuleCases {
    readonly failing: readonly Case[];
    readonly passing: readonly Case[];
}

// ---------------------------------------------------------------------------
// Tables, one per rule
// ---------------------------------------------------------------------------

const CASES: Readonly<Record<string, RuleCases>> = {
    'node-names': {
        failing: [
            {
                it: 'should report a node name that differs from an earlier one only in case, with a note at the first',
                manifest: site([node('SRV01'), node('srv01')]),
                expected: [
                    row('XPR3001', 8, 15, '/nodes/1/name', 'Node name "srv01" is already used by nodes[0] (computer names are case-insensitive).', [
                        note('/nodes/0/name', 5, 15, 'nodes[0] is named "SRV01".'),
                    ]),
                ],
            },
            {
                it: 'should report a 16-character node name',
                manifest: site([node('ABCDEFGHIJKLMNOP')]),
                expected: [row('XPR3002', 5, 15, '/nodes/0/name', 'Node name "ABCDEFGHIJKLMNOP" has 16 characters; a NetBIOS computer name has at most 15.')],
            },
            {
                it: 'should report a node name that would leave the output folder (../etc)',
                manifest: site([node('../etc')]),
                expected: [row('XPR3003', 5, 15, '/nodes/0/name', 'Node name "../etc" is not a valid computer name: it contains ".".')],
            },
            {
                it: 'should report a node name with a space',
                manifest: site([node('A B')]),
                expected: [row('XPR3003', 5, 15, '/nodes/0/name', 'is not a valid computer name: it contains " ".')],
            },
            {
                it: 'should report a node name of digits only',
                manifest: site([node('1234')]),
                expected: [row('XPR3003', 5, 15, '/nodes/0/name', 'Node name "1234" is not a valid computer name: it consists of digits only.')],
            },
            {
                it: 'should report a node name starting with a hyphen',
                manifest: site([node('-SRV')]),
                expected: [row('XPR3003', 5, 15, '/nodes/0/name', 'Node name "-SRV" is not a valid computer name: it starts or ends with a hyphen.')],
            },
            {
                it: 'should report a node name ending with a hyphen',
                manifest: site([node('SRV-')]),
                expected: [row('XPR3003', 5, 15, '/nodes/0/name', 'it starts or ends with a hyphen.')],
            },
            {
                it: 'should report a dotted (FQDN-like) node name',
                manifest: site([node('SRV.local')]),
                expected: [row('XPR3003', 5, 15, '/nodes/0/name', 'Node name "SRV.local" is not a valid computer name: it contains ".".')],
            },
            {
                it: 'should report a control character in a node name as U+XXXX',
                manifest: site([node('SRV\u0007')]),
                expected: [row('XPR3003', 5, 15, '/nodes/0/name', 'is not a valid computer name: it contains U+0007.')],
            },
            {
                it: 'should report only the invalid character of a name that is also too long',
                manifest: site([node('ABCDEFGHIJKLMNO.')]),
                expected: [row('XPR3003', 5, 15, '/nodes/0/name', 'it contains ".".')],
            },
        ],
        passing: [
            {
                it: 'should accept a 15-character name of letters, digits and an inner hyphen',
                manifest: site([node('ABCDEFGHIJ-LM01')]),
                expected: [],
            },
            {
                it: 'should accept node names that differ by more than case',
                manifest: site([node('SRV01'), node('srv02'), node('WEB-01')]),
                expected: [],
            },
        ],
    },

    references: {
        failing: [
            {
                it: 'should report an unknown profile a role names',
                manifest: site([node('SRV01', { roles: ['web'] })], { roles: { web: { baselines: ['comon'] } }, baselines: { common: {} } }),
                expected: [row('XPR3005', 6, 9, '/roles/web/baselines/0', 'Baseline profile "comon" is not declared'), row('XPR3007', 11, 5, '/baselines/common', 'is declared but no node applies it')],
            },
            {
                it: 'should report an unknown credential with a did-you-mean suggestion',
                manifest: withBaseline(
                    {
                        services: [
                            { name: 'Svc1', account: { credential: 'AppService' } },
                            { name: 'Svc2', account: { credential: 'AppServce' } },
                        ],
                    },
                    { certificate: CERT },
                    { credentials: { AppService: { description: 'App' } } },
                ),
                expected: [
                    row(
                        'XPR3004',
                        26,
                        29,
                        '/nodes/0/baseline/services/1/account/credential',
                        'Credential "AppServce" is not declared in "credentials". Did you mean "AppService"?',
                    ),
                ],
            },
            {
                it: 'should report an unknown credential of a package without a suggestion when nothing is close',
                manifest: withBaseline(
                    { packages: [{ name: 'App', productId: PACKAGE_ID, path: 'C:\\app.msi', credential: { credential: 'Other' } }] },
                    { certificate: CERT },
                ),
                expected: [
                    row('XPR3004', 17, 29, '/nodes/0/baseline/packages/0/credential/credential', 'Credential "Other" is not declared in "credentials".'),
                ],
                also: (result) => expect(result.diagnostics[0]?.message).to.equal('Credential "Other" is not declared in "credentials".'),
            },
            {
                it: 'should report an unknown baseline profile with a did-you-mean suggestion',
                manifest: withProfiles({ common: {} }, ['common', 'comon']),
                expected: [row('XPR3005', 11, 9, '/nodes/0/baselines/1', 'Baseline profile "comon" is not declared in "baselines". Did you mean "common"?')],
            },
            {
                it: 'should warn about a declared credential no node uses, at its key',
                manifest: site([node()], { credentials: { AppService: { description: 'App' } } }),
                expected: [row('XPR3006', 4, 5, '/credentials/AppService', 'Credential "AppService" is declared but no node uses it.')],
            },
            {
                it: 'should warn about a declared profile no node applies, at its key',
                manifest: withProfiles({ common: {}, unused: {} }, ['common']),
                expected: [row('XPR3007', 5, 5, '/baselines/unused', 'Baseline profile "unused" is declared but no node applies it.')],
            },
        ],
        passing: [
            {
                it: 'should accept credentials and profiles that are declared and used',
                manifest: site(
                    [node('SRV01', { certificate: CERT, baselines: ['common'], baseline: { services: [{ name: 'Svc', account: { credential: 'AppService' } }] } })],
                    { credentials: { AppService: { description: 'App' } }, baselines: { common: {} } },
                ),
                expected: [],
            },
            {
                it: 'should count a credential used in a profile as used',
                manifest: site([node('SRV01', { certificate: CERT, baselines: ['common'] })], {
                    credentials: { AppService: { description: 'App' } },
                    baselines: { common: { services: [{ name: 'Svc', account: { credential: 'AppService' } }] } },
                }),
                expected: [],
            },
        ],
    },

    addresses: {
        failing: [
            {
                it: 'should report an IP address assigned to two nodes, with a note at the first',
                manifest: site([node('SRV01', { addresses: [{ address: '10.0.0.1' }] }), node('SRV02', { addresses: [{ address: '10.0.0.1' }] })]),
                expected: [
                    row('XPR3050', 16, 22, '/nodes/1/addresses/0/address', 'Address 10.0.0.1 is already assigned to node "SRV01".', [
                        note('/nodes/0/addresses/0/address', 8, 22, 'First assigned here.'),
                    ]),
                ],
            },
            {
                it: 'should compare IPv6 addresses case-insensitively',
                manifest: site([node('SRV01', { addresses: [{ address: 'fd00::a' }] }), node('SRV02', { addresses: [{ address: 'FD00::A' }] })]),
                expected: [row('XPR3050', 16, 22, '/nodes/1/addresses/0/address', 'Address FD00::A is already assigned to node "SRV01".')],
            },
            {
                it: 'should report the same address given twice to one node',
                manifest: site([node('SRV01', { addresses: [{ address: '10.0.0.1', role: 'management' }, { address: '10.0.0.1', role: 'cluster' }] })]),
                expected: [row('XPR3050', 12, 22, '/nodes/0/addresses/1/address', 'Address 10.0.0.1 is already assigned to node "SRV01".')],
            },
        ],
        passing: [
            {
                it: 'should accept distinct addresses',
                manifest: site([
                    node('SRV01', { addresses: [{ address: '10.0.0.1' }, { address: 'fd00::1' }] }),
                    node('SRV02', { addresses: [{ address: '10.0.0.2' }, { address: 'fd00::2' }] }),
                ]),
                expected: [],
            },
        ],
    },

    'registry-keys': {
        failing: [
            {
                it: 'should reject a key under HKEY_CURRENT_USER',
                manifest: withBaseline({ registry: [registryValue({ key: 'HKCU\\Software\\Vendor' })] }),
                expected: [row('XPR3030', 9, 20, '/nodes/0/baseline/registry/0/key', 'Registry key "HKCU\\Software\\Vendor" is under HKEY_CURRENT_USER')],
            },
            {
                it: 'should warn about "view": "32" on HKLM\\SYSTEM, at the view',
                manifest: withBaseline({ registry: [registryValue({ key: 'HKLM\\SYSTEM\\CurrentControlSet', view: '32' })] }),
                expected: [
                    row(
                        'XPR3031',
                        13,
                        21,
                        '/nodes/0/baseline/registry/0/view',
                        'Registry key "HKLM\\SYSTEM\\CurrentControlSet" is not under HKEY_LOCAL_MACHINE\\SOFTWARE, so "view": "32" changes nothing.',
                    ),
                ],
            },
            {
                it: 'should reject WOW6432Node in the key together with "view": "32"',
                manifest: withBaseline({ registry: [registryValue({ key: 'HKLM\\SOFTWARE\\WOW6432Node\\Vendor', view: '32' })] }),
                expected: [
                    row('XPR3033', 9, 20, '/nodes/0/baseline/registry/0/key', 'Registry key "HKLM\\SOFTWARE\\WOW6432Node\\Vendor" already contains WOW6432Node and also sets "view": "32".'),
                ],
            },
            {
                it: 'should reject a key with a trailing backslash',
                manifest: withBaseline({ registry: [registryValue({ key: 'HKLM\\SOFTWARE\\Vendor\\' })] }),
                expected: [row('XPR3032', 9, 20, '/nodes/0/baseline/registry/0/key', 'is invalid: it ends with a backslash.')],
            },
            {
                it: 'should reject a key with two backslashes in a row',
                manifest: withBaseline({ registry: [registryValue({ key: 'HKLM\\SOFTWARE\\\\Vendor' })] }),
                expected: [row('XPR3032', 9, 20, '/nodes/0/baseline/registry/0/key', 'is invalid: it has an empty component (two backslashes in a row).')],
            },
            {
                it: 'should reject a key component with a trailing space',
                manifest: withBaseline({ registry: [registryValue({ key: 'HKLM\\SOFTWARE\\Vendor \\App' })] }),
                expected: [row('XPR3032', 9, 20, '/nodes/0/baseline/registry/0/key', 'component "Vendor " has leading or trailing spaces')],
            },
            {
                it: 'should reject a REG_QWORD of 2^64, at the value',
                manifest: withBaseline({ registry: [registryValue({ type: 'REG_QWORD', value: '18446744073709551616' })] }),
                expected: [
                    row('XPR3034', 12, 22, '/nodes/0/baseline/registry/0/value', 'REG_QWORD value 18446744073709551616 is larger than 18446744073709551615 (2^64-1).'),
                ],
            },
            {
                it: 'should check registry values of named profiles too',
                manifest: withProfiles({ common: { registry: [registryValue({ key: 'HKCU\\Software\\Vendor' })] } }),
                expected: [row('XPR3030', 7, 18, '/baselines/common/registry/0/key', 'is under HKEY_CURRENT_USER')],
            },
        ],
        passing: [
            {
                it: 'should accept "view": "32" on HKLM\\SOFTWARE',
                manifest: withBaseline({ registry: [registryValue({ view: '32' })] }),
                expected: [],
            },
            {
                it: 'should accept WOW6432Node written out without a view',
                manifest: withBaseline({ registry: [registryValue({ key: 'HKLM\\SOFTWARE\\WOW6432Node\\Vendor' })] }),
                expected: [],
            },
            {
                it: 'should accept the HKLM: and HKEY_LOCAL_MACHINE spellings',
                manifest: withBaseline({
                    registry: [registryValue({ key: 'HKLM:\\SOFTWARE\\Vendor' }), registryValue({ key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Other' })],
                }),
                expected: [],
            },
            {
                it: 'should accept a REG_QWORD of exactly 2^64-1, in decimal and in hex',
                manifest: withBaseline({
                    registry: [
                        registryValue({ name: 'Dec', type: 'REG_QWORD', value: '18446744073709551615' }),
                        registryValue({ name: 'Hex', type: 'REG_QWORD', value: '0xFFFFFFFFFFFFFFFF' }),
                    ],
                }),
                expected: [],
            },
        ],
    },

    'firewall-ports': {
        failing: [
            {
                it: 'should reject ports on an ICMPv4 rule, at the protocol',
                manifest: withBaseline({ firewallRules: [{ name: 'R1', protocol: 'ICMPv4', localPorts: [80] }] }),
                expected: [row('XPR3060', 10, 25, '/nodes/0/baseline/firewallRules/0/protocol', 'Firewall rule "R1" lists ports but its protocol is ICMPv4.')],
            },
            {
                it: 'should reject remote ports on a rule for any protocol',
                manifest: withBaseline({ firewallRules: [{ name: 'R1', protocol: 'Any', remotePorts: ['1-5'] }] }),
                expected: [row('XPR3060', 10, 25, '/nodes/0/baseline/firewallRules/0/protocol', 'Firewall rule "R1" lists ports but its protocol is Any.')],
            },
            {
                it: 'should reject a descending range 10-5',
                manifest: withBaseline({ firewallRules: [{ name: 'R1', localPorts: ['10-5'] }] }),
                expected: [
                    row('XPR3061', 11, 15, '/nodes/0/baseline/firewallRules/0/localPorts/0', 'Port range "10-5" is invalid: the first port is greater than the second.'),
                ],
            },
            {
                it: 'should reject a range starting at port 0',
                manifest: withBaseline({ firewallRules: [{ name: 'R1', localPorts: ['0-5'] }] }),
                expected: [row('XPR3061', 11, 15, '/nodes/0/baseline/firewallRules/0/localPorts/0', 'Port range "0-5" is invalid: ports are between 1 and 65535.')],
            },
            {
                it: 'should reject a remote range above 65535',
                manifest: withBaseline({ firewallRules: [{ name: 'R1', remotePorts: [443, '1-70000'] }] }),
                expected: [row('XPR3061', 12, 15, '/nodes/0/baseline/firewallRules/0/remotePorts/1', 'Port range "1-70000" is invalid: ports are between 1 and 65535.')],
            },
        ],
        passing: [
            {
                it: 'should accept ascending ranges, single-port ranges and numbers on TCP and UDP',
                manifest: withBaseline({
                    firewallRules: [
                        { name: 'R1', localPorts: ['5-10', '5060-5061', '7-7', 443], remotePorts: ['1-65535'] },
                        { name: 'R2', protocol: 'UDP', localPorts: [53] },
                    ],
                }),
                expected: [],
            },
            {
                it: 'should accept an ICMPv4 rule without ports',
                manifest: withBaseline({ firewallRules: [{ name: 'R1', protocol: 'ICMPv4' }] }),
                expected: [],
            },
        ],
    },

    conflicts: {
        failing: [
            {
                it: 'should report an item one layer gives twice with different settings as XPR3010 (no layer to win)',
                manifest: withBaseline({ services: [{ name: 'Spooler', state: 'Stopped' }, { name: 'Spooler', state: 'Running', override: true }] }),
                expected: [
                    // "override" within one layer replaces nothing: the item is still there twice.
                    row('XPR3010', 12, 11, '/nodes/0/baseline/services/1', 'Node "SRV01" gets "service:Spooler" twice with different settings (state).', [
                        note('/nodes/0/baseline/services/0', 8, 11, 'First defined in nodes[0].baseline.'),
                    ]),
                ],
            },
            {
                it: 'should report the same registry value with different data from two profiles, with a note at the first',
                manifest: withProfiles({ one: { registry: [registryValue({ value: 1 })] }, two: { registry: [registryValue({ value: 2 })] } }),
                expected: [
                    row(
                        'XPR3012',
                        16,
                        9,
                        '/baselines/two/registry/0',
                        'Node "SRV01" gets "registry:HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\Port" from baselines.one and, with different settings (value), from baselines.two.',
                        [note('/baselines/one/registry/0', 6, 9, 'First defined in baselines.one.')],
                    ),
                ],
            },
            {
                it: 'should report a profile setting that the node baseline contradicts',
                manifest: site([node('SRV01', { baselines: ['common'], baseline: { services: [{ name: 'Spooler', state: 'Running' }] } })], {
                    baselines: { common: { services: [{ name: 'Spooler', state: 'Stopped' }] } },
                }),
                expected: [
                    row('XPR3012', 21, 11, '/nodes/0/baseline/services/0', 'Node "SRV01" gets "service:Spooler" from baselines.common and, with different settings (state), from nodes[0].baseline.', [
                        note('/baselines/common/services/0', 6, 9, 'First defined in baselines.common.'),
                    ]),
                ],
            },
            {
                it: 'should report a port both allowed and blocked (allow range, block port)',
                manifest: withBaseline({
                    firewallRules: [
                        { name: 'Allow1', localPorts: ['8000-8100'] },
                        { name: 'Block1', action: 'Block', localPorts: [9000, 8080] },
                    ],
                }),
                expected: [
                    row(
                        'XPR3011',
                        14,
                        11,
                        '/nodes/0/baseline/firewallRules/1',
                        'Node "SRV01": Inbound TCP traffic on port 8080 is allowed by rule "Allow1" and blocked by rule "Block1".',
                        [note('/nodes/0/baseline/firewallRules/0', 8, 11, 'Rule "Allow1" allows it.')],
                    ),
                ],
            },
            {
                it: 'should report allow and block rules from two profiles that overlap on one profile',
                manifest: withProfiles({
                    one: { firewallRules: [{ name: 'Allow1', localPorts: [443], profiles: ['Domain', 'Public'] }] },
                    two: { firewallRules: [{ name: 'Block1', action: 'Block', localPorts: [443], profiles: ['Public'] }] },
                }),
                expected: [row('XPR3011', 20, 9, '/baselines/two/firewallRules/0', 'Inbound TCP traffic on port 443 is allowed by rule "Allow1" and blocked by rule "Block1".')],
            },
            {
                it: 'should take defaults.firewallProfiles as the profiles of a rule without its own (overlap)',
                manifest: withProfiles(
                    {
                        one: { firewallRules: [{ name: 'Allow1', localPorts: [443], profiles: ['Public'] }] },
                        two: { firewallRules: [{ name: 'Block1', action: 'Block', localPorts: [443] }] },
                    },
                    ['one', 'two'],
                    { defaults: { firewallProfiles: ['Public'] } },
                ),
                expected: [row('XPR3011', 24, 9, '/baselines/two/firewallRules/0', 'Inbound TCP traffic on port 443 is allowed by rule "Allow1" and blocked by rule "Block1".')],
            },
        ],
        passing: [
            {
                it: 'should keep an identical registry value from two profiles once, without a diagnostic',
                manifest: withProfiles({ one: { registry: [registryValue()] }, two: { registry: [registryValue()] } }),
                expected: [],
                also: (result) => expect(result.ir?.nodes[0]?.resources.filter((r) => r.kind === 'Registry')).to.have.length(1),
            },
            {
                it: 'should accept allow and block rules on the same port in disjoint profiles',
                manifest: withBaseline({
                    firewallRules: [
                        { name: 'Allow1', localPorts: [443], profiles: ['Domain'] },
                        { name: 'Block1', action: 'Block', localPorts: [443], profiles: ['Public'] },
                    ],
                }),
                expected: [],
            },
            {
                it: 'should accept allow and block rules on the same port for different protocols or directions',
                manifest: withBaseline({
                    firewallRules: [
                        { name: 'Allow1', localPorts: [443] },
                        { name: 'Block1', action: 'Block', protocol: 'UDP', localPorts: [443] },
                        { name: 'Block2', action: 'Block', direction: 'Outbound', localPorts: [443] },
                    ],
                }),
                expected: [],
            },
            {
                it: 'should accept allow and block rules whose port lists do not overlap',
                manifest: withBaseline({
                    firewallRules: [
                        { name: 'Allow1', localPorts: ['8000-8079'] },
                        { name: 'Block1', action: 'Block', localPorts: ['8080-8090'] },
                    ],
                }),
                expected: [],
            },
            {
                it: 'should ignore a block rule that is removed (ensure Absent)',
                manifest: withBaseline({
                    firewallRules: [
                        { name: 'Allow1', localPorts: [443] },
                        { name: 'Block1', action: 'Block', ensure: 'Absent', localPorts: [443] },
                    ],
                }),
                expected: [],
            },
            {
                it: 'should merge dependsOn rather than report it as a different setting',
                manifest: withProfiles({
                    one: { windowsFeatures: [{ name: 'Web-Server' }], registry: [registryValue()] },
                    two: { registry: [registryValue({ dependsOn: ['feature:Web-Server'] })] },
                }),
                expected: [],
            },
            // --- Expected behaviour the compiler does not have yet (see the report) ---
            {
                it: 'should treat the same registry value written as HKLM\\… and HKEY_LOCAL_MACHINE\\… with identical data as one item',
                manifest: withProfiles({
                    one: { registry: [registryValue()] },
                    two: { registry: [registryValue({ key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor' })] },
                }),
                expected: [],
            },
            {
                it: 'should treat an explicit default ("ensure": "Present") as the same setting as an omitted one',
                manifest: withProfiles({ one: { registry: [registryValue()] }, two: { registry: [registryValue({ ensure: 'Present' })] } }),
                expected: [],
            },
            {
                it: 'should take defaults.firewallProfiles as the profiles of a rule without its own (no overlap)',
                manifest: withProfiles(
                    {
                        one: { firewallRules: [{ name: 'Allow1', localPorts: [443] }] },
                        two: { firewallRules: [{ name: 'Block1', action: 'Block', localPorts: [443], profiles: ['Domain'] }] },
                    },
                    ['one', 'two'],
                    { defaults: { firewallProfiles: ['Public'] } },
                ),
                expected: [],
            },
            {
                it: 'should treat service names that differ only in case as the same name, not a different setting',
                manifest: withProfiles({
                    one: { services: [{ name: 'Spooler', state: 'Stopped' }] },
                    two: { services: [{ name: 'spooler', state: 'Stopped' }] },
                }),
                expected: [],
            },
            {
                it: 'should treat port lists that differ only in order as the same setting',
                manifest: withProfiles({
                    one: { firewallRules: [{ name: 'R1', localPorts: [80, 443] }] },
                    two: { firewallRules: [{ name: 'R1', localPorts: [443, 80] }] },
                }),
                expected: [],
            },
        ],
    },

    layers: {
        failing: [
            {
                it: 'should warn about an "override" that replaces nothing',
                manifest: withBaseline({ services: [{ name: 'Spooler', state: 'Stopped', override: true }] }),
                expected: [row('XPR3013', 11, 25, '/nodes/0/baseline/services/0/override', 'Node "SRV01": "service:Spooler" in nodes[0].baseline is marked "override"')],
            },
            {
                it: 'should warn about a knockout that removes nothing, and about one of an item of the same layer',
                manifest: withBaseline({ services: [{ name: 'Spooler' }], knockout: ['service:Spooler', 'feature:Telnet-Client'] }),
                expected: [
                    row('XPR3014', 13, 11, '/nodes/0/baseline/knockout/0', 'knockout "service:Spooler" in nodes[0].baseline matches no item'),
                    row('XPR3014', 14, 11, '/nodes/0/baseline/knockout/1', 'knockout "feature:Telnet-Client" in nodes[0].baseline'),
                ],
            },
            {
                it: 'should warn about a role that no node has',
                manifest: site([node('SRV01')], { roles: { web: { baselines: ['common'] } }, baselines: { common: {} } }),
                // A profile a role names counts as applied (no XPR3007), even when no node has the role.
                expected: [row('XPR3015', 4, 5, '/roles/web', 'Role "web" is declared in "roles" but no node lists it.')],
            },
        ],
        passing: [
            {
                it: 'should let a node override a role baseline item and knock out another, without warnings',
                manifest: site(
                    [node('SRV01', { roles: ['web'], baseline: { services: [{ name: 'Spooler', state: 'Running', override: true }], knockout: ['feature:Telnet-Client'] } })],
                    { roles: { web: { baselines: ['common'] } }, baselines: { common: { windowsFeatures: [{ name: 'Telnet-Client', ensure: 'Absent' }], services: [{ name: 'Spooler', state: 'Stopped' }] } } },
                ),
                expected: [],
            },
        ],
    },

    dependencies: {
        failing: [
            {
                it: 'should report a dependsOn target the node does not have',
                manifest: withBaseline({ services: [{ name: 'W3SVC', dependsOn: ['feature:Web-Server'] }] }),
                expected: [row('XPR3020', 11, 15, '/nodes/0/baseline/services/0/dependsOn/0', 'Node "SRV01" has no item "feature:Web-Server" to depend on.')],
            },
            {
                it: 'should report a 2-cycle once, with its full path',
                manifest: withBaseline({
                    services: [
                        { name: 'A', dependsOn: ['service:B'] },
                        { name: 'B', dependsOn: ['service:A'] },
                    ],
                }),
                expected: [
                    row(
                        'XPR3021',
                        10,
                        26,
                        '/nodes/0/baseline/services/0/dependsOn',
                        'Node "SRV01" has a dependency cycle: "service:A" → "service:B" → "service:A".',
                        [note('/nodes/0/baseline/services/1', 14, 11, '"service:B" is on the cycle.')],
                    ),
                ],
            },
            {
                it: 'should report a 3-cycle once, starting at its smallest item whatever the declaration order',
                manifest: withBaseline({
                    services: [
                        { name: 'C', dependsOn: ['service:A'] },
                        { name: 'B', dependsOn: ['service:C'] },
                        { name: 'A', dependsOn: ['service:B'] },
                    ],
                }),
                expected: [
                    row(
                        'XPR3021',
                        22,
                        26,
                        '/nodes/0/baseline/services/2/dependsOn',
                        'Node "SRV01" has a dependency cycle: "service:A" → "service:B" → "service:C" → "service:A".',
                        [
                            note('/nodes/0/baseline/services/1', 14, 11, '"service:B" is on the cycle.'),
                            note('/nodes/0/baseline/services/0', 8, 11, '"service:C" is on the cycle.'),
                        ],
                    ),
                ],
            },
            {
                it: 'should report a cycle through the implicit folder-before-file edge',
                manifest: withBaseline({
                    folders: [{ path: 'D:\\Data', dependsOn: ['file:D:\\Data\\x.txt'] }],
                    files: [{ path: 'D:\\Data\\x.txt', contents: 'x' }],
                }),
                expected: [
                    row(
                        'XPR3021',
                        16,
                        11,
                        '/nodes/0/baseline/files/0/dependsOn',
                        'Node "SRV01" has a dependency cycle: "file:D:\\Data\\x.txt" → "folder:D:\\Data" → "file:D:\\Data\\x.txt".',
                    ),
                ],
            },
        ],
        passing: [
            {
                it: 'should resolve a registry reference written as HKEY_LOCAL_MACHINE\\… to a value written as HKLM\\…',
                manifest: withBaseline({
                    registry: [registryValue()],
                    services: [{ name: 'A', dependsOn: ['registry:HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\Port'] }],
                }),
                expected: [],
            },
            {
                it: 'should resolve a registry reference to a 32-bit value by the key as written',
                manifest: withBaseline({
                    registry: [registryValue({ view: '32' })],
                    services: [{ name: 'A', dependsOn: ['registry:HKLM\\SOFTWARE\\Vendor\\Port'] }],
                }),
                expected: [],
            },
            {
                it: 'should resolve a package referenced by its productId, with braces and in another case',
                manifest: withBaseline({
                    packages: [{ name: 'App', productId: PACKAGE_ID.toLowerCase().replace(/[{}]/g, ''), path: 'C:\\app.msi' }],
                    services: [{ name: 'A', dependsOn: [`package:${PACKAGE_ID}`] }],
                }),
                expected: [],
            },
            {
                it: 'should resolve a package by name case-insensitively and a folder written with a trailing backslash',
                manifest: withBaseline({
                    folders: [{ path: 'D:\\Data' }],
                    packages: [{ name: 'App', productId: PACKAGE_ID, path: 'C:\\app.msi' }],
                    services: [{ name: 'A', dependsOn: ['package:app', 'folder:D:\\Data\\'] }],
                }),
                expected: [],
            },
            {
                it: 'should accept a dependency chain without a cycle',
                manifest: withBaseline({
                    windowsFeatures: [{ name: 'Web-Server' }],
                    services: [
                        { name: 'A', dependsOn: ['service:B', 'feature:Web-Server'] },
                        { name: 'B', dependsOn: ['feature:web-server'] },
                    ],
                }),
                expected: [],
            },
        ],
    },

    'credential-encryption': {
        failing: [
            {
                it: 'should reject a credential on a node without a certificate, at the node name',
                manifest: withBaseline(
                    { services: [{ name: 'Svc', account: { credential: 'AppService' } }] },
                    {},
                    { credentials: { AppService: { description: 'App' } } },
                ),
                expected: [
                    row(
                        'XPR3040',
                        10,
                        15,
                        '/nodes/0/name',
                        'Node "SRV01" takes credential "AppService" but has no MOF encryption certificate, so the password would be stored in clear text in its MOF.',
                    ),
                ],
            },
            {
                it: 'should only warn when plain-text credentials are allowed',
                manifest: withBaseline(
                    { services: [{ name: 'Svc', account: { credential: 'AppService' } }] },
                    {},
                    { credentials: { AppService: { description: 'App' } }, defaults: { allowPlainTextCredentials: true } },
                ),
                expected: [
                    row(
                        'XPR3041',
                        13,
                        15,
                        '/nodes/0/name',
                        'Node "SRV01" takes credential "AppService" without a certificate; its MOF will hold the password in clear text (allowPlainTextCredentials).',
                    ),
                ],
            },
            {
                it: 'should reject a credential a node takes through a profile',
                manifest: site([node('SRV01', { baselines: ['common'] })], {
                    credentials: { AppService: { description: 'App' } },
                    baselines: { common: { packages: [{ name: 'App', productId: PACKAGE_ID, path: 'C:\\app.msi', credential: { credential: 'AppService' } }] } },
                }),
                expected: [row('XPR3040', 24, 15, '/nodes/0/name', 'Node "SRV01" takes credential "AppService" but has no MOF encryption certificate')],
            },
        ],
        passing: [
            {
                it: 'should accept a credential on a node with a certificate',
                manifest: withBaseline(
                    { services: [{ name: 'Svc', account: { credential: 'AppService' } }] },
                    { certificate: CERT },
                    { credentials: { AppService: { description: 'App' } } },
                ),
                expected: [],
            },
            {
                it: 'should accept a node without certificate that takes no credential',
                manifest: withBaseline({ services: [{ name: 'Svc', account: 'NetworkService' }] }),
                expected: [],
            },
        ],
    },

    delivery: {
        failing: [
            {
                it: 'should reject pull delivery without a pull server, at the mode',
                manifest: site([node()], { delivery: { mode: 'pull' } }),
                expected: [row('XPR3430', 4, 13, '/delivery/mode', 'Delivery mode is "pull" but "delivery.pullServer" is not set')],
            },
            {
                it: 'should warn about an http pull server and reject a registration key value (a GUID) instead of its reference name',
                manifest: site([node()], {
                    delivery: { mode: 'pull', pullServer: { url: 'http://pull.lab.local:8080/PSDSCPullServer.svc', registrationKey: '0f8fad5b-d9cb-469f-a165-70867728950e' } },
                }),
                expected: [
                    row('XPR3431', 6, 14, '/delivery/pullServer/url', 'Pull server "http://pull.lab.local:8080/PSDSCPullServer.svc" is reached over http'),
                    row('XPR3432', 7, 26, '/delivery/pullServer/registrationKey', '"registrationKey" holds what looks like a registration key (a GUID)'),
                ],
            },
            {
                it: 'should reject a GUID written without dashes as the registration key',
                manifest: site([node()], {
                    delivery: { mode: 'pull', pullServer: { url: 'https://pull.lab.local/PSDSCPullServer.svc', registrationKey: '0F8FAD5BD9CB469FA16570867728950E' } },
                }),
                expected: [row('XPR3432', 7, 26, '/delivery/pullServer/registrationKey', 'looks like a registration key')],
            },
        ],
        passing: [
            {
                it: 'should accept pull delivery over https with a registration key reference name',
                manifest: site([node()], {
                    delivery: { mode: 'pull', pullServer: { url: 'https://pull.lab.local:8080/PSDSCPullServer.svc', registrationKey: 'LabDscRegistrationKey' } },
                }),
                expected: [],
            },
            { it: 'should accept push delivery without a pull server', manifest: site([node()], { delivery: { mode: 'push' } }), expected: [] },
            { it: 'should accept a site without a delivery section', manifest: site([node()]), expected: [] },
        ],
    },
    'manual-steps': {
        failing: [
            {
                it: 'should report two different steps with the same id within a node baseline',
                manifest: withBaseline({ manualSteps: [step('licence', 'A'), step('licence', 'B')] }),
                expected: [row('XPR3070', 16, 19, '/nodes/0/baseline/manualSteps/1/id', 'Node "SRV01" has two different manual steps with id "licence".')],
            },
            {
                it: 'should report two different steps with the same id from two profiles',
                manifest: withProfiles({ one: { manualSteps: [step('licence', 'A')] }, two: { manualSteps: [step('licence', 'B')] } }),
                expected: [row('XPR3070', 18, 17, '/baselines/two/manualSteps/0/id', 'Node "SRV01" has two different manual steps with id "licence".')],
            },
        ],
        passing: [
            {
                it: 'should list an identical step from two profiles once, without a diagnostic',
                manifest: withProfiles({ one: { manualSteps: [step('licence', 'A')] }, two: { manualSteps: [step('licence', 'A')] } }),
                expected: [],
                also: (result) => expect(result.ir?.nodes[0]?.manualSteps.map((s) => s.id)).to.deep.equal(['licence']),
            },
            {
                it: 'should accept steps with different ids',
                manifest: withBaseline({ manualSteps: [step('licence', 'A'), step('backup', 'B')] }),
                expected: [],
            },
            // --- Expected behaviour the compiler does not have yet (see the report) ---
            {
                it: 'should treat the same step written with its properties in another order as identical',
                manifest: withProfiles({
                    one: { manualSteps: [{ id: 'licence', title: 'A', instructions: ['Do it.'] }] },
                    two: { manualSteps: [{ title: 'A', id: 'licence', instructions: ['Do it.'] }] },
                }),
                expected: [],
            },
        ],
    },
    // --- Data safety (issue #10): what Windows cannot store, secrets in names and URLs ---
    'site-name': {
        failing: [
            { it: 'should reject the site name "con"', manifest: { ...site([node()]), name: 'con' }, expected: [row('XPR3085', 2, 11, '/name', 'Site name "con" is a reserved device name')] },
        ],
        passing: [{ it: 'should accept "lab" and names that only start like a device ("console")', manifest: { ...site([node()]), name: 'console' }, expected: [] }],
    },
    'registry-strings': {
        failing: [
            {
                it: 'should reject NUL inside a REG_SZ',
                manifest: withBaseline({ registry: [registryValue({ type: 'REG_SZ', value: 'a\u0000b' })] }),
                expected: [row('XPR3081', 12, 22, '/nodes/0/baseline/registry/0/value', 'holds a NUL character')],
            },
            {
                it: 'should reject NUL inside a REG_MULTI_SZ item, at the item',
                manifest: withBaseline({ registry: [registryValue({ type: 'REG_MULTI_SZ', value: ['a', 'b\u0000c'] })] }),
                expected: [row('XPR3081', 14, 15, '/nodes/0/baseline/registry/0/value/1', 'in item 1')],
            },
            {
                it: 'should reject an empty REG_MULTI_SZ item with the reason',
                manifest: withBaseline({ registry: [registryValue({ type: 'REG_MULTI_SZ', value: ['', 'b'] })] }),
                expected: [row('XPR3082', 13, 15, '/nodes/0/baseline/registry/0/value/0', 'Windows cannot store an empty string inside a multi-string')],
            },
        ],
        passing: [
            { it: 'should accept an empty REG_MULTI_SZ list and ordinary strings', manifest: withBaseline({ registry: [registryValue({ type: 'REG_MULTI_SZ', value: [] }), registryValue({ name: 'S', type: 'REG_EXPAND_SZ', value: '%SystemRoot%' })] }), expected: [] },
        ],
    },
    'registry-key-case': {
        failing: [
            {
                it: 'should reject one key spelled HKLM\\SOFTWARE\\Pp and HKLM\\SOFTWARE\\PP, naming both spellings',
                manifest: withBaseline({ registry: [registryValue({ key: 'HKLM\\SOFTWARE\\Pp', name: 'A' }), registryValue({ key: 'HKLM\\SOFTWARE\\PP', name: 'B' })] }),
                expected: [row('XPR3080', 14, 11, '/nodes/0/baseline/registry/1', '"HKEY_LOCAL_MACHINE\\SOFTWARE\\Pp" and as "HKEY_LOCAL_MACHINE\\SOFTWARE\\PP"')],
            },
        ],
        passing: [
            {
                it: 'should accept one key written as HKLM\\… and HKEY_LOCAL_MACHINE\\… in the same case',
                manifest: withBaseline({ registry: [registryValue({ key: 'HKLM\\SOFTWARE\\Pp', name: 'A' }), registryValue({ key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Pp', name: 'B' })] }),
                expected: [],
            },
        ],
    },
    'secret-names': {
        failing: [
            {
                it: 'should reject Winlogon DefaultPassword',
                manifest: withBaseline({ registry: [registryValue({ key: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon', name: 'DefaultPassword', type: 'REG_SZ', value: 'x' })] }),
                expected: [row('XPR3083', 10, 21, '/nodes/0/baseline/registry/0/name', 'is named like a secret (password)')],
            },
            {
                it: 'should reject ClientSecret and an api_key',
                manifest: withBaseline({ registry: [registryValue({ name: 'ClientSecret', type: 'REG_SZ', value: 'x' }), registryValue({ name: 'api_key', type: 'REG_SZ', value: 'x' })] }),
                expected: [
                    row('XPR3083', 10, 21, '/nodes/0/baseline/registry/0/name', '(clientsecret)'),
                    row('XPR3083', 16, 21, '/nodes/0/baseline/registry/1/name', '(apikey)'),
                ],
            },
            {
                it: 'should reject an installer argument ADMINPASSWORD=…',
                manifest: withBaseline({ packages: [{ name: 'App', productId: '{6F2B1A7C-3D4E-4F50-8A9B-0C1D2E3F4A5B}', path: '\\\\fs\\m\\app.msi', arguments: 'INSTALLDIR=D:\\App ADMINPASSWORD=x' }] }),
                expected: [row('XPR3083', 12, 26, '/nodes/0/baseline/packages/0/arguments', 'Installer argument "ADMINPASSWORD"')],
            },
        ],
        passing: [
            {
                it: 'should accept policy names about passwords (PasswordLength, PwdExpiry, DisablePasswordChange) and words that only contain one (Passport)',
                manifest: withBaseline({
                    registry: ['PasswordLength', 'PwdExpiry', 'DisablePasswordChange', 'MaximumPasswordAge', 'Passport', 'TokenLifetime'].map((name) => registryValue({ name })),
                }),
                expected: [],
            },
            { it: 'should accept removing a value named Password', manifest: withBaseline({ registry: [{ key: 'HKLM\\SOFTWARE\\Vendor', name: 'Password', ensure: 'Absent' }] }), expected: [] },
        ],
    },
    'url-credentials': {
        failing: [
            {
                it: 'should reject ldap://admin:secret@dc01 in a manual step, without printing the password',
                manifest: withBaseline({ manualSteps: [{ id: 'ldap', title: 'LDAP', instructions: ['Bind to ldap://admin:hunter2@dc01 and check.'] }] }),
                expected: [row('XPR3084', 12, 15, '/nodes/0/baseline/manualSteps/0/instructions/0', 'ldap://admin:***@dc01')],
                also: (result) => expect(JSON.stringify(result.diagnostics)).to.not.contain('hunter2'),
            },
        ],
        passing: [
            { it: 'should accept URLs with a user name only, or none', manifest: withBaseline({ manualSteps: [{ id: 'ldap', title: 'LDAP', instructions: ['Bind to ldap://admin@dc01 or https://dc01:636/x.'] }] }), expected: [] },
        ],
    },
};

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe('semantic rules (compiler/rules)', () => {
    describe('RULES meta', () => {
        it('should have unique rule names', () => {
            const names = RULES.map((rule) => rule.name);
            expect(new Set(names).size).to.equal(names.length);
        });

        it('should give every rule a kebab-case name, a one-sentence description and a non-empty reports list', () => {
            for (const rule of RULES) {
                expect(rule.name, rule.name).to.match(/^[a-z]+(?:-[a-z]+)*$/);
                expect(rule.description, rule.name).to.match(/^[A-Z].*\.$/);
                expect(rule.reports, rule.name).to.not.be.empty;
            }
        });

        it('should only report catalog kinds of the semantic phase', () => {
            for (const rule of RULES) {
                for (const kind of rule.reports) {
                    expect(CATALOG, `${rule.name}: ${kind}`).to.have.property(kind);
                    expect(CATALOG[kind].phase, `${rule.name}: ${kind}`).to.equal('semantic');
                }
            }
        });

        it('should have every semantic catalog kind reported by exactly one rule', () => {
            // The plan's check (compiler/plan/check-plan.ts) reports its own kinds, after lowering; so does the
            // LCM restart check, which needs the products' resources.
            const semantic = (Object.keys(CATALOG) as DiagnosticKind[])
                .filter((kind) => CATALOG[kind].phase === 'semantic' && !PLAN_REPORTS.includes(kind))
                .sort();
            const reported = [...RULES.flatMap((rule) => rule.reports), ...LCM_RESTARTS_REPORTS].sort();
            expect(reported).to.deep.equal(semantic);
        });

        it('should have a table here for every core rule, with a failing case for every kind it reports and a passing case', () => {
            // Product rules have their tables in spec/unit/products/<product>/ (each product's spec checks the same).
            const core = RULES.filter((rule) => !PRODUCTS.some((product) => product.rules.includes(rule)));
            expect(Object.keys(CASES).sort()).to.deep.equal(core.map((rule) => rule.name).sort());
            for (const rule of core) {
                const cases = CASES[rule.name]!;
                const covered = new Set(cases.failing.flatMap((c) => c.expected.map((e) => e.code)));
                for (const kind of rule.reports) {
                    expect([...covered], `${rule.name}: no failing case for ${kind}`).to.include(CATALOG[kind].code);
                }
                expect(cases.passing, rule.name).to.not.be.empty;
            }
        });
    });

    for (const rule of RULES) {
        describe(rule.name, () => {
            const cases = CASES[rule.name] ?? { failing: [], passing: [] };
            const codes = rule.reports.map((kind) => CATALOG[kind].code as string);

            for (const c of cases.failing) {
                it(c.it, () => {
                    const result = doTest(c.manifest, c.expected);
                    expect(result.diagnostics.some((d) => codes.includes(d.code))).to.equal(true);
                    c.also?.(result);
                });
            }
            for (const c of cases.passing) {
                it(c.it, () => {
                    const result = doTest(c.manifest, c.expected);
                    expect(result.diagnostics.filter((d) => codes.includes(d.code))).to.deep.equal([]);
                    c.also?.(result);
                });
            }
        });
    }
});
