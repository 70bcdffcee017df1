import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { MAX_4BRI_WITH_CORNET_T, UPGRADE_ONLY_PRI_VERSION } from '../data.js';
import { xprHosts } from '../model.js';

/**
 * The Sangoma (Dialogic/Eicon) Diva boards of one computer:
 * - "Mixed operation between different BRI or PRI cards as well as … of BRI
 *   and PRI cards on a server computer is not released" (Upgrade guide §2.3.3.1);
 * - PRI boards of version 2.0 are supported for upgrades only, and not by the
 *   8.5.7 drivers on the XPR V7 medium (Cluster Installation guide §3.1.2);
 * - more than three 4BRI boards in the CorNet-T context may break call
 *   forwarding (Cluster Installation guide §3.1.2).
 */
export const xprIsdnBoards: Rule = {
    name: 'xpr-isdn-boards',
    description: 'All ISDN boards of one computer are of the same model and type, no PRI board is of version 2.0, and at most three 4BRI boards serve CorNet-T.',
    reports: ['XprIsdnBoardMix', 'XprPriBoardUpgradeOnly', 'XprTooMany4BriWithCornetT'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        for (const host of xprHosts(xpr)) {
            const isdn = host.components.isdnApl;
            const boards = isdn?.boards ?? [];
            const first = boards[0];
            if (!first) {
                continue;
            }
            const at0 = `${host.pointer}/components/isdnApl`;
            boards.forEach((board, j) => {
                if (j > 0 && (board.type !== first.type || board.model.toUpperCase() !== first.model.toUpperCase())) {
                    out.push(
                        diag(
                            'XprIsdnBoardMix',
                            { model: board.model, type: board.type, node: host.nodeName, first: first.model, firstType: first.type },
                            at(`${at0}/boards/${j}`),
                        ),
                    );
                }
                if (board.type === 'PRI' && board.version !== undefined && sameVersion(board.version, UPGRADE_ONLY_PRI_VERSION)) {
                    out.push(diag('XprPriBoardUpgradeOnly', { model: board.model, node: host.nodeName }, at(`${at0}/boards/${j}/version`)));
                }
            });
            const fourBri = boards.filter((board) => /4BRI/i.test(board.model)).length;
            if (isdn?.cornetT === true && fourBri > MAX_4BRI_WITH_CORNET_T) {
                out.push(diag('XprTooMany4BriWithCornetT', { node: host.nodeName, count: String(fourBri) }, at(`${at0}/boards`)));
            }
        }
        return out;
    },
};

/** `2`, `2.0` and `2.00` are the same version. */
function sameVersion(a: string, b: string): boolean {
    const parts = (v: string) => v.split('.').map(Number);
    const [x, y] = [parts(a), parts(b)];
    const n = Math.max(x.length, y.length);
    return Array.from({ length: n }, (_, i) => (x[i] ?? 0) === (y[i] ?? 0)).every(Boolean);
}
