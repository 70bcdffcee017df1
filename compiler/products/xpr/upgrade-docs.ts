/**
 * The matrix of upgrade-data.ts as the Markdown table of docs/xpr-upgrade.md,
 * between its `<!-- matrix:begin -->` and `<!-- matrix:end -->` markers
 * (`npm run gen:docs` writes it; spec/unit/docs.spec.ts keeps it current).
 */

import { METHOD_LABELS, SOURCE_LABELS, sourceList, TARGET_LABELS, UPGRADE_MATRIX } from './upgrade-data.js';
import type { UpgradeMatrixRow } from './upgrade-types.js';

export const MATRIX_BEGIN = '<!-- matrix:begin -->';
export const MATRIX_END = '<!-- matrix:end -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function via(row: UpgradeMatrixRow): string {
    if (!row.via) {
        return '—';
    }
    const versions = sourceList(row.via.versions);
    return row.via.when === 'always' ? versions : `${versions}, with activated conferences`;
}

function methods(row: UpgradeMatrixRow): string {
    if (row.methods.length === 0) {
        return 'only via the intermediate version';
    }
    return row.methods.map((m, i) => `\`${m}\`${i === 0 ? ' (default)' : ''}`).join(', ');
}

/** The table, one line per row, in the data's order. */
export function upgradeMatrixMarkdown(): string {
    const lines = [
        '| Row | From | Bit | Site | Via | To | Methods | Project release | Hotfixes | Guide |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...UPGRADE_MATRIX.map((row) =>
            [
                `\`${row.id}\``,
                row.from.map((f) => SOURCE_LABELS[f]).join(', '),
                row.bitness.join(', '),
                row.scope === 'cluster' ? 'cluster' : row.scope === 'noCluster' ? 'no cluster' : 'any',
                via(row),
                row.to.map((t) => TARGET_LABELS[t]).join(', '),
                methods(row),
                row.projectSpecificRelease === true ? 'required' : '—',
                `\`${row.hotfixSet}\``,
                row.section,
            ]
                .map(cell)
                .join(' | '),
        ).map((line) => `| ${line} |`),
        '',
        'Methods: ' + Object.entries(METHOD_LABELS).map(([m, label]) => `\`${m}\` = ${label}`).join('; ') + '.',
    ];
    return lines.join('\n');
}

/** `text` with the part between the markers replaced by the current table; throws without the markers (a bug in the page). */
export function withMatrix(text: string): string {
    const begin = text.indexOf(MATRIX_BEGIN);
    const end = text.indexOf(MATRIX_END);
    if (begin < 0 || end < begin) {
        throw new Error(`docs/xpr-upgrade.md lacks ${MATRIX_BEGIN} … ${MATRIX_END}`);
    }
    return `${text.slice(0, begin + MATRIX_BEGIN.length)}\n${upgradeMatrixMarkdown()}\n${text.slice(end)}`;
}
