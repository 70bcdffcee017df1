/**
 * Every IR resource kind has a DSC builder whose blocks conform to the real
 * resource schema and render as PowerShell that parses. Products rely on
 * these builders, so each kind is exercised here even before a product
 * emits it.
 */

import { expect } from 'chai';
import { checkBlock } from '../../../compiler/dsc/catalog.js';
import { dscBlocks } from '../../../compiler/dsc/resources/index.js';
import { emitConfiguration } from '../../../compiler/emit/ps/configuration.js';
import type { NodeIR, RegData, Resource, SiteIR } from '../../../compiler/ir/types.js';
import { KIND_ORDER } from '../../../compiler/lower/lower.js';
import { parsePowerShell } from '../../helpers/ps-parse.js';

const source = { pointer: '/nodes/0' };
const base = { dependsOn: [] as string[], source };

const EVERY_KIND: readonly Resource[] = [
    { ...base, kind: 'WindowsFeature', id: 'Feature', name: 'Web-Server', ensure: 'Present', includeAllSubFeature: false },
    { ...base, kind: 'GroupMembers', id: 'Admins', name: 'Administrators', members: ['CONTOSO\\svc-xpr'] },
    { ...base, kind: 'UserRight', id: 'LogOnAsService', name: 'Log_on_as_a_service', identities: ['CONTOSO\\svc-xpr'] },
    { ...base, kind: 'Directory', id: 'Folder', path: 'D:\\XPR', ensure: 'Present' },
    { ...base, kind: 'File', id: 'File', path: 'D:\\XPR\\a.txt', ensure: 'Present', contents: 'x' },
    {
        ...base,
        kind: 'SmbShare',
        id: 'Share',
        name: 'XPR$',
        path: 'D:\\XPR',
        ensure: 'Present',
        fullAccess: ['CONTOSO\\svc-xpr'],
        changeAccess: [],
        readAccess: ['Everyone'],
    },
    {
        ...base,
        kind: 'WebSite',
        id: 'Site',
        name: 'OfficeStatus',
        ensure: 'Present',
        physicalPath: 'C:\\inetpub\\OfficeStatus',
        state: 'Started',
        bindings: [{ protocol: 'http', port: 80, hostName: 'status.contoso.local' }],
    },
    { ...base, kind: 'UserAccountControl', id: 'Uac', notificationLevel: 'NeverNotifyAndDisableAll', suppressRestart: false },
    { ...base, kind: 'WaitForCluster', id: 'WaitCluster', name: 'WSFC01', retryIntervalSec: 60, retryCount: 30 },
    { ...base, kind: 'ClusterDisk', id: 'Disk', name: '1', label: 'Cluster Disk 1', ensure: 'Present' },
    { ...base, kind: 'ClusterPreferredOwner', id: 'Owners', name: 'Xpressions Role', clusterName: 'WSFC01', nodes: ['N1', 'N2'] },
    { ...base, kind: 'EnvironmentPath', id: 'Path', name: 'Path', entries: ['R:\\XPR\\bin', 'R:\\XPR\\SDKTools'] },
    { ...base, kind: 'IisSslSettings', id: 'SslOff', name: 'Default Web Site', flags: [] },
    { ...base, kind: 'IisSslSettings', id: 'SslOn', name: 'Intranet', flags: ['Ssl', 'SslNegotiateCert'] },
    {
        ...base,
        kind: 'WebVirtualDirectory',
        id: 'VDir',
        website: 'Default Web Site',
        webApplication: '',
        name: 'NamesGreetings',
        physicalPath: 'C:\\Program Files (x86)\\Avaya\\IP Office\\Voicemail Pro\\VM\\Names',
        ensure: 'Present',
    },
    { ...base, kind: 'MsiPackage', id: 'Msi', name: 'App', productId: '{6F2B1A7C-3D4E-4F50-8A9B-0C1D2E3F4A5B}', path: 'C:\\a.msi', ensure: 'Present' },
    {
        ...base,
        kind: 'Script',
        id: 'Repair',
        name: 'Repair the installation',
        getScript: ["@{ Result = (Get-Item -Path 'D:\\XPR\\bin\\mrs.exe').VersionInfo.FileVersion }"],
        testScript: ["$version = (Get-Item -Path 'D:\\XPR\\bin\\mrs.exe' -ErrorAction SilentlyContinue).VersionInfo.FileVersion", "$version -eq '7.0.1'"],
        setScript: ["Start-Process -FilePath 'D:\\setup.exe' -ArgumentList '--silent-repair' -Wait"],
        credential: { credential: 'Installer' },
    },
    { ...base, kind: 'Registry', id: 'Reg', value: { hive: 'HKEY_LOCAL_MACHINE', path: 'SOFTWARE\\X', name: 'A', ensure: 'Present', data: { type: 'REG_DWORD', value: 1 } } },
    { ...base, kind: 'Service', id: 'Svc', name: 'mrs', ensure: 'Present', startupType: 'Automatic', state: 'Ignore', account: { credential: 'Installer' } },
    {
        ...base,
        kind: 'FirewallRule',
        id: 'Fw',
        name: 'XPR-In',
        displayName: 'XPR',
        ensure: 'Present',
        direction: 'Inbound',
        action: 'Allow',
        protocol: 'TCP',
        localPorts: ['80'],
        remotePorts: [],
        remoteAddresses: [],
        profiles: ['Domain'],
    },
    { ...base, kind: 'PendingReboot', id: 'Reboot', name: 'AfterTcpipChange', dependsOn: ['Reg'] },
    { ...base, kind: 'WaitForAll', id: 'WaitFor_SRV02_Svc', resourceName: '[xService]Svc', nodeName: 'SRV02', waitsFor: 'Svc', retryIntervalSec: 30, retryCount: 20 },
];

const node: NodeIR = {
    name: 'SRV01',
    fileStem: 'SRV01',
    os: 'WindowsServer2022',
    roles: [],
    addresses: [],
    lcm: { configurationMode: 'ApplyAndMonitor', rebootNodeIfNeeded: true, actionAfterReboot: 'ContinueConfiguration', refreshMode: 'Push', configurationModeFrequencyMins: 15, source },
    credentials: [{ name: 'Installer', parameter: 'InstallerCredential', description: 'Installer', source }],
    resources: EVERY_KIND,
    manualSteps: [],
    source,
};

describe('DSC resource builders', () => {
    it('should cover every IR resource kind', () => {
        expect([...new Set(EVERY_KIND.map((r) => r.kind))].sort()).to.deep.equal([...KIND_ORDER].sort());
    });

    for (const resource of EVERY_KIND) {
        it(`should build a conforming block for ${resource.kind}`, () => {
            const block = dscBlocks({ ...node, resources: [{ ...resource, dependsOn: [] }] })[0];
            expect(block).to.not.equal(undefined);
            expect(block ? checkBlock(block) : ['missing']).to.deep.equal([]);
        });
    }

    it('should render all kinds together as a configuration that parses, with DependsOn by resource type', async () => {
        const site: SiteIR = { name: 'lab', manifestName: 'site.json', allowPlainTextCredentials: false, delivery: { mode: 'push', moduleRepository: 'PSGallery', source: { pointer: '/delivery' } }, nodes: [node] };
        const text = emitConfiguration(site, node, dscBlocks(node));
        expect(text).to.match(/DependsOn\s+= @\('\[xRegistry\]Reg'\)/);
        expect(text).to.contain("        xScript 'Repair'\r\n        {\r\n            GetScript  = {\r\n                @{ Result");
        const parsed = await parsePowerShell(text);
        expect(parsed.errors).to.deep.equal([]);
    });

    describe('registry values that need a reboot after a change', () => {
        const data: readonly RegData[] = [
            { type: 'REG_SZ', value: "it's $(x) `q`" },
            { type: 'REG_EXPAND_SZ', value: '%SystemRoot%\\x' },
            { type: 'REG_MULTI_SZ', value: ['a', "b'c"] },
            { type: 'REG_DWORD', value: 4294967295 },
            { type: 'REG_QWORD', value: 18446744073709551615n },
            { type: 'REG_BINARY', value: '01ff' },
            { type: 'REG_BINARY', value: '' },
        ];
        for (const d of data) {
            it(`should become a conforming xScript that requests the reboot, for ${d.type} ${JSON.stringify(String(d.value))}`, async () => {
                const resource: Resource = {
                    ...base,
                    kind: 'Registry',
                    id: 'Boot',
                    rebootAfterChange: true,
                    value: { hive: 'HKEY_LOCAL_MACHINE', path: 'SYSTEM\\X', name: 'V', ensure: 'Present', data: d },
                };
                const one = { ...node, resources: [resource] };
                const blocks = dscBlocks(one);
                expect(blocks.map((b) => [b.resourceType, checkBlock(b)])).to.deep.equal([['xScript', []]]);
                const text = emitConfiguration({ name: 'lab', manifestName: 'site.json', allowPlainTextCredentials: false, delivery: { mode: 'push', moduleRepository: 'PSGallery', source: { pointer: '/delivery' } }, nodes: [one] }, one, blocks);
                expect(text).to.contain('$global:DSCMachineStatus = 1');
                expect((await parsePowerShell(text)).errors).to.deep.equal([]);
            });
        }
    });
});

