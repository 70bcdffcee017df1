/**
 * The IR's top level: manual steps, credentials as configuration parameters,
 * LCM settings, one node's IR and the site's. Separate from types.ts (the
 * registry values and resources) only to keep each file readable; types.ts
 * re-exports everything here, so importers keep using '../ir/types.js'.
 */

import type { NodePhase, SitePlan } from './plan.js';
import type { Resource, Source } from './types.js';

/** A step no script can do; rendered into the node's RUNBOOK.md. */
export interface ManualStep {
    readonly id: string;
    /** Product (or 'Baseline') the step belongs to; the runbook groups by it. */
    readonly section?: string;
    readonly title: string;
    /** Paragraphs / list lines of Markdown, already filled with manifest values. */
    readonly instructions: readonly string[];
    /** How the engineer checks the step worked. */
    readonly verify?: string;
    /** Guide section that prescribes the step, e.g. 'XPR Installation Guide §4.3.5'. */
    readonly guide?: string;
    readonly source: Source;
}

export interface CredentialParameter {
    /** Reference name as in the manifest, e.g. 'XprService'. */
    readonly name: string;
    /** PowerShell parameter name, e.g. 'XprServiceCredential'. */
    readonly parameter: string;
    readonly description: string;
    /** Hint for Get-Credential; never a secret. */
    readonly userName?: string;
    readonly source: Source;
}

/**
 * The node's Local Configuration Manager settings (its meta-configuration).
 * Defaults are filled in: every field is what the LCM will be told.
 */
export interface LcmSettings {
    readonly configurationMode: 'ApplyAndMonitor' | 'ApplyAndAutoCorrect' | 'ApplyOnly';
    readonly rebootNodeIfNeeded: boolean;
    readonly actionAfterReboot: 'ContinueConfiguration' | 'StopConfiguration';
    readonly refreshMode: 'Push';
    readonly configurationModeFrequencyMins: number;
    /** Where the node's settings come from: `/nodes/<i>/lcm`, `/defaults/lcm`, or the node when both are absent. */
    readonly source: Source;
}

export interface NodeIR {
    readonly name: string;
    readonly description?: string;
    /** Safe file/folder stem for this node's artefacts (upper-case NetBIOS name). */
    readonly fileStem: string;
    readonly os: string;
    readonly roles: readonly string[];
    readonly addresses: readonly { readonly address: string; readonly prefixLength?: number; readonly role: string }[];
    /** MOF encryption certificate, when the node has one. */
    readonly certificate?: { readonly file: string; readonly thumbprint: string };
    /** The LCM settings its meta-configuration gives (CertificateID is the certificate's thumbprint). */
    readonly lcm: LcmSettings;
    /** Credentials this node's configuration takes as parameters, sorted by name. */
    readonly credentials: readonly CredentialParameter[];
    /** Resources in emission order (stable: by kind order, then id). */
    readonly resources: readonly Resource[];
    readonly manualSteps: readonly ManualStep[];
    /**
     * The configurations the node gets, in the order they are applied:
     * `['Operate']` (one configuration, `<NODE>_Config`) or
     * `['Prepare', 'Operate']` when a product marks resources for the time
     * before its vendor's installer.
     */
    readonly configurations?: readonly NodePhase[];
    readonly source: Source;
}

export interface SiteIR {
    readonly name: string;
    readonly description?: string;
    readonly domain?: string;
    /** The manifest's file name as given on the command line, base name only (no absolute path). */
    readonly manifestName: string;
    /** Lab only: credentials may sit in clear text in MOFs of nodes without a certificate. */
    readonly allowPlainTextCredentials: boolean;
    /** How the MOFs reach the nodes (manifest `delivery`; push when the manifest has none). */
    readonly delivery: DeliveryIR;
    readonly nodes: readonly NodeIR[];
    /** The roll-out across nodes (PLAN.md); built after lowering (plan/build-plan.ts). */
    readonly plan?: SitePlan;
}

/**
 * Delivery settings. The registration key is a reference name only: the site
 * build.ps1 resolves it (vault or parameter) on the build host.
 */
export interface DeliveryIR {
    readonly mode: 'push' | 'pull';
    /** Repository the site build's -ResolveDependency installs the pinned modules from. */
    readonly moduleRepository: string;
    readonly pullServer?: PullServerIR;
    readonly source: Source;
}

export interface PullServerIR {
    readonly url: string;
    readonly registrationKeyReference: string;
    readonly kind: 'webPullServer' | 'azureAutomation';
    readonly configurationMode: 'ApplyAndMonitor' | 'ApplyAndAutoCorrect';
    readonly refreshFrequencyMins: number;
    /** http:// URL: the LCM needs AllowUnsecureConnection (warned by XPR3431). */
    readonly allowUnsecureConnection: boolean;
}
