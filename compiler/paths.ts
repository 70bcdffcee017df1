/** Locations inside the installed package (never the user's working directory). */

import { fileURLToPath } from 'node:url';

// This file is compiler/paths.ts when run from source and dist/paths.js when
// built; both sit one level below the package root.
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SCHEMA_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));
export const TEMPLATE_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
/**
 * Where `npm run build` puts what it precompiles (schema-validator.cjs,
 * templates.precompiled.cjs): this module's own folder, which is dist/ both
 * for dist/paths.js and for the bundle dist/xprc.mjs, and compiler/ (where
 * there are none, so everything is compiled at run time) from sources.
 */
export const BUILD_ARTEFACT_DIR = fileURLToPath(new URL('./', import.meta.url));
