/**
 * arith verifiers: each rule has a snippet MLIR rejects, with MLIR's first
 * error (checked against mlir-opt-22 when installed), and valid neighbours
 * both accept, so the rules neither miss nor over-reach.
 */
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, expectRejected, mlirFirstErrors, numacclFirstError, type RejectCase } from '../verify-cases.js';

const fn = (args: string, body: string): string => `func.func @f(${args}) {\n  ${body}\n  return\n}\n`;

export const ARITH_REJECTED: readonly RejectCase[] = [
  {
    name: 'SameOperandsAndResultShape: tensor to scalar',
    text: fn('%a: tensor<index>', '%0 = arith.index_cast %a : tensor<index> to i64'),
    error: "'arith.index_cast' op requires the same shape for all operands and results",
    line: 2,
  },
  {
    name: 'pred trait: same tensor dimensions',
    text: fn('%a: tensor<2xindex>', '%0 = arith.index_cast %a : tensor<2xindex> to tensor<?xi64>'),
    error: "'arith.index_cast' op failed to verify that input and output have the same tensor dimensions",
    line: 2,
  },
  {
    name: 'scalable dims take part in shape compatibility',
    text: fn('%a: vector<[4]xi32>', '%0 = arith.trunci %a : vector<[4]xi32> to vector<4xi8>'),
    error: "'arith.trunci' op requires the same shape for all operands and results",
    line: 2,
  },
  {
    name: 'TypesMatchWith: i1 result of the operand shape',
    text: fn('%a: vector<4xi32>', '%0 = "arith.cmpi"(%a, %a) {predicate = 0 : i64} : (vector<4xi32>, vector<4xi32>) -> vector<3xi1>'),
    error: "'arith.cmpi' op failed to verify that result type has i1 element type and same shape as operands",
    line: 2,
  },
  {
    name: 'required attribute',
    text: fn('%a: i32', '%0 = "arith.cmpi"(%a, %a) : (i32, i32) -> i1'),
    error: "'arith.cmpi' op requires attribute 'predicate'",
    line: 2,
  },
  {
    name: 'attribute constraint (enum cases)',
    text: fn('%a: f32', '%0 = "arith.cmpf"(%a, %a) {predicate = 99 : i64} : (f32, f32) -> i1'),
    error: "'arith.cmpf' op attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15",
    line: 2,
  },
  {
    name: 'SameTypeOperands',
    text: fn('%a: f32, %b: f64', '%0 = "arith.cmpf"(%a, %b) {predicate = 1 : i64} : (f32, f64) -> i1'),
    error: "'arith.cmpf' op requires all operands to have the same type",
    line: 2,
  },
  {
    name: 'SameOperandsAndResultType with incompatible static shapes',
    text: fn('%a: tensor<3xf32>, %b: tensor<2xf32>', '%0 = "arith.addf"(%a, %b) : (tensor<3xf32>, tensor<2xf32>) -> tensor<2xf32>'),
    error: "'arith.addf' op requires the same type for all operands and results",
    line: 2,
  },
  {
    name: 'implied InferTypeOpInterface: results equal the first operand type',
    text: fn('%a: tensor<?xf32>, %b: tensor<2xf32>', '%0 = "arith.addf"(%a, %b) : (tensor<?xf32>, tensor<2xf32>) -> tensor<2xf32>'),
    error: "'arith.addf' op inferred type(s) 'tensor<?xf32>' are incompatible with return type(s) of operation 'tensor<2xf32>'",
    line: 2,
  },
  {
    name: 'AllTypesMatch on an attribute and a result',
    text: fn('', '%0 = "arith.constant"() {value = 7 : i64} : () -> i8'),
    error: "'arith.constant' op failed to verify that all of {value, result} have same type",
    line: 2,
  },
  {
    name: 'constant: signless integers only',
    text: fn('', '%0 = arith.constant 3 : si8'),
    error: "'arith.constant' op integer return type must be signless",
    line: 2,
  },
  {
    name: 'constant: scalable vectors only from splats',
    text: fn('', '%0 = arith.constant dense<[1, 2, 3, 4]> : vector<[4]xi8>'),
    error: "'arith.constant' op intializing scalable vectors with elements attribute is not supported unless it's a vector splat",
    line: 2,
  },
  {
    name: 'Elementwise: all results non-scalar',
    text: fn('%a: vector<4xi16>', '%s, %o = arith.addui_extended %a, %a : vector<4xi16>, i1'),
    error: "'arith.addui_extended' op if an operand is non-scalar, then all results must be non-scalar",
    line: 2,
  },
  {
    name: 'Elementwise: one base type',
    text: fn('%a: vector<4xi16>', '%s, %o = arith.addui_extended %a, %a : vector<4xi16>, tensor<4xi1>'),
    error: "'arith.addui_extended' op all non-scalar operands/results must have the same shape and base type",
    line: 2,
  },
  {
    name: 'CastOpInterface: extf must widen',
    text: fn('%a: f64', '%0 = arith.extf %a : f64 to f32'),
    error: "'arith.extf' op operand type 'f64' and result type 'f32' are cast incompatible",
    line: 2,
  },
  {
    name: 'CastOpInterface: truncf must narrow',
    text: fn('%a: vector<2xbf16>', '%0 = arith.truncf %a : vector<2xbf16> to vector<2xf32>'),
    error: "'arith.truncf' op operand type 'vector<2xbf16>' and result type 'vector<2xf32>' are cast incompatible",
    line: 2,
  },
  {
    name: 'CastOpInterface: encodings must agree',
    text: fn('%a: tensor<2xi8, "x">', '%0 = arith.extsi %a : tensor<2xi8, "x"> to tensor<2xi32, "y">'),
    error: "'arith.extsi' op operand type 'tensor<2xi8, \"x\">' and result type 'tensor<2xi32, \"y\">' are cast incompatible",
    line: 2,
  },
  {
    name: 'CastOpInterface: bitcast keeps the bit width',
    text: fn('%a: i16', '%0 = arith.bitcast %a : i16 to f32'),
    error: "'arith.bitcast' op operand type 'i16' and result type 'f32' are cast incompatible",
    line: 2,
  },
  {
    name: 'CastOpInterface: index_cast needs one index side',
    text: fn('%a: i32', '%0 = arith.index_cast %a : i32 to i64'),
    error: "'arith.index_cast' op operand type 'i32' and result type 'i64' are cast incompatible",
    line: 2,
  },
  {
    name: 'select: condition mask shaped like the result',
    text: fn('%c: vector<4xi1>, %a: vector<5xf32>', '%0 = "arith.select"(%c, %a, %a) : (vector<4xi1>, vector<5xf32>, vector<5xf32>) -> vector<5xf32>'),
    error: "'arith.select' op failed to verify that condition is signless i1 or has matching shape",
    line: 2,
  },
  {
    name: 'select: mask encoding must match the result',
    text: fn('%c: tensor<8xi1, "b">, %a: tensor<8xi32, "f">', '%0 = arith.select %c, %a, %a : tensor<8xi1, "b">, tensor<8xi32, "f">'),
    error: "'arith.select' op expected condition type to have the same shape as the result type, expected 'tensor<8xi1, \"f\">', but got 'tensor<8xi1, \"b\">'",
    line: 2,
  },
];

/** Neighbours of the cases above that MLIR accepts. */
export const ARITH_ACCEPTED: readonly string[] = [
  fn('%a: tensor<2xindex>', '%0 = arith.index_cast %a : tensor<2xindex> to tensor<2xi64>'),
  fn('%a: vector<[4]xi32>', '%0 = arith.trunci %a : vector<[4]xi32> to vector<[4]xi8>'),
  fn('%a: vector<4xi32>', '%0 = "arith.cmpi"(%a, %a) {predicate = 0 : i64} : (vector<4xi32>, vector<4xi32>) -> vector<4xi1>'),
  fn('%a: tensor<?xf32>, %b: tensor<2xf32>', '%0 = "arith.addf"(%a, %b) : (tensor<?xf32>, tensor<2xf32>) -> tensor<?xf32>'),
  fn('', '%0 = arith.constant dense<7> : vector<[4]xi8>'),
  fn('%a: vector<4xi16>', '%s, %o = arith.addui_extended %a, %a : vector<4xi16>, vector<4xi1>'),
  fn('%a: f32', '%0 = arith.extf %a : f32 to f64'),
  fn('%a: tensor<2xi8, "x">', '%0 = arith.extsi %a : tensor<2xi8, "x"> to tensor<2xi32, "x">'),
  fn('%a: memref<2xi16>', '%0 = arith.bitcast %a : memref<2xi16> to memref<2xf16>'),
  fn('%a: i32', '%0 = arith.index_castui %a : i32 to index'),
  fn('%c: tensor<8xi1, "f">, %a: tensor<8xi32, "f">', '%0 = arith.select %c, %a, %a : tensor<8xi1, "f">, tensor<8xi32, "f">'),
  fn('%c: i1, %a: tensor<?xf32>', '%0 = arith.select %c, %a, %a : tensor<?xf32>'),
];

describe('arith verifiers', () => {
  it.each(ARITH_REJECTED.map((c) => [c.name, c] as const))('rejects: %s', (_name, c) => expectRejected(c));

  it('accepts the valid neighbours', () => {
    for (const text of ARITH_ACCEPTED) expect(numacclFirstError(text), text).toBeUndefined();
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('expects exactly what mlir-opt-22 reports', async () => {
    const rejected = await mlirFirstErrors(ARITH_REJECTED.map((c) => c.text));
    ARITH_REJECTED.forEach((c, i) => expect(rejected[i], c.name).toEqual({ message: c.error, line: c.line }));
    const accepted = await mlirFirstErrors(ARITH_ACCEPTED);
    ARITH_ACCEPTED.forEach((text, i) => expect(accepted[i], text).toBeUndefined());
  });
});
