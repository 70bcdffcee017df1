/**
 * PowerShell quoting helpers: exact output tables, then property tests that
 * push hostile manifest text through every helper and check it with the
 * parse oracle (spec/helpers/ps-parse.ts): the output parses in a realistic
 * context, stays one literal / one comment, and reads back (by PowerShell's
 * quoting rules) as exactly the input.
 */

import { expect } from 'chai';
import fc from 'fast-check';
import type { Node } from 'web-tree-sitter';

import type { PsValue } from '../../../../compiler/dsc/block.js';
import {
    psArray,
    psBlockCommentText,
    psComment,
    psIdentifier,
    psString,
    psValue,
} from '../../../../compiler/emit/ps/quote.js';
import {
    assertParses,
    decodeSingleStringLiteral,
    decodeStringArrayLiteral,
    parsePowerShell,
} from '../../../helpers/ps-parse.js';

// ---------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------

/** Fragments that have broken PowerShell quoting somewhere, some time. */
const DANGEROUS = [
    "'", "''", '\u2018', '\u2019', '\u201A', '\u201B', // single-quote-characters (spec §2.3.5.2)
    '"', '""', '\u201C', '\u201D', '\u201E', // double-quote-characters
    '`', '`n', '`u{41}', '`e', '$', '$(', '$x', '${', '$env:X', '$([char]0x41)', '@(', '@{', '@"', "@'",
    '#', '#>', '<#', '##>', '#requires', '# SIG # Begin signature block', ']', '[', '}', '{', ')', ';', '|', '&', ',',
    '\r\n', '\n', '\r', '\0', '\t', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u2028', '\u2029',
    '\u202E', '\u2066', '\u200B', '\u00A0', '\uFEFF',
    'é', 'Ò', '中', 'ß', '😀', '\uD83D', '\uDE00', // non-ASCII, a surrogate pair, lone surrogates
    ' ', 'a', 'Get-Process', 'xRegistry', '-eq',
];

const fragment = fc.oneof(
    { arbitrary: fc.constantFrom(...DANGEROUS), weight: 6 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 3 }), weight: 2 },
    // single UTF-16 code units, so lone surrogates show up too
    { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), weight: 1 },
);

const manifestString = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);

const psValueArb: fc.Arbitrary<PsValue> = fc.oneof(
    manifestString.map((value): PsValue => ({ kind: 'string', value })),
    fc.boolean().map((value): PsValue => ({ kind: 'bool', value })),
    fc.maxSafeInteger().map((value): PsValue => ({ kind: 'int', value })),
    fc.array(manifestString, { maxLength: 4 }).map((value): PsValue => ({ kind: 'stringArray', value })),
    fc
        .array(fc.tuple(identifier, manifestString), { maxLength: 3 })
        .map((refs): PsValue => ({ kind: 'dependsOn', value: refs.map(([t, n]) => `[${t}]${n}`) })),
    // the `Cred` prefix keeps clear of reserved variable names (tested separately)
    identifier.map((p): PsValue => ({ kind: 'credential', parameter: 'Cred' + p })),
);

/** XPRC_FC_RUNS=20000 for a long soak; the default keeps the whole file under ~5 s. */
const RUNS = { numRuns: Number(process.env['XPRC_FC_RUNS'] ?? 300) };

/** about_Reserved_Words plus the DSC/workflow keywords: identifiers that must not be used bare. */
const KEYWORDS = [
    'assembly', 'base', 'begin', 'break', 'catch', 'class', 'command', 'configuration', 'continue', 'data',
    'define', 'do', 'dynamicparam', 'else', 'elseif', 'end', 'enum', 'exit', 'filter', 'finally', 'for',
    'foreach', 'from', 'function', 'hidden', 'if', 'in', 'inlinescript', 'interface', 'module', 'namespace',
    'node', 'parallel', 'param', 'private', 'process', 'public', 'return', 'sequence', 'static', 'switch',
    'throw', 'trap', 'try', 'type', 'until', 'using', 'var', 'while', 'workflow',
];

// ---------------------------------------------------------------------------
// Contexts and tree utilities
// ---------------------------------------------------------------------------

/** A DSC configuration as xprc lays it out, with `name` and `value` already rendered. */
function dscResource(nameLit: string, valueLit: string, comment = ''): string {
    return [
        'Configuration C',
        '{',
        "    Node 'n'",
        '    {',
        `        xRegistry ${nameLit}`,
        '        {',
        ...(comment === '' ? [] : [`            ${comment}`]),
        "            Key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\X'",
        `            ValueData = ${valueLit}`,
        "            Ensure = 'Present'",
        '        }',
        '    }',
        '}',
        '',
    ].join('\n');
}

function descendants(node: Node, type: string): Node[] {
    return node.descendantsOfType(type).filter((n): n is Node => n !== null);
}

/** Arguments of a command node, without the separators. */
function commandArguments(command: Node): Node[] {
    const elements = command.childForFieldName('command_elements');
    return (elements?.namedChildren ?? []).filter((n): n is Node => n !== null && n.type !== 'command_argument_sep');
}

function commandsByName(root: Node): Map<string, Node[]> {
    const map = new Map<string, Node[]>();
    for (const command of descendants(root, 'command')) {
        const name = command.childForFieldName('command_name')?.text ?? '';
        map.set(name, [...(map.get(name) ?? []), command]);
    }
    return map;
}

/**
 * Checks that in the DSC context the grammar sees exactly the commands of the
 * template (nothing injected) and that the name and value each stay one
 * argument node with exactly the rendered text.
 */
async function assertDscContext(nameLit: string, valueLit: string): Promise<void> {
    const source = dscResource(nameLit, valueLit);
    await assertParses(source, 'DSC context');
    const result = await parsePowerShell(source);
    try {
        const names = descendants(result.root, 'command_name').map((n) => n.text);
        expect(names).to.deep.equal(['Configuration', 'Node', 'xRegistry', 'Key', 'ValueData', 'Ensure']);
        const commands = commandsByName(result.root);
        const [resource] = commands.get('xRegistry') ?? [];
        expect(commandArguments(resource as Node).map((n) => n.text)).to.deep.equal([nameLit]);
        const [valueData] = commands.get('ValueData') ?? [];
        expect(commandArguments(valueData as Node).map((n) => n.text)).to.deep.equal(['=', valueLit]);
    } finally {
        result.dispose();
    }
}

/** Texts of all leaves that are not inside a comment, in source order. */
function codeLeaves(node: Node, out: string[] = []): string[] {
    if (node.type === 'comment') return out;
    if (node.childCount === 0) out.push(node.text);
    for (const child of node.children) if (child) codeLeaves(child, out);
    return out;
}

/**
 * Parses `source` and checks that it holds exactly one comment with the text
 * `expectedComment`, and that everything outside that comment is the same
 * (same tree shape, same leaves) as in `reference`.
 */
async function assertCommentIsolated(source: string, expectedComment: string, reference: string): Promise<void> {
    await assertParses(source, 'comment context');
    const [actual, ref] = [await parsePowerShell(source), await parsePowerShell(reference)];
    try {
        expect(descendants(actual.root, 'comment').map((n) => n.text)).to.deep.equal([expectedComment]);
        expect(actual.root.toString()).to.equal(ref.root.toString());
        expect(codeLeaves(actual.root)).to.deep.equal(codeLeaves(ref.root));
    } finally {
        actual.dispose();
        ref.dispose();
    }
}

/** Raw characters no emitted literal may contain (controls, line breaks, bidi, BOM, lone surrogates). */
const RAW_UNSAFE =
    /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

describe('emit/ps/quote', () => {
    describe('psString', () => {
        const table: [string, string, string][] = [
            ['empty', '', "''"],
            ['plain', 'abc', "'abc'"],
            ['ASCII quote doubled', "it's", "'it''s'"],
            ['only quotes', "''", "''''''"],
            // spec §2.3.5.2: U+2018..U+201B are single-quote-characters too
            ['typographic single quotes doubled', 'a\u2018b\u2019c\u201Ad\u201Be', "'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'"],
            // nothing but single quotes is special in a verbatim string (about_Quoting_Rules)
            ['expansion syntax stays literal', '$(Get-Date) $x ${y} @(1) `n', "'$(Get-Date) $x ${y} @(1) `n'"],
            ['double quotes stay literal', '"q" \u201Cq\u201D \u201E', "'\"q\" \u201Cq\u201D \u201E'"],
            ['comment and statement syntax stays literal', '#> <# ] } ; | &', "'#> <# ] } ; | &'"],
            ['non-ASCII verbatim', 'é 中 😀 Ò', "'é 中 😀 Ò'"],
            ['NBSP and ZWSP verbatim', 'a\u00A0b\u200Bc', "'a\u00A0b\u200Bc'"],
            ['LF → expandable', 'a\nb', '"a`nb"'],
            ['CRLF', '\r\n', '"`r`n"'],
            ['TAB', 'a\tb', '"a`tb"'],
            ['NUL', '\0', '"`0"'],
            ['BEL BS FF VT', '\u0007\u0008\u000C\u000B', '"`a`b`f`v"'],
            // no `e in 5.1
            ['ESC as [char] subexpression', '\u001B[0m', '"$([char]0x1B)[0m"'],
            ['unit separator', '\u001F', '"$([char]0x1F)"'],
            ['DEL', '\u007F', '"$([char]0x7F)"'],
            ['NEL', 'a\u0085b', '"a$([char]0x85)b"'],
            ['LINE SEPARATOR', '\u2028', '"$([char]0x2028)"'],
            ['PARAGRAPH SEPARATOR', '\u2029', '"$([char]0x2029)"'],
            ['RLO (Trojan Source)', 'a\u202Eb', '"a$([char]0x202E)b"'],
            ['BOM', '\uFEFF', '"$([char]0xFEFF)"'],
            ['lone high surrogate', '\uD800', '"$([char]0xD800)"'],
            ['lone low surrogate', 'x\uDC00', '"x$([char]0xDC00)"'],
            ['pair kept in expandable form', '😀\n', '"😀`n"'],
            [
                'expandable form escapes ` $ " “ ” „ (and #) only',
                "it's\n$x `y \"z\" \u201Cw\u201D \u201Ev \u2019",
                "\"it's`n`$x ``y `\"z`\" `\u201Cw`\u201D `\u201Ev \u2019\"",
            ],
            ['subexpression text in expandable form', '$([char]0x41)\n', '"`$([char]0x41)`n"'],
            // `# only for the grammar oracle / editors (see ps-parse.ts misreading 8)
            ['# escaped in expandable form', 'a\n#b #>', '"a`n`#b `#>"'],
        ];
        for (const [label, input, expected] of table) {
            it(`${label}: ${JSON.stringify(input)}`, async () => {
                expect(psString(input)).to.equal(expected);
                expect(await decodeSingleStringLiteral(expected)).to.equal(input);
            });
        }
    });

    describe('psArray', () => {
        it('empty', () => expect(psArray([])).to.equal('@()'));
        it('one element stays an explicit array', () => expect(psArray(['x'])).to.equal("@('x')"));
        it('mixed forms', () => {
            expect(psArray(['a', "b'c", 'd\ne'])).to.equal("@('a', 'b''c', \"d`ne\")");
        });
    });

    describe('psValue', () => {
        const table: [string, PsValue, string][] = [
            ['string', { kind: 'string', value: "O'Brien" }, "'O''Brien'"],
            ['true', { kind: 'bool', value: true }, '$true'],
            ['false', { kind: 'bool', value: false }, '$false'],
            ['zero', { kind: 'int', value: 0 }, '0'],
            ['negative zero', { kind: 'int', value: -0 }, '0'],
            ['negative', { kind: 'int', value: -7 }, '-7'],
            ['uint32 max', { kind: 'int', value: 4294967295 }, '4294967295'],
            ['max safe integer', { kind: 'int', value: Number.MAX_SAFE_INTEGER }, '9007199254740991'],
            ['empty array', { kind: 'stringArray', value: [] }, '@()'],
            ['one-element array', { kind: 'stringArray', value: ['x'] }, "@('x')"],
            ['array', { kind: 'stringArray', value: ['x', 'y'] }, "@('x', 'y')"],
            ['credential', { kind: 'credential', parameter: 'DomainCred' }, '$DomainCred'],
            ['credential with underscore', { kind: 'credential', parameter: '_svc1' }, '$_svc1'],
            ['dependsOn single (always array form)', { kind: 'dependsOn', value: ['[xService]Foo'] }, "@('[xService]Foo')"],
            [
                'dependsOn several, quoted per item',
                { kind: 'dependsOn', value: ['[xService]Foo', "[xRegistry]It's"] },
                "@('[xService]Foo', '[xRegistry]It''s')",
            ],
        ];
        for (const [label, value, expected] of table) {
            it(label, () => expect(psValue(value)).to.equal(expected));
        }

        for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, -(2 ** 53)]) {
            it(`int ${bad} throws`, () => expect(() => psValue({ kind: 'int', value: bad })).to.throw(/not a safe integer/));
        }
        for (const bad of ['', '1a', 'a-b', 'a b', 'env:X', '{x}', 'a$', 'a)', 'é']) {
            it(`credential parameter ${JSON.stringify(bad)} throws`, () => {
                expect(() => psValue({ kind: 'credential', parameter: bad })).to.throw(/not a plain identifier/);
            });
        }
        for (const reserved of ['true', 'NULL', '_', 'PSItem', 'Node', 'AllNodes', 'ConfigurationData', 'args']) {
            it(`credential parameter ${reserved} (reserved variable) throws`, () => {
                expect(() => psValue({ kind: 'credential', parameter: reserved })).to.throw(/reserved/);
            });
        }
    });

    describe('psComment', () => {
        const table: [string, string, string][] = [
            ['empty', '', '#'],
            ['plain', 'from sites/a.json#/roles/0', '# from sites/a.json#/roles/0'],
            ['LF', 'a\nb', '# a b'],
            ['CRLF is one break', 'a\r\nb', '# a b'],
            // CR/LF are PowerShell's only new-line-characters (spec §2.2.2); the others are line breaks for editors
            ['CR NEL LS PS VT FF', 'a\rb\u0085c\u2028d\u2029e\u000Bf\u000Cg', '# a b c d e f g'],
            ['block comment delimiters', 'x #> y <# z <#>', '# x # > y < # z < # >'],
            ['controls, bidi, BOM, lone surrogate → U+FFFD', '\0\u001B\u202E\uFEFF\uD800', '# \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD'],
            ['TAB kept', 'a\tb', '# a\tb'],
            // `#requires` is only a directive when written without a space
            ['cannot form #requires', 'requires -Version 7', '# requires -Version 7'],
            ['cannot forge a signature block', 'SIG # Begin signature block', '# SIG - Begin signature block'],
            ['cannot forge a signature block end', 'x\n# sig # end signature block', '# x # sig - end signature block'],
            ['code stays text', "'; Remove-Item C:\\ -Recurse; '", "# '; Remove-Item C:\\ -Recurse; '"],
        ];
        for (const [label, input, expected] of table) {
            it(`${label}: ${JSON.stringify(input)}`, () => expect(psComment(input)).to.equal(expected));
        }
    });

    describe('psBlockCommentText', () => {
        const table: [string, string, string][] = [
            ['plain', 'Generated by xprc', 'Generated by xprc'],
            ['line breaks normalised to LF', 'a\r\nb\rc\u2028d\u2029e\u0085f', 'a\nb\nc\nd\ne\nf'],
            ['#> defused', 'x #> Remove-Item', 'x # > Remove-Item'],
            ['run of hashes', '##>', '## >'],
            ['<# defused', '<# x', '< # x'],
            ['<#> defused both ways', '<#>', '< # >'],
            ['trailing backtick gets a space', 'x`', 'x` '],
            ['controls → U+FFFD, TAB kept', '\0\t\u001B', '\uFFFD\t\uFFFD'],
            ['signature marker line defused', 'x\n# SIG # Begin signature block\ny', 'x\n# SIG - Begin signature block\ny'],
        ];
        for (const [label, input, expected] of table) {
            it(`${label}: ${JSON.stringify(input)}`, () => expect(psBlockCommentText(input)).to.equal(expected));
        }
        it('CRLF on request', () => expect(psBlockCommentText('a\nb\r\nc\rd', '\r\n')).to.equal('a\r\nb\r\nc\r\nd'));
    });

    describe('psIdentifier', () => {
        const table: [string, string][] = [
            ['Web01', 'Web01'],
            ['web server 01', 'web_server_01'],
            ['a--b..c', 'a_b_c'],
            ['a__b', 'a__b'],
            ['a _b', 'a__b'],
            ['01-web', '_01_web'],
            ['', '_'],
            ['é', '_'],
            ['😀a', '_a'],
            ['a$(x)', 'a_x_'],
            ["x'; y", 'x_y'],
            ['Node', '_Node'],
            ['if', '_if'],
            ['CONFIGURATION', '_CONFIGURATION'],
            ['_if', '_if'],
        ];
        for (const [input, expected] of table) {
            it(`${JSON.stringify(input)} → ${expected}`, () => expect(psIdentifier(input)).to.equal(expected));
        }
    });

    // -----------------------------------------------------------------------
    // Properties
    // -----------------------------------------------------------------------

    describe('properties', function () {
        this.timeout(60_000);

        it('psString: parses as one literal, in $x = … and in a DSC block, and reads back as the input', async () => {
            await fc.assert(
                fc.asyncProperty(manifestString, async (s) => {
                    const lit = psString(s);
                    expect(lit).not.to.match(RAW_UNSAFE);
                    expect(await decodeSingleStringLiteral(lit)).to.equal(s);
                    await assertDscContext(lit, lit);
                }),
                RUNS,
            );
        });

        it('psArray: parses as one array of literals and reads back as the input', async () => {
            await fc.assert(
                fc.asyncProperty(fc.array(manifestString, { maxLength: 5 }), async (items) => {
                    const lit = psArray(items);
                    expect(await decodeStringArrayLiteral(lit)).to.deep.equal(items);
                    await assertDscContext("'A'", lit);
                }),
                RUNS,
            );
        });

        it('psValue: every kind parses in a DSC block and means the input', async () => {
            await fc.assert(
                fc.asyncProperty(manifestString, psValueArb, async (name, v) => {
                    const lit = psValue(v);
                    await assertDscContext(psString(name), lit);
                    switch (v.kind) {
                        case 'string':
                            expect(await decodeSingleStringLiteral(lit)).to.equal(v.value);
                            break;
                        case 'stringArray':
                        case 'dependsOn':
                            expect(await decodeStringArrayLiteral(lit)).to.deep.equal(v.value);
                            break;
                        case 'bool':
                            expect(lit).to.equal(v.value ? '$true' : '$false');
                            break;
                        case 'int':
                            expect(lit).to.match(/^-?[0-9]+$/);
                            expect(Number(lit)).to.equal(v.value);
                            break;
                        case 'credential':
                            expect(lit).to.equal('$' + v.parameter);
                            break;
                    }
                }),
                RUNS,
            );
        });

        it('psComment: one comment line, nothing else added, the next statement unchanged', async () => {
            const reference = dscResource("'A'", "'v'", '# x');
            await fc.assert(
                fc.asyncProperty(manifestString, async (text) => {
                    const comment = psComment(text);
                    // PowerShell ends a line comment only at CR or LF (spec §2.2.2, §2.2.3)
                    expect(comment).not.to.match(/[\r\n]/);
                    expect(comment).not.to.match(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/);
                    await assertCommentIsolated(dscResource("'A'", "'v'", comment), comment, reference);
                    await assertCommentIsolated(`$a = 1\n${comment}\n$y = 2\n`, comment, '$a = 1\n# x\n$y = 2\n');
                }),
                RUNS,
            );
        });

        it('psBlockCommentText: the block comment ends exactly at the caller’s #>, in loose and tight layouts', async () => {
            await fc.assert(
                fc.asyncProperty(manifestString, fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), async (text, eol) => {
                    const body = psBlockCommentText(text, eol);
                    for (const [open, close] of [[`<#${eol}`, `${eol}#>`], ['<#', '#>']] as const) {
                        const comment = open + body + close;
                        // PowerShell's tokenizer ends a block comment at the first `#>` after `<#`
                        expect(comment.indexOf('#>', 2)).to.equal(comment.length - 2);
                        expect(comment).not.to.match(/[\u0085\u2028\u2029]/);
                        await assertCommentIsolated(`${comment}${eol}$y = 2${eol}`, comment, `<# x #>${eol}$y = 2${eol}`);
                    }
                }),
                RUNS,
            );
        });

        it('psIdentifier: always a valid identifier, idempotent, identity on valid non-keyword identifiers', () => {
            fc.assert(
                fc.property(manifestString, (s) => {
                    const id = psIdentifier(s);
                    expect(id).to.match(/^[A-Za-z_][A-Za-z0-9_]*$/);
                    expect(psIdentifier(id)).to.equal(id);
                }),
                { numRuns: 1000 },
            );
            fc.assert(
                fc.property(fc.oneof(identifier, fc.constantFrom(...KEYWORDS)), (s) => {
                    expect(psIdentifier(s)).to.equal(KEYWORDS.includes(s.toLowerCase()) ? '_' + s : s);
                }),
                { numRuns: 1000 },
            );
        });
    });
});
