// TOSA ops with structure: matmul, reductions, and data layout (TOSA 1.0 §2.3, §2.6, §2.8).
import type { DenseElementsAttr, Operation, RankedTensorType, Type } from '../../ir/index.js';
import { concatAlong, coords, flatIndex, makeTensor, multiply, normalize, strides, type Tensor } from '../tensor.js';
import { denseToTensor, intList, scalarAttr } from '../constants.js';
import { InterpError, type Kernel } from './types.js';

const resultTensorType = (op: Operation, i = 0): RankedTensorType => op.resultTypes[i] as RankedTensorType;

/** tosa.matmul: [N, H, C] x [N, C, W] with zero points; f32/i32 accumulation. */
const matmul: Kernel = (op, [a, b, aZp, bZp]) => {
  const [N, H, C] = a.shape;
  const W = b.shape[2];
  const rt = resultTensorType(op);
  const out = makeTensor([N, H, W], rt.elementType);
  const za = aZp?.data[0] ?? 0;
  const zb = bZp?.data[0] ?? 0;
  const accType = rt.elementType;
  const integer = accType.kind === 'integer';
  for (let n = 0; n < N; n++)
    for (let h = 0; h < H; h++)
      for (let w = 0; w < W; w++) {
        let acc = 0;
        for (let c = 0; c < C; c++) {
          const x = a.data[(n * H + h) * C + c] - za;
          const y = b.data[(n * C + c) * W + w] - zb;
          // Integer accumulation wraps at every step, so sums stay exact (no double rounding past 2^53).
          acc = integer ? normalize(acc + multiply(x, y, accType), accType) : acc + x * y;
        }
        out.data[(n * H + h) * W + w] = normalize(acc, rt.elementType);
      }
  return [out];
};

function reduce(init: number, f: (acc: number, x: number, t: Type) => number): Kernel {
  return (op, [a]) => {
    const axis = scalarAttr(op.getAttr('axis')) ?? 0;
    const shape = [...a.shape];
    shape[axis] = 1;
    const rt = resultTensorType(op);
    const out = makeTensor(shape, rt.elementType);
    out.data.fill(init);
    const outSt = strides(shape);
    for (let i = 0; i < a.data.length; i++) {
      const c = coords(i, a.shape);
      c[axis] = 0;
      const j = flatIndex(c, outSt);
      out.data[j] = f(out.data[j], a.data[i], rt.elementType);
    }
    for (let i = 0; i < out.data.length; i++) out.data[i] = normalize(out.data[i], rt.elementType);
    return [out];
  };
}

const argmax: Kernel = (op, [a]) => {
  const axis = scalarAttr(op.getAttr('axis')) ?? 0;
  const rt = resultTensorType(op);
  const shape = a.shape.filter((_, i) => i !== axis);
  const out = makeTensor(shape, rt.elementType);
  const best = new Float64Array(out.data.length).fill(-Infinity);
  const outSt = strides(shape);
  for (let i = 0; i < a.data.length; i++) {
    const c = coords(i, a.shape);
    const k = c[axis];
    c.splice(axis, 1);
    const j = flatIndex(c, outSt);
    if (a.data[i] > best[j]) {
      best[j] = a.data[i];
      out.data[j] = k;
    }
  }
  return [out];
};

/** Generic gather: out[c] = in[source(c)] (or `fill` when source returns -1). */
function gather(out: Tensor, a: Tensor, source: (c: number[]) => number[] | undefined, fill = 0): Tensor {
  const inSt = strides(a.shape);
  for (let i = 0; i < out.data.length; i++) {
    const src = source(coords(i, out.shape));
    out.data[i] = src ? a.data[flatIndex(src, inSt)] : fill;
  }
  return out;
}

const transpose: Kernel = (op, [a]) => {
  const perms = intList(op.getAttr('perms'));
  const rt = resultTensorType(op);
  const out = makeTensor(perms.map((p) => a.shape[p]), rt.elementType);
  return [gather(out, a, (c) => {
    const src = new Array<number>(c.length);
    perms.forEach((p, i) => (src[p] = c[i]));
    return src;
  })];
};

const reshape: Kernel = (op, [a]) => {
  const rt = resultTensorType(op);
  return [makeTensor(rt.shape, rt.elementType, a.data)];
};

const concat: Kernel = (op, args) => [concatAlong(args, scalarAttr(op.getAttr('axis')) ?? 0, resultTensorType(op).elementType)];

const slice: Kernel = (op, [a, start]) => {
  const rt = resultTensorType(op);
  const st = Array.from(start.data);
  return [gather(makeTensor(rt.shape, rt.elementType), a, (c) => c.map((x, i) => x + st[i]))];
};

const pad: Kernel = (op, [a, padding, padConst]) => {
  const rt = resultTensorType(op);
  const p = Array.from(padding.data);
  const fill = padConst?.data[0] ?? 0;
  return [
    gather(makeTensor(rt.shape, rt.elementType), a, (c) => {
      const src = c.map((x, i) => x - p[2 * i]);
      return src.every((x, i) => x >= 0 && x < a.shape[i]) ? src : undefined;
    }, fill),
  ];
};

const tile: Kernel = (op, [a]) => {
  const rt = resultTensorType(op);
  return [gather(makeTensor(rt.shape, rt.elementType), a, (c) => c.map((x, i) => x % a.shape[i]))];
};

const reverse: Kernel = (op, [a]) => {
  const axis = scalarAttr(op.getAttr('axis')) ?? 0;
  return [gather(makeTensor(a.shape, a.elementType), a, (c) => c.map((x, i) => (i === axis ? a.shape[i] - 1 - x : x)))];
};

const constOp: Kernel = (op) => {
  const v = op.getAttr('values');
  if (v?.kind !== 'dense') throw new InterpError(op, 'tosa.const needs dense elements');
  return [denseToTensor(v as DenseElementsAttr)];
};

const constShape: Kernel = (op) => {
  const values = intList(op.getAttr('values'));
  return [makeTensor([values.length], op.context.indexType(), Float64Array.from(values))];
};

export const TOSA_STRUCTURED: ReadonlyMap<string, Kernel> = new Map<string, Kernel>([
  ['tosa.matmul', matmul],
  ['tosa.reduce_sum', reduce(0, (s, x) => s + x)],
  ['tosa.reduce_prod', reduce(1, (s, x, t) => multiply(s, x, t))],
  ['tosa.reduce_max', reduce(-Infinity, (s, x) => (Number.isNaN(x) || Number.isNaN(s) ? NaN : Math.max(s, x)))],
  ['tosa.reduce_min', reduce(Infinity, (s, x) => (Number.isNaN(x) || Number.isNaN(s) ? NaN : Math.min(s, x)))],
  ['tosa.reduce_all', reduce(1, (s, x) => (s && x ? 1 : 0))],
  ['tosa.reduce_any', reduce(0, (s, x) => (s || x ? 1 : 0))],
  ['tosa.argmax', argmax],
  ['tosa.transpose', transpose],
  ['tosa.reshape', reshape],
  ['tosa.concat', concat],
  ['tosa.slice', slice],
  ['tosa.pad', pad],
  ['tosa.tile', tile],
  ['tosa.reverse', reverse],
  ['tosa.const', constOp],
  ['tosa.const_shape', constShape],
]);

export function elementTypeOf(t: Type): Type {
  return (t as { elementType?: Type }).elementType ?? t;
}
