/** The module structure ARCHITECTURE.md describes: the front end never imports the products (they import from it). */

import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );
}

/** Every module specifier a file imports or re-exports from (type-only imports included: they are edges too). */
function imports(file: string): string[] {
    return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
}

describe('module structure', () => {
    it('should have no import from compiler/frontend to compiler/products (no products ↔ frontend cycle)', () => {
        const offending = sources('compiler/frontend').flatMap((file) => imports(file).filter((spec) => spec.includes('/products/')).map((spec) => `${file}: ${spec}`));
        expect(offending).to.deep.equal([]);
    });

    it('should see the imports it checks (the scan is not empty)', () => {
        expect(imports('compiler/products/product.ts')).to.include('../frontend/resolve.js');
    });
});
