/**
 * The manifest text together with its JSON syntax tree, so that any JSON
 * pointer can be mapped back to a line and column.
 */

import type { Node as JsonNode } from 'jsonc-parser';
import type { Position, Where } from '../diagnostics/diagnostic.js';

export interface Range {
    readonly start: Position;
    readonly end: Position;
}

export class SourceText {
    private readonly lineStarts: readonly number[];

    constructor(
        readonly text: string,
        readonly tree: JsonNode | undefined,
    ) {
        const starts = [0];
        for (let i = 0; i < text.length; i++) {
            const ch = text.charCodeAt(i);
            // A CRLF pair ends one line, not two.
            if (ch === 13 && text.charCodeAt(i + 1) === 10) {
                continue;
            }
            if (ch === 10 || ch === 13) {
                starts.push(i + 1);
            }
        }
        this.lineStarts = starts;
    }

    positionAt(offset: number): Position {
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if ((this.lineStarts[mid] ?? 0) <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
    }

    /** The text of one line (1-based), without its terminator. */
    lineText(line: number): string {
        const start = this.lineStarts[line - 1];
        if (start === undefined) {
            return '';
        }
        const next = this.lineStarts[line];
        return this.text.slice(start, next === undefined ? this.text.length : next).replace(/\r?\n$|\r$/, '');
    }

    rangeOf(where: Where): Range | undefined {
        if ('offset' in where) {
            return { start: this.positionAt(where.offset), end: this.positionAt(where.offset + Math.max(where.length, 1)) };
        }
        const node = this.nodeAt(where.pointer);
        if (!node) {
            return undefined;
        }
        // For a property name, point at the key ("name": …) rather than its value.
        const target =
            where.part === 'key' && node.parent?.type === 'property' && node.parent.children?.[0]
                ? node.parent.children[0]
                : node;
        return { start: this.positionAt(target.offset), end: this.positionAt(target.offset + target.length) };
    }

    /** The deepest existing node on the pointer's path (a missing property points at its object). */
    nodeAt(pointer: string): JsonNode | undefined {
        if (!this.tree) {
            return undefined;
        }
        // Walk by hand: a segment of digits is an index in an array but a
        // property name ("0") in an object, which findNodeAtLocation cannot tell.
        let node: JsonNode = this.tree;
        for (const segment of parsePointer(pointer)) {
            const next =
                node.type === 'array'
                    ? typeof segment === 'number'
                        ? node.children?.[segment]
                        : undefined
                    : node.type === 'object'
                      ? node.children?.find((p) => p.children?.[0]?.value === String(segment))?.children?.[1]
                      : undefined;
            if (!next) {
                return node;
            }
            node = next;
        }
        return node;
    }
}

/** RFC 6901: split on '/', then unescape ~1 and ~0 (in that order). Array indexes become numbers. */
export function parsePointer(pointer: string): (string | number)[] {
    if (pointer === '') {
        return [];
    }
    return pointer
        .slice(1)
        .split('/')
        .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((segment) => (/^(?:0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

export function joinPointer(base: string, ...segments: readonly (string | number)[]): string {
    return (
        base +
        segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
    );
}
