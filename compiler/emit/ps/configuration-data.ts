/** ConfigurationData.psd1: the node's entry in AllNodes plus site facts in NonNodeData. */

import { ps, type DscProperty } from '../../dsc/block.js';
import type { NodeIR, SiteIR } from '../../ir/types.js';
import { VERSION } from '../../version.js';
import { render, toCrlf } from '../templates.js';

export function emitConfigurationData(site: SiteIR, node: NodeIR, allowPlainText: boolean): string {
    const usesCredentials = node.credentials.length > 0;
    const nodeEntries: DscProperty[] = [
        { name: 'NodeName', value: ps.str(node.name) },
        { name: 'Role', value: ps.strs(node.roles) },
        { name: 'OperatingSystem', value: ps.str(node.os) },
        ...(node.certificate
            ? [
                  { name: 'CertificateFile', value: ps.str(node.certificate.file) },
                  { name: 'Thumbprint', value: ps.str(node.certificate.thumbprint) },
              ]
            : []),
        // Service accounts are usually domain accounts; DSC warns about them unless told this is intended.
        ...(usesCredentials ? [{ name: 'PSDscAllowDomainUser', value: ps.bool(true) }] : []),
        ...(usesCredentials && !node.certificate && allowPlainText
            ? [{ name: 'PSDscAllowPlainTextPassword', value: ps.bool(true) }]
            : []),
    ];
    const siteEntries: DscProperty[] = [
        { name: 'Site', value: ps.str(site.name) },
        ...(site.domain ? [{ name: 'Domain', value: ps.str(site.domain) }] : []),
        { name: 'Manifest', value: ps.str(site.manifestName) },
        { name: 'Generator', value: ps.str(`xprc ${VERSION}`) },
    ];
    return toCrlf(
        render('configuration-data.psd1.hbs', {
            nodeName: node.name,
            version: VERSION,
            manifest: site.manifestName,
            nodeEntries,
            nodeWidth: Math.max(...nodeEntries.map((e) => e.name.length)),
            siteEntries,
            siteWidth: Math.max(...siteEntries.map((e) => e.name.length)),
        }),
    );
}
