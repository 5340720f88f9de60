// Algebraic properties of the semantic core, independent of mlir-opt.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type Dim, broadcastShapes, inferTosaOp, inferTosaResultTypes, numElements, parseType, printType, tensor, verifyTosaOp,
} from '../../src/dialects/tosa/semantics/index.js';

const RUNS = { numRuns: 400 };
const dim = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 1, arbitrary: fc.constant<Dim>('?') });
const shape = fc.array(dim, { minLength: 0, maxLength: 5 });
const staticShape = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 });
/** A shape and a partner that broadcasts with it (some dims replaced by 1, maybe shorter). */
const broadcastPair = shape.chain((s) =>
  fc.tuple(fc.constant(s), fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }), fc.nat(s.length))
    .map(([a, ones, drop]) => [a, a.map((d, i) => (ones[i] ? 1 : d)).slice(drop)] as const));

const inverse = (p: readonly number[]): number[] => {
  const inv = new Array<number>(p.length);
  p.forEach((v, i) => (inv[v] = i));
  return inv;
};

describe('broadcasting', () => {
  test('is commutative', () => {
    fc.assert(fc.property(shape, shape, (a, b) => {
      expect(broadcastShapes(a, b)).toEqual(broadcastShapes(b, a));
    }), RUNS);
  });
  test('is idempotent: s with s is s, and the result absorbs both inputs', () => {
    fc.assert(fc.property(broadcastPair, ([a, b]) => {
      expect(broadcastShapes(a, a)).toEqual(a);
      const r = broadcastShapes(a, b)!;
      expect(r).not.toBeNull();
      expect(broadcastShapes(r, a)).toEqual(r);
      expect(broadcastShapes(r, b)).toEqual(r);
    }), RUNS);
  });
  test('static clashes (neither dim 1) are rejected', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 }), (x, y) => {
      fc.pre(x !== y);
      expect(broadcastShapes([x], [y])).toBeNull();
    }), RUNS);
  });
  test('tosa.add infers the broadcast shape and verifies with it', () => {
    fc.assert(fc.property(broadcastPair, ([a, b]) => {
      fc.pre(a.length === b.length);
      const op = { name: 'tosa.add', operands: [tensor(a, 'f32'), tensor(b, 'f32')], attrs: {} };
      const [r] = inferTosaResultTypes(op)!;
      expect(verifyTosaOp({ ...op, results: [r!] })).toEqual([]);
    }), RUNS);
  });
});

describe('reshape', () => {
  test('inference preserves the element count, with one -1 resolved', () => {
    fc.assert(fc.property(staticShape, fc.nat(3), (s, at) => {
      // Target: the same dims reversed, one of them replaced by -1.
      const target: number[] = [...s].reverse();
      target[at % target.length] = -1;
      const op = { name: 'tosa.reshape', operands: [tensor(s, 'f32'), { kind: 'shape' as const, rank: target.length }], attrs: {}, constants: [undefined, target] };
      const r = inferTosaOp(op)!;
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(numElements(r.results[0]!.shape!)).toBe(numElements(s));
      expect(verifyTosaOp({ ...op, results: [tensor(r.results[0]!.shape, 'f32')] })).toEqual([]);
    }), RUNS);
  });
  test('a new shape with a different element count is rejected', () => {
    fc.assert(fc.property(staticShape, fc.integer({ min: 2, max: 5 }), (s, k) => {
      const target = [numElements(s)! * k];
      const op = { name: 'tosa.reshape', operands: [tensor(s, 'f32'), { kind: 'shape' as const, rank: 1 }], attrs: {}, constants: [undefined, target], results: [tensor(target, 'f32')] };
      expect(verifyTosaOp(op)).toEqual([`cannot reshape ${numElements(s)} elements into ${target[0]}`]);
    }), RUNS);
  });
});

describe('transpose', () => {
  const permuted = shape.filter((s) => s.length > 0).chain((s) =>
    fc.tuple(fc.constant(s), fc.shuffledSubarray(s.map((_, i) => i), { minLength: s.length, maxLength: s.length })));
  test('a permutation followed by its inverse is the identity on shapes', () => {
    fc.assert(fc.property(permuted, ([s, p]) => {
      const once = inferTosaResultTypes({ name: 'tosa.transpose', operands: [tensor(s, 'f32')], attrs: { perms: p } })![0]!;
      const back = inferTosaResultTypes({ name: 'tosa.transpose', operands: [once], attrs: { perms: inverse(p) } })![0]!;
      expect(printType(back)).toBe(printType(tensor(s, 'f32')));
    }), RUNS);
  });
  test('non-permutations are rejected with MLIR\'s message', () => {
    fc.assert(fc.property(staticShape, fc.nat(3), (s, k) => {
      fc.pre(s.length >= 2);
      const perms = s.map((_, i) => i);
      perms[k % s.length] = perms[(k + 1) % s.length]!;
      const op = { name: 'tosa.transpose', operands: [tensor(s, 'f32')], results: [tensor(s, 'f32')], attrs: { perms } };
      expect(verifyTosaOp(op)).toEqual(['expected valid permutation indices']);
    }), RUNS);
  });
});

describe('windows and reductions', () => {
  test('conv2d: inferred output sizes satisfy the verifier whenever the window divides evenly', () => {
    const conv = fc.record({
      h: fc.integer({ min: 1, max: 12 }), w: fc.integer({ min: 1, max: 12 }), kh: fc.integer({ min: 1, max: 4 }), kw: fc.integer({ min: 1, max: 4 }),
      pad: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
      stride: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 2 }),
      dil: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 2 }),
    });
    fc.assert(fc.property(conv, (c) => {
      const even = (i: number, k: number, a: number, b: number, s: number, d: number) => (i - 1 + a + b - (k - 1) * d) % s === 0 && i - 1 + a + b - (k - 1) * d >= 0;
      fc.pre(even(c.h, c.kh, c.pad[0]!, c.pad[1]!, c.stride[0]!, c.dil[0]!) && even(c.w, c.kw, c.pad[2]!, c.pad[3]!, c.stride[1]!, c.dil[1]!));
      const op = {
        name: 'tosa.conv2d',
        operands: [tensor([1, c.h, c.w, 2], 'f32'), tensor([3, c.kh, c.kw, 2], 'f32'), tensor([3], 'f32'), tensor([1], 'f32'), tensor([1], 'f32')],
        attrs: { pad: c.pad, stride: c.stride, dilation: c.dil, acc_type: { kind: 'type' as const, type: 'f32' } },
        constants: [undefined, undefined, undefined, [0], [0]],
      };
      const out = inferTosaResultTypes(op)![0]!;
      expect(verifyTosaOp({ ...op, results: [out] })).toEqual([]);
    }), RUNS);
  });
  test('reduce_* keeps rank and sets the axis to 1; argmax drops the axis', () => {
    fc.assert(fc.property(fc.array(dim, { minLength: 1, maxLength: 5 }), fc.nat(4), (s, a) => {
      const axis = a % s.length;
      const attrs = { axis: { kind: 'int' as const, value: axis, type: 'i32' } };
      const red = inferTosaResultTypes({ name: 'tosa.reduce_sum', operands: [tensor(s, 'f32')], attrs })![0]!;
      expect(printType(red)).toBe(printType(tensor(s.map((d, i) => (i === axis ? 1 : d)), 'f32')));
      const arg = inferTosaResultTypes({ name: 'tosa.argmax', operands: [tensor(s, 'f32')], attrs }, [tensor(null, 'i32')])![0]!;
      expect(printType(arg)).toBe(printType(tensor(s.filter((_, i) => i !== axis), 'i32')));
    }), RUNS);
  });
  test('concat sums the axis and keeps the other dims', () => {
    fc.assert(fc.property(staticShape, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), fc.nat(3), (s, sizes, a) => {
      const axis = a % s.length;
      const operands = sizes.map((k) => tensor(s.map((d, i) => (i === axis ? k : d)), 'f32'));
      const out = inferTosaResultTypes({ name: 'tosa.concat', operands, attrs: { axis: { kind: 'int', value: axis, type: 'i32' } } })![0]!;
      expect(printType(out)).toBe(printType(tensor(s.map((d, i) => (i === axis ? sizes.reduce((x, y) => x + y, 0) : d)), 'f32')));
    }), RUNS);
  });
});

describe('type text', () => {
  test('parseType and printType round-trip tensor and shape types', () => {
    const elem = fc.constantFrom('f32', 'i8', 'ui8', 'bf16', 'f8E4M3FN', 'i1', '!quant.uniform<i8:f32, 1.000000e-02>');
    const ty = fc.oneof(
      fc.tuple(shape, elem).map(([s, e]) => tensor(s, e)),
      elem.map((e) => tensor(null, e)),
      fc.nat(6).map((r) => ({ kind: 'shape' as const, rank: r })),
    );
    fc.assert(fc.property(ty, (t) => {
      expect(parseType(printType(t))).toEqual(t);
    }), RUNS);
  });
});
