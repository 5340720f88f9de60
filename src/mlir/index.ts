/**
 * numaccl/mlir: real MLIR 22 from TypeScript. `createMlirEngine()` gives an
 * engine over the in-process Node-API addon (native/) or mlir-opt-22
 * processes; both report diagnostics as numaccl's `Diagnostic`.
 */
export { createMlirEngine, sharedMlirEngine, mlirBackendAvailability, type BackendAvailability } from './engine.js';
export { anchorPipeline } from './pipeline.js';
export { parseDiagnosticText } from './diagnostic-text.js';
export type {
  Diagnostic,
  MlirBackendChoice,
  MlirBackendKind,
  MlirEngine,
  MlirEngineOptions,
  MlirInputOptions,
  RunOptions,
  RunResult,
  Severity,
  SourcePosition,
  TranslateOptions,
  TranslateResult,
  VerifyOptions,
  VerifyResult,
} from './types.js';
