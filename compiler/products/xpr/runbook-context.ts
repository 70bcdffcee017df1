/**
 * What every part of the XPR runbook shares: the per-host context the step
 * builders read, the step shape before the section and source are added,
 * the Markdown quoting shorthands, and the two steps other modules point at
 * (the gates in lower.ts and the plan wait for them by id and title).
 * Separate so the chapter files (runbook-prepare, runbook-setup-*,
 * runbook-after-setup, runbook-satellite) need not import runbook.ts, which
 * imports them.
 *
 * Manifest values reach Markdown only through mdCode/mdText.
 */

import { mdCode, mdText } from '../../emit/markdown.js';
import type { ManualStep } from '../../ir/types.js';
import type { Site, Xpr } from '../../manifest/types.generated.js';
import type { XprHost } from './model.js';

export const c = mdCode;
export const t = mdText;

export interface Context {
    readonly site: Site;
    readonly xpr: Xpr;
    readonly host: XprHost;
    readonly serviceUser: string;
    readonly credentialName: string;
}

export type Step = Omit<ManualStep, 'section' | 'source'> & { readonly pointer: string };

/** The step the host requirements gate (`[xScript]Xpr_HostRequirements`) waits for. */
export const HOST_REQUIREMENTS_STEP = { id: 'xpr-host-requirements', title: 'Check the XPR host requirements' } as const;

/** The step after which XPR is installed: what the installation gate (`[xScript]Xpr_Installed`) waits for. */
export const SETUP_DONE_STEP = {
    kernel: { id: 'xpr-setup-finish', title: 'Setup: finish and reboot' },
    satellite: { id: 'xpr-satellite-setup', title: "Install the satellite's components" },
} as const;
