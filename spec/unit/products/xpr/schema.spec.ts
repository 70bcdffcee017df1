/**
 * schemas/xpr.schema.json documents itself: every property (at any depth,
 * including array items' properties and $defs) has a description, a default
 * and examples, directly or through the $ref it is, and every object is
 * closed (additionalProperties: false).
 */

import { expect } from 'chai';
import { readFileSync } from 'node:fs';

type Schema = Record<string, unknown>;

const SCHEMA = JSON.parse(readFileSync(new URL('../../../../schemas/xpr.schema.json', import.meta.url), 'utf8')) as Schema;
const COMMON = JSON.parse(readFileSync(new URL('../../../../schemas/common.schema.json', import.meta.url), 'utf8')) as Schema;

/** The schema a local or common.schema.json $ref points at. */
function target(ref: string): Schema {
    const [file, pointer] = ref.split('#');
    const root = file === '' ? SCHEMA : COMMON;
    return (pointer ?? '')
        .split('/')
        .filter(Boolean)
        .reduce<Schema>((node, key) => node[key] as Schema, root);
}

/** The keyword on the schema itself, else on what it references. */
function annotation(schema: Schema, keyword: string): unknown {
    if (schema[keyword] !== undefined) {
        return schema[keyword];
    }
    return typeof schema['$ref'] === 'string' ? annotation(target(schema['$ref']), keyword) : undefined;
}

function* properties(schema: Schema, path: string): Generator<{ path: string; schema: Schema }> {
    for (const [name, property] of Object.entries((schema['properties'] as Record<string, Schema> | undefined) ?? {})) {
        yield { path: `${path}.${name}`, schema: property };
        yield* properties(property, `${path}.${name}`);
        const items = property['items'] as Schema | undefined;
        if (items) {
            yield* properties(items, `${path}.${name}[]`);
        }
    }
}

function* objects(schema: Schema, path: string): Generator<{ path: string; schema: Schema }> {
    if (schema['properties'] !== undefined) {
        yield { path, schema };
    }
    for (const [key, value] of Object.entries(schema)) {
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && !['default', 'examples'].includes(key)) {
            yield* objects(value as Schema, `${path}/${key}`);
        }
    }
}

describe('schemas/xpr.schema.json', () => {
    const all = [...properties(SCHEMA, 'xpr'), ...Object.entries(SCHEMA['$defs'] as Record<string, Schema>).flatMap(([name, def]) => [...properties(def, `$defs.${name}`)])];

    // Properties whose absence means "not known", which no value stands for: no default (a default must be what omitting means).
    const NO_DEFAULT = new Set(['$defs.components.isdnApl.boards[].version']);

    it('should describe every property with a description, a default and examples', () => {
        expect(all.length).to.be.greaterThan(100);
        const missing = all.flatMap(({ path, schema }) =>
            ['description', 'default', 'examples']
                .filter((keyword) => annotation(schema, keyword) === undefined && !(keyword === 'default' && NO_DEFAULT.has(path)))
                .map((keyword) => `${path}: ${keyword}`),
        );
        expect(missing).to.deep.equal([]);
    });

    it('should close every object', () => {
        const open = [...objects(SCHEMA, '#')].filter(({ schema }) => schema['additionalProperties'] !== false).map(({ path }) => path);
        expect(open).to.deep.equal([]);
    });

    it('should offer only V7 R1 and its fix release to install, and keep upgrade sources for later', () => {
        const version = (SCHEMA['properties'] as Record<string, Schema>)['version'];
        expect(version?.['enum']).to.deep.equal(['V7R1', 'V7R1FR1']);
        expect((SCHEMA['$defs'] as Record<string, Schema>)['upgradeSourceVersion']?.['description']).to.match(/^Reserved for the upgrade issue/);
    });
});
