/**
 * Editor help (issue 16 item 5), proven with the library behind VS Code's
 * JSON support (vscode-json-languageservice) on the real schema files, as
 * an editor loads them through a manifest's "$schema":
 *
 * - completion offers a snippet for a node and for each product section,
 *   and each snippet, once its placeholders are filled with their defaults
 *   (as VS Code inserts it), is valid for the editor and for the compiler;
 * - a value a rule rejects (a 20-character node name, a port out of range)
 *   is flagged while typing, and the compiler still reports it through
 *   that rule (its code, fix and guide section), not as a schema error;
 * - an enum value's own description shows on hover and in completion.
 */

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsonLanguageService, { type CompletionItem, type JSONDocument, type TextDocument as Document } from 'vscode-json-languageservice';
import { compile } from '../../../compiler/compile.js';
import { findByCode, CATALOG } from '../../../compiler/diagnostics/catalog.js';
import { validate } from '../../../compiler/frontend/validate.js';

// A CommonJS (UMD) package: Node's ESM loader sees only its default export. This spec is loaded
// as ESM (compile.ts's modules use top-level await), so the names are taken from the default.
const { getLanguageService, InsertTextFormat, TextDocument } = jsonLanguageService;

const MANIFEST_URI = new URL('../../../examples/site.json', import.meta.url).href;

const service = getLanguageService({
    schemaRequestService: async (uri) => {
        if (!uri.startsWith('file:')) {
            throw new Error(`offline: ${uri}`);
        }
        return readFileSync(fileURLToPath(uri), 'utf8');
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
});

function open(text: string): { document: Document; json: JSONDocument } {
    const document = TextDocument.create(MANIFEST_URI, 'json', 1, text);
    return { document, json: service.parseJSONDocument(document) };
}

/** A manifest whose last part is `rest` (with the cursor `|` or not). */
function manifest(rest: string): string {
    return `{\n  "$schema": "../schemas/site.schema.json",\n  "name": "lab",\n  ${rest}\n}\n`;
}

async function completionsAt(textWithCursor: string): Promise<{ items: CompletionItem[]; text: string; offset: number }> {
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
    const { document, json } = open(text);
    const list = await service.doComplete(document, document.positionAt(offset), json);
    return { items: list?.items ?? [], text, offset };
}

async function problems(text: string): Promise<string[]> {
    const { document, json } = open(text);
    return (await service.doValidation(document, json)).map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

/**
 * A snippet as VS Code inserts it with every placeholder left at its
 * default: `${1:text}` → text, `$1`/`$0` → nothing, `\$`, `\}` and `\\` →
 * the character.
 */
export function expandSnippet(snippet: string): string {
    let out = '';
    let open = 0; // ${n: placeholders whose default is being read
    for (let i = 0; i < snippet.length; i++) {
        const ch = snippet[i]!;
        const placeholder = /^\$\{\d+:/.exec(snippet.slice(i));
        const tabStop = /^\$\d+/.exec(snippet.slice(i));
        if (ch === '\\' && /[\\$}]/.test(snippet[i + 1] ?? '')) {
            out += snippet[++i];
        } else if (placeholder) {
            open++;
            i += placeholder[0].length - 1;
        } else if (tabStop) {
            i += tabStop[0].length - 1;
        } else if (ch === '}' && open > 0) {
            open--;
        } else if (ch === '$') {
            throw new Error(`unsupported snippet syntax at ${snippet.slice(i, i + 20)}`);
        } else {
            out += ch;
        }
    }
    return out;
}

describe('editor help from the schemas (vscode-json-languageservice)', () => {
    describe('snippets', () => {
        const cases: readonly { where: string; at: string; label: string }[] = [
            { where: 'a node in "nodes": [ ]', at: '"nodes": [ | ]', label: 'node' },
            { where: 'the xpr section', at: '"nodes": [{ "name": "XPR01" }],\n  "xpr": |', label: 'XPR kernel server' },
            { where: 'the officeStatus section', at: '"nodes": [{ "name": "OS01" }],\n  "officeStatus": |', label: 'OfficeStatus server' },
            { where: 'the oxUpdater section', at: '"nodes": [{ "name": "FS01" }],\n  "oxUpdater": |', label: 'OX Updater for one client group' },
            { where: 'the onexPortal section', at: '"nodes": [{ "name": "ONEX01" }],\n  "onexPortal": |', label: 'one-X Portal server' },
            { where: 'the delivery section (push)', at: '"nodes": [{ "name": "SRV01" }],\n  "delivery": |', label: 'push' },
            { where: 'the delivery section (pull)', at: '"nodes": [{ "name": "SRV01" }],\n  "delivery": |', label: 'pull' },
        ];
        for (const { where, at, label } of cases) {
            it(`should offer the "${label}" snippet for ${where}, valid once its placeholders are filled`, async () => {
                const { items, text, offset } = await completionsAt(manifest(at));
                const snippet = items.find((item) => item.label === label);
                expect(snippet, `labels offered: ${items.map((i) => i.label).join(', ')}`).to.not.equal(undefined);
                expect(snippet!.insertTextFormat).to.equal(InsertTextFormat.Snippet);
                const inserted = expandSnippet(snippet!.insertText ?? '');
                const filled = text.slice(0, offset) + inserted + text.slice(offset);
                expect(await problems(filled), filled).to.deep.equal([]);
                const diagnostics = validate(JSON.parse(filled));
                expect(diagnostics.map((d) => `${d.kind} ${JSON.stringify(d.where)}`), filled).to.deep.equal([]);
            });
        }

        it('should expand a snippet as VS Code does (escapes, placeholders, tab stops)', () => {
            expect(expandSnippet('{ "a": "${1:x}", "b": ${2:24}$0, "c": "D:\\\\\\\\X", "d": "\\$\\}" }')).to.equal('{ "a": "x", "b": 24, "c": "D:\\\\X", "d": "$}" }');
        });
    });

    describe('what a rule checks is flagged while typing, and still reported by the rule', () => {
        const rows: readonly { what: string; manifest: string; editor: RegExp; code: keyof typeof CATALOG }[] = [
            {
                what: 'a 20-character node name',
                manifest: manifest('"nodes": [{ "name": "ABCDEFGHIJKLMNOPQRST" }]'),
                editor: /longer than the maximum length of 15/i,
                code: 'NodeNameTooLong',
            },
            {
                what: 'a node name with an underscore',
                manifest: manifest('"nodes": [{ "name": "SRV_01" }]'),
                editor: /letters, digits and hyphens/i,
                code: 'InvalidNodeName',
            },
            {
                what: 'a node name of digits only',
                manifest: manifest('"nodes": [{ "name": "12345" }]'),
                editor: /not only digits/i,
                code: 'InvalidNodeName',
            },
            {
                what: 'a node name ending in a hyphen',
                manifest: manifest('"nodes": [{ "name": "SRV-" }]'),
                editor: /no hyphen at either end/i,
                code: 'InvalidNodeName',
            },
            {
                what: 'a node named after a device (lpt1)',
                manifest: manifest('"nodes": [{ "name": "lpt1" }]'),
                editor: /device names/,
                code: 'InvalidNodeName',
            },
            {
                what: 'a node named SERVER',
                manifest: manifest('"nodes": [{ "name": "Server" }]'),
                editor: /built-in security principal/,
                code: 'InvalidNodeName',
            },
            {
                what: 'a site named con',
                manifest: manifest('"nodes": [{ "name": "SRV01" }]').replace('"name": "lab"', '"name": "con"'),
                editor: /device names/,
                code: 'ReservedSiteName',
            },
            {
                what: 'a port range above 65535',
                manifest: manifest('"nodes": [{ "name": "SRV01", "baseline": { "firewallRules": [{ "name": "In", "localPorts": ["5060-70000"] }] } }]'),
                editor: /between 1 and 65535/,
                code: 'InvalidPortRange',
            },
            {
                what: 'a port range starting at 0',
                manifest: manifest('"nodes": [{ "name": "SRV01", "baseline": { "firewallRules": [{ "name": "In", "remotePorts": ["0-10"] }] } }]'),
                editor: /between 1 and 65535/,
                code: 'InvalidPortRange',
            },
            {
                what: 'an XPR server name with a blank',
                manifest: manifest(
                    '"nodes": [{ "name": "XPR01" }],\n  "xpr": { "serverName": "XPR HQ", "installPath": "D:\\\\XPR", "languages": ["German"], "defaultLanguage": "German", "serviceAccount": { "credential": "XprService" }, "licensing": { "scenario": "external", "claAddress": "10.0.20.5" }, "regional": { "country": "Germany", "areaCode": "89", "internationalPrefix": "00", "nationalPrefix": "0" }, "kernel": { "node": "XPR01" } }',
                ),
                editor: /no blanks/,
                code: 'XprServerNameCharacters',
            },
        ];
        for (const { what, manifest: text, editor, code } of rows) {
            it(`should flag ${what} in the editor`, async () => {
                expect((await problems(text)).join('\n')).to.match(editor);
            });
            it(`should report ${what} as ${CATALOG[code].code} (${code}) from the rule, with no schema error`, () => {
                const result = compile({ fileName: 'site.json', bytes: Buffer.from(text) }, { emit: false });
                const codes = result.diagnostics.map((d) => d.code);
                expect(codes).to.include(CATALOG[code].code);
                expect(codes.filter((c) => findByCode(c)?.phase === 'schema')).to.deep.equal([]);
            });
        }

        const fine: readonly [string, string][] = [
            ['a 15-character node name', manifest('"nodes": [{ "name": "ABCDEFGHIJKLMNO" }]')],
            ['a node name with an inner hyphen and digits', manifest('"nodes": [{ "name": "ONEX-PORTAL-01" }]')],
            ['port ranges at the limits, with leading zeros', manifest('"nodes": [{ "name": "SRV01", "baseline": { "firewallRules": [{ "name": "In", "localPorts": ["1-65535", "00080-00443", 65535] }] } }]')],
        ];
        for (const [what, text] of fine) {
            it(`should not flag ${what}`, async () => {
                expect(await problems(text)).to.deep.equal([]);
            });
        }

        it('should flag the port number 70000 (a plain schema limit, as before)', async () => {
            const text = manifest('"nodes": [{ "name": "SRV01", "baseline": { "firewallRules": [{ "name": "In", "localPorts": [70000] }] } }]');
            expect((await problems(text)).join('\n')).to.match(/65535/);
        });
    });

    describe('a description per enum value', () => {
        const rows: readonly { property: string; value: string; says: RegExp }[] = [
            { property: '"services": [{ "name": "Spooler", "startupType": ', value: 'Disabled', says: /Cannot be started/ },
            { property: '"services": [{ "name": "Spooler", "startupType": ', value: 'Manual', says: /only when a user, a program or a dependent service starts it/ },
            { property: '"services": [{ "name": "Spooler", "state": ', value: 'Ignore', says: /neither starts nor stops/ },
            { property: '"firewallRules": [{ "name": "In", "protocol": ', value: 'ICMPv4', says: /no ports/ },
            { property: '"registry": [{ "key": "HKLM\\\\SOFTWARE\\\\X", "name": "A", "type": ', value: 'REG_EXPAND_SZ', says: /expands/ },
        ];
        const inBaseline = (property: string, value: string) => manifest(`"nodes": [{ "name": "SRV01", "baseline": { ${property}${value} }] } }]`);

        for (const { property, value, says } of rows) {
            it(`should show what "${value}" does on hover`, async () => {
                const text = inBaseline(property, `"${value}"`);
                const { document, json } = open(text);
                const hover = await service.doHover(document, document.positionAt(text.indexOf(`"${value}"`) + 2), json);
                expect(JSON.stringify(hover?.contents)).to.match(says);
            });
            it(`should document "${value}" in the completion list`, async () => {
                const { items } = await completionsAt(inBaseline(property, '|'));
                const item = items.find((i) => i.label === `"${value}"`);
                expect(item, items.map((i) => i.label).join(', ')).to.not.equal(undefined);
                expect(JSON.stringify(item!.documentation)).to.match(says);
            });
        }

        it('should render code in an enum description as code (markdownEnumDescriptions)', async () => {
            const text = manifest('"nodes": [{ "name": "SRV01" }],\n  "delivery": { "mode": "push" }');
            const { document, json } = open(text);
            const hover = await service.doHover(document, document.positionAt(text.indexOf('"push"') + 2), json);
            expect(JSON.stringify(hover?.contents)).to.contain('`Start-DscConfiguration`');
        });
    });
});
