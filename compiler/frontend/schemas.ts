/**
 * The manifest's JSON Schemas (schemas/*.schema.json), the single source of
 * truth for the manifest's shape. Loaded once per process.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR } from '../paths.js';

export const ROOT_SCHEMA_ID = 'https://xprc.dev/schemas/v1/site.schema.json';

export interface SchemaDocument {
    readonly $id: string;
    readonly [keyword: string]: unknown;
}

let cached: readonly SchemaDocument[] | undefined;

export function loadSchemas(dir: string = SCHEMA_DIR): readonly SchemaDocument[] {
    if (dir === SCHEMA_DIR && cached) {
        return cached;
    }
    const documents = readdirSync(dir)
        .filter((name) => name.endsWith('.schema.json'))
        .sort()
        .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as SchemaDocument);
    if (dir === SCHEMA_DIR) {
        cached = documents;
    }
    return documents;
}

/**
 * One self-contained document for `xprc schema`: the root schema with every
 * other schema embedded under $defs as a schema resource with its own $id
 * (JSON Schema 2020-12 compound document), so relative $refs still resolve.
 */
export function bundledRootSchema(): Record<string, unknown> {
    const documents = loadSchemas();
    const root = documents.find((d) => d.$id === ROOT_SCHEMA_ID);
    if (!root) {
        throw new Error(`Internal error: root schema ${ROOT_SCHEMA_ID} not found`);
    }
    const embedded: Record<string, unknown> = {};
    for (const document of documents) {
        if (document !== root) {
            const { $schema: _ignored, ...rest } = document;
            embedded[document.$id.replace(/^.*\//, '').replace(/\.schema\.json$/, '')] = rest;
        }
    }
    const rootDefs = (root['$defs'] as Record<string, unknown> | undefined) ?? {};
    return { ...root, $defs: { ...rootDefs, ...embedded } };
}
