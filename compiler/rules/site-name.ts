/**
 * The site name names the output folder, so it follows the node names'
 * Windows file-name rules. The schema's pattern already allows only
 * lower-case letters, digits and inner hyphens (no trailing dot or space);
 * what is left are the DOS device names, reserved in any case.
 */

import { diag, at } from '../diagnostics/diagnostic.js';
import { isDosDeviceName } from './node-names.js';
import type { Rule } from './rule.js';

export const siteName: Rule = {
    name: 'site-name',
    description: 'The site name is not a reserved Windows device name (con, prn, aux, nul, com1–9, lpt1–9).',
    reports: ['ReservedSiteName'],
    check(site) {
        const name = site.site.name;
        return isDosDeviceName(name) ? [diag('ReservedSiteName', { name, reason: 'Windows reserves it for a device' }, at('/name'))] : [];
    },
};
