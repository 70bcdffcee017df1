/**
 * What the onexPortal section lowers to, per node: the staging by
 * installation state, the JVM tuning and its ordering, the .reg file
 * without Options, the firewall rules per feature, the §4.7 command line,
 * the credentials, and the quoting of hostile manifest values.
 */

import { expect } from 'chai';
// compile.js first: it loads the product list before the product module itself.
import { compile, type CompileResult } from '../../../../compiler/compile.js';
import type { FirewallRuleResource, NodeIR, Resource, ScriptResource } from '../../../../compiler/ir/types.js';
import { readRegFile } from '../../../helpers/reg-reader.js';
import { assertParses } from '../../../helpers/ps-parse.js';
import { BASE, PRODUCT_CODE, type Section } from './fixtures.js';
import { textOf, variant, type Json } from './harness.js';

function onex(edit: (section: Section, site: Json) => void): Json {
    return variant(BASE, (site) => edit(site['onexPortal'] as Section, site));
}

function build(manifest: Json): CompileResult {
    const result = compile({ fileName: 'site.json', bytes: Buffer.from(textOf(manifest)) });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
    return result;
}

function nodeOf(result: CompileResult, name: string): NodeIR {
    const node = result.ir?.nodes.find((n) => n.name === name);
    expect(node, name).to.not.equal(undefined);
    return node!;
}

function ids(node: NodeIR): string[] {
    return node.resources.map((r) => r.id);
}

function resource<K extends Resource['kind']>(node: NodeIR, id: string, kind: K): Extract<Resource, { kind: K }> {
    const found = node.resources.find((r) => r.id === id);
    expect(found?.kind, id).to.equal(kind);
    return found as Extract<Resource, { kind: K }>;
}

function file(result: CompileResult, path: string): string {
    const f = result.files?.find((x) => x.path === path);
    expect(f, path).to.not.equal(undefined);
    return path.endsWith('.reg') ? f!.bytes.subarray(2).toString('utf16le') : f!.bytes.toString('utf8');
}

const INSTALLED = { httpPort: 8080, jmxPort: 8666 };
const LARGE = (s: Section): void => {
    Object.assign(s, { users: 600, capacity: '750', memoryGB: 16, installed: INSTALLED, jvm: { path: 'C:\\Program Files\\Java\\jre7\\bin\\server\\jvm.dll' } });
};

describe('one-X Portal lowering (compiler/products/onex-portal)', () => {
    describe('portal server', () => {
        it('should prepare a server that is not installed yet: UAC off, a restart point, firewall; no service', () => {
            const portal = nodeOf(build(BASE), 'ONEX01');
            expect(ids(portal)).to.deep.equal([
                'OnexPortal_UserAccountControl',
                'OnexPortal_Firewall_ExchangeCalendar_In',
                'OnexPortal_Firewall_Http_In',
                'OnexPortal_Firewall_Https_In',
                'OnexPortal_Firewall_Jmx_In',
                'OnexPortal_Firewall_WebSockets_In',
                'OnexPortal_RebootBeforeInstall',
            ]);
            expect(resource(portal, 'OnexPortal_UserAccountControl', 'UserAccountControl')).to.include({ notificationLevel: 'NeverNotifyAndDisableAll', suppressRestart: false });
            expect(resource(portal, 'OnexPortal_RebootBeforeInstall', 'PendingReboot').dependsOn).to.deep.equal(['OnexPortal_UserAccountControl']);
            expect(portal.roles).to.deep.equal(['onex-portal']);
        });

        it('should keep the service running once installed, without the restart point', () => {
            const portal = nodeOf(build(onex((s) => (s['installed'] = INSTALLED))), 'ONEX01');
            expect(ids(portal)).to.include('OnexPortal_Service').and.not.include('OnexPortal_RebootBeforeInstall');
            expect(resource(portal, 'OnexPortal_Service', 'Service')).to.deep.include({ name: 'AvayaoneXPortalIPO', state: 'Running', dependsOn: [] });
            expect(ids(portal)).to.not.include('OnexPortal_Jvm');
        });

        it('should treat a planned reinstallation as not installed and lead through the removal first', () => {
            const result = build(onex((s) => Object.assign(s, { installed: INSTALLED, httpPort: 9080, reinstall: true })));
            const portal = nodeOf(result, 'ONEX01');
            expect(ids(portal)).to.include('OnexPortal_RebootBeforeInstall').and.not.include('OnexPortal_Service');
            const install = portal.manualSteps.find((s) => s.id === 'onex-install');
            expect(install?.instructions[0]).to.contain('**Reinstallation.**').and.contain('`8080`/`8666`').and.contain('`9080`/`8666`');
            expect(result.diagnostics.map((d) => d.code)).to.deep.equal(['XPR3246']);
        });

        it('should stop the service before the JVM values change and start it after them (§2.10 steps 1 and 3)', () => {
            const portal = nodeOf(build(onex(LARGE)), 'ONEX01');
            const stop = 'OnexPortal_JvmTuningStopsService';
            for (const id of ['OnexPortal_Jvm', 'OnexPortal_JvmMs', 'OnexPortal_JvmMx', 'OnexPortal_JvmOptions']) {
                expect(portal.resources.find((r) => r.id === id)?.dependsOn, id).to.deep.equal([stop]);
            }
            expect(resource(portal, 'OnexPortal_Service', 'Service').dependsOn).to.deep.equal(['OnexPortal_Jvm', 'OnexPortal_JvmMs', 'OnexPortal_JvmMx', 'OnexPortal_JvmOptions']);
            const values = portal.resources.flatMap((r) => (r.kind === 'Registry' ? [[r.value.name, r.value.data]] : []));
            expect(values).to.deep.equal([
                ['Jvm', { type: 'REG_SZ', value: 'C:\\Program Files\\Java\\jre7\\bin\\server\\jvm.dll' }],
                ['JvmMs', { type: 'REG_DWORD', value: 512 }],
                ['JvmMx', { type: 'REG_DWORD', value: 5604 }],
            ]);
            const guard = resource(portal, stop, 'Script');
            expect(guard.setScript.join('\n')).to.contain("& reg.exe export 'HKLM\\SOFTWARE\\WOW6432Node\\Apache Software Foundation\\Procrun 2.0\\AvayaoneXPortalIPO\\Parameters\\Java' $backupFile /y");
            expect(guard.setScript.at(-1)).to.equal("Stop-Service -Name 'AvayaoneXPortalIPO' -ErrorAction Stop");
            expect(guard.testScript.at(-1)).to.equal('return ($jvmInDesiredState -and $optionsInDesiredState)');
        });

        it('should merge Options with a script and keep it out of the .reg file, saying so there', () => {
            const result = build(onex(LARGE));
            const portal = nodeOf(result, 'ONEX01');
            expect(portal.resources.some((r) => r.kind === 'Registry' && r.value.name === 'Options')).to.equal(false);
            const merge = resource(portal, 'OnexPortal_JvmOptions', 'Script');
            expect(merge.testScript).to.include("$wanted = @('-XX:MaxPermSize=256m', '-XX:+HeapDumpOnOutOfMemoryError', '-XX:-UseGCOverheadLimit')");
            expect(merge.setScript.at(-1)).to.equal(
                "Set-ItemProperty -LiteralPath 'HKLM:\\SOFTWARE\\WOW6432Node\\Apache Software Foundation\\Procrun 2.0\\AvayaoneXPortalIPO\\Parameters\\Java' -Name 'Options' -Value $merged.ToArray() -Type MultiString",
            );
            const reg = file(result, 'ONEX01/ONEX01.reg');
            expect(reg).to.not.match(/^"Options"=/m);
            expect(reg).to.contain('; Options (REG_MULTI_SZ) is deliberately not in this file: importing it would replace the list the installer wrote.\r\n');
            expect(readRegFile(result.files!.find((f) => f.path === 'ONEX01/ONEX01.reg')!.bytes).map((v) => v.name)).to.deep.equal(['Jvm', 'JvmMs', 'JvmMx']);
            expect(file(result, 'ONEX01/RUNBOOK.md')).to.contain('The node\'s `.reg` file holds `Jvm`, `JvmMs` and `JvmMx` only.');
        });

        it('should use the manifest\'s service name for the service and the Procrun key', () => {
            const portal = nodeOf(build(onex((s) => { LARGE(s); s['serviceName'] = 'OnexPortal2'; })), 'ONEX01');
            expect(resource(portal, 'OnexPortal_Service', 'Service').name).to.equal('OnexPortal2');
            expect(resource(portal, 'OnexPortal_JvmMx', 'Registry').value.path).to.equal('SOFTWARE\\WOW6432Node\\Apache Software Foundation\\Procrun 2.0\\OnexPortal2\\Parameters\\Java');
        });
    });

    describe('portal firewall', () => {
        const rules = (manifest: Json): Record<string, FirewallRuleResource> =>
            Object.fromEntries(nodeOf(build(manifest), 'ONEX01').resources.flatMap((r) => (r.kind === 'FirewallRule' ? [[r.name, r]] : [])));

        it('should follow the chosen HTTP and JMX ports', () => {
            const r = rules(onex((s) => Object.assign(s, { httpPort: 9080, jmxPort: 9666 })));
            expect(r['OnexPortal-HTTP-In']?.localPorts).to.deep.equal(['9080']);
            expect(r['OnexPortal-JMX-In']?.localPorts).to.deep.equal(['9666']);
            expect(r['OnexPortal-HTTPS-In']?.localPorts).to.deep.equal(['8443']);
            expect(r['OnexPortal-WebSockets-In']?.localPorts).to.deep.equal(['8063', '8069']);
        });

        it('should open the feature ports only with their feature, and leave 8086/9094/9095 closed', () => {
            const plain = rules(onex((s) => delete (s as Json)['exchange']));
            expect(Object.keys(plain).sort()).to.deep.equal(['OnexPortal-HTTP-In', 'OnexPortal-HTTPS-In', 'OnexPortal-JMX-In', 'OnexPortal-WebSockets-In']);
            const all = rules(onex((s) => Object.assign(s, { features: { mobility: true, xmppFederation: true }, outboundFiltering: true })));
            expect(all['OnexPortal-XMPP-In']?.localPorts).to.deep.equal(['5222']);
            expect(all['OnexPortal-Mobility-In']?.localPorts).to.deep.equal(['8444']);
            expect(all['OnexPortal-XMPP-Federation-In']?.localPorts).to.deep.equal(['5269']);
            expect(all['OnexPortal-XMPP-Federation-Out']).to.deep.include({ direction: 'Outbound', remotePorts: ['5269'] });
            const ports = Object.values(all).flatMap((f) => [...f.localPorts, ...f.remotePorts]);
            expect(ports).to.not.include.members(['8086', '9094', '9095']);
        });

        it('should allow TCP 50814 out to every IP Office only when outgoing traffic is filtered', () => {
            expect(rules(BASE)['OnexPortal-IPOffice-Out']).to.equal(undefined);
            expect(rules(onex((s) => (s['outboundFiltering'] = true)))['OnexPortal-IPOffice-Out']).to.deep.include({
                direction: 'Outbound',
                remotePorts: ['50814'],
                remoteAddresses: ['10.1.0.10', '10.2.0.10'],
            });
        });

        it('should scope the Exchange notifications to the Exchange node\'s addresses, and take the site\'s profiles', () => {
            expect(rules(BASE)['OnexPortal-Exchange-Calendar-In']).to.deep.include({ localPorts: ['6669'], remoteAddresses: ['10.1.5.10'], profiles: ['Domain', 'Private'] });
            const hosted = rules(onex((s, site) => {
                s['exchange'] = { version: '2013', hostedExternally: true };
                site['defaults'] = { os: 'WindowsServer2012R2', firewallProfiles: ['Public', 'Domain'] };
            }));
            expect(hosted['OnexPortal-Exchange-Calendar-In']).to.deep.include({ remoteAddresses: [], profiles: ['Domain', 'Public'] });
        });
    });

    describe('Voicemail Pro and Exchange servers', () => {
        it('should prepare IIS before Voicemail Pro, and add the virtual directories once it is installed', () => {
            const before = nodeOf(build(BASE), 'VMPRO01');
            expect(ids(before)).to.deep.equal([
                'OnexPortal_VoicemailPro_Web_Metabase',
                'OnexPortal_VoicemailPro_Web_Mgmt_Compat',
                'OnexPortal_VoicemailPro_Web_Server',
                'OnexPortal_VoicemailPro_SiteSsl',
            ]);
            expect(resource(before, 'OnexPortal_VoicemailPro_SiteSsl', 'IisSslSettings')).to.deep.include({ name: 'Default Web Site', flags: [] });
            const after = nodeOf(build(onex((s) => (s.voicemail['installed'] = true))), 'VMPRO01');
            const directories = after.resources.flatMap((r) => (r.kind === 'WebVirtualDirectory' ? [[r.name, r.physicalPath, r.website, r.webApplication]] : []));
            expect(directories).to.deep.equal([
                ['NamesGreetings', 'D:\\Avaya\\Voicemail Pro\\VM\\Names', 'Default Web Site', ''],
                ['PersonalGreetings', 'D:\\Avaya\\Voicemail Pro\\VM\\Greetings', 'Default Web Site', ''],
                ['VoicemailAccounts', 'D:\\Avaya\\Voicemail Pro\\VM\\Accounts', 'Default Web Site', ''],
            ]);
        });

        it('should write SslSettings as Ensure Absent (no SSL flags) on the default site', () => {
            const ps1 = file(build(BASE), 'VMPRO01/VMPRO01.ps1');
            expect(ps1).to.contain("        SslSettings 'OnexPortal_VoicemailPro_SiteSsl'\r\n        {\r\n            Name      = 'Default Web Site'\r\n            Bindings  = @('')\r\n            Ensure    = 'Absent'\r\n");
        });

        it('should enable Digest authentication on the Exchange node and switch EWS to it', () => {
            const exchange = nodeOf(build(onex((s) => (s.exchange['ewsPath'] = 'Exchange Back End/EWS'))), 'EXCH01');
            expect(resource(exchange, 'OnexPortal_Exchange_Web_Digest_Auth', 'WindowsFeature').name).to.equal('Web-Digest-Auth');
            const ews = resource(exchange, 'OnexPortal_Exchange_EwsAuthentication', 'Script');
            expect(ews.dependsOn).to.deep.equal(['OnexPortal_Exchange_Web_Digest_Auth']);
            expect(ews.setScript).to.include("$location = 'Exchange Back End/EWS'");
            expect(exchange.manualSteps.map((s) => s.id)).to.deep.equal(['onex-exchange-mailbox', 'onex-exchange-account', 'onex-exchange-impersonation']);
        });

        it('should put the Exchange server\'s steps into the portal runbook when Exchange is not a node', () => {
            const result = build(onex((s) => (s['exchange'] = { version: '2010' })));
            expect(result.ir?.nodes.find((n) => n.name === 'EXCH01')?.resources).to.deep.equal([]);
            const steps = nodeOf(result, 'ONEX01').manualSteps.map((s) => s.id);
            expect(steps.slice(steps.indexOf('onex-exchange-service'))).to.deep.equal([
                'onex-exchange-service',
                'onex-exchange-digest',
                'onex-exchange-mailbox',
                'onex-exchange-account',
                'onex-exchange-impersonation',
                'onex-clients-silent',
            ]);
        });
    });

    describe('desktop clients', () => {
        const commandOf = (edit: (c: Json) => void): string => {
            const rds = nodeOf(build(onex((s) => edit(s.desktopClients))), 'RDS01');
            const install = resource(rds, 'OnexPortal_DesktopClients_Install', 'Script');
            return install.name;
        };

        it('should give the §4.7 command line for both clients without ADDLOCAL', () => {
            expect(commandOf(() => {})).to.equal('AvayaOneXDesktopClients.exe /s /v"/qn SECUREMODE=1 PORT_NUMBER=8063"');
        });

        it('should give the §4.7 command lines for one client with ADDLOCAL=<feature>,ChangeARP', () => {
            expect(commandOf((c) => Object.assign(c, { clients: ['callAssistant'], portalServer: 'onex01.contoso.local' }))).to.equal(
                'AvayaOneXDesktopClients.exe /s /v"/qn SECUREMODE=1 PORT_NUMBER=8063 ONEX_PORTAL_SERVER=onex01.contoso.local ADDLOCAL=callAssistant,ChangeARP"',
            );
            expect(commandOf((c) => Object.assign(c, { clients: ['outlookPlugin'], secureMode: 0, portNumber: 8069 }))).to.equal(
                'AvayaOneXDesktopClients.exe /s /v"/qn SECUREMODE=0 PORT_NUMBER=8069 ADDLOCAL=OutlookPlugin,ChangeARP"',
            );
        });

        it('should leave PORT_NUMBER and ONEX_PORTAL_SERVER out when they have no value', () => {
            expect(commandOf((c) => delete c['portNumber'])).to.equal('AvayaOneXDesktopClients.exe /s /v"/qn SECUREMODE=1"');
        });

        it('should check the prerequisites first and test the installation through Windows Installer', () => {
            const rds = nodeOf(build(onex((s) => (s.desktopClients['clients'] = ['outlookPlugin']))), 'RDS01');
            expect(ids(rds)).to.deep.equal(['OnexPortal_DesktopClients_Install', 'OnexPortal_DesktopClients_Prerequisites']);
            const install = resource(rds, 'OnexPortal_DesktopClients_Install', 'Script') as ScriptResource;
            expect(install.dependsOn).to.deep.equal(['OnexPortal_DesktopClients_Prerequisites']);
            expect(install.testScript).to.include(`$productCode = '${PRODUCT_CODE}'`).and.include("foreach ($feature in @('OutlookPlugin'))");
            expect(install.setScript).to.include(
                "$process = Start-Process -FilePath '\\\\fs01\\onex\\AvayaOneXDesktopClients.exe' -ArgumentList '/s /v\"/qn SECUREMODE=1 PORT_NUMBER=8063 ADDLOCAL=OutlookPlugin,ChangeARP\"' -Wait -PassThru",
            );
            const check = resource(rds, 'OnexPortal_DesktopClients_Prerequisites', 'Script');
            expect(check.testScript.join('\n')).to.contain('NDP\\v4\\Client').and.contain('PublicKeyToken=71e9bce111e9429c').and.contain("[version] '10.0.40303'");
            // A gate: Set fails naming the runbook step (compiler/products/gate.ts).
            expect(check.gate).to.deep.equal({ step: 'onex-clients-check', title: 'Check the desktop clients' });
            expect(check.setScript.at(-1)).to.contain("throw ('xprc gate: ").and.contain('"Check the desktop clients"');
            expect(rds.roles).to.deep.equal(['onex-desktop-clients']);
        });

        it('should give managed nodes the install credential as a parameter, but no node the runbook-only accounts', () => {
            const result = build(
                onex((s, site) => {
                    (site['credentials'] as Json)['ClientInstall'] = { description: 'Installs the clients' };
                    (site['nodes'] as Json[])[3]!['certificate'] = { file: 'C:\\Keys\\RDS01.cer', thumbprint: '5A1F3C2B9D8E7F6A5B4C3D2E1F0A9B8C7D6E5F4A' };
                    s.desktopClients['installCredential'] = { credential: 'ClientInstall' };
                }),
            );
            expect(nodeOf(result, 'RDS01').credentials.map((c) => c.parameter)).to.deep.equal(['ClientInstallCredential']);
            expect(resource(nodeOf(result, 'RDS01'), 'OnexPortal_DesktopClients_Install', 'Script').credential).to.deep.equal({ credential: 'ClientInstall' });
            expect(resource(nodeOf(result, 'RDS01'), 'OnexPortal_DesktopClients_Prerequisites', 'Script').credential).to.equal(undefined);
            for (const name of ['ONEX01', 'EXCH01']) {
                expect(nodeOf(result, name).credentials, name).to.deep.equal([]);
            }
            expect(result.diagnostics.map((d) => d.code)).to.deep.equal([]);
            expect(file(result, 'ONEX01/RUNBOOK.md')).to.contain('the account of credential `OnexLdap` (`CONTOSO\\svc-ldap`)');
        });
    });

    describe('quoting', () => {
        const HOSTILE = "D:\\O'Brien ‘$(Remove-Item -Recurse \\)’ `x";

        it('should quote hostile manifest values in every script, and the configuration still parses', async () => {
            const result = build(
                onex((s) => {
                    LARGE(s);
                    s['backupFolder'] = HOSTILE;
                    (s['jvm'] as Json)['options'] = ["-Dx='a';Remove-Item", '-XX:+HeapDumpOnOutOfMemoryError'];
                    s.desktopClients['installer'] = `\\\\fs01\\it's ‘here’\\AvayaOneXDesktopClients.exe`;
                    s.exchange['ewsPath'] = "Default Web Site/EW'S";
                }),
            );
            const portal = nodeOf(result, 'ONEX01');
            expect(resource(portal, 'OnexPortal_JvmTuningStopsService', 'Script').setScript).to.include("$backupFolder = 'D:\\O''Brien ‘‘$(Remove-Item -Recurse \\)’’ `x'");
            expect(resource(portal, 'OnexPortal_JvmOptions', 'Script').testScript).to.include("$wanted = @('-Dx=''a'';Remove-Item', '-XX:+HeapDumpOnOutOfMemoryError')");
            for (const name of ['ONEX01', 'EXCH01', 'RDS01']) {
                await assertParses(file(result, `${name}/${name}.ps1`), name);
            }
        });
    });

    describe('determinism', () => {
        it('should give the same bytes for a manifest with reordered IP Offices and managed nodes, apart from provenance', () => {
            const a = build(onex((s) => (s['outboundFiltering'] = true)));
            const b = build(
                onex((s, site) => {
                    s['outboundFiltering'] = true;
                    s.ipOffices.reverse();
                    (site['nodes'] as Json[]).reverse();
                }),
            );
            const strip = (r: CompileResult, path: string) => file(r, path).replace(/site\.json#\/[^\s)]*/g, '');
            for (const path of ['ONEX01/ONEX01.ps1', 'VMPRO01/VMPRO01.ps1', 'EXCH01/EXCH01.ps1', 'RDS01/RDS01.ps1']) {
                expect(strip(b, path), path).to.equal(strip(a, path));
            }
        });
    });
});
