/**
 * Constant operands as element lists, so folders work the same on scalars
 * (`42 : i32`), splats (`dense<1> : vector<4xi32>`) and element lists;
 * and results built back as MLIR would (splat when all elements are equal,
 * i1 elements as booleans, f32 rounded).
 */
import type { Attribute, Context, Type } from '../../ir/index.js';

export type IntElems = { readonly kind: 'int'; readonly width: number; readonly values: readonly bigint[] };
export type FloatElems = { readonly kind: 'float'; readonly floatKind: string; readonly values: readonly number[] };
export type Elems = IntElems | FloatElems;

/** Fraction and exponent bit counts of the IEEE float kinds whose bits the folds handle. */
export const IEEE_FORMATS: Partial<Record<string, readonly [fraction: number, exponent: number]>> = { f16: [10, 5], bf16: [7, 8], f32: [23, 8], f64: [52, 11] };

interface ShapedLike {
  readonly kind: string;
  readonly shape?: readonly number[];
  readonly elementType?: Type;
}

export function elementType(t: Type): Type {
  const s = t as unknown as ShapedLike;
  return s.elementType ?? t;
}

export function intWidth(t: Type): number | undefined {
  const k = (t as { kind: string }).kind;
  if (k === 'index') return 64;
  if (k === 'integer') return (t as unknown as { width: number }).width;
  return undefined;
}

function floatKind(t: Type): string | undefined {
  return (t as { kind: string }).kind === 'float' ? (t as unknown as { floatKind: string }).floatKind : undefined;
}

function numElements(t: Type): number {
  const s = (t as unknown as ShapedLike).shape;
  return s ? s.reduce((a, b) => a * b, 1) : 1;
}

/** Reads a constant attribute of (scalar or shaped) type `t`; undefined if not a supported constant. */
export function readElems(a: Attribute | undefined, t: Type): Elems | undefined {
  if (!a) return undefined;
  const el = elementType(t);
  const w = intWidth(el);
  const fk = floatKind(el);
  const attr = a as unknown as { kind: string; value?: unknown; values?: readonly unknown[]; isSplat?: boolean; hex?: string };
  let raw: readonly unknown[];
  if (attr.kind === 'integer' || attr.kind === 'float') raw = [attr.value];
  else if (attr.kind === 'dense' && attr.hex === undefined && attr.values) {
    raw = attr.isSplat ? Array.from({ length: numElements(t) }, () => attr.values![0]) : attr.values;
  } else return undefined;
  if (w !== undefined) {
    const values: bigint[] = [];
    for (const v of raw) {
      if (typeof v === 'bigint') values.push(BigInt.asUintN(w, v));
      else if (typeof v === 'boolean') values.push(v ? 1n : 0n);
      else if (typeof v === 'number' && Number.isInteger(v)) values.push(BigInt.asUintN(w, BigInt(v)));
      else return undefined;
    }
    return { kind: 'int', width: w, values };
  }
  if (fk !== undefined) {
    if (!raw.every((v) => typeof v === 'number')) return undefined;
    // Attributes may hold the literal's double value; the op computes on the type's precision.
    const values = (raw as number[]).map((v) => roundFloat(v, fk));
    if (values.some((v) => v === undefined)) return undefined;
    return { kind: 'float', floatKind: fk, values: values as number[] };
  }
  return undefined;
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
}

/** IEEE round-to-nearest-even of `v` into a binary format with `mant` fraction and `exp` exponent bits. */
function roundIeee(v: number, mant: number, exp: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const bias = 2 ** (exp - 1) - 1;
  const a = Math.abs(v);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  const quantum = 2 ** (Math.max(e, 1 - bias) - mant);
  let r = roundHalfEven(a / quantum) * quantum;
  if (r >= 2 ** (bias + 1)) r = Infinity;
  return v < 0 ? -r : r;
}

/** Rounds to the float kind's precision; undefined for kinds we cannot round. */
export function roundFloat(v: number, kind: string): number | undefined {
  if (Number.isNaN(v)) return kind === 'f64' || kind === 'f32' ? v : undefined;
  if (kind === 'f64') return v;
  if (kind === 'f32') return Math.fround(v);
  if (kind === 'f16') return roundIeee(v, 10, 5);
  if (kind === 'bf16') return roundIeee(v, 7, 8);
  return undefined;
}

/** Builds the constant attribute of type `t` holding `values` (unsigned bit patterns for ints). */
export function makeElems(ctx: Context, t: Type, values: readonly (bigint | number)[]): Attribute | undefined {
  const el = elementType(t);
  const w = intWidth(el);
  const fk = floatKind(el);
  const shaped = el !== t;
  const scalars: (bigint | number | boolean)[] = [];
  for (const v of values) {
    if (w !== undefined) {
      const b = v as bigint;
      scalars.push(w === 1 ? (shaped ? BigInt.asUintN(1, b) === 1n : BigInt.asUintN(1, b)) : BigInt.asIntN(w, b));
    } else if (fk !== undefined) {
      const r = roundFloat(v as number, fk);
      if (r === undefined) return undefined;
      // APFloat's default NaN is the positive quiet NaN; hardware NaNs from JS arithmetic may carry a sign.
      scalars.push(Number.isNaN(r) ? NaN : r);
    } else return undefined;
  }
  if (!shaped) {
    const s = scalars[0];
    return w !== undefined ? ctx.integerAttr(t, s as bigint) : ctx.floatAttr(t, s as number);
  }
  const splat = scalars.length > 0 && scalars.every((s) => Object.is(s, scalars[0]));
  return ctx.denseElementsAttr(t, splat ? [scalars[0]] : scalars, splat);
}

/** The single value of an all-equal constant, if it is one. */
export function splatValue(e: Elems | undefined): bigint | number | undefined {
  if (!e || e.values.length === 0) return undefined;
  const first = e.values[0];
  return e.values.every((v) => Object.is(v, first)) ? first : undefined;
}
