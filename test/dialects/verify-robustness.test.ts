/**
 * The hand-written verifiers trust nothing: any arith/tensor/func op in
 * generic form, with random operands, results, attributes and regions,
 * gets diagnostics (or passes), never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arithOds } from '../../src/dialects/arith/index.js';
import { tensorOds } from '../../src/dialects/tensor/index.js';
import { funcOds } from '../../src/dialects/func/index.js';
import { numacclDiagnostics } from './verify-cases.js';

const OPS = [...arithOds.ops, ...tensorOds.ops, ...funcOds.ops].map((o) => o.name).filter((n) => n !== 'func.func');
const TYPES = [
  'i1', 'i32', 'index', 'f32', 'vector<4xf32>', 'vector<[4]xi8>', 'tensor<f32>', 'tensor<4xf32>', 'tensor<?x4xi32>',
  'tensor<*xf32>', 'tensor<2x3xindex>', 'memref<4xf32>', '() -> ()', 'tensor<4xi64, "e">',
];
const ATTRS = [
  'value = 1 : i32', 'value = dense<1.0> : tensor<4xf32>', 'predicate = 3 : i64', 'dim = 1 : i64', 'dim = 9 : i64',
  'static_offsets = array<i64: 0, -9223372036854775808>', 'static_sizes = array<i64: 4>', 'static_strides = array<i64: 1, 1>',
  'static_low = array<i64: 1>', 'static_high = array<i64: 0, 0>', 'static_output_shape = array<i64: 2, 2>',
  'reassociation = [[0, 1]]', 'reassociation = [[0], [1, 2]]', 'gather_dims = array<i64: 0>', 'scatter_dims = array<i64: 1, 0>',
  'unique', 'callee = @g', 'value = @g', 'operandSegmentSizes = array<i32: 1, 1, 0, 0, 0>', 'operandSegmentSizes = array<i32: 1, 0, 0, 0>',
];

const opArb = fc.record({
  name: fc.constantFrom(...OPS),
  operands: fc.array(fc.integer({ min: 0, max: TYPES.length - 1 }), { maxLength: 5 }),
  results: fc.array(fc.constantFrom(...TYPES), { maxLength: 2 }),
  attrs: fc.uniqueArray(fc.constantFrom(...ATTRS), { maxLength: 4, selector: (a) => a.split(' ')[0] }),
  region: fc.constantFrom('', '({\n  ^bb0(%x: index):\n    "tensor.yield"(%v) : (f32) -> ()\n  })', '({\n  ^bb0(%x: i32, %y: index):\n    "tensor.yield"(%w) : (i32) -> ()\n  })'),
});

function render(op: fc.RecordValue<{ name: string; operands: number[]; results: string[]; attrs: string[]; region: string }>): string {
  const args = TYPES.map((t, i) => `%a${i}: ${t}`).join(', ');
  const operands = op.operands.map((i) => `%a${i}`).join(', ');
  const types = op.operands.map((i) => TYPES[i]).join(', ');
  const attrs = op.attrs.length > 0 ? ` {${op.attrs.join(', ')}}` : '';
  const results = op.results.length > 0 ? `${op.results.map((_, k) => `%r${k}`).join(', ')} = ` : '';
  return (
    `func.func private @g()\nfunc.func @f(${args}, %v: f32, %w: i32) {\n  ${results}"${op.name}"(${operands})${op.region}${attrs} : ` +
    `(${types}) -> (${op.results.join(', ')})\n  return\n}\n`
  );
}

describe('verifier robustness', () => {
  it('reports diagnostics, never throws, on random generic arith/tensor/func ops', () => {
    fc.assert(
      fc.property(opArb, (op) => {
        const text = render(op);
        const diagnostics = numacclDiagnostics(text);
        // Every diagnostic is located inside the snippet.
        for (const d of diagnostics) expect(d.position?.line ?? 1).toBeLessThanOrEqual(text.split('\n').length);
      }),
      { numRuns: 1000, seed: 3 },
    );
  });
});
