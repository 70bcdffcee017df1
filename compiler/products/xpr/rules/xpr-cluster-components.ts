import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { EXCLUDED_SERVICES, INFORMATION_STORE, MANDATORY_SERVICES, OPTIONAL_SERVICES, TABLE17_OTHER_SERVICES, TTS_ASR_COMPONENTS } from '../cluster-data.js';
import { sameName } from '../model.js';

/**
 * Only Table 17's services go in the cluster: Table 18's cannot (the ISDN
 * and IP APLs only without TTS and ASR), the Connection APL stack is
 * allowed neither in the cluster nor on a node (§6.2 item 7), and an APL
 * in neither table, or one Table 17 releases per project, needs a
 * project-specific release (§6.2 item 8).
 */
export const xprClusterComponents: Rule = {
    name: 'xpr-cluster-components',
    description: 'The clustered kernel runs only cluster-capable APLs: no Table 18 service (ISDN and IP APL only without TTS and ASR), no Connection APL, and APLs outside Table 17 only with a project-specific release.',
    reports: ['XprClusterExcludedApl', 'XprClusterNotOnNodes', 'XprClusterProjectRelease'],
    check(site) {
        const xpr = site.site.xpr;
        const cluster = xpr?.cluster;
        if (!xpr || !cluster) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const components = xpr.kernel.components ?? {};
        const speech = (xpr.kernel.optionalComponents ?? []).filter((c) => TTS_ASR_COMPONENTS.includes(c));
        const label = (service: string): string => EXCLUDED_SERVICES.find((s) => s.service === service)?.label ?? service;
        if (speech.length > 0) {
            const with_ = ` (the kernel installs ${speech.join(', ')})`;
            if (components.isdnApl) {
                out.push(diag('XprClusterExcludedApl', { label: `${label('IsdnApl')}${with_}` }, at('/xpr/kernel/components/isdnApl', 'key')));
            }
            if (components.ipApl) {
                out.push(diag('XprClusterExcludedApl', { label: `${label('ipApl')}${with_}` }, at('/xpr/kernel/components/ipApl', 'key')));
            }
        }
        if (components.connectionApl) {
            out.push(diag('XprClusterNotOnNodes', { component: 'Connection APL (ConApl) with its UCC components, web conference server and databases' }, at('/xpr/kernel/components/connectionApl', 'key')));
        }
        for (const [index, extra] of (cluster.additionalApls ?? []).entries()) {
            const where = at(`/xpr/cluster/additionalApls/${index}/service`);
            const excluded = EXCLUDED_SERVICES.find((s) => sameName(s.service, extra.service));
            if (excluded) {
                out.push(
                    excluded.service === 'ConApl'
                        ? diag('XprClusterNotOnNodes', { component: excluded.label }, where)
                        : diag('XprClusterExcludedApl', { label: excluded.label }, where),
                );
                continue;
            }
            if (extra.service.toLowerCase() === INFORMATION_STORE.service || MANDATORY_SERVICES.some((s) => sameName(s.service, extra.service))) {
                continue; // xpr-cluster-resources reports a kernel service listed again.
            }
            const known = [...MANDATORY_SERVICES, ...Object.values(OPTIONAL_SERVICES), ...TABLE17_OTHER_SERVICES].find((s) => s && sameName(s.service, extra.service));
            if (extra.projectRelease === undefined && (!known || known.projectOnly)) {
                const why = known ? 'is released on a cluster only project-specifically (Table 17)' : 'is in neither Table 17 nor Table 18';
                out.push(diag('XprClusterProjectRelease', { service: extra.service, why }, where));
            }
        }
        return out;
    },
};
