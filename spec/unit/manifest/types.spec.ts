import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { Project, ScriptTarget } from 'ts-morph';
import { GENERATED_HEADER, generateManifestTypes } from '../../../scripts/gen-types-lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const GENERATED = 'compiler/manifest/types.generated.ts';

/** Schema files by path relative to the fixture folder. */
type Fixture = Readonly<Record<string, unknown>>;

const tempDirs: string[] = [];

function writeFixture(files: Fixture): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'xprc-gen-types-'));
    tempDirs.push(dir);
    for (const [name, schema] of Object.entries(files)) {
        const file = path.join(dir, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(schema, null, 2));
    }
    return dir;
}

function generate(files: Fixture): string {
    return generateManifestTypes(writeFixture(files));
}

/** The whole generated file for the given declarations. */
function file(declarations: string): string {
    return `${GENERATED_HEADER}\n\n${declarations}`;
}

/** A root schema with the given properties. */
function site(properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { title: 'Site', type: 'object', additionalProperties: false, properties, ...extra };
}

/** Compiler diagnostics of a generated file, checked on its own under strict settings. */
let checker: Project | undefined;
function typeErrors(text: string): string[] {
    checker ??= new Project({
        useInMemoryFileSystem: true,
        compilerOptions: { strict: true, noEmit: true, target: ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'] },
    });
    const source = checker.createSourceFile('types.generated.ts', text, { overwrite: true });
    return source.getPreEmitDiagnostics().map((diagnostic) => {
        const message = diagnostic.getMessageText();
        return `${diagnostic.getLineNumber() ?? '?'}: ${typeof message === 'string' ? message : message.getMessageText()}`;
    });
}

after(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('manifest types (scripts/gen-types.ts)', () => {
    it('compiler/manifest/types.generated.ts is up to date with schemas/', () => {
        const expected = generateManifestTypes(path.join(ROOT, 'schemas'));
        const actual = readFileSync(path.join(ROOT, GENERATED), 'utf8');
        expect(actual, `${GENERATED} is stale: run \`npm run gen:types\``).to.equal(expected);
    });

    it('is deterministic, LF-only and ends with one newline', () => {
        const first = generateManifestTypes(path.join(ROOT, 'schemas'));
        expect(generateManifestTypes(path.join(ROOT, 'schemas'))).to.equal(first);
        expect(first).not.to.include('\r');
        expect(first.endsWith('}\n') || first.endsWith(';\n')).to.equal(true);
        expect(first.endsWith('\n\n')).to.equal(false);
        expect(first).not.to.match(/\t| +\n/);
        expect(first.startsWith(`${GENERATED_HEADER}\n`)).to.equal(true);
    });

    interface Case {
        readonly name: string;
        readonly files: Fixture;
        readonly expected: string;
    }

    const cases: readonly Case[] = [
        {
            name: 'root object: interface Site, readonly members in schema order, optional unless required, quoted $schema',
            files: {
                'site.schema.json': site(
                    {
                        $schema: { type: 'string' },
                        name: { type: 'string' },
                        count: { type: 'integer' },
                        enabled: { type: 'boolean' },
                        ratio: { type: 'number' },
                        nothing: { type: 'null' },
                        'kebab-name': { type: 'string' },
                    },
                    { required: ['name', 'count'] },
                ),
            },
            expected: file(
                [
                    'export interface Site {',
                    "    readonly '$schema'?: string;",
                    '    readonly name: string;',
                    '    readonly count: number;',
                    '    readonly enabled?: boolean;',
                    '    readonly ratio?: number;',
                    '    readonly nothing?: null;',
                    "    readonly 'kebab-name'?: string;",
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'root without a title is named Site',
            files: { 'site.schema.json': { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } } },
            expected: file(['export interface Site {', '    readonly a?: string;', '}', ''].join('\n')),
        },
        {
            name: 'JSDoc: description plus @default; default only; multi-line; */ escaped',
            files: {
                'site.schema.json': site({
                    a: { description: 'The a.', type: 'string', default: 'x' },
                    b: { type: 'array', items: { type: 'string' }, default: ['p', 'q'] },
                    c: { description: 'Line one.\nLine two with */ inside.', type: 'object', default: { k: 1 }, additionalProperties: false },
                    d: { description: 'Just a description.', type: 'boolean' },
                }),
            },
            expected: file(
                [
                    'export interface Site {',
                    '    /**',
                    '     * The a.',
                    '     * @default "x"',
                    '     */',
                    '    readonly a?: string;',
                    '    /** @default ["p","q"] */',
                    '    readonly b?: readonly string[];',
                    '    /**',
                    '     * Line one.',
                    '     * Line two with *\\/ inside.',
                    '     * @default {"k":1}',
                    '     */',
                    '    readonly c?: Readonly<Record<string, never>>;',
                    '    /** Just a description. */',
                    '    readonly d?: boolean;',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'titled schemas become named exports sorted by name; untitled ones are inlined',
            files: {
                'site.schema.json': site(
                    {
                        zed: { title: 'Zed', description: 'A titled inline schema.', type: 'string' },
                        inner: {
                            description: 'Untitled object: inlined.',
                            type: 'object',
                            additionalProperties: false,
                            required: ['x'],
                            properties: {
                                x: { description: 'The x.', type: 'integer', default: 1 },
                                y: { type: 'object', additionalProperties: false, properties: { z: { type: 'string' } } },
                            },
                        },
                        alpha: { $ref: '#/$defs/alpha' },
                        inlined: { $ref: '#/$defs/untitled' },
                    },
                    {
                        $defs: {
                            alpha: { title: 'Alpha', description: 'A titled $defs entry.', type: 'integer' },
                            untitled: { type: 'array', items: { type: 'boolean' } },
                        },
                    },
                ),
            },
            expected: file(
                [
                    '/** A titled $defs entry. */',
                    'export type Alpha = number;',
                    '',
                    'export interface Site {',
                    '    /** A titled inline schema. */',
                    '    readonly zed?: Zed;',
                    '    /** Untitled object: inlined. */',
                    '    readonly inner?: {',
                    '        /**',
                    '         * The x.',
                    '         * @default 1',
                    '         */',
                    '        readonly x: number;',
                    '        readonly y?: {',
                    '            readonly z?: string;',
                    '        };',
                    '    };',
                    '    /** A titled $defs entry. */',
                    '    readonly alpha?: Alpha;',
                    '    readonly inlined?: readonly boolean[];',
                    '}',
                    '',
                    '/** A titled inline schema. */',
                    'export type Zed = string;',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'refs: other file with fragment, same file, whole file, resolved relative to the referencing file',
            files: {
                'site.schema.json': site({
                    node: { $ref: 'common.schema.json#/$defs/node', description: 'Own description wins.' },
                    part: { $ref: 'parts/part.schema.json' },
                }),
                'common.schema.json': {
                    title: 'Common',
                    $defs: {
                        name: { title: 'Name', type: 'string' },
                        node: {
                            title: 'Node',
                            description: 'A node.',
                            type: 'object',
                            additionalProperties: false,
                            properties: { name: { $ref: '#/$defs/name' } },
                        },
                    },
                },
                'parts/part.schema.json': {
                    title: 'Part',
                    type: 'object',
                    additionalProperties: false,
                    properties: { owner: { $ref: '../common.schema.json#/$defs/node' }, label: { $ref: 'labels.schema.json' } },
                },
                'parts/labels.schema.json': { title: 'Label', type: 'string', enum: ['a', 'b'] },
            },
            expected: file(
                [
                    "export type Label = 'a' | 'b';",
                    '',
                    'export type Name = string;',
                    '',
                    '/** A node. */',
                    'export interface Node {',
                    '    readonly name?: Name;',
                    '}',
                    '',
                    'export interface Part {',
                    '    /** A node. */',
                    '    readonly owner?: Node;',
                    '    readonly label?: Label;',
                    '}',
                    '',
                    'export interface Site {',
                    '    /** Own description wins. */',
                    '    readonly node?: Node;',
                    '    readonly part?: Part;',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'refs resolve against $id (relative and absolute URIs) to files in the same folder layout',
            files: {
                'site.schema.json': site(
                    {
                        a: { $ref: 'a.schema.json' },
                        b: { $ref: 'https://example.test/schemas/sub/b.schema.json#/$defs/b' },
                    },
                    { $id: 'https://example.test/schemas/site.schema.json' },
                ),
                'a.schema.json': { $id: 'https://example.test/schemas/a.schema.json', title: 'A', type: 'string' },
                'sub/b.schema.json': { $defs: { b: { title: 'B', type: 'number' } } },
            },
            expected: file(
                [
                    'export type A = string;',
                    '',
                    'export type B = number;',
                    '',
                    'export interface Site {',
                    '    readonly a?: A;',
                    '    readonly b?: B;',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'titled $defs of loaded files are exported even when unreferenced; recursive titled refs are fine',
            files: {
                'site.schema.json': site(
                    { tree: { $ref: '#/$defs/tree' } },
                    {
                        $defs: {
                            tree: {
                                title: 'Tree',
                                type: 'object',
                                additionalProperties: false,
                                properties: { children: { type: 'array', items: { $ref: '#/$defs/tree' } } },
                            },
                            unused: { title: 'Unused', const: 42 },
                            untitled: { type: 'string' },
                        },
                    },
                ),
            },
            expected: file(
                [
                    'export interface Site {',
                    '    readonly tree?: Tree;',
                    '}',
                    '',
                    'export interface Tree {',
                    '    readonly children?: readonly Tree[];',
                    '}',
                    '',
                    'export type Unused = 42;',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'maps: additionalProperties schema with or without propertyNames; closed, open and empty objects',
            files: {
                'site.schema.json': site(
                    {
                        named: { type: 'object', propertyNames: { $ref: '#/$defs/key' }, additionalProperties: { $ref: '#/$defs/value' } },
                        plain: { type: 'object', additionalProperties: { type: 'integer' } },
                        unions: { additionalProperties: { type: ['string', 'null'] } },
                        closed: { type: 'object', additionalProperties: false },
                        open: { type: 'object' },
                        openWithProperties: { type: 'object', properties: { a: { type: 'string' } } },
                    },
                    {
                        $defs: {
                            key: { title: 'Key', type: 'string', pattern: '^[A-Z]' },
                            value: { title: 'Value', type: 'object', additionalProperties: false, required: ['v'], properties: { v: { type: 'string' } } },
                        },
                    },
                ),
            },
            expected: file(
                [
                    'export type Key = string;',
                    '',
                    'export interface Site {',
                    '    readonly named?: Readonly<Record<string, Value>>;',
                    '    readonly plain?: Readonly<Record<string, number>>;',
                    '    readonly unions?: Readonly<Record<string, string | null>>;',
                    '    readonly closed?: Readonly<Record<string, never>>;',
                    '    readonly open?: Readonly<Record<string, unknown>>;',
                    '    readonly openWithProperties?: {',
                    '        readonly [key: string]: unknown;',
                    '        readonly a?: string;',
                    '    };',
                    '}',
                    '',
                    'export interface Value {',
                    '    readonly v: string;',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'arrays: readonly T[], unions parenthesised, no items means unknown[]',
            files: {
                'site.schema.json': site({
                    strings: { type: 'array', items: { type: 'string' } },
                    mixed: { type: 'array', items: { type: ['string', 'integer'] } },
                    any: { type: 'array' },
                    nested: { type: 'array', items: { type: 'array', items: { enum: ['a', 'b'] } } },
                    objects: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { k: { type: 'string' } } } },
                }),
            },
            expected: file(
                [
                    'export interface Site {',
                    '    readonly strings?: readonly string[];',
                    '    readonly mixed?: readonly (string | number)[];',
                    '    readonly any?: readonly unknown[];',
                    "    readonly nested?: readonly (readonly ('a' | 'b')[])[];",
                    '    readonly objects?: readonly {',
                    '        readonly k?: string;',
                    '    }[];',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'enum and const: literal unions with escaping; numbers, booleans, null',
            files: {
                'site.schema.json': site({
                    colour: { type: 'string', enum: ['red', "it's", 'back\\slash', 'say "hi"'] },
                    mixed: { enum: [1, -2.5, true, null, 'x'] },
                    fixed: { const: 'only' },
                    zero: { const: 0 },
                }),
            },
            expected: file(
                [
                    'export interface Site {',
                    "    readonly colour?: 'red' | 'it\\'s' | 'back\\\\slash' | 'say \"hi\"';",
                    "    readonly mixed?: 1 | -2.5 | true | null | 'x';",
                    "    readonly fixed?: 'only';",
                    '    readonly zero?: 0;',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'type arrays become unions of primitives (integer is number)',
            files: {
                'site.schema.json': site({
                    value: { type: ['string', 'integer', 'array'] },
                    maybe: { type: ['number', 'integer', 'null'] },
                    list: { type: ['array', 'boolean'], items: { type: 'string' } },
                }),
            },
            expected: file(
                [
                    'export interface Site {',
                    '    readonly value?: string | number | readonly unknown[];',
                    '    readonly maybe?: number | null;',
                    '    readonly list?: readonly string[] | boolean;',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'anyOf/oneOf of subschemas become unions',
            files: {
                'site.schema.json': site(
                    {
                        port: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: '^[0-9]+-[0-9]+$' }] },
                        account: { oneOf: [{ type: 'string', enum: ['A', 'B'] }, { $ref: '#/$defs/ref' }] },
                        repeated: { anyOf: [{ type: 'string' }, { type: 'string', format: 'uri' }] },
                    },
                    {
                        $defs: { ref: { title: 'Ref', type: 'object', additionalProperties: false, properties: { credential: { type: 'string' } } } },
                    },
                ),
            },
            expected: file(
                [
                    'export interface Ref {',
                    '    readonly credential?: string;',
                    '}',
                    '',
                    'export interface Site {',
                    '    readonly port?: number | string;',
                    "    readonly account?: 'A' | 'B' | Ref;",
                    '    readonly repeated?: string;',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'constraint-only anyOf/oneOf/allOf (required, not, format, if/then/else) keep the type as is',
            files: {
                'site.schema.json': site(
                    {
                        contents: { type: 'string' },
                        sourcePath: { type: 'string' },
                        ensure: { enum: ['Present', 'Absent'] },
                        address: { type: 'string', anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] },
                    },
                    {
                        oneOf: [
                            { required: ['contents'], not: { required: ['sourcePath'] } },
                            { required: ['sourcePath'], not: { required: ['contents'] } },
                            { properties: { ensure: { const: 'Absent' } }, required: ['ensure'] },
                        ],
                        allOf: [
                            {
                                if: { properties: { ensure: { const: 'Absent' } }, required: ['ensure'] },
                                then: { not: { required: ['contents'] } },
                                else: { required: ['contents'] },
                            },
                        ],
                    },
                ),
            },
            expected: file(
                [
                    'export interface Site {',
                    '    readonly contents?: string;',
                    '    readonly sourcePath?: string;',
                    "    readonly ensure?: 'Present' | 'Absent';",
                    '    readonly address?: string;',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'validation keywords and annotations are ignored',
            files: {
                'site.schema.json': site(
                    {
                        s: { type: 'string', format: 'uri', pattern: '^x', minLength: 1, maxLength: 9, examples: ['x'] },
                        n: { type: 'integer', minimum: 0, maximum: 9, exclusiveMinimum: -1, multipleOf: 1 },
                        a: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3, uniqueItems: true },
                        o: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' }, $comment: 'c', deprecated: true },
                    },
                    { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://example.test/site.schema.json', examples: [{}] },
                ),
            },
            expected: file(
                [
                    'export interface Site {',
                    '    readonly s?: string;',
                    '    readonly n?: number;',
                    '    readonly a?: readonly string[];',
                    '    readonly o?: Readonly<Record<string, string>>;',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'a bare $ref member takes the JSDoc of its target; own description or default replaces it',
            files: {
                'site.schema.json': site(
                    {
                        bare: { $ref: '#/$defs/ensure' },
                        chain: { $ref: '#/$defs/alias' },
                        own: { $ref: '#/$defs/ensure', description: 'Own.' },
                        ownDefault: { $ref: '#/$defs/ensure', default: 'Absent' },
                    },
                    {
                        $defs: {
                            ensure: { title: 'Ensure', description: 'Present or absent.', enum: ['Present', 'Absent'], default: 'Present' },
                            alias: { $ref: '#/$defs/ensure' },
                        },
                    },
                ),
            },
            expected: file(
                [
                    '/**',
                    ' * Present or absent.',
                    ' * @default "Present"',
                    ' */',
                    "export type Ensure = 'Present' | 'Absent';",
                    '',
                    'export interface Site {',
                    '    /**',
                    '     * Present or absent.',
                    '     * @default "Present"',
                    '     */',
                    '    readonly bare?: Ensure;',
                    '    /**',
                    '     * Present or absent.',
                    '     * @default "Present"',
                    '     */',
                    '    readonly chain?: Ensure;',
                    '    /** Own. */',
                    '    readonly own?: Ensure;',
                    '    /** @default "Absent" */',
                    '    readonly ownDefault?: Ensure;',
                    '}',
                    '',
                ].join('\n'),
            ),
        },
        {
            name: 'non-object named schemas become type aliases; object maps too',
            files: {
                'site.schema.json': site(
                    { m: { $ref: '#/$defs/map' } },
                    {
                        $defs: {
                            map: { title: 'StringMap', type: 'object', additionalProperties: { type: 'string' } },
                            list: { title: 'Names', type: 'array', items: { type: 'string' } },
                            either: { title: 'Either', type: ['string', 'object'], additionalProperties: false, properties: { a: { type: 'string' } } },
                            anything: { title: 'Anything' },
                        },
                    },
                ),
            },
            expected: file(
                [
                    'export type Anything = unknown;',
                    '',
                    'export type Either = string | {',
                    '    readonly a?: string;',
                    '};',
                    '',
                    'export type Names = readonly string[];',
                    '',
                    'export interface Site {',
                    '    readonly m?: StringMap;',
                    '}',
                    '',
                    'export type StringMap = Readonly<Record<string, string>>;',
                    '',
                ].join('\n'),
            ),
        },
    ];

    for (const c of cases) {
        it(`generates: ${c.name}`, () => {
            const text = generate(c.files);
            expect(text).to.equal(c.expected);
            expect(typeErrors(text), 'the generated text type-checks').to.deep.equal([]);
        });
    }

    interface Failure {
        readonly name: string;
        readonly files: Fixture;
        readonly message: string;
    }

    const failures: readonly Failure[] = [
        {
            name: 'patternProperties',
            files: { 'site.schema.json': site({ m: { type: 'object', patternProperties: { '^a': { type: 'string' } } } }) },
            message: 'gen-types: site.schema.json#/properties/m: unsupported keyword "patternProperties"',
        },
        {
            name: 'prefixItems (tuples)',
            files: { 'site.schema.json': site({ t: { type: 'array', prefixItems: [{ type: 'string' }] } }) },
            message: 'gen-types: site.schema.json#/properties/t: unsupported keyword "prefixItems"',
        },
        {
            name: 'unknown keyword (typo)',
            files: { 'site.schema.json': site({ a: { type: 'string', maxLenght: 3 } }) },
            message: 'gen-types: site.schema.json#/properties/a: unsupported keyword "maxLenght"',
        },
        {
            name: 'allOf of types',
            files: {
                'site.schema.json': site(
                    { a: { allOf: [{ $ref: '#/$defs/x' }, { type: 'object', properties: { b: { type: 'string' } } }] } },
                    { $defs: { x: { title: 'X', type: 'object', properties: { c: { type: 'string' } } } } },
                ),
            },
            message:
                'gen-types: site.schema.json#/properties/a: allOf with type-defining subschemas is not supported (only constraints such as if/then/else)',
        },
        {
            name: '$ref with a type-defining sibling',
            files: { 'site.schema.json': site({ a: { $ref: '#/$defs/x', type: 'string' } }, { $defs: { x: { type: 'string' } } }) },
            message: 'gen-types: site.schema.json#/properties/a: type next to $ref is not supported',
        },
        {
            name: 'type next to a type-defining anyOf',
            files: { 'site.schema.json': site({ a: { type: 'string', anyOf: [{ type: 'string' }, { type: 'integer' }] } }) },
            message: 'gen-types: site.schema.json#/properties/a: type next to a type-defining anyOf is not supported',
        },
        {
            name: 'anyOf mixing types and constraints',
            files: { 'site.schema.json': site({ a: { anyOf: [{ type: 'string' }, { minLength: 1 }] } }) },
            message: 'gen-types: site.schema.json#/properties/a: anyOf mixes type-defining and constraint-only subschemas',
        },
        {
            name: 'properties together with an additionalProperties schema',
            files: {
                'site.schema.json': site({
                    a: { type: 'object', properties: { b: { type: 'string' } }, additionalProperties: { type: 'number' } },
                }),
            },
            message: 'gen-types: site.schema.json#/properties/a: properties together with an additionalProperties schema are not supported',
        },
        {
            name: 'anchor ref',
            files: { 'site.schema.json': site({ a: { $ref: '#thing' } }) },
            message: 'gen-types: site.schema.json#/properties/a: $ref "#thing": only JSON-pointer fragments are supported, not anchors',
        },
        {
            name: 'dangling pointer',
            files: { 'site.schema.json': site({ a: { $ref: '#/$defs/missing' } }) },
            message: 'gen-types: site.schema.json#/properties/a: $ref "#/$defs/missing" points at nothing',
        },
        {
            name: 'missing file',
            files: { 'site.schema.json': site({ a: { $ref: 'nope.schema.json' } }) },
            message: 'gen-types: site.schema.json#/properties/a: $ref target file:',
        },
        {
            name: '$id that does not match the reference',
            files: {
                'site.schema.json': site({ a: { $ref: 'a.schema.json' } }, { $id: 'https://example.test/site.schema.json' }),
                'a.schema.json': { $id: 'https://example.test/other/a.schema.json', title: 'A', type: 'string' },
            },
            message:
                'gen-types: a.schema.json has $id https://example.test/other/a.schema.json but is referenced as https://example.test/a.schema.json',
        },
        {
            name: 'two schemas with the same title',
            files: {
                'site.schema.json': site(
                    { a: { $ref: '#/$defs/a' }, b: { $ref: '#/$defs/b' } },
                    { $defs: { a: { title: 'Thing', type: 'string' }, b: { title: 'Thing', type: 'number' } } },
                ),
            },
            message: 'gen-types: site.schema.json#/$defs/b: title "Thing" is already used by site.schema.json#/$defs/a',
        },
        {
            name: 'title that is not a type name',
            files: { 'site.schema.json': site({ a: { title: 'my thing', type: 'string' } }) },
            message: 'gen-types: site.schema.json#/properties/a: title "my thing" is not a valid type name (PascalCase identifier)',
        },
        {
            name: 'recursive schema without a title',
            files: {
                'site.schema.json': site(
                    { a: { $ref: '#/$defs/list' } },
                    { $defs: { list: { type: 'array', items: { $ref: '#/$defs/list' } } } },
                ),
            },
            message: 'gen-types: site.schema.json#/$defs/list: recursive schema without a title cannot be inlined; give it a title',
        },
        {
            name: 'object const',
            files: { 'site.schema.json': site({ a: { const: { k: 1 } } }) },
            message: 'gen-types: site.schema.json#/properties/a/const: object and array values in enum/const are not supported: {"k":1}',
        },
        {
            name: 'required names an undeclared property of a closed object',
            files: { 'site.schema.json': site({ a: { type: 'string' } }, { required: ['b'] }) },
            message: 'gen-types: site.schema.json: required names undeclared properties: b',
        },
        {
            name: 'nested $id',
            files: { 'site.schema.json': site({ a: { $id: 'inner', type: 'string' } }) },
            message: 'gen-types: site.schema.json#/properties/a: $id is only supported at the root of a schema file',
        },
    ];

    for (const f of failures) {
        it(`throws on an unsupported construct: ${f.name}`, () => {
            const dir = writeFixture(f.files);
            expect(() => generateManifestTypes(dir)).to.throw(Error, f.message);
        });
    }

    it('throws when the folder has no site.schema.json', () => {
        const dir = writeFixture({ 'other.schema.json': { type: 'string' } });
        expect(() => generateManifestTypes(dir)).to.throw(Error, /root schema .*site\.schema\.json does not exist/);
    });
});
