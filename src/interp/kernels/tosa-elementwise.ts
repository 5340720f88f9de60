// TOSA elementwise ops with broadcasting (TOSA 1.0 §2.4, §2.5), results rounded to the result type.
import type { IntegerType, Operation, Type } from '../../ir/index.js';
import { map1, mapN, multiply, normalize, isIntegerLike, type Tensor } from '../tensor.js';
import { scalarAttr } from '../constants.js';
import type { Kernel } from './types.js';

const resultType = (op: Operation): Type => (op.resultTypes[0] as unknown as { elementType: Type }).elementType;

function binary(f: (a: number, b: number, t: Type) => number): Kernel {
  return (op, [a, b]) => {
    const t = resultType(op);
    return [mapN([a, b], t, ([x, y]) => f(x, y, a.elementType))];
  };
}

function unary(f: (a: number, t: Type) => number): Kernel {
  return (op, [a]) => [map1(a, resultType(op), (x) => f(x, a.elementType))];
}

const intDiv = (a: number, b: number): number => (b === 0 ? 0 : Math.trunc(a / b));
const width = (t: Type): number => (t.kind === 'integer' ? (t as IntegerType).width : 64);

/** tosa.mul: for i32 the product is shifted right by `shift` with rounding (TOSA apply_scale-like). */
const mul: Kernel = (op, [a, b, shift]) => {
  const t = resultType(op);
  const s = shift ? shift.data[0] : 0;
  return [
    mapN([a, b], t, ([x, y]) => {
      if (!isIntegerLike(t) || s === 0) return multiply(x, y, t);
      // TOSA forms the 64-bit product before the rounding shift: exact in BigInt.
      const round = 1n << BigInt(s - 1);
      return Number((BigInt(Math.trunc(x)) * BigInt(Math.trunc(y)) + round) >> BigInt(s));
    }),
  ];
};

const clamp: Kernel = (op, [a]) => {
  const lo = scalarAttr(op.getAttr('min_val')) ?? -Infinity;
  const hi = scalarAttr(op.getAttr('max_val')) ?? Infinity;
  return [map1(a, resultType(op), (x) => (Number.isNaN(x) ? x : Math.min(hi, Math.max(lo, x))))];
};

/** tosa.negate with input/output zero points: out = -(in - in_zp) + out_zp. */
const negate: Kernel = (op, [a, inZp, outZp]) => {
  const iz = inZp?.data[0] ?? 0;
  const oz = outZp?.data[0] ?? 0;
  return [map1(a, resultType(op), (x) => -(x - iz) + oz)];
};

const select: Kernel = (op, [c, a, b]) => [mapN([c, a, b], resultType(op), ([p, x, y]) => (p ? x : y))];

const cast: Kernel = (op, [a]) => {
  const t = resultType(op);
  const fromFloat = a.elementType.kind === 'float';
  return [
    map1(a, t, (x) => {
      if (t.kind === 'integer' && (t as IntegerType).width === 1) return x !== 0 ? 1 : 0;
      if (fromFloat && isIntegerLike(t)) {
        // Round half to even, then saturate (TOSA CAST float→int).
        const r = Math.round(x) - (Math.abs(x % 1) === 0.5 && Math.round(x) % 2 !== 0 ? Math.sign(x) : 0);
        const w = width(t);
        const max = 2 ** (w - 1) - 1;
        return Math.max(-max - 1, Math.min(max, r));
      }
      return x;
    }),
  ];
};

const erf = (x: number): number => {
  // Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7).
  const s = Math.sign(x);
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return s * y;
};

export const TOSA_ELEMENTWISE: ReadonlyMap<string, Kernel> = new Map<string, Kernel>([
  ['tosa.add', binary((a, b) => a + b)],
  ['tosa.sub', binary((a, b) => a - b)],
  ['tosa.mul', mul],
  ['tosa.intdiv', binary(intDiv)],
  ['tosa.maximum', binary((a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)))],
  ['tosa.minimum', binary((a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)))],
  ['tosa.pow', binary((a, b) => a ** b)],
  ['tosa.bitwise_and', binary((a, b) => Number(BigInt(a) & BigInt(b)))],
  ['tosa.bitwise_or', binary((a, b) => Number(BigInt(a) | BigInt(b)))],
  ['tosa.bitwise_xor', binary((a, b) => Number(BigInt(a) ^ BigInt(b)))],
  ['tosa.logical_and', binary((a, b) => (a && b ? 1 : 0))],
  ['tosa.logical_or', binary((a, b) => (a || b ? 1 : 0))],
  ['tosa.logical_xor', binary((a, b) => ((a ? 1 : 0) ^ (b ? 1 : 0)))],
  ['tosa.logical_left_shift', binary((a, b, t) => normalize(a * 2 ** b, t))],
  ['tosa.logical_right_shift', binary((a, b, t) => Number(BigInt.asUintN(width(t), BigInt(a)) >> BigInt(b)))],
  ['tosa.arithmetic_right_shift', binary((a, b) => Math.floor(a / 2 ** b))],
  ['tosa.equal', binary((a, b) => (a === b ? 1 : 0))],
  ['tosa.greater', binary((a, b) => (a > b ? 1 : 0))],
  ['tosa.greater_equal', binary((a, b) => (a >= b ? 1 : 0))],
  ['tosa.abs', unary((a) => Math.abs(a))],
  ['tosa.bitwise_not', unary((a) => ~a)],
  ['tosa.ceil', unary(Math.ceil)],
  ['tosa.floor', unary(Math.floor)],
  ['tosa.exp', unary(Math.exp)],
  ['tosa.log', unary(Math.log)],
  ['tosa.logical_not', unary((a) => (a ? 0 : 1))],
  ['tosa.reciprocal', unary((a) => 1 / a)],
  ['tosa.rsqrt', unary((a) => 1 / Math.sqrt(a))],
  ['tosa.sigmoid', unary((a) => 1 / (1 + Math.exp(-a)))],
  ['tosa.tanh', unary(Math.tanh)],
  ['tosa.erf', unary(erf)],
  ['tosa.sin', unary(Math.sin)],
  ['tosa.cos', unary(Math.cos)],
  ['tosa.clz', unary((a, t) => {
    const w = width(t);
    const u = BigInt.asUintN(w, BigInt(a));
    return u === 0n ? w : w - u.toString(2).length;
  })],
  ['tosa.clamp', clamp],
  ['tosa.negate', negate],
  ['tosa.select', select],
  ['tosa.cast', cast],
  ['tosa.identity', (_op, [a]) => [a]],
]);

export type { Tensor };
