/**
 * Float values that each float kind represents exactly, so a generated
 * `FloatAttr` means the same thing to numaccl and to MLIR. Values are
 * `m * 2^e` with the mantissa and exponent bounded per kind.
 */
import fc from 'fast-check';
import type { FloatKind } from '../ir/index.js';

interface KindRange {
  /** Largest |m|: fits the kind's significand. */
  readonly m: number;
  readonly eMin: number;
  readonly eMax: number;
  readonly negative: boolean;
  /** Has -0, infinities and NaN (IEEE-like). */
  readonly specials: boolean;
}

const RANGES: Record<FloatKind, KindRange> = {
  f16: { m: 2047, eMin: -14, eMax: 5, negative: true, specials: true },
  bf16: { m: 255, eMin: -20, eMax: 20, negative: true, specials: true },
  f32: { m: 2 ** 24 - 1, eMin: -40, eMax: 40, negative: true, specials: true },
  f64: { m: 2 ** 53 - 1, eMin: -80, eMax: 80, negative: true, specials: true },
  f80: { m: 2 ** 53 - 1, eMin: -80, eMax: 80, negative: true, specials: true },
  f128: { m: 2 ** 53 - 1, eMin: -80, eMax: 80, negative: true, specials: true },
  tf32: { m: 2047, eMin: -20, eMax: 20, negative: true, specials: true },
  f4E2M1FN: { m: 3, eMin: -1, eMax: 1, negative: true, specials: false },
  f6E2M3FN: { m: 15, eMin: -3, eMax: -1, negative: true, specials: false },
  f6E3M2FN: { m: 7, eMin: -2, eMax: 2, negative: true, specials: false },
  f8E5M2: { m: 7, eMin: -6, eMax: 10, negative: true, specials: true },
  f8E4M3: { m: 15, eMin: -3, eMax: 4, negative: true, specials: false },
  f8E4M3FN: { m: 15, eMin: -3, eMax: 4, negative: true, specials: false },
  f8E5M2FNUZ: { m: 7, eMin: -6, eMax: 10, negative: true, specials: false },
  f8E4M3FNUZ: { m: 15, eMin: -3, eMax: 3, negative: true, specials: false },
  f8E4M3B11FNUZ: { m: 15, eMin: -3, eMax: 1, negative: true, specials: false },
  f8E3M4: { m: 15, eMin: -3, eMax: 0, negative: true, specials: false },
  f8E8M0FNU: { m: 1, eMin: -10, eMax: 10, negative: false, specials: false },
};

/**
 * A finite value exactly representable in `kind` (no -0 unless the kind has
 * it), or with `specials` also ±inf, NaN and -0 where the kind has them.
 */
export function floatValueArbitrary(kind: FloatKind, specials = true): fc.Arbitrary<number> {
  const r = RANGES[kind];
  const mantissa = kind === 'f8E8M0FNU' ? fc.constant(1) : fc.integer({ min: r.negative ? -r.m : 1, max: r.m });
  const finite = fc
    .tuple(mantissa, fc.integer({ min: r.eMin, max: r.eMax }))
    .map(([m, e]) => (m === 0 ? 0 : m * 2 ** e))
    .filter((v) => Number.isFinite(v));
  const small = fc.constantFrom(...(kind === 'f8E8M0FNU' ? [1, 2, 0.5] : [0, 1, -1, 0.5, 1.5, -2]));
  if (!specials || !r.specials) return fc.oneof({ arbitrary: small, weight: 2 }, { arbitrary: finite, weight: 3 });
  return fc.oneof(
    { arbitrary: small, weight: 4 },
    { arbitrary: finite, weight: 6 },
    { arbitrary: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, -0), weight: 1 },
  );
}
