/**
 * The `xprc diff` and `xprc explain` commands: compare the configurations of
 * two manifests (or of one manifest at a git revision), and explain one
 * resource of a node. Separate from main.ts, which only wires yargs, because
 * they are the commands with their own rendering.
 */

import { dirname, join, resolve as resolvePath } from 'node:path';
import { compile, type CompileResult } from '../compile.js';
import { diag, locate } from '../diagnostics/diagnostic.js';
import { escapeJsonText, escapeUnsafe } from '../diagnostics/display.js';
import { diffSites } from '../diff/diff.js';
import { explainItem, type ExplainedItem } from '../diff/explain.js';
import { readAtRevision } from '../diff/git.js';
import { hasChanges } from '../diff/model.js';
import { renderDiffJson } from '../diff/render-json.js';
import { renderDiffMarkdown } from '../diff/render-markdown.js';
import { renderDiffText } from '../diff/render-text.js';
import { selectNodes } from '../diff/select.js';
import { suggest } from '../frontend/validate.js';
import { chooseStyle, type Style } from './format.js';
import { includeReader } from './read-include.js';
import { DEFAULT_MAX_MANIFEST_BYTES } from './read-manifest.js';
import type { IncludeReader } from '../frontend/include.js';
import {
    type Io,
    EXIT_OK,
    EXIT_ERRORS,
    EXIT_USAGE,
    EXIT_CHANGES,
    type Format,
    type DiffFormat,
    manifestLabel,
    readManifest,
    runCompile,
    report,
    STDIN_ARG,
} from './run.js';

interface DiffSide {
    /** How the side is named in diagnostics and in the diff: the path as given, or `<ref>:<path>`. */
    readonly label: string;
    readonly result: CompileResult;
}

export function diffCommand(
    manifest: string,
    newManifest: string | undefined,
    base: string | undefined,
    format: DiffFormat,
    io: Io,
    nodes: readonly string[] = [],
): number {
    if ((base === undefined) === (newManifest === undefined)) {
        io.stderr.write('xprc diff: give either two manifests (xprc diff <old> <new>) or one and a git revision (xprc diff <manifest> --base <ref>).\n');
        return EXIT_USAGE;
    }
    if (base !== undefined && manifest === STDIN_ARG) {
        io.stderr.write('xprc diff: --base reads the manifest\'s earlier version from git by its path, so <manifest> must be a file, not - (standard input).\n');
        return EXIT_USAGE;
    }
    const sides: DiffSide[] = [];
    if (base !== undefined) {
        const current = readManifest(manifest, io);
        if (Array.isArray(current)) {
            return reportSides([{ label: manifest, result: { diagnostics: current } }], format, io);
        }
        const read = readAtRevision(resolvePath(io.cwd, manifest), base);
        if (!read.ok) {
            const failure = locate([diag('RevisionUnreadable', { ref: base, reason: read.reason, path: manifest })], manifest);
            return reportSides([{ label: manifest, result: { diagnostics: failure } }], format, io);
        }
        // Included files are read at the same revision, and from the working tree for the current side.
        const atRevision: IncludeReader = (path) => {
            const included = readAtRevision(join(dirname(resolvePath(io.cwd, manifest)), path), base);
            return included.ok ? included.bytes : diag('IncludeUnreadable', { path, reason: `not at ${base}: ${included.reason}` });
        };
        sides.push({ label: read.label, result: compile({ fileName: read.label, bytes: read.bytes, readInclude: atRevision }, { emit: false }) });
        const readInclude = includeReader(manifest, io.cwd, DEFAULT_MAX_MANIFEST_BYTES);
        sides.push({ label: manifest, result: compile({ fileName: manifest, bytes: current, readInclude }, { emit: false }) });
    } else {
        sides.push({ label: manifestLabel(manifest), result: runCompile(manifest, io, false) });
        sides.push({ label: manifestLabel(newManifest as string), result: runCompile(newManifest as string, io, false) });
    }
    const [oldSide, newSide] = sides as [DiffSide, DiffSide];
    if (!oldSide.result.ir || !newSide.result.ir) {
        return reportSides(sides, format, io);
    }
    let diff = diffSites(oldSide.result.ir, newSide.result.ir);
    if (nodes.length > 0) {
        const selection = selectNodes(diff, oldSide.result.ir, newSide.result.ir, nodes);
        if (!selection.ok) {
            const failure = diag('DiffUnknownNode', { node: selection.unknown, suggestion: suggest(selection.unknown, selection.candidates) });
            report({ diagnostics: locate([failure], newSide.label) }, format === 'json' ? 'json' : 'text', io);
            return EXIT_USAGE;
        }
        diff = selection.diff;
    }
    if (format !== 'json') {
        // The new manifest's warnings (the old one's are history) go to stderr, so stdout stays the
        // diff alone, e.g. when it is piped into a pull-request comment.
        report(newSide.result, 'text', io);
    }
    const labels = { old: oldSide.label, new: newSide.label };
    const style: Style = chooseStyle(io.stdout, io.env);
    io.stdout.write(format === 'json' ? escapeJsonText(renderDiffJson(diff, labels)) : format === 'md' ? renderDiffMarkdown(diff, labels) : renderDiffText(diff, labels, style));
    return hasChanges(diff) ? EXIT_CHANGES : EXIT_OK;
}

/** Diagnostics of one or both sides of a diff; returns EXIT_ERRORS when any is an error. */
function reportSides(sides: readonly DiffSide[], format: DiffFormat, io: Io): number {
    if (format === 'json') {
        return report({ diagnostics: sides.flatMap((s) => s.result.diagnostics) }, 'json', io);
    }
    return sides.map((s) => report(s.result, 'text', io)).includes(EXIT_ERRORS) ? EXIT_ERRORS : EXIT_OK;
}

export function explainResourceCommand(node: string | undefined, resource: string | undefined, manifest: string | undefined, format: Format, io: Io): number {
    if (node === undefined || resource === undefined || manifest === undefined) {
        io.stderr.write('xprc explain: to explain a resource, name the node, the resource id and the manifest: xprc explain <NODE> <resource-id> --manifest <file>.\n');
        return EXIT_USAGE;
    }
    const result = runCompile(manifest, io, false);
    if (!result.ir) {
        return report(result, format, io);
    }
    manifest = manifestLabel(manifest);
    const found = explainItem(result.ir, result.source, manifest, node, resource, result.resolved && result.sources ? { resolved: result.resolved, sources: result.sources } : undefined);
    if (!found.ok) {
        const failure =
            found.missing === 'node'
                ? diag('UnknownNode', { node, suggestion: suggest(node, found.candidates) })
                : diag('UnknownResource', { node: found.node, id: resource, suggestion: suggest(resource, found.candidates) });
        report({ diagnostics: locate([failure], manifest) }, format, io);
        return EXIT_USAGE;
    }
    // Escaped like diagnostics: layer descriptions and values come from the manifest (JSON.stringify leaves U+2028 and bidi controls raw).
    io.stdout.write(format === 'json' ? `${escapeJsonText(JSON.stringify(found.item, null, 2))}\n` : formatExplained(found.item));
    return EXIT_OK;
}

function formatExplained(item: ExplainedItem): string {
    const rows: [string, string][] = [
        ['Defined at', `${item.location}  (#${item.pointer})`],
        ['Layer', `${item.layer.name}: ${item.layer.description}`],
        ['Guide', item.guide ?? 'none: a generic setting, not prescribed by a product guide'],
        ...(item.dependsOn.length > 0 ? [['Depends on', item.dependsOn.join(', ')] as [string, string]] : []),
        ...(item.registry ? [['Registry', item.registry] as [string, string]] : []),
        ['Written to', item.files.join(', ')],
    ];
    const title = item.kind === 'resource' ? 'Resource' : item.kind === 'item' ? 'Item (knocked out, no resource)' : 'Manual step';
    const lines = [`${title} ${item.ref} of node ${item.node}`, '', ...rows.map(([k, v]) => `${k.padEnd(11)} ${v}`)];
    if (item.chain.length > 0) {
        lines.push('', 'Layers that set it, least specific first:', ...explainChain(item.chain));
    }
    if (item.block) {
        lines.push('', ...item.block.split('\n').map((line) => `    ${line}`));
    }
    // The block's own lines end in CR LF like the .ps1 (kept); everything else from the manifest is escaped.
    return `${lines.map((line) => escapeUnsafe(line.replace(/\r$/, '')) + (line.endsWith('\r') ? '\r' : '')).join('\n')}\n`;
}

/** One line per definition: the layer, its place, the settings, and what became of them. */
function explainChain(chain: ExplainedItem['chain']): string[] {
    return chain.map((row, i) => {
        const fate = row.replacedBy
            ? `${row.replacedBy.action === 'override' ? 'overridden' : 'knocked out'} by ${row.replacedBy.layer}`
            : row.won
              ? 'wins'
              : row.action === 'same'
                ? 'the same settings again (merged)'
                : row.action === 'knockout'
                  ? 'removes the item'
                  : 'not applied';
        const what = row.action === 'knockout' ? 'knockout' : row.value;
        return `  ${i + 1}. ${row.layer}  ${row.location}\n     ${what}  -> ${fate}`;
    }).flatMap((text) => text.split('\n'));
}
