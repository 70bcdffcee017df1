/**
 * Phase 2, validate: the parsed manifest against the JSON Schemas (ajv,
 * allErrors + strict), each ajv error turned into one coded diagnostic at
 * the offending value.
 *
 * ajv reports combinator failures (anyOf/oneOf/if) together with the errors
 * of every branch it tried. Engineers need one message per mistake, so the
 * branch errors under a failed anyOf/oneOf are folded into a single
 * diagnostic that quotes the schema's description of the allowed forms.
 */

import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { diag, at, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { createAjv } from './ajv-options.js';
import { ROOT_SCHEMA_ID, compilerSchemas } from './schemas.js';
import { parsePointer } from './source.js';

let validator: ValidateFunction | undefined;

const PRECOMPILED = new URL('./schema-validator.cjs', import.meta.url);

/**
 * The precompiled validator written by `npm run build` (scripts/build-validator.ts)
 * when it exists next to this module, else the schemas compiled now.
 */
function getValidator(): ValidateFunction {
    if (!validator) {
        if (existsSync(PRECOMPILED)) {
            const loaded = createRequire(import.meta.url)(PRECOMPILED.pathname) as { default?: ValidateFunction } & ValidateFunction;
            validator = loaded.default ?? loaded;
        } else {
            const ajv = createAjv();
            for (const schema of compilerSchemas()) {
                ajv.addSchema(schema);
            }
            const root = ajv.getSchema(ROOT_SCHEMA_ID);
            if (!root) {
                throw new Error(`Internal error: root schema ${ROOT_SCHEMA_ID} did not compile`);
            }
            validator = root;
        }
    }
    return validator;
}

export function validate(value: unknown): PendingDiagnostic[] {
    const check = getValidator();
    if (check(value)) {
        return [];
    }
    return mapErrors(check.errors ?? [], value);
}

export const LAYERS_SCHEMA_ID = 'https://xprc.dev/schemas/v1/layers.schema.json';
let layersValidator: ValidateFunction | undefined;

/**
 * An included file (frontend/include.ts) against schemas/layers.schema.json.
 * Compiled on first use only: most sites include nothing, and the
 * precompiled validator holds the site schema alone.
 */
export function validateLayers(value: unknown): PendingDiagnostic[] {
    if (!layersValidator) {
        const ajv = createAjv();
        for (const schema of compilerSchemas()) {
            ajv.addSchema(schema);
        }
        layersValidator = ajv.getSchema(LAYERS_SCHEMA_ID);
        if (!layersValidator) {
            throw new Error(`Internal error: schema ${LAYERS_SCHEMA_ID} did not compile`);
        }
    }
    return layersValidator(value) ? [] : mapErrors(layersValidator.errors ?? [], value);
}

/** Names that must never appear as manifest properties: secrets belong in credential references. */
const SECRET_NAME = /pass(word|wd|phrase)?$|^pwd$|secret|apikey|api_key|privatekey|private_key|^token$/i;

function mapErrors(errors: readonly ErrorObject[], root: unknown): PendingDiagnostic[] {
    // The outermost failed combinator per value speaks for it.
    const failedCombinators = errors.filter(
        (e) =>
            (e.keyword === 'anyOf' || e.keyword === 'oneOf') &&
            !errors.some((o) => o !== e && (o.keyword === 'anyOf' || o.keyword === 'oneOf') && o.instancePath === e.instancePath && e.schemaPath.startsWith(o.schemaPath + '/')),
    );
    const out: PendingDiagnostic[] = [];
    for (const error of errors) {
        if (isFoldedIntoCombinator(error, failedCombinators)) {
            continue;
        }
        const mapped = mapError(error, root, errors);
        if (mapped) {
            out.push(mapped);
        }
    }
    return out;
}

/**
 * A branch error of an anyOf/oneOf that itself failed: anything under the
 * combinator's schema path, and anything else reported for the very same
 * value (a branch reached through $ref has a schema path of its own file).
 * Errors deeper inside the value stay: they name the property at fault.
 */
function isFoldedIntoCombinator(error: ErrorObject, combinators: readonly ErrorObject[]): boolean {
    return combinators.some(
        (c) =>
            c !== error &&
            (error.schemaPath.startsWith(c.schemaPath + '/')
                ? error.instancePath === c.instancePath || error.instancePath.startsWith(c.instancePath + '/')
                : error.instancePath === c.instancePath && error.keyword !== c.keyword),
    );
}

/**
 * Schemas (by title, common.schema.json) whose values stand where a
 * credential belongs: a wrong value there may be a password typed by
 * mistake, so it is never quoted back (CredentialValueWithheld).
 */
const CREDENTIAL_SCHEMAS: ReadonlyMap<string, string> = new Map([
    ['CredentialRef', 'a credential reference, an object with "credential": "<Name>"'],
    ['CredentialName', 'the PascalCase name of an entry of "credentials"'],
    ['Credential', 'a credential declaration, an object with an optional "userName" and "description" but never the password'],
]);
/** Keywords whose usual message quotes the value itself. */
const QUOTING_KEYWORDS: ReadonlySet<string> = new Set(['type', 'pattern', 'enum', 'const', 'minLength', 'maxLength', 'format']);

/** A failed anyOf/oneOf one of whose branches (errors for the same value below it) is a credential reference. */
function offersCredential(combinator: ErrorObject, all: readonly ErrorObject[]): boolean {
    return all.some(
        (e) => e !== combinator && e.instancePath === combinator.instancePath && (e.parentSchema as { title?: string } | undefined)?.title === 'CredentialRef',
    );
}

function mapError(error: ErrorObject, root: unknown, all: readonly ErrorObject[]): PendingDiagnostic | undefined {
    const pointer = error.instancePath;
    const what = describePointer(pointer);
    const parent = (error.parentSchema ?? {}) as { description?: string; enum?: unknown[]; type?: unknown; title?: string };
    const credential = parent.title === undefined ? undefined : CREDENTIAL_SCHEMAS.get(parent.title);
    // A credential's key (its name, under propertyNames) is no secret and is reported as usual.
    if (credential !== undefined && QUOTING_KEYWORDS.has(error.keyword) && error.propertyName === undefined) {
        return diag('CredentialValueWithheld', { what, expected: credential }, at(pointer));
    }
    const description = parent.description ?? 'See the schema for the allowed values.';
    switch (error.keyword) {
        case 'type':
            return diag(
                'WrongType',
                { what, expected: describeTypes(error.params['type'] as string | string[]), actual: jsonType(error.data) },
                at(pointer),
            );
        case 'required': {
            const property = String(error.params['missingProperty']);
            return diag('MissingProperty', { what, property, hint: requiredHint(error, property) }, at(pointer));
        }
        case 'additionalProperties': {
            const property = String(error.params['additionalProperty']);
            const propertyPointer = `${pointer}/${escapePointerSegment(property)}`;
            if (SECRET_NAME.test(property)) {
                return diag('PasswordInManifest', { property }, at(propertyPointer, 'key'));
            }
            const allowed = Object.keys((parent as { properties?: object }).properties ?? {});
            return diag(
                'UnknownProperty',
                { property, what, allowed: allowed.map((p) => `"${p}"`).join(', ') || 'none', suggestion: suggest(property, allowed) },
                at(propertyPointer, 'key'),
            );
        }
        case 'propertyNames':
            return undefined; // Reported by the nested pattern error, which points at the key itself.
        case 'enum': {
            const allowed = (error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v));
            return diag(
                'NotAllowedValue',
                { what, value: JSON.stringify(error.data), allowed: allowed.join(', '), suggestion: suggest(String(error.data), allowed.map((a) => a.replace(/^"|"$/g, ''))) },
                at(pointer),
            );
        }
        case 'const':
            return diag(
                'NotAllowedValue',
                { what, value: JSON.stringify(error.data), allowed: JSON.stringify(error.params['allowedValue']), suggestion: '' },
                at(pointer),
            );
        case 'pattern':
        case 'format': {
            // A propertyNames violation reports the key itself as data.
            const isKey = error.propertyName !== undefined;
            const target = isKey ? `${pointer}/${escapePointerSegment(String(error.propertyName))}` : pointer;
            return diag(
                'BadFormat',
                { what: isKey ? `A key of ${what}` : what, value: truncate(JSON.stringify(isKey ? error.propertyName : error.data)), description },
                at(target, isKey ? 'key' : 'value'),
            );
        }
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
        case 'minLength':
        case 'maxLength':
        case 'minItems':
        case 'maxItems':
            return diag('OutOfRange', { what, problem: limitProblem(error), description }, at(pointer));
        case 'uniqueItems':
            return diag(
                'DuplicateItem',
                { what, first: Number(error.params['j']), second: Number(error.params['i']) },
                at(`${pointer}/${Number(error.params['i'])}`),
            );
        case 'anyOf':
        case 'oneOf':
            if (error.keyword === 'oneOf' && error.params['passingSchemas']) {
                return diag('ForbiddenCombination', { what, description }, at(pointer));
            }
            if (typeof error.data !== 'object' && offersCredential(error, all)) {
                // e.g. a service account: a built-in account name or a credential reference.
                const forms = (oneOfDescription(error, root) ?? description).replace(/\.$/, '');
                return diag('CredentialValueWithheld', { what, expected: `${CREDENTIAL_SCHEMAS.get('CredentialRef')!}, or another of its forms (${forms})` }, at(pointer));
            }
            return diag(
                'NoMatchingForm',
                { what, value: describeValue(error.data), description: oneOfDescription(error, root) ?? description },
                at(pointer),
            );
        case 'not':
            return diag('ForbiddenCombination', { what, description: notDescription(error, all) }, at(pointer));
        case 'false schema':
            return diag('ForbiddenCombination', { what, description: notDescription(error, all) }, at(pointer, 'key'));
        case 'if':
            return undefined; // The failing "then"/"else" errors are reported on their own.
        default:
            return diag(
                'NoMatchingForm',
                { what, value: truncate(JSON.stringify(error.data)), description: `${error.message ?? 'invalid value'}. ${description}` },
                at(pointer),
            );
    }
}

function escapePointerSegment(segment: string): string {
    return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `/nodes/0/addresses/1` → `nodes[0].addresses[1]`; '' → `the manifest`. */
export function describePointer(pointer: string): string {
    if (pointer === '') {
        return 'the manifest';
    }
    let out = '';
    for (const segment of parsePointer(pointer)) {
        if (typeof segment === 'number') {
            out += `[${segment}]`;
        } else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) {
            out += out === '' ? segment : `.${segment}`;
        } else {
            out += `[${JSON.stringify(segment)}]`;
        }
    }
    return `"${out}"`;
}

/** ajv's limit messages in plain words ("must have at least 1 character"). */
function limitProblem(error: ErrorObject): string {
    const limit = Number(error.params['limit']);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    switch (error.keyword) {
        case 'minimum':
            return `is ${String(error.data)} but must be at least ${limit}`;
        case 'maximum':
            return `is ${String(error.data)} but must be at most ${limit}`;
        case 'exclusiveMinimum':
            return `is ${String(error.data)} but must be greater than ${limit}`;
        case 'exclusiveMaximum':
            return `is ${String(error.data)} but must be less than ${limit}`;
        case 'minLength':
            return limit === 1 ? 'must not be empty' : `must have at least ${plural(limit, 'character')}`;
        case 'maxLength':
            return `must have at most ${plural(limit, 'character')}`;
        case 'minItems':
            return `must list at least ${plural(limit, 'item')}`;
        case 'maxItems':
            return `must list at most ${plural(limit, 'item')}`;
        default:
            return error.message ?? 'is out of range';
    }
}

function describeTypes(type: string | string[]): string {
    const names: Record<string, string> = {
        string: 'a string',
        integer: 'a whole number',
        number: 'a number',
        boolean: 'true or false',
        object: 'an object',
        array: 'an array',
        null: 'null',
    };
    const list = (Array.isArray(type) ? type : String(type).split(',')).map((t) => names[t] ?? t);
    return list.length <= 1 ? (list[0] ?? 'a value') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

function jsonType(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'an array';
    if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
    if (typeof value === 'string') return `the string ${truncate(JSON.stringify(value))}`;
    if (typeof value === 'boolean') return String(value);
    return 'an object';
}

function requiredHint(error: ErrorObject, property: string): string {
    const properties = ((error.parentSchema as { properties?: Record<string, { examples?: unknown[]; default?: unknown }> })
        ?.properties ?? {}) as Record<string, { examples?: unknown[]; default?: unknown }>;
    const example = properties[property]?.examples?.[0] ?? properties[property]?.default;
    return example === undefined ? '<value>' : truncate(JSON.stringify(example));
}

function oneOfDescription(error: ErrorObject, _root: unknown): string | undefined {
    const description = (error.parentSchema as { description?: string } | undefined)?.description;
    return description;
}

/**
 * What a failed `not` or `false` schema forbids. A false schema inside an
 * if/then/else branch says nothing itself; the branch's own description
 * does, found through the `if` error ajv reports beside it.
 */
function notDescription(error: ErrorObject, all: readonly ErrorObject[]): string {
    for (const candidate of all) {
        if (candidate.keyword !== 'if') {
            continue;
        }
        const base = candidate.schemaPath.slice(0, -'/if'.length);
        for (const branch of ['then', 'else'] as const) {
            if (error.schemaPath.startsWith(`${base}/${branch}/`)) {
                const description = (candidate.parentSchema as Record<string, { description?: string } | undefined>)[branch]?.description;
                if (description) {
                    return description;
                }
            }
        }
    }
    return (error.parentSchema as { description?: string } | undefined)?.description ?? 'Remove one of the properties.';
}

/** A value for a message: scalars as JSON (cut to 80 characters), containers by kind. */
function describeValue(value: unknown): string {
    if (Array.isArray(value)) return 'an array';
    if (value !== null && typeof value === 'object') return 'an object';
    return truncate(JSON.stringify(value));
}

function truncate(text: string, max = 80): string {
    const flat = text.replace(/[\r\n]+/g, ' ');
    return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** ` Did you mean "x"?` when one allowed name is close (edit distance ≤ 2), else ''. */
export function suggest(actual: string, allowed: readonly string[]): string {
    let best: string | undefined;
    let bestDistance = 3;
    for (const candidate of allowed) {
        const distance = editDistance(actual.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best === undefined ? '' : ` Did you mean "${best}"?`;
}

function editDistance(a: string, b: string): number {
    if (Math.abs(a.length - b.length) > 3) {
        return 99;
    }
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
        }
        previous = current;
    }
    return previous[b.length] ?? 99;
}
