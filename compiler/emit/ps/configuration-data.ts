/** ConfigurationData.psd1: the node's entry in AllNodes plus site facts in NonNodeData. */

import { ps, type DscProperty } from '../../dsc/block.js';
import type { NodeIR, SiteIR } from '../../ir/types.js';
import { VERSION } from '../../version.js';
import { render, toCrlf } from '../templates.js';
import { InternalError } from '../../diagnostics/internal-error.js';
import { needsExpandableForm } from './quote.js';

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
    // A .psd1 is read in restricted language mode, which refuses the
    // $([char]0xNN) form psString uses for control characters; the schema
    // keeps such characters out of every value that lands here.
    for (const entry of [...nodeEntries, ...siteEntries]) {
        const texts = entry.value.kind === 'string' ? [entry.value.value] : entry.value.kind === 'stringArray' ? entry.value.value : [];
        if (texts.some(needsExpandableForm)) {
            throw new InternalError(`ConfigurationData value ${entry.name} of node ${node.name} holds a control character`);
        }
    }
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
