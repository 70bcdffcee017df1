/**
 * Writes compiler/manifest/types.generated.ts from schemas/*.schema.json.
 *
 *   npx tsx scripts/gen-types.ts          # (re)generate
 *   npx tsx scripts/gen-types.ts --check  # exit 1 when the checked-in file is stale
 *
 * The work is done by generateManifestTypes() in gen-types-lib.ts. First it
 * brings the schemas' Markdown twins up to date (`markdownDescription`,
 * `markdownEnumDescriptions`: editor-help-lib.ts), since they are derived
 * from the schemas' own text.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { syncMarkdownTwins } from './editor-help-lib.js';
import { generateManifestTypes } from './gen-types-lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_DIR = path.join(ROOT, 'schemas');
const OUTPUT = 'compiler/manifest/types.generated.ts';

function main(argv: readonly string[]): number {
    const unknown = argv.filter((arg) => arg !== '--check');
    if (unknown.length > 0) {
        process.stderr.write(`gen-types: unknown argument(s): ${unknown.join(' ')}\nusage: tsx scripts/gen-types.ts [--check]\n`);
        return 2;
    }
    const check = argv.includes('--check');
    for (const name of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.schema.json')).sort()) {
        const file = path.join(SCHEMA_DIR, name);
        const schema = readFileSync(file, 'utf8');
        const synced = syncMarkdownTwins(schema);
        if (synced !== schema) {
            if (check) {
                process.stderr.write(`schemas/${name}: Markdown help is stale: run \`npm run gen:types\`\n`);
                return 1;
            }
            writeFileSync(file, synced);
            process.stdout.write(`wrote schemas/${name} (Markdown help)\n`);
        }
    }
    const outputFile = path.join(ROOT, OUTPUT);
    const text = generateManifestTypes(SCHEMA_DIR);
    const current = existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : undefined;
    if (check) {
        if (current !== text) {
            process.stderr.write(`${OUTPUT} is stale: run \`npm run gen:types\`\n`);
            return 1;
        }
        process.stdout.write(`${OUTPUT} is up to date\n`);
        return 0;
    }
    if (current === text) {
        process.stdout.write(`${OUTPUT} is up to date\n`);
        return 0;
    }
    mkdirSync(path.dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, text);
    process.stdout.write(`wrote ${OUTPUT}\n`);
    return 0;
}

try {
    process.exitCode = main(process.argv.slice(2));
} catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
}
