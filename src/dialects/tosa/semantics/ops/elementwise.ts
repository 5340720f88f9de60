// Elementwise ops: unary/binary/ternary arithmetic, logical, comparison,
// select, clamp, mul (with shift), negate (with zero points), table, cast.
import { inferred, type InferInput, type InferResult, type OpView, type TypedScalar } from '../op-view.js';
import { elementOf, isInteger, isRanked, isTensor, printMlirF32, printMlirFloat, storageOf, bitWidth } from '../types.js';
import { broadcastShapes, resolveBroadcastShape } from '../broadcast.js';
import { compatibleShapes } from '../traits.js';
import { type OpRule, checkZeroPoint, first, q, sameElementTypes, storageElement } from './common.js';

const shapeOf = (op: InferInput, i: number) => {
  const t = op.operands[i];
  return t && isTensor(t) ? t.shape : null;
};

/** NAryInferReturnTypes: broadcast of all operands, unranked when unresolvable. */
export function naryInfer(op: InferInput, count = op.operands.length): InferResult {
  const out = resolveBroadcastShape(op.operands.slice(0, count).map((_, i) => shapeOf(op, i)));
  return inferred({ shape: out });
}

const withElement = (element: string) => (op: InferInput): InferResult => {
  const r = naryInfer(op);
  return r.ok ? inferred({ ...r.results[0]!, element }) : r;
};

const UNARY = ['abs', 'bitwise_not', 'ceil', 'clz', 'cos', 'erf', 'exp', 'floor', 'log', 'logical_not', 'reciprocal', 'rsqrt', 'sigmoid', 'sin', 'tanh', 'identity'];
const BINARY = ['add', 'sub', 'arithmetic_right_shift', 'bitwise_and', 'bitwise_or', 'bitwise_xor', 'intdiv', 'logical_and', 'logical_left_shift', 'logical_right_shift', 'logical_or', 'logical_xor', 'maximum', 'minimum', 'pow'];

const fmtScalar = (v: TypedScalar): string => {
  if (v.kind === 'int') return `${v.value} : ${v.type}`;
  if (v.hex) return `${v.hex} : ${v.type}`;
  return `${v.type === 'f32' ? printMlirF32(v.value) : printMlirFloat(v.value)} : ${v.type}`;
};
const asScalar = (v: unknown): TypedScalar | undefined =>
  typeof v === 'boolean' ? { kind: 'int', value: v ? 1 : 0, type: 'i1' } :
  typeof v === 'object' && v !== null && 'kind' in v && ((v as TypedScalar).kind === 'int' || (v as TypedScalar).kind === 'float') ? (v as TypedScalar) : undefined;


function verifyClamp(op: OpView): string | undefined {
  const inE = storageOf(elementOf(op.operands[0]!));
  const outE = storageOf(elementOf(op.results[0]!));
  if (inE !== outE) return 'input/output element types are incompatible.';
  const min = asScalar(op.attrs['min_val']);
  const max = asScalar(op.attrs['max_val']);
  const incompatible = 'min/max attributes types are incompatible with input/output element types.';
  if (isInteger(inE)) {
    if (!min || !max || min.kind !== 'int' || max.kind !== 'int' || min.type !== max.type || max.type !== inE) return incompatible;
    if (max.value < min.value) return `expected min_val <= max_val, got min_val=${fmtScalar(min)}, max_val=${fmtScalar(max)}`;
    return undefined;
  }
  if (!min || !max || min.kind !== 'float' || max.kind !== 'float' || min.type !== max.type || max.type !== inE) return incompatible;
  if (Number.isNaN(min.value) || Number.isNaN(max.value))
    return `min/max attributes should not be 'NaN', got min_val=${fmtScalar(min)}, max_val=${fmtScalar(max)}`;
  if (max.value < min.value) return `expected min_val <= max_val, got min_val=${fmtScalar(min)}, max_val=${fmtScalar(max)}`;
  return undefined;
}

function verifyMul(op: OpView): string | undefined {
  const [a, b] = op.operands as [OpView['operands'][0], OpView['operands'][0]];
  const res = op.results[0]!;
  const resE = elementOf(res);
  if (isInteger(resE)) {
    const l = elementOf(a);
    const r = elementOf(b);
    if (!isInteger(l) || !isInteger(r) || l !== r) return 'requires the same element type for all operands';
    if (bitWidth(l) > bitWidth(resE)) return 'invalid data type size for operands or result';
  } else {
    if (elementOf(a) !== resE || elementOf(b) !== resE) return 'requires the same element type for all operands and results';
    const shift = op.constants?.[2];
    if (shift && shift.length > 0 && shift[0] !== 0) return 'require shift to be 0 for float type';
  }
  if (isRanked(a) && isRanked(b)) {
    if (a.shape.length !== b.shape.length) return `a and b operands don't have matching ranks, got ${a.shape.length} and ${b.shape.length}`;
    if (broadcastShapes(a.shape, b.shape) === null) return `a and b operands don't have broadcast-compatible shapes, got ${q(a)} and ${q(b)}`;
  }
  if (!isRanked(res)) return undefined;
  if (isRanked(a) && res.shape.length !== a.shape.length) return `result type has different rank than a, got ${res.shape.length} vs ${a.shape.length}`;
  if (isRanked(b) && res.shape.length !== b.shape.length) return `result type has different rank than b, got ${res.shape.length} vs ${b.shape.length}`;
  return undefined;
}

function verifyNegate(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const output = op.results[0]!;
  return first(
    () => sameElementTypes(input, output),
    () => (compatibleShapes([input, output]) ? undefined : 'requires the same shape for input1 and output'),
    () => {
      const a = storageElement(input);
      const z = storageElement(op.operands[1]!);
      return a !== z ? `expect both input1 and its zero point are the same element type, got ${q(a)} and ${q(z)}` : undefined;
    },
    () => {
      const a = storageElement(output);
      const z = storageElement(op.operands[2]!);
      return a !== z ? `expect both output and its zero point are the same element type, got ${q(a)} and ${q(z)}` : undefined;
    },
    () => checkZeroPoint(op, 1, 'input1'),
    () => checkZeroPoint(op, 2, 'output'),
  );
}

function verifySelect(op: OpView): string | undefined {
  return first(
    () => sameElementTypes(op.operands[1]!, op.results[0]!),
    () => sameElementTypes(op.operands[2]!, op.results[0]!),
    () => {
      const p = op.operands[0]!;
      if (!isTensor(p)) return `expect shaped tensor for input1, got ${q(p)}`;
      return p.element !== 'i1' ? `expect element type of bool for input1, got ${q(p.element)}` : undefined;
    },
  );
}

function verifyTable(op: OpView): string | undefined {
  const a = op.operands[0]!;
  const r = op.results[0]!;
  if (!isRanked(a) || !isRanked(r)) return undefined;
  if (a.shape.length !== r.shape.length) return 'expected input tensor rank to equal result tensor rank';
  for (let i = 0; i < r.shape.length; i++) {
    const o = r.shape[i]!;
    if (o !== '?' && o !== a.shape[i]) return `dim(result, ${i}) = ${o} doesn't match dim(input, ${i}) = ${a.shape[i] === '?' ? -9223372036854775808n : a.shape[i]}`;
  }
  return undefined;
}

export const ELEMENTWISE_RULES: Record<string, OpRule> = {
  ...Object.fromEntries(UNARY.map((n) => [`tosa.${n}`, { infer: (op: InferInput) => naryInfer(op) }])),
  ...Object.fromEntries(BINARY.map((n) => [`tosa.${n}`, { infer: (op: InferInput) => naryInfer(op) }])),
  'tosa.equal': { infer: withElement('i1') },
  'tosa.greater': { infer: (op) => naryInfer(op) },
  'tosa.greater_equal': { infer: (op) => naryInfer(op) },
  'tosa.select': { infer: (op) => naryInfer(op), verify: verifySelect },
  'tosa.clamp': { infer: (op) => naryInfer(op), verify: verifyClamp },
  'tosa.cast': { infer: (op) => naryInfer(op) },
  'tosa.mul': { infer: (op) => naryInfer(op, 2), verify: verifyMul },
  'tosa.negate': {
    infer: (op) => inferred({ shape: shapeOf(op, 0) }),
    verify: verifyNegate,
  },
  'tosa.table': { infer: (op) => inferred({ shape: shapeOf(op, 0) }), verify: verifyTable },
  'tosa.apply_scale': {},
};

