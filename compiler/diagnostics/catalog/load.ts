/**
 * Diagnostics catalog, XPR1xxx: loading the manifest (reading, JSON syntax,
 * encodings) and the bounds that keep hostile input small (data safety,
 * XPR1005–XPR1029).
 *
 * One part of CATALOG (../catalog.ts), kept in its own file only so that no
 * file holds the whole table; codes, order and texts are the table's. The
 * `as const satisfies` keeps every template a literal type, which the typed
 * placeholders of DiagnosticArgs need.
 */

import type { CatalogEntry } from '../catalog.js';

export const LOAD = {
    // --- XPR1xxx: loading -------------------------------------------------
    FileUnreadable: {
        code: 'XPR1001',
        phase: 'load',
        severity: 'error',
        title: 'Manifest cannot be read',
        message: 'Cannot read the manifest: {reason}.',
        fix: 'Check the path and that the file is readable.',
        explanation: 'The manifest file does not exist, is a folder, or cannot be opened.',
    },
    JsonSyntax: {
        code: 'XPR1002',
        phase: 'load',
        severity: 'error',
        title: 'Invalid JSON',
        message: 'Invalid JSON: {problem}.',
        fix: 'Correct the JSON syntax at this position; manifests are strict JSON (no comments, no trailing commas).',
        explanation:
            'The manifest is not well-formed JSON. xprc reads strict JSON (RFC 8259): comments and trailing commas are rejected because other tools in the pipeline (VS Code schema validation, jq, CI linters) would read the file differently.',
    },
    DuplicateKey: {
        code: 'XPR1003',
        phase: 'load',
        severity: 'error',
        title: 'Duplicate property',
        message: 'Property "{property}" appears more than once in this object.',
        fix: 'Keep one "{property}"; JSON readers disagree about which duplicate wins.',
        explanation:
            'RFC 8259 leaves the meaning of duplicate names open; most parsers keep the last one silently. A duplicate in a deployment manifest is almost always a merge mistake, so it is an error.',
    },
    InvalidEncoding: {
        code: 'XPR1004',
        phase: 'load',
        severity: 'error',
        title: 'Manifest is not UTF-8',
        message: 'The manifest is not valid UTF-8 text ({reason}).',
        fix: 'Save the manifest as UTF-8 (with or without BOM).',
        explanation: 'Manifests are read as UTF-8. UTF-16 files and files with invalid byte sequences are rejected rather than guessed.',
    },
    // XPR1005–XPR1029: bounds and encodings (data safety)
    ManifestTooLarge: {
        code: 'XPR1005',
        phase: 'load',
        severity: 'error',
        title: 'Manifest too large',
        message: 'The manifest is {size} bytes, more than the limit of {limit} bytes; it was not read.',
        fix: 'Check that this is the manifest you meant; a larger site can raise the limit with --max-manifest-bytes <bytes>.',
        explanation:
            'A site manifest is a few hundred kilobytes at most. The limit (64 MiB by default) keeps a wrong path (a log file, a disk image) from filling memory; it is checked before reading, from the file size.',
    },
    NotARegularFile: {
        code: 'XPR1006',
        phase: 'load',
        severity: 'error',
        title: 'Manifest is not a regular file',
        message: 'Cannot read the manifest: it is {what}, not a regular file.',
        fix: 'Give the path of a manifest file.',
        explanation:
            'Devices, FIFOs and sockets can block forever or never end (/dev/zero), so xprc refuses them before reading; the type is checked on the opened file, without waiting for a writer.',
    },
    NestingTooDeep: {
        code: 'XPR1007',
        phase: 'load',
        severity: 'error',
        title: 'Nesting too deep',
        message: 'Objects and arrays are nested more than {limit} levels deep here.',
        fix: 'Manifests need about ten levels at most (the examples use eight); look for a generated or corrupted file.',
        explanation: 'Nesting is counted before the JSON is parsed, so a hostile file cannot exhaust the parser\'s stack; the deepest example manifest uses eight levels.',
    },
    // XPR1008–XPR1019: included files (frontend/include.ts)
    IncludeOutsideFolder: {
        code: 'XPR1008',
        phase: 'load',
        severity: 'error',
        title: 'Included file outside the manifest\'s folder',
        message: 'Cannot include "{path}": {reason}; included files must lie in the folder of the site manifest or below it.',
        fix: 'Move the file into the manifest\'s folder tree and include it by a relative path with forward slashes (e.g. "layers/roles.json").',
        explanation:
            'An include names a file relative to the file that includes it. Absolute paths, `..` above the site manifest\'s folder and symbolic links that lead out of it are refused, so a manifest checked out of a repository can only read files of that repository, and the build reads the same files on every machine.',
    },
    IncludeCycle: {
        code: 'XPR1009',
        phase: 'load',
        severity: 'error',
        title: 'Included files include each other',
        message: 'Including "{path}" closes a cycle: {cycle}.',
        fix: 'Remove one include of the cycle; a file of shared profiles should be included by the files that need it, never include them back.',
        explanation: 'Includes are followed depth-first; a file that is already being included further up would be merged into itself.',
    },
    IncludeUnreadable: {
        code: 'XPR1010',
        phase: 'load',
        severity: 'error',
        title: 'Included file cannot be read',
        message: 'Cannot read the included file "{path}": {reason}.',
        fix: 'Check the path (relative to the file that includes it, with forward slashes) and that the file exists.',
        explanation: 'Every file an `include` names is read when the manifest is loaded; a missing or unreadable one stops the build, because the site would lack its baselines.',
    },
    IncludeDuplicateName: {
        code: 'XPR1011',
        phase: 'load',
        severity: 'error',
        title: 'Profile or role defined in two files',
        message: 'The {what} "{name}" is already defined in {other}.',
        fix: 'Keep one definition, or rename one of them.',
        explanation:
            'Included files are merged into the site manifest: each baseline profile and each role has one definition, in one file, so that every item has one place it comes from. Layering (a more specific layer overriding a less specific one) happens per node, through roles, `baselines` and the node\'s own `baseline`.',
    },
    IncludeNotAvailable: {
        code: 'XPR1012',
        phase: 'load',
        severity: 'error',
        title: 'Included files cannot be read here',
        message: 'The manifest includes files, but it was read {from}, where files relative to it cannot be read.',
        fix: 'Give the manifest by its path, so that its included files can be found next to it.',
        explanation: 'Included files are found relative to the manifest\'s own file (`xprc diff --base` reads them at the same git revision); a manifest read from standard input has no folder to find them in.',
    },

} as const satisfies Record<string, CatalogEntry>;
