// Arbitrary (mostly nonsensical) op views for every TOSA op: verification and
// inference must never throw, and inferred dims must be integers or '?'.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type AbstractType, type AttrValue, type OpView, TOSA_SEMANTICS, inferTosaOp, verifyTosaOp } from '../../src/dialects/tosa/semantics/index.js';

const dim = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant<'?'>('?'));
const element = fc.constantFrom('f32', 'i8', 'i1', 'i32', 'i16', 'bf16', 'ui8', 'f8E4M3FN', 'f8E8M0FNU', 'index', '!quant.uniform<i8:f32, 1.0>');
const typeArb: fc.Arbitrary<AbstractType> = fc.oneof(
  fc.record({ kind: fc.constant('tensor' as const), shape: fc.option(fc.array(dim, { maxLength: 5 }), { nil: null }), element }),
  fc.record({ kind: fc.constant('shape' as const), rank: fc.nat(6) }),
  fc.record({ kind: fc.constant('other' as const), text: fc.constantFrom('i32', 'f32', 'vector<4xi32>', 'none') }),
);
const attrValue: fc.Arbitrary<AttrValue> = fc.oneof(
  fc.integer({ min: -3, max: 6 }),
  fc.boolean(),
  fc.array(fc.integer({ min: -2, max: 5 }), { maxLength: 7 }),
  fc.constantFrom('DOUBLE_ROUND', 'SINGLE_ROUND', 'BILINEAR', 'PROPAGATE', 'BLOCK_SIZE_32'),
  fc.record({ kind: fc.constantFrom('int' as const, 'float' as const), value: fc.double({ noNaN: false, min: -5, max: 5 }), type: fc.constantFrom('i8', 'f32', 'i32') }),
  fc.record({ kind: fc.constant('type' as const), type: fc.constantFrom('f32', 'i32', 'i48', 'f16') }),
);
const ATTR_NAMES = ['axis', 'perms', 'pad', 'stride', 'dilation', 'kernel', 'out_pad', 'acc_type', 'min_val', 'max_val', 'scale32', 'per_channel',
  'input_unsigned', 'output_unsigned', 'rounding_mode', 'mode', 'block_size', 'values', 'inverse', 'nan_mode'];

const opArb: fc.Arbitrary<OpView> = fc.record({
  name: fc.constantFrom(...TOSA_SEMANTICS.keys()),
  operands: fc.array(typeArb, { maxLength: 6 }),
  results: fc.array(typeArb, { maxLength: 3 }),
  attrs: fc.dictionary(fc.constantFrom(...ATTR_NAMES), attrValue, { maxKeys: 6 }),
  constants: fc.array(fc.option(fc.array(fc.integer({ min: -3, max: 6 }), { maxLength: 8 }), { nil: undefined }), { maxLength: 6 }),
  definingOps: fc.array(fc.option(fc.constantFrom('tosa.const', 'tosa.const_shape', 'tosa.add_shape'), { nil: undefined }), { maxLength: 6 }),
  regions: fc.array(fc.record({ args: fc.array(typeArb, { maxLength: 3 }), yields: fc.option(fc.array(typeArb, { maxLength: 3 }), { nil: null }) }), { maxLength: 2 }),
});

describe('robustness on arbitrary op views', () => {
  test('verify and infer never throw; inferred dims are integers or "?"', () => {
    fc.assert(fc.property(opArb, (op) => {
      const msgs = verifyTosaOp(op);
      expect(msgs.length).toBeLessThanOrEqual(1);
      for (const m of msgs) expect(typeof m).toBe('string');
      const r = inferTosaOp(op);
      if (r && r.ok) {
        for (const c of r.results) for (const d of c.shape ?? []) expect(d === '?' || Number.isInteger(d)).toBe(true);
      }
    }), {
      numRuns: 10000,
      // Counterexamples found by earlier runs (short shape constants, zero block size).
      examples: [
        [{ name: 'tosa.resize', operands: [{ kind: 'tensor', shape: [0, 0, 0], element: 'f32' }, { kind: 'tensor', shape: null, element: 'f32' }, { kind: 'shape', rank: 0 }, { kind: 'shape', rank: 0 }], results: [], attrs: { mode: { kind: 'int', value: 0, type: 'i8' } }, constants: [undefined, [], [], []], definingOps: [], regions: [] }],
        [{ name: 'tosa.resize', operands: [{ kind: 'tensor', shape: [1, 4, 4, 1], element: 'f32' }], results: [{ kind: 'tensor', shape: [1, 4, 4, 1], element: 'f32' }], attrs: {}, constants: [undefined, [2, 0, 2, 0], [0, 0], [0, 0]], definingOps: [], regions: [] }],
        [{ name: 'tosa.cast_to_block_scaled', operands: [{ kind: 'tensor', shape: [0], element: 'f32' }], results: [], attrs: { block_size: 0 }, constants: [], definingOps: [], regions: [] }],
      ],
    });
  });
});
