/** docs/diagnostics.md, generated from the catalog (scripts/gen-docs.ts writes it; a test checks it is current). */

import { catalogEntries, type Phase } from './catalog.js';

const PHASES: readonly { phase: Phase; title: string }[] = [
    { phase: 'load', title: 'XPR1xxx: reading the manifest' },
    { phase: 'schema', title: 'XPR2xxx: schema validation' },
    { phase: 'semantic', title: 'XPR3xxx: semantic rules' },
    { phase: 'emit', title: 'XPR4xxx: emit limitations' },
    { phase: 'cli', title: 'XPR5xxx: command line' },
];

export function diagnosticsMarkdown(): string {
    const entries = catalogEntries();
    const lines = [
        '# xprc diagnostics',
        '',
        'Generated from `compiler/diagnostics/catalog.ts` by `npm run gen:docs`. Do not edit.',
        'Every entry can also be shown with `xprc explain <CODE>`. `{placeholders}` are filled with the manifest\'s values.',
        '',
        '| Code | Severity | Title |',
        '| --- | --- | --- |',
        ...entries.map((e) => `| [${e.code}](#${e.code.toLowerCase()}) | ${e.severity} | ${e.title} |`),
    ];
    for (const { phase, title } of PHASES) {
        const inPhase = entries.filter((e) => e.phase === phase);
        if (inPhase.length === 0) {
            continue;
        }
        lines.push('', `## ${title}`);
        for (const e of inPhase) {
            lines.push(
                '',
                `### ${e.code}`,
                '',
                `**${e.title}** (${e.severity})`,
                '',
                e.explanation,
                '',
                `- Message: ${e.message}`,
                `- Fix: ${e.fix}`,
                ...(e.guide ? [`- Rule from: ${e.guide}`] : []),
            );
        }
    }
    return lines.join('\n') + '\n';
}
