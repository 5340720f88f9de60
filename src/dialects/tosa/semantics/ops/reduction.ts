// Reductions (reduce_all/any/max/min/product/sum) and argmax.
import { inferred, intAttr, type InferInput, type InferResult, type OpView } from '../op-view.js';
import { type Dim, isInteger, isIndex, isRanked, isTensor } from '../types.js';
import { shapesCompatible } from '../broadcast.js';
import type { OpRule } from './common.js';

function inferReduce(op: InferInput): InferResult {
  const t = op.operands[0]!;
  const axis = intAttr(op, 'axis') ?? 0;
  const element = isTensor(t) ? t.element : undefined;
  if (!isRanked(t) || t.shape.length <= axis) return inferred({ shape: null, ...(element ? { element } : {}) });
  const shape = [...t.shape];
  shape[axis] = 1;
  return inferred({ shape, ...(element ? { element } : {}) });
}

function verifyReduce(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const output = op.results[0]!;
  const axis = intAttr(op, 'axis') ?? 0;
  if (axis < 0) return 'reduce axis must not be negative';
  if (isRanked(input)) {
    const r = input.shape.length;
    if (axis >= r && !(axis === 0 && r === 0)) return `expect input tensor rank (${r}) to be larger than reduce axis (${axis})`;
  }
  if (isRanked(output)) {
    const r = output.shape.length;
    if (isRanked(input) && r !== input.shape.length) return 'expect output tensor rank to be equal to input tensor rank';
    if (axis >= r && !(axis === 0 && r === 0)) return `expect output tensor rank (${r}) to be larger than reduce axis (${axis})`;
    if (r !== 0) {
      const d = output.shape[axis]!;
      if (d !== '?' && d !== 1) return `expect reduced dimension size to be 1, got ${d}`;
    }
  }
  return undefined;
}

function inferArgmax(op: InferInput): InferResult {
  const t = op.operands[0]!;
  const axis = intAttr(op, 'axis') ?? 0;
  if (!isRanked(t)) return inferred({ shape: null });
  return inferred({ shape: t.shape.filter((_, i) => i !== axis) });
}

/** MLIR prints ShapedType::kDynamic raw in this message. */
const dimsText = (s: readonly Dim[]): string => s.map((d) => (d === '?' ? '-9223372036854775808' : String(d))).join(', ');

function verifyArgmax(op: OpView): string | undefined {
  const res = op.results[0]!;
  const input = op.operands[0]!;
  if (isTensor(res) && !(isInteger(res.element) || isIndex(res.element))) return 'result tensor is not of integer type';
  if (!isRanked(input)) return undefined;
  const axis = intAttr(op, 'axis') ?? 0;
  if (axis < 0 || axis >= input.shape.length) return 'specified axis is outside the rank of the tensor';
  if (!isRanked(res)) return undefined;
  const expected = input.shape.filter((_, i) => i !== axis);
  if (!shapesCompatible(expected, res.shape)) return `expected output shape '${dimsText(expected)}', got '${dimsText(res.shape)}'`;
  return undefined;
}

const REDUCE = ['all', 'any', 'max', 'min', 'product', 'sum'];
export const REDUCTION_RULES: Record<string, OpRule> = {
  ...Object.fromEntries(REDUCE.map((n) => [`tosa.reduce_${n}`, { infer: inferReduce, verify: verifyReduce }])),
  'tosa.argmax': { infer: inferArgmax, verify: verifyArgmax },
};
