// Public face of the diagnostics tooling: the Diagnostic type, mlir-opt-style
// rendering, --verify-diagnostics expectations and --split-input-file splitting.
export {
  type Severity,
  type SourcePosition,
  type Diagnostic,
  DiagnosticError,
  formatHeadline,
} from './diagnostic.js';
export { type SourceManager, MapSourceManager, LineIndex, byteLength, isAscii } from './source-manager.js';
export { renderDiagnostic, renderDiagnostics, renderMessage, expandTabs } from './render.js';
export {
  type Expectation,
  type ParsedExpectations,
  type VerifyOptions,
  type VerifyResult,
  parseExpectations,
  verifyDiagnostics,
  verifyAgainst,
  matches,
  compileMessageRegex,
  positionAt,
} from './expectations.js';
export { PosixRegexError, compilePosixEre, posixEreToJs } from './posix-regex.js';
export {
  SPLIT_MARKER,
  OUTPUT_SPLIT_SEPARATOR,
  type SplitChunk,
  type SplitResult,
  splitInputFile,
  chunkToFilePosition,
  joinSplitOutputs,
} from './split-input.js';
export {
  type ChunkResult,
  type ChunkContext,
  type ChunkProcessor,
  type DriverOptions,
  type DriverResult,
  runOptDriver,
} from './driver.js';
