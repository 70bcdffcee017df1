/**
 * The editor-only parts of the schema files hold together: the Markdown
 * twins (`markdownDescription`, `markdownEnumDescriptions`) say exactly what
 * their plain texts say and are current; every enum's descriptions match its
 * values; and every constraint marked `x-checkedByRule` names a real rule
 * and is gone from the schemas the compiler validates with.
 */

import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { CHECKED_BY_RULE, compilerSchemas, loadSchemas } from '../../../compiler/frontend/schemas.js';
import { RULES } from '../../../compiler/rules/index.js';
import { syncMarkdownTwins, toMarkdown } from '../../../scripts/editor-help-lib.js';

const SCHEMA_DIR = new URL('../../../schemas/', import.meta.url);
const files = readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, SCHEMA_DIR), 'utf8') }));

type Schema = Record<string, unknown>;

/** Every object under `node` with the path to it (examples and snippets are data, not schemas). */
function objects(node: unknown, path: string, out: { path: string; schema: Schema }[] = []): { path: string; schema: Schema }[] {
    if (Array.isArray(node)) {
        node.forEach((item, i) => objects(item, `${path}/${i}`, out));
    } else if (node !== null && typeof node === 'object') {
        out.push({ path, schema: node as Schema });
        for (const [key, value] of Object.entries(node)) {
            if (key !== 'examples' && key !== 'default' && key !== 'defaultSnippets' && key !== 'enum' && key !== 'const') {
                objects(value, `${path}/${key}`, out);
            }
        }
    }
    return out;
}

const md = new MarkdownIt({ html: true, linkify: false });

/** What Markdown shows of a text: its text and code, in order, and the kinds of tokens it made. */
function rendered(markdown: string): { shown: string; kinds: string[] } {
    const tokens = md.parse(markdown, {});
    const inline = tokens.filter((t) => t.type === 'inline').flatMap((t) => t.children ?? []);
    return {
        shown: inline.map((t) => t.content).join(''),
        kinds: [...new Set([...tokens.map((t) => t.type), ...inline.map((t) => t.type)])].sort(),
    };
}

/** The plain text as a reader takes it: code spans without their backticks. */
function readable(plain: string): string {
    return plain.replace(/(`+)(.+?)\1(?!`)/g, (_m, _fence: string, code: string) => (code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '' ? code.slice(1, -1) : code));
}

describe('editor help in the schema files', () => {
    describe('Markdown twins', () => {
        for (const { name, text } of files) {
            it(`should be current in ${name} (npm run gen:types writes them)`, () => {
                expect(syncMarkdownTwins(text) === text, `schemas/${name}: run npm run gen:types`).to.equal(true);
            });
        }

        const twins = files.flatMap(({ name, text }) =>
            objects(JSON.parse(text), name).flatMap(({ path, schema }) => [
                ...(typeof schema['markdownDescription'] === 'string'
                    ? [{ where: `${path}/markdownDescription`, plain: schema['description'] as string, markdown: schema['markdownDescription'] }]
                    : []),
                ...((schema['markdownEnumDescriptions'] as string[] | undefined) ?? []).map((markdown, i) => ({
                    where: `${path}/markdownEnumDescriptions/${i}`,
                    plain: (schema['enumDescriptions'] as string[])[i]!,
                    markdown,
                })),
            ]),
        );

        it('should exist (one per description that shows code)', () => {
            const withCode = files.flatMap(({ name, text }) => objects(JSON.parse(text), name).filter(({ schema }) => typeof schema['description'] === 'string' && (schema['description'] as string).includes('`')));
            expect(twins.filter((t) => t.where.endsWith('/markdownDescription')).length).to.equal(withCode.length);
            expect(withCode.length).to.be.greaterThan(100);
        });

        it('should render as exactly their plain text, as one paragraph of text and code spans', () => {
            const wrong: string[] = [];
            for (const { where, plain, markdown } of twins) {
                const { shown, kinds } = rendered(markdown);
                const unexpected = kinds.filter((k) => !['paragraph_open', 'paragraph_close', 'inline', 'text', 'code_inline'].includes(k));
                if (shown !== readable(plain) || unexpected.length > 0) {
                    wrong.push(`${where}: ${JSON.stringify(shown)} ${unexpected.join(',')}`);
                }
            }
            expect(wrong).to.deep.equal([]);
        });
    });

    describe('toMarkdown', () => {
        const cases: readonly [string, string][] = [
            ['plain words', 'plain words'],
            ['the folder `out/<name>/`', 'the folder `out/<name>/`'],
            ['<NODE>_Config and `x`', '\\<NODE\\>\\_Config and `x`'],
            ['HKLM\\SOFTWARE, `D:\\Data`', 'HKLM\\\\SOFTWARE, `D:\\Data`'],
            ['*not bold* [not](a link) & ~x~', '\\*not bold\\* \\[not\\](a link) \\& \\~x\\~'],
            ['an unpaired ` backtick', 'an unpaired \\` backtick'],
            ['``a`b`` pairs with its own length', '``a`b`` pairs with its own length'],
            ['# not a heading', '\\# not a heading'],
            ['- not a list, `x`', '\\- not a list, `x`'],
            ['1. not a list either', '1\\. not a list either'],
        ];
        for (const [plain, markdown] of cases) {
            it(`should turn ${JSON.stringify(plain)} into ${JSON.stringify(markdown)}`, () => {
                expect(toMarkdown(plain)).to.equal(markdown);
                expect(rendered(markdown).shown).to.equal(readable(plain));
            });
        }
    });

    describe('syncMarkdownTwins', () => {
        const cases: readonly { what: string; before: string; after: string }[] = [
            {
                what: 'inserts the twin after a description followed by more properties, in its layout',
                before: '{\n  "description": "Use `x`.",\n  "type": "string"\n}\n',
                after: '{\n  "description": "Use `x`.",\n  "markdownDescription": "Use `x`.",\n  "type": "string"\n}\n',
            },
            {
                what: 'inserts the twin before a last description, leaving its line alone',
                before: '{\n  "type": "string",\n  "description": "Use `x` <here>."\n}\n',
                after: '{\n  "type": "string",\n  "markdownDescription": "Use `x` \\\\<here\\\\>.",\n  "description": "Use `x` <here>."\n}\n',
            },
            {
                what: 'inserts into a one-line object on its line',
                before: '{ "properties": { "a": { "description": "`a`", "type": "string" } } }',
                after: '{ "properties": { "a": { "description": "`a`", "markdownDescription": "`a`", "type": "string" } } }',
            },
            {
                what: 'brings a stale twin up to date',
                before: '{ "description": "`new`", "markdownDescription": "`old`" }',
                after: '{ "description": "`new`", "markdownDescription": "`new`" }',
            },
            {
                what: 'removes a twin whose plain text no longer shows code',
                before: '{\n  "description": "No code.",\n  "markdownDescription": "`old`",\n  "type": "string"\n}',
                after: '{\n  "description": "No code.",\n  "type": "string"\n}',
            },
            {
                what: 'adds enum twins one item per line when the plain list is',
                before: '{\n  "enum": ["a", "b"],\n  "enumDescriptions": [\n    "Plain.",\n    "With `code`."\n  ],\n  "type": "string"\n}',
                after: '{\n  "enum": ["a", "b"],\n  "enumDescriptions": [\n    "Plain.",\n    "With `code`."\n  ],\n  "markdownEnumDescriptions": [\n    "Plain.",\n    "With `code`."\n  ],\n  "type": "string"\n}',
            },
            {
                what: 'leaves data alone: examples, defaults, enum values and a property named description',
                before: '{ "examples": [{ "description": "`x`" }], "properties": { "description": { "type": "string" } } }',
                after: '{ "examples": [{ "description": "`x`" }], "properties": { "description": { "type": "string" } } }',
            },
        ];
        for (const { what, before, after } of cases) {
            it(`should: ${what}`, () => {
                expect(syncMarkdownTwins(before)).to.equal(after);
                expect(syncMarkdownTwins(after)).to.equal(after);
            });
        }
    });

    describe('enum descriptions', () => {
        const enums = files.flatMap(({ name, text }) => objects(JSON.parse(text), name).filter(({ schema }) => 'enumDescriptions' in schema));

        it('should describe every value of the enum they stand beside, one each', () => {
            const wrong = enums
                .filter(({ schema }) => !Array.isArray(schema['enum']) || (schema['enum'] as unknown[]).length !== (schema['enumDescriptions'] as unknown[]).length)
                .map(({ path }) => path);
            expect(wrong).to.deep.equal([]);
            expect(enums.length).to.be.greaterThan(40);
        });

        it('should be given for startupType, whose values the issue names', () => {
            const startupType = enums.find(({ path }) => path === 'baseline.schema.json/$defs/service/properties/startupType');
            expect(startupType?.schema['enumDescriptions']).to.have.length(3);
        });
    });

    describe('constraints a rule checks (x-checkedByRule)', () => {
        const marked = loadSchemas().flatMap((document) => objects(document, document.$id.replace(/^.*\//, '')).filter(({ schema }) => CHECKED_BY_RULE in schema));

        it('should name a rule of the compiler each', () => {
            const names = new Set(RULES.map((rule) => rule.name));
            expect(marked.map(({ schema }) => schema[CHECKED_BY_RULE]).filter((name) => !names.has(name as string))).to.deep.equal([]);
            expect(marked.map(({ schema }) => schema[CHECKED_BY_RULE])).to.include.members(['node-names', 'firewall-ports', 'xpr-server-name']);
        });

        it('should sit alone in an allOf entry, which the compiler drops', () => {
            for (const { path } of marked) {
                expect(path, path).to.match(/\/allOf\/\d+$/);
            }
            const left = compilerSchemas().flatMap((document) => objects(document, document.$id).filter(({ schema }) => CHECKED_BY_RULE in schema));
            expect(left).to.deep.equal([]);
        });

        it('should leave every other part of the schemas as the files have it', () => {
            const strip = (node: unknown): unknown =>
                JSON.parse(JSON.stringify(node), (key, value: unknown) =>
                    key === 'allOf' && Array.isArray(value) ? value.filter((entry) => !(entry && typeof entry === 'object' && CHECKED_BY_RULE in entry)) : value,
                );
            const normalise = (node: unknown) => JSON.stringify(strip(node)).replace(/,?"allOf":\[\]/g, '');
            expect(compilerSchemas().map(normalise)).to.deep.equal(loadSchemas().map(normalise));
        });
    });
});
