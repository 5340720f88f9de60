/**
 * Differential test of the generic ODS verifier on every arith op: generic
 * form, operand/result counts and types drawn at random (biased towards the
 * right shape of answer), numaccl's first error against mlir-opt-22's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arithOds } from '../../../src/dialects/arith/index.js';
import { MLIR_OPT_AVAILABLE, mlirFirstErrors, numacclFirstError } from '../verify-cases.js';

const OPS = arithOds.ops.filter((o) => o.name !== 'arith.constant');
const TYPES = [
  'i1', 'i8', 'i32', 'i64', 'si32', 'index', 'f16', 'f32', 'f64', 'bf16', 'f8E8M0FNU', 'f4E2M1FN',
  'vector<4xi1>', 'vector<4xi32>', 'vector<4xf32>', 'vector<[4]xf32>', 'vector<3xi32>',
  'tensor<4xi1>', 'tensor<4xi32>', 'tensor<?xf32>', 'tensor<4xf32>', 'tensor<*xi32>', 'memref<4xi32>', 'complex<f32>',
];
/** Required attributes with a valid value, so that the other checks are reached. */
const REQUIRED: Readonly<Record<string, string>> = { 'arith.cmpi': 'predicate = 2 : i64', 'arith.cmpf': 'predicate = 1 : i64' };

const caseArb = fc
  .record({
    op: fc.constantFrom(...OPS),
    base: fc.constantFrom(...TYPES),
    others: fc.array(fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...TYPES) }), {
      minLength: 6,
      maxLength: 6,
    }),
    extraOperand: fc.boolean().map((b) => (b ? 0 : 1)),
  })
  .map(({ op, base, others, extraOperand }) => {
    const nOperands = Math.max(0, op.operands.length - (extraOperand === 0 && op.operands.length > 0 && others[5] === null ? 1 : 0));
    const operandTypes = Array.from({ length: nOperands }, (_, i) => others[i] ?? base);
    const resultTypes = op.results.map((_, i) => others[(i + 3) % 6] ?? base);
    const args = operandTypes.map((t, i) => `%a${i}: ${t}`).join(', ');
    const attr = REQUIRED[op.name] ? ` {${REQUIRED[op.name]}}` : '';
    const results = resultTypes.length > 0 ? `${resultTypes.map((_, i) => `%r${i}`).join(', ')} = ` : '';
    return (
      `func.func @f(${args}) {\n  ${results}"${op.name}"(${operandTypes.map((_, i) => `%a${i}`).join(', ')})${attr} : ` +
      `(${operandTypes.join(', ')}) -> (${resultTypes.join(', ')})\n  return\n}\n`
    );
  });

const cases = fc.sample(caseArb, { numRuns: 600, seed: 5 });

describe.skipIf(!MLIR_OPT_AVAILABLE)('generic arith ops agree with mlir-opt-22', () => {
  it('gives the same first error (or acceptance) on 600 random generic ops', async () => {
    const reference = await mlirFirstErrors(cases);
    const compared = cases
      .map((text, i) => ({ text, mlir: reference[i], ours: numacclFirstError(text) }))
      .filter((d) => !d.mlir?.message.startsWith('mlir-opt crashed'));
    const disagreements = compared.filter((d) => JSON.stringify(d.mlir) !== JSON.stringify(d.ours));
    const accepted = compared.filter((d) => d.mlir === undefined).length;
    console.log(`[arith generic] ${compared.length} compared, ${accepted} accepted, ${disagreements.length} disagreements`);
    expect(disagreements.slice(0, 4)).toEqual([]);
    expect(compared.length).toBeGreaterThan(570);
    expect(accepted).toBeGreaterThan(30);
  });
});
