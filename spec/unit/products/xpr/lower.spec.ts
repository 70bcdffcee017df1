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
import { applyNotes } from '../../../../compiler/emit/runbook-lcm.js';
import type { NodeIR, Resource, SiteIR } from '../../../../compiler/ir/types.js';
import { parsePowerShell } from '../../../helpers/ps-parse.js';
import { CERT, site, withKernel, withKernelNode, withSatellite, type Json } from './cases.js';

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
                'Xpr_Feature_RSAT_DHCP',
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

        it('should configure every XPR service after the installation gate and the account rights, never starting one (item 3, 7)', () => {
            const services = kernel.resources.filter((r) => r.kind === 'Service' && r.name !== 'Dhcp');
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
                // xService's default State is Running: 'Ignore' keeps DSC from starting XPR's services (Upgrade guide §2.12.2 step 11).
                expect(service.state, service.name).to.equal('Ignore');
                // No guide states a start mode outside a cluster: setup's stay.
                expect(service.startupType, service.name).to.equal(undefined);
            }
            const gate = byId(kernel, 'Xpr_Installed');
            expect(gate.kind === 'Script' && gate.gate).to.deep.equal({ step: 'xpr-setup-finish', title: 'Setup: finish and reboot' });
            expect(gate.kind === 'Script' && gate.setScript.join('\n')).to.match(/^throw 'xprc gate: OpenScape Xpressions V7 R1 is not installed in D:\\XPR\. Waiting for the runbook step "Setup: finish and reboot"/);
            expect(kernel.manualSteps.map((s) => s.id)).to.include('xpr-setup-finish');
        });

        it('should enforce only the start modes the manifest asks for (item 7)', () => {
            const node = nodeOf(build(withKernel({ webApl: {} }, { serviceStartupTypes: { licsvc: 'Automatic', WebApl: 'Manual' } })), 'XPR01');
            const startup = node.resources.flatMap((r) => (r.kind === 'Service' && r.startupType !== undefined && r.name !== 'Dhcp' ? [[r.name, r.startupType, r.source.pointer]] : []));
            expect(startup).to.deep.equal([
                ['WebApl', 'Manual', '/xpr/serviceStartupTypes/WebApl'],
                ['licsvc', 'Automatic', '/xpr/serviceStartupTypes/licsvc'],
            ]);
            const again = node.manualSteps.find((s) => s.id === 'xpr-apply-again');
            expect(again?.instructions.join('\n')).to.contain('except those the manifest sets (`xpr.serviceStartupTypes`): `licsvc` Automatic, `WebApl` Manual.');
        });

        it('should stop and disable the DHCP Client and remove the DHCP Server Tools, unless opted out, and warn about DNS (item 8)', () => {
            const dhcp = byId(kernel, 'Xpr_Windows_DhcpClient');
            expect(dhcp.kind === 'Service' && [dhcp.name, dhcp.startupType, dhcp.state]).to.deep.equal(['Dhcp', 'Disabled', 'Stopped']);
            expect(dhcp.guide).to.equal('XPR Cluster Installation guide §3.1.3, §7.1.3');
            const tools = byId(kernel, 'Xpr_Feature_RSAT_DHCP');
            expect(tools.kind === 'WindowsFeature' && tools.ensure).to.equal('Absent');
            // License Logging exists on Windows Server 2008 R2 only (§3.1.3; §7.1.3 does not list it).
            expect(ids(kernel)).to.not.include('Xpr_Windows_LicenseLogging');
            const prerequisites = kernel.manualSteps.find((s) => s.id === 'xpr-prerequisites');
            expect(prerequisites?.instructions.join('\n')).to.contain('registered this computer\'s addresses in DNS');
            // The warning comes before the configuration is applied (RUNBOOK.md section 1, step 5).
            expect(applyNotes(kernel).join('\n')).to.contain("**Before applying:** the configuration stops the DHCP Client service");
            const old = nodeOf(build(withKernelNode({ os: 'WindowsServer2008R2' })), 'XPR01');
            const logging = byId(old, 'Xpr_Windows_LicenseLogging');
            expect(logging.kind === 'Script' && logging.testScript.join('\n')).to.contain("-not $service -or ($service.StartMode -eq 'Disabled' -and $service.State -eq 'Stopped')");
            const optOut = nodeOf(build(site({ disableDhcpClient: false })), 'XPR01');
            expect(ids(optOut).filter((id) => /Dhcp|DHCP|LicenseLogging/.test(id))).to.deep.equal([]);
            expect(optOut.manualSteps.find((s) => s.id === 'xpr-prerequisites')?.instructions.join('\n')).to.not.contain('DNS');
            expect(applyNotes(optOut).join('\n')).to.not.contain('DHCP');
        });

        it('should write no LicSvcAddress on a standalone kernel, and shares only after the installation check (item 6)', () => {
            // Setup writes LicSvcAddress; only a cluster re-homes it (Cluster Installation guide §5.3, §9.3 step 3).
            const values = kernel.resources.filter((r) => r.kind === 'Registry' && r.value.path.includes('PP-COM'));
            expect(values.map((r) => r.id)).to.deep.equal([]);
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
            expect(byId(kernel, 'Xpr_Reboot_BeforeSetup').dependsOn).to.deep.equal(['Xpr_Feature_NET_Framework_Core', 'Xpr_Feature_RSAT_DHCP', 'Xpr_Feature_SMTP_Server', 'Xpr_Feature_Web_Server']);
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

        it('should give a satellite its own services (left to the kernel to start), no shares and no kernel registry values', () => {
            const ir = build(withSatellite({ isdnApl: {} }));
            const satellite = nodeOf(ir, 'SAT01');
            const services = satellite.resources.flatMap((r) => (r.kind === 'Service' && r.name !== 'Dhcp' ? [[r.name, r.startupType, r.state]] : []));
            expect(services).to.deep.equal([
                ['IsdnApl', undefined, 'Ignore'],
                ['cfgsvc', undefined, 'Ignore'],
                ['nameloc', undefined, 'Ignore'],
            ]);
            const gate = byId(satellite, 'Xpr_Installed');
            expect(gate.kind === 'Script' && gate.gate).to.deep.equal({ step: 'xpr-satellite-setup', title: "Install the satellite's components" });
            expect(satellite.resources.filter((r) => r.kind === 'SmbShare' || (r.kind === 'Registry' && r.value.path.includes('PP-COM')))).to.deep.equal([]);
            const installed = byId(satellite, 'Xpr_Installed');
            expect(installed.kind === 'Script' && installed.testScript.join('\n')).to.contain("'D:\\XPR\\bin\\cfgsvc.exe'");
            expect(satellite.roles).to.deep.equal(['xpr-satellite']);
            expect(nodeOf(ir, 'XPR01').roles).to.deep.equal(['xpr-kernel']);
        });

        it('should open SMB to the satellites only, and the CLA port to the satellites\' license services where the CLA runs on the kernel (item 9)', () => {
            const ir = build(withSatellite({ ldapApl: {} }));
            const rules = (node: NodeIR) => node.resources.flatMap((r) => (r.kind === 'FirewallRule' ? [[r.name, r.localPorts, r.remoteAddresses]] : []));
            // No licsvc rule: every host's own license service connects to the CLA (§4.3.4.1); 13010 is only the guide's example.
            expect(rules(nodeOf(ir, 'XPR01'))).to.deep.equal([['XPR-Peers-SMB-In', ['445'], ['10.0.0.21']]]);
            expect(rules(nodeOf(ir, 'SAT01'))).to.deep.equal([['XPR-Peers-SMB-In', ['445'], ['10.0.0.11']]]);
            expect(rules(nodeOf(build(site()), 'XPR01'))).to.deep.equal([]);
            const claHere = build(withSatellite({ ldapApl: {} }, { licensing: { scenario: 'claAndClmOnKernel', claPort: 61740 } }));
            expect(rules(nodeOf(claHere, 'XPR01'))).to.deep.include(['XPR-CLA-In', ['61740'], ['10.0.0.21']]);
        });

        it('should open guide-named ports to the gateways, and media from anyone through a program rule unless a range is given (item 9)', () => {
            const rules = (node: NodeIR) =>
                node.resources.flatMap((r) => (r.kind === 'FirewallRule' ? [[r.name, r.protocol, r.localPorts, r.remoteAddresses, r.program ?? '']] : []));
            const h323 = nodeOf(build(withKernel({ ipApl: { protocols: ['H.323'], gateways: ['10.0.0.1'] } })), 'XPR01');
            expect(rules(h323)).to.deep.equal([
                ['XPR-IpApl-Media-In', 'UDP', [], [], 'D:\\XPR\\bin\\ipapl.exe'],
                ['XPR-IpApl-Signalling-In', 'TCP', [], ['10.0.0.1'], 'D:\\XPR\\bin\\ipapl.exe'],
            ]);
            const sip = nodeOf(build(withKernel({ ipApl: { protocols: ['SIP'], gateways: ['10.0.0.1'], rtpPorts: '29100-29199' } })), 'XPR01');
            expect(rules(sip)).to.deep.equal([
                // Phones send media too: the RTP range is open to every address.
                ['XPR-IpApl-RTP-In', 'UDP', ['29100-29199'], [], ''],
                ['XPR-IpApl-SIP-TCP-In', 'TCP', ['5060'], ['10.0.0.1'], ''],
                ['XPR-IpApl-SIP-UDP-In', 'UDP', ['5060'], ['10.0.0.1'], ''],
            ]);
            const web = nodeOf(build(withKernel({ webApl: {}, smtpApl: { usage: ['internetMail', 'pop3'], pop3Port: 110 } })), 'XPR01');
            expect(rules(web)).to.deep.equal([
                ['XPR-SmtpApl-In', 'TCP', [], [], 'D:\\XPR\\bin\\smtpapl.exe'],
                ['XPR-SmtpApl-POP3-In', 'TCP', ['110'], [], ''],
                ['XPR-WebApl-HTTP-In', 'TCP', ['80'], [], ''],
            ]);
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
            const medium = byId(kernel, 'Xpr_SetupMedium');
            const [block] = dscBlocks({ ...kernel, resources: [{ ...medium, dependsOn: [] }] });
            expect(block?.properties.map((p) => p.name)).to.deep.equal(['GetScript', 'TestScript', 'SetScript', 'Credential']);
            expect(block ? checkBlock(block) : ['missing']).to.deep.equal([]);
            // Copied once (item 12): Test reads one marker file, never the medium's tree.
            expect(medium.kind === 'Script' && medium.testScript).to.deep.equal([
                "$marker = 'C:\\Install\\XPR\\xprc-medium-source.txt'",
                '$copied = if (Test-Path -LiteralPath $marker) { Get-Content -LiteralPath $marker -TotalCount 1 }',
                "$copied -eq '\\\\fs01\\media'",
            ]);
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
                'xpr-host-requirements',
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
                'xpr-service-account-password',
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
                'xpr-host-requirements',
                'xpr-kernel-ready',
                'xpr-satprep',
                'xpr-setup-start',
                'xpr-satellite-setup',
                'xpr-apply-again',
                'xpr-configure-apls',
                'xpr-fax-g3-post-dial',
                'xpr-service-account-password',
            ]);
            const satprep = satellite.manualSteps.find((s) => s.id === 'xpr-satprep')?.instructions.join('\n') ?? '';
            expect(satprep).to.contain('**Server**: `XPR01`');
            const setup = satellite.manualSteps.find((s) => s.id === 'xpr-satellite-setup')?.instructions.join('\n') ?? '';
            expect(setup).to.contain('**ISDN hardware (with Fax G3 Post Dial)**').and.contain('Sangoma');
            // Item 10: the Diva driver's own restart is declined (Upgrade guide §2.8.1 steps 26–32).
            expect(setup).to.contain("**Decline the Diva driver's own restart**").and.contain('steps 26–32');
            expect(nodeOf(ir, 'XPR01').manualSteps.map((s) => s.id)).to.include('xpr-restart-for-satellites');
        });

        it('should say that a changed service account password is entered on every service of every host (item 13)', () => {
            const ir = build(withSatellite({ ldapApl: {} }));
            const text = nodeOf(ir, 'XPR01').manualSteps.find((s) => s.id === 'xpr-service-account-password');
            expect(text?.guide).to.equal('XPR Upgrade guide §2.12.3');
            expect(text?.instructions.join('\n')).to.contain('of this computer and of `SAT01`').and.contain('The configuration does not notice a changed password');
            const sat = nodeOf(ir, 'SAT01').manualSteps.find((s) => s.id === 'xpr-service-account-password');
            expect(sat?.instructions.join('\n')).to.contain('and of `XPR01`');
        });

        it('should check the hardware on the host when the manifest does not state it (item 11)', () => {
            const scriptOf = (manifest: Json) => {
                const r = byId(nodeOf(build(manifest), 'XPR01'), 'Xpr_HostRequirements');
                return r.kind === 'Script' ? r : undefined;
            };
            const unknown = scriptOf(site({ kernel: { node: 'XPR01', optionalComponents: ['Nuance Vocalizer TTS'] } }));
            expect(unknown?.testScript.join('\n')).to.contain('TotalPhysicalMemory -lt 3221225472) { # 3072 MB').and.contain('Win32_DiskDrive');
            expect(unknown?.gate).to.deep.equal({ step: 'xpr-host-requirements', title: 'Check the XPR host requirements' });
            const stated = scriptOf(withKernelNode({ hardware: { memoryGB: 8, diskSizesGB: [200, 200] } }));
            expect(stated?.testScript.join('\n')).to.not.contain('TotalPhysicalMemory').and.not.contain('Win32_DiskDrive');
        });
    });
});
