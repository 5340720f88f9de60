// matmul (with zero points), matmul_t_block_scaled, fft2d and rfft2d.
import { inferred, type InferInput, type InferResult, type OpView } from '../op-view.js';
import { type Dim, dimOf, isRanked, isTensor, isUniformQuant, quantStorageWidth } from '../types.js';
import { shapesCompatible } from '../broadcast.js';
import { compatibleShapes } from '../traits.js';
import { type OpRule, checkZeroPoint, q, storageElement } from './common.js';

function inferMatmul(op: InferInput): InferResult {
  const a = op.operands[0]!;
  const b = op.operands[1]!;
  const out: Dim[] = ['?', '?', '?'];
  if (isRanked(a)) {
    out[0] = dimOf(a, 0);
    out[1] = dimOf(a, 1);
  }
  if (isRanked(b)) {
    if (out[0] === '?') out[0] = dimOf(b, 0);
    out[2] = dimOf(b, 2);
  }
  return inferred({ shape: out });
}

function verifyMatmul(op: OpView): string | undefined {
  const a = op.operands[0]!;
  const b = op.operands[1]!;
  if (!isTensor(a)) return `expect a shaped tensor for input a, got ${q(a)}`;
  if (!isTensor(b)) return `expect a shaped tensor for input b, got ${q(b)}`;
  // MLIR 22 only compares a with b when one of them is quantized (plain mixed
  // types such as i8 x i16 pass), and does so before the zero points.
  const ae = a.element;
  const be = b.element;
  if (isUniformQuant(ae) || isUniformQuant(be)) {
    if (!isUniformQuant(ae) || !isUniformQuant(be)) return `expect operands to be both quantized or both not quantized, got ${q(ae)} and ${q(be)}`;
    const wa = quantStorageWidth(ae);
    const wb = quantStorageWidth(be);
    if (wa !== wb) return `expect quantized operands to have same widths, got ${wa} and ${wb}`;
  }
  const as = storageElement(a);
  const azp = storageElement(op.operands[2]!);
  if (as !== azp) return `expect input a and a_zp have the same element type, got ${q(as)} and ${q(azp)}`;
  const bs = storageElement(b);
  const bzp = storageElement(op.operands[3]!);
  if (bs !== bzp) return `expect input b and b_zp have the same element type, got ${q(bs)} and ${q(bzp)}`;
  return checkZeroPoint(op, 2, 'a') ?? checkZeroPoint(op, 3, 'b');
}

function inferFft(op: InferInput): InferResult {
  const shapeOf = (i: number) => (isTensor(op.operands[i]) ? (op.operands[i] as { shape: readonly Dim[] | null }).shape : null);
  return inferred({ shape: shapeOf(0) }, { shape: shapeOf(1) });
}

const powerOfTwo = (d: number): boolean => d > 0 && (d & (d - 1)) === 0;

function verifyFft(op: OpView): string | undefined {
  const re = op.operands[0]!;
  const im = op.operands[1]!;
  if (!isRanked(re) || !isRanked(im)) return undefined;
  const pick = (a: Dim, b: Dim): Dim => (a === '?' ? a : b);
  const h = pick(dimOf(re, 1), dimOf(im, 1));
  if (h !== '?' && !powerOfTwo(h)) return `expected height to be a power of two, got ${h}`;
  const w = pick(dimOf(re, 2), dimOf(im, 2));
  if (w !== '?' && !powerOfTwo(w)) return `expected width to be a power of two, got ${w}`;
  return undefined;
}

function inferRfft(op: InferInput): InferResult {
  const t = op.operands[0]!;
  if (!isRanked(t)) return { ok: false, message: 'failed to infer returned types' };
  const w = dimOf(t, 2);
  const shape: Dim[] = [dimOf(t, 0), dimOf(t, 1), w === '?' ? '?' : Math.trunc(w / 2) + 1];
  return inferred({ shape }, { shape });
}

function verifyRfft(op: OpView): string | undefined {
  if (!compatibleShapes(op.results)) return `expected output shapes to match, got ${op.results.map((t) => q(t)).join(', ')}`;
  const input = op.operands[0]!;
  if (!isRanked(input)) return undefined;
  const h = dimOf(input, 1);
  if (h !== '?' && !powerOfTwo(h)) return `expected height to be a power of two, got ${h}`;
  const w = dimOf(input, 2);
  if (w !== '?' && !powerOfTwo(w)) return `expected width to be a power of two, got ${w}`;
  const out = op.results[0]!;
  if (!isRanked(out)) return undefined;
  if (!shapesCompatible(input.shape.slice(0, -1), out.shape.slice(0, -1)))
    return `expected batch and height dimensions of input/output to match, got input=${q(input)} output=${q(out)}`;
  const ow = dimOf(out, 2);
  if (w !== '?' && ow !== '?' && ow !== Math.trunc(w / 2) + 1) return `expected output width to be equal to input_width / 2 + 1, got ${ow}`;
  return undefined;
}

export const MATMUL_FFT_RULES: Record<string, OpRule> = {
  'tosa.matmul': { infer: inferMatmul, verify: verifyMatmul },
  'tosa.fft2d': { infer: inferFft, verify: verifyFft },
  'tosa.rfft2d': { infer: inferRfft, verify: verifyRfft },
};

