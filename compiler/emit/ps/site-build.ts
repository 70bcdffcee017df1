/**
 * The site-level build (out/<site>/build.ps1) and its RequiredModules.psd1:
 * one command on a Windows build host compiles every node's configurations
 * (and, for pull delivery, their meta-configurations) and can lay out the
 * pull-server package. Per-node build.ps1 files stay as they are.
 */

import type { DscModuleRef } from '../../dsc/block.js';
import { InternalError } from '../../diagnostics/internal-error.js';
import type { NodeIR, SiteIR } from '../../ir/types.js';
import { VERSION } from '../../version.js';
import { render, toCrlf } from '../templates.js';
import { installableModules } from './build-script.js';
import { configurationViews } from './configurations.js';
import { metaConfigurationName } from './pull-meta-configuration.js';

/**
 * One configuration the site build compiles: which node, the configuration
 * function, and the files it comes from (relative to the node's folder).
 * A node with several configurations (phases) has one entry per phase, in
 * the order they are applied.
 */
export interface SiteConfiguration {
    readonly node: string;
    readonly name: string;
    readonly folder: string;
    readonly script: string;
    readonly configurationData: string;
    /** Credential reference names the configuration takes, sorted. */
    readonly credentials: readonly string[];
}

/** The site's configurations, from the IR. Nodes without resources compile to no MOF and are left out. */
export function siteConfigurations(site: SiteIR): SiteConfiguration[] {
    // One entry per configuration view (Prepare before Operate for a node with an interactive
    // installer), each with only the credentials that configuration takes.
    return compiledNodes(site).flatMap((node) =>
        configurationViews(node).map((view) => ({
            node: node.name,
            name: view.name,
            folder: node.fileStem,
            script: `${node.fileStem}.ps1`,
            configurationData: 'ConfigurationData.psd1',
            credentials: view.node.credentials.map((c) => c.name),
        })),
    );
}

/**
 * Nodes with a configuration, by name: the manifest's node order means nothing
 * (README, "What changes generated output"), so it must not reach the site files.
 * A site plan that orders nodes would supply its own order here.
 */
export function compiledNodes(site: SiteIR): NodeIR[] {
    return site.nodes.filter((node) => node.resources.length > 0).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The file name of a node's pull-mode meta-configuration, in its folder. */
export const PULL_META_SCRIPT = 'PullMetaConfiguration.ps1';

/** Every installable module any node imports, once; the catalog pins one version per module. */
export function siteModules(modulesByNode: readonly (readonly DscModuleRef[])[]): DscModuleRef[] {
    const byName = new Map<string, DscModuleRef>();
    for (const module of modulesByNode.flatMap((modules) => installableModules(modules))) {
        const seen = byName.get(module.name);
        if (seen && seen.version !== module.version) {
            throw new InternalError(`Module ${module.name} is pinned to ${seen.version} and ${module.version} in one site`);
        }
        byName.set(module.name, module);
    }
    return [...byName.values()].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}

/** Sampler's / PSDepend's RequiredModules.psd1: PSDependOptions, then `'Name' = 'Version'`. */
export function emitSiteRequiredModules(site: SiteIR, modules: readonly DscModuleRef[]): string {
    return toCrlf(
        render('site-required-modules.psd1.hbs', {
            siteName: site.name,
            version: VERSION,
            repository: site.delivery.moduleRepository,
            modules,
            width: Math.max('PSDependOptions'.length, ...modules.map((m) => m.name.length + 2)),
        }),
    );
}

export function emitSiteBuildScript(site: SiteIR, configurations: readonly SiteConfiguration[]): string {
    const used = new Set(configurations.flatMap((c) => c.credentials));
    const credentials = compiledNodes(site)
        .flatMap((node) => node.credentials)
        .filter((c, i, all) => used.has(c.name) && all.findIndex((o) => o.name === c.name) === i)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((c) => ({
            name: c.name,
            parameter: c.parameter,
            message: c.userName ? `${c.description} (${c.userName})` : c.description,
            ...(c.userName ? { userName: c.userName } : {}),
        }));
    const pull = site.delivery.mode === 'pull' ? site.delivery.pullServer : undefined;
    return toCrlf(
        render('site-build.ps1.hbs', {
            siteName: site.name,
            version: VERSION,
            manifest: site.manifestName,
            exampleCredential: credentials[0]?.name ?? 'ServiceAccount',
            configurations,
            credentials,
            credentialWidth: Math.max(0, ...credentials.map((c) => c.name.length + 2)),
            pull: pull ?? false,
            metaConfigurations: pull
                ? compiledNodes(site).map((node) => ({ node: node.name, name: metaConfigurationName(node), folder: node.fileStem, script: PULL_META_SCRIPT }))
                : [],
        }),
    );
}
