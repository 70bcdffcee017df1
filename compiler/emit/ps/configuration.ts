/** The node's DSC configuration script (<NODE>.ps1). */

import type { DscBlock, DscModuleRef } from '../../dsc/block.js';
import type { NodeIR, SiteIR } from '../../ir/types.js';
import { VERSION } from '../../version.js';
import { render, toCrlf } from '../templates.js';
import { psIdentifier } from './quote.js';

export function configurationName(node: NodeIR): string {
    return psIdentifier(`${node.name}_Config`);
}

/** Every module the blocks use, once, sorted by name. */
export function modulesOf(blocks: readonly DscBlock[]): DscModuleRef[] {
    const byName = new Map<string, DscModuleRef>();
    for (const block of blocks) {
        byName.set(block.module.name, block.module);
    }
    return [...byName.values()].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}

export function emitConfiguration(site: SiteIR, node: NodeIR, blocks: readonly DscBlock[]): string {
    return toCrlf(
        render('configuration.ps1.hbs', {
            nodeName: node.name,
            siteName: site.name,
            version: VERSION,
            manifest: site.manifestName,
            configurationName: configurationName(node),
            credentials: node.credentials,
            modules: modulesOf(blocks),
            blocks: blocks.map((block) => ({
                ...block,
                provenance: `${site.manifestName}#${block.source}${block.guide ? ` (${block.guide})` : ''}`,
                width: Math.max(...block.properties.map((p) => p.name.length)),
            })),
        }),
    );
}
