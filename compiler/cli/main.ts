/**
 * The `xprc` command line: yargs wiring only. Commands call compile() and
 * map its diagnostics to exit codes:
 *   0 success (warnings allowed; diff: no change; build --check: up to date),
 *   1 a manifest has errors, 2 usage or internal error,
 *   3 diff: the manifests give different configurations,
 *   4 build --check: the output folder is out of date.
 *
 * build and validate (one or several manifests) are in build-command.ts,
 * init in init.ts, the diff and explain commands in diff-commands.ts; the exit codes, the
 * Io seam and the reading/compiling/reporting all commands share are in
 * run.ts (Io and the EXIT_* codes are re-exported here for the specs).
 */

import { createRequire } from 'node:module';
import type yargsFactory from 'yargs';
import { catalogEntries, findByCode } from '../diagnostics/catalog.js';
import { diag, locate } from '../diagnostics/diagnostic.js';
import { bundledRootSchema } from '../frontend/schemas.js';
import { VERSION } from '../version.js';
import { buildCommand, validateCommand } from './build-command.js';
import { diffCommand, explainResourceCommand } from './diff-commands.js';
import { DEFAULT_INIT_FILE, initCommand } from './init.js';
import { DEFAULT_MAX_MANIFEST_BYTES } from './read-manifest.js';
import { type Io, EXIT_OK, EXIT_USAGE, type Format, type DiffFormat, type BuildFormat, report, STDIN_ARG, STDIN_LABEL } from './run.js';

/**
 * yargs' CommonJS build, on purpose: the ESM build lays out --help with
 * cliui's ESM stand-in for wrap-ansi, which breaks lines every N characters,
 * mid-word ("o\nne node"); the CommonJS build wraps at word boundaries.
 */
const yargs = createRequire(import.meta.url)('yargs') as typeof yargsFactory;

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
    /** The Io a command runs with: --quiet / --verbose as its verbosity. */
    const cliIo = (args: Readonly<Record<string, unknown>>): Io => ({ ...io, verbosity: args['quiet'] === true ? 'quiet' : args['verbose'] === true ? 'verbose' : 'normal' });
    const out = (text: string) => io.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);

    // A lone `-` (standard input) reaches the commands as STDIN_ARG (run.ts says why).
    const args = argv.map((arg) => (arg === '-' ? STDIN_ARG : arg));
    const parser = yargs(args)
        .scriptName('xprc')
        .usage('$0 <command> [options]\n\nCompiles Windows deployment manifests into PowerShell DSC configurations, .reg files and runbooks.')
        .version(VERSION)
        .command(
            'init [file]',
            'Write a starter site manifest ($schema, one node, guidance in its descriptions) that builds as it is; never overwrites a file',
            (y) =>
                y
                    .positional('file', { type: 'string', default: DEFAULT_INIT_FILE, describe: 'The manifest to create; - prints it instead' })
                    .example('$0 init site.json && $0 build site.json', 'A new site in two commands'),
            (args) => {
                exitCode = initCommand(args.file, cliIo(args));
            },
        )
        .command(
            'build <manifest..>',
            'Validate each manifest and write <out>/<site>/<NODE>/… (nothing is written for a manifest with any error)',
            (y) =>
                y
                    .positional('manifest', { type: 'string', array: true, demandOption: true, describe: 'Site manifests (JSON); - reads one from standard input' })
                    .option('format', BUILD_FORMAT)
                    .option('out', { type: 'string', default: 'out', describe: 'Output folder; each site is written to <out>/<site>/ (also for -)' })
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
                    .example('$0 build site.json', 'Write out/<site>/')
                    .example('$0 build hq.json branch.json --out build', 'Two sites, into build/hq/ and build/branch/')
                    .example('cat site.json | $0 build - --check', 'Is the committed output up to date? (manifest from standard input)')
                    .epilogue(EXIT_CODES_HELP),
            (args) => {
                const manifests = args.manifest as string[];
                exitCode =
                    stdinTwice(manifests, io) ??
                    buildCommand(
                        manifests,
                        {
                            format: args.format,
                            out: args.out,
                            emitIr: args['emit-ir'],
                            emitRsop: args['emit-rsop'],
                            force: args.force,
                            check: args.check,
                            maxBytes: args['max-manifest-bytes'] as number,
                        },
                        cliIo(args),
                    );
            },
        )
        .command(
            'validate <manifest..>',
            'Check each manifest (schema and vendor rules) without writing anything',
            (y) =>
                y
                    .positional('manifest', { type: 'string', array: true, demandOption: true, describe: 'Site manifests (JSON); - reads one from standard input' })
                    .option('format', BUILD_FORMAT)
                    .example('$0 validate site.json', 'Check one manifest')
                    .example('$0 validate sites/*.json --format sarif', 'Check every site, for code scanning'),
            (args) => {
                const manifests = args.manifest as string[];
                exitCode = stdinTwice(manifests, io) ?? validateCommand(manifests, args.format, args['max-manifest-bytes'] as number, cliIo(args));
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
                    .option('node', {
                        type: 'string',
                        array: true,
                        default: [] as string[],
                        describe: 'Show only this node (repeatable, case-insensitive): its changes, its plan steps and the site settings',
                    })
                    .example('$0 diff old.json new.json', 'Compare two manifests')
                    .example('$0 diff old.json new.json --node FS01 --node WEB01', 'Only what changes for FS01 and WEB01')
                    .example('$0 diff site.json --base origin/main --format md', 'Review a branch: Markdown for a pull-request comment')
                    .epilogue(EXIT_CODES_HELP),
            (args) => {
                exitCode =
                    stdinTwice([args.manifest, ...(args['new-manifest'] === undefined ? [] : [args['new-manifest']])], io) ??
                    diffCommand(args.manifest, args['new-manifest'], args.base, args.format, cliIo(args), args.node);
            },
        )
        // --format is accepted (and ignored: the schema is JSON) as it always was.
        .command(
            'schema',
            'Print the manifest JSON Schema (draft 2020-12, one self-contained document)',
            (y) => y.option('format', FORMAT).example('$0 schema > site.schema.json', 'Save it for an editor or another validator'),
            () => {
                out(JSON.stringify(bundledRootSchema(), null, 2));
            },
        )
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
        .completion('completion', 'Print a shell completion script for bash or zsh: xprc completion >> ~/.bashrc (or ~/.zshrc)')
        .option('max-manifest-bytes', {
            type: 'number',
            global: true,
            default: DEFAULT_MAX_MANIFEST_BYTES,
            describe: 'Refuse manifests larger than this many bytes (before reading them)',
        })
        .option('quiet', { alias: 'q', type: 'boolean', global: true, describe: 'Print errors only: no warnings, no success lines (JSON and SARIF stay complete)' })
        .option('verbose', { type: 'boolean', global: true, describe: 'Also print (to stderr) how long each phase took and every file written' })
        .conflicts('quiet', 'verbose')
        .demandCommand(1, 'Name a command: init, build, validate, diff, schema, explain or completion.')
        .recommendCommands()
        // yargs' own messages in English, like xprc's, whatever LANG says.
        .detectLocale(false)
        .epilogue(EXIT_CODES_HELP)
        .strict()
        .help()
        .exitProcess(false)
        // Wrapped at word boundaries to the terminal, at most 100 columns (80 when it is not a terminal).
        .wrap(Math.min(100, io.stdout.columns ?? 80));

    try {
        await new Promise<void>((resolvePromise) => {
            void parser.parseAsync(args, {}, (error, _args, output) => {
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

/** XPR5045 when `-` (standard input) is given more than once; undefined otherwise. */
function stdinTwice(manifests: readonly string[], io: Io): number | undefined {
    const count = manifests.filter((m) => m === STDIN_ARG).length;
    if (count < 2) return undefined;
    report({ diagnostics: locate([diag('StdinTwice', { count })], STDIN_LABEL) }, 'text', io);
    return EXIT_USAGE;
}
