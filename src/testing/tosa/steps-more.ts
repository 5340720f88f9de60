// Program steps for the remaining tensor ops a model uses: fft2d / rfft2d
// (two results), table, scatter and conv3d.
import type { Dim } from '../../dialects/tosa/semantics/index.js';
import { tensor } from '../../dialects/tosa/semantics/index.js';
import type { ProgramBuilder } from './builder.js';
import type { Step } from './steps-elementwise.js';
import { anyTensor } from './steps-elementwise.js';
import { window } from './steps-tensor.js';

/** A dim the FFT ops accept: a power of two, or `?`. */
const fftDim = (b: ProgramBuilder): Dim => (b.bool(15) ? '?' : b.choose([1, 2, 4, 8]));
const isFftDim = (d: Dim | undefined): boolean => d === '?' || (typeof d === 'number' && d > 0 && (d & (d - 1)) === 0);

const fft: Step = (b) => {
  const re = b.tensorValue(
    (t) => t.element === 'f32' && t.shape.length === 3 && isFftDim(t.shape[1]) && isFftDim(t.shape[2]),
    () => tensor([b.int(1, 3), fftDim(b), fftDim(b)], 'f32'),
  );
  if (b.bool()) {
    b.emit('tosa.rfft2d', [re]);
    return;
  }
  const shape = b.ranked(re).shape;
  const im = b.tensorValue((t) => t.element === 'f32' && t.shape.length === 3 && t.shape.every((d, i) => d === shape[i]), () => tensor(shape, 'f32'));
  b.emit('tosa.fft2d', [re, im], { inverse: b.bool() });
};

const table: Step = (b) => {
  const x = anyTensor(b, ['i8']);
  b.emit('tosa.table', [x, b.constTensor(tensor([256], 'i8'), [b.int(-3, 3)])]);
};

const scatter: Step = (b) => {
  const values = anyTensor(b, ['f32', 'i32'], 3, 3);
  const [n, k, c] = b.ranked(values).shape;
  // Each of the W indices writes one row of K: W <= K.
  const w = k === '?' ? b.int(1, 3) : b.int(1, k!);
  const indices = b.arg(tensor([n!, w], 'i32'));
  const input = b.arg(tensor([n!, w, c!], b.ranked(values).element));
  b.emit('tosa.scatter', [values, indices, input]);
};

const conv3d: Step = (b) => {
  const x = anyTensor(b, ['f32'], 5, 5);
  const [, d, h, w, c] = b.ranked(x).shape;
  const dil = [b.int(1, 2), b.int(1, 2), b.int(1, 2)] as const;
  const wins = [d!, h!, w!].map((size, i) => window(b, size, (k) => (k - 1) * dil[i]! + 1, false));
  const o = b.int(1, 3);
  const weight = b.arg(tensor([o, ...wins.map((v) => v.k), c!], 'f32'));
  const bias = b.arg(tensor([b.bool(20) ? 1 : o], 'f32'));
  b.emit('tosa.conv3d', [x, weight, bias, b.scalarConst('f32'), b.scalarConst('f32')], {
    pad: wins.flatMap((v) => [v.lo, v.hi]), stride: wins.map((v) => v.stride), dilation: [...dil], acc_type: { kind: 'type', type: 'f32' },
  });
};

export const MORE_STEPS: Readonly<Record<string, Step>> = { fft, table, scatter, conv3d };
