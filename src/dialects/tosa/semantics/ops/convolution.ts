// conv2d, conv3d, depthwise_conv2d, transpose_conv2d: output-size inference
// and the verifier rules (element types, accumulator, zero points, ERROR_IFs).
import { arrayAttr, inferred, typeAttr, type InferInput, type InferResult, type OpView } from '../op-view.js';
import { type Dim, dimOf, elementOf, isFloat, isRanked, storageOf } from '../types.js';
import { type OpRule, checkZeroPoint, first, list, q, storageElement } from './common.js';

const ranked = (op: InferInput, i: number) => {
  const t = op.operands[i];
  return t && isRanked(t) ? t : undefined;
};
const convOut = (input: Dim, kernel: Dim, padA: number, padB: number, stride: number, dil: number): Dim =>
  input === '?' || kernel === '?' ? '?' : Math.trunc((input + padA + padB - ((kernel - 1) * dil + 1)) / stride) + 1;

function inferConv(spatial: 2 | 3, depthwise: boolean) {
  return (op: InferInput): InferResult => {
    const input = ranked(op, 0);
    const weight = ranked(op, 1);
    const bias = ranked(op, 2);
    const pad = arrayAttr(op, 'pad');
    const stride = arrayAttr(op, 'stride');
    const dil = arrayAttr(op, 'dilation');
    const out: Dim[] = new Array<Dim>(spatial + 2).fill('?');
    if (input) out[0] = dimOf(input, 0);
    let channels: Dim = '?';
    if (depthwise) {
      let inC: Dim = input ? dimOf(input, 3) : '?';
      let mult: Dim = '?';
      if (weight) {
        if (inC === '?') inC = dimOf(weight, 2);
        mult = dimOf(weight, 3);
      }
      if (inC !== '?' && mult !== '?') channels = inC * mult;
    } else if (weight) channels = dimOf(weight, 0);
    if (channels === '?' && bias) channels = dimOf(bias, 0);
    out[spatial + 1] = channels;
    for (let s = 0; s < spatial; s++) {
      const k: Dim = weight ? dimOf(weight, depthwise ? s : s + 1) : '?';
      const i: Dim = input ? dimOf(input, s + 1) : '?';
      out[s + 1] = convOut(i, k, pad[2 * s] ?? 0, pad[2 * s + 1] ?? 0, stride[s] ?? 1, dil[s] ?? 1);
    }
    return inferred({ shape: out });
  };
}

function inferTransposeConv(op: InferInput): InferResult {
  const input = ranked(op, 0);
  const weight = ranked(op, 1);
  const outPad = arrayAttr(op, 'out_pad');
  const stride = arrayAttr(op, 'stride');
  const out: Dim[] = ['?', '?', '?', '?'];
  if (input) out[0] = dimOf(input, 0);
  if (weight) out[3] = dimOf(weight, 0);
  // MLIR 22 reads the "bias" channel count from the *input* operand (a bug kept
  // for fidelity: with an unranked weight the output channels become the batch).
  if (out[3] === '?' && input) out[3] = dimOf(input, 0);
  for (let s = 0; s < 2; s++) {
    const i: Dim = input ? dimOf(input, s + 1) : '?';
    const k: Dim = weight ? dimOf(weight, s + 1) : '?';
    if (i !== '?' && k !== '?') out[s + 1] = (i - 1) * (stride[s] ?? 1) + (outPad[2 * s] ?? 0) + (outPad[2 * s + 1] ?? 0) + k;
  }
  return inferred({ shape: out });
}

/** verifyConvOp: element-type agreement and zero points. */
function verifyConvTypes(op: OpView): string | undefined {
  const input = op.operands[0]!;
  const weight = op.operands[1]!;
  // MLIR 22 accepts unranked input/weight here; only element types matter.
  const inE = storageOf(elementOf(input));
  const wE = storageOf(elementOf(weight));
  const biasRaw = elementOf(op.operands[2]!);
  const resRaw = elementOf(op.results[0]!);
  if (isFloat(biasRaw) && isFloat(resRaw) && biasRaw !== resRaw)
    return `expect both bias and result to have same element type, got ${q(biasRaw)} and ${q(resRaw)}`;
  const f8 = ['f8E5M2', 'f8E4M3FN'];
  if ((f8.includes(inE) || f8.includes(wE)) && inE !== wE)
    return `expect both input and weight to have same element type, got ${q(inE)} and ${q(wE)}`;
  if (isFloat(inE) !== isFloat(wE)) return `expect both input and weight to be float or not together, got ${q(inE)} and ${q(wE)}`;
  const izp = storageElement(op.operands[3]!);
  if (inE !== izp) return `expect both input and its zero point are the same element type, got ${q(inE)} and ${q(izp)}`;
  const wzp = storageElement(op.operands[4]!);
  if (wE !== wzp) return `expect both weight and its zero point are the same element type, got ${q(wE)} and ${q(wzp)}`;
  return checkZeroPoint(op, 3, 'input') ?? checkZeroPoint(op, 4, 'weight');
}

/** verifyConvOpModes: accumulator type per input type. */
function verifyAccType(op: OpView): string | undefined {
  const inE = storageElement(op.operands[0]!);
  const acc = typeAttr(op, 'acc_type') ?? '';
  if (inE === 'i8' && acc !== 'i32') return 'accumulator type for i8 tensor is not i32';
  if (inE === 'i16' && acc !== 'i48') return 'accumulator type for i16 tensor is not i48';
  if ((inE === 'f8E5M2' || inE === 'f8E4M3') && acc !== 'f16') return 'accumulator type for f8 tensor is not f16';
  if (inE === 'f16' && acc !== 'f16' && acc !== 'f32') return 'accumulator type for f16 tensor is not f16/f32';
  if (inE === 'bf16' && acc !== 'f32') return 'accumulator type for bf16 tensor is not f32';
  if (inE === 'f32' && acc !== 'f32') return 'accumulator type for f32 tensor is not f32';
  return undefined;
}

const SPATIAL = [
  { dim: 'depth', axis: 'd', before: 'front', after: 'back' },
  { dim: 'height', axis: 'y', before: 'top', after: 'bottom' },
  { dim: 'width', axis: 'x', before: 'left', after: 'right' },
];

/** verifyConvOpErrorIf: attribute ranges, output sizes, bias channels. */
function verifyConvErrorIf(spatial: 2 | 3, depthwise: boolean) {
  return (op: OpView): string | undefined => {
    const pad = arrayAttr(op, 'pad');
    const stride = arrayAttr(op, 'stride');
    const dil = arrayAttr(op, 'dilation');
    if (pad.some((p) => p < 0)) return `expect all padding values to be >= 0, got ${list(pad)}`;
    if (stride.some((s) => s < 1)) return `expect all stride values to be >= 1, got ${list(stride)}`;
    if (dil.some((d) => d < 1)) return `expect all dilation values to be >= 1, got ${list(dil)}`;
    const out = op.results[0]!;
    if (!isRanked(out)) return undefined;
    const input = op.operands[0]!;
    const weight = op.operands[1]!;
    if (isRanked(input) && isRanked(weight)) {
      const names = spatial === 3 ? SPATIAL : SPATIAL.slice(1);
      for (let s = 0; s < spatial; s++) {
        const i = dimOf(input, s + 1);
        const k = dimOf(weight, depthwise ? s : s + 1);
        const o = dimOf(out, s + 1);
        if (i === '?' || k === '?') continue;
        const n = names[s]!;
        const pa = pad[2 * s]!;
        const pb = pad[2 * s + 1]!;
        const num = i - 1 + pa + pb - (k - 1) * dil[s]!;
        if (num % stride[s]! !== 0)
          return `expected input_${n.dim} - 1 + pad_${n.before} + pad_${n.after} - (kernel_${n.dim} - 1) * dilation_${n.axis} to be wholly divisible by stride_${n.axis}, got (${i} - 1 + ${pa} + ${pb} - (${k} - 1) * ${dil[s]}) / ${stride[s]}`;
        const calc = Math.trunc(num / stride[s]!) + 1;
        if (o !== '?' && calc !== o) return `calculated output ${n.dim} did not match expected: calculated=${calc}, expected=${o}`;
      }
    }
    const bias = op.operands[2]!;
    if (!isRanked(bias)) return undefined;
    const bc = dimOf(bias, 0);
    const oc = dimOf(out, spatial + 1);
    if (bc === '?' || oc === '?') return undefined;
    if (bc !== oc && bc !== 1) return `bias channels expected to be equal to output channels (${oc}) or 1, got ${bc}`;
    return undefined;
  };
}

function verifyTransposeConv(op: OpView): string | undefined {
  const m = verifyConvTypes(op) ?? verifyAccType(op);
  if (m) return m;
  const stride = arrayAttr(op, 'stride');
  if (stride[0]! < 1 || stride[1]! < 1) return `expect all stride values to be >= 1, got [${list(stride)}]`;
  const outPad = arrayAttr(op, 'out_pad');
  const weight = op.operands[1]!;
  const kh = dimOf(weight, 1);
  const kw = dimOf(weight, 2);
  const padCheck = (v: number, k: Dim, name: string, kname: string): string | undefined =>
    k !== '?' && v <= -k ? `expected ${name} > -${kname}, but got: ${name}=${v} and ${kname}=${k}` : undefined;
  const p = first(
    () => padCheck(outPad[0]!, kh, 'out_pad_top', 'KH'),
    () => padCheck(outPad[1]!, kh, 'out_pad_bottom', 'KH'),
    () => padCheck(outPad[2]!, kw, 'out_pad_left', 'KW'),
    () => padCheck(outPad[3]!, kw, 'out_pad_right', 'KW'),
  );
  if (p) return p;
  const out = op.results[0]!;
  if (!isRanked(out)) return undefined;
  const input = op.operands[0]!;
  const ih = dimOf(input, 1);
  const oh = dimOf(out, 1);
  if (ih !== '?' && oh !== '?' && kh !== '?' && oh !== (ih - 1) * stride[0]! + outPad[0]! + outPad[1]! + kh)
    return `dimension mismatch: expected OH == (IH - 1) * stride_y + out_pad_top + out_pad_bottom + KH, but got ${oh} != (${ih} - 1) * ${stride[0]} + ${outPad[0]} + ${outPad[1]} + ${kh}`;
  const iw = dimOf(input, 2);
  const ow = dimOf(out, 2);
  if (iw !== '?' && ow !== '?' && kw !== '?' && ow !== (iw - 1) * stride[1]! + outPad[2]! + outPad[3]! + kw)
    return `dimension mismatch: expected OW == (IW - 1) * stride_x + out_pad_left + out_pad_right + KW, but got ${ow} != (${iw} - 1) * ${stride[1]} + ${outPad[2]} + ${outPad[3]} + ${kw}`;
  const bias = op.operands[2]!;
  if (!isRanked(bias)) return undefined;
  const bc = dimOf(bias, 0);
  if (bc === '?') return undefined;
  const oc = dimOf(out, 3);
  if (bc !== oc && bc !== 1) return `bias channels expected to be equal to output channels (${oc}) or 1, got ${bc}`;
  return undefined;
}

const convVerify = (spatial: 2 | 3, depthwise: boolean) => (op: OpView): string | undefined =>
  verifyConvTypes(op) ?? verifyAccType(op) ?? verifyConvErrorIf(spatial, depthwise)(op);

export const CONVOLUTION_RULES: Record<string, OpRule> = {
  'tosa.conv2d': { infer: inferConv(2, false), verify: convVerify(2, false) },
  'tosa.conv3d': { infer: inferConv(3, false), verify: convVerify(3, false) },
  'tosa.depthwise_conv2d': { infer: inferConv(2, true), verify: convVerify(2, true) },
  'tosa.transpose_conv2d': { infer: inferTransposeConv, verify: verifyTransposeConv },
};

