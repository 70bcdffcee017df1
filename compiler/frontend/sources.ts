/**
 * The files a site is read from: the manifest and the files it includes
 * (frontend/include.ts). Later phases say *where* by JSON pointer into the
 * merged site only; this maps such a pointer back to the file that holds the
 * value, the pointer inside that file, and its line and column there.
 *
 * Included files contribute whole baseline profiles and roles, so a mount is
 * one `/baselines/<name>` or `/roles/<name>` subtree.
 */

import type { Position } from '../diagnostics/diagnostic.js';
import type { Range, SourceText } from './source.js';

export interface SourceFile {
    /** The name diagnostics print: the manifest's path as the user gave it, or an included file's path joined to its folder. */
    readonly name: string;
    /** Relative to the manifest's folder, `/`-separated (the manifest itself: its base name): what generated files print. */
    readonly relative: string;
    readonly source: SourceText;
}

export interface Mount {
    /** Pointer of the subtree in the merged site. */
    readonly prefix: string;
    readonly file: SourceFile;
    /** Pointer of the same subtree in its file. */
    readonly pointer: string;
}

export interface Place {
    readonly file: SourceFile;
    /** The pointer inside `file`. */
    readonly pointer: string;
}

export class Sources {
    constructor(
        readonly root: SourceFile,
        readonly mounts: readonly Mount[] = [],
        /** Every included file that was read, also those that contributed nothing (their diagnostics show their lines). */
        private readonly included: readonly SourceFile[] = [],
    ) {}

    /** Every file, the manifest first, then included files in the order they were read. */
    get files(): readonly SourceFile[] {
        const out: SourceFile[] = [this.root];
        for (const file of [...this.included, ...this.mounts.map((m) => m.file)]) {
            if (!out.includes(file)) {
                out.push(file);
            }
        }
        return out;
    }

    /** The file and in-file pointer of a pointer into the merged site. */
    place(pointer: string): Place {
        for (const mount of this.mounts) {
            if (pointer === mount.prefix || pointer.startsWith(`${mount.prefix}/`)) {
                return { file: mount.file, pointer: mount.pointer + pointer.slice(mount.prefix.length) };
            }
        }
        return { file: this.root, pointer };
    }

    range(pointer: string, part: 'key' | 'value' = 'value'): { place: Place; range?: Range } {
        const place = this.place(pointer);
        const range = place.file.source.rangeOf({ pointer: place.pointer, part });
        return { place, ...(range ? { range } : {}) };
    }

    /** `layers/roles.json:12:9` (relative names, for generated files), or the file alone when the pointer has no position. */
    location(pointer: string, names: 'relative' | 'name' = 'relative'): string {
        const { place, range } = this.range(pointer);
        const file = names === 'relative' ? place.file.relative : place.file.name;
        return range ? `${file}:${formatPosition(range.start)}` : file;
    }

    sourceOf(name: string): SourceText | undefined {
        return this.files.find((f) => f.name === name)?.source;
    }
}

function formatPosition(position: Position): string {
    return `${position.line}:${position.column}`;
}
