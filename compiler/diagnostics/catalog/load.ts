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

} as const satisfies Record<string, CatalogEntry>;
