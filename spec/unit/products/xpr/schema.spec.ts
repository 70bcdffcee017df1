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

    it('should describe every property with a description and examples (defaults only where real: schema-defaults.spec.ts)', () => {
        expect(all.length).to.be.greaterThan(100);
        const missing = all.flatMap(({ path, schema }) =>
            ['description', 'examples'].filter((keyword) => annotation(schema, keyword) === undefined).map((keyword) => `${path}: ${keyword}`),
        );
        expect(missing).to.deep.equal([]);
    });

    it('should close every object', () => {
        const open = [...objects(SCHEMA, '#')].filter(({ schema }) => schema['additionalProperties'] !== false).map(({ path }) => path);
        expect(open).to.deep.equal([]);
    });

    it('should offer only V7 R1 and its fix release as target, and take the upgrade sources in upgrade.from', () => {
        const properties = SCHEMA['properties'] as Record<string, Schema>;
        expect(properties['version']?.['enum']).to.deep.equal(['V7R1', 'V7R1FR1']);
        const upgrade = properties['upgrade'] as Schema;
        expect(upgrade['required']).to.deep.equal(['from', 'bitness']);
        expect(Object.keys(upgrade['properties'] as Schema)).to.deep.equal([
            'from', 'bitness', 'build', 'conferencesActive', 'uccComponents', 'method', 'backupPath', 'projectSpecificRelease', 'previous', 'credentials',
        ]);
        expect((upgrade['properties'] as Record<string, Schema>)['from']?.['$ref']).to.equal('#/$defs/upgradeSourceVersion');
        expect((SCHEMA['$defs'] as Record<string, Schema>)['upgradeSourceVersion']?.['description']).to.not.match(/Reserved/);
    });
});
