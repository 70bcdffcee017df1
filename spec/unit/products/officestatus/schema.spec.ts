/**
 * The product schemas follow the house style: every property has a
 * description and examples (its own or those of the definition it refers
 * to), and every object with properties forbids unknown ones. A `default`
 * only where omitting the property means that value
 * (spec/unit/manifest/schema-defaults.spec.ts holds them to it).
 */

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { BASE as OX } from '../ox-updater/fixtures.js';
import { BASE } from './fixtures.js';
import { run, variant, type Json } from './harness.js';

type Schema = Record<string, unknown>;

const SCHEMA_DIR = new URL('../../../../schemas/', import.meta.url);
const load = (name: string): Schema => JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')) as Schema;

function resolve(ref: string, self: Schema): Schema {
    const [file, fragment = ''] = ref.split('#');
    const root = file ? load(file) : self;
    return fragment
        .split('/')
        .filter((part) => part !== '')
        .reduce<Schema>((node, part) => node[part] as Schema, root);
}

function problems(schema: Schema, self: Schema, path: string): string[] {
    const out: string[] = [];
    const properties = schema['properties'] as Record<string, Schema> | undefined;
    if (properties) {
        if (schema['additionalProperties'] !== false) out.push(`${path}: additionalProperties is not false`);
        for (const [name, property] of Object.entries(properties)) {
            const target = typeof property['$ref'] === 'string' ? resolve(property['$ref'], self) : {};
            for (const keyword of ['description', 'examples']) {
                if (!(keyword in property) && !(keyword in target)) out.push(`${path}.${name}: no ${keyword}`);
            }
            out.push(...problems(property, self, `${path}.${name}`));
        }
    }
    for (const [name, def] of Object.entries((schema['$defs'] as Record<string, Schema> | undefined) ?? {})) {
        out.push(...problems(def, self, `${path}.$defs.${name}`));
    }
    const items = schema['items'] as Schema | undefined;
    if (items && typeof items === 'object') out.push(...problems(items, self, `${path}[]`));
    return out;
}

describe('OfficeStatus and OX Updater schemas', () => {
    for (const name of ['officestatus.schema.json', 'ox-updater.schema.json']) {
        it(`${name} documents every property (description, examples) and forbids unknown ones`, () => {
            const schema = load(name);
            expect(problems(schema, schema, name)).to.deep.equal([]);
        });
    }

    it('should be referenced from the site schema as officeStatus and oxUpdater', () => {
        const site = load('site.schema.json');
        const properties = site['properties'] as Record<string, Schema>;
        expect(properties['officeStatus']).to.deep.equal({ $ref: 'officestatus.schema.json' });
        expect(properties['oxUpdater']).to.deep.equal({ $ref: 'ox-updater.schema.json' });
    });

    const section = (site: Json, name: string) => site[name] as Json & { server: Json & { website: Json; database: Json }; clientGroups: Json[] };
    const exclusions: readonly [string, Json, string, string][] = [
        [
            'a physical path for an existing website',
            variant(BASE, (site) => (section(site, 'officeStatus').server.website['physicalPath'] = 'C:\\inetpub\\x')),
            '/officeStatus/server/website/physicalPath',
            'Only a website that xprc creates ("create": true) has a "physicalPath"',
        ],
        [
            'a virtual directory with root placement',
            variant(BASE, (site) => (section(site, 'officeStatus').server.website['placement'] = 'root')),
            '/officeStatus/server/website/virtualDirectory',
            'An installation into the site root ("placement": "root") has no "virtualDirectory".',
        ],
        [
            'a setup login with Windows authentication',
            variant(BASE, (site) => {
                section(site, 'officeStatus').server.database = { server: 'SQL01', engine: { version: '2008', edition: 'Standard' }, setupAuthentication: 'windows', setupLogin: { credential: 'Svc' } };
            }),
            '/officeStatus/server/database/setupLogin',
            'Only SQL Server authentication ("setupAuthentication": "sql") uses a "setupLogin".',
        ],
        [
            'a Group Policy target for user-driven installs',
            variant(OX, (site) => delete section(site, 'oxUpdater').clientGroups[0]!['install']),
            '/oxUpdater/clientGroups/0/targets/gpo',
            'A Group Policy target assigns the OX Updater MSI, so the group needs "install": "package".',
        ],
    ];
    for (const [label, manifest, pointer, text] of exclusions) {
        it(`should reject ${label} with a schema diagnostic that says why`, () => {
            // The database's oneOf also reports the object as a whole (the validator's fold); the specific error is the one that says why.
            const errors = run(manifest).diagnostics.filter((d) => d.severity === 'error' && d.pointer === pointer);
            expect(errors).to.have.length(1);
            expect(`${errors[0]?.message} ${errors[0]?.fix}`).to.include(text);
        });
    }
});
