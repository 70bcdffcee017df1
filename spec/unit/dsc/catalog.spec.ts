/**
 * The DSC catalog: generated data (facts checked by hand against the real
 * MOF schemas), the importer's determinism, and checkBlock/checkUniqueKeys.
 *
 * Nothing here reads ../shared: the importer is exercised on small inline
 * fixtures, and the checked-in catalog is checked against known schema facts.
 */

import { readFileSync } from 'node:fs';

import { expect } from 'chai';

import { InternalError } from '../../../compiler/diagnostics/internal-error.js';
import type { DscBlock, DscModuleRef, PsValue } from '../../../compiler/dsc/block.js';
import { ps } from '../../../compiler/dsc/block.js';
import {
    assertBlock,
    checkBlock,
    checkUniqueKeys,
    DSC_MODULES,
    type DscPropertySchema,
    type DscResourceSchema,
    findResource,
    moduleVersion,
} from '../../../compiler/dsc/catalog.js';
import {
    buildCatalog,
    HEADER,
    type IndexModule,
    type IndexResource,
    PINNED_MODULES,
    renderCatalog,
    type SchemaIndex,
} from '../../../scripts/import-dsc-catalog.js';

const GENERATED_PATH = new URL('../../../compiler/dsc/catalog.generated.ts', import.meta.url);

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const XPSD: DscModuleRef = { name: 'xPSDesiredStateConfiguration', version: '9.2.1' };
const INBOX: DscModuleRef = { name: 'PSDesiredStateConfiguration', version: '1.1' };
const PSDSC: DscModuleRef = { name: 'PSDscResources', version: '2.12.0.0' };
const NETWORKING: DscModuleRef = { name: 'NetworkingDsc', version: '9.1.0' };
const COMPUTER: DscModuleRef = { name: 'ComputerManagementDsc', version: '10.0.0' };
const SECPOL: DscModuleRef = { name: 'SecurityPolicyDsc', version: '2.10.0.0' };
const SQL: DscModuleRef = { name: 'SqlServerDsc', version: '17.5.1' };
const WEB: DscModuleRef = { name: 'WebAdministrationDsc', version: '4.2.1' };

const dependsOn = (...refs: string[]): PsValue => ({ kind: 'dependsOn', value: refs });

/** Properties as [name, value] pairs so that a table row can repeat a name. */
type Props = readonly (readonly [string, PsValue])[];

function block(resourceType: string, module: DscModuleRef, props: Props, name = 'Example'): DscBlock {
    return {
        resourceType,
        module,
        name,
        properties: props.map(([n, value]) => ({ name: n, value })),
        source: '/nodes/0/resources/0',
    };
}

function resource(module: string, friendlyName: string): DscResourceSchema {
    const m = DSC_MODULES.find((x) => x.name === module);
    const r = m?.resources.find((x) => x.friendlyName === friendlyName);
    if (r === undefined) throw new Error(`test setup: ${module}/${friendlyName} not in catalog`);
    return r;
}

function property(module: string, friendlyName: string, name: string): DscPropertySchema {
    const p = resource(module, friendlyName).properties.find((x) => x.name === name);
    if (p === undefined) throw new Error(`test setup: ${module}/${friendlyName}.${name} not in catalog`);
    return p;
}

const names = (r: DscResourceSchema, qualifier: string): string[] =>
    r.properties.filter((p) => p.qualifier === qualifier).map((p) => p.name);

// Conforming property sets, reused (and then broken one property at a time) by the violation table.
const REGISTRY: Props = [
    ['Key', ps.str('HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\App')],
    ['ValueName', ps.str('Level')],
    ['ValueType', ps.str('DWord')],
    ['ValueData', ps.strs(['1'])],
    ['Ensure', ps.str('Present')],
    ['Force', ps.bool(true)],
];
const SERVICE: Props = [
    ['Name', ps.str('Spooler')],
    ['StartupType', ps.str('Automatic')],
    ['State', ps.str('Running')],
];

// ---------------------------------------------------------------------------
// Generated catalog: shape and facts from the real schemas
// ---------------------------------------------------------------------------

describe('dsc/catalog.generated', () => {
    it('pins exactly the eleven modules, at their catalog versions', () => {
        const pinned = Object.fromEntries(DSC_MODULES.map((m) => [m.name, m.version]));
        expect(pinned).to.deep.equal({
            ActiveDirectoryDsc: '6.7.0',
            ComputerManagementDsc: '10.0.0',
            FailoverClusterDsc: '2.2.0',
            NetworkingDsc: '9.1.0',
            PSDesiredStateConfiguration: '1.1',
            PSDscResources: '2.12.0.0',
            SecurityPolicyDsc: '2.10.0.0',
            SqlServerDsc: '17.5.1',
            StorageDsc: '6.0.1',
            WebAdministrationDsc: '4.2.1',
            xPSDesiredStateConfiguration: '9.2.1',
        });
        // The legacy modules are superseded and must not be importable by mistake.
        expect(DSC_MODULES.map((m) => m.name)).to.not.include.members(['xFailOverCluster']);
        expect(DSC_MODULES.map((m) => m.name)).to.not.include.members(['xWebAdministration']);
    });

    it('includes every resource of each module, not only the ones xprc emits', () => {
        const counts = Object.fromEntries(DSC_MODULES.map((m) => [m.name, m.resources.length]));
        expect(counts).to.deep.equal({
            ActiveDirectoryDsc: 24,
            ComputerManagementDsc: 19,
            FailoverClusterDsc: 8,
            NetworkingDsc: 29,
            PSDesiredStateConfiguration: 16,
            PSDscResources: 17,
            SecurityPolicyDsc: 4,
            SqlServerDsc: 38,
            StorageDsc: 6,
            WebAdministrationDsc: 14,
            xPSDesiredStateConfiguration: 22,
        });
    });

    it('every module version matches the one pinned in the file header', () => {
        const text = readFileSync(GENERATED_PATH, 'utf8');
        const lines = text.split('\n');
        expect(lines[0]).to.equal(HEADER);
        const header = new Map<string, { version: string; repo: string; commit: string }>();
        for (const line of lines.slice(1)) {
            const m = /^\/\/ {3}(\S+)@(\S+) {2}(\S+)@([0-9a-f]{40})$/.exec(line);
            if (m === null) break;
            header.set(m[1]!, { version: m[2]!, repo: m[3]!, commit: m[4]! });
        }
        expect(header.size).to.equal(DSC_MODULES.length);
        for (const m of DSC_MODULES) {
            expect(header.get(m.name), m.name).to.deep.equal({ version: m.version, repo: m.repo, commit: m.commit });
        }
    });

    it('lists modules, resources sorted (ordinal) and uses lower-case MOF types only', () => {
        const moduleNames = DSC_MODULES.map((m) => m.name);
        expect(moduleNames).to.deep.equal([...moduleNames].sort());
        const allowed = ['string', 'boolean', 'char16', 'uint8', 'uint16', 'uint32', 'uint64', 'sint8', 'sint16', 'sint32', 'sint64', 'real32', 'real64', 'datetime'];
        for (const m of DSC_MODULES) {
            const resourceNames = m.resources.map((r) => r.friendlyName);
            expect(resourceNames, m.name).to.deep.equal([...resourceNames].sort());
            for (const r of m.resources) {
                for (const p of r.properties) expect(allowed, `${r.friendlyName}.${p.name}`).to.include(p.type);
            }
        }
    });

    it('leaves out the engine meta-properties (the in-box File schema declares DependsOn)', () => {
        for (const m of DSC_MODULES) {
            for (const r of m.resources) {
                const lower = r.properties.map((p) => p.name.toLowerCase());
                expect(lower, `${m.name}/${r.friendlyName}`).to.not.include('dependson');
                expect(lower, `${m.name}/${r.friendlyName}`).to.not.include('psdscrunascredential');
            }
        }
        expect(names(resource('PSDesiredStateConfiguration', 'File'), 'Key')).to.deep.equal(['DestinationPath']);
    });

    it('xRegistry: keys Key and ValueName, ValueType ValueMap in schema order', () => {
        const r = resource('xPSDesiredStateConfiguration', 'xRegistry');
        expect(r.className).to.equal('DSC_xRegistryResource');
        expect(r.kind).to.equal('mof');
        expect(names(r, 'Key')).to.deep.equal(['Key', 'ValueName']);
        expect(names(r, 'Required')).to.deep.equal([]);
        expect(property('xPSDesiredStateConfiguration', 'xRegistry', 'ValueType').valueMap).to.deep.equal([
            'String', 'Binary', 'DWord', 'QWord', 'MultiString', 'ExpandString',
        ]);
        expect(property('xPSDesiredStateConfiguration', 'xRegistry', 'ValueData')).to.deep.equal({
            name: 'ValueData', qualifier: 'Write', type: 'string', isArray: true,
        });
    });

    it('Firewall: Enabled is a string with ValueMap True/False (not a boolean); Group was lower-case "string" in the MOF', () => {
        expect(property('NetworkingDsc', 'Firewall', 'Enabled')).to.deep.equal({
            name: 'Enabled', qualifier: 'Write', type: 'string', isArray: false, valueMap: ['True', 'False'],
        });
        expect(property('NetworkingDsc', 'Firewall', 'Group').type).to.equal('string');
        expect(property('NetworkingDsc', 'Firewall', 'DisplayGroup').qualifier).to.equal('Read');
        expect(names(resource('NetworkingDsc', 'Firewall'), 'Key')).to.deep.equal(['Name']);
    });

    it('other facts: xService, xMsiPackage, UserRightsAssignment, PendingReboot, UserAccountControl, File', () => {
        expect(property('xPSDesiredStateConfiguration', 'xService', 'StartupTimeout').type).to.equal('uint32');
        expect(property('xPSDesiredStateConfiguration', 'xService', 'StartupType').valueMap).to.deep.equal(['Automatic', 'Manual', 'Disabled']);
        expect(property('xPSDesiredStateConfiguration', 'xService', 'Credential').embeddedInstance).to.equal('MSFT_Credential');
        expect(names(resource('xPSDesiredStateConfiguration', 'xMsiPackage'), 'Key')).to.deep.equal(['ProductId']);
        expect(names(resource('xPSDesiredStateConfiguration', 'xMsiPackage'), 'Required')).to.deep.equal(['Path']);
        expect(names(resource('xPSDesiredStateConfiguration', 'xScript'), 'Key')).to.deep.equal(['GetScript', 'SetScript', 'TestScript']);
        const ura = resource('SecurityPolicyDsc', 'UserRightsAssignment');
        expect(names(ura, 'Key')).to.deep.equal(['Policy']);
        expect(property('SecurityPolicyDsc', 'UserRightsAssignment', 'Identity')).to.deep.equal({
            name: 'Identity', qualifier: 'Required', type: 'string', isArray: true,
        });
        expect(property('SecurityPolicyDsc', 'UserRightsAssignment', 'Policy').valueMap).to.have.length(45).and.include('Log_on_as_a_service');
        expect(names(resource('ComputerManagementDsc', 'PendingReboot'), 'Read')).to.include('RebootRequired');
        // Integer ValueMaps exist: the schema writes them as strings.
        expect(property('ComputerManagementDsc', 'UserAccountControl', 'ConsentPromptBehaviorUser')).to.deep.equal({
            name: 'ConsentPromptBehaviorUser', qualifier: 'Write', type: 'uint16', isArray: false, valueMap: ['0', '1', '3'],
        });
        expect(property('PSDesiredStateConfiguration', 'File', 'Attributes').valueMap).to.deep.equal(['ReadOnly', 'Hidden', 'System', 'Archive']);
    });

    it('PSDscResources reuses in-box names but has no File', () => {
        expect(findResource('PSDscResources', '2.12.0.0', 'Registry')).to.not.equal(undefined);
        expect(findResource('PSDesiredStateConfiguration', '1.1', 'Registry')).to.not.equal(undefined);
        expect(findResource('PSDscResources', '2.12.0.0', 'File')).to.equal(undefined);
        expect(findResource('PSDesiredStateConfiguration', '1.1', 'File')).to.not.equal(undefined);
    });

    it('only SqlPermission and SqlDatabasePermission refuse PsDscRunAsCredential', () => {
        const refusing = DSC_MODULES.flatMap((m) =>
            m.resources.filter((r) => !r.runAsCredentialSupported).map((r) => `${m.name}/${r.friendlyName}/${r.kind}`),
        );
        expect(refusing).to.deep.equal(['SqlServerDsc/SqlDatabasePermission/class', 'SqlServerDsc/SqlPermission/class']);
        // Other class-based resources are declared Optional (or default) and accept it.
        expect(resource('SqlServerDsc', 'SqlAudit').runAsCredentialSupported).to.equal(true);
        expect(resource('ComputerManagementDsc', 'PSResourceRepository').kind).to.equal('class');
        expect(resource('ComputerManagementDsc', 'PSResourceRepository').runAsCredentialSupported).to.equal(true);
    });
});

// ---------------------------------------------------------------------------
// Importer: deterministic output (on fixtures, never ../shared)
// ---------------------------------------------------------------------------

describe('scripts/import-dsc-catalog', () => {
    it('the checked-in file is exactly what the renderer produces from its own content', () => {
        // Catches hand edits and any formatting drift: re-rendering must be byte-identical.
        expect(renderCatalog(DSC_MODULES)).to.equal(readFileSync(GENERATED_PATH, 'utf8'));
    });

    it('uses 4-space indentation, no tabs, no trailing spaces, and ends with a newline', () => {
        const text = readFileSync(GENERATED_PATH, 'utf8');
        expect(text.endsWith('];\n')).to.equal(true);
        for (const [i, line] of text.split('\n').entries()) {
            const indent = /^ */.exec(line)![0].length;
            expect(indent % 4, `line ${i + 1}`).to.equal(0);
            expect(line, `line ${i + 1}`).to.not.match(/\t|\s$/);
        }
    });

    const CLASS_FILE = 'SqlServerDsc/17.5.1/SqlPermission.schema.txt';
    const schemaFiles: Record<string, string> = {
        [CLASS_FILE]: "// TRANSCRIBED schema\n// Attribute on class: [DscResource(RunAsCredential = 'NotSupported')]\nclass SqlPermission {};\n",
        'ComputerManagementDsc/10.0.0/PSResourceRepository.schema.txt': '// Attribute on class: [DscResource()]\n',
    };
    const readSchemaFile = (file: string): string => {
        const text = schemaFiles[file];
        if (text === undefined) throw new Error(`unexpected read of ${file}`);
        return text;
    };

    function fixtureResource(friendlyName: string, extra: Partial<IndexResource> = {}): IndexResource {
        return {
            friendlyName,
            className: `DSC_${friendlyName}`,
            kind: 'mof',
            file: `x/${friendlyName}.schema.mof`,
            keys: ['Name'],
            required: [],
            properties: [
                { name: 'Name', qualifier: 'Key', type: 'String', isArray: false },
                { name: 'Ensure', qualifier: 'Write', type: 'String', isArray: false, valueMap: ['Present', 'Absent'] },
                { name: 'Timeout', qualifier: 'Write', type: 'UInt32', isArray: false },
            ],
            ...extra,
        };
    }

    function fixtureIndex(): SchemaIndex {
        const modules: IndexModule[] = Object.entries(PINNED_MODULES).map(([module, version], i) => ({
            module,
            version,
            repo: `example/${module}`,
            commit: String(i % 10).repeat(40),
            resources: [fixtureResource('Zeta'), fixtureResource('Alpha')],
        }));
        const sql = modules.find((m) => m.module === 'SqlServerDsc')!;
        const inbox = modules.find((m) => m.module === 'PSDesiredStateConfiguration')!;
        const cm = modules.find((m) => m.module === 'ComputerManagementDsc')!;
        modules[modules.indexOf(sql)] = {
            ...sql,
            resources: [...sql.resources, fixtureResource('SqlPermission', { kind: 'class', file: CLASS_FILE })],
        };
        modules[modules.indexOf(cm)] = {
            ...cm,
            resources: [
                ...cm.resources,
                fixtureResource('PSResourceRepository', { kind: 'class', file: 'ComputerManagementDsc/10.0.0/PSResourceRepository.schema.txt' }),
            ],
        };
        modules[modules.indexOf(inbox)] = {
            ...inbox,
            resources: [
                fixtureResource('File', {
                    keys: ['DestinationPath'],
                    properties: [
                        { name: 'DestinationPath', qualifier: 'Key', type: 'String', isArray: false },
                        { name: 'DependsOn', qualifier: 'Write', type: 'String', isArray: true },
                        { name: 'Recurse', qualifier: 'Write', type: 'boolean', isArray: false },
                    ],
                }),
            ],
        };
        // A legacy module that must be skipped.
        modules.push({ module: 'xWebAdministration', version: '3.2.0', repo: 'example/xWeb', commit: 'a'.repeat(40), resources: [fixtureResource('xWebSite')] });
        return { modules };
    }

    it('renders identically regardless of input order, and twice in a row', () => {
        const index = fixtureIndex();
        const shuffled: SchemaIndex = {
            modules: [...index.modules].reverse().map((m) => ({ ...m, resources: [...m.resources].reverse() })),
        };
        const a = renderCatalog(buildCatalog(index, readSchemaFile));
        const b = renderCatalog(buildCatalog(shuffled, readSchemaFile));
        expect(b).to.equal(a);
        expect(renderCatalog(buildCatalog(index, readSchemaFile))).to.equal(a);
        expect(a.split('\n')[0]).to.equal(HEADER);
        // Sorted: Alpha before Zeta in every module, ActiveDirectoryDsc first.
        expect(a.indexOf("friendlyName: 'Alpha'")).to.be.lessThan(a.indexOf("friendlyName: 'Zeta'"));
        expect(a).to.not.include('xWebAdministration');
    });

    it('normalises types, drops meta-properties and reads RunAsCredential from class transcriptions', () => {
        const modules = buildCatalog(fixtureIndex(), readSchemaFile);
        const find = (module: string, name: string): DscResourceSchema =>
            modules.find((m) => m.name === module)!.resources.find((r) => r.friendlyName === name)!;
        expect(find('StorageDsc', 'Alpha').properties).to.deep.equal([
            { name: 'Name', qualifier: 'Key', type: 'string', isArray: false },
            { name: 'Ensure', qualifier: 'Write', type: 'string', isArray: false, valueMap: ['Present', 'Absent'] },
            { name: 'Timeout', qualifier: 'Write', type: 'uint32', isArray: false },
        ]);
        expect(find('PSDesiredStateConfiguration', 'File').properties.map((p) => p.name)).to.deep.equal(['DestinationPath', 'Recurse']);
        expect(find('SqlServerDsc', 'SqlPermission').runAsCredentialSupported).to.equal(false);
        expect(find('ComputerManagementDsc', 'PSResourceRepository').runAsCredentialSupported).to.equal(true);
        expect(find('SqlServerDsc', 'Alpha').runAsCredentialSupported).to.equal(true);
    });

    it('refuses input it cannot represent faithfully', () => {
        const index = fixtureIndex();
        const without: SchemaIndex = { modules: index.modules.filter((m) => m.module !== 'NetworkingDsc') };
        expect(() => buildCatalog(without, readSchemaFile)).to.throw(/NetworkingDsc: expected exactly one entry for version 9\.1\.0, found 0/);

        const badType: SchemaIndex = {
            modules: index.modules.map((m) =>
                m.module === 'StorageDsc'
                    ? { ...m, resources: [fixtureResource('Odd', { properties: [{ name: 'Name', qualifier: 'Key', type: 'Widget', isArray: false }] })] }
                    : m,
            ),
        };
        expect(() => buildCatalog(badType, readSchemaFile)).to.throw(/StorageDsc\/Odd\.Name: unknown MOF type 'Widget'/);

        const badKeys: SchemaIndex = {
            modules: index.modules.map((m) => (m.module === 'StorageDsc' ? { ...m, resources: [fixtureResource('Odd', { keys: ['Other'] })] } : m)),
        };
        expect(() => buildCatalog(badKeys, readSchemaFile)).to.throw(/keys \[Other\] disagree with Key qualifiers \[Name\]/);

        const noAttribute = (file: string): string => (file === CLASS_FILE ? 'class SqlPermission {};' : readSchemaFile(file));
        expect(() => buildCatalog(index, noAttribute)).to.throw(/has no "\/\/ Attribute on class:" line/);
    });
});

// ---------------------------------------------------------------------------
// Lookup API
// ---------------------------------------------------------------------------

describe('dsc/catalog lookup', () => {
    it('findResource matches module, version and friendly name exactly', () => {
        expect(findResource('xPSDesiredStateConfiguration', '9.2.1', 'xRegistry')?.className).to.equal('DSC_xRegistryResource');
        expect(findResource('xPSDesiredStateConfiguration', '9.2.0', 'xRegistry')).to.equal(undefined);
        expect(findResource('xpsdesiredstateconfiguration', '9.2.1', 'xRegistry')).to.equal(undefined);
        expect(findResource('xPSDesiredStateConfiguration', '9.2.1', 'xregistry')).to.equal(undefined);
        expect(findResource('PSDesiredStateConfiguration', '1.1', 'xRegistry')).to.equal(undefined);
    });

    it('moduleVersion returns the pinned version and throws InternalError otherwise', () => {
        expect(moduleVersion('xPSDesiredStateConfiguration')).to.equal('9.2.1');
        expect(moduleVersion('PSDesiredStateConfiguration')).to.equal('1.1');
        expect(moduleVersion('SecurityPolicyDsc')).to.equal('2.10.0.0');
        expect(() => moduleVersion('xWebAdministration')).to.throw(InternalError, /DSC module 'xWebAdministration' is not in the catalog/);
        expect(() => moduleVersion('networkingdsc')).to.throw(InternalError);
    });
});

// ---------------------------------------------------------------------------
// checkBlock
// ---------------------------------------------------------------------------

describe('dsc/catalog checkBlock', () => {
    const conforming: readonly (readonly [string, DscBlock])[] = [
        ['xRegistry', block('xRegistry', XPSD, [...REGISTRY, ['DependsOn', dependsOn('[xService]Spooler')]])],
        [
            'xService',
            block('xService', XPSD, [
                ...SERVICE,
                ['StartupTimeout', ps.int(30000)],
                ['Dependencies', ps.strs(['RPCSS'])],
                ['Credential', ps.cred('ServiceCredential')],
            ]),
        ],
        [
            'xWindowsFeature',
            block('xWindowsFeature', XPSD, [
                ['Name', ps.str('Web-Server')],
                ['Ensure', ps.str('Present')],
                ['IncludeAllSubFeature', ps.bool(true)],
            ]),
        ],
        [
            'xMsiPackage',
            block('xMsiPackage', XPSD, [
                ['ProductId', ps.str('{A1B2C3D4-0000-1111-2222-333344445555}')],
                ['Path', ps.str('C:\\Install\\agent.msi')],
                ['Ensure', ps.str('Present')],
                ['Arguments', ps.str('/quiet')],
                ['RunAsCredential', ps.cred('InstallCredential')],
                ['PsDscRunAsCredential', ps.cred('InstallCredential')],
            ]),
        ],
        [
            'File (PSDesiredStateConfiguration 1.1)',
            block('File', INBOX, [
                ['DestinationPath', ps.str('C:\\Contoso\\Logs')],
                ['Type', ps.str('Directory')],
                ['Ensure', ps.str('Present')],
                ['Attributes', ps.strs(['Hidden', 'System'])],
                ['Recurse', ps.bool(false)],
            ]),
        ],
        [
            'Firewall',
            block('Firewall', NETWORKING, [
                ['Name', ps.str('Contoso-HTTPS-In')],
                ['DisplayName', ps.str('Contoso HTTPS')],
                ['Enabled', ps.str('True')],
                ['Action', ps.str('Allow')],
                ['Direction', ps.str('Inbound')],
                ['Profile', ps.strs(['Domain', 'Private'])],
                ['LocalPort', ps.strs(['443'])],
                ['Protocol', ps.str('TCP')],
            ]),
        ],
        ['PendingReboot', block('PendingReboot', COMPUTER, [['Name', ps.str('AfterInstall')], ['SkipCcmClientSDK', ps.bool(true)]])],
        [
            'UserRightsAssignment',
            block('UserRightsAssignment', SECPOL, [
                ['Policy', ps.str('Log_on_as_a_service')],
                ['Identity', ps.strs(['NT SERVICE\\ALL SERVICES', 'CONTOSO\\svc-app'])],
                ['Ensure', ps.str('Present')],
            ]),
        ],
        [
            'xGroup',
            block('xGroup', XPSD, [
                ['GroupName', ps.str('Administrators')],
                ['MembersToInclude', ps.strs(['CONTOSO\\Server Admins'])],
                ['Credential', ps.cred('DomainCredential')],
            ]),
        ],
        [
            'xScript',
            block('xScript', XPSD, [
                ['GetScript', ps.str('@{ Result = (Test-Path C:\\ok) }')],
                ['SetScript', ps.str('New-Item C:\\ok')],
                ['TestScript', ps.str('Test-Path C:\\ok')],
            ]),
        ],
    ];

    for (const [label, b] of conforming) {
        it(`accepts a conforming ${label}`, () => {
            expect(findResource(b.module.name, b.module.version, b.resourceType), 'resource exists').to.not.equal(undefined);
            expect(checkBlock(b)).to.deep.equal([]);
            expect(() => assertBlock(b)).to.not.throw();
        });
    }

    const PINNED =
        'ActiveDirectoryDsc 6.7.0, ComputerManagementDsc 10.0.0, FailoverClusterDsc 2.2.0, NetworkingDsc 9.1.0, ' +
        'PSDesiredStateConfiguration 1.1, PSDscResources 2.12.0.0, SecurityPolicyDsc 2.10.0.0, SqlServerDsc 17.5.1, ' +
        'StorageDsc 6.0.1, WebAdministrationDsc 4.2.1, xPSDesiredStateConfiguration 9.2.1';
    const REG_TYPES = 'String, Binary, DWord, QWord, MultiString, ExpandString';
    const without = (props: Props, name: string): Props => props.filter(([n]) => n !== name);
    const replace = (props: Props, name: string, value: PsValue): Props => props.map(([n, v]) => [n, n === name ? value : v] as const);

    const violations: readonly { readonly kind: string; readonly block: DscBlock; readonly expected: readonly string[] }[] = [
        {
            kind: 'unknown module',
            block: block('xRegistry', { name: 'xRegistryDsc', version: '1.0.0' }, REGISTRY),
            expected: [`module 'xRegistryDsc' is not pinned in the DSC catalog (pinned: ${PINNED})`],
        },
        {
            kind: 'legacy module that is deliberately not pinned',
            block: block('xWebSite', { name: 'xWebAdministration', version: '3.2.0' }, [['Name', ps.str('Default Web Site')]]),
            expected: [`module 'xWebAdministration' is not pinned in the DSC catalog (pinned: ${PINNED})`],
        },
        {
            kind: 'module name case',
            block: block('xRegistry', { name: 'xPsDesiredStateConfiguration', version: '9.2.1' }, REGISTRY),
            expected: ["module 'xPsDesiredStateConfiguration' must be spelled 'xPSDesiredStateConfiguration'"],
        },
        {
            kind: 'unpinned module version',
            block: block('xRegistry', { name: 'xPSDesiredStateConfiguration', version: '9.1.0' }, REGISTRY),
            expected: ["module xPSDesiredStateConfiguration is pinned at version 9.2.1, not '9.1.0'"],
        },
        {
            kind: 'resource not in module (x-name under the in-box module)',
            block: block('xRegistry', INBOX, REGISTRY),
            expected: ["module PSDesiredStateConfiguration 1.1 has no resource 'xRegistry'"],
        },
        {
            kind: 'File is not in PSDscResources',
            block: block('File', PSDSC, [['DestinationPath', ps.str('C:\\x')]]),
            expected: ["module PSDscResources 2.12.0.0 has no resource 'File'"],
        },
        {
            kind: 'resource name case',
            block: block('XRegistry', XPSD, REGISTRY),
            expected: ["resource 'XRegistry' must be spelled 'xRegistry'"],
        },
        {
            kind: 'unknown property',
            block: block('xRegistry', XPSD, [...REGISTRY, ['ValueKind', ps.str('DWord')]]),
            expected: ["xRegistry has no property 'ValueKind'"],
        },
        {
            kind: 'property name case',
            block: block('xRegistry', XPSD, [...without(REGISTRY, 'ValueName'), ['valuename', ps.str('Level')]]),
            expected: ["property 'valuename' must be spelled 'ValueName'"],
        },
        {
            kind: 'Read-only property set',
            block: block('xWindowsFeature', XPSD, [['Name', ps.str('Web-Server')], ['DisplayName', ps.str('Web Server (IIS)')]]),
            expected: ["property 'DisplayName' is Read-only (a Get output) and must not be set"],
        },
        {
            kind: 'missing Key',
            block: block('xRegistry', XPSD, without(REGISTRY, 'ValueName')),
            expected: ["missing Key property 'ValueName'"],
        },
        {
            kind: 'missing Required',
            block: block('xMsiPackage', XPSD, [['ProductId', ps.str('{A1B2C3D4-0000-1111-2222-333344445555}')]]),
            expected: ["missing Required property 'Path'"],
        },
        {
            kind: 'missing Required array (UserRightsAssignment.Identity)',
            block: block('UserRightsAssignment', SECPOL, [['Policy', ps.str('Log_on_as_a_service')]]),
            expected: ["missing Required property 'Identity'"],
        },
        {
            kind: 'duplicate property',
            block: block('xRegistry', XPSD, [...REGISTRY, ['Ensure', ps.str('Absent')]]),
            expected: ["property 'Ensure' is set more than once"],
        },
        {
            kind: 'duplicate property differing in case',
            block: block('xRegistry', XPSD, [...REGISTRY, ['ensure', ps.str('Present')]]),
            expected: ["property 'ensure' is set more than once"],
        },
        {
            kind: 'string for boolean',
            block: block('xRegistry', XPSD, replace(REGISTRY, 'Force', ps.str('true'))),
            expected: ["property 'Force' expects boolean but got a value of kind 'string'"],
        },
        {
            kind: 'bool for Firewall.Enabled (a string ValueMap)',
            block: block('Firewall', NETWORKING, [['Name', ps.str('r')], ['Enabled', ps.bool(true)]]),
            expected: ["property 'Enabled' expects string but got a value of kind 'bool'"],
        },
        {
            kind: 'string for string[]',
            block: block('xRegistry', XPSD, replace(REGISTRY, 'ValueData', ps.str('1'))),
            expected: ["property 'ValueData' expects string[] but got a value of kind 'string'"],
        },
        {
            kind: 'stringArray for string',
            block: block('xRegistry', XPSD, replace(REGISTRY, 'ValueType', ps.strs(['DWord']))),
            expected: ["property 'ValueType' expects string but got a value of kind 'stringArray'"],
        },
        {
            kind: 'int for string',
            block: block('xService', XPSD, [...SERVICE, ['DisplayName', ps.int(5)]]),
            expected: ["property 'DisplayName' expects string but got a value of kind 'int'"],
        },
        {
            kind: 'bool for uint32',
            block: block('xService', XPSD, [...SERVICE, ['StartupTimeout', ps.bool(true)]]),
            expected: ["property 'StartupTimeout' expects uint32 but got a value of kind 'bool'"],
        },
        {
            kind: 'negative value for uint32',
            block: block('xService', XPSD, [...SERVICE, ['StartupTimeout', ps.int(-1)]]),
            expected: ["property 'StartupTimeout' value -1 is out of range for uint32 (0 to 4294967295)"],
        },
        {
            kind: 'uint32 overflow',
            block: block('xService', XPSD, [...SERVICE, ['StartupTimeout', ps.int(4294967296)]]),
            expected: ["property 'StartupTimeout' value 4294967296 is out of range for uint32 (0 to 4294967295)"],
        },
        {
            kind: 'non-integer for uint32',
            block: block('xService', XPSD, [...SERVICE, ['StartupTimeout', ps.int(1.5)]]),
            expected: ["property 'StartupTimeout' expects uint32 but 1.5 is not an exact integer"],
        },
        {
            kind: 'int for uint32[] (no integer-array PsValue exists)',
            block: block('xPackage', XPSD, [
                ['Name', ps.str('Agent')],
                ['ProductId', ps.str('')],
                ['Path', ps.str('C:\\a.exe')],
                ['ReturnCode', ps.int(0)],
            ]),
            expected: ["property 'ReturnCode' expects uint32[] but got a value of kind 'int'"],
        },
        {
            kind: 'credential for string',
            block: block('xService', XPSD, replace(SERVICE, 'Name', ps.cred('ServiceCredential'))),
            expected: ["property 'Name' expects string but got a value of kind 'credential'"],
        },
        {
            kind: 'string for PSCredential',
            block: block('xService', XPSD, [...SERVICE, ['Credential', ps.str('CONTOSO\\svc')]]),
            expected: ["property 'Credential' expects PSCredential but got a value of kind 'string'"],
        },
        {
            kind: 'credential parameter that is not a variable name',
            block: block('xService', XPSD, [...SERVICE, ['Credential', ps.cred('Service Credential')]]),
            expected: ["property 'Credential' refers to credential parameter 'Service Credential', which is not a valid parameter name"],
        },
        {
            kind: 'nested CIM instance property (no PsValue form)',
            block: block('WebSite', WEB, [['Name', ps.str('Contoso')], ['BindingInfo', ps.strs(['http/*:80:'])]]),
            expected: ["property 'BindingInfo' expects DSC_WebBindingInformation[] but got a value of kind 'stringArray'"],
        },
        {
            kind: 'MSFT_KeyValuePair property (hashtable)',
            block: block('xRemoteFile', XPSD, [
                ['DestinationPath', ps.str('C:\\a.zip')],
                ['Uri', ps.str('https://example.com/a.zip')],
                ['Headers', ps.strs(['Accept=*/*'])],
            ]),
            expected: ["property 'Headers' expects hashtable[] but got a value of kind 'stringArray'"],
        },
        {
            kind: 'dependsOn value on an ordinary property',
            block: block('xGroup', XPSD, [['GroupName', ps.str('Admins')], ['Members', dependsOn('[xService]Spooler')]]),
            expected: ["property 'Members' expects string[] but got a value of kind 'dependsOn'"],
        },
        {
            kind: 'DependsOn with a plain string array',
            block: block('xRegistry', XPSD, [...REGISTRY, ['DependsOn', ps.strs(['[xService]Spooler'])]]),
            expected: ["property 'DependsOn' expects a dependsOn list but got a value of kind 'stringArray'"],
        },
        {
            kind: 'DependsOn entry without [Type]',
            block: block('xRegistry', XPSD, [...REGISTRY, ['DependsOn', dependsOn('[xService]Spooler', 'Spooler')]]),
            expected: ["DependsOn entry 'Spooler' is not of the form [ResourceType]InstanceName"],
        },
        {
            kind: 'DependsOn name case',
            block: block('xRegistry', XPSD, [...REGISTRY, ['dependsOn', dependsOn('[xService]Spooler')]]),
            expected: ["property 'dependsOn' must be spelled 'DependsOn'"],
        },
        {
            kind: 'value not in ValueMap',
            block: block('xRegistry', XPSD, replace(REGISTRY, 'ValueType', ps.str('Word'))),
            expected: [`property 'ValueType' value 'Word' is not in its ValueMap: ${REG_TYPES}`],
        },
        {
            kind: 'ValueMap value differing only in case',
            block: block('xRegistry', XPSD, replace(REGISTRY, 'ValueType', ps.str('dword'))),
            expected: ["property 'ValueType' value 'dword' must be spelled 'DWord'"],
        },
        {
            kind: 'Firewall.Enabled lower-case true',
            block: block('Firewall', NETWORKING, [['Name', ps.str('r')], ['Enabled', ps.str('true')]]),
            expected: ["property 'Enabled' value 'true' must be spelled 'True'"],
        },
        {
            kind: 'array element not in ValueMap (each element checked)',
            block: block('File', INBOX, [['DestinationPath', ps.str('C:\\x')], ['Attributes', ps.strs(['Hidden', 'Secret', 'system'])]]),
            expected: [
                "property 'Attributes' value 'Secret' is not in its ValueMap: ReadOnly, Hidden, System, Archive",
                "property 'Attributes' value 'system' must be spelled 'System'",
            ],
        },
        {
            kind: 'integer not in an integer ValueMap',
            block: block('UserAccountControl', COMPUTER, [['IsSingleInstance', ps.str('Yes')], ['ConsentPromptBehaviorUser', ps.int(2)]]),
            expected: ["property 'ConsentPromptBehaviorUser' value '2' is not in its ValueMap: 0, 1, 3"],
        },
        {
            kind: 'PsDscRunAsCredential on a RunAsCredential NotSupported class resource',
            block: block('SqlPermission', SQL, [
                ['InstanceName', ps.str('MSSQLSERVER')],
                ['Name', ps.str('CONTOSO\\sql-admins')],
                ['PsDscRunAsCredential', ps.cred('SqlAdmin')],
            ]),
            expected: ["PsDscRunAsCredential is not supported by SqlPermission (class-based, RunAsCredential = 'NotSupported')"],
        },
        {
            kind: 'PsDscRunAsCredential that is not a credential',
            block: block('xRegistry', XPSD, [...REGISTRY, ['PsDscRunAsCredential', ps.str('CONTOSO\\admin')]]),
            expected: ["property 'PsDscRunAsCredential' expects PSCredential but got a value of kind 'string'"],
        },
        {
            kind: 'PsDscRunAsCredential name case',
            block: block('xRegistry', XPSD, [...REGISTRY, ['PSDscRunAsCredential', ps.cred('Admin')]]),
            expected: ["property 'PSDscRunAsCredential' must be spelled 'PsDscRunAsCredential'"],
        },
        {
            kind: 'several violations at once, in property order then missing mandatory ones',
            block: block('xMsiPackage', XPSD, [
                ['Ensure', ps.str('present')],
                ['Name', ps.str('Agent')],
                ['IgnoreReboot', ps.str('yes')],
            ]),
            expected: [
                "property 'Ensure' value 'present' must be spelled 'Present'",
                "property 'Name' is Read-only (a Get output) and must not be set",
                "property 'IgnoreReboot' expects boolean but got a value of kind 'string'",
                "missing Key property 'ProductId'",
                "missing Required property 'Path'",
            ],
        },
    ];

    for (const v of violations) {
        it(`reports ${v.kind}`, () => {
            expect(checkBlock(v.block)).to.deep.equal(v.expected);
        });
    }

    it('the conforming xRegistry really is only one property away from each violation', () => {
        // Guards the table: if REGISTRY itself were invalid, the rows above would test nothing specific.
        expect(checkBlock(block('xRegistry', XPSD, REGISTRY))).to.deep.equal([]);
        expect(checkBlock(block('xService', XPSD, SERVICE))).to.deep.equal([]);
    });

    it('assertBlock throws an InternalError naming the block and every violation', () => {
        const b = block('xRegistry', XPSD, replace(without(REGISTRY, 'ValueName'), 'ValueType', ps.str('Word')), 'ContosoLevel');
        let caught: unknown;
        try {
            assertBlock(b);
        } catch (e) {
            caught = e;
        }
        expect(caught).to.be.instanceOf(InternalError);
        const err = caught as InternalError;
        expect(err.name).to.equal('InternalError');
        expect(err.message).to.equal(
            'DSC block [xRegistry]ContosoLevel (xPSDesiredStateConfiguration 9.2.1, from /nodes/0/resources/0) does not match its resource schema:\n' +
                `  - property 'ValueType' value 'Word' is not in its ValueMap: ${REG_TYPES}\n` +
                "  - missing Key property 'ValueName'",
        );
    });
});

// ---------------------------------------------------------------------------
// checkUniqueKeys
// ---------------------------------------------------------------------------

describe('dsc/catalog checkUniqueKeys', () => {
    const reg = (name: string, key: string, valueName: string): DscBlock =>
        block('xRegistry', XPSD, [['Key', ps.str(key)], ['ValueName', ps.str(valueName)], ['ValueData', ps.strs(['1'])]], name);
    const HKLM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso';

    it('accepts distinct keys and distinct names', () => {
        expect(checkUniqueKeys([reg('A', HKLM, 'One'), reg('B', HKLM, 'Two'), reg('C', `${HKLM}\\Sub`, 'One')])).to.deep.equal([]);
        expect(checkUniqueKeys([])).to.deep.equal([]);
    });

    it('reports equal Key values, compared case-insensitively as DSC does', () => {
        expect(checkUniqueKeys([reg('A', HKLM, 'Level'), reg('B', HKLM.toLowerCase(), 'LEVEL')])).to.deep.equal([
            `[xRegistry]A and [xRegistry]B have the same Key values (Key='${HKLM.toLowerCase()}', ValueName='LEVEL')`,
        ]);
    });

    it('reports a duplicate instance name per resource type (case-insensitive)', () => {
        expect(checkUniqueKeys([reg('Level', HKLM, 'One'), reg('level', HKLM, 'Two')])).to.deep.equal([
            'duplicate instance name: [xRegistry]Level and [xRegistry]level',
        ]);
    });

    it('reports both when name and keys collide', () => {
        expect(checkUniqueKeys([reg('A', HKLM, 'One'), reg('A', HKLM, 'One')])).to.deep.equal([
            'duplicate instance name: [xRegistry]A and [xRegistry]A',
            `[xRegistry]A and [xRegistry]A have the same Key values (Key='${HKLM}', ValueName='One')`,
        ]);
    });

    it('does not compare across resource types', () => {
        const service = block('xService', XPSD, [['Name', ps.str('A')]], 'A');
        const group = block('xGroup', XPSD, [['GroupName', ps.str('A')]], 'A');
        const inboxRegistry = block('Registry', INBOX, [['Key', ps.str(HKLM)], ['ValueName', ps.str('One')]], 'A');
        expect(checkUniqueKeys([reg('A', HKLM, 'One'), service, group, inboxRegistry])).to.deep.equal([]);
    });

    it('uses all Key properties (xScript is keyed by its three scripts)', () => {
        const script = (name: string, test: string): DscBlock =>
            block('xScript', XPSD, [['GetScript', ps.str('@{}')], ['SetScript', ps.str('Set-It')], ['TestScript', ps.str(test)]], name);
        expect(checkUniqueKeys([script('One', '$true'), script('Two', '$false')])).to.deep.equal([]);
        expect(checkUniqueKeys([script('One', '$true'), script('Two', '$TRUE')])).to.deep.equal([
            "[xScript]One and [xScript]Two have the same Key values (GetScript='@{}', SetScript='Set-It', TestScript='$TRUE')",
        ]);
    });

    it('skips key comparison for blocks missing a Key or of unknown resources (checkBlock reports those)', () => {
        const partial = block('xRegistry', XPSD, [['Key', ps.str(HKLM)]], 'P1');
        const partial2 = block('xRegistry', XPSD, [['Key', ps.str(HKLM)]], 'P2');
        const unknown = block('xNope', XPSD, [['Key', ps.str(HKLM)]], 'U1');
        const unknown2 = block('xNope', XPSD, [['Key', ps.str(HKLM)]], 'U2');
        expect(checkUniqueKeys([partial, partial2, unknown, unknown2])).to.deep.equal([]);
    });
});
