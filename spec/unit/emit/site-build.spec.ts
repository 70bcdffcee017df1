/**
 * The site-level files and the pull-mode meta-configuration, from small
 * manifests: what the delivery settings change in the output, and what they
 * must never put there (a registration key value).
 */

import { expect } from 'chai';
import { compile } from '../../../compiler/compile.js';
import { diffSites } from '../../../compiler/diff/diff.js';
import { siteModules } from '../../../compiler/emit/ps/site-build.js';
import type { SiteIR } from '../../../compiler/ir/types.js';

type Json = Record<string, unknown>;

const CERT = { file: 'C:\\DscPublicKeys\\SRV01.cer', thumbprint: '3C2A6F7B1E0D4C5B8A9F00112233445566778899' };

function manifest(delivery?: Json, extra: Json = {}): Json {
    return {
        name: 'lab',
        credentials: { AppService: { description: 'App service', userName: 'LAB\\svc-app' } },
        ...(delivery ? { delivery } : {}),
        nodes: [
            { name: 'SRV02', baseline: { registry: [{ key: 'HKLM\\SOFTWARE\\Vendor', name: 'Port', type: 'REG_DWORD', value: 1 }] } },
            { name: 'SRV01', certificate: CERT, baseline: { services: [{ name: 'AppSvc', account: { credential: 'AppService' } }] } },
            { name: 'DOC01', description: 'runbook only' },
        ],
        ...extra,
    };
}

function build(m: Json) {
    const result = compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(m, null, 2)) });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).to.deep.equal([]);
    const files = new Map((result.files ?? []).map((f) => [f.path, f.bytes.toString('utf8')]));
    return { ir: result.ir as SiteIR, files, diagnostics: result.diagnostics };
}

const PULL = { mode: 'pull', pullServer: { url: 'https://pull.lab.local:8080/PSDSCPullServer.svc', registrationKey: 'LabKey' } };

describe('site build.ps1, RequiredModules.psd1, PACKAGE.md and pull meta-configurations', () => {
    it('should list every node with a configuration, by name, with its credentials; a runbook-only node is left out', () => {
        const { files } = build(manifest());
        const script = files.get('build.ps1') ?? '';
        const nodes = [...script.matchAll(/^ {8}Node {14}= '([^']+)'/gm)].map((m) => m[1]);
        expect(nodes).to.deep.equal(['SRV01', 'SRV02']);
        expect(script).to.contain("Credentials       = @('AppService')");
        expect(script).to.contain("Parameter = 'AppServiceCredential'");
        expect(script).to.contain('$siteMetaConfigurations = @()');
        expect([...files.keys()].filter((p) => p.endsWith('PullMetaConfiguration.ps1'))).to.deep.equal([]);
    });

    it('should write no site files when no node has a configuration', () => {
        const { files } = build({ name: 'lab', nodes: [{ name: 'DOC01' }] });
        expect([...files.keys()]).to.deep.equal(['DOC01/RUNBOOK.md']);
    });

    const table: [string, Json, (text: string) => void][] = [
        [
            'a web pull server over https: ConfigurationNames <NODE>_Config, CertificateID, no AllowUnsecureConnection',
            PULL,
            (text) => {
                expect(text).to.contain("ConfigurationNames = @('SRV01_Config')");
                expect(text).to.contain("CertificateID                  = '3C2A6F7B1E0D4C5B8A9F00112233445566778899'");
                expect(text).to.contain("ConfigurationMode              = 'ApplyAndMonitor'");
                // The node's own LCM settings (issue 11), as in its push meta-configuration: it restarts for its resources.
                expect(text).to.contain('RebootNodeIfNeeded             = $true');
                expect(text).to.contain("ActionAfterReboot              = 'ContinueConfiguration'");
                expect(text).to.not.contain('AllowUnsecureConnection');
            },
        ],
        [
            'an http pull server: every repository allows the unsecure connection',
            { ...PULL, pullServer: { ...PULL.pullServer, url: 'http://pull.lab.local:8080/PSDSCPullServer.svc' } },
            (text) => expect(text.match(/AllowUnsecureConnection = \$true/g)).to.have.length(3),
        ],
        [
            'Azure Automation: the node pulls <NODE>_Config.<NODE>, with the configured mode and frequency',
            { mode: 'pull', pullServer: { ...PULL.pullServer, kind: 'azureAutomation', configurationMode: 'ApplyAndAutoCorrect', refreshFrequencyMins: 60 } },
            (text) => {
                expect(text).to.contain("ConfigurationNames = @('SRV01_Config.SRV01')");
                expect(text).to.contain("ConfigurationMode              = 'ApplyAndAutoCorrect'");
                expect(text).to.contain('RefreshFrequencyMins           = 60');
            },
        ],
    ];
    for (const [title, delivery, check] of table) {
        it(`should write the pull meta-configuration for ${title}`, () => {
            const { files } = build(manifest(delivery));
            const text = files.get('SRV01/PullMetaConfiguration.ps1') ?? '';
            expect(text).to.match(/^\[DscLocalConfigurationManager\(\)\]\r\nConfiguration SRV01_PullMeta\r\n/m);
            // The key is the parameter in all three repositories, never a value.
            expect(text.match(/^ {12}RegistrationKey +=  ?\$RegistrationKey\r$/gm)).to.have.length(3);
            check(text);
            expect(files.get('build.ps1')).to.contain("RegistrationKeyName = 'LabKey'");
            expect(files.has('SRV02/PullMetaConfiguration.ps1')).to.equal(true);
            expect(files.has('DOC01/PullMetaConfiguration.ps1')).to.equal(false);
        });
    }

    it('should pin the repository of moduleRepository in the site RequiredModules.psd1', () => {
        const { files } = build(manifest({ mode: 'push', moduleRepository: 'LabFeed' }));
        expect(files.get('RequiredModules.psd1')).to.contain("Repository = 'LabFeed'");
        expect(files.get('RequiredModules.psd1')).to.match(/'xPSDesiredStateConfiguration' = '\d+\.\d+\.\d+'/);
    });

    it('should keep manifest strings inside their quotes in every site file', () => {
        const hostile = "https://pull.lab.local/x'; Remove-Item C:\\ -Recurse; '";
        const result = compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest({ mode: 'pull', pullServer: { url: hostile, registrationKey: 'LabKey' } }))) });
        // The URL pattern rejects quotes and spaces before anything is emitted.
        expect(result.files).to.equal(undefined);
        expect(result.diagnostics.map((d) => d.pointer)).to.include('/delivery/pullServer/url');
    });

    it('should report a delivery change in xprc diff', () => {
        const diff = diffSites(build(manifest()).ir, build(manifest(PULL)).ir);
        expect(diff.settings.map((s) => [s.name, s.old, s.new])).to.deep.equal([
            ['delivery', "'push'", "'pull'"],
            ['pullServer', null, "'https://pull.lab.local:8080/PSDSCPullServer.svc'"],
            ['registrationKey', null, "'LabKey'"],
            ['pullServerKind', null, "'webPullServer'"],
            ['configurationMode', null, "'ApplyAndMonitor'"],
            ['refreshFrequencyMins', null, '30'],
        ]);
    });

    it('should refuse two pins of one module in a site (an internal error: the catalog pins one version)', () => {
        expect(() => siteModules([[{ name: 'NetworkingDsc', version: '9.1.0' }], [{ name: 'NetworkingDsc', version: '9.0.0' }]])).to.throw(/pinned to 9\.1\.0 and 9\.0\.0/);
        expect(siteModules([[{ name: 'b', version: '1' }, { name: 'PSDesiredStateConfiguration', version: '1.1' }], [{ name: 'A', version: '2' }]])).to.deep.equal([
            { name: 'A', version: '2' },
            { name: 'b', version: '1' },
        ]);
    });
});
