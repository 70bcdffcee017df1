/** Writes docs/diagnostics.md from the diagnostics catalog. */
import { writeFileSync } from 'node:fs';
import { diagnosticsMarkdown } from '../compiler/diagnostics/docs.js';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), diagnosticsMarkdown());
console.log('wrote docs/diagnostics.md');
