/**
 * OfficeStatus lowering and output: the service address, ClientInstall.ini
 * and the silent command lines carry the manifest's values exactly (read
 * back with PowerShell's own quoting rules, not with psString), accounts stay
 * out of the configurations, and the runbook follows the manifest.
 */

import { expect } from 'chai';
import type { CompileResult } from '../../../../compiler/compile.js';
import type { NodeIR, ScriptResource } from '../../../../compiler/ir/types.js';
import { clientInstallIni } from '../../../../compiler/products/officestatus/lower.js';
import { installArguments, serviceUrl } from '../../../../compiler/products/officestatus/model.js';
import type { OfficeStatus, OfficeStatusClientGroup, OfficeStatusWebsite } from '../../../../compiler/manifest/types.generated.js';
import { decodeSingleStringLiteral, parsePowerShell } from '../../../helpers/ps-parse.js';
import { run, variant, type Json } from './harness.js';
import { BASE } from './fixtures.js';

type Section = { server: Json & { website: Json; database: Json; serviceAccount: Json }; distribution: Json; clientPackages: Json; clientGroups: Json[] };

function os(edit: (section: Section, site: Json) => void): Json {
    return variant(BASE, (site) => edit(site['officeStatus'] as Section, site));
}

function build(manifest: Json): CompileResult {
    const result = run(manifest, true);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
    return result;
}

function nodeOf(result: CompileResult, name: string): NodeIR {
    const node = result.ir?.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`no node ${name}`);
    return node;
}

function file(result: CompileResult, path: string): string {
    const f = result.files?.find((x) => x.path === path);
    if (!f) throw new Error(`no file ${path}: ${result.files?.map((x) => x.path).join(', ')}`);
    const text = f.bytes.toString('utf8');
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The PowerShell expression after `Name =` on the line that holds it (single-line values only). */
function propertyExpression(script: string, name: string): string {
    const line = script.split('\r\n').find((l) => new RegExp(`^\\s*${name}\\s+=\\s`).test(l));
    if (!line) throw new Error(`no property ${name}`);
    return line.slice(line.indexOf('=') + 1).trim();
}

const website = (extra: Partial<OfficeStatusWebsite>): OfficeStatusWebsite => ({ name: 'Default Web Site', hostName: 'status.contoso.local', virtualDirectory: 'OfficeStatus', ...extra });

describe('OfficeStatus lowering', () => {
    describe('service address (§4.2.2, §5.3)', () => {
        const cases: readonly [string, OfficeStatusWebsite, string][] = [
            ['a virtual directory on port 80', website({}), 'http://status.contoso.local/OfficeStatus/'],
            ['the site root', website({ placement: 'root', virtualDirectory: undefined }), 'http://status.contoso.local/'],
            ['another port', website({ port: 8080, virtualDirectory: 'os' }), 'http://status.contoso.local:8080/os/'],
        ];
        for (const [label, site, url] of cases) {
            it(`should be ${url} for ${label}`, () => expect(serviceUrl(site)).to.equal(url));
        }
    });

    describe('ClientInstall.ini (§5.3)', () => {
        it('should hold exactly the [Startup Defaults] section with WebServiceAddress, after an ASCII comment line, with CRLF', () => {
            const section = (BASE['officeStatus'] as OfficeStatus);
            const text = clientInstallIni(section);
            expect(text.split('\r\n')).to.deep.equal([
                '; OfficeStatus Windows Client defaults (OfficeStatus Deployment Guide, section 5.3), managed by DSC. Do not edit.',
                '[Startup Defaults]',
                'WebServiceAddress=http://status.contoso.local/OfficeStatus/',
                '',
            ]);
            expect(/^[\x20-\x7e\r\n]*$/.test(text)).to.equal(true);
        });

        it('should be written by a File resource next to the packages, whose Contents reads back to the same text', async () => {
            const result = build(BASE);
            const fs01 = nodeOf(result, 'FS01');
            const ini = fs01.resources.find((r) => r.kind === 'File' && r.path.endsWith('ClientInstall.ini'));
            expect(ini).to.include({ path: 'D:\\Software\\OfficeStatus\\ClientInstall.ini', ensure: 'Present' });
            expect(ini?.dependsOn).to.deep.equal(['Folder_D_Software_OfficeStatus']);
            const script = file(result, 'FS01/FS01.ps1');
            const contents = await decodeSingleStringLiteral(propertyExpression(script, 'Contents'));
            expect(contents).to.equal(clientInstallIni(BASE['officeStatus'] as OfficeStatus));
        });
    });

    describe('silent command lines (§5.2, §5.5)', () => {
        const group = (extra: Partial<OfficeStatusClientGroup>): OfficeStatusClientGroup => ({ name: 'g', package: 'exe', version: '2.0.0.0', targets: { nodes: ['WS01'] }, ...extra });
        const cases: readonly [string, OfficeStatusClientGroup, string][] = [
            ['the EXE without a folder', group({}), '/qn'],
            ['the EXE with APPDIR', group({ installFolder: 'C:\\myinstall' }), '/qn APPDIR="C:\\myinstall"'],
            ['an MSI build with APPDIR', group({ package: 'msiX86', installFolder: 'C:\\Program Files\\OfficeStatus' }), '/i "\\\\FS01\\OfficeStatus$\\c.msi" /qn APPDIR="C:\\Program Files\\OfficeStatus"'],
        ];
        for (const [label, g, expected] of cases) {
            it(`should be ${expected} for ${label}`, () => expect(installArguments(g, '\\\\FS01\\OfficeStatus$\\c.msi')).to.equal(expected));
        }

        it('should reach the install script exactly: msiexec with the share path, /qn and APPDIR', async () => {
            const result = build(os((s) => (s.clientGroups[0]!['installFolder'] = 'C:\\Program Files\\OfficeStatus')));
            const script = nodeOf(result, 'WS01').resources.find((r): r is ScriptResource => r.kind === 'Script');
            const start = script?.setScript.find((line) => line.startsWith('$process = Start-Process'));
            expect(start).to.equal(
                `$process = Start-Process -FilePath 'msiexec.exe' -ArgumentList '/i "\\\\FS01\\OfficeStatus$\\OfficeStatusClient_x64.msi" /qn APPDIR="C:\\Program Files\\OfficeStatus"' -Wait -PassThru`,
            );
            const argument = /-ArgumentList ('(?:[^']|'')*')/.exec(start ?? '')?.[1] ?? '';
            expect(await decodeSingleStringLiteral(argument)).to.equal('/i "\\\\FS01\\OfficeStatus$\\OfficeStatusClient_x64.msi" /qn APPDIR="C:\\Program Files\\OfficeStatus"');
        });

        it('should run the EXE itself from the share, and test the product code in both registry views', () => {
            const result = build(
                os((s) => {
                    s.clientPackages['exe'] = { file: 'officestatus_client_v2.exe', productCode: '{aaaaaaaa-0000-1111-2222-333344445555}' };
                    s.clientGroups[0]!['package'] = 'exe';
                }),
            );
            const script = nodeOf(result, 'WS01').resources.find((r): r is ScriptResource => r.kind === 'Script');
            expect(script?.setScript).to.include(`$process = Start-Process -FilePath '\\\\FS01\\OfficeStatus$\\officestatus_client_v2.exe' -ArgumentList '/qn' -Wait -PassThru`);
            expect(script?.testScript.slice(0, 5)).to.deep.equal([
                '$keys = @(',
                "    'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{AAAAAAAA-0000-1111-2222-333344445555}'",
                "    'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{AAAAAAAA-0000-1111-2222-333344445555}'",
                ')',
                '$entry = Get-ItemProperty -Path $keys -ErrorAction SilentlyContinue | Select-Object -First 1',
            ]);
            // The version check itself runs in pwsh: scripts-pwsh.spec.ts.
            expect(script?.testScript).to.include("$wanted = [System.Version]'2.0.0.0'");
        });

        it('should wait for .NET Framework 2.0 SP2 in a gate that names its runbook step, before running the installer (issue 11 item 4)', () => {
            const node = nodeOf(build(BASE), 'WS01');
            const scripts = node.resources.filter((r): r is ScriptResource => r.kind === 'Script');
            const gate = scripts.find((r) => r.id === 'OfficeStatus_ClientDotNet');
            const install = scripts.find((r) => r.id === 'OfficeStatus_Client');
            // Tested in Test, so a machine without it is "waiting", not a Set that throws at every consistency check.
            expect(gate?.testScript.join('\n')).to.contain('NDP\\v2.0.50727').and.contain('$netfx.SP -ge 2');
            expect(gate?.gate).to.deep.equal({ step: 'officestatus-client', title: 'OfficeStatus Windows Client' });
            expect(gate?.setScript.join('\n')).to.match(/^throw 'xprc gate: \.NET Framework 2\.0 SP2 or later is not installed\. Waiting for the runbook step "OfficeStatus Windows Client"/);
            expect(install?.dependsOn).to.deep.equal(['OfficeStatus_ClientDotNet']);
            expect(install?.setScript.join('\n')).to.not.contain('NDP');
            expect(node.manualSteps.map((s) => s.id)).to.include('officestatus-client');
        });
    });

    describe('server node', () => {
        it('should install IIS, ASP.NET and .NET 3.5 before a reboot point, and open the site port', () => {
            const node = nodeOf(build(BASE), 'OS01');
            expect(node.roles).to.deep.equal(['officestatus-server']);
            expect(node.resources.map((r) => `${r.kind} ${r.id} <- ${r.dependsOn.join(',')}`)).to.deep.equal([
                'WindowsFeature WindowsFeature_NET_Framework_Core <- ',
                'WindowsFeature WindowsFeature_Web_Asp_Net <- WindowsFeature_Web_Server',
                'WindowsFeature WindowsFeature_Web_Server <- ',
                'FirewallRule Firewall_OfficeStatus_HTTP_In <- ',
                'PendingReboot OfficeStatus_PendingReboot <- WindowsFeature_NET_Framework_Core,WindowsFeature_Web_Asp_Net,WindowsFeature_Web_Server',
            ]);
        });

        it('should create a root-placement website once and leave it to the installer afterwards (§4.2.2), and no firewall rule when not asked', () => {
            const result = build(os((s) => (s.server.website = { name: 'OfficeStatus', create: true, physicalPath: 'C:\\inetpub\\OfficeStatus', hostName: 'status.contoso.local', port: 8080, placement: 'root', firewall: false })));
            const node = nodeOf(result, 'OS01');
            // No WebSite resource: it would set the physical path back after the installer reconfigured the site.
            expect(node.resources.some((r) => r.kind === 'WebSite')).to.equal(false);
            const once = node.resources.find((r): r is ScriptResource => r.kind === 'Script' && r.id === 'OfficeStatus_CreateWebSite_OfficeStatus');
            expect(once?.testScript).to.deep.equal([
                'Import-Module -Name WebAdministration -Verbose:$false',
                "$site = Get-Website | Where-Object -FilterScript { $_.Name -eq 'OfficeStatus' }",
                '$null -ne $site',
            ]);
            expect(once?.setScript).to.include("$null = New-Website -Name 'OfficeStatus' -PhysicalPath 'C:\\inetpub\\OfficeStatus' -Port 8080 -HostHeader 'status.contoso.local' -IPAddress '*'");
            expect(once?.dependsOn).to.deep.equal(['Folder_C_inetpub_OfficeStatus', 'WindowsFeature_Web_Server']);
            expect(node.resources.some((r) => r.kind === 'FirewallRule')).to.equal(false);
            expect(file(result, 'OS01/RUNBOOK.md')).to.contain('leaves its path and bindings to the installer from then on');
        });

        it('should keep a created website with a virtual directory under DSC: one http binding (host header = host name)', () => {
            const node = nodeOf(
                build(os((s) => (s.server.website = { name: 'OfficeStatus', create: true, physicalPath: 'C:\\inetpub\\OfficeStatus', hostName: 'status.contoso.local', port: 8080, virtualDirectory: 'OfficeStatus' }))),
                'OS01',
            );
            const site = node.resources.find((r) => r.kind === 'WebSite');
            expect(site).to.deep.include({ name: 'OfficeStatus', physicalPath: 'C:\\inetpub\\OfficeStatus', state: 'Started', bindings: [{ protocol: 'http', port: 8080, hostName: 'status.contoso.local' }] });
            expect(site?.dependsOn).to.deep.equal(['Folder_C_inetpub_OfficeStatus', 'WindowsFeature_Web_Server']);
        });

        it('should keep every account out of the configuration: no credential parameter, no certificate needed', () => {
            const result = build(BASE);
            expect(result.diagnostics).to.deep.equal([]);
            for (const node of result.ir?.nodes ?? []) {
                expect(node.credentials, node.name).to.deep.equal([]);
            }
            expect(file(result, 'OS01/OS01.ps1')).to.not.include('PSCredential');
        });

        it('should still check the references: an undeclared one is XPR3004 at its pointer, the declared one unused', () => {
            const result = run(os((s) => (s.server.serviceAccount['account'] = { credential: 'Missing' })));
            expect(result.diagnostics.map((d) => `${d.code} ${d.pointer}`)).to.deep.equal([
                'XPR3006 /credentials/Svc',
                'XPR3004 /officeStatus/server/serviceAccount/account/credential',
            ]);
        });

        it('should write the wizard values from the manifest into the runbook, in the guide\'s order', () => {
            const runbook = file(build(BASE), 'OS01/RUNBOOK.md');
            const pages = ['**License agreement** (§4.2.1)', '**Installation path**', '**SQL Server Express**', '**Selecting a Website** (§4.2.2): select `Default Web Site`; install into a new virtual directory `OfficeStatus`', '**Establishing a Windows Account** (§4.2.3): create a new account `CONTOSO\\svc-os` (domain account)', '**Installing the Database** (§4.2.4): keep the preset `(local)\\OfficeStatus`', '**Creating an OfficeStatus Admin Account** (§4.2.5): user name `osadmin`, first name `Office`, last name `Administrator`', '**SMTP server**', '**Review Installation Options** (§4.2.6)'];
            let last = -1;
            for (const page of pages) {
                const at = runbook.indexOf(page);
                expect(at, page).to.be.greaterThan(last);
                last = at;
            }
            expect(runbook).to.include('install the bundled SQL Server Express 2005 SP4 named instance');
            expect(runbook).to.not.include('Give the installer sysadmin access');
            const ids = [...runbook.matchAll(/_Step `([a-z0-9-]+)`/g)].map((m) => m[1]);
            expect(ids).to.deep.equal(['officestatus-prerequisites', 'officestatus-server-install', 'officestatus-server-verify', 'officestatus-upgrades']);
        });

        it('should address SQL Server and Active Directory work to their administrators (SQL login, existing account)', () => {
            const result = build(
                os((s, site) => {
                    s.server.database = { server: 'SQL01', instanceName: 'OS', engine: { version: '2008', edition: 'Standard' }, setupAuthentication: 'sql', setupLogin: { credential: 'Sa' } };
                    s.server.serviceAccount['create'] = false;
                    (site['credentials'] as Json)['Sa'] = { description: 'SQL sa', userName: 'sa' };
                }),
            );
            const runbook = file(result, 'OS01/RUNBOOK.md');
            expect(runbook).to.include('The installer logs in with the SQL Server login `sa` (credential `Sa`): it must be a member of the `sysadmin` server role, and the instance must use mixed mode authentication');
            expect(runbook).to.include('`sqlcmd -S SQL01\\OS -U sa -Q "SELECT IS_SRVROLEMEMBER(\'sysadmin\')"`');
            expect(runbook).to.include('the domain account `CONTOSO\\svc-os` must exist before the installer runs');
            expect(runbook).to.include('select the existing account `CONTOSO\\svc-os`');
            expect(runbook).to.include('type `SQL01\\OS`; authentication SQL Server, login `sa`');
            const ids = [...runbook.matchAll(/_Step `([a-z0-9-]+)`/g)].map((m) => m[1]);
            expect(ids).to.deep.equal(['officestatus-prerequisites', 'officestatus-database-access', 'officestatus-service-account', 'officestatus-server-install', 'officestatus-server-verify', 'officestatus-upgrades']);
            expect(nodeOf(result, 'OS01').credentials).to.deep.equal([]);
        });

        it('should note that .NET 3.5 needs media or Windows Update on Windows Server 2012 and later', () => {
            const runbook = file(run(os((_s, site) => (((site['nodes'] as Json[])[0]!)['os'] = 'WindowsServer2019')), true), 'OS01/RUNBOOK.md');
            expect(runbook).to.include('On WindowsServer2019, `NET-Framework-Core` is installed from Windows Update or from the installation media');
        });
    });

    describe('Group Policy and client machines', () => {
        it('should give a Group Policy group runbook steps on the distribution node, with a transform for APPDIR', () => {
            const result = build(
                os((s) =>
                    s.clientGroups.push({
                        name: 'branches',
                        package: 'msiX86',
                        version: '2.0.0.0',
                        installFolder: 'D:\\Apps\\OfficeStatus',
                        operatingSystems: ['Windows7', 'Windows10'],
                        targets: { gpo: { name: 'OfficeStatus `Client`', linkedTo: 'OU=Branches,DC=contoso,DC=local' } },
                        dotNetPreinstalled: true,
                    }),
                ),
            );
            const runbook = file(result, 'FS01/RUNBOOK.md');
            expect(runbook).to.include('### 2.2 Assign the OfficeStatus client to group branches by Group Policy');
            expect(runbook).to.include('Create the Group Policy object `` OfficeStatus `Client` `` and link it to `OU=Branches,DC=contoso,DC=local`');
            expect(runbook).to.include('add the package by its network path `\\\\FS01\\OfficeStatus$\\OfficeStatusClient_x86.msi`');
            expect(runbook).to.include('create a transform (.mst) that sets `APPDIR=D:\\Apps\\OfficeStatus`');
            // The Group Policy group adds no node and no resource.
            expect(result.ir?.nodes.map((n) => n.name)).to.deep.equal(['OS01', 'FS01', 'WS01', 'WS02']);
            expect(nodeOf(result, 'WS02').resources).to.deep.equal([]);
        });

        it('should copy a package with a source into the share and list it in the media step', () => {
            const result = build(os((s) => ((s.clientPackages['msiX64'] as Json)['source'] = '\\\\NAS\\media\\client64.msi')));
            const copy = nodeOf(result, 'FS01').resources.find((r) => r.kind === 'File' && r.path.endsWith('.msi'));
            expect(copy).to.include({ path: 'D:\\Software\\OfficeStatus\\OfficeStatusClient_x64.msi', sourcePath: '\\\\NAS\\media\\client64.msi' });
            expect(file(result, 'FS01/RUNBOOK.md')).to.include('this configuration copies it from `\\\\NAS\\media\\client64.msi`, so put it there');
        });

        it('should add the telephony step for a group that uses it', () => {
            const result = build(
                os((s) => {
                    s.server['version'] = '3.0.0.0';
                    s.clientGroups[0]!['version'] = '3.0.0.0';
                    s.clientGroups[0]!['telephony'] = true;
                }),
            );
            const runbook = file(result, 'WS01/RUNBOOK.md');
            expect(runbook).to.include('### 2.2 OfficeStatus telephony integration');
            expect(runbook).to.include('TAPI 1.3 to 2.3');
        });

        it('should let one node be server, share and client at once', () => {
            const result = build(
                os((s) => {
                    s.distribution['node'] = 'OS01';
                    s.clientGroups[0]!['targets'] = { nodes: ['OS01'] };
                }),
            );
            const node = nodeOf(result, 'OS01');
            expect(node.roles).to.deep.equal(['officestatus-client', 'officestatus-distribution', 'officestatus-server']);
            expect(node.resources.filter((r) => r.kind === 'Script').map((r) => r.id)).to.deep.equal(['OfficeStatus_Client', 'OfficeStatus_ClientDotNet']);
        });

        it('should quote a website name with a quote character and still parse', async () => {
            const result = build(os((s) => (s.server.website = { name: "O'Brien's site", create: true, physicalPath: 'C:\\inetpub\\os', hostName: 'status.contoso.local', virtualDirectory: 'OfficeStatus' })));
            const script = file(result, 'OS01/OS01.ps1');
            expect(script).to.include("Name         = 'O''Brien''s site'");
            const parsed = await parsePowerShell(script);
            expect(parsed.errors).to.deep.equal([]);
            parsed.dispose();
        });

        it('should quote a root-placement website name in the create-once script and still parse', async () => {
            const result = build(os((s) => (s.server.website = { name: "O'Brien's site", create: true, physicalPath: "C:\\inetpub\\o's", hostName: 'status.contoso.local', placement: 'root' })));
            const script = file(result, 'OS01/OS01.ps1');
            expect(script).to.include("$null = New-Website -Name 'O''Brien''s site' -PhysicalPath 'C:\\inetpub\\o''s' -Port 80");
            const parsed = await parsePowerShell(script);
            expect(parsed.errors).to.deep.equal([]);
            parsed.dispose();
        });
    });
});
