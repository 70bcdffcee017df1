/** Writes docs/diagnostics.md from the diagnostics catalog, and the matrix table of docs/xpr-upgrade.md from the upgrade data. */
import { readFileSync, writeFileSync } from 'node:fs';
import { diagnosticsMarkdown } from '../compiler/diagnostics/docs.js';
import { withMatrix } from '../compiler/products/xpr/upgrade-docs.js';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), diagnosticsMarkdown());
console.log('wrote docs/diagnostics.md');

const upgradePage = new URL('../docs/xpr-upgrade.md', import.meta.url);
writeFileSync(upgradePage, withMatrix(readFileSync(upgradePage, 'utf8')));
console.log('wrote the matrix of docs/xpr-upgrade.md');
