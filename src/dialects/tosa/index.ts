import { tosaOds } from './ods/index.js';
import { defineOdsDialect, type OpOverride } from '../common/ods-dialect.js';
import type { Dialect } from '../../ir/index.js';
import {
  BLOCK_SIZE,
  NAN_MODE,
  RESIZE_MODE,
  ROUNDING_MODE,
  enumHandlingParser,
  printWithEnumHandling,
  printWithNanPropagationHandling,
  type TosaEnumAttr,
} from './enum-attr-syntax.js';
import { parseCondIf, parseWhileLoop, printCondIf, printWhileLoop } from './control-flow-syntax.js';
import { variableOpTypeOrInitialValue } from './variable-syntax.js';
import { verifyTosaSemantics } from './semantics-bridge.js';
import { TOSA_INFER_INTERFACE, tosaShapeInference } from './shape-inference.js';
import { TOSA_SEMANTICS } from './semantics/index.js';

const withEnum = (e: TosaEnumAttr): OpOverride => ({ parse: enumHandlingParser(e), print: printWithEnumHandling });
const withNan: OpOverride = { parse: enumHandlingParser(NAN_MODE), print: printWithNanPropagationHandling };

/** The C++-only syntax of TOSA ops (hasCustomAssemblyFormat in TosaOps.td). */
const SYNTAX: Readonly<Record<string, OpOverride>> = {
  'tosa.rescale': withEnum(ROUNDING_MODE),
  'tosa.apply_scale': withEnum(ROUNDING_MODE),
  'tosa.resize': withEnum(RESIZE_MODE),
  'tosa.cast_from_block_scaled': withEnum(BLOCK_SIZE),
  'tosa.cast_to_block_scaled': withEnum(BLOCK_SIZE),
  'tosa.matmul_t_block_scaled': withEnum(BLOCK_SIZE),
  'tosa.argmax': withNan,
  'tosa.clamp': withNan,
  'tosa.max_pool2d': withNan,
  'tosa.maximum': withNan,
  'tosa.minimum': withNan,
  'tosa.reduce_max': withNan,
  'tosa.reduce_min': withNan,
  'tosa.cond_if': { parse: parseCondIf, print: printCondIf },
  'tosa.while_loop': { parse: parseWhileLoop, print: printWhileLoop },
};

/**
 * Syntax overrides plus, for every op, the semantic core's verifier (run once
 * the ODS checks pass) and, where it infers shapes, the inference interface.
 */
function overrides(): Record<string, OpOverride> {
  const all: Record<string, OpOverride> = {};
  const infer = new Map<string, unknown>([[TOSA_INFER_INTERFACE, tosaShapeInference]]);
  for (const op of tosaOds.ops) {
    const interfaces = TOSA_SEMANTICS.get(op.name)?.infer ? { interfaces: infer } : {};
    all[op.name] = { ...SYNTAX[op.name], verify: verifyTosaSemantics, ...interfaces };
  }
  return all;
}

/** `!tosa.shape<N>`: kept verbatim, but a negative rank is an error, as in MLIR. */
const parseType: Dialect['parseType'] = (parser, symbol) => {
  const rank = symbol.mnemonic === 'shape' ? /^\s*(-\d+)\s*$/.exec(symbol.body) : null;
  if (rank) parser.fail(`invalid rank (must be >= 0): ${rank[1]}`);
  return undefined;
};

/** The tosa dialect (TOSA 1.0 as LLVM 22 defines it), from ODS plus its custom syntax and verifiers. */
export function tosaDialect(): Dialect {
  const dialect = defineOdsDialect(tosaOds, {
    overrides: overrides(),
    customDirectives: new Map([['VariableOpTypeOrInitialValue', variableOpTypeOrInitialValue]]),
  });
  return { ...dialect, parseType };
}
export { tosaOds };
export { TOSA_INFER_INTERFACE, tosaShapeInference, type TosaShapeInference } from './shape-inference.js';
export { opView } from './semantics-bridge.js';
