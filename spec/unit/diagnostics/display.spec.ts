/** compiler/diagnostics/display.ts: manifest text made safe for diagnostics, explain and diff. */

import { expect } from 'chai';
import { escapeJsonText, escapeUnsafe, MAX_QUOTED, quoteExcerpt } from '../../../compiler/diagnostics/display.js';
import { excerptOf } from '../../../compiler/cli/format.js';

describe('display escaping (compiler/diagnostics/display.ts)', () => {
    const cases: readonly [string, string, string][] = [
        ['ESC (clears the terminal)', 'a\u001b[2Jb', 'a\\u001b[2Jb'],
        ['CR LF (forges a line)', 'a\r\nb', 'a\\u000d\\u000ab'],
        ['NUL and DEL', '\u0000\u007f', '\\u0000\\u007f'],
        ['C1 CSI', '\u009b31m', '\\u009b31m'],
        ['bidi override, mark, isolate, BOM', '\u202e\u200e\u2066\ufeff', '\\u202e\\u200e\\u2066\\ufeff'],
        ['line and paragraph separators', '\u2028\u2029', '\\u2028\\u2029'],
        ['plain text, quotes, emoji', 'it’s "ok" 😀', 'it’s "ok" 😀'],
    ];
    for (const [title, input, expected] of cases) {
        it(`should escape ${title}`, () => expect(escapeUnsafe(input)).to.equal(expected));
    }

    it('should quote a long value as an excerpt that says its length', () => {
        const quoted = quoteExcerpt('x'.repeat(5000));
        expect(quoted).to.equal(`${'x'.repeat(MAX_QUOTED)}… (5000 characters)`);
    });

    it('should escape what JSON.stringify leaves raw, and keep the JSON the same value', () => {
        const value = { s: 'a\u202eb\u2028c\u0085' };
        const json = escapeJsonText(JSON.stringify(value, null, 2));
        expect(json).to.not.match(/[\u202e\u2028\u0085]/);
        expect(JSON.parse(json)).to.deep.equal(value);
    });

    it('should show a long source line as an excerpt around the position, with the caret under it', () => {
        const line = `${'a'.repeat(1000)}BAD${'b'.repeat(1000)}`;
        const shown = excerptOf(line, 1001, 1004);
        expect(shown.text.length).to.be.lessThan(130);
        expect(shown.text.slice(shown.caret, shown.caret + shown.width)).to.equal('BAD');
    });

    it('should keep the caret under the position when escapes widen the line', () => {
        const shown = excerptOf('\u001b\u001b"x"', 3, 6);
        expect(shown.text.slice(shown.caret, shown.caret + shown.width)).to.equal('"x"');
    });
});
