/**
 * Tests of the parse oracle itself (spec/helpers/ps-parse.ts): it must flag
 * broken PowerShell, accept valid PowerShell, decode literals by PowerShell's
 * rules and refuse anything that is not exactly one literal. The known
 * misreadings of tree-sitter-powershell are pinned here with their CURRENT
 * behaviour so that a grammar upgrade that changes them is noticed.
 */

import { expect } from 'chai';
import type { Node } from 'web-tree-sitter';

import { psString } from '../../../../compiler/emit/ps/quote.js';
import {
    blankDscAttributes,
    assertParses,
    decodeSingleStringLiteral,
    decodeStringArrayLiteral,
    parsePowerShell,
    scanPsStringLiteral,
    type ParseError,
} from '../../../helpers/ps-parse.js';

async function errorsOf(source: string): Promise<readonly ParseError[]> {
    const result = await parsePowerShell(source);
    try {
        return result.errors;
    } finally {
        result.dispose();
    }
}

/** Runs `check` on the parse tree of `source`, then frees it. */
async function withTree<T>(source: string, check: (root: Node) => T): Promise<T> {
    const result = await parsePowerShell(source);
    try {
        return check(result.root);
    } finally {
        result.dispose();
    }
}

async function rejects(promise: Promise<unknown>): Promise<Error> {
    try {
        await promise;
    } catch (e) {
        return e as Error;
    }
    throw new Error('expected a rejection');
}

function named(node: Node | null | undefined): Node[] {
    return (node?.namedChildren ?? []).filter((n): n is Node => n !== null);
}

const WRAPPERS = new Set([
    'pipeline', 'pipeline_chain', 'logical_expression', 'bitwise_expression', 'comparison_expression', 'additive_expression',
    'multiplicative_expression', 'format_expression', 'range_expression', 'array_literal_expression', 'unary_expression',
]);

/** Skips the single-child wrapper chain (pipeline → pipeline_chain → … → unary_expression). */
function innermost(node: Node | undefined): Node | undefined {
    let current = node;
    while (current && WRAPPERS.has(current.type) && current.namedChildCount === 1) current = named(current)[0];
    return current;
}

const DSC_NEXT_LINE = [
    'Configuration C',
    '{',
    "    Node 'n'",
    '    {',
    "        xRegistry 'A'",
    '        {',
    "            ValueData = 'v'",
    '        }',
    '    }',
    '}',
    '',
].join('\n');

const DSC_SAME_LINE = [
    'Configuration C {',
    "    Node 'n' {",
    "        xRegistry 'A' {",
    "            ValueData = 'v'",
    '        }',
    '    }',
    '}',
    '',
].join('\n');

function dscWithNode(nodeLine: string, body = "        xRegistry 'A'\n        {\n            ValueData = 'v'\n        }"): string {
    return ['Configuration C', '{', `    ${nodeLine}`, '    {', body, '    }', '}', ''].join('\n');
}

describe('parse oracle (spec/helpers/ps-parse.ts)', () => {
    describe('accepts valid PowerShell', () => {
        const valid: [string, string][] = [
            ['assignment', "$x = 'a'\n"],
            ['DSC, braces on the next line', DSC_NEXT_LINE],
            ['DSC, braces on the same line', DSC_SAME_LINE],
            ['parenthesised Node expression', dscWithNode("Node ($AllNodes.Where({ $_.Role -eq 'x' }).NodeName)")],
            ['line and block comments', "# c\n<# block\n  comment #>\n$x = @('a', \"b`n$([char]0x1B)\")\n"],
            ['empty if block', 'if ($a) { }\n'],
        ];
        for (const [label, source] of valid) {
            it(label, async () => {
                expect(await errorsOf(source)).to.deep.equal([]);
                await assertParses(source, label);
            });
        }
    });

    describe('flags broken PowerShell', () => {
        const broken: [string, string, Partial<ParseError>][] = [
            ['unclosed {', "Configuration C\n{\n    Node 'n'\n    {\n", { kind: 'ERROR', line: 2, column: 1 }],
            ['unclosed if block', 'if ($x) {\n$c = 3\n', { kind: 'MISSING', line: 2, column: 7, text: '}' }],
            ["'unterminated", "$x = 'unterminated\n$y = 1\n", { kind: 'ERROR', line: 1 }],
            ['"unterminated', '$x = "unterminated\n', { kind: 'ERROR', line: 1 }],
            ['stray }', "$x = 'a'}\n", { kind: 'ERROR', line: 1, column: 9 }],
            ['dangling comma', "$x = @('a', )\n", { kind: 'ERROR', line: 1 }],
            ['two literals in a row', "$x = 'a' 'b'\n", { kind: 'ERROR' }],
        ];
        for (const [label, source, first] of broken) {
            it(label, async () => {
                const errors = await errorsOf(source);
                expect(errors).to.not.be.empty;
                expect(errors[0]).to.include(first);
            });
        }

        it('assertParses throws with the label, the position and a marked excerpt', async () => {
            const error = await rejects(assertParses('$a = 1\n$b = 2\nif ($x) {\n$c = 3\n', 'demo'));
            expect(error.message).to.contain('demo: 1 parse error(s); first MISSING at 4:7');
            expect(error.message).to.contain('   3 | if ($x) {');
            expect(error.message).to.match(/\n {3}4 \| \$c = 3\n {13}\^ MISSING "}"/);
        });

        it('assertParses shows invisible characters in the excerpt', async () => {
            const error = await rejects(assertParses("$x = 'a'\u001B}\n", 'esc'));
            expect(error.message).to.contain("$x = 'a'\\u{1b}}");
        });
    });

    describe('known misreadings of tree-sitter-powershell (current behaviour)', () => {
        it('1. DSC keywords are plain commands; a next-line { is a separate statement', async () => {
            await withTree(DSC_NEXT_LINE, (root) => {
                const statements = named(named(root)[0]);
                expect(statements.map((s) => innermost(s)?.type)).to.deep.equal(['command', 'script_block_expression']);
                const command = innermost(statements[0]) as Node;
                expect(command.childForFieldName('command_name')?.text).to.equal('Configuration');
            });
            await withTree(DSC_SAME_LINE, (root) => {
                const statements = named(named(root)[0]);
                expect(statements).to.have.length(1);
                const command = innermost(statements[0]) as Node;
                const args = named(command.childForFieldName('command_elements')).filter((n) => n.type !== 'command_argument_sep');
                expect(args.map((a) => innermost(a)?.type)).to.deep.equal(['generic_token', 'script_block_expression']);
            });
        });

        it('2. a resource property is a command with arguments `=` and the value (argument mode)', async () => {
            await withTree(DSC_NEXT_LINE, (root) => {
                const command = root
                    .descendantsOfType('command')
                    .find((c) => c?.childForFieldName('command_name')?.text === 'ValueData');
                const args = named(command?.childForFieldName('command_elements')).filter((n) => n.type !== 'command_argument_sep');
                expect(args.map((a) => [innermost(a)?.type, a.text])).to.deep.equal([
                    ['generic_token', '='],
                    ['string_literal', "'v'"],
                ]);
            });
        });

        it('3. unparenthesised Node $AllNodes.Where({...}).NodeName gives ERROR at .NodeName; parenthesised is clean', async () => {
            const errors = await errorsOf(dscWithNode("Node $AllNodes.Where({ $_.Role -eq 'x' }).NodeName"));
            expect(errors).to.deep.equal([{ kind: 'ERROR', line: 3, column: 46, text: '.NodeName' }]);
            expect(await errorsOf(dscWithNode("Node ($AllNodes.Where({ $_.Role -eq 'x' }).NodeName)"))).to.deep.equal([]);
        });

        it('4. an empty script block { } gives MISSING ";", an empty if block does not', async () => {
            expect(await errorsOf(dscWithNode("Node 'n'", ''))).to.deep.equal([{ kind: 'MISSING', line: 4, column: 6, text: ';' }]);
            expect(await errorsOf('$x = { }\n')).to.deep.equal([{ kind: 'MISSING', line: 1, column: 7, text: ';' }]);
            expect(await errorsOf('$x = {}\n')).to.deep.equal([{ kind: 'MISSING', line: 1, column: 7, text: ';' }]);
            expect(await errorsOf('if ($a) { }\n')).to.deep.equal([]);
        });

        it('5. typographic quotes are plain text to the grammar (but string delimiters to PowerShell)', async () => {
            // `'a’b'` is `'a’` followed by `b'` for PowerShell: an injection the grammar can't see ...
            expect(await errorsOf("$x = 'a\u2019b'\n")).to.deep.equal([]);
            // ... but the PowerShell-rules scanner can
            const error = await rejects(decodeSingleStringLiteral("'a\u2019b'"));
            expect(error.message).to.contain('literal ends at 3');
        });

        it('6. a backtick before #> keeps a block comment open for the grammar (PowerShell closes it)', async () => {
            expect(await errorsOf('<# a `#> $y = 1\n')).to.have.length(1);
            await withTree('<# a #> $y = 1\n', (root) => {
                expect(named(root).map((n) => n.type)).to.deep.equal(['comment', 'statement_list']);
            });
        });

        it('7. PowerShell 6+ escapes `e and `u{} parse; the decoder rejects them', async () => {
            expect(await errorsOf('$x = "`e"\n')).to.deep.equal([]);
            expect(await errorsOf('$x = "`u{1F}"\n')).to.deep.equal([]);
            expect((await rejects(decodeSingleStringLiteral('"`e"'))).message).to.contain('6+');
            expect((await rejects(decodeSingleStringLiteral('"`u{1F}"'))).message).to.contain('6+');
        });

        it('8. # after an escape or subexpression in an expandable string starts a comment; `# does not', async () => {
            for (const bad of ['$x = "`v##>"\n', '$x = "`n #x"\n', '$x = "$([char]0x1B)#x"\n']) {
                expect(await errorsOf(bad), bad).to.have.length(1);
            }
            // every `#` needs the backtick: in `# followed by #> the second # is at a token boundary again
            expect(await errorsOf('$x = "`v`##>"\n')).to.have.length(1);
            for (const good of ['$x = "`v`#`#>"\n', '$x = "`n `#x"\n', '$x = "$([char]0x1B)`#x"\n', '$x = "#a"\n', '$x = "a#"\n']) {
                expect(await errorsOf(good), good).to.deep.equal([]);
            }
        });
        it('9. an attribute before Configuration ([DscLocalConfigurationManager()]) gives ERROR; the parse oracle blanks it', async () => {
            const meta = "[DscLocalConfigurationManager()]\nConfiguration M\n{\n    Node 'n'\n    {\n        Settings\n        {\n            RefreshMode = 'Pull'\n        }\n    }\n}\n";
            expect(await errorsOf(meta)).to.have.length(1);
            expect(await errorsOf(blankDscAttributes(meta))).to.deep.equal([]);
            expect(blankDscAttributes(meta).split('\n')[1]).to.equal('Configuration M');
        });
    });

    describe('scanPsStringLiteral (PowerShell quoting rules)', () => {
        const table: [string, string, string][] = [
            ['empty verbatim', "''", ''],
            ["'' is one '", "'a''b'", "a'b"],
            ['typographic pair', "'a\u2019\u2019b'", 'a\u2019b'],
            // the tokenizer keeps the SECOND character of a quote pair
            ['mixed pair keeps the second', "'a\u2019\u2018b'", 'a\u2018b'],
            ['typographic opening and closing quotes', '\u2018a\u2019', 'a'],
            ['verbatim is verbatim', "'$x `n'", '$x `n'],
            ['"" is one "', '"a""b"', 'a"b'],
            ['5.1 escapes', '"`0`a`b`f`n`r`t`v"', '\0\u0007\b\f\n\r\t\u000B'],
            ['other backticked characters are literal', '"`$x ``q `" `# `\u201C"', '$x `q " # \u201C'],
            ['[char] subexpressions', '"$([char]0x1B)$([char]0x2028)"', '\u001B\u2028'],
            ['typographic double-quote pair', '"a\u201C\u201Db"', 'a\u201Db'],
        ];
        for (const [label, literal, value] of table) {
            it(label, () => expect(scanPsStringLiteral(literal, 0)).to.deep.equal({ value, end: literal.length }));
        }

        it('stops at the first unpaired quote character of either kind', () => {
            expect(scanPsStringLiteral("'a\u201Bb'", 0)).to.deep.equal({ value: 'a', end: 3 });
            expect(scanPsStringLiteral('"a\u201Eb"', 0)).to.deep.equal({ value: 'a', end: 3 });
        });

        for (const bad of ["'open", '"open', '"`', 'x', '"$x"', '"$(whoami)"', '"$([char]0x1b)"', '"$([char]27)"', '"${x}"', '"a$"']) {
            it(`rejects ${JSON.stringify(bad)}`, () => expect(() => scanPsStringLiteral(bad, 0)).to.throw());
        }
    });

    describe('decodeSingleStringLiteral', () => {
        it('decodes what psString writes', async () => {
            for (const s of ['', "it's", 'a\u2019b', '$(x) `n "q"', 'a\nb\u001B\uD800 #> ']) {
                expect(await decodeSingleStringLiteral(psString(s))).to.equal(s);
            }
        });

        const injections: [string, string][] = [
            ['variable in expandable string', '"$x"'],
            ['braced variable', '"${x}"'],
            ['scoped variable', '"$env:USERNAME"'],
            ['subexpression', '"$(whoami)"'],
            ['subexpression that starts like the [char] pattern', '"$([char]0x1B; whoami)"'],
            ['[char] pattern in another spelling', '"$([char]27)"'],
            ['concatenation', "'a' + 'b'"],
            ['second statement', "'a'; 'b'"],
            ['trailing comment', "'a' # c"],
            ['variable', '$y'],
            ['number', '42'],
            ['array', "@('a')"],
            ['typographic quote closes the literal', "'a\u2019b'"],
            ['typographic double quote closes the literal', '"a\u201Cb"'],
            ['unterminated', "'a"],
            ['stray quote', "'a'b'"],
            ['here-string', "@'\nx\n'@"],
        ];
        for (const [label, expr] of injections) {
            it(`rejects ${label}: ${JSON.stringify(expr)}`, async () => {
                await rejects(decodeSingleStringLiteral(expr));
            });
        }

        it('catches a quoter that forgets the typographic quotes (the test can fail)', async () => {
            const naive = (s: string): string => `'${s.replace(/'/g, "''")}'`;
            const payload = 'x\u2019; Remove-Item C:\\ -Recurse; \u2019';
            await rejects(decodeSingleStringLiteral(naive(payload)));
            expect(await decodeSingleStringLiteral(psString(payload))).to.equal(payload);
        });
    });

    describe('decodeStringArrayLiteral', () => {
        const table: [string, string[]][] = [
            ['@()', []],
            ["@('a')", ['a']],
            ["@('a', \"b`n\")", ['a', 'b\n']],
            ["@( 'a' , 'b' )", ['a', 'b']],
        ];
        for (const [expr, values] of table) {
            it(`decodes ${expr}`, async () => expect(await decodeStringArrayLiteral(expr)).to.deep.equal(values));
        }

        for (const bad of ["@('a', $x)", "@('a') + @('b')", "@('a'; 'b')", "@('a'\n'b')", "@('a', @('b'))", "'a'", "@('a', \"$(x)\")", "@('a\u2019, 'b')"]) {
            it(`rejects ${JSON.stringify(bad)}`, async () => {
                await rejects(decodeStringArrayLiteral(bad));
            });
        }
    });
});
