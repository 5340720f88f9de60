// Shape operators over !tosa.shape values, and variables.
import { inferred, intAttr, type InferInput, type InferResult, type OpView } from '../op-view.js';
import { elementOf, isRanked, isShape, isTensor, parseType, printType, type AbstractType } from '../types.js';
import { compatibleShapes } from '../traits.js';
import type { OpRule } from './common.js';

const rankOfShape = (t: AbstractType | undefined): number => (t && isShape(t) ? t.rank : 0);
const shapeResult = (rank: number): InferResult => inferred({ shape: null, shapeRank: rank });

function verifyConstShape(op: OpView): string | undefined {
  const v = op.attrs['values'];
  if (!v || typeof v !== 'object' || !('kind' in v) || v.kind !== 'dense' || !isTensor(v.type)) return undefined;
  if (!isRanked(v.type) || v.type.shape.length !== 1) return 'expect elements in attribute values with rank 1';
  const count = v.type.shape[0] === '?' ? v.values.length : (v.type.shape[0] as number);
  const rank = rankOfShape(op.results[0]);
  if (!(count === rank || (count === 1 && rank === 0)))
    return `expect number of elements in attribute values (${count}) to be equal to the rank (${rank}) for the result shape type`;
  return undefined;
}

function verifyDim(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const axis = intAttr(op, 'axis') ?? 0;
  if (isRanked(input) && (axis < 0 || axis >= input.shape.length)) return `expect axis to be in the range [0, ${input.shape.length}), got ${axis}`;
  const out = op.results[0]!;
  if (rankOfShape(out) !== 1) return `expect output shape type to contain one element, got '${printType(out)}'`;
  return undefined;
}

function verifyConcatShape(op: OpView): string | undefined {
  const sum = op.operands.reduce((a, t) => a + rankOfShape(t), 0);
  const out = rankOfShape(op.results[0]);
  if (sum !== out) return `requires output shape rank to be equal to the sum of the input shape ranks (${sum}), got ${out}`;
  return undefined;
}

function verifySliceShape(op: OpView): string | undefined {
  const start = op.constants?.[1]?.[0];
  const size = op.constants?.[2]?.[0];
  if (start !== undefined && start < 0) return `expected non-negative start index, got ${start}`;
  if (size !== undefined && size <= 0) return `expected positive size, got ${size}`;
  const out = rankOfShape(op.results[0]);
  if (size !== undefined && out !== size) return `expected output type size to be equal to size attribute, got ${out} vs ${size}`;
  const inRank = rankOfShape(op.operands[0]);
  if (start !== undefined && size !== undefined && start + size > inRank)
    return `expected start + size to be less than or equal to input shape rank (${inRank}), got ${start + size}`;
  return undefined;
}

const BINARY_SHAPE = ['add', 'sub', 'mul', 'div_ceil', 'div_floor', 'mod', 'max', 'min'];
const UNARY_SHAPE = ['exp2', 'log2_ceil', 'log2_floor'];

/**
 * Variable ops check against the declared variable's type, which the caller
 * passes as attrs.variable_type ({ kind: 'type', type: 'tensor<...>' }), or
 * `false` when no tosa.variable of that name exists.
 */
function verifyVariableAccess(valueName: string, index: 'operand' | 'result') {
  return (op: OpView): string | undefined => {
    const declared = op.attrs['variable_type'];
    const sym = typeof op.attrs['name'] === 'string' ? op.attrs['name'].replace(/^@/, '') : '';
    if (declared === false) return `'${sym}' has not been declared by 'tosa.variable'`;
    if (!declared || typeof declared !== 'object' || !('kind' in declared) || declared.kind !== 'type') return undefined;
    const v = index === 'operand' ? op.operands[0] : op.results[0];
    if (!v) return undefined;
    const d = parseType(declared.type);
    const e = elementOf(v);
    const de = elementOf(d);
    if (e !== de) return `require same element type for '${valueName}' ('${e}') and the input tensor ('${de}')`;
    if (!compatibleShapes([v, d])) return `require same shapes for '${valueName}' ('${printType(v)}') and the input tensor ('${printType(d)}')`;
    return undefined;
  };
}

export const SHAPE_OP_RULES: Record<string, OpRule> = {
  'tosa.const_shape': {
    infer: (op: InferInput) => {
      const v = op.attrs['values'];
      return shapeResult(v && typeof v === 'object' && 'kind' in v && v.kind === 'dense' ? v.values.length : 0);
    },
    verify: verifyConstShape,
  },
  'tosa.dim': { infer: () => shapeResult(1), verify: verifyDim },
  'tosa.concat_shape': {
    infer: (op: InferInput) => shapeResult(op.operands.reduce((a, t) => a + rankOfShape(t), 0)),
    verify: verifyConcatShape,
  },
  'tosa.slice_shape': {
    // The result rank is the constant `size` operand; unknown without it.
    infer: (op: InferInput) => {
      const size = op.constants?.[2]?.[0];
      return size === undefined ? { ok: false, message: 'failed to infer returned types' } : shapeResult(size);
    },
    verify: verifySliceShape,
  },
  ...Object.fromEntries(BINARY_SHAPE.map((n) => [`tosa.${n}_shape`, { infer: (op: InferInput) => shapeResult(rankOfShape(op.operands[0])) }])),
  ...Object.fromEntries(UNARY_SHAPE.map((n) => [`tosa.${n}_shape`, { infer: (op: InferInput) => shapeResult(rankOfShape(op.operands[0])) }])),
  'tosa.variable': {},
  'tosa.variable_read': { verify: verifyVariableAccess('output1', 'result') },
  'tosa.variable_write': { verify: verifyVariableAccess('input1', 'operand') },
  'tosa.custom': {},
};
