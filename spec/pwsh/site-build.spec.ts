/**
 * The site build.ps1 end to end on a fake Windows build host: for every
 * multi-node example, fresh xprc output is written to a temporary folder and
 * spec/pwsh/site-build.Tests.ps1 runs it under Pester 5.7.1 with the DSC and
 * packaging cmdlets mocked (see that file). What the Pester side expects
 * (configurations, credentials, module pins, delivery) comes from the IR.
 */

import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compile } from '../../compiler/compile.js';
import { dscBlocks } from '../../compiler/dsc/resources/index.js';
import { modulesOf } from '../../compiler/emit/ps/configuration.js';
import { metaConfigurationName } from '../../compiler/emit/ps/pull-meta-configuration.js';
import { compiledNodes, PULL_META_SCRIPT, siteConfigurations, siteModules } from '../../compiler/emit/ps/site-build.js';
import type { SiteIR } from '../../compiler/ir/types.js';
import { requirePwsh } from '../helpers/pwsh.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const TESTS = new URL('./site-build.Tests.ps1', import.meta.url).pathname;

function expectations(site: SiteIR, folder: string): object {
    const nodes = compiledNodes(site);
    const credentials = nodes.flatMap((n) => n.credentials).filter((c, i, all) => all.findIndex((o) => o.name === c.name) === i);
    const pull = site.delivery.mode === 'pull';
    return {
        name: site.name,
        folder,
        // The behaviours beyond the package run on one pull and one push site (site-build.Tests.ps1).
        detailed: site.name === 'fabrikam-xpr' || site.name === 'contoso-lab',
        repository: site.delivery.moduleRepository,
        pull,
        registrationKey: site.delivery.pullServer?.registrationKeyReference ?? '',
        modules: siteModules(nodes.map((n) => modulesOf(dscBlocks(n)))),
        credentials: credentials.map((c) => ({ name: c.name, parameter: c.parameter })),
        configurations: siteConfigurations(site).map((c) => ({
            ...c,
            parameters: c.credentials.map((name) => credentials.find((o) => o.name === name)?.parameter),
        })),
        metaConfigurations: pull ? nodes.map((n) => ({ node: n.name, name: metaConfigurationName(n), folder: n.fileStem, script: PULL_META_SCRIPT })) : [],
    };
}

describe('site build.ps1 on a fake Windows build host (pwsh + Pester 5.7.1)', function () {
    this.timeout(240_000);
    let pwsh = '';
    let root = '';
    const sites: object[] = [];

    before(function () {
        pwsh = requirePwsh(this, { pester: true });
        root = mkdtempSync(join(tmpdir(), 'xprc-site-build-'));
        for (const example of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort()) {
            const result = compile({ fileName: example, bytes: readFileSync(join(EXAMPLES, example)) });
            const ir = result.ir;
            if (!ir || !result.files || compiledNodes(ir).length < 2) {
                continue;
            }
            const folder = join(root, ir.name);
            for (const file of result.files) {
                mkdirSync(dirname(join(folder, file.path)), { recursive: true });
                writeFileSync(join(folder, file.path), file.bytes);
            }
            sites.push(expectations(ir, folder));
        }
    });

    after(() => {
        if (root) {
            rmSync(root, { recursive: true, force: true });
        }
    });

    it('should cover every multi-node example, pull and push', () => {
        const all = sites as { name: string; pull: boolean }[];
        expect(all.map((s) => s.name)).to.include.members(['contoso-lab', 'fabrikam-xpr', 'onex-large', 'contoso-officestatus', 'contoso-ox']);
        expect(all.some((s) => s.pull) && all.some((s) => !s.pull)).to.equal(true);
    });

    it('should pass every Pester case: modules from the pins, every configuration with its credentials, the package layout, no prompt', () => {
        const sitesJson = join(root, 'sites.json');
        writeFileSync(sitesJson, JSON.stringify(sites, null, 2));
        const command = [
            "$ErrorActionPreference = 'Stop'",
            'Import-Module Pester -RequiredVersion 5.7.1',
            `$container = New-PesterContainer -Path '${TESTS}' -Data @{ SitesJson = '${sitesJson}' }`,
            '$configuration = New-PesterConfiguration',
            '$configuration.Run.Container = $container',
            '$configuration.Run.PassThru = $true',
            "$configuration.Output.Verbosity = 'Detailed'",
            '$result = Invoke-Pester -Configuration $configuration',
            "Write-Output ('PESTER passed={0} failed={1} skipped={2}' -f $result.PassedCount, $result.FailedCount, $result.SkippedCount)",
        ].join('; ');
        const run = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', command], { encoding: 'utf8', timeout: 230_000 });
        const output = `${run.stdout}\n${run.stderr}`;
        const summary = /PESTER passed=(\d+) failed=(\d+) skipped=(\d+)/.exec(run.stdout);
        expect(summary, output).to.not.equal(null);
        const [passed, failed] = [Number(summary?.[1]), Number(summary?.[2])];
        expect(failed, output).to.equal(0);
        // One package case per site, and five behaviour cases on each of the two detailed sites.
        expect(passed, output).to.equal(sites.length + 10);
    });
});
