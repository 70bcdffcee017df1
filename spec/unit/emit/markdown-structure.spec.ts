/**
 * No manifest string can break the structure of a runbook (issue 16 item 6).
 *
 * The templates lay out the structure (tables, headings, lists, emphasis,
 * links) and put each value in through a quoting helper that does not know
 * where it stands, so every helper must be safe in every place a template
 * uses it. Two tables of hostile strings prove it with a real Markdown parser
 * (markdown-it, CommonMark with GFM tables and strikethrough):
 *
 * 1. each helper in each template context (a table cell, a line of its own,
 *    a list item, emphasis, a heading, link text, a code span) leaves the
 *    context's structure as it is and reads back as exactly the value;
 * 2. a whole RUNBOOK.md compiled from a manifest with the string in every
 *    free-text field has the same structure (every token but the text) as
 *    with a harmless string, and engineer-written Markdown (instructions,
 *    verify) adds no heading, HTML, image or unsafe link.
 */

import { expect } from 'chai';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { compile } from '../../../compiler/compile.js';
import { mdBlock, mdCellCode, mdCode, mdLink, mdText } from '../../../compiler/emit/markdown.js';

const md = new MarkdownIt({ html: true, linkify: false });

/** Line breaks become spaces, as the one-line helpers flatten them. */
const flat = (s: string) => s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');

const HOSTILE: readonly string[] = [
    '|',
    'a | b | c',
    '\\|',
    '|---|---|',
    '# heading',
    '## 2.9 Fake step',
    '#',
    '`',
    '``a``',
    '`code` and `more`',
    '<b>bold</b>',
    '<script>alert(1)</script>',
    '<!-- comment',
    '<http://example.com>',
    '*x*',
    '**bold**',
    '_x_',
    '__x__',
    '~~gone~~',
    '[x](y)',
    '[x](javascript:alert(1))',
    '[ref]: http://example.com',
    '![img](http://example.com/p.png)',
    '&amp; &#124; &lt;',
    '\\',
    'ends with \\',
    'C:\\Program Files (x86)\\X\\',
    '---',
    '===',
    '***',
    '> quote',
    '1. item',
    '2) item',
    '- item',
    '+ item',
    '* item',
    '    indented code',
    '\tindented code',
    '```',
    '~~~',
    'line\nbreak',
    'line\r\n# heading',
    'line\n---',
    'para\n\n- list',
    'u\u2028v',
    'http://example.com',
    '$(Remove-Item C:\\) \' " ;',
];

interface Context {
    readonly name: string;
    /** The value in its place in template text. */
    readonly place: (value: string) => string;
    /** The structure the context must keep: token types, heading tags, link targets. */
    readonly structure: readonly string[];
    /** What the context shows of the value, from the parsed tokens. */
    readonly shown: (tokens: readonly Token[]) => string;
}

/** Every token, inline children included, with what makes the structure (not the text). */
function structure(tokens: readonly Token[]): string[] {
    const out: string[] = [];
    for (const token of tokens) {
        for (const t of [token, ...(token.children ?? [])]) {
            if (t.type === 'text' || t.type === 'inline') {
                continue;
            }
            const detail = t.type === 'link_open' ? `:${t.attrGet('href')}` : t.type.startsWith('html') ? `:${t.content}` : t.type === 'heading_open' ? `:${t.tag}` : '';
            out.push(`${t.type}${detail}`);
        }
    }
    return out;
}

/** The text and code of the inline tokens, in order. */
function inlineText(tokens: readonly Token[], which = 0): string {
    const inline = tokens.filter((t) => t.type === 'inline')[which];
    return (inline?.children ?? []).map((t) => (t.type === 'code_inline' || t.type === 'text' ? t.content : '')).join('');
}

const TABLE = ['table_open', 'thead_open', 'tr_open', 'th_open', 'th_close', 'th_open', 'th_close', 'tr_close', 'thead_close', 'tbody_open', 'tr_open', 'td_open', 'td_close', 'td_open', 'td_close', 'tr_close', 'tbody_close', 'table_close'];

const CONTEXTS: readonly Context[] = [
    {
        name: 'a table cell (md-text)',
        place: (v) => `| Setting | Value |\n| --- | --- |\n| Operating system | ${mdText(v)} |\n`,
        structure: TABLE,
        shown: (tokens) => inlineText(tokens, 3),
    },
    {
        name: 'a table cell (md-cell-code)',
        place: (v) => `| Setting | Value |\n| --- | --- |\n| Computer name | ${mdCellCode(v)} |\n`,
        structure: TABLE.flatMap((t, i) => (i === 13 ? [t, 'code_inline'] : [t])),
        shown: (tokens) => inlineText(tokens, 3),
    },
    {
        name: 'a line of its own, between headings (md-text)',
        place: (v) => `# Runbook\n\n${mdText(v)}\n\n## Node\n`,
        structure: ['heading_open:h1', 'heading_close', 'paragraph_open', 'paragraph_close', 'heading_open:h2', 'heading_close'],
        shown: (tokens) => inlineText(tokens, 1),
    },
    {
        name: 'a list item (md-text)',
        place: (v) => `- **Where:** ${mdText(v)}\n- **Do:** nothing\n`,
        structure: ['bullet_list_open', 'list_item_open', 'paragraph_open', 'strong_open', 'strong_close', 'paragraph_close', 'list_item_close', 'list_item_open', 'paragraph_open', 'strong_open', 'strong_close', 'paragraph_close', 'list_item_close', 'bullet_list_close'],
        shown: (tokens) => inlineText(tokens, 0).replace(/^Where: /, ''),
    },
    {
        name: 'emphasis (md-text)',
        place: (v) => `_${mdText(v)}_\n`,
        structure: ['paragraph_open', 'em_open', 'em_close', 'paragraph_close'],
        shown: (tokens) => inlineText(tokens),
    },
    {
        name: 'a heading (md-text)',
        place: (v) => `### 2.1 ${mdText(v)}\n\nBody.\n`,
        structure: ['heading_open:h3', 'heading_close', 'paragraph_open', 'paragraph_close'],
        shown: (tokens) => inlineText(tokens).replace(/^2\.1 /, ''),
    },
    {
        name: 'link text (md-link)',
        place: (v) => `See ${mdLink(v, 'PLAN.md#step-1')}.\n`,
        structure: ['paragraph_open', 'link_open:PLAN.md#step-1', 'link_close', 'paragraph_close'],
        shown: (tokens) => inlineText(tokens).replace(/^See (.*)\.$/, '$1'),
    },
    {
        name: 'a code span in a sentence (md-code)',
        place: (v) => `Run ${mdCode(v)} as administrator.\n`,
        structure: ['paragraph_open', 'code_inline', 'paragraph_close'],
        shown: (tokens) => inlineText(tokens).replace(/^Run (.*) as administrator\.$/, '$1'),
    },
];

/** What a code span shows: CommonMark strips one space at each end when both ends have one. */
function codeReadings(value: string): string[] {
    const line = flat(value);
    return [line, line.replace(/^ (.*) $/s, '$1')];
}

describe('no manifest string breaks the runbook structure', () => {
    describe('each quoting helper in each template context', () => {
        for (const context of CONTEXTS) {
            describe(context.name, () => {
                for (const value of HOSTILE) {
                    it(`should keep the structure and show ${JSON.stringify(value)} as written`, () => {
                        const tokens = md.parse(context.place(value), {});
                        expect(structure(tokens)).to.deep.equal(context.structure);
                        const shown = context.shown(tokens);
                        if (context.name.includes('code)')) {
                            expect(codeReadings(value)).to.include(shown);
                        } else {
                            expect(shown).to.equal(flat(value));
                        }
                    });
                }
            });
        }
    });

    describe('a compiled RUNBOOK.md with the string in every free-text field', () => {
        function runbook(text: string, markdown: string): string {
            const manifest = {
                name: 'hostile',
                description: text,
                credentials: { Svc: { description: text, userName: 'CONTOSO\\svc' } },
                defaults: { allowPlainTextCredentials: true },
                nodes: [
                    {
                        name: 'SRV01',
                        description: text,
                        baseline: {
                            services: [{ name: 'Spooler', account: { credential: 'Svc' } }],
                            manualSteps: [{ id: 'step', title: text, instructions: [markdown, 'Then continue.'], verify: markdown }],
                        },
                    },
                ],
            };
            const result = compile({ fileName: 'site.json', bytes: Buffer.from(JSON.stringify(manifest)) });
            expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
            const file = result.files?.find((f) => f.path === 'SRV01/RUNBOOK.md');
            expect(file, 'SRV01/RUNBOOK.md').to.not.equal(undefined);
            return file!.bytes.toString('utf8');
        }

        const harmless = structure(md.parse(runbook('harmless', 'Harmless.'), {}));
        const templateHtml = harmless.filter((t) => t.startsWith('html'));
        const templateHeadings = md
            .parse(runbook('harmless', 'Harmless.'), {})
            .filter((t, i, all) => all[i - 1]?.type === 'heading_open')
            .map((t) => t.content);

        for (const value of HOSTILE) {
            it(`should keep every structure token of the runbook for ${JSON.stringify(value)} in the text fields`, () => {
                const text = runbook(value, 'Harmless.');
                expect(structure(md.parse(text, {}))).to.deep.equal(harmless);
                expect(text).to.contain(mdText(value));
            });

            it(`should add no heading, HTML, image or unsafe link for ${JSON.stringify(value)} in the instructions`, () => {
                const tokens = md.parse(runbook('harmless', `${value}\n${value}`), {});
                const found = structure(tokens);
                expect(found.filter((t) => t.startsWith('html'))).to.deep.equal(templateHtml);
                expect(found.filter((t) => t === 'image')).to.deep.equal([]);
                expect(found.filter((t) => t.startsWith('link_open:') && !/^link_open:(https?:|mailto:|PLAN\.md|#)/.test(t))).to.deep.equal([]);
                const headings = tokens.filter((t, i, all) => all[i - 1]?.type === 'heading_open').map((t) => t.content);
                expect(headings).to.deep.equal(templateHeadings);
                // mdBlock's own guarantee, checked on the helper too.
                expect(md.parse(mdBlock(value), {}).some((t) => t.type === 'heading_open' || t.type === 'html_block' || t.type === 'fence')).to.equal(false);
            });
        }
    });
});
