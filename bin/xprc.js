#!/usr/bin/env node
// The installed entry point: runs the compiled CLI from dist/ (built by `npm install` through the prepare script).
import { runOnProcess } from '../dist/cli/process-io.js';

await runOnProcess();
