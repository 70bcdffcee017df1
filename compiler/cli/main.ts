/**
 * The `xprc` command line: yargs wiring only. Commands call compile() and
 * map its diagnostics to exit codes:
 *   0 success (warnings allowed), 1 the manifest has errors,
 *   2 usage or internal error.
 */

import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import yargs from 'yargs';
import { compile, type CompileResult } from '../compile.js';
import { catalogEntries, findByCode } from '../diagnostics/catalog.js';
import { diag, locate } from '../diagnostics/diagnostic.js';
import { bundledRootSchema } from '../frontend/schemas.js';
import { printIR } from '../ir/print.js';
import { VERSION } from '../version.js';
import { writeOutput } from '../write/write-output.js';
import { chooseStyle, diagnosticsJson, formatDiagnostics } from './format.js';

export interface Io {
    readonly stdout: { write(text: string): unknown; isTTY?: boolean };
    readonly stderr: { write(text: string): unknown; isTTY?: boolean };
    readonly env: NodeJS.ProcessEnv;
    readonly cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

type Format = 'text' | 'json';

export async function main(argv: readonly string[], io: Io): Promise<number> {
    let exitCode = EXIT_OK;
    const out = (text: string) => io.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);

    const parser = yargs([...argv])
        .scriptName('xprc')
        .usage('$0 <command> [options]\n\nCompiles Windows deployment manifests into PowerShell DSC configurations, .reg files and runbooks.')
        .version(VERSION)
        .option('format', {
            choices: ['text', 'json'] as const,
            default: 'text' as Format,
            describe: 'Diagnostics as text (tsc style) or JSON',
            global: true,
        })
        .command(
            'build <manifest>',
            'Validate the manifest and write out/<site>/<NODE>/… (nothing is written if there is any error)',
            (y) =>
                y
                    .positional('manifest', { type: 'string', demandOption: true, describe: 'Path of the site manifest (JSON)' })
                    .option('out', { type: 'string', default: 'out', describe: 'Output folder; the site is written to <out>/<site>/' })
                    .option('emit-ir', { type: 'boolean', default: false, describe: 'Also write ir.txt, the compiler’s intermediate representation' }),
            (args) => {
                const result = runCompile(args.manifest, io, true);
                exitCode = report(result, args.format, io);
                if (exitCode !== EXIT_OK || !result.ir || !result.files) {
                    return;
                }
                const files = args['emit-ir']
                    ? [...result.files, { path: 'ir.txt', bytes: Buffer.from(printIR(result.ir), 'utf8') }]
                    : result.files;
                const outDir = resolvePath(io.cwd, args.out);
                try {
                    const written = writeOutput(outDir, result.ir.name, files);
                    if (args.format === 'text') {
                        out(`Wrote ${files.length} files for ${result.ir.nodes.length} node(s) to ${written}`);
                    }
                } catch (error) {
                    const reason = error instanceof Error ? error.message : String(error);
                    const failure = locate([diag('OutputUnwritable', { path: args.out, reason })], args.manifest);
                    exitCode = report({ diagnostics: failure }, args.format, io);
                }
            },
        )
        .command(
            'validate <manifest>',
            'Check the manifest (schema and vendor rules) without writing anything',
            (y) => y.positional('manifest', { type: 'string', demandOption: true, describe: 'Path of the site manifest (JSON)' }),
            (args) => {
                const result = runCompile(args.manifest, io, false);
                exitCode = report(result, args.format, io);
                if (exitCode === EXIT_OK && args.format === 'text') {
                    out(`${args.manifest}: no errors.`);
                }
            },
        )
        .command('schema', 'Print the manifest JSON Schema (draft 2020-12, one self-contained document)', {}, () => {
            out(JSON.stringify(bundledRootSchema(), null, 2));
        })
        .command(
            'explain [code]',
            'Explain a diagnostic code (without a code: list them all)',
            (y) => y.positional('code', { type: 'string', describe: 'A code such as XPR3001' }),
            (args) => {
                if (!args.code) {
                    for (const entry of catalogEntries()) {
                        out(`${entry.code}  ${entry.severity.padEnd(7)}  ${entry.title}`);
                    }
                    return;
                }
                const entry = findByCode(args.code);
                if (!entry) {
                    exitCode = report({ diagnostics: locate([diag('UnknownCode', { code: args.code })], 'xprc') }, args.format, io);
                    exitCode = EXIT_USAGE;
                    return;
                }
                if (args.format === 'json') {
                    out(JSON.stringify(entry, null, 2));
                    return;
                }
                out(
                    [
                        `${entry.code} (${entry.severity}, ${entry.phase}): ${entry.title}`,
                        '',
                        entry.explanation,
                        '',
                        `Message: ${entry.message}`,
                        `Fix:     ${entry.fix}`,
                        ...(entry.guide ? [`Rule from: ${entry.guide}`] : []),
                    ].join('\n'),
                );
            },
        )
        .demandCommand(1, 'Name a command: build, validate, schema or explain.')
        .strict()
        .help()
        .exitProcess(false)
        .wrap(Math.min(100, process.stdout.columns ?? 100));

    try {
        await new Promise<void>((resolvePromise) => {
            void parser.parseAsync([...argv], {}, (error, _args, output) => {
                if (output) {
                    // Help and version go to stdout; usage errors to stderr.
                    (error ? io.stderr : io.stdout).write(output.endsWith('\n') ? output : `${output}\n`);
                }
                if (error) {
                    exitCode = EXIT_USAGE;
                }
                resolvePromise();
            });
        });
    } catch (error) {
        io.stderr.write(`xprc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        io.stderr.write('This is a bug in xprc, not in your manifest. Please report it with the manifest that triggered it.\n');
        return EXIT_USAGE;
    }
    return exitCode;
}

function runCompile(manifest: string, io: Io, emit: boolean): CompileResult {
    let bytes: Buffer;
    try {
        bytes = readFileSync(resolvePath(io.cwd, manifest));
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
        return { diagnostics: locate([diag('FileUnreadable', { reason })], manifest) };
    }
    return compile({ fileName: manifest, bytes }, { emit });
}

/** Print diagnostics; returns the exit code they imply. */
function report(result: CompileResult, format: Format, io: Io): number {
    const hasErrors = result.diagnostics.some((d) => d.severity === 'error');
    if (format === 'json') {
        io.stdout.write(`${JSON.stringify(diagnosticsJson(result.diagnostics), null, 2)}\n`);
    } else if (result.diagnostics.length > 0) {
        io.stderr.write(formatDiagnostics(result.diagnostics, result.source, chooseStyle(io.stderr, io.env)));
    }
    return hasErrors ? EXIT_ERRORS : EXIT_OK;
}
