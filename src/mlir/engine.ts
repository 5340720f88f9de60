/** `createMlirEngine`: picks the backend and explains, once, when it falls back. */
import { loadNativeAddon } from './native-addon.js';
import { NativeMlirEngine } from './native-backend.js';
import { ProcessMlirEngine } from './process-backend.js';
import { findMlirOpt, findMlirTranslate } from './tools.js';
import type { MlirBackendKind, MlirEngine, MlirEngineOptions } from './types.js';

export interface BackendAvailability {
  readonly available: boolean;
  /** Why the backend is unavailable, or where it comes from. */
  readonly detail: string;
}

/** Whether each backend can be used on this machine, and why not. */
export function mlirBackendAvailability(options: MlirEngineOptions = {}): Record<MlirBackendKind, BackendAvailability> {
  const addon = loadNativeAddon();
  const opt = findMlirOpt(options.mlirOpt);
  return {
    native: addon.ok ? { available: true, detail: addon.path } : { available: false, detail: addon.reason },
    process: opt
      ? { available: true, detail: opt }
      : { available: false, detail: options.mlirOpt ? `${options.mlirOpt} is not executable` : 'mlir-opt-22 not found on PATH or in /usr/lib/llvm-22/bin' },
  };
}

let warnedFallback = false;

function createNative(): MlirEngine | string {
  const addon = loadNativeAddon();
  return addon.ok ? new NativeMlirEngine(addon.addon) : addon.reason;
}

function createProcess(options: MlirEngineOptions): MlirEngine | string {
  const mlirOpt = findMlirOpt(options.mlirOpt);
  if (!mlirOpt) return options.mlirOpt ? `${options.mlirOpt} is not executable` : 'mlir-opt-22 not found on PATH or in /usr/lib/llvm-22/bin';
  return new ProcessMlirEngine({ mlirOpt, mlirTranslate: findMlirTranslate(options.mlirTranslate) }, options.maxBatch);
}

/**
 * An engine over real MLIR 22. `backend: 'auto'` (the default) prefers the
 * in-process addon and falls back to mlir-opt-22 processes, warning once per
 * process why. Throws when the requested backend (or, for auto, neither) is available.
 */
export function createMlirEngine(options: MlirEngineOptions = {}): MlirEngine {
  const choice = options.backend ?? 'auto';
  if (choice !== 'native' && choice !== 'process' && choice !== 'auto') {
    throw new Error(`numaccl/mlir: options.backend must be 'native', 'process' or 'auto', not ${JSON.stringify(choice)}`);
  }
  if (options.maxBatch !== undefined && !(Number.isInteger(options.maxBatch) && options.maxBatch > 0)) {
    throw new Error(`numaccl/mlir: options.maxBatch must be a positive integer, not ${String(options.maxBatch)}`);
  }
  if (choice === 'native') {
    const e = createNative();
    if (typeof e === 'string') throw new Error(`numaccl/mlir: native backend unavailable: ${e}`);
    return e;
  }
  if (choice === 'process') {
    const e = createProcess(options);
    if (typeof e === 'string') throw new Error(`numaccl/mlir: process backend unavailable: ${e}`);
    return e;
  }
  const native = createNative();
  if (typeof native !== 'string') return native;
  const proc = createProcess(options);
  if (typeof proc === 'string') {
    throw new Error(`numaccl/mlir: no MLIR backend available. native: ${native}; process: ${proc}`);
  }
  if (!warnedFallback) {
    warnedFallback = true;
    process.emitWarning(`numaccl/mlir: native MLIR addon unavailable (${native}); using mlir-opt-22 processes`, 'NumacclMlirFallback');
  }
  return proc;
}

const shared = new Map<string, MlirEngine>();

/**
 * One engine per backend choice for the whole process, created on first use
 * (for test suites and passes that call MLIR thousands of times). Do not
 * dispose it; its MLIR contexts live until the process exits.
 */
export function sharedMlirEngine(backend: MlirEngineOptions['backend'] = 'auto'): MlirEngine {
  const key = backend ?? 'auto';
  let engine = shared.get(key);
  if (!engine) {
    const inner = createMlirEngine({ backend: key });
    // A disposed shared engine would break every later user, so dispose() does nothing.
    engine = { ...bindAll(inner), backend: inner.backend, dispose: () => undefined };
    shared.set(key, engine);
  }
  return engine;
}

function bindAll(e: MlirEngine): Omit<MlirEngine, 'dispose' | 'backend'> {
  return {
    verify: e.verify.bind(e),
    verifyMany: e.verifyMany.bind(e),
    run: e.run.bind(e),
    runMany: e.runMany.bind(e),
    translateToLLVMIR: e.translateToLLVMIR.bind(e),
    translateManyToLLVMIR: e.translateManyToLLVMIR.bind(e),
  };
}
