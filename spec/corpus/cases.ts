/**
 * The bad-input corpus: what an attacker or a careless user feeds xprc, by
 * class, each case with the outcome it must have. corpus.spec.ts runs every
 * case through the real command line (in process) and also checks, for all
 * of them, that no stack trace, raw control character or secret comes out.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type CorpusClass = 'quoting' | 'paths and ownership' | 'crash windows' | 'malformed and oversized input' | 'secrets' | 'git refs' | 'what people read' | 'upgrade paths';

export interface CorpusCase {
    readonly class: CorpusClass;
    readonly name: string;
    /** The manifest (an object is written as JSON); written to site.json. */
    readonly manifest?: unknown;
    /** Extra preparation in the working folder (files, folders, an earlier build). */
    readonly setup?: (dir: string) => unknown;
    readonly argv: readonly string[];
    readonly exit: number;
    /** Diagnostic codes that must be reported. */
    readonly codes?: readonly string[];
    /** Text that must not appear anywhere: stdout, stderr, written files (e.g. a password). */
    readonly neverShown?: readonly string[];
    /** Extra checks on the folder afterwards and the output. */
    readonly after?: (dir: string, out: { stdout: string; stderr: string }) => unknown;
}

export const node = (baseline: object = {}, extra: object = {}): object => ({ name: 'SRV01', ...extra, baseline });
export const site = (nodes: readonly object[], extra: object = {}): object => ({ name: 'lab', ...extra, nodes });
export const registry = (value: object): object => site([node({ registry: [{ key: 'HKLM\\SOFTWARE\\Contoso', name: 'Setting', type: 'REG_SZ', value: 'x', ...value }] })]);
export const step = (instructions: readonly string[], extra: object = {}): object => site([node({ manualSteps: [{ id: 'check', title: 'Check', instructions, ...extra }] })]);

export const write = (dir: string, path: string, text: string | Buffer): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
};
