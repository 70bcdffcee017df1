import type { DirectoryResource } from '../../ir/types.js';
import { psString } from '../ps/quote.js';
import { check, type CheckContext, type PesterCheck } from './check.js';

/** Test-Path -PathType Container. A copied tree is checked against its source where the source is reachable. */
export function directoryCheck(r: DirectoryResource, ctx: CheckContext): PesterCheck {
    if (r.ensure === 'Absent') {
        return check(r, ctx, [
            `Test-Path -LiteralPath ${psString(r.path)} | Should -BeFalse -Because ${psString(`the configuration removes ${r.path}`)}`,
        ]);
    }
    const lines = [`Test-Path -LiteralPath ${psString(r.path)} -PathType Container | Should -BeTrue -Because ${psString(`folder ${r.path} must exist`)}`];
    if (r.sourcePath === undefined) {
        return check(r, ctx, lines);
    }
    // The LCM copied as the computer (or a credential); the engineer may not reach the source.
    lines.push(
        `if (-not (Test-Path -LiteralPath ${psString(r.sourcePath)}))`,
        '{',
        `    Set-ItResult -Inconclusive -Because ${psString(`the source ${r.sourcePath} is not reachable from this session`)}`,
        '    return',
        '}',
        `$missing = Get-ChildItem -LiteralPath ${psString(r.sourcePath)} -Recurse -File | Where-Object -FilterScript {`,
        `    -not (Test-Path -LiteralPath (Join-Path -Path ${psString(r.path)} -ChildPath $_.FullName.Substring(${psString(r.sourcePath)}.Length)))`,
        '}',
        `@($missing | ForEach-Object -Process { $_.FullName }) | Should -BeNullOrEmpty -Because ${psString(`every file of ${r.sourcePath} is copied`)}`,
    );
    return check(r, ctx, lines);
}
