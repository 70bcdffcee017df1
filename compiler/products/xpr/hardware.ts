/**
 * The hardware an XPR host needs (Upgrade guide §2.3.1.1; Cluster
 * Installation guide §3.1.2), shared by the xpr-hardware rule (hardware the
 * manifest states) and the host requirements gate (hardware it does not).
 */

import { MEMORY_MB } from './data.js';
import type { XprHost } from './model.js';

/** Working memory the host's components need, in MB: 2 GB, plus at least 1 GB with TTS and 512 MB with ASR. */
export function requiredMemoryMB(host: XprHost): number {
    const asr = host.optionalComponents.some((c) => c.startsWith('ASR'));
    return MEMORY_MB.base + (host.optionalComponents.includes('Nuance Vocalizer TTS') ? MEMORY_MB.tts : 0) + (asr ? MEMORY_MB.asr : 0);
}
