/** Locations inside the installed package (never the user's working directory). */

import { fileURLToPath } from 'node:url';

// This file is compiler/paths.ts when run from source and dist/paths.js when
// built; both sit one level below the package root.
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SCHEMA_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));
export const TEMPLATE_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
