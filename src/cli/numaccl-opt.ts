#!/usr/bin/env node
// numaccl-opt launcher: runs the main program and turns anything unexpected
// into a one-line internal error (never a stack trace).
import { runOpt } from './opt/main.js';

try {
  process.exitCode = runOpt(process.argv.slice(2));
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`numaccl-opt: internal error: ${message}\n`);
  process.exitCode = 1;
}
