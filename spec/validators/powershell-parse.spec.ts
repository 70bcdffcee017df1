/**
 * Oracle: every emitted .ps1 and .psd1 (of every valid golden case, freshly
 * compiled, not read from the goldens) parses with tree-sitter-powershell
 * without an ERROR or MISSING node.
 */

import { expect } from 'chai';
import { compileCase, goldenCases } from '../golden/golden.spec.js';
import { blankDscAttributes, parsePowerShell } from '../helpers/ps-parse.js';

/** Decode what Windows PowerShell would read: UTF-8, BOM stripped. */
function scriptText(bytes: Buffer): string {
    const text = bytes.toString('utf8');
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * A meta-configuration is `[DscLocalConfigurationManager()]` on a
 * `Configuration` statement. Windows PowerShell reads that attribute, but
 * tree-sitter-powershell's grammar has no attributes on configuration
 * statements (and pwsh on Linux cannot parse configurations at all), so the
 * attribute line is checked exactly here and blanked before parsing.
 */
const META_ATTRIBUTE = /^\[DscLocalConfigurationManager\(\)\]\r\nConfiguration [A-Za-z_][A-Za-z0-9_]*\r\n/m;

function withoutMetaAttribute(path: string, text: string): string {
    if (!path.endsWith('.meta.ps1')) {
        return text;
    }
    expect(text, `${path}: the attribute must stand right before the Configuration line`).to.match(META_ATTRIBUTE);
    return text.replace('[DscLocalConfigurationManager()]', '');
}

describe('emitted PowerShell parses (tree-sitter-powershell)', () => {
    for (const name of goldenCases().filter((n) => !n.startsWith('invalid-'))) {
        const result = compileCase(name);
        for (const file of (result.files ?? []).filter((f) => /\.(ps1|psd1)$/.test(f.path))) {
            it(`${name}/${file.path} should parse without error nodes`, async () => {
                const parsed = await parsePowerShell(blankDscAttributes(withoutMetaAttribute(file.path, scriptText(file.bytes))));
                expect(parsed.errors, JSON.stringify(parsed.errors.slice(0, 3))).to.deep.equal([]);
            });
        }
    }
});
