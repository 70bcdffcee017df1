/**
 * A schema `default` is a promise: omitting the property means exactly that
 * value (README, "What changes generated output"). Example values belong in
 * `examples`. Two checks hold every schema to it:
 *
 * 1. No `default` on a property its object requires, or on a `$defs` entry
 *    that a required property refers to: omitting it is an error, so no
 *    value can stand for its absence.
 * 2. Every default is a value its own property accepts (a "" under a
 *    pattern is no default, it is a placeholder).
 * 3. Behaviour: every example and golden manifest, with every missing
 *    property filled in from its schema default (ajv `useDefaults`), compiles
 *    to the same IR (provenance pointers aside) and the same diagnostic
 *    codes as the manifest as written. A default that lands where its
 *    object's other properties exclude it (XPR2010: a Voicemail Pro setting
 *    on "type": "none") is conditional and taken out again: it applies only
 *    where the property is allowed.
 */

import { expect } from 'chai';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { compile } from '../../../compiler/compile.js';
import { loadSchemas, ROOT_SCHEMA_ID } from '../../../compiler/frontend/schemas.js';
import { includeReader } from '../../../compiler/cli/read-include.js';
import { DEFAULT_MAX_MANIFEST_BYTES } from '../../../compiler/cli/read-manifest.js';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printIR } from '../../../compiler/ir/print.js';

type Schema = Record<string, unknown>;

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;
const ROOT = new URL('../../../', import.meta.url);

/** Every place in a schema document where `default` sits on a required property. */
function defaultsOnRequired(node: unknown, path: string, out: string[]): void {
    if (node === null || typeof node !== 'object') {
        return;
    }
    if (Array.isArray(node)) {
        node.forEach((item, i) => defaultsOnRequired(item, `${path}/${i}`, out));
        return;
    }
    const schema = node as Schema;
    const properties = schema['properties'] as Record<string, Schema> | undefined;
    const required = (schema['required'] as string[] | undefined) ?? [];
    if (properties) {
        for (const name of required) {
            if (properties[name] && 'default' in properties[name]) {
                out.push(`${path}/properties/${name}`);
            }
        }
    }
    for (const [key, value] of Object.entries(schema)) {
        if (key !== 'default' && key !== 'examples') {
            defaultsOnRequired(value, `${path}/${key}`, out);
        }
    }
}

function manifests(): { name: string; text: string; file: string }[] {
    const out: { name: string; text: string; file: string }[] = [];
    for (const name of readdirSync(new URL('examples/', ROOT)).filter((n) => n.endsWith('.json')).sort()) {
        const file = new URL(`examples/${name}`, ROOT);
        out.push({ name: `examples/${name}`, text: readFileSync(file, 'utf8'), file: fileURLToPath(file) });
    }
    for (const name of readdirSync(new URL('spec/golden/', ROOT)).sort()) {
        const file = new URL(`spec/golden/${name}/site.json`, ROOT);
        if (existsSync(file)) {
            out.push({ name: `spec/golden/${name}`, text: readFileSync(file, 'utf8'), file: fileURLToPath(file) });
        }
    }
    return out;
}

/** Every `default` in a schema document, with the JSON pointer of the schema node that carries it. */
function defaults(node: unknown, pointer: string, out: { pointer: string; value: unknown }[]): void {
    if (node === null || typeof node !== 'object') {
        return;
    }
    if (Array.isArray(node)) {
        node.forEach((item, i) => defaults(item, `${pointer}/${i}`, out));
        return;
    }
    const schema = node as Schema;
    if ('default' in schema) {
        out.push({ pointer, value: schema['default'] });
    }
    for (const [key, value] of Object.entries(schema)) {
        if (key !== 'default' && key !== 'examples') {
            defaults(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
        }
    }
}

/** Deletes the JSON pointer from a document (when it exists). */
function remove(document: unknown, pointer: string): void {
    const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop();
    let node = document as Record<string, unknown>;
    for (const part of parts) {
        node = node?.[part] as Record<string, unknown>;
    }
    if (node && last !== undefined) {
        delete node[last];
    }
}

/** The IR without provenance: a filled-in default moves a resource's pointer from the object to the property, nothing else. */
/** The manifest's IR (pointers left out) or its errors; included files are read beside `file`. */
function meaning(text: string, file: string): { ir: string; codes: string[] } | { errors: string[] } {
    const readInclude = includeReader(file, dirname(file), DEFAULT_MAX_MANIFEST_BYTES);
    const result = compile({ bytes: Buffer.from(text, 'utf8'), fileName: 'site.json', readInclude });
    if (!result.ir) {
        return { errors: result.diagnostics.map((d) => `${d.code} ${d.pointer ?? ''} ${d.message}`) };
    }
    return {
        ir: printIR(result.ir).replace(/ @\/[^\s]*/g, '').replace(/ @(?=\s|$)/g, ''),
        codes: result.diagnostics.map((d) => d.code).sort(),
    };
}

describe('schema defaults are real defaults (issue 11 item 21)', () => {
    const documents = loadSchemas();

    it('should put no default on a required property', () => {
        const found: string[] = [];
        for (const document of documents) {
            defaultsOnRequired(document, document.$id.replace(/^.*\//, ''), found);
        }
        expect(found).to.deep.equal([]);
    });

    const ajv = new Ajv2020({ allErrors: true, strict: false, useDefaults: true, allowUnionTypes: true });
    addFormats(ajv, ['ipv4', 'ipv6']);
    for (const document of documents) {
        ajv.addSchema(document as object);
    }

    it('should give every default a value its own property accepts', () => {
        const invalid: string[] = [];
        for (const document of documents) {
            const found: { pointer: string; value: unknown }[] = [];
            defaults(document, '', found);
            for (const { pointer, value } of found) {
                if (!ajv.validate({ $ref: `${document.$id}#${pointer}` }, structuredClone(value))) {
                    invalid.push(`${document.$id.replace(/^.*\//, '')}#${pointer}: ${JSON.stringify(value)}`);
                }
            }
        }
        expect(invalid).to.deep.equal([]);
    });

    describe('filling every omitted property with its schema default changes nothing', () => {
        const validate = ajv.getSchema(ROOT_SCHEMA_ID)!;
        for (const { name, text, file } of manifests()) {
            it(name, function () {
                const before = meaning(text, file);
                if ('errors' in before) {
                    this.skip(); // An invalid manifest (a golden of errors) has no IR to compare.
                }
                const filled = JSON.parse(text) as unknown;
                validate(filled);
                let after = meaning(JSON.stringify(filled, null, 2), file);
                if ('errors' in after) {
                    // Conditional defaults: take out those the object's other properties exclude.
                    for (const error of after.errors.filter((e) => e.startsWith('XPR2010 '))) {
                        remove(filled, error.split(' ')[1]!);
                    }
                    after = meaning(JSON.stringify(filled, null, 2), file);
                }
                expect('errors' in after ? after.errors : [], 'the filled-in manifest compiles').to.deep.equal([]);
                if ('errors' in after || 'errors' in before) return;
                expect(after.codes, 'diagnostic codes').to.deep.equal(before.codes);
                expect(after.ir).to.equal(before.ir);
            });
        }
    });
});
