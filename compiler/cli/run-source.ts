/** Runs the CLI from TypeScript sources (tests, benchmarks): `tsx compiler/cli/run-source.ts build …`. */
import { runOnProcess } from './process-io.js';

await runOnProcess();
