/** The node's DSC configuration script (<NODE>.ps1): one configuration, or Prepare and Operate (configurations.ts). */

import type { DscBlock, DscModuleRef } from '../../dsc/block.js';
import type { NodePhase } from '../../ir/plan.js';
import type { NodeIR, SiteIR } from '../../ir/types.js';
import { VERSION } from '../../version.js';
import { render, toCrlf } from '../templates.js';
import type { ConfigurationView } from './configurations.js';
import { psIdentifier } from './quote.js';

/** Every module the blocks use, once, sorted by name. */
export function modulesOf(blocks: readonly DscBlock[]): DscModuleRef[] {
    const byName = new Map<string, DscModuleRef>();
    for (const block of blocks) {
        byName.set(block.module.name, block.module);
    }
    return [...byName.values()].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}

/** What each configuration is for, in the script's header. */
export const PHASE_PURPOSE: Readonly<Record<NodePhase, string>> = {
    Backup: 'the backup before an upgrade changes anything; apply it once, first (MOF\\Backup).',
    Upgrade: 'the upgrade itself and the fixes after it, before the steady state; apply it once (MOF\\Upgrade).',
    Prepare: 'what the vendor installer needs; apply it before the installer (MOF\\Prepare).',
    Operate: 'the steady state once the installer ran; it stays applied (MOF\\Operate).',
};

/** The name of a node's only configuration (a node with Prepare and Operate names them in configurations.ts). */
export function configurationName(node: Pick<NodeIR, 'name'>): string {
    return psIdentifier(`${node.name}_Config`);
}

/** A script of one configuration from the given blocks. */
export function emitConfiguration(site: SiteIR, node: NodeIR, blocks: readonly DscBlock[]): string {
    return emitConfigurations(site, node.name, [{ phase: 'Operate', name: configurationName(node), node, blocks }]);
}

export function emitConfigurations(site: SiteIR, nodeName: string, views: readonly ConfigurationView[]): string {
    return toCrlf(
        render('configuration.ps1.hbs', {
            nodeName,
            siteName: site.name,
            version: VERSION,
            manifest: site.manifestName,
            phased: views.length > 1,
            configurations: views.map((view) => ({
                name: view.name,
                purpose: PHASE_PURPOSE[view.phase],
                credentials: view.node.credentials,
                modules: modulesOf(view.blocks),
                blocks: view.blocks.map((block) => ({
                    ...block,
                    provenance: `${site.manifestName}#${block.source}${block.guide ? ` (${block.guide})` : ''}`,
                    width: Math.max(...block.properties.map((p) => p.name.length)),
                })),
            })),
        }),
    );
}
