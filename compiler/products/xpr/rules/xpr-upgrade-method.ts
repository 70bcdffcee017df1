import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { nodeIpv4s, siteNode } from '../model.js';
import { SOURCE_LABELS } from '../upgrade-data.js';
import { siteUpgrade, methodProblem, routeAccepted } from '../upgrade-matrix.js';

/**
 * The method must be one the matrix row allows: never in place from a
 * 32-bit XPR or an MRS (§2.1 note 1, §2.8), a silent repair only from the
 * sources and to the target of §2.8.2, with `--new-hlm` from V6 R2 and
 * without UCC components on satellites.
 */
export const xprUpgradeMethod: Rule = {
    name: 'xpr-upgrade-method',
    description: 'The upgrade method is one the matrix row allows; a silent repair comes from a listed source, goes to V7 R1 FR1, has its --new-hlm address and no UCC components on satellites.',
    reports: [
        'XprUpgradeRepairFromReinstallSource',
        'XprUpgradeSilentRepairSource',
        'XprUpgradeSilentRepairTarget',
        'XprUpgradeMethodNotForRow',
        'XprUpgradeNewHlmMissing',
        'XprUpgradeNewHlmMisplaced',
        'XprUpgradeSilentRepairUccSatellite',
        'XprUpgradeSilentRepairUccUnplaced',
    ],
    check(site) {
        const found = siteUpgrade(site.site);
        const row = found?.a.row;
        if (!found || !row) {
            return [];
        }
        const { xpr, a } = found;
        const out: PendingDiagnostic[] = [];
        const source = SOURCE_LABELS[a.from];
        const method = at(a.methodStated ? '/xpr/upgrade/method' : '/xpr/upgrade');
        switch (methodProblem(a)) {
            case 'repairFromReinstallSource':
                out.push(diag('XprUpgradeRepairFromReinstallSource', { source, bitness: a.bitness, row: row.id, section: row.section }, method));
                break;
            case 'silentRepairSource':
                out.push(diag('XprUpgradeSilentRepairSource', { source, bitness: a.bitness, row: row.id, section: row.section }, method));
                break;
            case 'notForRow':
                out.push(
                    diag(
                        'XprUpgradeMethodNotForRow',
                        {
                            method: `"${a.method!}"`,
                            source,
                            bitness: a.bitness,
                            where: a.cluster ? ', on a cluster' : '',
                            row: row.id,
                            allowed: row.methods.map((m) => `"${m}"`).join(', '),
                            section: row.section,
                        },
                        method,
                    ),
                );
                break;
            case 'silentRepairTarget':
                out.push(diag('XprUpgradeSilentRepairTarget', { target: a.to }, at(xpr.version !== undefined ? '/xpr/version' : '/xpr/upgrade/method')));
                break;
            default:
                break;
        }
        if (!routeAccepted(a) || a.method !== 'silentRepair') {
            return out;
        }
        if (a.needsNewHlm) {
            const kernel = siteNode(site.site, xpr.kernel.node)?.node;
            const own = kernel ? nodeIpv4s(kernel) : [];
            const given = xpr.licensing.clmAddress;
            if (a.clmAddress === undefined) {
                out.push(diag('XprUpgradeNewHlmMissing', {}, at('/xpr/licensing')));
            } else if (given !== undefined && xpr.licensing.scenario === 'claAndClmOnKernel' && own.length > 0 && !own.includes(given)) {
                out.push(diag('XprUpgradeNewHlmMisplaced', { address: given, node: xpr.kernel.node, own: own.join(', ') }, at('/xpr/licensing/clmAddress')));
            }
        }
        const ucc = (xpr.satellites ?? []).flatMap((satellite, index) => (satellite.components.connectionApl !== undefined ? [{ satellite, index }] : []));
        for (const { satellite, index } of ucc) {
            out.push(diag('XprUpgradeSilentRepairUccSatellite', { node: satellite.node }, at(`/xpr/satellites/${index}/components/connectionApl`)));
        }
        if (ucc.length === 0 && a.upgrade.uccComponents === true && a.satellites) {
            out.push(diag('XprUpgradeSilentRepairUccUnplaced', {}, at('/xpr/upgrade/uccComponents')));
        }
        return out;
    },
};
