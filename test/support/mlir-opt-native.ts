/**
 * The in-process MLIR 22 engine (numaccl/mlir, native addon) standing in for
 * mlir-opt-22 processes where it gives exactly what the process would: plain
 * parse → verify → print runs (`--allow-unregistered-dialect`,
 * `--mlir-print-op-generic`, nothing else) of inputs that avoid the known
 * driver-level differences (docs/mlir-bridge.md, "Where the backends differ").
 * Everything else, and every input when the addon is not built or
 * `NUMACCL_TEST_MLIR_OPT=process`, goes to the mlir-opt-22 processes.
 */
import { mlirBackendAvailability, sharedMlirEngine, type MlirEngine } from '../../src/mlir/index.js';
import type { MlirOptResult } from './mlir-opt-process.js';

/** Which runner `runMlirOpt` uses: `auto` (native where exact), or always `process`. */
export type MlirOptEngineChoice = 'auto' | 'process';

export const ENGINE_ENV = 'NUMACCL_TEST_MLIR_OPT';

export interface NativeRunFlags {
  readonly allowUnregistered: boolean;
  readonly printGeneric: boolean;
}

const KNOWN_ARGS = new Set(['--allow-unregistered-dialect', '--mlir-print-op-generic']);

let engine: MlirEngine | null | undefined;

function nativeEngine(): MlirEngine | undefined {
  if (engine === undefined) engine = mlirBackendAvailability().native.available ? sharedMlirEngine('native') : null;
  return engine ?? undefined;
}

/** The native run flags for `args`, or undefined when they need the mlir-opt driver. */
export function nativeFlags(args: readonly string[], choice: MlirOptEngineChoice | undefined): NativeRunFlags | undefined {
  const env = process.env[ENGINE_ENV];
  if ((choice ?? 'auto') === 'process' || env === 'process') return undefined;
  if (!args.every((a) => KNOWN_ARGS.has(a))) return undefined;
  if (!nativeEngine()) return undefined;
  return { allowUnregistered: args.includes('--allow-unregistered-dialect'), printGeneric: args.includes('--mlir-print-op-generic') };
}

/**
 * Inputs where mlir-opt-22 (the driver, not MLIR) behaves differently: it
 * registers the `test` dialects (also as owners of `{-# ... #-}` resources),
 * prints unknown external resources back, and checks `expected-*` comments
 * once an input fails.
 */
export function needsProcess(input: string): boolean {
  return /\btest(_dyn|_irdl_to_cpp)?\./.test(input) || input.includes('{-#') || input.includes('expected-');
}

/** One input through the addon, in `runMlirOpt`'s result shape. */
export function runNative(input: string, fileName: string, flags: NativeRunFlags): MlirOptResult {
  const r = nativeEngine()!.run(input, '', { filename: fileName, ...flags });
  // Reported in the process path's words (`mlir-opt crashed (SIGSEGV)`), which callers match on.
  const crash = r.diagnostics.map((d) => /^MLIR crashed \(([^)]*)\)/.exec(d.message)).find((m) => m !== null);
  if (crash) return { ok: false, output: '', diagnostics: [], crashed: `mlir-opt crashed (${crash[1]})` };
  return { ok: r.ok, output: r.output, diagnostics: r.diagnostics };
}
