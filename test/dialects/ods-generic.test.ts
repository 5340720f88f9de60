/**
 * The generic ODS checks (src/dialects/common/ods-verify.ts) on ops of other
 * dialects: the AllShapesMatch / AllRanksMatch pred traits, which arith,
 * tensor and func do not use, checked against mlir-opt-22 when installed.
 */
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, expectRejected, mlirFirstErrors, numacclFirstError, type RejectCase } from './verify-cases.js';

const GRID = 'shard.grid @g(shape = 2x2)\n';

const REJECTED: readonly RejectCase[] = [
  {
    name: 'AllShapesMatch between an attribute and a result',
    text: 'func.func @f() {\n  %0 = "tosa.const"() {values = dense<1.0> : tensor<2xf32>} : () -> tensor<3xf32>\n  return\n}\n',
    error: "'tosa.const' op failed to verify that all of {values, output} have same shape",
    line: 2,
  },
  {
    name: 'AllShapesMatch between an operand and a result',
    text: `${GRID}func.func @f(%a: tensor<2x3xf32>) {\n  %0 = shard.send %a on @g grid_axes = [0] destination = [1] : (tensor<2x3xf32>) -> tensor<2x4xf32>\n  return\n}\n`,
    error: "'shard.send' op failed to verify that all of {input, result} have same shape",
    line: 3,
  },
  {
    name: 'AllRanksMatch',
    text: `${GRID}func.func @f(%a: tensor<2x3xf32>) {\n  %0 = shard.gather %a on @g grid_axes = [0] gather_axis = 0 root = [0] : (tensor<2x3xf32>) -> tensor<4xf32>\n  return\n}\n`,
    error: "'shard.gather' op failed to verify that all of {input, result} have same rank",
    line: 3,
  },
];

const ACCEPTED: readonly string[] = [
  'func.func @f() {\n  %0 = "tosa.const"() {values = dense<1.0> : tensor<2xf32>} : () -> tensor<2xf32>\n  return\n}\n',
];

describe('generic ODS pred traits on other dialects', () => {
  it.each(REJECTED.map((c) => [c.name, c] as const))('rejects: %s', (_name, c) => expectRejected(c));

  it('accepts matching shapes', () => {
    for (const text of ACCEPTED) expect(numacclFirstError(text), text).toBeUndefined();
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('expects exactly what mlir-opt-22 reports', async () => {
    const rejected = await mlirFirstErrors(REJECTED.map((c) => c.text));
    REJECTED.forEach((c, i) => expect(rejected[i], c.name).toEqual({ message: c.error, line: c.line }));
    const accepted = await mlirFirstErrors(ACCEPTED);
    ACCEPTED.forEach((text, i) => expect(accepted[i], text).toBeUndefined());
  });
});
