import type { FileResource } from '../../ir/types.js';
import { psString } from '../ps/quote.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/** Test-Path -PathType Leaf, then the content: the manifest's text, or the source's SHA-256 where the source is reachable. */
export function fileCheck(r: FileResource, ctx: CheckContext): PesterCheck {
    if (r.ensure === 'Absent') {
        return check(r, ctx, [
            `Test-Path -LiteralPath ${psString(r.path)} | Should -BeFalse -Because ${psString(`the configuration removes ${r.path}`)}`,
        ]);
    }
    const lines = [`Test-Path -LiteralPath ${psString(r.path)} -PathType Leaf | Should -BeTrue -Because ${psString(`file ${r.path} must exist`)}`];
    if (r.contents !== undefined) {
        // [string]: -Raw gives $null for an empty file in Windows PowerShell 5.1.
        lines.push(`[System.String] (Get-Content -LiteralPath ${psString(r.path)} -Raw) | Should -BeExactly ${psString(r.contents)}`);
    } else if (r.sourcePath !== undefined) {
        lines.push(
            `if (-not (Test-Path -LiteralPath ${psString(r.sourcePath)}))`,
            '{',
            `    Set-ItResult -Inconclusive -Because ${psString(`the source ${r.sourcePath} is not reachable from this session`)}`,
            '    return',
            '}',
            `(Get-FileHash -LiteralPath ${psString(r.path)} -Algorithm SHA256).Hash |`,
            `    Should -Be (Get-FileHash -LiteralPath ${psString(r.sourcePath)} -Algorithm SHA256).Hash -Because ${psString(`the file is a copy of ${r.sourcePath}`)}`,
        );
    }
    return check(r, ctx, lines);
}
