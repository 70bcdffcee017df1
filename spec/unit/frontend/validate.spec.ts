/**
 * Phase 2, validate (compiler/frontend/validate.ts): JSON Schema errors as
 * coded diagnostics, one per mistake, at the offending value (or key).
 *
 * Manifests are pretty-printed with two-space indentation; line:column can be
 * read off JSON.stringify(manifest, null, 2).
 */

import { expect } from 'chai';

import { compile } from '../../../compiler/compile.js';
import { describePointer, suggest, validate } from '../../../compiler/frontend/validate.js';
import { diagnosticsJson, formatDiagnostics, PLAIN } from '../../../compiler/cli/format.js';
import { SourceText } from '../../../compiler/frontend/source.js';

type Json = Record<string, unknown> | unknown[];

/** [code, line, column, pointer, message substring]. */
type Row = readonly [code: string, line: number, column: number, pointer: string, message: string];

function doTest(manifest: Json, expected: readonly Row[]): void {
    const result = compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2)) }, { emit: false });
    const actual = result.diagnostics;
    expect(
        actual.map((d) => [d.code, d.start?.line, d.start?.column, d.pointer]),
        JSON.stringify(actual.map((d) => `${d.code} ${d.start?.line}:${d.start?.column} ${d.pointer} ${d.message}`), null, 2),
    ).to.deep.equal(expected.map(([code, line, column, pointer]) => [code, line, column, pointer]));
    expected.forEach(([, , , , message], i) => expect(actual[i]?.message).to.include(message));
    for (const d of actual) {
        expect(d.severity).to.equal('error');
    }
}

/** One node SRV01 with its own baseline. */
const withBaseline = (baseline: Json): Json => ({ name: 'lab', nodes: [{ name: 'SRV01', baseline }] });
const withRegistry = (value: Json): Json => withBaseline({ registry: [value] });
const withPorts = (localPorts: unknown[]): Json => withBaseline({ firewallRules: [{ name: 'R', localPorts }] });

interface Case {
    readonly it: string;
    readonly manifest: Json;
    readonly expected: readonly Row[];
}

const CASES: Readonly<Record<string, readonly Case[]>> = {
    'wrong type (XPR2001)': [
        {
            it: 'should report a number where a string is required',
            manifest: { name: 'lab', nodes: [{ name: 42 }] },
            expected: [['XPR2001', 5, 15, '/nodes/0/name', '"nodes[0].name" must be a string, not the number 42.']],
        },
        {
            it: 'should report an object where an array is required',
            manifest: { name: 'lab', nodes: {} },
            expected: [['XPR2001', 3, 12, '/nodes', '"nodes" must be an array, not an object.']],
        },
        {
            it: 'should report a top-level array at the start of the file',
            manifest: [1],
            expected: [['XPR2001', 1, 1, '', 'must be an object, not an array.']],
        },
        {
            it: 'should report a string where the registry type requires a number',
            manifest: withRegistry({ key: 'HKLM\\SOFTWARE\\V', name: 'N', type: 'REG_DWORD', value: '1' }),
            expected: [['XPR2001', 12, 22, '/nodes/0/baseline/registry/0/value', 'must be a whole number, not the string "1".']],
        },
    ],
    'missing property (XPR2002)': [
        {
            it: 'should report a missing required property at the object that lacks it',
            manifest: { name: 'lab', nodes: [{}] },
            expected: [['XPR2002', 4, 5, '/nodes/0', '"nodes[0]" is missing the required property "name".']],
        },
        {
            it: 'should report a missing top-level property at the start of the file',
            manifest: { name: 'lab' },
            expected: [['XPR2002', 1, 1, '', 'is missing the required property "nodes".']],
        },
        {
            it: 'should report a missing certificate thumbprint at the certificate object',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', certificate: { file: 'C:\\a.cer' } }] },
            expected: [['XPR2002', 6, 22, '/nodes/0/certificate', '"nodes[0].certificate" is missing the required property "thumbprint".']],
        },
        {
            it: 'should report a present registry value without a type',
            manifest: withRegistry({ key: 'HKLM\\SOFTWARE\\V', name: 'N', value: 'x' }),
            expected: [['XPR2002', 8, 11, '/nodes/0/baseline/registry/0', 'is missing the required property "type".']],
        },
    ],
    'unknown property (XPR2003)': [
        {
            it: 'should report an unknown property at its key, with a did-you-mean suggestion',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', adresses: [] }] },
            expected: [['XPR2003', 6, 7, '/nodes/0/adresses', 'Property "adresses" is not allowed in "nodes[0]". Did you mean "addresses"?']],
        },
        {
            it: 'should report an unknown top-level property at its key, with a suggestion',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01' }], node: [] },
            expected: [['XPR2003', 8, 3, '/node', 'Did you mean "nodes"?']],
        },
        {
            it: 'should report a property that differs only in case as unknown',
            manifest: { name: 'lab', Nodes: [], nodes: [{ name: 'SRV01' }] },
            expected: [['XPR2003', 3, 3, '/Nodes', 'Property "Nodes" is not allowed in']],
        },
    ],
    'value not allowed (XPR2004)': [
        {
            it: 'should report a value outside an enum with a suggestion',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', os: 'WindowsServer2021' }] },
            expected: [['XPR2004', 6, 13, '/nodes/0/os', '"nodes[0].os" is "WindowsServer2021", which is not one of "WindowsServer2008R2", ']],
        },
        {
            it: 'should suggest the enum value that differs only in case',
            manifest: withBaseline({ services: [{ name: 'A', startupType: 'automatic' }] }),
            expected: [
                [
                    'XPR2004',
                    10,
                    28,
                    '/nodes/0/baseline/services/0/startupType',
                    'is "automatic", which is not one of "Automatic", "Manual", "Disabled". Did you mean "Automatic"?',
                ],
            ],
        },
        {
            it: 'should not suggest anything when no enum value is close',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', os: 'Win11' }] },
            expected: [['XPR2004', 6, 13, '/nodes/0/os', '"Windows10", "Windows11".']],
        },
    ],
    'bad format (XPR2005)': [
        {
            it: 'should report a credential name that breaks the pattern at the key',
            manifest: { name: 'lab', credentials: { appService: { description: 'x' } }, nodes: [{ name: 'SRV01' }] },
            expected: [['XPR2005', 4, 5, '/credentials/appService', 'A key of "credentials" is "appService", which does not have the required form.']],
        },
        {
            it: 'should report a profile name with a space at the key',
            manifest: { name: 'lab', baselines: { 'web servers': {} }, nodes: [{ name: 'SRV01' }] },
            expected: [['XPR2005', 4, 5, '/baselines/web servers', 'A key of "baselines" is "web servers"']],
        },
        {
            it: 'should report a site name with capitals',
            manifest: { name: 'Lab', nodes: [{ name: 'SRV01' }] },
            expected: [['XPR2005', 2, 11, '/name', '"name" is "Lab", which does not have the required form.']],
        },
        {
            it: 'should report a path with forward slashes',
            manifest: withBaseline({ folders: [{ path: 'D:/Data' }] }),
            expected: [['XPR2005', 9, 21, '/nodes/0/baseline/folders/0/path', 'is "D:/Data", which does not have the required form.']],
        },
    ],
    'out of range (XPR2006)': [
        {
            it: 'should report a REG_DWORD of 2^32',
            manifest: withRegistry({ key: 'HKLM\\SOFTWARE\\V', name: 'N', type: 'REG_DWORD', value: 4294967296 }),
            expected: [['XPR2006', 12, 22, '/nodes/0/baseline/registry/0/value', '4294967295']],
        },
        {
            // The schema allows it so that the registry-strings rule can say why (XPR3082, issue #11 item 22).
            it: 'should report an empty string in a REG_MULTI_SZ at the item, with the reason',
            manifest: withRegistry({ key: 'HKLM\\SOFTWARE\\V', name: 'N', type: 'REG_MULTI_SZ', value: ['a', ''] }),
            expected: [['XPR3082', 14, 15, '/nodes/0/baseline/registry/0/value/1', 'Windows cannot store an empty string inside a multi-string']],
        },
        {
            it: 'should report an empty node list',
            manifest: { name: 'lab', nodes: [] },
            expected: [['XPR2006', 3, 12, '/nodes', '"nodes" ']],
        },
        {
            it: 'should report a prefix length above 128',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', addresses: [{ address: '10.0.0.1', prefixLength: 129 }] }] },
            expected: [['XPR2006', 9, 27, '/nodes/0/addresses/0/prefixLength', '128']],
        },
    ],
    'secret (XPR2007)': [
        {
            it: 'should report a "password" property at its key',
            manifest: { name: 'lab', credentials: { AppService: { description: 'x', password: 'hunter2' } }, nodes: [{ name: 'SRV01' }] },
            expected: [['XPR2007', 6, 7, '/credentials/AppService/password', 'Property "password" looks like a secret; manifests never hold passwords.']],
        },
        {
            it: 'should report any property whose name ends in Password',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', adminPassword: 'x' }] },
            expected: [['XPR2007', 6, 7, '/nodes/0/adminPassword', 'Property "adminPassword" looks like a secret']],
        },
    ],
    'credential value withheld (XPR2011)': [
        {
            it: 'should not quote a string written where a credential reference belongs',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', baseline: { packages: [{ name: 'P', path: '\\\\fs\\p.msi', productId: '{00000000-0000-0000-0000-000000000001}', credential: 'hunter2' }] } }] },
            expected: [['XPR2011', 12, 27, '/nodes/0/baseline/packages/0/credential', 'must be a credential reference']],
        },
        {
            it: 'should not quote a credential name that is not a name',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', baseline: { packages: [{ name: 'P', path: '\\\\fs\\p.msi', productId: '{00000000-0000-0000-0000-000000000001}', credential: { credential: 'hunter2!' } }] } }] },
            expected: [['XPR2011', 13, 29, '/nodes/0/baseline/packages/0/credential/credential', 'the PascalCase name of an entry of "credentials"']],
        },
        {
            it: 'should not quote a string declared as a credential',
            manifest: { name: 'lab', credentials: { App: 'hunter2' }, nodes: [{ name: 'SRV01' }] },
            expected: [['XPR2011', 4, 12, '/credentials/App', 'must be a credential declaration']],
        },
        {
            it: 'should not quote a service account that is neither a built-in account nor a reference',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', baseline: { services: [{ name: 'Svc', account: 'hunter2' }] } }] },
            expected: [['XPR2011', 10, 24, '/nodes/0/baseline/services/0/account', 'or another of its forms']],
        },
    ],
    'duplicate item (XPR2008)': [
        {
            it: 'should report a profile applied twice at the second occurrence',
            manifest: { name: 'lab', baselines: { common: {} }, nodes: [{ name: 'SRV01', baselines: ['common', 'common'] }] },
            expected: [['XPR2008', 11, 9, '/nodes/0/baselines/1', '"nodes[0].baselines" lists the same item twice (items 0 and 1).']],
        },
    ],
    'combinators folded (XPR2009)': [
        {
            it: 'should report port 70000 exactly once, at the port',
            manifest: withPorts([70000]),
            expected: [['XPR2009', 11, 15, '/nodes/0/baseline/firewallRules/0/localPorts/0', '"nodes[0].baseline.firewallRules[0].localPorts[0]" ']],
        },
        {
            it: 'should report a port name exactly once, at the port',
            manifest: withPorts(['http']),
            expected: [['XPR2009', 11, 15, '/nodes/0/baseline/firewallRules/0/localPorts/0', 'matches none of the allowed forms']],
        },
        {
            it: 'should report each bad port of a list once and leave the good one alone',
            manifest: withPorts([0, 'x', 80]),
            expected: [
                ['XPR2009', 11, 15, '/nodes/0/baseline/firewallRules/0/localPorts/0', 'matches none of the allowed forms'],
                ['XPR2009', 12, 15, '/nodes/0/baseline/firewallRules/0/localPorts/1', 'matches none of the allowed forms'],
            ],
        },
        {
            it: 'should report the IP address 10.0.0.300 exactly once',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', addresses: [{ address: '10.0.0.300' }] }] },
            expected: [['XPR2009', 8, 22, '/nodes/0/addresses/0/address', '"nodes[0].addresses[0].address" ']],
        },
        {
            it: 'should report a malformed REG_QWORD string exactly once',
            manifest: withRegistry({ key: 'HKLM\\SOFTWARE\\V', name: 'N', type: 'REG_QWORD', value: 'abc' }),
            expected: [['XPR2009', 12, 22, '/nodes/0/baseline/registry/0/value', 'matches none of the allowed forms']],
        },
        // --- Expected behaviour the compiler does not have yet (see the report) ---
        {
            // Exactly once; and withheld, since a string there may as well be a password (XPR2011).
            it: 'should report a misspelt built-in service account exactly once (anyOf with a $ref branch)',
            manifest: withBaseline({ services: [{ name: 'A', account: 'LocalSytem' }] }),
            expected: [['XPR2011', 10, 24, '/nodes/0/baseline/services/0/account', 'a built-in account, or a credential reference']],
        },
    ],
    'forbidden combination (XPR2010)': [
        {
            it: 'should report a value on a registry value that is removed, at the "value" key',
            manifest: withRegistry({ key: 'HKLM\\SOFTWARE\\V', name: 'N', ensure: 'Absent', value: 'x' }),
            expected: [['XPR2010', 12, 13, '/nodes/0/baseline/registry/0/value', 'combines properties that exclude each other.']],
        },
        // --- Expected behaviour the compiler does not have yet (see the report) ---
        {
            it: 'should report a file with both contents and sourcePath as a forbidden combination',
            manifest: withBaseline({ files: [{ path: 'D:\\x.txt', contents: 'x', sourcePath: 'D:\\y.txt' }] }),
            expected: [['XPR2010', 8, 11, '/nodes/0/baseline/files/0', 'combines properties that exclude each other.']],
        },
    ],
    'several mistakes': [
        {
            it: 'should report every schema error, sorted by position',
            manifest: { name: 'lab', nodes: [{ name: 'srv01', os: 'Win11', adresses: [] }, { name: 'SRV01' }] },
            expected: [
                ['XPR2004', 6, 13, '/nodes/0/os', '"nodes[0].os" is "Win11"'],
                ['XPR2003', 7, 7, '/nodes/0/adresses', 'Property "adresses" is not allowed'],
            ],
        },
        {
            it: 'should stop before the semantic rules when the schema reports an error',
            manifest: { name: 'lab', nodes: [{ name: 'SRV01', adresses: [] }, { name: 'srv01' }, { name: '../etc' }] },
            expected: [['XPR2003', 6, 7, '/nodes/0/adresses', 'Property "adresses" is not allowed']],
        },
    ],
    'bad keys (pointer escaping)': [
        // --- Expected behaviour the compiler does not have yet (see the report) ---
        {
            it: 'should escape "/" and "~" in the pointer of a bad key and point at that key',
            manifest: { name: 'lab', credentials: { 'a/b~c': { description: 'x' } }, nodes: [{ name: 'SRV01' }] },
            expected: [['XPR2005', 4, 5, '/credentials/a~1b~0c', 'A key of "credentials" is "a/b~c"']],
        },
    ],
};

describe('validate (compiler/frontend/validate.ts)', () => {
    for (const [group, cases] of Object.entries(CASES)) {
        describe(group, () => {
            for (const c of cases) {
                it(c.it, () => doTest(c.manifest, c.expected));
            }
        });
    }

    describe('a withheld credential value', () => {
        for (const c of CASES['credential value withheld (XPR2011)']!) {
            it(`appears nowhere in what is printed: ${c.it}`, () => {
                const text = JSON.stringify(c.manifest, null, 2);
                const result = compile({ fileName: 'site.json', bytes: Buffer.from(text) }, { emit: false });
                const printed = formatDiagnostics(result.diagnostics, new SourceText(text, undefined), PLAIN) + JSON.stringify(diagnosticsJson(result.diagnostics));
                expect(result.diagnostics.map((d) => d.code)).to.include('XPR2011');
                expect(printed).to.not.include('hunter2');
            });
        }
    });

    describe('a valid manifest', () => {
        it('should produce no schema diagnostic for examples/baseline.json', async () => {
            const { readFileSync } = await import('node:fs');
            const text = readFileSync(new URL('../../../examples/baseline.json', import.meta.url), 'utf8');
            expect(validate(JSON.parse(text))).to.deep.equal([]);
        });

        it('should accept the boundary values of the ranges it checks', () => {
            doTest(
                {
                    name: 'lab',
                    nodes: [
                        {
                            name: 'SRV01',
                            addresses: [{ address: 'fd00::10', prefixLength: 128 }],
                            baseline: {
                                registry: [
                                    { key: 'HKLM\\SOFTWARE\\V', name: 'D', type: 'REG_DWORD', value: 4294967295 },
                                    { key: 'HKLM\\SOFTWARE\\V', name: 'M', type: 'REG_MULTI_SZ', value: ['a'] },
                                    { key: 'HKLM\\SOFTWARE\\V', name: 'Q', type: 'REG_QWORD', value: '0xffffffffffffffff' },
                                    { key: 'HKLM\\SOFTWARE\\V', name: 'X', ensure: 'Absent' },
                                ],
                                firewallRules: [{ name: 'R', localPorts: [1, 65535, '1-65535'] }],
                                files: [{ path: 'D:\\gone.txt', ensure: 'Absent' }],
                            },
                        },
                    ],
                },
                [],
            );
        });
    });

    describe('suggest', () => {
        const cases: readonly [actual: string, allowed: readonly string[], expected: string][] = [
            ['adresses', ['name', 'addresses'], ' Did you mean "addresses"?'],
            ['NODES', ['name', 'nodes'], ' Did you mean "nodes"?'],
            ['nmae', ['name', 'nodes'], ' Did you mean "name"?'],
            ['xyz', ['name', 'nodes'], ''],
            ['anything', [], ''],
        ];
        for (const [actual, allowed, expected] of cases) {
            it(`should turn ${JSON.stringify(actual)} into ${JSON.stringify(expected)}`, () => {
                expect(suggest(actual, allowed)).to.equal(expected);
            });
        }
    });

    describe('describePointer', () => {
        const cases: readonly [pointer: string, expected: string][] = [
            ['', 'the manifest'],
            ['/nodes', '"nodes"'],
            ['/nodes/0/addresses/1', '"nodes[0].addresses[1]"'],
            ['/baselines/web-servers/registry/0', '"baselines["web-servers"].registry[0]"'],
            ['/credentials/a~1b~0c', '"credentials["a/b~c"]"'],
        ];
        for (const [pointer, expected] of cases) {
            it(`should describe ${JSON.stringify(pointer)} as ${expected}`, () => {
                expect(describePointer(pointer)).to.equal(expected);
            });
        }
    });
});
