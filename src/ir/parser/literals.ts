import type { Type } from '../types/type.js';

/** Value range of an integer type of `width` bits; signless accepts both signed and unsigned spellings. */
export function integerFits(value: bigint, width: number, signedness: 'signless' | 'signed' | 'unsigned'): boolean {
  if (width === 0) return value === 0n;
  const max = (1n << BigInt(width)) - 1n;
  const minSigned = -(1n << BigInt(width - 1));
  switch (signedness) {
    case 'unsigned':
      return value >= 0n && value <= max;
    case 'signed':
      return value >= minSigned && value <= (1n << BigInt(width - 1)) - 1n;
    default:
      return value >= minSigned && value <= max;
  }
}

/** Bit width of an integer-like type (index is 64). */
export function integerWidth(t: Type): number | undefined {
  if (t.kind === 'index') return 64;
  if (t.kind === 'integer') return (t as unknown as { width: number }).width;
  return undefined;
}

/** Interpret a hex bit pattern as a float of the given width (16/32/64; bf16 too). */
export function floatFromBits(bits: bigint, kind: string): number | undefined {
  const buf = new DataView(new ArrayBuffer(8));
  switch (kind) {
    case 'f64':
      buf.setBigUint64(0, BigInt.asUintN(64, bits));
      return buf.getFloat64(0);
    case 'f32':
      buf.setUint32(0, Number(BigInt.asUintN(32, bits)));
      return buf.getFloat32(0);
    case 'bf16':
      buf.setUint32(0, Number(BigInt.asUintN(16, bits)) << 16);
      return buf.getFloat32(0);
    case 'f16':
      return halfToNumber(Number(BigInt.asUintN(16, bits)));
    default:
      return undefined;
  }
}

function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Width in bits of a float type kind. */
export const FLOAT_BITS: Record<string, number> = {
  f16: 16, bf16: 16, f32: 32, f64: 64, f80: 80, f128: 128, tf32: 19,
};
