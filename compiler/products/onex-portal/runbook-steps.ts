/**
 * The small builders every one-X Portal runbook file uses: one ManualStep
 * with the guide's sections, Markdown code and list shorthands, the
 * credential wording and the advanced-installation test. Separate so the
 * per-machine runbook files share them without importing each other.
 * Values go through mdCode / mdText; the rest is fixed text.
 */

import { mdCode } from '../../emit/markdown.js';
import type { ManualStep } from '../../ir/types.js';
import type { Site } from '../../manifest/types.generated.js';
import { DEFAULT_TSPI_USER, TITLE, guide } from './data.js';
import type { Settings } from './model.js';

export function step(id: string, title: string, sections: string, pointer: string, instructions: readonly string[], verify?: string): ManualStep {
    return {
        id,
        section: TITLE,
        title,
        instructions,
        ...(verify !== undefined ? { verify } : {}),
        guide: guide(sections),
        source: { pointer },
    };
}

export const code = (value: string | number): string => mdCode(String(value));
export const list = (items: readonly string[]): string => items.map((i) => `- ${i}`).join('\n');
export const codes = (items: readonly (string | number)[]): string => items.map((i) => code(String(i))).join(', ');

/** The credential reference as the runbook names it: `Name` (account `DOMAIN\user`). */
export function account(site: Site, name: string): string {
    const userName = site.credentials?.[name]?.userName;
    return `the account of credential ${code(name)}${userName ? ` (${code(userName)})` : ''}`;
}

export function advancedInstallation(s: Settings): boolean {
    return s.tspiPasswordChanged || s.tspiUser !== DEFAULT_TSPI_USER || s.section.ldap !== undefined || s.voicemailPro !== undefined || s.xmppDomainSet;
}
