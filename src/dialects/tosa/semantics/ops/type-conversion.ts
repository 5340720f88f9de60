// rescale, const, and the block-scaled casts.
import { boolAttr, inferred, type InferInput, type InferResult, type OpView } from '../op-view.js';
import { type Dim, bitWidth, dimOf, elementOf, isInteger, isRanked, isTensor, storageOf } from '../types.js';
import { type OpRule, q, zeroPoint } from './common.js';

function rescaleZp(op: OpView, index: number, which: 'input' | 'output'): string | undefined {
  const signed = zeroPoint(op, index);
  if (signed === undefined || signed === 0) return undefined;
  const e = elementOf(op.operands[index]!);
  const unsigned = boolAttr(op, which === 'input' ? 'input_unsigned' : 'output_unsigned');
  // With the *_unsigned flag the zero point is read zero-extended to its width.
  const w = bitWidth(e);
  const raw = unsigned && isInteger(e) && w > 0 && w <= 52 ? ((signed % 2 ** w) + 2 ** w) % 2 ** w : signed;
  const i8 = isInteger(e) && bitWidth(e) === 8;
  const i16 = isInteger(e) && bitWidth(e) === 16;
  if (!i8 && !(i16 && unsigned)) return `expect ${which}_zp of 0, got ${raw}`;
  const zp = raw;
  if (i16 && unsigned && zp !== 32768) return `expect ${which}_zp of 0 or 32768 for unsigned int16 ${which}, got ${zp}`;
  return undefined;
}

function verifyRescale(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const output = op.results[0]!;
  if (!isTensor(input)) return `expect shaped tensor for input, got ${q(input)}`;
  const inE = storageOf(input.element);
  if (!isInteger(inE)) return `expect input to have integer element type, got ${q(inE)}`;
  if (!isTensor(output)) return `expect shaped tensor for output, got ${q(output)}`;
  const outE = storageOf(output.element);
  if (!isInteger(outE)) return `expect output to have integer element type, got ${q(outE)}`;
  const zpCheck = (val: string, zpT: string, name: string): string | undefined =>
    isInteger(val) && isInteger(zpT) && bitWidth(val) === bitWidth(zpT)
      ? undefined
      : `expected ${name} and ${name}_zp to both be integer of the same bitwidth, but got ${q(val)} vs. ${q(zpT)}`;
  const m =
    zpCheck(inE, storageOf(elementOf(op.operands[3]!)), 'input') ??
    zpCheck(outE, storageOf(elementOf(op.operands[4]!)), 'output') ??
    rescaleZp(op, 3, 'input') ??
    rescaleZp(op, 4, 'output');
  if (m) return m;
  const mult = op.operands[1]!;
  const shift = op.operands[2]!;
  if (!isTensor(mult)) return `expect shaped tensor for multiplier, got ${q(mult)}`;
  if (!isTensor(shift)) return `expect shaped tensor for shift, got ${q(shift)}`;
  const scale32 = boolAttr(op, 'scale32');
  if (scale32 && mult.element !== 'i32') return `expect i32 element type for multiplier for scale32=true, got ${q(mult.element)}`;
  if (!scale32 && mult.element !== 'i16') return `expect i16 element type for multiplier for scale32=false, got ${q(mult.element)}`;
  if (!isRanked(input)) return undefined;
  let channels: Dim = 1;
  if (boolAttr(op, 'per_channel')) {
    if (input.shape.length < 1) return `requires input to be at least rank 1 when per_channel is true, but got rank ${input.shape.length}`;
    channels = input.shape[input.shape.length - 1]!;
  }
  if (!isRanked(mult)) return undefined;
  const m0 = dimOf(mult, 0);
  if (m0 !== '?' && m0 !== channels) return `expect shape of { ${channels === '?' ? -9223372036854775808n : channels} } for multiplier input, got { ${m0} }`;
  if (!isRanked(shift)) return undefined;
  const s0 = dimOf(shift, 0);
  if (s0 !== '?' && s0 !== channels) return `expect shape of { ${channels === '?' ? -9223372036854775808n : channels} } for shift input, got { ${s0} }`;
  return undefined;
}

function verifyConst(op: OpView): string | undefined {
  const v = op.attrs['values'];
  const out = op.results[0]!;
  if (!v || typeof v !== 'object' || !('kind' in v) || v.kind !== 'dense' || !isTensor(v.type) || !isTensor(out))
    return 'expected tensors for attr/result type';
  if (storageOf(out.element) === v.type.element && out.element !== v.type.element) return undefined;
  if (v.type.element !== out.element) return 'expected same attr/result element types';
  return undefined;
}

const sameShape = (op: InferInput): InferResult => inferred({ shape: isTensor(op.operands[0]) ? op.operands[0].shape : null });

export const TYPE_CONVERSION_RULES: Record<string, OpRule> = {
  'tosa.rescale': { infer: sameShape, verify: verifyRescale },
  'tosa.const': { verify: verifyConst },
};
