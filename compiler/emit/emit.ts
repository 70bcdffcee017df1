/**
 * Phase 6, emit: the IR → the output files, in memory. Nothing here touches
 * the file system; write/ does that, all or nothing.
 *
 * Per node, in `<NODE>/`: the configuration (<NODE>.ps1), its LCM meta-configuration
 * (<NODE>.meta.ps1), ConfigurationData.psd1,
 * RequiredModules.psd1, build.ps1, the registry values as <NODE>.reg,
 * RUNBOOK.md, <NODE>.Tests.ps1 (Pester checks of the deployed state) and
 * RSOP.md (which layer and file:line every baseline value comes from). All
 * from the one IR, so the .reg file, the xRegistry blocks and the checks
 * cannot disagree. Pull delivery adds the node's PullMetaConfiguration.ps1.
 *
 * Per site, at its root: PLAN.md (the roll-out across nodes), build.ps1
 * (compiles every node, resolves the modules, lays out the pull-server
 * package), RequiredModules.psd1 (PSDepend format) and PACKAGE.md (how to
 * publish the package).
 */

import type { NodeIR, RegistryValue, SiteIR } from '../ir/types.js';
import { VERSION } from '../version.js';
import { emitBuildScript, emitRequiredModules } from './ps/build-script.js';
import { emitConfigurationData } from './ps/configuration-data.js';
import { emitPackageReadme } from './package-readme.js';
import { emitPullMetaConfiguration, pullConfigurationName } from './ps/pull-meta-configuration.js';
import { compiledNodes, emitSiteBuildScript, emitSiteRequiredModules, PULL_META_SCRIPT, siteConfigurations, siteModules, type SiteConfiguration } from './ps/site-build.js';
import { emitConfigurations, modulesOf } from './ps/configuration.js';
import { configurationViews } from './ps/configurations.js';
import { emitPlan, hasPlan } from './plan/plan-md.js';
import { emitMetaConfiguration, metaConfigurationFile } from './ps/meta-configuration.js';
import { emitTestsFile, testsFileName } from './pester/tests-file.js';
import { dscBlocks } from '../dsc/resources/index.js';
import { regComment, writeRegFile } from './reg/write-reg.js';
import { emitRunbook } from './runbook.js';
import { emitRsop, hasPolicy, RSOP_FILE, type Layering } from './rsop.js';

export interface OutputFile {
    /** Relative to the site's output folder, `/`-separated. */
    readonly path: string;
    readonly bytes: Buffer;
}

/** With `layering` (compile.ts passes the resolved site and its files), each node also gets RSOP.md. */
export function emit(site: SiteIR, layering?: Layering): OutputFile[] {
    const plan = site.plan && hasPlan(site) ? [{ path: 'PLAN.md', bytes: Buffer.from(emitPlan(site, site.plan), 'utf8') }] : [];
    // A node with nothing to configure (its runbook says so) has no policy to show.
    const rsop = (node: NodeIR): OutputFile[] =>
        layering && hasPolicy(node, layering) ? [{ path: `${node.fileStem}/${RSOP_FILE}`, bytes: Buffer.from(emitRsop(site, node, layering), 'utf8') }] : [];
    return [...plan, ...site.nodes.flatMap((node) => [...emitNode(site, node, plan.length > 0), ...rsop(node)]), ...emitSite(site)].sort((a, b) =>
        a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
    );
}

/** The site-level files; none when no node has a configuration to compile. */
function emitSite(site: SiteIR): OutputFile[] {
    const configurations = siteConfigurations(site);
    if (configurations.length === 0) {
        return [];
    }
    const modules = siteModules(compiledNodes(site).map((node) => modulesOf(configurationViews(node).flatMap((view) => view.blocks))));
    const byName = new Map(compiledNodes(site).map((node) => [node.name, node]));
    const pullNameOf = (c: SiteConfiguration) => {
        const node = byName.get(c.node);
        return node ? pullConfigurationName(site, node) : c.name;
    };
    return [
        { path: 'build.ps1', bytes: powerShellFile(emitSiteBuildScript(site, configurations)) },
        { path: 'RequiredModules.psd1', bytes: powerShellFile(emitSiteRequiredModules(site, modules)) },
        { path: 'PACKAGE.md', bytes: Buffer.from(emitPackageReadme(site, configurations, modules, pullNameOf), 'utf8') },
    ];
}

function emitNode(site: SiteIR, node: NodeIR, withPlan: boolean): OutputFile[] {
    const runbookPath = `${node.fileStem}/RUNBOOK.md`;
    if (node.resources.length === 0) {
        // Nothing to automate: a configuration without resources compiles to
        // no MOF at all, so the node gets its runbook only.
        return [{ path: runbookPath, bytes: Buffer.from(emitRunbook(site, node, [], node.description ?? '', [], withPlan), 'utf8') }];
    }
    const views = configurationViews(node);
    const modules = modulesOf(views.flatMap((view) => view.blocks));
    const dir = node.fileStem;
    const registryResources = node.resources.flatMap((r) => (r.kind === 'Registry' ? [r] : []));
    return [
        { path: `${dir}/${node.fileStem}.ps1`, bytes: powerShellFile(emitConfigurations(site, node.name, views)) },
        // The LCM settings the configuration relies on (certificate, restarts): applied first.
        { path: `${dir}/${metaConfigurationFile(node)}`, bytes: powerShellFile(emitMetaConfiguration(site, node)) },
        { path: `${dir}/ConfigurationData.psd1`, bytes: powerShellFile(emitConfigurationData(site, node, site.allowPlainTextCredentials)) },
        { path: `${dir}/RequiredModules.psd1`, bytes: powerShellFile(emitRequiredModules(node, modules)) },
        { path: `${dir}/build.ps1`, bytes: powerShellFile(emitBuildScript(site, node, views)) },
        {
            path: `${dir}/${node.fileStem}.reg`,
            bytes: writeRegFile(
                registryResources.map((r) => r.value),
                {
                    headerComments: [
                        `Registry values of node ${node.name}, generated by xprc ${VERSION} from ${site.manifestName}. Do not edit.`,
                        `The DSC configuration ${node.fileStem}.ps1 sets the same values.`,
                    ],
                    // Provenance, like the `# <manifest>#<pointer>` line above each DSC block;
                    // a block holds several values, so each line also names its value.
                    // A product may add notes of its own (e.g. a value it keeps out of the file on purpose).
                    valueComments: (value, i) => [
                        regComment(`${site.manifestName}#${registryResources[i]?.source.pointer ?? ''} ${regValueLabel(value)}`),
                        ...(registryResources[i]?.regComments ?? []).map(regComment),
                    ],
                },
            ),
        },
        { path: runbookPath, bytes: Buffer.from(emitRunbook(site, node, modules, node.description ?? '', views, withPlan), 'utf8') },
        ...(site.delivery.mode === 'pull' ? [{ path: `${dir}/${PULL_META_SCRIPT}`, bytes: powerShellFile(emitPullMetaConfiguration(site, node)) }] : []),
        // The checks cover the node's whole promised state: every resource of every configuration.
        { path: `${dir}/${testsFileName(node)}`, bytes: powerShellFile(emitTestsFile(site, node, dscBlocks(node))) },
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** How the .reg file names a value: `@` for the default value, otherwise `"name"` with `\\` and `"` escaped (§4.1). */
function regValueLabel(value: RegistryValue): string {
    if (value.name === '') {
        return value.ensure === 'Present' && value.data === undefined ? '(key)' : '@';
    }
    return `"${value.name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page, which
 * would turn non-ASCII text into other characters (some of which are quote
 * characters to PowerShell). ASCII files are written without a BOM, as the
 * DSC community style asks; anything else as UTF-8 with a BOM.
 */
export function powerShellFile(text: string): Buffer {
    // eslint-disable-next-line no-control-regex
    return /^[\x00-\x7f]*$/.test(text) ? Buffer.from(text, 'ascii') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
