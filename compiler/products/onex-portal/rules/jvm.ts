import { at as where, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { DEFAULT_JVM_INITIAL_HEAP_MB, DEFAULT_JVM_MAXIMUM_HEAP_MB, jvmOptionName, REQUIRED_JVM_OPTIONS } from '../data.js';
import { at } from '../model.js';

export const onexJvm: Rule = {
    name: 'onex-portal-jvm',
    description:
        'The 750 option comes with the §2.10 JVM tuning, whose jvm.dll is the x64 JRE\'s bin\\server\\jvm.dll, whose initial heap is at most its maximum heap and the maximum below the server\'s RAM, and whose extra options do not contradict the three of step 2g; the tuning is not given for the 300 option.',
    reports: ['OnexJvmMissing', 'OnexJvmPath', 'OnexJvmUnused', 'OnexJvmHeapOrder', 'OnexJvmHeapAboveMemory', 'OnexJvmOptionReplacesRequired'],
    check({ site }) {
        const section = site.onexPortal;
        if (!section) {
            return [];
        }
        const out: PendingDiagnostic[] = [];
        const capacity = section.capacity ?? '300';
        if (capacity === '750' && !section.jvm) {
            out.push(diag('OnexJvmMissing', {}, where(at('capacity'))));
        }
        if (capacity === '300' && section.jvm) {
            out.push(diag('OnexJvmUnused', {}, where(at('jvm'), 'key')));
        }
        if (section.jvm) {
            const problem = jvmPathProblem(section.jvm.path);
            if (problem) {
                out.push(diag('OnexJvmPath', { path: section.jvm.path, problem }, where(at('jvm', 'path'))));
            }
            out.push(...heapProblems(section.jvm, section.memoryGB), ...optionProblems(section.jvm.options ?? []));
        }
        return out;
    },
};

/** §2.10 step 2d: `<JRE Installation Path>\bin\server\jvm.dll` of the x64 JRE, not under Program Files (x86). */
export function jvmPathProblem(path: string): string | undefined {
    const lower = path.toLowerCase();
    if (/^[a-z]:\\program files \(x86\)\\/.test(lower)) {
        return 'is under Program Files (x86), where the 32-bit JRE lives';
    }
    if (!lower.endsWith('\\bin\\server\\jvm.dll')) {
        return 'does not end in \\bin\\server\\jvm.dll';
    }
    return undefined;
}

/**
 * §2.10 steps 2e and 2f: JvmMs and JvmMx become -Xms and -Xmx. An omitted
 * value is the guide's (512, 5604), so an explicit 256 MB maximum is checked
 * against the default initial heap too. Reported at the value the manifest
 * states (the maximum when both or neither are given).
 */
function heapProblems(jvm: { initialHeapMB?: number; maximumHeapMB?: number }, memoryGB: number): PendingDiagnostic[] {
    const out: PendingDiagnostic[] = [];
    const initial = jvm.initialHeapMB ?? DEFAULT_JVM_INITIAL_HEAP_MB;
    const maximum = jvm.maximumHeapMB ?? DEFAULT_JVM_MAXIMUM_HEAP_MB;
    const maximumAt = jvm.maximumHeapMB !== undefined ? at('jvm', 'maximumHeapMB') : at('jvm');
    if (initial > maximum) {
        out.push(diag('OnexJvmHeapOrder', { initial, maximum }, where(jvm.initialHeapMB !== undefined && jvm.maximumHeapMB === undefined ? at('jvm', 'initialHeapMB') : maximumAt)));
    }
    const memoryMB = memoryGB * 1024;
    if (maximum >= memoryMB) {
        out.push(diag('OnexJvmHeapAboveMemory', { maximum, memory: memoryGB, memoryMB }, where(maximumAt)));
    }
    return out;
}

/** §2.10 step 2g: extra options are added to the three required ones; one that sets the same option otherwise is an error. */
function optionProblems(options: readonly string[]): PendingDiagnostic[] {
    return options.flatMap((option, i) => {
        const required = REQUIRED_JVM_OPTIONS.find((r) => jvmOptionName(r) === jvmOptionName(option));
        return required !== undefined && required !== option
            ? [diag('OnexJvmOptionReplacesRequired', { option, name: jvmOptionName(option), required }, where(at('jvm', 'options', i)))]
            : [];
    });
}
