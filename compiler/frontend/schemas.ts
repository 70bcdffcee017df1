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
 * The marker of a constraint the schema states for editors although a rule
 * reports it: `"allOf": [{ "x-checkedByRule": "<rule name>", "maxLength": 15 }]`.
 * An editor (VS Code reads the schema files through `$schema`) flags the
 * value while it is typed; the compiler leaves it to the rule, whose
 * diagnostic says why, how to fix it and which guide section it comes from.
 */
export const CHECKED_BY_RULE = 'x-checkedByRule';

let compilerCached: readonly SchemaDocument[] | undefined;

/**
 * The schemas as the compiler validates with them (validate.ts,
 * scripts/build-validator.ts): the files without the `allOf` entries marked
 * `x-checkedByRule`, so that those values reach their rule. An `allOf` left
 * empty is removed.
 */
export function compilerSchemas(): readonly SchemaDocument[] {
    compilerCached ??= loadSchemas().map((document) => withoutRuleChecked(structuredClone(document)) as SchemaDocument);
    return compilerCached;
}

function withoutRuleChecked(node: unknown): unknown {
    if (Array.isArray(node)) {
        return node.map(withoutRuleChecked);
    }
    if (node === null || typeof node !== 'object') {
        return node;
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
        if (key === 'examples' || key === 'default' || key === 'defaultSnippets') {
            out[key] = value;
        } else if (key === 'allOf' && Array.isArray(value)) {
            const kept = value.filter((entry) => !(entry !== null && typeof entry === 'object' && CHECKED_BY_RULE in entry));
            if (kept.length > 0) {
                out[key] = kept.map(withoutRuleChecked);
            }
        } else {
            out[key] = withoutRuleChecked(value);
        }
    }
    return out;
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
