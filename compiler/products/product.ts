/**
 * A product module (XPR, one-X Portal, OfficeStatus, OX Updater, …): its own
 * manifest section (schemas/<product>.schema.json), its rules, and how it
 * lowers to IR resources and runbook steps for each node it places on.
 *
 * Products never edit the pipeline: compile.ts runs their rules with the
 * others, and lower.ts merges their resources with the node's baseline
 * (identical duplicates are kept once; different ones are reported by the
 * collisions check).
 */

import type { CredentialParameter, ManualStep, Resource } from '../ir/types.js';
import type { Site } from '../manifest/types.generated.js';
import type { ResolvedNode, ResolvedSite } from '../frontend/resolve.js';
import type { Rule } from '../rules/rule.js';

export interface CredentialUse {
    /** Node (name as in the manifest) whose configuration takes the credential. */
    readonly node: string;
    /** Credential reference name. */
    readonly name: string;
    /** Pointer of the reference, for diagnostics. */
    readonly pointer: string;
    /**
     * The account is only typed into a vendor's interactive installer by the
     * engineer (the runbook names the reference): the reference is checked
     * and counts as used, but the configuration takes no parameter for it, so
     * build.ps1 does not ask for a password no resource uses.
     */
    readonly runbookOnly?: boolean;
}

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
