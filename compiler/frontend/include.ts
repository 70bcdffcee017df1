/**
 * Included files (issue 16): a manifest's `include` lists files of baseline
 * profiles and roles (schemas/layers.schema.json), relative to the file that
 * includes them; an included file may include others. They are read here,
 * in the load phase, through the reader the caller hands in (the CLI's reads
 * the manifest's folder tree, cli/read-include.ts), and merged into the site
 * value: each profile and role keeps its file (frontend/sources.ts), so every
 * later diagnostic and RSOP.md line points into the file that holds it.
 *
 * Refused, each with its diagnostic at the include entry: a path that is
 * absolute, uses backslashes or leads above the manifest's folder (the
 * reader refuses symbolic links out of it), a file that includes itself
 * through others (XPR1009, with the whole cycle), a file that cannot be
 * read, is not JSON or does not match its schema (positioned in that file),
 * and a profile or role defined twice across the files (XPR1011). A file
 * reached twice without a cycle is read once.
 */

import { posix } from 'node:path';
import { at, diag, locate, type Diagnostic, type PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { decodeManifest, load } from './load.js';
import { joinPointer, SourceText } from './source.js';
import { Sources, type Mount, type SourceFile } from './sources.js';
import { validateLayers } from './validate.js';

/** Reads a file by its path relative to the manifest's folder (`/`-separated, already checked not to leave it). */
export type IncludeReader = (path: string) => Uint8Array | PendingDiagnostic;

export interface Included {
    /** The site with the included profiles and roles merged in (the manifest's value itself when it includes nothing). */
    readonly value: Record<string, unknown>;
    readonly sources: Sources;
    readonly diagnostics: readonly Diagnostic[];
}

type Json = Record<string, unknown>;

const SECTIONS = [
    { key: 'baselines', what: 'baseline profile' },
    { key: 'roles', what: 'role' },
] as const;

export function loadIncludes(root: SourceFile, value: Json, read: IncludeReader | undefined, readFrom: string): Included {
    const list = includesOf(value);
    if (list.length === 0) {
        return { value, sources: new Sources(root), diagnostics: [] };
    }
    if (!read) {
        return { value, sources: new Sources(root), diagnostics: locate([diag('IncludeNotAvailable', { from: readFrom }, at('/include'))], root.name, root.source) };
    }
    const diagnostics: Diagnostic[] = [];
    const mounts: Mount[] = [];
    const merged: Record<'baselines' | 'roles', Json> = { baselines: { ...(value['baselines'] as Json | undefined) }, roles: { ...(value['roles'] as Json | undefined) } };
    // Where each name is defined: its file and the pointer of its key there.
    const definedAt = new Map<string, { file: SourceFile; pointer: string }>();
    for (const { key } of SECTIONS) {
        for (const name of Object.keys(merged[key])) {
            definedAt.set(`${key}/${name}`, { file: root, pointer: joinPointer(`/${key}`, name) });
        }
    }
    const loaded = new Set<string>();
    const readFiles: SourceFile[] = [];
    const folder = (file: SourceFile) => (file === root ? '' : posix.dirname(file.relative));
    const report = (file: SourceFile, pending: PendingDiagnostic) => diagnostics.push(...locate([pending], file.name, file.source));

    const visit = (file: SourceFile, fileValue: Json, stack: readonly string[]): void => {
        includesOf(fileValue).forEach((path, i) => {
            const where = at(`/include/${i}`);
            const problem = lexicalProblem(path);
            const relative = posix.normalize(posix.join(folder(file), path));
            if (problem !== undefined || relative === '..' || relative.startsWith('../')) {
                report(file, diag('IncludeOutsideFolder', { path, reason: problem ?? 'it leads above that folder through ".."' }, where));
                return;
            }
            if (stack.includes(relative)) {
                report(file, diag('IncludeCycle', { path, cycle: [...stack.slice(stack.indexOf(relative)), relative].join(' → ') }, where));
                return;
            }
            if (loaded.has(relative)) {
                return;
            }
            loaded.add(relative);
            const bytes = read(relative);
            if (!(bytes instanceof Uint8Array)) {
                report(file, { ...bytes, where });
                return;
            }
            const name = joinName(root.name, relative);
            const decoded = decodeManifest(bytes);
            if (decoded.text === undefined) {
                const context = new SourceText(decoded.context ?? '', undefined);
                readFiles.push({ name, relative, source: context });
                diagnostics.push(...locate(decoded.diagnostics, name, decoded.context === undefined ? undefined : context));
                return;
            }
            const parsed = load(decoded.text);
            const included: SourceFile = { name, relative, source: parsed.source };
            readFiles.push(included);
            const problems = parsed.diagnostics.length > 0 ? parsed.diagnostics : validateLayers(parsed.value);
            if (problems.length > 0) {
                diagnostics.push(...locate(problems, name, parsed.source));
                return;
            }
            const layers = parsed.value as Json;
            for (const { key, what } of SECTIONS) {
                for (const [entryName, entry] of Object.entries((layers[key] as Json | undefined) ?? {})) {
                    const pointer = joinPointer(`/${key}`, entryName);
                    const other = definedAt.get(`${key}/${entryName}`);
                    if (other) {
                        const [located] = locate([diag('IncludeDuplicateName', { what, name: entryName, other: other.file.name }, at(pointer, 'key'))], name, parsed.source);
                        const start = other.file.source.rangeOf({ pointer: other.pointer, part: 'key' })?.start;
                        if (located) {
                            diagnostics.push({ ...located, related: [{ message: 'The other definition.', pointer: other.pointer, file: other.file.name, ...(start ? { start } : {}) }] });
                        }
                        continue;
                    }
                    definedAt.set(`${key}/${entryName}`, { file: included, pointer });
                    merged[key][entryName] = entry;
                    mounts.push({ prefix: pointer, file: included, pointer });
                }
            }
            visit(included, layers, [...stack, relative]);
        });
    };
    visit(root, value, [root.relative]);

    const out: Json = { ...value };
    for (const { key } of SECTIONS) {
        if (Object.keys(merged[key]).length > 0) {
            out[key] = merged[key];
        }
    }
    return { value: out, sources: new Sources(root, mounts, readFiles), diagnostics };
}

function includesOf(value: Json): readonly string[] {
    const list = value['include'];
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
}

/** Why a path as written cannot name a file below the manifest's folder, before it is joined. */
function lexicalProblem(path: string): string | undefined {
    if (path.includes('\\')) {
        return 'it uses backslashes; write folder separators as "/"';
    }
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
        return 'it is an absolute path';
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(path)) {
        return 'it holds a control character';
    }
    return undefined;
}

/** The included file's name as diagnostics print it: beside the manifest as the user named it. */
function joinName(rootName: string, relative: string): string {
    const dir = posix.dirname(rootName.replace(/\\/g, '/'));
    return dir === '.' ? relative : posix.join(dir, relative);
}
