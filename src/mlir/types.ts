/**
 * The public shapes of the bridge to real MLIR 22: engines, options, results.
 * Both backends (in-process addon, mlir-opt-22 processes) implement `MlirEngine`
 * and must give the same verdicts, outputs and diagnostics.
 */
import type { Diagnostic } from '../ir/index.js';

export type { Diagnostic, SourcePosition, Severity } from '../ir/index.js';

/** `native`: the Node-API addon; `process`: mlir-opt-22 executables; `auto`: native when it loads. */
export type MlirBackendKind = 'native' | 'process';
export type MlirBackendChoice = MlirBackendKind | 'auto';

export interface MlirEngineOptions {
  readonly backend?: MlirBackendChoice;
  /** process backend: the `mlir-opt` executable (default: mlir-opt-22 on PATH, then /usr/lib/llvm-22/bin). */
  readonly mlirOpt?: string;
  /** process backend: the `mlir-translate` executable. */
  readonly mlirTranslate?: string;
  /** process backend: most inputs per mlir-opt run (default 2000). */
  readonly maxBatch?: number;
}

/** Options shared by every call. */
export interface MlirInputOptions {
  /** File name that diagnostics report for the input text (default `<input>`). */
  readonly filename?: string;
  /** Accept operations of unregistered dialects (`--allow-unregistered-dialect`). */
  readonly allowUnregistered?: boolean;
  /** IRDL module text whose dialects are loaded before parsing (`--irdl-file`). */
  readonly irdl?: string;
  /** Path of an IRDL file; read and treated like `irdl`. */
  readonly irdlFile?: string;
}

export type VerifyOptions = MlirInputOptions;

export interface RunOptions extends MlirInputOptions {
  /** Print operations in generic form (`--mlir-print-op-generic`). */
  readonly printGeneric?: boolean;
}

/** IRDL dialects do not translate to LLVM IR (and mlir-translate has no --irdl-file). */
export type TranslateOptions = Omit<MlirInputOptions, 'irdl' | 'irdlFile'>;

export interface VerifyResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export interface RunResult {
  readonly ok: boolean;
  /** What `mlir-opt` prints for the input ('' when it failed). */
  readonly output: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** `output` is LLVM IR text as `mlir-translate --mlir-to-llvmir` prints it. */
export type TranslateResult = RunResult;

export interface MlirEngine {
  readonly backend: MlirBackendKind;
  /** Parse and verify, as `mlir-opt` does before running any pass. */
  verify(text: string, options?: VerifyOptions): VerifyResult;
  verifyMany(texts: readonly string[], options?: VerifyOptions): VerifyResult[];
  /**
   * Parse, verify, run `pipeline` and print. `pipeline` is either anchored
   * (`builtin.module(func.func(cse))`, as for `--pass-pipeline`) or a bare list
   * (`canonicalize,func.func(cse)`), which is anchored on `builtin.module`.
   * The empty pipeline just round-trips the input through the printer.
   */
  run(text: string, pipeline: string, options?: RunOptions): RunResult;
  runMany(texts: readonly string[], pipeline: string, options?: RunOptions): RunResult[];
  /** Translate a module in the LLVM dialect to LLVM IR (`mlir-translate --mlir-to-llvmir`). */
  translateToLLVMIR(text: string, options?: TranslateOptions): TranslateResult;
  translateManyToLLVMIR(texts: readonly string[], options?: TranslateOptions): TranslateResult[];
  /** Free every MLIR context or temporary file the engine holds; later calls throw. */
  dispose(): void;
}
