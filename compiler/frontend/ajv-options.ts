/**
 * The one ajv configuration, shared by run-time compilation and the
 * precompiled validator.
 *
 * ajv and ajv-formats are required when createAjv is first called, not
 * imported: an installed xprc validates with the precompiled module and
 * never needs the schema compiler, whose loading was about a third of the
 * one-node start-up. (Both are CommonJS, so a plain require does it.)
 */

import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Annotation keywords the schemas carry for editors, which validate nothing:
 * VS Code's `markdownDescription`, `enumDescriptions`,
 * `markdownEnumDescriptions`, `defaultSnippets` and `patternErrorMessage`
 * (vscode-json-languageservice reads them), and xprc's own
 * `x-checkedByRule` (compiler/frontend/schemas.ts, `compilerSchemas`).
 * Strict mode would reject them as unknown otherwise.
 */
export const EDITOR_KEYWORDS: readonly string[] = [
    'markdownDescription',
    'enumDescriptions',
    'markdownEnumDescriptions',
    'defaultSnippets',
    'patternErrorMessage',
    'x-checkedByRule',
];

export function createAjv(code?: { source: boolean; formats: unknown }): Ajv2020 {
    const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const addFormats = require('ajv-formats') as (ajv: Ajv2020, formats: string[]) => void;
    const ajv = new Ajv({
        allErrors: true,
        strict: true,
        // The conditional schemas say "this property is present" with
        // `required` inside if/then/anyOf; the property itself is declared
        // in the enclosing object's `properties`, which strictRequired
        // cannot see. Every other strict check stays on.
        strictRequired: false,
        verbose: true,
        allowUnionTypes: true,
        ...(code ? { code: code as never } : {}),
    });
    addFormats(ajv, ['ipv4', 'ipv6']);
    ajv.addVocabulary([...EDITOR_KEYWORDS]);
    return ajv;
}
