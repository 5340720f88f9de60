import type { FloatType, IntegerType, RankedTensorType, Type } from '../ir/index.js';
import { roundToKind } from '../ir/printer/floats.js';

/**
 * A runtime tensor: row-major values as JS numbers. Integers up to 32 bits
 * are exact; 64-bit integers are exact up to 2^53 (documented limit).
 * Floats are rounded to their type's precision after every operation.
 */
export interface Tensor {
  readonly shape: readonly number[];
  readonly elementType: Type;
  readonly data: Float64Array;
}

export function size(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

export function makeTensor(shape: readonly number[], elementType: Type, data?: Float64Array): Tensor {
  return { shape: [...shape], elementType, data: data ?? new Float64Array(size(shape)) };
}

export function tensorOfType(t: RankedTensorType, data?: Float64Array): Tensor {
  return makeTensor(t.shape, t.elementType, data);
}

/** Bring `v` into the value set of `t`: float rounding, integer wrap-around (two's complement). */
export function normalize(v: number, t: Type): number {
  if (t.kind === 'float') return roundToKind(v, (t as FloatType).floatKind);
  if (t.kind === 'integer') {
    const it = t as IntegerType;
    if (!Number.isFinite(v)) return 0;
    v = Math.trunc(v);
    if (it.width >= 53) return v;
    if (it.width === 1) return v & 1 ? (it.signedness === 'unsigned' ? 1 : it.signedness === 'signless' ? 1 : -1) : 0;
    const m = 2 ** it.width;
    let r = ((v % m) + m) % m;
    if (it.signedness !== 'unsigned' && r >= m / 2) r -= m;
    return r;
  }
  if (t.kind === 'index') return Math.trunc(v);
  return v;
}

/**
 * `a * b` in the value set of `t`. Integer products beyond 2^53 lose low bits
 * as doubles, which would make wrap-around depend on evaluation order (a
 * hierarchical all-reduce multiplies in another order than a flat one), so
 * they are computed exactly: Math.imul up to 32 bits, BigInt above.
 */
export function multiply(a: number, b: number, t: Type): number {
  const p = a * b;
  if ((t.kind !== 'integer' && t.kind !== 'index') || Math.abs(p) <= Number.MAX_SAFE_INTEGER) return normalize(p, t);
  const w = t.kind === 'integer' ? (t as IntegerType).width : 64;
  if (w <= 32) return normalize(Math.imul(a, b), t);
  return normalize(Number(BigInt.asIntN(w, BigInt(Math.trunc(a)) * BigInt(Math.trunc(b)))), t);
}

export function isIntegerLike(t: Type): boolean {
  return t.kind === 'integer' || t.kind === 'index';
}

export function map1(a: Tensor, outType: Type, f: (x: number) => number): Tensor {
  const out = makeTensor(a.shape, outType);
  for (let i = 0; i < a.data.length; i++) out.data[i] = normalize(f(a.data[i]), outType);
  return out;
}

/** Numpy-style broadcast of two shapes of equal rank (TOSA requires equal ranks). */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const pa = [...Array(rank - a.length).fill(1), ...a];
  const pb = [...Array(rank - b.length).fill(1), ...b];
  return pa.map((d, i) => (d === 1 ? pb[i] : d));
}

/** Index into `t` for output coordinates `coord` of a broadcast result. */
function broadcastIndexer(t: Tensor, outShape: readonly number[]): (flat: number) => number {
  const rank = outShape.length;
  const shape = [...Array(rank - t.shape.length).fill(1), ...t.shape];
  const st = strides(shape);
  const outSt = strides(outShape);
  return (flat: number) => {
    let idx = 0;
    for (let d = 0; d < rank; d++) {
      const c = Math.floor(flat / outSt[d]) % outShape[d];
      if (shape[d] !== 1) idx += c * st[d];
    }
    return idx;
  };
}

export function mapN(inputs: readonly Tensor[], outType: Type, f: (xs: number[]) => number): Tensor {
  let shape: number[] = [...inputs[0].shape];
  for (const t of inputs.slice(1)) shape = broadcastShape(shape, t.shape);
  const out = makeTensor(shape, outType);
  const idx = inputs.map((t) => broadcastIndexer(t, shape));
  const xs = new Array<number>(inputs.length);
  for (let i = 0; i < out.data.length; i++) {
    for (let k = 0; k < inputs.length; k++) xs[k] = inputs[k].data[idx[k](i)];
    out.data[i] = normalize(f(xs), outType);
  }
  return out;
}

/** Coordinates of a flat index. */
export function coords(flat: number, shape: readonly number[]): number[] {
  const c = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    c[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return c;
}

export function flatIndex(c: readonly number[], st: readonly number[]): number {
  let i = 0;
  for (let d = 0; d < c.length; d++) i += c[d] * st[d];
  return i;
}

/** Concatenate tensors along `dim` (all other dimensions equal). */
export function concatAlong(parts: readonly Tensor[], dim: number, elementType: Type = parts[0].elementType): Tensor {
  const shape = [...parts[0].shape];
  shape[dim] = parts.reduce((n, p) => n + p.shape[dim], 0);
  const out = makeTensor(shape, elementType);
  const outSt = strides(shape);
  let base = 0;
  for (const p of parts) {
    for (let i = 0; i < p.data.length; i++) {
      const c = coords(i, p.shape);
      c[dim] += base;
      out.data[flatIndex(c, outSt)] = p.data[i];
    }
    base += p.shape[dim];
  }
  return out;
}
