// Public face of the IR core: context, types, attributes, operations, text in
// and out, verification and diagnostics.
import type { Context } from './core/context.js';
import type { Operation } from './core/operation.js';
import { parseSource, type ParseOptions, type ParseResult } from './parser/index.js';
import { printType } from './printer/types.js';
import { printAttribute as printAttributeText } from './printer/attributes.js';

export { Context } from './core/context.js';
export { Operation, emptyState, type OperationState } from './core/operation.js';
export { Block } from './core/block.js';
export { Region } from './core/region.js';
export { Value, OpResult, BlockArgument, OpOperand } from './core/value.js';
export { Builder, type InsertionPoint, type CreateOptions } from './core/builder.js';
export { Rewriter, type RewriteListener } from './core/rewriter.js';
export { cloneOperation, ValueMapping } from './core/clone.js';
export { SymbolTable, symbolName } from './core/symbol-table.js';
export type {
  Dialect,
  OpDefinition,
  OpAsmParser,
  OpAsmPrinter,
  VerifyContext,
  ParsedArgument,
  UnresolvedOperand,
  PrintRegionOptions,
  DialectSymbolRef,
  DialectBodyParser,
} from './core/dialect.js';
export * from './types/type.js';
export * from './attributes/attribute.js';
export * from './attributes/location.js';
export * from './attributes/affine.js';
export * from './diagnostics/index.js';
export { verify, Verifier, RegionDominance } from './verifier/index.js';
export { print, printType, printAttribute, printLocationBody, formatFloat, quoteString, AsmPrinter, type PrintModuleOptions, type PrintOptions } from './printer/index.js';
export { SourceFile, ParseError, type ParseOptions, type ParseResult, type ResourceSection } from './parser/index.js';

/** Parse MLIR text into a module (throws DiagnosticError with located diagnostics). */
export function parse(context: Context, text: string, options: ParseOptions = {}): ParseResult {
  return parseSource(context, text, options, printType, (a) => printAttributeText(a));
}

