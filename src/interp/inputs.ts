import type { FloatType, IntegerType, RankedTensorType, Type } from '../ir/index.js';
import { makeTensor, normalize, type Tensor } from './tensor.js';

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(...xs: number[]): number {
  let h = 0x811c9dc5;
  for (const x of xs) {
    h ^= x >>> 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The input of argument `index` on `rank`, from the seed and the argument's
 * type only (so a program before and after a pass gets the same inputs).
 * Floats in [-1, 1); integers in [-8, 8) ([0, 8) unsigned, {0, 1} for i1).
 */
export function generateInput(type: Type, seed: number, rank: number, index: number): Tensor {
  const shape = type.kind === 'tensor' ? [...(type as RankedTensorType).shape] : [];
  const elem = type.kind === 'tensor' ? (type as RankedTensorType).elementType : type;
  if (shape.some((d) => d < 0)) throw new Error(`cannot generate an input of dynamic shape for argument #${index}`);
  const next = rng(mix(seed, rank, index));
  const t = makeTensor(shape, elem);
  for (let i = 0; i < t.data.length; i++) {
    const u = next();
    let v: number;
    if (elem.kind === 'float') v = u * 2 - 1;
    else if (elem.kind === 'integer' && (elem as IntegerType).width === 1) v = u < 0.5 ? 0 : 1;
    else if (elem.kind === 'integer' && (elem as IntegerType).signedness === 'unsigned') v = Math.floor(u * 8);
    else v = Math.floor(u * 16) - 8;
    t.data[i] = normalize(v, elem as FloatType);
  }
  return t;
}
