/**
 * What the XPR module generates per host: which resources, in which
 * dependency order, with which values, and the runbook steps in the
 * guides' order. The golden cases pin the bytes; these tests pin the
 * reasons (ordering rules, conditional resources, quoting, merging).
 */

import { expect } from 'chai';
import { compile } from '../../../../compiler/compile.js';
import { checkBlock } from '../../../../compiler/dsc/catalog.js';
import { dscBlocks } from '../../../../compiler/dsc/resources/index.js';
import { emitConfiguration } from '../../../../compiler/emit/ps/configuration.js';
import type { NodeIR, Resource, SiteIR } from '../../../../compiler/ir/types.js';
import { parsePowerShell } from '../../../helpers/ps-parse.js';
import { CERT, site, withKernel, withSatellite, type Json } from './cases.js';

function build(manifest: Json): SiteIR {
    const result = compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2)) }, { emit: false });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
    expect(result.ir).to.not.equal(undefined);
    return result.ir!;
}

function nodeOf(ir: SiteIR, name: string): NodeIR {
    const node = ir.nodes.find((n) => n.name === name);
    expect(node, name).to.not.equal(undefined);
    return node!;
}

function byId(node: NodeIR, id: string): Resource {
    const resource = node.resources.find((r) => r.id === id);
    expect(resource, `${node.name}: ${id} in ${node.resources.map((r) => r.id).join(', ')}`).to.not.equal(undefined);
    return resource!;
}

const ids = (node: NodeIR): string[] => node.resources.map((r) => r.id);

describe('XPR lowering (compiler/products/xpr)', () => {
    describe('ordering', () => {
        const ir = build(withKernel({ ipApl: { protocols: ['SIP'] }, webApl: {} }, { media: { source: '\\\\fs01\\media', stagingPath: 'C:\\Install\\XPR' } }));
        const kernel = nodeOf(ir, 'XPR01');

        it('should make the installation check wait for the prerequisites, the reboot, the account rights and the medium', () => {
            expect(byId(kernel, 'Xpr_Installed').dependsOn).to.deep.equal([
                'Xpr_Administrators',
                'Xpr_HostRequirements',
                'Xpr_LogOnAsService',
                'Xpr_Reboot_BeforeSetup',
                'Xpr_SetupMedium',
            ]);
            expect(byId(kernel, 'Xpr_HostRequirements').dependsOn).to.deep.equal(['Xpr_SetupMedium']);
        });

        it('should put an explicit PendingReboot after the features and the TCP/IP start-up values', () => {
            const reboot = byId(kernel, 'Xpr_Reboot_BeforeSetup');
            expect(reboot.kind).to.equal('PendingReboot');
            expect(reboot.dependsOn).to.deep.equal([
                'Xpr_Feature_NET_Framework_Core',
                'Xpr_Feature_SMTP_Server',
                'Xpr_Feature_Web_Server',
                'Xpr_Registry_DisableUserTOSSetting',
                'Xpr_Registry_DisabledComponents',
            ]);
        });

        it('should set DisableUserTOSSetting = 0 as a registry value that requests the reboot TCP/IP needs', () => {
            const value = byId(kernel, 'Xpr_Registry_DisableUserTOSSetting');
            expect(value.kind === 'Registry' && value.rebootAfterChange).to.equal(true);
            expect(value.dependsOn).to.deep.equal([]);
            expect(value.kind === 'Registry' && value.value).to.deep.equal({
                hive: 'HKEY_LOCAL_MACHINE',
                path: 'SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
                name: 'DisableUserTOSSetting',
                ensure: 'Present',
                data: { type: 'REG_DWORD', value: 0 },
            });
        });

        it('should configure every XPR service after the installation check and the account rights', () => {
            const services = kernel.resources.filter((r) => r.kind === 'Service');
            expect(services.map((s) => (s.kind === 'Service' ? s.name : '')).sort()).to.deep.equal(
                ['DirSvc', 'TcpApl', 'WebApl', 'cfgsvc', 'infostor', 'ipApl', 'licsvc', 'mrs', 'mta', 'nameloc', 'stunnel', 'xmrsvc'].sort(),
            );
            for (const service of services) {
                if (service.kind !== 'Service') continue;
                if (service.name === 'stunnel') {
                    expect(service.dependsOn, service.name).to.deep.equal(['Xpr_Installed']);
                    expect(service.account).to.equal(undefined);
                } else {
                    expect(service.dependsOn, service.name).to.deep.equal(['Xpr_Administrators', 'Xpr_Installed', 'Xpr_LogOnAsService']);
                    expect(service.account).to.deep.equal({ credential: 'XprService' });
                }
                expect(service.state, service.name).to.equal(undefined);
            }
            const startup = Object.fromEntries(services.map((s) => (s.kind === 'Service' ? [s.name, s.startupType] : [])));
            expect(startup).to.include({ mrs: 'Automatic', licsvc: 'Automatic', stunnel: 'Automatic', mta: 'Manual', ipApl: 'Manual' });
        });

        it('should write the XPR registry values (WOW6432Node) and shares only after the installation check', () => {
            const values = kernel.resources.filter((r) => r.kind === 'Registry' && r.value.path.includes('PP-COM'));
            expect(values.map((r) => r.id)).to.deep.equal(['Xpr_Registry_LicSvcAddress']);
            for (const r of values) {
                expect(r.dependsOn).to.deep.equal(['Xpr_Installed']);
                expect(r.kind === 'Registry' && r.value.path).to.equal('SOFTWARE\\WOW6432Node\\PP-COM\\MRS\\MRS Globals');
                expect(r.kind === 'Registry' && r.value.data).to.deep.equal({ type: 'REG_SZ', value: 'tcpip://10.0.0.11:13010' });
            }
            const shares = kernel.resources.filter((r) => r.kind === 'SmbShare');
            expect(shares.map((s) => (s.kind === 'SmbShare' ? s.name : ''))).to.deep.equal(['MrsBackup$', 'MrsClnt', 'MrsFolders$', 'MrsMonitor', 'MrsNCOConfig$', 'MrsUserdata$']);
            for (const share of shares) {
                expect(share.dependsOn).to.deep.equal(['Xpr_Installed']);
            }
        });

        it('should give the service account local administrator rights and "Log on as a service" by its user name', () => {
            const group = byId(kernel, 'Xpr_Administrators');
            expect(group.kind === 'GroupMembers' && group.members).to.deep.equal(['LAB\\svc-xpr']);
            const right = byId(kernel, 'Xpr_LogOnAsService');
            expect(right.kind === 'UserRight' && [right.name, right.identities]).to.deep.equal(['Log_on_as_a_service', ['LAB\\svc-xpr']]);
        });

        it('should build only blocks that conform to the resource catalog, and a configuration that parses', async () => {
            const blocks = dscBlocks(kernel);
            expect(blocks.flatMap((b) => checkBlock(b).map((v) => `${b.name}: ${v}`))).to.deep.equal([]);
            const parsed = await parsePowerShell(emitConfiguration(ir, kernel, blocks));
            expect(parsed.errors).to.deep.equal([]);
        });
    });

    describe('conditional resources', () => {
        it('should leave out DisableUserTOSSetting without an IP APL, and DisabledComponents with disableIpv6 false', () => {
            const kernel = nodeOf(build(site({ disableIpv6: false })), 'XPR01');
            expect(ids(kernel).filter((id) => /TOS|DisabledComponents/.test(id))).to.deep.equal([]);
            expect(byId(kernel, 'Xpr_Reboot_BeforeSetup').dependsOn).to.deep.equal(['Xpr_Feature_NET_Framework_Core', 'Xpr_Feature_SMTP_Server', 'Xpr_Feature_Web_Server']);
        });

        it('should install the SNMP service only for the System Info SNMP Agent', () => {
            expect(ids(nodeOf(build(withKernel({ webApl: {} })), 'XPR01'))).to.not.include('Xpr_Feature_SNMP_Service');
            expect(ids(nodeOf(build(withKernel({ webApl: { snmpAgent: true } })), 'XPR01'))).to.include('Xpr_Feature_SNMP_Service');
        });

        it('should write BindAddress only when the manifest gives one', () => {
            const kernel = nodeOf(build(withKernel({ tcpApl: { bindAddress: '10.0.0.11' } })), 'XPR01');
            const value = byId(kernel, 'Xpr_Registry_BindAddress');
            expect(value.kind === 'Registry' && value.value.path).to.equal('SOFTWARE\\WOW6432Node\\PP-COM\\MRS\\Tcpapl\\NWPlugTCP');
            expect(ids(nodeOf(build(site()), 'XPR01'))).to.not.include('Xpr_Registry_BindAddress');
        });

        it('should give a satellite its own services (Manual), no shares and no kernel registry values', () => {
            const ir = build(withSatellite({ isdnApl: {} }));
            const satellite = nodeOf(ir, 'SAT01');
            const services = satellite.resources.flatMap((r) => (r.kind === 'Service' ? [[r.name, r.startupType]] : []));
            expect(services).to.deep.equal([
                ['IsdnApl', 'Manual'],
                ['cfgsvc', 'Manual'],
                ['nameloc', 'Manual'],
            ]);
            expect(satellite.resources.filter((r) => r.kind === 'SmbShare' || (r.kind === 'Registry' && r.value.path.includes('PP-COM')))).to.deep.equal([]);
            const installed = byId(satellite, 'Xpr_Installed');
            expect(installed.kind === 'Script' && installed.testScript.join('\n')).to.contain("'D:\\XPR\\bin\\cfgsvc.exe'");
            expect(satellite.roles).to.deep.equal(['xpr-satellite']);
            expect(nodeOf(ir, 'XPR01').roles).to.deep.equal(['xpr-kernel']);
        });

        it('should open the kernel\'s license service and SMB to the satellites only', () => {
            const ir = build(withSatellite({ ldapApl: {} }));
            const rules = (node: NodeIR) => node.resources.flatMap((r) => (r.kind === 'FirewallRule' ? [[r.name, r.localPorts, r.remoteAddresses]] : []));
            expect(rules(nodeOf(ir, 'XPR01'))).to.deep.equal([
                ['XPR-LicSvc-In', ['13010'], ['10.0.0.21']],
                ['XPR-Peers-SMB-In', ['445'], ['10.0.0.21']],
            ]);
            expect(rules(nodeOf(ir, 'SAT01'))).to.deep.equal([['XPR-Peers-SMB-In', ['445'], ['10.0.0.11']]]);
            expect(rules(nodeOf(build(site()), 'XPR01'))).to.deep.equal([]);
        });

        it('should scope the IP APL rules to its gateways and open the RTP range only when given', () => {
            const kernel = nodeOf(build(withKernel({ ipApl: { protocols: ['H.323'], gateways: ['10.0.0.1'] } })), 'XPR01');
            const rules = kernel.resources.flatMap((r) => (r.kind === 'FirewallRule' ? [[r.name, r.protocol, r.localPorts, r.remoteAddresses]] : []));
            expect(rules).to.deep.equal([['XPR-IpApl-H225-In', 'TCP', ['1720'], ['10.0.0.1']]]);
        });

        it('should copy the medium with the medium credential, which becomes a configuration parameter', () => {
            const ir = build(
                site(
                    { media: { source: '\\\\fs01\\media', stagingPath: 'C:\\Install\\XPR', credential: { credential: 'MediaShare' } } },
                    { credentials: { XprService: { description: 'XPR', userName: 'LAB\\svc-xpr' }, MediaShare: { description: 'Media' } } },
                ),
            );
            const kernel = nodeOf(ir, 'XPR01');
            expect(kernel.credentials.map((c) => c.name)).to.deep.equal(['MediaShare', 'XprService']);
            const [block] = dscBlocks({ ...kernel, resources: [{ ...byId(kernel, 'Xpr_SetupMedium'), dependsOn: [] }] });
            expect(block?.properties.map((p) => p.name)).to.deep.equal(['DestinationPath', 'SourcePath', 'Type', 'Ensure', 'Checksum', 'Recurse', 'Credential']);
            expect(block ? checkBlock(block) : ['missing']).to.deep.equal([]);
        });
    });

    describe('merging with the baseline', () => {
        it('should keep an identical baseline feature once and point the XPR dependencies at it', () => {
            const manifest = site(
                {},
                {
                    nodes: [
                        { name: 'XPR01', addresses: [{ address: '10.0.0.11' }], certificate: CERT, baseline: { windowsFeatures: [{ name: 'SMTP-Server', ensure: 'Absent' }] } },
                    ],
                },
            );
            const kernel = nodeOf(build(manifest), 'XPR01');
            expect(ids(kernel)).to.include('WindowsFeature_SMTP_Server');
            expect(ids(kernel)).to.not.include('Xpr_Feature_SMTP_Server');
            expect(byId(kernel, 'Xpr_Reboot_BeforeSetup').dependsOn).to.include('WindowsFeature_SMTP_Server');
            expect(() => dscBlocks(kernel)).to.not.throw();
        });
    });

    describe('quoting', () => {
        it('should quote an installation path with quote characters in every script', async () => {
            const ir = build(site({ installPath: "D:\\O'Brien‘s\\XPR" }));
            const kernel = nodeOf(ir, 'XPR01');
            const installed = byId(kernel, 'Xpr_Installed');
            expect(installed.kind === 'Script' && installed.testScript[0]).to.equal("$binary = 'D:\\O''Brien‘‘s\\XPR\\bin\\mrs.exe'");
            const parsed = await parsePowerShell(emitConfiguration(ir, kernel, dscBlocks(kernel)));
            expect(parsed.errors).to.deep.equal([]);
        });
    });

    describe('runbook', () => {
        it('should list the kernel\'s setup steps in the guide\'s order, each with its guide section', () => {
            const kernel = nodeOf(build(withKernel({ smtpApl: {}, ctiApl: {}, webApl: {} }, { timeZoneSupport: 'on', hotfixes: ['Mta-810-15217'] })), 'XPR01');
            expect(kernel.manualSteps.map((s) => s.id)).to.deep.equal([
                'xpr-prerequisites',
                'xpr-loopback-adapter',
                'xpr-licences-ready',
                'xpr-setup-start',
                'xpr-setup-license-service',
                'xpr-setup-server-name',
                'xpr-setup-languages',
                'xpr-setup-release-notes',
                'xpr-setup-components',
                'xpr-setup-dotnet',
                'xpr-setup-target-folder',
                'xpr-setup-features',
                'xpr-setup-folders',
                'xpr-setup-service-account',
                'xpr-setup-voice-format',
                'xpr-setup-program-folder',
                'xpr-setup-authentication',
                'xpr-setup-summary',
                'xpr-setup-regional',
                'xpr-setup-smtp-apl',
                'xpr-setup-cti-apl',
                'xpr-setup-ssl',
                'xpr-setup-finish',
                'xpr-apply-again',
                'xpr-time-zone-support',
                'xpr-hotfixes',
                'xpr-configure-apls',
                'xpr-password-policy',
            ]);
            for (const step of kernel.manualSteps) {
                expect(step.section, step.id).to.equal('OpenScape Xpressions');
                expect(step.guide, step.id).to.match(/^XPR (Cluster Installation|Upgrade) guide §/);
            }
        });

        it('should fill the dialogs with the manifest\'s values', () => {
            const kernel = nodeOf(build(site({ serverName: 'XPRHQ', languages: ['German', 'French'] })), 'XPR01');
            const text = (id: string) => kernel.manualSteps.find((s) => s.id === id)?.instructions.join('\n') ?? '';
            expect(text('xpr-setup-server-name')).to.contain('`XPRHQ`');
            expect(text('xpr-setup-languages')).to.contain('`German`, `French`');
            expect(text('xpr-setup-license-service')).to.contain('`10.0.0.5`').and.contain('`61740`').and.contain('`30000`');
            expect(text('xpr-setup-service-account')).to.contain('`LAB\\svc-xpr`');
            expect(text('xpr-setup-target-folder')).to.contain('`D:\\XPR`');
            expect(text('xpr-setup-regional')).to.contain('`89`');
        });

        it('should list a satellite\'s steps: SatPrep against the kernel, then its own components only', () => {
            const ir = build(withSatellite({ isdnApl: { faxG3PostDial: true } }));
            const satellite = nodeOf(ir, 'SAT01');
            expect(satellite.manualSteps.map((s) => s.id)).to.deep.equal([
                'xpr-prerequisites',
                'xpr-loopback-adapter',
                'xpr-kernel-ready',
                'xpr-satprep',
                'xpr-setup-start',
                'xpr-satellite-setup',
                'xpr-apply-again',
                'xpr-configure-apls',
                'xpr-fax-g3-post-dial',
            ]);
            const satprep = satellite.manualSteps.find((s) => s.id === 'xpr-satprep')?.instructions.join('\n') ?? '';
            expect(satprep).to.contain('**Server**: `XPR01`');
            const setup = satellite.manualSteps.find((s) => s.id === 'xpr-satellite-setup')?.instructions.join('\n') ?? '';
            expect(setup).to.contain('**ISDN hardware (with Fax G3 Post Dial)**').and.contain('Sangoma');
            expect(nodeOf(ir, 'XPR01').manualSteps.map((s) => s.id)).to.include('xpr-restart-for-satellites');
        });
    });
});
