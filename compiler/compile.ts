/**
 * THE pipeline. Each phase is a pure function of the previous phase's
 * result; only the CLI reads and writes files.
 *
 *   load → validate → (include) → resolve → check → lower (→ collisions) → plan → emit (→ LCM restarts)
 *
 * Include reads the files the manifest includes through the reader the
 * caller passes (the CLI's reads the manifest's folder tree); it is the only
 * read after the manifest's bytes, and it belongs to loading.
 *
 * Diagnostics from every phase are collected; the pipeline stops after the
 * first phase that reported an error (later phases rely on earlier ones
 * having held), and nothing is emitted when any error exists.
 */

import { performance } from 'node:perf_hooks';
import { basename } from 'node:path';
import { isError, locate, type Diagnostic, type PendingDiagnostic } from './diagnostics/diagnostic.js';
import { emit, type OutputFile } from './emit/emit.js';
import { loadIncludes, type IncludeReader } from './frontend/include.js';
import { decodeManifest, load } from './frontend/load.js';
import { resolve, type ResolvedSite } from './frontend/resolve.js';
import { SourceText } from './frontend/source.js';
import { Sources, type SourceFile } from './frontend/sources.js';
import { validate } from './frontend/validate.js';
import type { SiteIR } from './ir/types.js';
import { lower } from './lower/lower.js';
import { buildPlan } from './plan/build-plan.js';
import type { Site } from './manifest/types.generated.js';
import { productCredentialUses } from './products/index.js';
import { check } from './rules/index.js';
import { checkCollisions } from './rules/collisions.js';
import { checkRegistryKeyCase } from './rules/registry-key-case.js';
import { checkLcmRestarts } from './rules/lcm-restarts.js';

export interface CompileInput {
    /** The manifest's path as the user gave it; only its base name reaches the output. */
    readonly fileName: string;
    readonly bytes: Uint8Array;
    /**
     * Reads the files the manifest includes, by path relative to the manifest's
     * folder (cli/read-include.ts). Without it, a manifest with `include` is an
     * error (XPR1012) that names `readFrom`.
     */
    readonly readInclude?: IncludeReader;
    /** Where the manifest was read from when includes cannot be followed, e.g. "from standard input". */
    readonly readFrom?: string;
}

export interface CompileResult {
    readonly diagnostics: readonly Diagnostic[];
    /** The source text, for rendering diagnostics with excerpts. */
    readonly source?: SourceText;
    /** The manifest and its included files, to map pointers to file:line (diagnostics, RSOP.md, explain). */
    readonly sources?: Sources;
    /** Present only when there are no errors: the per-node layers and item histories (xprc explain). */
    readonly resolved?: ResolvedSite;
    /** Present only when there are no errors. */
    readonly ir?: SiteIR;
    /** Present only when there are no errors and emitting was asked for. */
    readonly files?: readonly OutputFile[];
}

export interface CompileOptions {
    /** Stop after checking (xprc validate). */
    readonly emit?: boolean;
    /**
     * Also emit <NODE>/RSOP.md (build --emit-rsop). Opt-in like ir.txt: it cites
     * line:column, which a reformat of the manifest moves, and the default
     * output is promised not to change under a reformat (spec/golden-diff).
     */
    readonly rsop?: boolean;
    /** Told each phase's name and duration as it ends (`xprc build --verbose`); timing never reaches the output. */
    readonly onPhase?: (phase: string, ms: number) => void;
}

/** Calls onPhase with the time since the previous mark. */
function phaseClock(onPhase: CompileOptions['onPhase']): (phase: string) => void {
    let last = performance.now();
    return (phase) => {
        const now = performance.now();
        onPhase?.(phase, now - last);
        last = now;
    };
}

export function compile(input: CompileInput, options: CompileOptions = {}): CompileResult {
    const file = input.fileName;
    const mark = phaseClock(options.onPhase);
    const decoded = decodeManifest(input.bytes);
    if (decoded.text === undefined) {
        const context = decoded.context === undefined ? undefined : new SourceText(decoded.context, undefined);
        return { diagnostics: locate(decoded.diagnostics, file, context), ...(context ? { source: context } : {}) };
    }

    const loaded = load(decoded.text);
    mark('load');
    const root: SourceFile = { name: file, relative: manifestDisplayName(file), source: loaded.source };
    let sources = new Sources(root);
    const stop = (pending: readonly PendingDiagnostic[]): CompileResult => ({
        diagnostics: locate(pending, file, sources),
        source: loaded.source,
        sources,
    });
    if (loaded.diagnostics.length > 0) {
        return stop(loaded.diagnostics);
    }

    const schemaDiagnostics = validate(loaded.value);
    mark('validate');
    if (schemaDiagnostics.some(isError)) {
        return stop(schemaDiagnostics);
    }

    const included = loadIncludes(root, loaded.value as Record<string, unknown>, input.readInclude, input.readFrom ?? 'without a folder (from standard input)');
    sources = included.sources;
    mark('include');
    if (included.diagnostics.length > 0) {
        // Already located, each in the file it is about (frontend/include.ts); the manifest's own come first.
        const stopped = stop(schemaDiagnostics);
        return { ...stopped, diagnostics: [...stopped.diagnostics, ...included.diagnostics] };
    }

    const site = included.value as unknown as Site;
    const resolved = resolve(site, productCredentialUses(site));
    mark('resolve');
    const pending = [...schemaDiagnostics, ...check(resolved)];
    mark('check');
    if (pending.some(isError)) {
        return stop(pending);
    }

    const lowered = lower(resolved, manifestDisplayName(file));
    const collisions = [...checkCollisions(lowered), ...checkRegistryKeyCase(lowered)];
    mark('lower');
    if (collisions.length > 0) {
        return stop([...pending, ...collisions]);
    }
    const planned = buildPlan(resolved, lowered);
    if (planned.diagnostics.length > 0) {
        return stop([...pending, ...planned.diagnostics]);
    }
    mark('plan');
    const ir = planned.ir;
    const files = options.emit === false ? undefined : emit(ir, options.rsop === true ? { resolved, sources } : undefined);
    if (files) mark('emit');
    return { ...stop([...pending, ...checkLcmRestarts(ir)]), ir, resolved, ...(files ? { files } : {}) };
}

/**
 * The manifest's base name, made safe to print in any generated comment:
 * controls (C0, C1), line and paragraph separators, and format characters
 * (\p{Cf}: bidi embeddings, overrides and isolates such as U+202E and U+2066,
 * marks such as U+200E, the BOM U+FEFF, zero-width joiners) become `_`, so a
 * file name can neither break a line nor make a line read differently.
 */
export function manifestDisplayName(fileName: string): string {
    // eslint-disable-next-line no-control-regex
    return basename(fileName.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}/gu, '_') || 'manifest.json';
}
