/**
 * The `xprc` command line: yargs wiring only. Commands call compile() and
 * map its diagnostics to exit codes:
 *   0 success (warnings allowed; diff: no change; build --check: up to date),
 *   1 a manifest has errors, 2 usage or internal error,
 *   3 diff: the manifests give different configurations,
 *   4 build --check: the output folder is out of date.
 *
 * The diff and explain commands are in diff-commands.ts; the exit codes, the
 * Io seam and the reading/compiling/reporting all commands share are in
 * run.ts (Io and the EXIT_* codes are re-exported here for the specs).
 */

import { join, resolve as resolvePath } from 'node:path';
import yargs from 'yargs';
import { catalogEntries, findByCode } from '../diagnostics/catalog.js';
import { diag, locate, type Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeJsonText } from '../diagnostics/display.js';
import { checkOutput, isUpToDate, type OutputCheck } from '../diff/check.js';
import type { OutputFile } from '../emit/emit.js';
import { bundledRootSchema } from '../frontend/schemas.js';
import { printIR } from '../ir/print.js';
import { VERSION } from '../version.js';
import { diffCommand, explainResourceCommand } from './diff-commands.js';
import { CHECK_SCHEMA, chooseStyle, diagnosticsJson } from './format.js';
import { DEFAULT_MAX_MANIFEST_BYTES } from './read-manifest.js';
import {
    type Io,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_STALE,
    type Format,
    type DiffFormat,
    type BuildFormat,
    runCompile,
    report,
} from './run.js';
import { renderSarif } from './sarif.js';
import { writeBuild } from './write-report.js';

export { EXIT_CHANGES, EXIT_ERRORS, EXIT_OK, EXIT_STALE, EXIT_USAGE } from './run.js';
export type { Io } from './run.js';

/**
 * `--format` is declared per command rather than globally: Markdown only
 * makes sense for a diff (a pull-request comment), and yargs checks
 * `choices` before running a command, whereas a global `.check()` would
 * only run after the handler (which for build has already written files).
 */
function formatOption<T extends DiffFormat | BuildFormat>(choices: readonly T[], describe: string) {
    return { choices, default: 'text' as T, describe } as const;
}
const FORMAT = formatOption<Format>(['text', 'json'], 'Diagnostics as text (tsc style) or JSON');
const BUILD_FORMAT = formatOption<BuildFormat>(['text', 'json', 'sarif'], 'Diagnostics as text (tsc style), JSON, or SARIF 2.1.0 (code scanning)');

const EXIT_CODES_HELP = [
    'Exit codes:',
    '  0  success (warnings allowed); diff: no change; build --check: output up to date',
    '  1  a manifest has errors (or a file or git revision cannot be read)',
    '  2  usage error, or an internal error',
    '  3  diff: the manifests give different configurations',
    '  4  build --check: the output folder is out of date',
].join('\n');

export async function main(argv: readonly string[], io: Io): Promise<number> {
    let exitCode = EXIT_OK;
    const out = (text: string) => io.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);

    const parser = yargs([...argv])
        .scriptName('xprc')
        .usage('$0 <command> [options]\n\nCompiles Windows deployment manifests into PowerShell DSC configurations, .reg files and runbooks.')
        .version(VERSION)
        .command(
            'build <manifest>',
            'Validate the manifest and write out/<site>/<NODE>/… (nothing is written if there is any error)',
            (y) =>
                y
                    .positional('manifest', { type: 'string', demandOption: true, describe: 'Path of the site manifest (JSON)' })
                    .option('format', BUILD_FORMAT)
                    .option('out', { type: 'string', default: 'out', describe: 'Output folder; the site is written to <out>/<site>/' })
                    .option('emit-ir', { type: 'boolean', default: false, describe: 'Also write ir.txt, the compiler’s intermediate representation' })
                    .option('emit-rsop', { type: 'boolean', default: false, describe: 'Also write <NODE>/RSOP.md: every baseline value of the node with the layer and file:line it comes from' })
                    .option('force', {
                        type: 'boolean',
                        default: false,
                        describe: 'Replace <out>/<site>/ even when it holds files xprc did not write (they are deleted)',
                    })
                    .option('check', {
                        type: 'boolean',
                        default: false,
                        describe: 'Write nothing; compare what a build would write with <out>/<site>/ and exit 4 listing stale, missing and extra files when they differ',
                    })
                    .epilogue(EXIT_CODES_HELP),
            (args) => {
                const format = args.format;
                const result = runCompile(args.manifest, io, true, args['max-manifest-bytes'] as number, args['emit-rsop']);
                // With JSON or SARIF, the diagnostics go into one document printed at the end (stdout holds one
                // value): the check document, or the build's warnings plus what writing reported.
                const deferJson = format !== 'text' && result.ir !== undefined;
                exitCode = deferJson ? EXIT_OK : report(result, format, io, args.manifest);
                if (exitCode !== EXIT_OK || !result.ir || !result.files) {
                    return;
                }
                const files = args['emit-ir']
                    ? [...result.files, { path: 'ir.txt', bytes: Buffer.from(printIR(result.ir), 'utf8') }]
                    : result.files;
                if (args.check) {
                    exitCode = checkCommand(args.manifest, args.out, result.ir.name, files, result.diagnostics, format, io);
                    return;
                }
                const write = writeBuild(resolvePath(io.cwd, args.out), args.out, result.ir.name, files, { force: args.force });
                if (format !== 'text' || write.diagnostics.length > 0) {
                    const all = [...(format !== 'text' ? result.diagnostics : []), ...locate(write.diagnostics, args.manifest)];
                    exitCode = report({ diagnostics: all }, format, io, args.manifest);
                }
                if (write.written && format === 'text') {
                    out(`Wrote ${files.length} files for ${result.ir.nodes.length} node(s) to ${write.written.target}`);
                }
            },
        )
        .command(
            'validate <manifest>',
            'Check the manifest (schema and vendor rules) without writing anything',
            (y) => y.positional('manifest', { type: 'string', demandOption: true, describe: 'Path of the site manifest (JSON)' }).option('format', BUILD_FORMAT),
            (args) => {
                const result = runCompile(args.manifest, io, false, args['max-manifest-bytes'] as number);
                exitCode = report(result, args.format, io, args.manifest);
                if (exitCode === EXIT_OK && args.format === 'text') {
                    out(`${args.manifest}: no errors.`);
                }
            },
        )
        .command(
            'diff <manifest> [new-manifest]',
            'Compare the configurations two manifests give, per node: resources, registry values, runbook steps, credentials (exit 3 when they differ)',
            (y) =>
                y
                    .positional('manifest', { type: 'string', demandOption: true, describe: 'The old manifest; with --base, the manifest in the working tree' })
                    .positional('new-manifest', { type: 'string', describe: 'The new manifest' })
                    .option('base', { type: 'string', describe: 'Compare <manifest> with itself at this git revision (git show <ref>:<path>)' })
                    .option('format', formatOption<DiffFormat>(['text', 'md', 'json'], 'The diff as text (for a terminal), md (Markdown, for a pull-request comment) or json (docs/diff.md)'))
                    .example('$0 diff old.json new.json', 'Compare two manifests')
                    .example('$0 diff site.json --base origin/main --format md', 'Review a branch: Markdown for a pull-request comment')
                    .epilogue(EXIT_CODES_HELP),
            (args) => {
                exitCode = diffCommand(args.manifest, args['new-manifest'], args.base, args.format, io);
            },
        )
        // --format is accepted (and ignored: the schema is JSON) as it always was.
        .command('schema', 'Print the manifest JSON Schema (draft 2020-12, one self-contained document)', (y) => y.option('format', FORMAT), () => {
            out(JSON.stringify(bundledRootSchema(), null, 2));
        })
        .command(
            'explain [code] [resource]',
            'Explain a diagnostic code (without a code: list them all), or with a node and a resource id (and --manifest): where that resource comes from',
            (y) =>
                y
                    .positional('code', { type: 'string', describe: 'A code such as XPR3001; or a node name, followed by <resource>' })
                    .positional('resource', { type: 'string', describe: 'A resource id of the node (as in its .ps1, with or without [Type]), an item identity (service:Spooler), or a manual step id' })
                    .option('manifest', { alias: 'm', type: 'string', describe: 'The manifest, for explaining a resource' })
                    .option('format', FORMAT)
                    .example('$0 explain XPR3010', 'Explain a diagnostic')
                    .example('$0 explain FS01 Registry_HKLM_SOFTWARE_Contoso_Port -m site.json', 'Where a resource comes from'),
            (args) => {
                const format = args.format;
                if (args.resource !== undefined || args.manifest !== undefined) {
                    exitCode = explainResourceCommand(args.code, args.resource, args.manifest, format, io);
                    return;
                }
                if (!args.code) {
                    for (const entry of catalogEntries()) {
                        out(`${entry.code}  ${entry.severity.padEnd(7)}  ${entry.title}`);
                    }
                    return;
                }
                const entry = findByCode(args.code);
                if (!entry) {
                    exitCode = report({ diagnostics: locate([diag('UnknownCode', { code: args.code })], 'xprc') }, format, io);
                    exitCode = EXIT_USAGE;
                    return;
                }
                if (format === 'json') {
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
        .option('max-manifest-bytes', {
            type: 'number',
            global: true,
            default: DEFAULT_MAX_MANIFEST_BYTES,
            describe: 'Refuse manifests larger than this many bytes (before reading them)',
        })
        .demandCommand(1, 'Name a command: build, validate, diff, schema or explain.')
        .epilogue(EXIT_CODES_HELP)
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

/** build --check: compare, print the stale/missing/extra lists, and return 0 or EXIT_STALE. Writes nothing. */
function checkCommand(
    manifest: string,
    out: string,
    siteName: string,
    files: readonly OutputFile[],
    diagnostics: readonly Diagnostic[],
    format: BuildFormat,
    io: Io,
): number {
    const shown = join(out, siteName).split('\\').join('/');
    let result: OutputCheck;
    try {
        result = checkOutput(resolvePath(io.cwd, out, siteName), files);
    } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
        return report({ diagnostics: [...diagnostics, ...locate([diag('OutputUnreadable', { path: shown, reason })], manifest)] }, format, io, manifest);
    }
    const upToDate = isUpToDate(result);
    if (format === 'sarif') {
        // Each differing file is one XPR5040 result at the manifest, next to the build's warnings.
        const files = [
            ...result.stale.map((path) => ({ path, state: 'stale' as const })),
            ...result.missing.map((path) => ({ path, state: 'missing' as const })),
            ...result.extra.map((path) => ({ path, state: 'extra' as const })),
        ];
        io.stdout.write(escapeJsonText(renderSarif(diagnostics, manifest, files)));
        return upToDate ? EXIT_OK : EXIT_STALE;
    }
    if (format === 'json') {
        const { stale, missing, extra } = result;
        // The build's diagnostics document (warnings only, here) plus the comparison.
        io.stdout.write(`${escapeJsonText(JSON.stringify({ ...diagnosticsJson(diagnostics), schema: CHECK_SCHEMA, folder: shown, upToDate, stale, missing, extra }, null, 2))}\n`);
        return upToDate ? EXIT_OK : EXIT_STALE;
    }
    if (upToDate) {
        io.stdout.write(`${shown} is up to date (${result.upToDate} files).\n`);
        return EXIT_OK;
    }
    const style = chooseStyle(io.stdout, io.env);
    const counts = [`${result.stale.length} stale`, `${result.missing.length} missing`, `${result.extra.length} extra`].join(', ');
    const lines = [
        `${style.red('generated output is out of date')}: ${shown} (${counts})`,
        ...result.stale.map((p) => `  ${style.yellow('stale')}    ${p}`),
        ...result.missing.map((p) => `  ${style.red('missing')}  ${p}`),
        ...result.extra.map((p) => `  ${style.grey('extra')}    ${p}`),
        `Run \`xprc build ${manifest}${out === 'out' ? '' : ` --out ${out}`}\` to regenerate it.`,
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT_STALE;
}
