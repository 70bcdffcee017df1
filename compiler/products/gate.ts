/**
 * Gates: Script resources that wait for a manual runbook step.
 *
 * A gate's Test reads a fact only the engineer can make true (a vendor's
 * interactive installer ran); its Set never changes anything and fails with
 * one message shape, so that an engineer reading the LCM's error, and the
 * behaviour tests reading the script, both see which step is missing. The
 * message is plain ASCII because Windows PowerShell 5.1 reads a script
 * without a BOM as the system code page.
 */

import { psString } from '../emit/ps/quote.js';
import type { ManualStep, ScriptGate } from '../ir/types.js';

/** The prefix every gate's error starts with; tests look for it. */
export const GATE_MESSAGE_PREFIX = 'xprc gate: ';

export function gateFor(step: Pick<ManualStep, 'id' | 'title'>): ScriptGate {
    return { step: step.id, title: step.title };
}

/**
 * The SetScript of a gate: `fact` says what is not true yet, in words
 * ("OpenScape Xpressions V7 R1 is not installed in D:\XPR").
 */
export function gateSetScript(gate: ScriptGate, fact: string): readonly string[] {
    return [`throw ${psString(`${GATE_MESSAGE_PREFIX}${fact.replace(/\.$/, '')}${waiting(gate)}`)}`];
}

/**
 * The same message when the script computes what is missing: the fact is
 * `lead` (plain text) followed by the value of `expression`, a PowerShell
 * string expression written by xprc (e.g. `($problems -join '; ')`), never
 * manifest text.
 */
export function gateSetScriptFor(gate: ScriptGate, lead: string, expression: string): readonly string[] {
    return [`throw (${psString(`${GATE_MESSAGE_PREFIX}${lead}`)} + ${expression} + ${psString(waiting(gate))})`];
}

function waiting(gate: ScriptGate): string {
    return `. Waiting for the runbook step "${gate.title}" (RUNBOOK.md): do that step, then apply this configuration again.`;
}
