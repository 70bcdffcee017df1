/**
 * A node's pull-mode meta-configuration (<NODE>/PullMetaConfiguration.ps1):
 * the Local Configuration Manager settings that make the node fetch its
 * configuration and modules from the site's pull server, and report to it.
 * The registration key is a parameter, filled in by the site build.ps1 from
 * a vault or its -RegistrationKey parameter: it never reaches a generated file.
 *
 * Its Settings are the push meta-configuration's (<NODE>.meta.ps1) with the
 * pull server's refresh settings; the repository blocks come on top. A
 * separate file because the registration key is a parameter only pull has,
 * and a pulling node is set up once from the site build's package.
 */

import { ps, type DscProperty } from '../../dsc/block.js';
import { InternalError } from '../../diagnostics/internal-error.js';
import { assertSettings } from '../../dsc/lcm-settings.js';
import type { NodeIR, PullServerIR, SiteIR } from '../../ir/types.js';
import { VERSION } from '../../version.js';
import { render, toCrlf } from '../templates.js';
import { configurationName } from './configuration.js';
import { configurationViews } from './configurations.js';
import { settingsBlock } from './meta-configuration.js';
import { psIdentifier } from './quote.js';

export interface PullMetaBlock {
    /** `Settings`, `ConfigurationRepositoryWeb`, `ResourceRepositoryWeb` or `ReportServerWeb`. */
    readonly keyword: string;
    /** Instance name of a named block; Settings has none. */
    readonly name?: string;
    readonly properties: readonly DscProperty[];
}

/** The meta-configuration's parameter that carries the registration key. */
const REGISTRATION_KEY = 'RegistrationKey';

export function metaConfigurationName(node: NodeIR): string {
    return psIdentifier(`${node.name}_PullMeta`);
}

/**
 * The name the node asks the pull server for. A web pull server serves
 * `<ConfigurationName>.mof` as published by the package; Azure Automation names an
 * imported compiled MOF `<ConfigurationName>.<MOF base name>`, i.e. `<Name>.<NODE>`.
 */
export function pullConfigurationName(site: SiteIR, node: NodeIR): string {
    // A node with an interactive installer pulls its steady state (Operate, the last view); its
    // Prepare configuration is pushed before the installer runs (PLAN.md), since a pull server
    // serves one configuration per name and Prepare is applied only once.
    const views = configurationViews(node);
    const name = views[views.length - 1]?.name ?? configurationName(node);
    return site.delivery.pullServer?.kind === 'azureAutomation' ? `${name}.${node.name}` : name;
}

function pullServerOf(site: SiteIR): PullServerIR {
    const server = site.delivery.pullServer;
    if (site.delivery.mode !== 'pull' || !server) {
        throw new InternalError(`Pull meta-configuration requested for site ${site.name}, which is not delivered by pull`);
    }
    return server;
}

/**
 * The Settings of a pulling node: the node's own push Settings
 * (meta-configuration.ts `settingsBlock`, from NodeIR.lcm: restarts, what to
 * do after one, CertificateID) with the pull server's refresh mode,
 * configuration mode and refresh interval, so that pull and push can never
 * disagree on anything but how the configuration arrives. Checked against
 * the LCM's schema facts like the push Settings.
 */
export function pullSettings(site: SiteIR, node: NodeIR): DscProperty[] {
    const server = pullServerOf(site);
    const pull = new Map<string, DscProperty['value']>([
        ['RefreshMode', ps.str('Pull')],
        ['ConfigurationMode', ps.str(server.configurationMode)],
    ]);
    const properties = settingsBlock(node).properties.flatMap((p): DscProperty[] => {
        const value = pull.get(p.name) ?? p.value;
        // How often to ask the pull server sits next to the mode it refreshes.
        return p.name === 'RefreshMode'
            ? [{ name: p.name, value }, { name: 'RefreshFrequencyMins', value: ps.int(server.refreshFrequencyMins) }]
            : [{ name: p.name, value }];
    });
    assertSettings(node.name, properties);
    return properties;
}

/** Where the node pulls its configuration and modules from, and reports to: the same server. */
export function pullRepositoryBlocks(site: SiteIR, node: NodeIR): PullMetaBlock[] {
    const server = pullServerOf(site);
    const common = (extra: readonly DscProperty[]): DscProperty[] => [
        { name: 'ServerURL', value: ps.str(server.url) },
        { name: 'RegistrationKey', value: ps.cred(REGISTRATION_KEY) },
        ...extra,
        // The LCM refuses an http ServerURL without it (XPR3431 warns about such a server).
        ...(server.allowUnsecureConnection ? [{ name: 'AllowUnsecureConnection', value: ps.bool(true) }] : []),
    ];
    return [
        { keyword: 'ConfigurationRepositoryWeb', name: 'PullServer', properties: common([{ name: 'ConfigurationNames', value: ps.strs([pullConfigurationName(site, node)]) }]) },
        { keyword: 'ResourceRepositoryWeb', name: 'PullServer', properties: common([]) },
        // Status reports go to the same server, so its reporting shows each node's compliance.
        { keyword: 'ReportServerWeb', name: 'PullServer', properties: common([]) },
    ];
}

export function emitPullMetaConfiguration(site: SiteIR, node: NodeIR): string {
    const server = pullServerOf(site);
    const blocks: PullMetaBlock[] = [{ keyword: 'Settings', properties: pullSettings(site, node) }, ...pullRepositoryBlocks(site, node)];
    return toCrlf(
        render('pull-meta-configuration.ps1.hbs', {
            nodeName: node.name,
            version: VERSION,
            manifest: site.manifestName,
            name: metaConfigurationName(node),
            parameter: REGISTRATION_KEY,
            configurationName: pullConfigurationName(site, node),
            azureAutomation: server.kind === 'azureAutomation',
            blocks: blocks.map((block) => ({ ...block, name: block.name ?? '', width: Math.max(...block.properties.map((p) => p.name.length)) })),
        }),
    );
}
