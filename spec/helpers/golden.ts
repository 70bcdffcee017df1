/**
 * Golden files: compare what the compiler produced with the checked-in
 * expected files, byte for byte. On a mismatch, print a readable diff (a
 * .reg file is decoded from UTF-16 first) and the command that accepts the
 * new output. `XPRC_UPDATE_GOLDEN=1` (npm run test:update) rewrites them.
 */

import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';

export const UPDATE = process.env['XPRC_UPDATE_GOLDEN'] === '1';

export interface ExpectedFile {
    readonly path: string;
    readonly bytes: Buffer;
}

/** Every file below `dir`, as `/`-separated relative paths, sorted. */
export function listFiles(dir: string): string[] {
    if (!existsSync(dir)) {
        return [];
    }
    return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
        .sort();
}

/** Text for diffs: UTF-16LE files (.reg) decoded, CRLF shown as a visible marker. */
export function displayText(path: string, bytes: Buffer): string {
    const text =
        bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
    return text.replace(/\r\n/g, '␍\n');
}

/**
 * Compare the actual files with `expectedDir`; returns a failure report, or
 * '' when equal. In update mode it rewrites `expectedDir` to match instead.
 * `acceptCommand` is the command the report suggests for accepting a change.
 */
export function compareWithGolden(expectedDir: string, actual: readonly ExpectedFile[], acceptCommand = 'npm run test:update'): string {
    if (UPDATE) {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const file of actual) {
            const path = join(expectedDir, ...file.path.split('/'));
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, file.bytes);
        }
        return '';
    }
    const problems: string[] = [];
    const expectedPaths = listFiles(expectedDir);
    const actualPaths = actual.map((f) => f.path).sort();
    for (const path of expectedPaths.filter((p) => !actualPaths.includes(p))) {
        problems.push(`- ${path}: expected but not produced`);
    }
    for (const file of actual) {
        const expectedPath = join(expectedDir, ...file.path.split('/'));
        if (!existsSync(expectedPath)) {
            problems.push(`- ${file.path}: produced but has no golden file`);
            continue;
        }
        const expected = readFileSync(expectedPath);
        if (!expected.equals(file.bytes)) {
            const patch = createTwoFilesPatch(
                `expected/${file.path}`,
                `actual/${file.path}`,
                displayText(file.path, expected),
                displayText(file.path, file.bytes),
                '',
                '',
                { context: 3 },
            );
            const note =
                displayText(file.path, expected) === displayText(file.path, file.bytes)
                    ? '\n  (the text is equal: the difference is in encoding, BOM or line endings)'
                    : '';
            problems.push(`- ${file.path} differs:${note}\n${patch}`);
        }
    }
    if (problems.length === 0) {
        return '';
    }
    return [
        `Golden files in ${expectedDir} do not match:`,
        ...problems,
        '',
        'If the change is intended (and you can explain every line of the diff in review), accept it with:',
        `    ${acceptCommand}`,
    ].join('\n');
}
