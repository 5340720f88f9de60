// Data layout ops: concat, pad, reshape, reverse, slice, tile, transpose.
import { arrayAttr, constOf, inferFailed, inferred, intAttr, type InferInput, type InferResult, type OpView } from '../op-view.js';
import { type Dim, elementOf, hasStaticShape, isRanked, isShape, isTensor, numElements } from '../types.js';
import { type OpRule, PLAIN_ERROR, SILENT_FAILURE, first, sameElementTypes } from './common.js';

const toDim = (v: number): Dim => (v === -1 ? '?' : v);
const shapeRank = (op: InferInput, i: number): number => {
  const t = op.operands[i];
  return t && isShape(t) ? t.rank : 0;
};

// ---- concat ----
function inferConcat(op: InferInput): InferResult {
  const axis = intAttr(op, 'axis') ?? 0;
  let out: Dim[] | null = null;
  for (const t of op.operands) {
    if (!isRanked(t)) continue;
    if (out === null) out = new Array<Dim>(t.shape.length).fill('?');
    for (let i = 0; i < t.shape.length; i++) {
      const d = t.shape[i]!;
      if (i === axis || d === '?') continue;
      if (out[i] === '?') out[i] = d;
      if (out[i] !== d) return inferFailed(`${PLAIN_ERROR}Cannot concat tensors with different sizes on the non-axis dimension ${i}`);
    }
  }
  if (op.operands.length === 0) return inferFailed();
  const element = elementOf(op.operands[0]!);
  if (out === null) return inferred({ shape: null, element });
  // Out of range, MLIR would write past the shape (UB); report a failed inference instead.
  if (axis < 0 || axis >= out.length) return inferFailed();
  let size: Dim = 0;
  for (const t of op.operands) {
    if (!isRanked(t) || t.shape[axis] === '?' || t.shape[axis] === undefined) {
      size = '?';
      break;
    }
    size = (size as number) + (t.shape[axis] as number);
  }
  out[axis] = size;
  return inferred({ shape: out, element });
}

function verifyConcat(op: OpView): string | undefined {
  const out = op.results[0]!;
  if (op.operands.length === 0) return 'expect at least one input';
  for (const t of op.operands) {
    const m = sameElementTypes(t, out);
    if (m) return m;
  }
  const axis = intAttr(op, 'axis') ?? 0;
  const firstRanked = op.operands.find(isRanked);
  if (firstRanked && (axis < 0 || axis >= firstRanked.shape.length))
    return `expect axis to be within range 0 < axis < rank(input1[firstRankedTensorIdx]), got ${axis}`;
  if (!op.operands.every(isRanked) || !firstRanked) return undefined;
  const r0 = firstRanked.shape.length;
  for (let k = 1; k < op.operands.length; k++) {
    const t = op.operands[k] as typeof firstRanked;
    if (t.shape.length !== r0) return `expect all operands to have the same rank, but got ${r0} vs ${t.shape.length} on operands 0 and ${k}`;
    for (let i = 0; i < r0; i++) {
      const a = t.shape[i]!;
      const b = firstRanked.shape[i]!;
      if (i === axis || a === '?' || b === '?') continue;
      if (a !== b) return `expect all operand shapes to have the same sizes on non-axis dimensions, but got ${a} vs ${b} at index ${i} on operands 0 and ${k}`;
    }
  }
  if (isRanked(out) && out.shape.length !== r0) return `expect output rank to match inputs rank, got ${out.shape.length} vs ${r0}`;
  let sum = 0;
  for (const t of op.operands as (typeof firstRanked)[]) {
    const d = t.shape[axis]!;
    if (d === '?') return undefined;
    sum += d;
  }
  if (isRanked(out) && out.shape[axis] !== '?' && out.shape[axis] !== sum)
    return `requires sum of axis dimensions of input1 equal to output axis dimension, got ${sum} and ${out.shape[axis]}`;
  return undefined;
}

// ---- pad ----
function inferPad(op: InferInput): InferResult {
  const t = op.operands[0]!;
  if (!isRanked(t)) return inferred({ shape: new Array<Dim>(Math.trunc(shapeRank(op, 1) / 2)).fill('?') });
  const pads = constOf(op, 1);
  if (!pads) return inferred({ shape: t.shape.map((): Dim => '?') });
  return inferred({
    shape: t.shape.map((d, i): Dim => {
      const a = pads[2 * i] ?? 0;
      const b = pads[2 * i + 1] ?? 0;
      return d === '?' || a < 0 || b < 0 ? '?' : d + a + b;
    }),
  });
}

function verifyPad(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const out = op.results[0]!;
  const m = sameElementTypes(input, out) ?? (op.operands[2] ? sameElementTypes(op.operands[2], out) : undefined);
  if (m) return m;
  if (!isRanked(input) || !isRanked(out)) return undefined;
  const r = input.shape.length;
  if (r !== out.shape.length) return `expect same input and output tensor rank, but got inputRank: ${r}, outputRank: ${out.shape.length}`;
  const pads = op.constants?.[1];
  if (!pads) {
    // PadOp::verify fails (silently) unless the padding is a constant; we only know
    // that when the caller told us which op defines it.
    const def = op.definingOps?.[1];
    return def !== undefined && def !== 'tosa.const_shape' ? `${SILENT_FAILURE}padding is not a tosa.const_shape` : undefined;
  }
  if (pads.length !== r * 2) return `padding tensor must have ${r} * 2 = ${r * 2} elements, but got ${pads.length}`;
  for (let i = 0; i < r; i++) {
    const a = pads[2 * i]!;
    const b = pads[2 * i + 1]!;
    if ((a < 0 && a !== -1) || (b < 0 && b !== -1))
      return `invalid padding values at dimension ${i}: values must be non-negative or -1 for dynamic padding, got [${a}, ${b}]`;
    const di = input.shape[i]!;
    const dout = out.shape[i]!;
    if (di === '?' || dout === '?') continue;
    if (dout !== di + a + b) return `mismatch in output shape at dimension ${i}: expected ${di} + ${a} + ${b} = ${di + a + b}, but got ${dout}`;
  }
  return undefined;
}

// ---- reshape ----
function inferReshape(op: InferInput): InferResult {
  const t = op.operands[0]!;
  const element = elementOf(t);
  const values = constOf(op, 1);
  if (!values) return inferred({ shape: new Array<Dim>(shapeRank(op, 1)).fill('?'), element });
  const shape = values.map(toDim);
  if (!isRanked(t) || !hasStaticShape(t)) return inferred({ shape, element });
  const total = numElements(t.shape)!;
  const staticMul = shape.reduce<number>((a, d) => (d === '?' ? a : a * d), 1);
  // A 0 in the new shape makes mlir-opt-22 divide by zero (SIGFPE); we leave the -1 dynamic.
  return inferred({ shape: shape.map((d) => (d === '?' ? (staticMul === 0 ? '?' : Math.trunc(total / staticMul)) : d)), element });
}

function verifyReshape(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const out = op.results[0]!;
  const m = sameElementTypes(input, out);
  if (m) return m;
  const values = op.constants?.[1];
  if (!values) return undefined;
  if (values.filter((v) => v === -1).length > 1) return 'expected at most one target dimension to be -1';
  if (!isRanked(out)) return undefined;
  if (values.length !== out.shape.length) return 'new shape does not match result rank';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const o = out.shape[i]!;
    if (v !== -1 && o !== '?' && v !== o) return 'new shape is inconsistent with result shape';
    if (v < -1) return `new shape has invalid tensor dimension size ${v}`;
  }
  if (isRanked(input) && hasStaticShape(input)) {
    const n = numElements(input.shape)!;
    if (hasStaticShape(out)) {
      const k = numElements(out.shape)!;
      if (n !== k) return `cannot reshape ${n} elements into ${k}`;
    }
    const prod = values.reduce((a, d) => (d > 0 ? a * d : a), 1);
    const isStatic = values.every((v) => v > 0);
    if ((isStatic && n !== prod) || (!isStatic && prod > n)) return `cannot reshape ${n} elements into ${prod}`;
  }
  return undefined;
}

// ---- reverse ----
function verifyReverse(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const out = op.results[0]!;
  const m = sameElementTypes(input, out);
  if (m) return m;
  const axis = intAttr(op, 'axis') ?? 0;
  if (axis < 0) return 'expected non-negative reverse axis';
  if (isRanked(input)) {
    const r = input.shape.length;
    if (axis >= r && !(axis === 0 && r === 0)) return `expect input tensor rank (${r}) to be larger than reverse axis (${axis})`;
  }
  if (isRanked(out)) {
    const r = out.shape.length;
    if (isRanked(input) && r !== input.shape.length) return 'expect output tensor rank to be equal to input tensor rank';
    if (axis >= r && !(axis === 0 && r === 0)) return `expect output tensor rank (${r}) to be larger than reverse axis (${axis})`;
  }
  return undefined;
}

// ---- slice ----
function inferSlice(op: InferInput): InferResult {
  const t = op.operands[0]!;
  const element = elementOf(t);
  const start = constOf(op, 1);
  const size = constOf(op, 2);
  if (!start || !size) return inferred({ shape: new Array<Dim>(shapeRank(op, 2)).fill('?'), element });
  if (!isRanked(t)) return inferred({ shape: size.map(toDim) });
  const out: Dim[] = size.map((): Dim => '?');
  for (let i = 0; i < size.length; i++) {
    const s = size[i]!;
    const b = start[i] ?? 0;
    const d = t.shape[i] ?? '?';
    if (s !== 0 && s >= -1 && b >= 0 && (d === '?' || b < d)) {
      if (d === '?') {
        if (s > 0) out[i] = s;
      } else if (s === -1) out[i] = d - b;
      else if (b + s <= d) out[i] = s;
    }
  }
  return inferred({ shape: out });
}

function verifySlice(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const out = op.results[0]!;
  const m = sameElementTypes(input, out);
  if (m) return m;
  if (!isRanked(input)) return undefined;
  const r = input.shape.length;
  if (isRanked(out) && out.shape.length !== r) return `expect input1 and output to have the same ranks, got ${r} and ${out.shape.length}`;
  if (shapeRank(op, 1) !== r) return 'length of start is not equal to rank of input shape';
  if (shapeRank(op, 2) !== r) return 'length of size is not equal to rank of input shape';
  return undefined;
}

// ---- tile ----
function inferTile(op: InferInput): InferResult {
  const t = op.operands[0]!;
  const element = elementOf(t);
  const mult = constOf(op, 1);
  if (!mult) return inferred({ shape: new Array<Dim>(shapeRank(op, 1)).fill('?'), element });
  if (!isRanked(t)) return inferred({ shape: mult.map((): Dim => '?'), element });
  if (t.shape.length !== mult.length) return inferFailed();
  return inferred({ shape: t.shape.map((d, i): Dim => (mult[i] === -1 ? '?' : d === '?' ? '?' : d * mult[i]!)), element });
}

function verifyTile(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const out = op.results[0]!;
  const m = sameElementTypes(input, out);
  if (m) return m;
  const mr = shapeRank(op, 1);
  if (isRanked(input)) {
    if (input.shape.length !== mr) return `expect 'multiples' to have rank ${input.shape.length} but got ${mr}.`;
    if (isRanked(out) && input.shape.length !== out.shape.length) return 'expect same input and output tensor rank.';
  } else if (isRanked(out) && out.shape.length !== mr) return `expect 'multiples' array to have length ${out.shape.length} but got ${mr}.`;
  const mult = op.constants?.[1];
  if (mult && mult.some((v) => v <= 0 && v !== -1)) return "expect element of 'multiples' to be positive integer or -1.";
  return undefined;
}

// ---- transpose ----
function inferTranspose(op: InferInput): InferResult {
  const t = op.operands[0]!;
  const perms = arrayAttr(op, 'perms');
  if (!isRanked(t)) return inferred({ shape: null });
  const r = t.shape.length;
  if (perms.length !== r) return inferFailed();
  if (r === 0) return inferred({ shape: [] });
  if (t.shape.every((d) => d === t.shape[0])) return inferred({ shape: [...t.shape] });
  if (perms.some((p) => p >= r || p < 0)) return inferFailed();
  return inferred({ shape: perms.map((p) => t.shape[p]!) });
}

function verifyTranspose(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const out = op.results[0]!;
  const perms = arrayAttr(op, 'perms');
  return first(
    () => sameElementTypes(input, out),
    () => (isRanked(input) && perms.length !== input.shape.length
      ? `expected perms attribute to have size ${input.shape.length} (input rank) but got size ${perms.length}` : undefined),
    () => (isRanked(input) && isRanked(out) && input.shape.length !== out.shape.length
      ? 'expected input tensor rank to equal result tensor rank' : undefined),
    () => (isRanked(out) && perms.length !== out.shape.length
      ? `expected perms attribute to have size ${out.shape.length} (output rank) but got size ${perms.length}` : undefined),
    () => {
      const ok = perms.every((p) => p >= 0 && p < perms.length) && new Set(perms).size === perms.length;
      return ok ? undefined : 'expected valid permutation indices';
    },
    () => {
      if (!isRanked(input) || !isRanked(out) || !hasStaticShape(input) || !hasStaticShape(out)) return undefined;
      const a = numElements(input.shape)!;
      const b = numElements(out.shape)!;
      return a !== b ? `expected input1 and output to have same numbers of elements, got ${a} and ${b}` : undefined;
    },
    () => {
      if (!isRanked(input) || !isRanked(out)) return undefined;
      for (let i = 0; i < out.shape.length; i++) {
        const di = input.shape[perms[i]!]!;
        const dout = out.shape[i]!;
        if (di === '?' || dout === '?') continue;
        if (di !== dout) return `expected output tensor dim ${i} to match input dim ${perms[i]} with value of ${di}`;
      }
      return undefined;
    },
  );
}

export const DATA_LAYOUT_RULES: Record<string, OpRule> = {
  'tosa.concat': { infer: inferConcat, verify: verifyConcat },
  'tosa.pad': { infer: inferPad, verify: verifyPad },
  'tosa.reshape': { infer: inferReshape, verify: verifyReshape },
  'tosa.reverse': { infer: (op) => inferred({ shape: isTensor(op.operands[0]) ? op.operands[0].shape : null }), verify: verifyReverse },
  'tosa.slice': { infer: inferSlice, verify: verifySlice },
  'tosa.tile': { infer: inferTile, verify: verifyTile },
  'tosa.transpose': { infer: inferTranspose, verify: verifyTranspose },
};
