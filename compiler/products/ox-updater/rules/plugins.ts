import { diag, at, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { clientGroups } from '../model.js';

/**
 * Plug-in preconditions (§1.3) are work on the OX server and go to its
 * administrator as runbook items. The one fact the guide leaves open that
 * the runbook needs is the password change backend (§1.3.1: "an
 * open-xchange-passwordchange backend suitable for the installation"), so
 * it must be named rather than guessed.
 */
export const oxUpdaterPlugins: Rule = {
    name: 'ox-updater-plugins',
    description: 'A group using the password change plug-in comes with the name of the OX server\'s password change backend.',
    reports: ['OxPasswordBackendMissing'],
    check(site) {
        const section = site.site.oxUpdater;
        if (!section || section.server.passwordChangeBackend !== undefined) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        for (const { group, pointer } of clientGroups(section)) {
            const i = (group.plugins ?? []).indexOf('passwordChange');
            if (i >= 0) {
                out.push(diag('OxPasswordBackendMissing', { group: group.name }, at(`${pointer}/plugins/${i}`)));
            }
        }
        return out;
    },
};
