/**
 * THE pipeline. Each phase is a pure function of the previous phase's
 * result; only the CLI reads and writes files.
 *
 *   load → validate → resolve → check → lower (→ collisions) → plan → emit
 *
 * Diagnostics from every phase are collected; the pipeline stops after the
 * first phase that reported an error (later phases rely on earlier ones
 * having held), and nothing is emitted when any error exists.
 */

import { basename } from 'node:path';
import { isError, locate, type Diagnostic, type PendingDiagnostic } from './diagnostics/diagnostic.js';
import { emit, type OutputFile } from './emit/emit.js';
import { decodeManifest, load } from './frontend/load.js';
import { resolve } from './frontend/resolve.js';
import type { SourceText } from './frontend/source.js';
import { validate } from './frontend/validate.js';
import type { SiteIR } from './ir/types.js';
import { lower } from './lower/lower.js';
import { buildPlan } from './plan/build-plan.js';
import type { Site } from './manifest/types.generated.js';
import { productCredentialUses } from './products/index.js';
import { check } from './rules/index.js';
import { checkCollisions } from './rules/collisions.js';

export interface CompileInput {
    /** The manifest's path as the user gave it; only its base name reaches the output. */
    readonly fileName: string;
    readonly bytes: Uint8Array;
}

export interface CompileResult {
    readonly diagnostics: readonly Diagnostic[];
    /** The source text, for rendering diagnostics with excerpts. */
    readonly source?: SourceText;
    /** Present only when there are no errors. */
    readonly ir?: SiteIR;
    /** Present only when there are no errors and emitting was asked for. */
    readonly files?: readonly OutputFile[];
}

export interface CompileOptions {
    /** Stop after checking (xprc validate). */
    readonly emit?: boolean;
}

export function compile(input: CompileInput, options: CompileOptions = {}): CompileResult {
    const file = input.fileName;
    const decoded = decodeManifest(input.bytes);
    if (decoded.text === undefined) {
        return { diagnostics: locate(decoded.diagnostics, file) };
    }

    const loaded = load(decoded.text);
    const stop = (pending: readonly PendingDiagnostic[]): CompileResult => ({
        diagnostics: locate(pending, file, loaded.source),
        source: loaded.source,
    });
    if (loaded.diagnostics.length > 0) {
        return stop(loaded.diagnostics);
    }

    const schemaDiagnostics = validate(loaded.value);
    if (schemaDiagnostics.some(isError)) {
        return stop(schemaDiagnostics);
    }

    const site = loaded.value as Site;
    const resolved = resolve(site, productCredentialUses(site));
    const pending = [...schemaDiagnostics, ...check(resolved)];
    if (pending.some(isError)) {
        return stop(pending);
    }

    const lowered = lower(resolved, manifestDisplayName(file));
    const collisions = checkCollisions(lowered);
    if (collisions.length > 0) {
        return stop([...pending, ...collisions]);
    }
    const planned = buildPlan(resolved, lowered);
    if (planned.diagnostics.length > 0) {
        return stop([...pending, ...planned.diagnostics]);
    }
    const ir = planned.ir;
    const files = options.emit === false ? undefined : emit(ir);
    return { ...stop(pending), ir, ...(files ? { files } : {}) };
}

/** The manifest's base name, made safe to print in any generated comment. */
export function manifestDisplayName(fileName: string): string {
    // eslint-disable-next-line no-control-regex
    return basename(fileName.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '_') || 'manifest.json';
}
