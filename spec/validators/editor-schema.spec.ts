/**
 * Oracle for editor support: vscode-json-languageservice (the library
 * behind VS Code's JSON support) loads the manifest schema the way VS Code
 * does when a manifest sets "$schema", and must offer completion and hover
 * help from it. Schema files are served from disk; any other URI (the
 * schemas' https $ids included) is refused, as it would be offline.
 */

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getLanguageService, TextDocument, type JSONDocument } from 'vscode-json-languageservice';

const EXAMPLE_URI = new URL('../../examples/site.json', import.meta.url).href;

const service = getLanguageService({
    schemaRequestService: async (uri) => {
        if (!uri.startsWith('file:')) {
            throw new Error(`offline: ${uri}`);
        }
        return readFileSync(fileURLToPath(uri), 'utf8');
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
});

function open(text: string): { document: TextDocument; json: JSONDocument } {
    const document = TextDocument.create(EXAMPLE_URI, 'json', 1, text);
    return { document, json: service.parseJSONDocument(document) };
}

/** The text with the cursor marker `|` removed, and the cursor's position. */
function at(textWithCursor: string) {
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
    const { document, json } = open(text);
    return { document, json, position: document.positionAt(offset) };
}

describe('editor support through "$schema" (vscode-json-languageservice)', () => {
    it('should offer the node properties as completions inside a node', async () => {
        const { document, json, position } = at('{\n  "$schema": "../schemas/site.schema.json",\n  "name": "lab",\n  "nodes": [{ "name": "SRV01", | }]\n}\n');
        const list = await service.doComplete(document, position, json);
        const labels = (list?.items ?? []).map((i) => i.label);
        expect(labels).to.include.members(['os', 'roles', 'addresses', 'certificate', 'baselines', 'baseline']);
        expect(labels).to.not.include('name', 'a property already present is not offered again');
    });

    it('should offer the enum values of a registry type, from a schema in another file', async () => {
        const { document, json, position } = at(
            '{\n  "$schema": "../schemas/site.schema.json",\n  "name": "lab",\n  "nodes": [{ "name": "SRV01", "baseline": { "registry": [{ "key": "HKLM\\\\SOFTWARE\\\\X", "type": | }] } }]\n}\n',
        );
        const list = await service.doComplete(document, position, json);
        const labels = (list?.items ?? []).map((i) => i.label);
        expect(labels).to.include.members(['"REG_SZ"', '"REG_DWORD"', '"REG_MULTI_SZ"']);
    });

    it('should show the property description on hover', async () => {
        const { document, json, position } = at('{\n  "$schema": "../schemas/site.schema.json",\n  "name": "lab",\n  "nodes": [{ "na|me": "SRV01" }]\n}\n');
        const hover = await service.doHover(document, position, json);
        expect(JSON.stringify(hover?.contents)).to.contain('NetBIOS');
    });

    it('should flag an unknown property while typing', async () => {
        const { document, json } = open('{\n  "$schema": "../schemas/site.schema.json",\n  "name": "lab",\n  "nodes": [{ "name": "SRV01", "bogus": 1 }]\n}\n');
        const problems = await service.doValidation(document, json);
        expect(problems.map((p) => p.message).join('\n')).to.match(/bogus/i);
    });
});
