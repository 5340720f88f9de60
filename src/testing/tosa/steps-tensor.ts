// Program steps for the tensor-operator TOSA ops: matmul, conv2d, max/avg
// pooling and gather, with windows chosen so every output size is whole.
import type { Dim } from '../../dialects/tosa/semantics/index.js';
import { tensor } from '../../dialects/tosa/semantics/index.js';
import type { ProgramBuilder } from './builder.js';
import type { Step } from './steps-elementwise.js';
import { anyTensor } from './steps-elementwise.js';

const matmul: Step = (b) => {
  const a = anyTensor(b, ['f32'], 3, 3);
  const [n, , c] = b.ranked(a).shape;
  const w = b.dim();
  const rhs = b.tensorValue((t) => t.element === 'f32' && t.shape.length === 3 && t.shape[0] === n && t.shape[1] === c, () => tensor([n!, c!, w], 'f32'));
  b.emit('tosa.matmul', [a, rhs, b.scalarConst('f32'), b.scalarConst('f32')]);
};

/**
 * Window parameters along one spatial dim of size `size`: kernel extent
 * `k` (already dilated), pads and a stride that divides what is left, as
 * the conv/pool verifiers require.
 */
export function window(b: ProgramBuilder, size: Dim, extent: (k: number) => number, padBelowKernel: boolean) {
  let k = b.int(1, 3);
  const maxPad = (kk: number) => (padBelowKernel ? kk - 1 : 1);
  let lo = b.int(0, maxPad(k));
  let hi = b.int(0, maxPad(k));
  if (size !== '?' && size + lo + hi - extent(k) < 0) [k, lo, hi] = [1, 0, 0];
  const span = size === '?' ? undefined : size + lo + hi - extent(k);
  const strides = [1, 2, 3].filter((s) => span === undefined || span % s === 0);
  return { k, lo, hi, stride: b.choose(strides) };
}

/** An NHWC input with dilations and height/width windows that fit it, as 2-D convolutions draw them. */
function dilatedConvInput(b: ProgramBuilder) {
  const x = anyTensor(b, ['f32'], 4, 4);
  const [, h, w, c] = b.ranked(x).shape;
  const dil = [b.int(1, 2), b.int(1, 2)] as const;
  // Output = (in - 1 + pads - (k - 1) * dil) / stride + 1: the window spans (k - 1) * dil + 1.
  const wy = window(b, h!, (k) => (k - 1) * dil[0] + 1, false);
  const wx = window(b, w!, (k) => (k - 1) * dil[1] + 1, false);
  return { x, c: c!, dil, wy, wx };
}

const conv2d: Step = (b) => {
  const { x, c, dil, wy, wx } = dilatedConvInput(b);
  const o = b.int(1, 4);
  const weight = b.arg(tensor([o, wy.k, wx.k, c], 'f32'));
  const bias = b.arg(tensor([b.bool(20) ? 1 : o], 'f32'));
  b.emit('tosa.conv2d', [x, weight, bias, b.scalarConst('f32'), b.scalarConst('f32')], {
    pad: [wy.lo, wy.hi, wx.lo, wx.hi], stride: [wy.stride, wx.stride], dilation: [...dil], acc_type: { kind: 'type', type: 'f32' },
  });
};

const depthwiseConv2d: Step = (b) => {
  const { x, c, dil, wy, wx } = dilatedConvInput(b);
  const m = b.int(1, 2);
  const weight = b.arg(tensor([wy.k, wx.k, c, m], 'f32'));
  const bias = b.arg(tensor([c === '?' || b.bool(20) ? 1 : c * m], 'f32'));
  b.emit('tosa.depthwise_conv2d', [x, weight, bias, b.scalarConst('f32'), b.scalarConst('f32')], {
    pad: [wy.lo, wy.hi, wx.lo, wx.hi], stride: [wy.stride, wx.stride], dilation: [...dil], acc_type: { kind: 'type', type: 'f32' },
  });
};

const transposeConv2d: Step = (b) => {
  const x = anyTensor(b, ['f32'], 4, 4);
  const c = b.ranked(x).shape[3]!;
  const o = b.int(1, 3);
  const [kh, kw] = [b.int(1, 3), b.int(1, 3)];
  const weight = b.arg(tensor([o, kh, kw, c], 'f32'));
  const bias = b.arg(tensor([b.bool(20) ? 1 : o], 'f32'));
  b.emit('tosa.transpose_conv2d', [x, weight, bias, b.scalarConst('f32'), b.scalarConst('f32')], {
    out_pad: [b.int(0, 1), b.int(0, 1), b.int(0, 1), b.int(0, 1)], stride: [b.int(1, 2), b.int(1, 2)], acc_type: { kind: 'type', type: 'f32' },
  });
};

const pool: Step = (b) => {
  const x = anyTensor(b, ['f32'], 4, 4);
  const [, h, w] = b.ranked(x).shape;
  const wy = window(b, h!, (k) => k, true);
  const wx = window(b, w!, (k) => k, true);
  const attrs = { kernel: [wy.k, wx.k], stride: [wy.stride, wx.stride], pad: [wy.lo, wy.hi, wx.lo, wx.hi] };
  if (b.bool()) b.emit('tosa.max_pool2d', [x], attrs);
  else b.emit('tosa.avg_pool2d', [x, b.scalarConst('f32'), b.scalarConst('f32')], { ...attrs, acc_type: { kind: 'type', type: 'f32' } });
};

const gather: Step = (b) => {
  const values = anyTensor(b, ['f32', 'i32'], 3, 3);
  const n = b.ranked(values).shape[0]!;
  const indices = b.tensorValue((t) => t.element === 'i32' && t.shape.length === 2 && t.shape[0] === n, () => tensor([n, b.dim()], 'i32'));
  b.emit('tosa.gather', [values, indices]);
};

export const TENSOR_STEPS: Readonly<Record<string, Step>> = { matmul, conv2d, depthwiseConv2d, transposeConv2d, pool, gather };
