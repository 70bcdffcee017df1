/**
 * One verification test (a Pester `It`) for one IR resource or manual step,
 * and what its builder gets from the rest of the node.
 *
 * Builders return PowerShell lines; every manifest value in them has gone
 * through psString/psArray (emit/ps/quote.ts) or a helper built on them.
 * The template (templates/tests.ps1.hbs) only lays the lines out.
 */

import type { CredentialParameter, Resource } from '../../ir/types.js';
import { psString } from '../ps/quote.js';
import type { HelperName } from './helpers.js';

export interface PesterCheck {
    /** The `It` name: `[xRegistry]Registry_HKLM_… (site.json#/nodes/0/baseline/registry/4)`. */
    readonly title: string;
    /** `# …` lines above the `It`: what is not checked and why. Plain text. */
    readonly notes: readonly string[];
    /** The `It` body, PowerShell lines (indented relative to the body). */
    readonly lines: readonly string[];
    /**
     * Nothing the file can check (a manual step, a reboot point): the body
     * marks the test skipped with the reason (`Set-ItResult -Skipped
     * -Because`), which Pester 5 prints in the report; `It -Skip` can not
     * carry a reason.
     */
    readonly skip: boolean;
    /** BeforeAll helper functions the body calls. */
    readonly helpers: readonly HelperName[];
}

export interface CheckContext {
    /** The manifest's file name, for the pointer in each title. */
    readonly manifest: string;
    /** The DSC resource type the configuration uses for an IR resource id (`xRegistry`, `xScript`, …). */
    readonly resourceType: (id: string) => string;
    /** The node's credential parameters, by reference name. */
    readonly credential: (name: string) => CredentialParameter | undefined;
}

/** `[Type]Id (manifest#pointer)`: the name `Test-DscConfiguration -Detailed` reports, and the manifest line behind it. */
export function resourceTitle(r: Resource, ctx: CheckContext): string {
    return `[${ctx.resourceType(r.id)}]${r.id} (${ctx.manifest}#${r.source.pointer})`;
}

export function check(r: Resource, ctx: CheckContext, lines: readonly string[], extra: Partial<Pick<PesterCheck, 'notes' | 'helpers'>> = {}): PesterCheck {
    return { title: resourceTitle(r, ctx), notes: extra.notes ?? [], lines, skip: false, helpers: extra.helpers ?? [] };
}

export function skipped(title: string, notes: readonly string[], reason: string): PesterCheck {
    return { title, notes, lines: [`Set-ItResult -Skipped -Because ${psString(reason)}`], skip: true, helpers: [] };
}

/**
 * A Describe/Context/It name as Pester 5 shows it: Pester expands `<name>`
 * templates in names even without test data, and a backtick escapes the
 * next character, so both are escaped (`` `< ``, ``` `` ```). The result is
 * then quoted for PowerShell by the template (ps-string).
 */
export function pesterName(text: string): string {
    return text.replace(/[`<]/g, (c) => `\`${c}`);
}
