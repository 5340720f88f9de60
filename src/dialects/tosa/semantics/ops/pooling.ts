// avg_pool2d and max_pool2d: output sizes and ERROR_IF rules.
import { arrayAttr, inferred, typeAttr, type InferInput, type InferResult, type OpView } from '../op-view.js';
import { type Dim, dimOf, isInteger, isRanked } from '../types.js';
import { type OpRule, checkZeroPoint, first, list, q, sameElementTypes, storageElement } from './common.js';

function inferPool(op: InferInput): InferResult {
  const t = op.operands[0]!;
  const kernel = arrayAttr(op, 'kernel');
  const stride = arrayAttr(op, 'stride');
  const pad = arrayAttr(op, 'pad');
  const out: Dim[] = ['?', '?', '?', '?'];
  if (!isRanked(t)) return inferred({ shape: out });
  out[0] = dimOf(t, 0);
  out[3] = dimOf(t, 3);
  const h = dimOf(t, 1);
  const w = dimOf(t, 2);
  if (h !== '?') out[1] = Math.trunc((h + pad[0]! + pad[1]! - kernel[0]!) / stride[0]!) + 1;
  if (w !== '?') out[2] = Math.trunc((w + pad[2]! + pad[3]! - kernel[1]!) / stride[1]!) + 1;
  return inferred({ shape: out });
}

function verifyPoolCommon(op: OpView): string | undefined {
  const kernel = arrayAttr(op, 'kernel');
  const stride = arrayAttr(op, 'stride');
  const pad = arrayAttr(op, 'pad');
  if (kernel.some((k) => k < 1)) return `expect all kernel values to be >= 1, got ${list(kernel)}`;
  if (stride.some((s) => s < 1)) return `expect all stride values to be >= 1, got ${list(stride)}`;
  if (pad.some((p) => p < 0)) return `expect all padding values to be >= 0, got ${list(pad)}`;
  const [kY, kX] = [kernel[0]!, kernel[1]!];
  if (pad[3]! >= kX || pad[2]! >= kX)
    return `expected left/right padding to be less than the width of the kernel, got pad_left=${pad[2]}, pad_right=${pad[3]}, kernel_x=${kX}`;
  if (pad[0]! >= kY || pad[1]! >= kY)
    return `expected top/bottom padding to be less than the height of the kernel, got pad_top=${pad[0]}, pad_bottom=${pad[1]}, kernel_y=${kY}`;
  const input = op.operands[0]!;
  const out = op.results[0]!;
  if (!isRanked(input) || !isRanked(out)) return undefined;
  const dims = [
    { name: 'height', axis: 'y', before: 'top', after: 'bottom' },
    { name: 'width', axis: 'x', before: 'left', after: 'right' },
  ];
  for (let s = 0; s < 2; s++) {
    const i = dimOf(input, s + 1);
    const o = dimOf(out, s + 1);
    if (i === '?') continue;
    const d = dims[s]!;
    const num = i + pad[2 * s]! + pad[2 * s + 1]! - kernel[s]!;
    if (num % stride[s]! !== 0)
      return `expected input_${d.name} + pad_${d.before} + pad_${d.after} - kernel_${d.axis} to be wholly divisible by stride_${d.axis}, got (${i} + ${pad[2 * s]} + ${pad[2 * s + 1]} - ${kernel[s]}) / ${stride[s]}`;
    const calc = Math.trunc(num / stride[s]!) + 1;
    if (o !== '?' && calc !== o) return `calculated output ${d.name} did not match expected: calculated=${calc}, expected=${o}`;
  }
  return undefined;
}

function verifyAvgPool(op: OpView): string | undefined {
  return first(
    () => verifyPoolCommon(op),
    () => {
      const inE = storageElement(op.operands[0]!);
      const acc = typeAttr(op, 'acc_type') ?? '';
      if (isInteger(inE) && acc !== 'i32') return 'accumulator type for integer tensor is not i32';
      if (inE === 'f16' && acc !== 'f16' && acc !== 'f32') return 'accumulator type for f16 tensor is not f16/f32';
      if (inE === 'bf16' && acc !== 'f32') return 'accumulator type for bf16 tensor is not f32';
      if (inE === 'f32' && acc !== 'f32') return 'accumulator type for f32 tensor is not f32';
      return undefined;
    },
    () => {
      const a = storageElement(op.operands[0]!);
      const z = storageElement(op.operands[1]!);
      return a !== z ? `expect both input and its zero point are the same element type, got ${q(a)} and ${q(z)}` : undefined;
    },
    () => {
      const a = storageElement(op.results[0]!);
      const z = storageElement(op.operands[2]!);
      return a !== z ? `expect both output and its zero point are the same element type, got ${q(a)} and ${q(z)}` : undefined;
    },
    () => checkZeroPoint(op, 1, 'input'),
    () => checkZeroPoint(op, 2, 'output'),
  );
}

export const POOLING_RULES: Record<string, OpRule> = {
  'tosa.avg_pool2d': { infer: inferPool, verify: verifyAvgPool },
  'tosa.max_pool2d': {
    infer: inferPool,
    verify: (op) => sameElementTypes(op.operands[0]!, op.results[0]!) ?? verifyPoolCommon(op),
  },
};

