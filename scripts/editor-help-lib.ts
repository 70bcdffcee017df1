/**
 * The Markdown twins of the schemas' help texts, for editors.
 *
 * VS Code shows `description` as plain text, so the backticks the
 * descriptions use for code stay visible; it renders `markdownDescription`
 * (and `markdownEnumDescriptions` for `enumDescriptions`) as Markdown
 * instead. The twins are derived, never written by hand: `npm run gen:types`
 * writes them into the schema files with `syncMarkdownTwins` (a unit test
 * fails when one is stale), and the TypeScript doc comments keep using
 * `description`.
 *
 * A twin exists only where the plain text uses a code span (a backtick):
 * everywhere else the plain text already reads right. The files are edited
 * as text, inserting or replacing one property next to its plain one, so
 * their formatting (one-line arrays in some files, one item per line in
 * others) is left as it is.
 */
import { parseTree, type Node } from 'jsonc-parser';

/** Keywords whose value is one subschema. */
const SCHEMA_KEYWORDS = ['additionalProperties', 'items', 'propertyNames', 'not', 'if', 'then', 'else', 'contains'];
/** Keywords whose value is a map of subschemas. */
const SCHEMA_MAP_KEYWORDS = ['properties', '$defs', 'patternProperties', 'dependentSchemas'];
/** Keywords whose value is an array of subschemas. */
const SCHEMA_ARRAY_KEYWORDS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];

/**
 * Plain help text as Markdown that renders as that text: code spans (paired
 * backtick runs, as CommonMark pairs them) are kept; outside them every
 * character Markdown could read as syntax is backslash-escaped (emphasis,
 * links, HTML, entities, strikethrough, an unpaired backtick, a heading
 * marker at the start), so `<NODE>` or `HKLM\SOFTWARE` show as written.
 */
export function toMarkdown(text: string): string {
    let out = '';
    let done = 0;
    const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
    for (let i = 0; i < runs.length; i++) {
        const open = runs[i]!;
        if (open.at < done) {
            continue;
        }
        const closeIndex = runs.findIndex((r, j) => j > i && r.length === open.length);
        const close = runs[closeIndex];
        if (!close) {
            continue;
        }
        out += escapeText(text.slice(done, open.at), done === 0);
        out += text.slice(open.at, close.at + close.length);
        done = close.at + close.length;
        i = closeIndex;
    }
    return out + escapeText(text.slice(done), done === 0);
}

function escapeText(text: string, atStart: boolean): string {
    const escaped = text.replace(/[\\`*_[\]<>&~]/g, (ch) => `\\${ch}`);
    if (!atStart) {
        return escaped;
    }
    // A block marker at the start would make the text a heading or a list item.
    return escaped.replace(/^(\s*)([#+-])(?=\s|$)/, '$1\\$2').replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Whether a plain text needs its Markdown twin. */
export function needsTwin(text: string): boolean {
    return text.includes('`');
}

interface Edit {
    readonly offset: number;
    readonly length: number;
    readonly text: string;
}

/** Every schema object of a schema document, found through the keywords that hold subschemas. */
function schemaObjects(node: Node | undefined, out: Node[]): Node[] {
    if (!node || node.type !== 'object') {
        return out;
    }
    out.push(node);
    for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const name = key?.value as string;
        if (!value) {
            continue;
        }
        if (SCHEMA_KEYWORDS.includes(name)) {
            schemaObjects(value, out);
        } else if (SCHEMA_MAP_KEYWORDS.includes(name) && value.type === 'object') {
            for (const entry of value.children ?? []) {
                schemaObjects(entry.children?.[1], out);
            }
        } else if (SCHEMA_ARRAY_KEYWORDS.includes(name) && value.type === 'array') {
            for (const entry of value.children ?? []) {
                schemaObjects(entry, out);
            }
        }
    }
    return out;
}

function property(object: Node, name: string): Node | undefined {
    return object.children?.find((p) => p.children?.[0]?.value === name);
}

/** The indentation of the line `offset` is on, or undefined when other text precedes it there. */
function lineIndent(text: string, offset: number): string | undefined {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const before = text.slice(lineStart, offset);
    return /^[ \t]*$/.test(before) ? before : undefined;
}

/**
 * The edit that makes `twin` hold `value` (or removes it when undefined),
 * inserting it next to the property `after` in that property's layout:
 * after it, or before it when it is the object's last property.
 */
function twinEdit(text: string, object: Node, after: Node, twin: string, value: unknown): Edit | undefined {
    const existing = property(object, twin);
    if (value === undefined) {
        if (!existing) {
            return undefined;
        }
        // Remove from the end of the previous property's value to the end of this one.
        const index = object.children!.indexOf(existing);
        const previous = object.children![index - 1];
        const start = previous ? previous.offset + previous.length : existing.offset;
        const end = previous ? existing.offset + existing.length : (object.children![index + 1]?.offset ?? existing.offset + existing.length);
        return { offset: start, length: end - start, text: '' };
    }
    if (existing) {
        const current = existing.children?.[1];
        if (current && JSON.stringify(parseValue(text, current)) === JSON.stringify(value)) {
            return undefined;
        }
        return { offset: current!.offset, length: current!.length, text: layout(text, existing, value) };
    }
    const indent = lineIndent(text, after.offset);
    const separator = indent === undefined ? ', ' : `,\n${indent}`;
    const shown = `${JSON.stringify(twin)}: ${layout(text, after, value)}`;
    if (object.children![object.children!.length - 1] === after) {
        // Before a last property, so that its line (which has no comma) stays as it is.
        return { offset: after.offset, length: 0, text: `${shown}${separator}` };
    }
    return { offset: after.offset + after.length, length: 0, text: `${separator}${shown}` };
}

function parseValue(text: string, node: Node): unknown {
    return JSON.parse(text.slice(node.offset, node.offset + node.length));
}

/** A value laid out like its neighbour: an array one item per line when the neighbour's value spans lines. */
function layout(text: string, neighbour: Node, value: unknown): string {
    if (!Array.isArray(value)) {
        return JSON.stringify(value);
    }
    const shown = neighbour.children?.[1];
    const multiLine = shown !== undefined && text.slice(shown.offset, shown.offset + shown.length).includes('\n');
    const indent = lineIndent(text, neighbour.offset);
    if (!multiLine || indent === undefined) {
        return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    }
    const step = /^\s+/.exec(text.slice(text.indexOf('\n', shown.offset) + 1))?.[0].slice(indent.length) ?? '  ';
    return `[\n${value.map((v) => `${indent}${step}${JSON.stringify(v)}`).join(',\n')}\n${indent}]`;
}

/**
 * The schema file's text with every Markdown twin present and current:
 * `markdownDescription` beside each `description` that uses code, and
 * `markdownEnumDescriptions` beside each `enumDescriptions` of which one
 * does. Everything else is left byte for byte.
 */
export function syncMarkdownTwins(text: string): string {
    const edits: Edit[] = [];
    for (const object of schemaObjects(parseTree(text), [])) {
        const description = property(object, 'description');
        const plain = description?.children?.[1];
        if (description && plain?.type === 'string') {
            const value = plain.value as string;
            const edit = twinEdit(text, object, description, 'markdownDescription', needsTwin(value) ? toMarkdown(value) : undefined);
            if (edit) edits.push(edit);
        } else if (property(object, 'markdownDescription')) {
            throw new Error(`markdownDescription without a description at offset ${object.offset}`);
        }
        const enumDescriptions = property(object, 'enumDescriptions');
        const plainList = enumDescriptions?.children?.[1];
        if (enumDescriptions && plainList?.type === 'array') {
            const values = (plainList.children ?? []).map((n) => n.value as string);
            const edit = twinEdit(text, object, enumDescriptions, 'markdownEnumDescriptions', values.some(needsTwin) ? values.map(toMarkdown) : undefined);
            if (edit) edits.push(edit);
        } else if (property(object, 'markdownEnumDescriptions')) {
            throw new Error(`markdownEnumDescriptions without enumDescriptions at offset ${object.offset}`);
        }
    }
    let out = text;
    for (const edit of edits.sort((a, b) => b.offset - a.offset)) {
        out = out.slice(0, edit.offset) + edit.text + out.slice(edit.offset + edit.length);
    }
    return out;
}
