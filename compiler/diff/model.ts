/**
 * The result of comparing two compiled manifests (`xprc diff`): plain,
 * JSON-ready data, so the JSON output is this model as it is (docs/diff.md
 * documents it as a stable schema) and the text and Markdown renderers only
 * lay it out.
 *
 * Values are pre-rendered strings in the notation of the file they end up
 * in: DSC properties, node and site settings and credentials as PowerShell
 * literals (psValue, exactly as the .ps1/.psd1 spell them), registry data in
 * regedit's notation, runbook text as JSON string literals. `null` means "not
 * set on that side". Where an item came from is a JSON pointer into the old
 * or the new manifest; pointers and guide sections are provenance, never a
 * change in themselves.
 */

import type { RegType } from '../ir/types.js';

export type Change = 'added' | 'removed' | 'changed';

/**
 * What a removed DSC resource leaves on the node. DSC never undoes what a
 * configuration stops listing: the new MOF simply no longer mentions the
 * resource, so the feature stays installed, the value set, the service
 * running. Reviewers read "removed" as "deleted" (DSC's most common review
 * mistake); this says what really happens.
 *   ensure-absent   no longer enforced, the node keeps its current state; a manifest item of
 *                   the same kind with `ensure: Absent` removes it (registry values, features,
 *                   services, firewall rules, folders, files, MSI packages)
 *   settings-kept   a service xprc did not install (no `path`): it keeps its current startup type,
 *                   state and account; `ensure: Absent` would delete the service, not undo the settings
 *   by-hand         no longer enforced, the node keeps its current state; no manifest item removes
 *                   it (a product's script, share, group membership, web site …): undo it by hand
 *   already-absent  the old configuration removed it (Ensure = 'Absent'); it stays removed, but if
 *                   something brings it back nothing removes it again
 *   node-removed    the node left the site: its LCM keeps the configuration it last received
 *                   (and with ApplyAndAutoCorrect keeps enforcing it) until that is removed on the node
 */
export type Removal = 'ensure-absent' | 'settings-kept' | 'by-hand' | 'already-absent' | 'node-removed';

/** One setting, property or field, old → new; null where a side does not set it. */
export interface ValueChange {
    readonly name: string;
    readonly old: string | null;
    readonly new: string | null;
}

export interface ResourceDiff {
    readonly change: Change;
    /** DSC resource type (the configuration keyword), e.g. 'xRegistry'. */
    readonly resourceType: string;
    /** DSC instance name (the IR resource id); the new spelling when both sides have it. */
    readonly id: string;
    /** Pointers into the old / new manifest. */
    readonly oldSource: string | null;
    readonly newSource: string | null;
    /** Guide section behind the resource, when a product module names one. */
    readonly guide: string | null;
    /** Added: every property (old null). Removed: every property (new null). Changed: the differing ones. */
    readonly properties: readonly ValueChange[];
    /** For a removed resource, what it leaves on the node; null otherwise, and for one that holds no state (WaitForAll, PendingReboot). */
    readonly removal: Removal | null;
}

export interface RegistryState {
    /** `HKEY_LOCAL_MACHINE\SOFTWARE\…`: full hive name, as regedit and the .reg file spell it. */
    readonly key: string;
    /** Value name; '' is the default value (regedit's `@`). */
    readonly name: string;
    /** 'Absent' means the configuration deletes the value. */
    readonly ensure: 'Present' | 'Absent';
    /** null for a deletion and for a key-only entry. */
    readonly type: RegType | null;
    /** The data as regedit shows it, e.g. `0x00001f90 (8080)`; null when there is none. */
    readonly data: string | null;
}

export interface RegistryDiff {
    readonly change: Change;
    /** Key and value name, from the new side when both sides have them (matched case-insensitively, like Windows). */
    readonly key: string;
    readonly name: string;
    readonly old: RegistryState | null;
    readonly new: RegistryState | null;
    readonly oldSource: string | null;
    readonly newSource: string | null;
}

export interface StepDiff {
    readonly change: Change;
    readonly id: string;
    readonly title: string;
    readonly oldSource: string | null;
    readonly newSource: string | null;
    /** title, section, guide, verify, instructions (one JSON string literal per line). */
    readonly fields: readonly ValueChange[];
}

export interface CredentialDiff {
    readonly change: Change;
    readonly name: string;
    /** parameter, description, userName. */
    readonly fields: readonly ValueChange[];
}

export interface NodeDiff {
    /** The new spelling when both sides have the node (matched case-insensitively). */
    readonly name: string;
    readonly change: Change;
    /**
     * description, os, roles, addresses, certificateFile, thumbprint, the lcm.* settings; also the name when only its case
     * changed. For an added (removed) node: the settings it has, old (new) null.
     */
    readonly settings: readonly ValueChange[];
    readonly credentials: readonly CredentialDiff[];
    readonly resources: readonly ResourceDiff[];
    readonly registry: readonly RegistryDiff[];
    readonly manualSteps: readonly StepDiff[];
    /** Set when the runbook lists the steps both sides have in another order (ids, old and new order). */
    readonly stepOrder: { readonly old: readonly string[]; readonly new: readonly string[] } | null;
}

/** A step of the site plan (PLAN.md) added, removed, moved to another phase or changed. */
export interface PlanStepDiff {
    readonly change: Change;
    /** The step's id (its anchor in PLAN.md). */
    readonly id: string;
    /** Where and what, e.g. `XPRKERN: apply Operate`; the new side's when both have the step. */
    readonly step: string;
    /** The node the step runs on (a wait: the waiting node); null for a step on another system (the PBX, Active Directory). */
    readonly node: string | null;
    /** Title of the phase the step is in; null on the side without it. Different = moved. */
    readonly oldPhase: string | null;
    readonly newPhase: string | null;
    readonly oldSource: string | null;
    readonly newSource: string | null;
    /** phase, step, title, after (step ids), requires, verify, retry (waits), as JSON string literals. */
    readonly fields: readonly ValueChange[];
}

export interface SiteDiff {
    /** Site settings that reach the output: name (the output folder), description, domain, allowPlainTextCredentials. */
    readonly settings: readonly ValueChange[];
    /** Only nodes with a change, sorted by name (case-insensitively). */
    readonly nodes: readonly NodeDiff[];
    /** Changed steps of the site plan, in the new plan's order, then the removed ones. */
    readonly plan: readonly PlanStepDiff[];
    /** With `--node`: the nodes shown (as the manifests spell them), in the order given; null when every node is. */
    readonly selectedNodes: readonly string[] | null;
}

export interface Counts {
    added: number;
    removed: number;
    changed: number;
}

export interface DiffSummary {
    readonly nodes: Counts;
    /** Changed settings of the site and of changed nodes (an added or removed node's settings are not changes of their own). */
    readonly settings: number;
    readonly credentials: Counts;
    readonly resources: Counts;
    readonly registryValues: Counts;
    readonly manualSteps: Counts;
    readonly planSteps: Counts;
}

export function hasChanges(diff: SiteDiff): boolean {
    return diff.settings.length > 0 || diff.nodes.length > 0 || diff.plan.length > 0;
}

export function summarize(diff: SiteDiff): DiffSummary {
    const zero = (): Counts => ({ added: 0, removed: 0, changed: 0 });
    const summary = {
        nodes: zero(),
        settings: diff.settings.length,
        credentials: zero(),
        resources: zero(),
        registryValues: zero(),
        manualSteps: zero(),
        planSteps: zero(),
    };
    diff.plan.forEach((s) => summary.planSteps[s.change]++);
    for (const node of diff.nodes) {
        summary.nodes[node.change]++;
        summary.settings += node.change === 'changed' ? node.settings.length : 0;
        node.credentials.forEach((c) => summary.credentials[c.change]++);
        node.resources.forEach((r) => summary.resources[r.change]++);
        node.registry.forEach((r) => summary.registryValues[r.change]++);
        node.manualSteps.forEach((s) => summary.manualSteps[s.change]++);
    }
    return summary;
}
