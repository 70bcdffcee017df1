#!/usr/bin/env node
// The installed entry point: runs the bundled CLI (dist/xprc.mjs, built by `npm install` through the prepare script).
import { runOnProcess } from '../dist/xprc.mjs';

await runOnProcess();
