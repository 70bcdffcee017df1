/**
 * A product module (XPR, one-X Portal, OfficeStatus, OX Updater, …): its own
 * manifest section (schemas/<product>.schema.json), its rules, and how it
 * lowers to IR resources and runbook steps for each node it places on.
 *
 * Products never edit the pipeline: compile.ts runs their rules with the
 * others, lower.ts merges their resources with the node's baseline
 * (identical duplicates are kept once; different ones are reported by the
 * collisions check), and plan/build-plan.ts merges their site-wide steps
 * into the site's plan.
 */

import type { PlanPhase } from '../ir/plan.js';
import type { CredentialParameter, ManualStep, NodeIR, Resource } from '../ir/types.js';
import type { Site } from '../manifest/types.generated.js';
import type { CredentialUse, ResolvedNode, ResolvedSite } from '../frontend/resolve.js';
import type { Rule } from '../rules/rule.js';

export type { CredentialUse } from '../frontend/resolve.js';

export interface ProductNodeOutput {
    /** Fully placed resources (ids unique within the product; prefix them with the product name). */
    readonly resources: readonly Resource[];
    /** Steps in the order the guide gives them. */
    readonly manualSteps: readonly ManualStep[];
    /** Role labels the product gives the node (ConfigurationData Role). */
    readonly roles?: readonly string[];
}

export interface Product {
    /** Section name in the manifest, e.g. 'xpr'. */
    readonly section: keyof Site & string;
    /** Human name used in runbooks, e.g. 'OpenScape Xpressions'. */
    readonly title: string;
    readonly rules: readonly Rule[];
    /** Every credential reference the section makes, by node. */
    readonly credentialUses: (site: Site) => readonly CredentialUse[];
    /** Resources and steps for one node; undefined when the product does not run there. */
    readonly lowerNode: (site: ResolvedSite, node: ResolvedNode) => ProductNodeOutput | undefined;
    /**
     * The product's part of the site's roll-out (PLAN.md), for products whose
     * guide orders several nodes: its phases, each with steps on named nodes
     * (apply a configuration, a runbook step, wait for another node's
     * resource). Runs after every node is lowered, so it sees every node's
     * resources and runbook steps. Products without it add nothing: their
     * nodes' configurations are applied in the plan's first phase.
     */
    readonly planSite?: (site: ResolvedSite, nodes: readonly NodeIR[]) => readonly PlanPhase[];
}

/** The credential parameter of a configuration for a reference name. */
export function credentialParameter(site: Site, name: string, pointer: string): CredentialParameter {
    const declared = site.credentials?.[name];
    return {
        name,
        parameter: `${name}Credential`,
        description: declared?.description ?? name,
        ...(declared?.userName ? { userName: declared.userName } : {}),
        source: { pointer },
    };
}
