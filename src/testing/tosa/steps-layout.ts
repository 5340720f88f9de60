// Program steps for TOSA data-layout ops and reductions: reshape, transpose,
// concat, slice, tile, pad, reverse, reduce_*, argmax.
import { tensor } from '../../dialects/tosa/semantics/index.js';
import type { Step } from './steps-elementwise.js';
import { anyTensor } from './steps-elementwise.js';
import { dealShape } from './adapt.js';

const i32 = (value: number) => ({ kind: 'int' as const, value, type: 'i32' });

const reduce: Step = (b) => {
  const [name, elements] = b.choose([
    ['tosa.reduce_sum', ['f32', 'i32']], ['tosa.reduce_max', ['f32', 'i32']], ['tosa.reduce_min', ['f32', 'i32']],
    ['tosa.reduce_product', ['f32']], ['tosa.reduce_all', ['i1']], ['tosa.reduce_any', ['i1']],
  ] as const);
  const x = anyTensor(b, elements);
  b.emit(name, [x], { axis: i32(b.int(0, b.ranked(x).shape.length - 1)) });
};

const argmax: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32'], 2);
  b.emit('tosa.argmax', [x], { axis: i32(b.int(0, b.ranked(x).shape.length - 1)) }, ['i32']);
};

const reverse: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32', 'i1']);
  b.emit('tosa.reverse', [x], { axis: i32(b.int(0, b.ranked(x).shape.length - 1)) });
};

const transpose: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32', 'f16']);
  b.emit('tosa.transpose', [x], { perms: b.permutation(b.ranked(x).shape.length) });
};

const reshape: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32'], 1, 4);
  const shape = b.ranked(x).shape;
  const rank = b.int(1, 4);
  let target: number[];
  if (shape.some((d) => d === '?')) {
    // Unknown element count: one -1 and ones elsewhere is the only safe target.
    target = Array.from({ length: rank }, () => 1);
    target[b.int(0, rank - 1)] = -1;
  } else {
    target = dealShape(b, (shape as number[]).reduce((a, c) => a * c, 1), rank);
    if (b.bool(25)) target[b.int(0, rank - 1)] = -1;
  }
  b.emit('tosa.reshape', [x, b.constShape(target)]);
};

const concat: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32']);
  const t = b.ranked(x);
  const axis = b.int(0, t.shape.length - 1);
  const others = Array.from({ length: b.int(1, 2) }, () =>
    b.bool() ? x : b.arg(tensor(t.shape.map((d, i) => (i === axis ? b.dim() : d)), t.element)));
  b.emit('tosa.concat', [x, ...others], { axis: i32(axis) });
};

const slice: Step = (b) => {
  const x = b.tensorValue((t) => t.shape.every((d) => d !== '?') && t.element !== 'i1', () => tensor(b.staticShape(), 'f32'));
  const shape = b.ranked(x).shape as number[];
  const start = shape.map((d) => b.int(0, d - 1));
  const size = shape.map((d, i) => b.int(1, d - start[i]!));
  b.emit('tosa.slice', [x, b.constShape(start), b.constShape(size)]);
};

const tile: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32'], 1, 3);
  b.emit('tosa.tile', [x, b.constShape(b.ranked(x).shape.map(() => b.int(1, 3)))]);
};

const pad: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32']);
  const t = b.ranked(x);
  const padding = Array.from({ length: 2 * t.shape.length }, () => b.int(0, 2));
  b.emit('tosa.pad', [x, b.constShape(padding), b.scalarConst(t.element)]);
};

export const LAYOUT_STEPS: Readonly<Record<string, Step>> = {
  reduce, argmax, reverse, transpose, reshape, concat, slice, tile, pad,
};
