/**
 * Diagnostics catalog, XPR5xxx: the command line, and the ownership, locking
 * and recovery of the output folder (XPR5010–XPR5039).
 *
 * One part of CATALOG (../catalog.ts), kept in its own file only so that no
 * file holds the whole table; codes, order and texts are the table's. The
 * `as const satisfies` keeps every template a literal type, which the typed
 * placeholders of DiagnosticArgs need.
 */

import type { CatalogEntry } from '../catalog.js';

export const CLI = {
    // --- XPR5xxx: command line ----------------------------------------------
    OutputUnwritable: {
        code: 'XPR5001',
        phase: 'cli',
        severity: 'error',
        title: 'Output folder cannot be written',
        message: 'Cannot write the output to "{path}": {reason}. {state}',
        fix: 'Check the --out folder and its permissions.',
        explanation:
            'The output is written to a temporary folder next to the target, flushed to disk and swapped in at the end. The message says where the previous output is: unchanged in place, or (when even putting it back failed) in a .xprc-old-* folder that the next build restores.',
    },
    UnknownCode: {
        code: 'XPR5002',
        phase: 'cli',
        severity: 'error',
        title: 'Unknown diagnostic code',
        message: 'There is no diagnostic "{code}".',
        fix: 'Run `xprc explain` without a code to list them all.',
        explanation: 'xprc explain takes a code such as XPR3001.',
    },
    RevisionUnreadable: {
        code: 'XPR5003',
        phase: 'cli',
        severity: 'error',
        title: 'Manifest cannot be read at the git revision',
        message: 'Cannot read the manifest at git revision "{ref}": {reason}.',
        fix: 'Check the revision (`git log --oneline`) and that {path} existed there under the same path; run xprc diff on a manifest inside a git working tree.',
        explanation:
            'xprc diff <manifest> --base <ref> compares the manifest with its own earlier version, read with `git show <ref>:<path>` where <path> is the manifest\'s path relative to the repository root. That needs git on PATH, a manifest inside a working tree, a revision git knows, and the file at that path in it (a renamed manifest is not followed).',
    },
    OutputUnreadable: {
        code: 'XPR5004',
        phase: 'cli',
        severity: 'error',
        title: 'Output folder cannot be read',
        message: 'Cannot read the existing output in "{path}": {reason}.',
        fix: 'Check the --out folder and its permissions.',
        explanation: 'xprc build --check compares what a build would write with the files in the output folder, so it has to read every file there. Nothing is written.',
    },
    UnknownNode: {
        code: 'XPR5005',
        phase: 'cli',
        severity: 'error',
        title: 'Unknown node',
        message: 'The manifest has no node "{node}".{suggestion}',
        fix: 'Name a node of the manifest (node names compare case-insensitively).',
        explanation: 'xprc explain <NODE> <resource-id> --manifest <file> looks the node up by name in that manifest.',
    },
    UnknownResource: {
        code: 'XPR5006',
        phase: 'cli',
        severity: 'error',
        title: 'Unknown resource or step',
        message: 'Node "{node}" has no resource or manual step "{id}".{suggestion}',
        fix: 'Use a resource id as the node\'s .ps1 names it (the quoted name after the resource type, e.g. Registry_HKLM_SOFTWARE_Vendor_Port, optionally as [xRegistry]Registry_…) or a manual step id from its RUNBOOK.md.',
        explanation: 'Resource ids are derived from what the resource configures, so they stay the same when the manifest is reordered; `xprc build --emit-ir` lists them all in ir.txt.',
    },
    // XPR5010–XPR5039: ownership, locking and recovery of the output folder
    OutputNotOwned: {
        code: 'XPR5010',
        phase: 'cli',
        severity: 'error',
        title: 'Output folder holds files xprc did not write',
        message: 'The site folder "{path}" holds {count} file(s) that xprc did not write or that changed since it wrote them: {files}. Nothing was written.',
        fix: 'Move those files out (a build replaces the site folder as a whole) or build into another --out folder. `--force` replaces the folder anyway and deletes them.',
        explanation:
            'xprc records every file it writes, with its SHA-256, in <site>/.xprc-output.json. A build replaces the site folder only when it is absent or holds exactly those files unchanged, so an engineer\'s notes or a hand-fixed script are never deleted silently.',
    },
    OutputPathOccupied: {
        code: 'XPR5011',
        phase: 'cli',
        severity: 'error',
        title: 'Something else is where the site folder goes',
        message: '"{path}" is a file or link, not a site folder xprc wrote. Nothing was written.',
        fix: 'Move it away or build into another --out folder; `--force` replaces it.',
        explanation: 'The site is written to <out>/<site>/; a file or link of that name is not xprc\'s and is not deleted without --force.',
    },
    OutputRootRisky: {
        code: 'XPR5012',
        phase: 'cli',
        severity: 'error',
        title: 'Output folder is a file-system root or the home folder',
        message: 'The output folder "{root}" is a file-system root or the home folder, and "{path}" is not a site folder xprc wrote there before. Nothing was written.',
        fix: 'Build into a folder of its own (the default is out/); type --force to write there anyway.',
        explanation: 'A site written to / or ~ mixes generated output with everything else on the machine, and usually means a mistyped --out.',
    },
    OutputLocked: {
        code: 'XPR5013',
        phase: 'cli',
        severity: 'error',
        title: 'Another build is writing the same site',
        message: 'Another build is writing "{path}" (lock {lock}, {holder}); waited {seconds} s. Nothing was written.',
        fix: 'Build again when the other build has finished. If no build is running (one on another host was killed), delete {lock}.',
        explanation:
            'Builds of one site take turns: each holds <out>/.xprc-lock-<site> while it writes. A lock left by a dead build on the same host is taken over at once; one from another host cannot be checked, so it has to be deleted by hand.',
    },
    OutputRecovered: {
        code: 'XPR5014',
        phase: 'cli',
        severity: 'warning',
        title: 'An interrupted build was finished',
        message: 'An earlier build of this site was interrupted: {what}.',
        fix: 'Nothing to do; this build replaced the output as usual.',
        explanation:
            'A build that is killed can leave the previous output in .xprc-old-<site>-* (with the site folder missing) or temporary folders beside it. The next build puts the previous output back before anything else and removes what dead builds left, and says so here.',
    },
    OldOutputKept: {
        code: 'XPR5015',
        phase: 'cli',
        severity: 'warning',
        title: 'Previous output kept',
        message: 'The previous output was kept in "{path}": {reason}.',
        fix: 'Move anything you need out of it, then delete the folder.',
        explanation: 'A build removes the previous output only when it still holds just the files xprc wrote; otherwise it keeps it, because someone may have saved a file there during the build.',
    },
    OutputStale: {
        code: 'XPR5040',
        phase: 'cli',
        severity: 'error',
        title: 'Generated output out of date',
        message: 'Generated file "{path}" is {state}: the output folder differs from what the manifest gives.',
        fix: 'Run `xprc build` on the manifest and commit the regenerated output.',
        explanation:
            '`xprc build --check --format sarif` reports each stale, missing or extra file of the output folder as one result of this rule, at the manifest, so that code scanning shows an out-of-date output folder next to the manifest\'s own diagnostics. The text and JSON formats list the files instead.',
    },
    DiffUnknownNode: {
        code: 'XPR5041',
        phase: 'cli',
        severity: 'error',
        title: 'xprc diff --node names no node of either manifest',
        message: 'Neither manifest has a node "{node}".{suggestion}',
        fix: 'Name a node of the old or the new manifest (node names compare case-insensitively), or leave out --node to see every node.',
        explanation:
            'xprc diff --node <NAME> (repeatable) limits the diff to those nodes: their sections, the plan steps that run on them, and the site settings, which reach every node. A name is looked up in both manifests, so an added or a removed node can be selected too.',
    },
    OutputCollision: {
        code: 'XPR5042',
        phase: 'cli',
        severity: 'error',
        title: 'Two manifests would write the same output folder',
        message: 'This site would be written to "{path}", and so would {others}. Nothing was written for either.',
        fix: 'Give the sites different `name`s, or build them one at a time with different --out folders.',
        explanation:
            'xprc build takes several manifests and writes each to <out>/<site>/, where <site> is the manifest\'s `name`. Two manifests with the same name (or the same manifest twice) would replace each other\'s output, so the collision is found before anything is written and neither is built; the other manifests are built as usual.',
    },
    InitTargetExists: {
        code: 'XPR5043',
        phase: 'cli',
        severity: 'error',
        title: 'xprc init would overwrite a file',
        message: '"{path}" already exists; xprc init never overwrites a file.',
        fix: 'Name another file (`xprc init new-site.json`), or move the existing one away first.',
        explanation: 'xprc init writes a starter manifest. It creates the file exclusively, so an existing manifest (or anything else of that name) is never replaced.',
    },
    InitUnwritable: {
        code: 'XPR5044',
        phase: 'cli',
        severity: 'error',
        title: 'xprc init cannot write the manifest',
        message: 'Cannot write "{path}": {reason}.',
        fix: 'Check that the folder exists and that you may write to it.',
        explanation: 'xprc init writes the starter manifest where it is told; it does not create folders.',
    },
    StdinTwice: {
        code: 'XPR5045',
        phase: 'cli',
        severity: 'error',
        title: 'Standard input named more than once',
        message: 'Standard input (`-`) is named {count} times; it can be read only once.',
        fix: 'Pass at most one manifest as `-`; give the others as files.',
        explanation: '`-` in place of a manifest reads it from standard input, and diagnostics name it <stdin>. Standard input ends after the first read, so a second `-` would be an empty manifest.',
    },
} as const satisfies Record<string, CatalogEntry>;
