/**
 * `xprc diff <manifest> --base <ref>`: the manifest's bytes at a git
 * revision. git runs with an argument array (never a shell), the revision is
 * resolved to a commit first and may not look like an option, so nothing
 * the user types can become a git option or a shell command.
 */

import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';

export type RevisionRead =
    | { readonly ok: true; readonly bytes: Buffer; readonly label: string }
    | { readonly ok: false; readonly reason: string };

/** git's own message, first line, without "fatal: "; or what went wrong starting it. */
function gitFailure(error: unknown): string {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer | string; status?: number | null };
    if (e.code === 'ENOENT') {
        return 'git is not installed or not on PATH';
    }
    const stderr = String(e.stderr ?? '').trim().split(/\r?\n/)[0] ?? '';
    // The diagnostic's message ends the sentence itself.
    return stderr.replace(/^(fatal|error): /, '').replace(/\.$/, '') || `git exited with status ${e.status ?? 'unknown'}`;
}

function git(args: readonly string[], cwd: string): Buffer {
    return execFileSync('git', [...args], {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 256 * 1024 * 1024,
        // No prompts, no pager, no locale-dependent messages to parse.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
    });
}

/**
 * Reads `<ref>:<path of manifest relative to the repository root>` with
 * `git show`. `manifest` is an absolute path in a git working tree.
 */
export function readAtRevision(manifest: string, ref: string): RevisionRead {
    if (ref === '' || ref.startsWith('-') || /[\u0000-\u001f\u007f]/.test(ref)) {
        return { ok: false, reason: 'a revision must not be empty, start with "-" or contain control characters' };
    }
    let file: string;
    try {
        // The working tree may reach the repository through a symbolic link (e.g. /tmp on macOS).
        file = realpathSync(manifest);
    } catch {
        return { ok: false, reason: 'the manifest does not exist in the working tree, so its path in the repository is unknown' };
    }
    let root: string;
    try {
        root = realpathSync(git(['rev-parse', '--show-toplevel'], dirname(file)).toString('utf8').trim());
    } catch (error) {
        return { ok: false, reason: gitFailure(error) };
    }
    const inRepo = relative(root, file);
    if (inRepo === '' || inRepo.startsWith('..') || isAbsolute(inRepo)) {
        return { ok: false, reason: 'the manifest is not inside the git working tree' };
    }
    const path = inRepo.split(sep).join('/');
    let commit: string;
    try {
        commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root).toString('utf8').trim();
    } catch (error) {
        const reason = gitFailure(error);
        return { ok: false, reason: reason.startsWith('git exited') ? `unknown revision "${ref}"` : reason };
    }
    try {
        return { ok: true, bytes: git(['show', '--no-textconv', `${commit}:${path}`], root), label: `${ref}:${path}` };
    } catch (error) {
        return { ok: false, reason: gitFailure(error).replace(commit, ref) };
    }
}
