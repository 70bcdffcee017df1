import { at as where, diag, type PendingDiagnostic } from '../../../diagnostics/diagnostic.js';
import type { Rule } from '../../../rules/rule.js';
import { at } from '../model.js';

export const onexJvm: Rule = {
    name: 'onex-portal-jvm',
    description:
        'The 750 option comes with the §2.10 JVM tuning, whose jvm.dll is the x64 JRE\'s bin\\server\\jvm.dll, and the tuning is not given for the 300 option.',
    reports: ['OnexJvmMissing', 'OnexJvmPath', 'OnexJvmUnused'],
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
