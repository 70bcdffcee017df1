import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { kernelAddress, nodeIpv4s, siteNode } from '../model.js';

/**
 * The license service setup asks for the IP address of the CLA (Cluster
 * Installation guide §4.3.4.1); where the CLA runs follows from the
 * licensing scenario (Upgrade guide §2.3.7).
 */
export const xprLicensing: Rule = {
    name: 'xpr-licensing',
    description: 'The CLA address the license service needs is known: given for an external CLA, the kernel\'s own address when the CLA runs on the kernel.',
    reports: ['XprClaAddressMissing'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const scenario = xpr.licensing.scenario ?? 'external';
        const given = xpr.licensing.claAddress;
        const kernel = siteNode(site.site, xpr.kernel.node)?.node;
        if (scenario === 'external') {
            if (given === undefined) {
                out.push(
                    diag('XprClaAddressMissing', { reason: 'with scenario "external" the CLA runs on another computer, which "claAddress" must name' }, at('/xpr/licensing')),
                );
            }
        } else if (kernel) {
            const own = nodeIpv4s(kernel);
            if (given === undefined && kernelAddress(site.site, xpr) === undefined) {
                out.push(
                    diag(
                        'XprClaAddressMissing',
                        { reason: `the CLA runs on the kernel, but node "${kernel.name}" has no IPv4 address in the manifest` },
                        at('/xpr/licensing'),
                    ),
                );
            } else if (given !== undefined && own.length > 0 && !own.includes(given)) {
                out.push(
                    diag(
                        'XprClaAddressMissing',
                        { reason: `the CLA runs on the kernel, but ${given} is not an address of node "${kernel.name}" (${own.join(', ')})` },
                        at('/xpr/licensing/claAddress'),
                    ),
                );
            }
        }
        return out;
    },
};
