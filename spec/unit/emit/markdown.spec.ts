/**
 * Runbook quoting: a manifest value shown with mdText or mdCode must read
 * back as exactly that text from a real Markdown parser (markdown-it), with
 * no link, emphasis, HTML or heading made from it.
 */

import { expect } from 'chai';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { mdBlock, mdCode, mdText } from '../../../compiler/emit/markdown.js';

const md = new MarkdownIt({ html: true, linkify: false });

/** Flattened as the helpers flatten: line breaks become spaces. */
const flat = (s: string) => s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');

const hostile = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    {
        weight: 2,
        arbitrary: fc
            .array(fc.constantFrom('`', '``', '*', '_', '[', ']', '(', ')', '<b>', '</b>', '&amp;', '|', '#', '\\', '~', '!', ' ', 'x', '\n', '\r\n', '1.', '-'), { maxLength: 12 })
            .map((parts) => parts.join('')),
    },
);

function inlineTokens(text: string) {
    const tokens = md.parseInline(text, {})[0]?.children ?? [];
    return tokens;
}

describe('markdown quoting', () => {
    describe('mdText', () => {
        const cases: readonly [string, string][] = [
            ['plain', 'plain'],
            ['*bold* _it_', '\\*bold\\* \\_it\\_'],
            ['<b>x</b> & y', '\\<b\\>x\\</b\\> \\& y'],
            ['[link](http://x)', '\\[link\\](http://x)'],
            ['a\nb', 'a b'],
        ];
        for (const [input, expected] of cases) {
            it(`should escape ${JSON.stringify(input)}`, () => expect(mdText(input)).to.equal(expected));
        }

        it('should read back as exactly the text, as plain text tokens only', () => {
            fc.assert(
                fc.property(hostile, (s) => {
                    const tokens = inlineTokens(mdText(s));
                    const kinds = new Set(tokens.map((t) => t.type));
                    kinds.delete('text');
                    expect([...kinds], JSON.stringify(s)).to.deep.equal([]);
                    expect(tokens.map((t) => t.content).join(''), JSON.stringify(s)).to.equal(flat(s));
                }),
                { numRuns: 300 },
            );
        });
    });

    describe('mdCode', () => {
        const cases: readonly [string, string][] = [
            ['Install-Module', '`Install-Module`'],
            ['a`b', '``a`b``'],
            ['`edge`', '`` `edge` ``'],
            ['', '` `'],
        ];
        for (const [input, expected] of cases) {
            it(`should fence ${JSON.stringify(input)}`, () => expect(mdCode(input)).to.equal(expected));
        }

        it('should read back as one code span holding exactly the text', () => {
            fc.assert(
                fc.property(hostile.filter((s) => flat(s).trim() !== ''), (s) => {
                    const tokens = inlineTokens(mdCode(s));
                    expect(tokens.map((t) => t.type), JSON.stringify(s)).to.deep.equal(['code_inline']);
                    // CommonMark strips one space at each end when both ends have one; the helper adds them only around backticks.
                    const content = tokens[0]?.content ?? '';
                    expect([flat(s), flat(s).replace(/^ (.*) $/s, '$1')], JSON.stringify(s)).to.include(content);
                }),
                { numRuns: 300 },
            );
        });
    });

    describe('mdBlock', () => {
        it('should escape HTML outside code spans and leave code spans literal', () => {
            expect(mdBlock('Run `a && b <x>` then <b>stop</b> & go')).to.equal('Run `a && b <x>` then &lt;b>stop&lt;/b> &amp; go');
        });

        // Values holding backticks need longer fences, which mdBlock does not trust
        // (renderers pair them differently); those are shown escaped instead.
        it('should show a backtick-free value quoted with mdCode exactly, inside a block', () => {
            fc.assert(
                fc.property(hostile.filter((s) => flat(s).trim() !== '' && !s.includes('`') && !s.includes('[') && !s.includes('\\')), (s) => {
                    const tokens = md.parseInline(mdBlock(`Value: ${mdCode(s)}.`), {})[0]?.children ?? [];
                    const code = tokens.filter((t) => t.type === 'code_inline');
                    expect(code.length, JSON.stringify(s)).to.equal(1);
                    expect([flat(s), flat(s).replace(/^ (.*) $/s, '$1')], JSON.stringify(s)).to.include(code[0]?.content);
                }),
                { numRuns: 300 },
            );
        });

        it('should not let a line of - or = underline the text above into a heading (fast-check found "`\\n-")', () => {
            const types = md.parse(mdBlock('`\n-'), {}).map((t) => t.type);
            expect(types).to.not.include('heading_open');
            expect(mdBlock('Title\n===')).to.equal('Title\n\\===');
        });

        it('should keep Markdown formatting but never open a heading or raw HTML', () => {
            // Text around code spans made by mdCode, as product runbooks write it.
            const withCode = fc.tuple(hostile, hostile, hostile).map(([a, b, c]) => `${a} ${mdCode(b)} ${c}`);
            fc.assert(
                fc.property(fc.oneof(hostile, withCode), (s) => {
                    const tokens = md.parse(mdBlock(s), {});
                    const types = tokens.flatMap((t) => [t.type, ...(t.children ?? []).map((c) => c.type)]);
                    expect(types, JSON.stringify(s)).to.not.include('heading_open');
                    expect(types, JSON.stringify(s)).to.not.include('html_block');
                    expect(types, JSON.stringify(s)).to.not.include('html_inline');
                }),
                { numRuns: 3000 },
            );
        });
    });
});
