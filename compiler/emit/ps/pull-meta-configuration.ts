/**
 * A node's pull-mode meta-configuration (<NODE>/PullMetaConfiguration.ps1):
 * the Local Configuration Manager settings that make the node fetch its
 * configuration and modules from the site's pull server, and report to it.
 * The registration key is a parameter, filled in by the site build.ps1 from
 * a vault or its -RegistrationKey parameter: it never reaches a generated file.
 */

import { InternalError } from '../../diagnostics/internal-error.js';
import type { NodeIR, PullServerIR, SiteIR } from '../../ir/types.js';
import { VERSION } from '../../version.js';
import { render, toCrlf } from '../templates.js';
import { configurationName } from './configuration.js';
import { psArray, psIdentifier, psString } from './quote.js';

export function metaConfigurationName(node: NodeIR): string {
    return psIdentifier(`${node.name}_PullMeta`);
}

/**
 * The name the node asks the pull server for. A web pull server serves
 * `<ConfigurationName>.mof` as published by the package; Azure Automation names an
 * imported compiled MOF `<ConfigurationName>.<MOF base name>`, i.e. `<Name>.<NODE>`.
 */
export function pullConfigurationName(site: SiteIR, node: NodeIR): string {
    const name = configurationName(node);
    return site.delivery.pullServer?.kind === 'azureAutomation' ? `${name}.${node.name}` : name;
}

interface Row {
    readonly name: string;
    readonly value: string;
}

function repositoryRows(server: PullServerIR, extra: readonly Row[]): Row[] {
    return [
        { name: 'ServerURL', value: psString(server.url) },
        { name: 'RegistrationKey', value: '$RegistrationKey' },
        ...extra,
        // The LCM refuses an http ServerURL without it (XPR3431 warns about such a server).
        ...(server.allowUnsecureConnection ? [{ name: 'AllowUnsecureConnection', value: '$true' }] : []),
    ];
}

export function emitPullMetaConfiguration(site: SiteIR, node: NodeIR): string {
    const server = site.delivery.pullServer;
    if (site.delivery.mode !== 'pull' || !server) {
        throw new InternalError(`Pull meta-configuration requested for site ${site.name}, which is not delivered by pull`);
    }
    const repository = (resource: string, extra: readonly Row[]) => {
        const properties = repositoryRows(server, extra);
        return { resource, properties, width: Math.max(...properties.map((p) => p.name.length)) };
    };
    const settings: Row[] = [
        { name: 'RefreshMode', value: psString('Pull') },
        { name: 'ConfigurationMode', value: psString(server.configurationMode) },
        { name: 'RefreshFrequencyMins', value: String(server.refreshFrequencyMins) },
        // The LCM's default, written out: a reboot stays a decision of the engineer (RUNBOOK.md).
        { name: 'RebootNodeIfNeeded', value: '$false' },
        // CertificateID lets the LCM decrypt the credentials the MOF holds, encrypted with the node's certificate.
        ...(node.certificate ? [{ name: 'CertificateID', value: psString(node.certificate.thumbprint) }] : []),
    ];
    return toCrlf(
        render('pull-meta-configuration.ps1.hbs', {
            nodeName: node.name,
            version: VERSION,
            manifest: site.manifestName,
            name: metaConfigurationName(node),
            settings,
            settingsWidth: Math.max(...settings.map((s) => s.name.length)),
            configurationName: pullConfigurationName(site, node),
            azureAutomation: server.kind === 'azureAutomation',
            repositories: [
                repository('ConfigurationRepositoryWeb', [
                    { name: 'ConfigurationNames', value: psArray([pullConfigurationName(site, node)]) },
                ]),
                repository('ResourceRepositoryWeb', []),
                // Status reports go to the same server, so its reporting shows each node's compliance.
                repository('ReportServerWeb', []),
            ],
        }),
    );
}
