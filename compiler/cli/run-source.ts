/** Runs the CLI from TypeScript sources (tests, benchmarks): `tsx compiler/cli/run-source.ts build …`. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
