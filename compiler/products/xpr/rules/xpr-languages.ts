import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { EXCLUSIVE_VOICEMAIL, EXCLUSIVE_VOICEMAIL_LANGUAGES } from '../data.js';

/** Server languages (Cluster Installation guide §4.3.6) and the voicemail systems that depend on them (§4.4.1 Table 4-2). */
export const xprLanguages: Rule = {
    name: 'xpr-languages',
    description:
        'The default language is one of the languages installed, no more languages are installed than licensed, and ERGO, PhoneMail and VMS are not combined in German or English.',
    reports: ['XprDefaultLanguageNotSelected', 'XprTooManyLanguages', 'XprExclusiveVoicemail'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const languages = xpr.languages;
        if (!languages.includes(xpr.defaultLanguage)) {
            out.push(diag('XprDefaultLanguageNotSelected', { language: xpr.defaultLanguage, languages: languages.join(', ') }, at('/xpr/defaultLanguage')));
        }
        const licences = xpr.licensing.languageLicences;
        if (licences !== undefined && languages.length > licences) {
            out.push(diag('XprTooManyLanguages', { count: languages.length, licences }, at('/xpr/languages')));
        }
        const systems = (xpr.voicemailSystems ?? []).filter((system) => EXCLUSIVE_VOICEMAIL.includes(system));
        const affected = languages.filter((language) => EXCLUSIVE_VOICEMAIL_LANGUAGES.includes(language));
        if (systems.length > 1 && affected.length > 0) {
            out.push(diag('XprExclusiveVoicemail', { systems: and(systems), language: and(affected) }, at('/xpr/voicemailSystems')));
        }
        return out;
    },
};

function and(items: readonly string[]): string {
    return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
