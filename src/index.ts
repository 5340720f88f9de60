// numaccl's public API: the IR (parse, print, verify, build), its dialects,
// and (as they land) passes, topology and lowering. Subpaths: numaccl/testing, numaccl/mlir.
import { parse as parseWith, print, verify, type ParseOptions, type ParseResult } from './ir/index.js';
import { createContext } from './dialects/index.js';
import type { Context } from './ir/index.js';

export * from './ir/index.js';
export { createContext, registerAllDialects, DIALECT_LOADERS, defineOdsDialect, type OpOverride, type OdsDialectOptions } from './dialects/index.js';

export interface ParseTextOptions extends ParseOptions {
  /** Context to parse into (default: a fresh one with every numaccl dialect). */
  context?: Context;
  allowUnregistered?: boolean;
}

/** Parse MLIR text with every numaccl dialect registered; throws DiagnosticError. */
export function parseText(text: string, options: ParseTextOptions = {}): ParseResult {
  const ctx = options.context ?? createContext({ allowUnregistered: options.allowUnregistered });
  return parseWith(ctx, text, options);
}

export { print, verify };

// Passes (pipeline strings, PassManager, registry, generic and NUMA passes).
export * from './passes/index.js';
// Names both layers define: the IR's are the public ones.
export type { ParseResult, RewriteListener } from './ir/index.js';
// Topology, cost model, simulator, calibration.
export * from './topology/index.js';
// The reference interpreter.
export { interpret, interpretableOps, generateInput, compareResults, InterpError, type InterpretOptions, type InterpretResult, type Comparison } from './interp/index.js';
