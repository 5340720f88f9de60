import type { FloatKind } from '../types/type.js';

const f16round: ((x: number) => number) | undefined = (Math as unknown as { f16round?: (x: number) => number }).f16round;

/** Round a double to the precision of a float kind (where numaccl models it exactly). */
export function roundToKind(value: number, kind: FloatKind): number {
  switch (kind) {
    case 'f32':
    case 'tf32':
      return Math.fround(value);
    case 'f16':
      return f16round ? f16round(value) : value;
    case 'bf16':
      return bf16Round(value);
    default:
      return value;
  }
}

function bf16Round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const buf = new DataView(new ArrayBuffer(4));
  buf.setFloat32(0, value);
  let bits = buf.getUint32(0);
  // Round to nearest even on the dropped 16 bits.
  const lsb = (bits >>> 16) & 1;
  bits = (bits + 0x7fff + lsb) >>> 0;
  buf.setUint32(0, (bits & 0xffff0000) >>> 0);
  return buf.getFloat32(0);
}

const WIDTH: Partial<Record<FloatKind, number>> = { f16: 16, bf16: 16, f32: 32, f64: 64 };

/** Bits of a finite or special float value, for the hex form. */
export function floatBits(value: number, kind: FloatKind): bigint | undefined {
  const buf = new DataView(new ArrayBuffer(8));
  switch (WIDTH[kind]) {
    case 64:
      buf.setFloat64(0, value);
      return buf.getBigUint64(0);
    case 32:
      buf.setFloat32(0, value);
      return BigInt(buf.getUint32(0));
    case 16:
      if (kind === 'bf16') {
        buf.setFloat32(0, value);
        return BigInt(buf.getUint32(0) >>> 16);
      }
      return halfBits(value);
    default:
      return undefined;
  }
}

function halfBits(value: number): bigint {
  if (Number.isNaN(value)) return 0x7e00n;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const a = Math.abs(value);
  if (a === Infinity) return BigInt(sign | 0x7c00);
  if (a === 0) return BigInt(sign);
  let exp = Math.floor(Math.log2(a));
  if (exp < -14) return BigInt(sign | Math.round(a / 2 ** -24));
  let frac = Math.round((a / 2 ** exp - 1) * 1024);
  if (frac === 1024) {
    frac = 0;
    exp++;
  }
  return BigInt(sign | ((exp + 15) << 10) | frac);
}

/**
 * A float literal MLIR's lexer accepts (`[0-9]+.[0-9]*(e[+-]?[0-9]+)?`) that
 * parses back to exactly `value` at the type's precision; hex for inf/nan.
 */
export function formatFloat(value: number, kind: FloatKind, bits?: bigint): string {
  const width = WIDTH[kind];
  if (bits !== undefined || !Number.isFinite(value)) {
    const b = bits ?? floatBits(value, kind) ?? 0n;
    const digits = width ? Math.ceil(width / 4) : 0;
    return `0x${b.toString(16).toUpperCase().padStart(digits, '0')}`;
  }
  let text = String(value);
  // Shortest text for narrower types: fewest digits that round back at that precision.
  if (kind !== 'f64' && width !== undefined) {
    for (let p = 1; p <= 17; p++) {
      const candidate = value.toPrecision(p);
      if (roundToKind(Number(candidate), kind) === value) {
        text = String(Number(candidate));
        break;
      }
    }
  }
  // Very large or small magnitudes read better in exponent form.
  if (!/e/i.test(text) && text.replace(/^-|\./g, '').length > 17) text = Number(text).toExponential();
  return toMlirFloatSyntax(text, value);
}

function toMlirFloatSyntax(text: string, value: number): string {
  if (Object.is(value, -0)) return '-0.000000e+00';
  let mantissa = text;
  let exponent = '';
  const e = text.search(/e/i);
  if (e >= 0) {
    mantissa = text.slice(0, e);
    exponent = text.slice(e);
  }
  if (!mantissa.includes('.')) mantissa += '.0';
  return mantissa + exponent;
}
