import type { Attribute, DenseArrayAttr, DenseElementsAttr, FloatAttr, FloatType, IntegerAttr, IntegerType, RankedTensorType, Type } from '../ir/index.js';
import { makeTensor, normalize, size, type Tensor } from './tensor.js';

function hexToBytes(hex: string): Uint8Array {
  const h = hex.startsWith('0x') ? hex.slice(2) : hex;
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function elementFromBytes(bytes: Uint8Array, offset: number, t: Type): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  if (t.kind === 'float') {
    const k = (t as FloatType).floatKind;
    if (k === 'f32') return view.getFloat32(offset, true);
    if (k === 'f64') return view.getFloat64(offset, true);
    if (k === 'f16') {
      const h = view.getUint16(offset, true);
      const s = h & 0x8000 ? -1 : 1;
      const e = (h >> 10) & 31;
      const f = h & 1023;
      return e === 0 ? s * f * 2 ** -24 : e === 31 ? (f ? NaN : s * Infinity) : s * (1 + f / 1024) * 2 ** (e - 15);
    }
    if (k === 'bf16') {
      const buf = new DataView(new ArrayBuffer(4));
      buf.setUint32(0, view.getUint16(offset, true) << 16);
      return buf.getFloat32(0);
    }
  }
  const w = t.kind === 'integer' ? (t as IntegerType).width : 64;
  let v = 0n;
  const n = Math.max(1, Math.ceil(w / 8));
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[offset + i]);
  return normalize(Number(BigInt.asIntN(Math.max(w, 1), v)), t);
}

function byteWidth(t: Type): number {
  if (t.kind === 'float') return Math.ceil((t as FloatType).width / 8);
  if (t.kind === 'integer') return Math.max(1, Math.ceil((t as IntegerType).width / 8));
  return 8;
}

/** A dense elements attribute as a runtime tensor. */
export function denseToTensor(a: DenseElementsAttr): Tensor {
  const t = a.type as RankedTensorType;
  const out = makeTensor(t.shape, t.elementType);
  const n = size(t.shape);
  if (a.hex !== undefined) {
    const bytes = hexToBytes(a.hex);
    const w = byteWidth(t.elementType);
    const splat = bytes.length === w && n !== 1;
    for (let i = 0; i < n; i++) out.data[i] = elementFromBytes(bytes, splat ? 0 : i * w, t.elementType);
    return out;
  }
  const scalar = (v: unknown): number => (typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'bigint' ? Number(v) : Array.isArray(v) ? Number(v[0]) : (v as number));
  for (let i = 0; i < n; i++) out.data[i] = normalize(scalar(a.isSplat ? a.values[0] : a.values[i]), t.elementType);
  return out;
}

/** Integer list from a dense array, dense elements or array attribute. */
export function intList(a: Attribute | undefined): number[] {
  if (!a) return [];
  if (a.kind === 'dense_array') return (a as DenseArrayAttr).values.map((v) => Number(v));
  if (a.kind === 'dense') return Array.from(denseToTensor(a as DenseElementsAttr).data);
  if (a.kind === 'integer') return [Number((a as IntegerAttr).value)];
  return [];
}

export function scalarAttr(a: Attribute | undefined): number | undefined {
  if (!a) return undefined;
  if (a.kind === 'integer') return Number((a as IntegerAttr).value);
  if (a.kind === 'float') return (a as FloatAttr).value;
  return undefined;
}
