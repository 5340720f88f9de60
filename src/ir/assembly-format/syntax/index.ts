/** MLIR declarative assembly-format strings: lexer, parser to a directive AST, and printer. */
export type {
  FormatContext,
  FormatElement,
  FormatElementKind,
  OilistClause,
  WhitespaceValue,
} from './ast.js';
export { FormatSyntaxError } from './errors.js';
export { parseAssemblyFormat, isValidLiteral, type ParseFormatOptions } from './parser.js';
export { printAssemblyFormat, printElement } from './printer.js';
export { walkFormat, formatVariables } from './walk.js';
export {
  bindOpFormat,
  FormatBindError,
  isFormatError,
  type BoundOpFormat,
  type EntityKind,
  type TypeSource,
  type ValueRef,
  type VariableBinding,
} from './bind.js';
export { bindDefFormat, DefFormatBindError, type BoundDefFormat } from './bind-def.js';
