import { at, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { xprHosts } from '../model.js';

/** "Mixed operation between different BRI or PRI cards as well as … of BRI and PRI cards on a server computer is not released" (Upgrade guide §2.3.3.1). */
export const xprIsdnBoards: Rule = {
    name: 'xpr-isdn-boards',
    description: 'All ISDN boards of one computer are of the same model and type.',
    reports: ['XprIsdnBoardMix'],
    check(site) {
        const xpr = site.site.xpr;
        if (!xpr) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        for (const host of xprHosts(xpr)) {
            const boards = host.components.isdnApl?.boards ?? [];
            const first = boards[0];
            if (!first) {
                continue;
            }
            boards.forEach((board, j) => {
                if (j > 0 && (board.type !== first.type || board.model.toUpperCase() !== first.model.toUpperCase())) {
                    out.push(
                        diag(
                            'XprIsdnBoardMix',
                            { model: board.model, type: board.type, node: host.nodeName, first: first.model, firstType: first.type },
                            at(`${host.pointer}/components/isdnApl/boards/${j}`),
                        ),
                    );
                }
            });
        }
        return out;
    },
};
