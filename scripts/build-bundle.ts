/**
 * Bundles the CLI into one module, dist/xprc.mjs, run by `npm run build`
 * (bin/xprc.js runs it).
 *
 * Loading the ~250 ES modules of dist/ one by one (resolve, stat, read,
 * link each) was over half of a one-node build's start-up; one module
 * loads in a fraction of that. esbuild only concatenates our own modules:
 * npm packages stay external and load from node_modules as before, and the
 * bundle sits in dist/ beside dist/paths.js, so every path the compiler
 * derives from its own location (compiler/paths.ts) is the same in both.
 * dist/**\/*.js (tsc) stay for the tests that import compiled modules.
 */

import { build } from 'esbuild';

await build({
    entryPoints: [new URL('../compiler/cli/process-io.ts', import.meta.url).pathname],
    outfile: new URL('../dist/xprc.mjs', import.meta.url).pathname,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    legalComments: 'none',
    logLevel: 'warning',
});
console.log('wrote dist/xprc.mjs');
