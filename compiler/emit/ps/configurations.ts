/**
 * A node's configurations (ir/plan.ts NodePhase) as the .ps1 holds them.
 *
 * A node with one configuration keeps its one `Configuration <NODE>_Config`
 * and MOF folder. A node whose product has an interactive installer gets
 * `<NODE>_Prepare` and `<NODE>_Operate` in the same <NODE>.ps1: both share
 * the node's ConfigurationData and modules, and a DSC maintainer reads the
 * difference between them in one file. Each compiles to its own folder
 * (MOF\Prepare, MOF\Operate) because both MOFs are named <NODE>.mof, which
 * is what Start-DscConfiguration -Path looks for.
 */

import type { DscBlock } from '../../dsc/block.js';
import { dscBlocks } from '../../dsc/resources/index.js';
import { InternalError } from '../../diagnostics/internal-error.js';
import { NODE_PHASES, phasesOf, type NodePhase } from '../../ir/plan.js';
import type { NodeIR } from '../../ir/types.js';
import { configurationName } from './configuration.js';
import { psIdentifier } from './quote.js';

export interface ConfigurationView {
    readonly phase: NodePhase;
    /** The PowerShell configuration name. */
    readonly name: string;
    /** The node with this configuration's resources and credentials only. */
    readonly node: NodeIR;
    readonly blocks: readonly DscBlock[];
    /** MOF subfolder; undefined = the MOF folder itself (one configuration). */
    readonly subfolder?: string;
}

export function configurationViews(node: NodeIR): ConfigurationView[] {
    const phases = node.configurations ?? ['Operate'];
    if (phases.length === 1) {
        return [{ phase: phases[0] ?? 'Operate', name: configurationName(node), node, blocks: dscBlocks(node) }];
    }
    return phases.map((phase) => {
        const view = phaseNode(node, phase);
        return { phase, name: psIdentifier(`${node.name}_${phase}`), node: view, blocks: dscBlocks(view), subfolder: phase };
    });
}

/** The MOF path of a configuration, relative to the node's folder, as the runbook writes it. */
export function mofPath(view: Pick<ConfigurationView, 'subfolder'>): string {
    return view.subfolder === undefined ? '.\\MOF' : `.\\MOF\\${view.subfolder}`;
}

function phaseNode(node: NodeIR, phase: NodePhase): NodeIR {
    const resources = node.resources.filter((r) => phasesOf(r).includes(phase));
    const ids = new Set(resources.map((r) => r.id));
    const earlier = new Set(NODE_PHASES.slice(0, NODE_PHASES.indexOf(phase)));
    const byId = new Map(node.resources.map((r) => [r.id, r]));
    const inPhase = resources.map((r) => {
        const missing = r.dependsOn.filter((id) => !ids.has(id));
        // The configurations are applied in NODE_PHASES order: a resource cannot rely on what only a later
        // one makes (Prepare on Operate). It may have depended on one-off work of an earlier configuration
        // (Operate on Prepare's preparation); once that configuration is applied, that is done.
        const later = missing.filter((id) => !phasesOf(byId.get(id) ?? {}).some((p) => earlier.has(p)));
        if (later.length > 0) {
            throw new InternalError(`Node ${node.name}: ${r.id} is in ${phase} but depends on ${later.join(', ')}, which is not in it or an earlier configuration`);
        }
        return missing.length === 0 ? r : { ...r, dependsOn: r.dependsOn.filter((id) => ids.has(id)) };
    });
    const used = new Set(dscBlocks({ ...node, resources: inPhase }).flatMap((b) => credentialParameters(b.properties)));
    return { ...node, resources: inPhase, credentials: node.credentials.filter((c) => used.has(c.parameter)) };
}

function credentialParameters(properties: DscBlock['properties']): string[] {
    return properties.flatMap((p) =>
        p.value.kind === 'credential'
            ? [p.value.parameter]
            : p.value.kind === 'cimInstances'
              ? p.value.items.flatMap((item) => credentialParameters(item))
              : [],
    );
}
