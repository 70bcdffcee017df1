/**
 * `xprc init [file]`: a starter site manifest a new user can build at once
 * (`xprc init site.json && xprc build site.json`). JSON has no comments, so
 * the guidance is in the two `description`s the schema has for it (the
 * site's and the node's; both reach the runbook header, so the user replaces
 * them with their own words). `$schema` points at the schema of the xprc
 * that wrote it, relative to the manifest, so an editor offers completion
 * and hover help at once. The file is created exclusively: an existing file
 * is never overwritten (XPR5043). `-` prints the manifest instead.
 */

import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve as resolvePath } from 'node:path';
import { diag, locate } from '../diagnostics/diagnostic.js';
import { SCHEMA_DIR } from '../paths.js';
import { type Io, EXIT_ERRORS, EXIT_OK, STDIN_ARG, report } from './run.js';

export const DEFAULT_INIT_FILE = 'site.json';
const FALLBACK_SITE = 'new-site';

/** The site name from the file's name (`Contoso HQ.json` → `contoso-hq`), in the schema's pattern; `new-site` otherwise. */
export function siteNameFor(file: string): string {
    if (file === STDIN_ARG) return FALLBACK_SITE;
    const stem = basename(file, extname(file))
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 63)
        .replace(/-+$/, '');
    return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(stem) ? stem : FALLBACK_SITE;
}

/** The starter manifest's text; `schemaRef` is the `$schema` value. */
export function starterManifest(siteName: string, schemaRef: string): string {
    const manifest = {
        $schema: schemaRef,
        name: siteName,
        description:
            'Starter manifest from xprc init; replace this text with what the site is (it heads every runbook). Rename the site in "name" (the output goes to out/<name>/) and add one entry to "nodes" per Windows server. An editor with JSON Schema support completes and explains every property through "$schema". Build with: xprc build <this file>.',
        nodes: [
            {
                name: 'SRV01',
                description:
                    'Replace SRV01 with the server\'s computer name (at most 15 characters). Its own settings go in "baseline"; settings shared by several nodes in the site\'s "baselines", applied by name.',
                os: 'WindowsServer2022',
                baseline: {
                    windowsFeatures: [{ name: 'Telnet-Client', ensure: 'Absent' }],
                },
            },
        ],
    };
    return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** `$schema`: the bundled site schema, relative to the manifest's folder, with forward slashes. */
function schemaRefFrom(folder: string): string {
    const path = relative(folder, join(SCHEMA_DIR, 'site.schema.json')).split('\\').join('/');
    return path.startsWith('.') || path.startsWith('/') || /^[A-Za-z]:/.test(path) ? path : `./${path}`;
}

export function initCommand(file: string, io: Io): number {
    if (file === STDIN_ARG) {
        io.stdout.write(starterManifest(FALLBACK_SITE, schemaRefFrom(io.cwd)));
        return EXIT_OK;
    }
    const target = resolvePath(io.cwd, file);
    const site = siteNameFor(file);
    try {
        // 'wx': create, never replace (also not through a symbolic link).
        writeFileSync(target, starterManifest(site, schemaRefFrom(dirname(target))), { flag: 'wx' });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const failure =
            code === 'EEXIST'
                ? diag('InitTargetExists', { path: file })
                : diag('InitUnwritable', {
                      path: file,
                      reason: code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message,
                  });
        report({ diagnostics: locate([failure], file) }, 'text', io);
        return EXIT_ERRORS;
    }
    if (io.verbosity !== 'quiet') {
        io.stdout.write(`Wrote ${file}: site "${site}" with one node, SRV01. Edit it, then run: xprc build ${file}\n`);
    }
    return EXIT_OK;
}
