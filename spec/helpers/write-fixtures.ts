/** Small synthetic site outputs for the write tests: no compiler needed, so a child process starts fast. */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../../compiler/emit/emit.js';

/** Version `v` of a two-node site; versions differ in every file and in the file list. */
export function siteFiles(version: string): OutputFile[] {
    const files = [
        { path: 'SRV01/SRV01.ps1', bytes: Buffer.from(`# SRV01 ${version}\r\n`) },
        { path: 'SRV01/RUNBOOK.md', bytes: Buffer.from(`# Runbook ${version}\n`) },
        { path: 'SRV02/SRV02.ps1', bytes: Buffer.from(`# SRV02 ${version}\r\n`) },
    ];
    return version === 'new' ? [...files, { path: `SRV02/only-in-${version}.txt`, bytes: Buffer.from(version) }] : files;
}

/** Every file below `dir` with its text, `/`-separated and sorted; undefined when `dir` is missing. */
export function tree(dir: string): Record<string, string> | undefined {
    try {
        statSync(dir);
    } catch {
        return undefined;
    }
    const out: Record<string, string> = {};
    const walk = (d: string, prefix: string): void => {
        for (const name of readdirSync(d).sort()) {
            const path = join(d, name);
            const rel = prefix === '' ? name : `${prefix}/${name}`;
            if (statSync(path).isDirectory()) walk(path, rel);
            else out[rel] = readFileSync(path, 'utf8');
        }
    };
    walk(dir, '');
    return out;
}

/** What a complete output of `version` looks like on disk (without its ownership record). */
export function expectedTree(version: string): Record<string, string> {
    return Object.fromEntries(siteFiles(version).map((f) => [f.path, f.bytes.toString('utf8')]));
}

/** A tree without the ownership record, for comparing with expectedTree. */
export function withoutRecord(t: Record<string, string> | undefined): Record<string, string> | undefined {
    if (t === undefined) return undefined;
    const { ['.xprc-output.json']: _record, ...rest } = t;
    return rest;
}
