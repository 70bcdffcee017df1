/** The one ajv configuration, shared by run-time compilation and the precompiled validator. */

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
    ajv: Ajv2020,
    formats: string[],
) => void;

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
    const ajv = new Ajv2020({
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
