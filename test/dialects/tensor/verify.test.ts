/**
 * tensor verifiers (TensorOps.cpp, ViewLikeInterface, ReshapeOpsUtils): each
 * rule with a snippet MLIR rejects and its first error (checked against
 * mlir-opt-22 when installed), plus valid neighbours both accept.
 */
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, expectRejected, mlirFirstErrors, numacclFirstError, type RejectCase } from '../verify-cases.js';

const fn = (args: string, body: string): string => `func.func @f(${args}) {\n  ${body}\n  return\n}\n`;

const TENSOR_REJECTED: readonly RejectCase[] = [
  {
    name: 'cast: shapes must be compatible',
    text: fn('%a: tensor<3x?xf32>', '%0 = tensor.cast %a : tensor<3x?xf32> to tensor<4x?xf32>'),
    error: "'tensor.cast' op operand type 'tensor<3x?xf32>' and result type 'tensor<4x?xf32>' are cast incompatible",
    line: 2,
  },
  {
    name: 'cast: element types must match',
    text: fn('%a: tensor<*xf32>', '%0 = tensor.cast %a : tensor<*xf32> to tensor<2xf16>'),
    error: "'tensor.cast' op operand type 'tensor<*xf32>' and result type 'tensor<2xf16>' are cast incompatible",
    line: 2,
  },
  {
    name: 'bitcast: element bit widths must match',
    text: fn('%a: tensor<4xi32>', '%0 = tensor.bitcast %a : tensor<4xi32> to tensor<4xf16>'),
    error: "'tensor.bitcast' op operand type 'tensor<4xi32>' and result type 'tensor<4xf16>' are cast incompatible",
    line: 2,
  },
  {
    name: 'concat: ranks',
    text: fn('%a: tensor<2xf32>', '%0 = tensor.concat dim(0) %a, %a : (tensor<2xf32>, tensor<2xf32>) -> tensor<4x1xf32>'),
    error: "'tensor.concat' op rank of concatenated inputs must match result rank",
    line: 2,
  },
  {
    name: 'concat: non-concatenated sizes',
    text: fn('%a: tensor<2x3xf32>, %b: tensor<2x4xf32>', '%0 = tensor.concat dim(0) %a, %b : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x?xf32>'),
    error: "'tensor.concat' op static concatenation size mismatch along non-concatenated dimension 1",
    line: 2,
  },
  {
    name: 'concat: inferred static sizes',
    text: fn('%a: tensor<2x?xf32>', '%0 = tensor.concat dim(0) %a, %a : (tensor<2x?xf32>, tensor<2x?xf32>) -> tensor<5x?xf32>'),
    error: "'tensor.concat' op result type 'tensor<5x?xf32>'does not match inferred shape 'tensor<4x?xf32>' static sizes",
    line: 2,
  },
  {
    name: 'extract: one index per dimension',
    text: fn('%a: tensor<2x2xf32>, %i: index', '%0 = tensor.extract %a[%i] : tensor<2x2xf32>'),
    error: "'tensor.extract' op incorrect number of indices for extract_element",
    line: 2,
  },
  {
    name: 'insert: one index per dimension',
    text: fn('%a: tensor<2xf32>, %v: f32, %i: index', '%0 = tensor.insert %v into %a[%i, %i] : tensor<2xf32>'),
    error: "'tensor.insert' op incorrect number of indices",
    line: 2,
  },
  {
    name: 'empty: one size per dynamic dimension',
    text: fn('%n: index', '%0 = tensor.empty(%n, %n) : tensor<?x3xf32>'),
    error: "'tensor.empty' op incorrect number of dynamic sizes, has 2, expected 1",
    line: 2,
  },
  {
    name: 'splat: one size per dynamic dimension',
    text: fn('%v: i8', '%0 = tensor.splat %v : tensor<?xi8>'),
    error: "'tensor.splat' op incorrect number of dynamic sizes, has 0, expected 1",
    line: 2,
  },
  {
    name: 'generate: index operands for dynamic extents',
    text: fn('', '%0 = tensor.generate {\n  ^bb0(%i: index):\n    %c = arith.constant 0.0 : f32\n    tensor.yield %c : f32\n  } : tensor<?xf32>'),
    error: "'tensor.generate' op incorrect number of dynamic sizes, has 0, expected 1",
    line: 2,
  },
  {
    name: 'generate: yield of the element type',
    text: fn('', '%0 = tensor.generate {\n  ^bb0(%i: index):\n    %c = arith.constant 0 : i32\n    tensor.yield %c : i32\n  } : tensor<4xf32>'),
    error: "'tensor.generate' op body must be terminated with a `yield` operation of the tensor element type",
    line: 2,
  },
  {
    name: 'reshape: element counts',
    text: fn('%a: tensor<6xf32>, %s: tensor<2xi32>', '%0 = tensor.reshape %a(%s) : (tensor<6xf32>, tensor<2xi32>) -> tensor<2x2xf32>'),
    error: "'tensor.reshape' op source and destination tensor should have the same number of elements",
    line: 2,
  },
  {
    name: 'reshape: shape length against the result rank',
    text: fn('%a: tensor<*xf32>, %s: tensor<3xindex>', '%0 = tensor.reshape %a(%s) : (tensor<*xf32>, tensor<3xindex>) -> tensor<?x?xf32>'),
    error: "'tensor.reshape' op length of shape operand differs from the result's tensor rank",
    line: 2,
  },
  {
    name: 'extract_slice: offsets per source dimension (no op prefix)',
    text: fn('%a: tensor<8x8xf32>', '%0 = tensor.extract_slice %a[0] [4] [1] : tensor<8x8xf32> to tensor<4xf32>'),
    error: 'expected 2 offset values, got 1',
    line: 2,
  },
  {
    name: 'extract_slice: result is a rank-reduced slice',
    text: fn('%a: tensor<8x8xf32>', '%0 = tensor.extract_slice %a[0, 0] [4, 1] [1, 1] : tensor<8x8xf32> to tensor<1xf32>'),
    error: "expected type to be 'tensor<4x1xf32>' or a rank-reduced version. (size mismatch) ",
    line: 2,
  },
  {
    name: 'extract_slice: element type',
    text: fn('%a: tensor<8xf32>', '%0 = tensor.extract_slice %a[0] [4] [1] : tensor<8xf32> to tensor<4xf16>'),
    error: "expected element type to be 'f32'",
    line: 2,
  },
  {
    name: 'extract_slice: static slice inside the source',
    text: fn('%a: tensor<8x8xf32>', '%0 = tensor.extract_slice %a[4, 0] [8, 4] [1, 1] : tensor<8x8xf32> to tensor<8x4xf32>'),
    error: 'slice along dimension 0 runs out-of-bounds: 11 >= 8',
    line: 2,
  },
  {
    name: 'insert_slice: static offsets inside the dest',
    text: fn('%a: tensor<8x8xf32>, %d: tensor<1x4xf32>', '%0 = tensor.insert_slice %d into %a[0, 9] [1, 4] [1, 1] : tensor<1x4xf32> into tensor<8x8xf32>'),
    error: 'offset 1 is out-of-bounds: 9 >= 8',
    line: 2,
  },
  {
    name: 'insert_slice: source rank',
    text: fn('%a: tensor<4x4xf32>, %d: tensor<8xf32>', '%0 = tensor.insert_slice %a into %d[0] [4] [1] : tensor<4x4xf32> into tensor<8xf32>'),
    error: 'expected rank to be smaller or equal to the other rank. ',
    line: 2,
  },
  {
    name: 'insert_slice: dynamic stride values',
    text: fn('%a: tensor<4xf32>, %d: tensor<8xf32>', '%0 = "tensor.insert_slice"(%a, %d) <{operandSegmentSizes = array<i32: 1, 1, 0, 0, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: 4>, static_strides = array<i64: -9223372036854775808>}> : (tensor<4xf32>, tensor<8xf32>) -> tensor<8xf32>'),
    error: "expected the number of 'strides' to match the number of dynamic entries in 'static_strides' (0 vs 1)",
    line: 2,
  },
  {
    name: 'expand_shape: static products',
    text: fn('%a: tensor<6xf32>', '%0 = tensor.expand_shape %a [[0, 1]] output_shape [2, 4] : tensor<6xf32> into tensor<2x4xf32>'),
    error: "'tensor.expand_shape' op expected dimension 0 of collapsed type to be static value of 8",
    line: 2,
  },
  {
    name: 'expand_shape: output_shape length',
    text: fn('%a: tensor<6xf32>', '%0 = tensor.expand_shape %a [[0, 1]] output_shape [6] : tensor<6xf32> into tensor<2x3xf32>'),
    error: "'tensor.expand_shape' op expected number of static shape dims to be equal to the output rank (2) but found 1 inputs instead",
    line: 2,
  },
  {
    name: 'collapse_shape: dynamic groups collapse to dynamic',
    text: fn('%a: tensor<?x4xf32>', '%0 = tensor.collapse_shape %a [[0, 1]] : tensor<?x4xf32> into tensor<8xf32>'),
    error: "'tensor.collapse_shape' op expected dimension 0 of collapsed type to be dynamic since one or more of the corresponding dimensions in the expanded type is dynamic",
    line: 2,
  },
  {
    name: 'collapse_shape: element type',
    text: fn('%a: tensor<2x4xf32>', '%0 = tensor.collapse_shape %a [[0, 1]] : tensor<2x4xf32> into tensor<8xi32>'),
    error: "'tensor.collapse_shape' op expected collapsed type to be 'tensor<8xf32>', but got 'tensor<8xi32>'",
    line: 2,
  },
  {
    name: 'pad: inferred result type (no op prefix)',
    text: fn('%a: tensor<2x3xf32>, %v: f32', '%0 = tensor.pad %a low[1, 0] high[1, 0] {\n  ^bb0(%i: index, %j: index):\n    tensor.yield %v : f32\n  } : tensor<2x3xf32> to tensor<4x4xf32>'),
    error: "specified type 'tensor<4x4xf32>' does not match the inferred type 'tensor<4x3xf32>'",
    line: 2,
  },
  {
    name: 'pad: index block arguments',
    text: fn('%a: tensor<2xf32>, %v: f32', '%0 = tensor.pad %a low[1] high[1] {\n  ^bb0(%i: i32):\n    tensor.yield %v : f32\n  } : tensor<2xf32> to tensor<4xf32>'),
    error: "'tensor.pad' op expected block argument 1 to be an index",
    line: 2,
  },
  {
    name: 'gather: strictly increasing dims',
    text: fn('%s: tensor<4x5x6xf32>, %i: tensor<7x2xindex>', '%0 = tensor.gather %s[%i] gather_dims([2, 1]) : (tensor<4x5x6xf32>, tensor<7x2xindex>) -> tensor<7x4x1x1xf32>'),
    error: "'tensor.gather' op gather_dims values must be strictly increasing",
    line: 2,
  },
  {
    name: 'gather: inferred result type',
    text: fn('%s: tensor<4x5x6xf32>, %i: tensor<7x1xindex>', '%0 = tensor.gather %s[%i] gather_dims([1]) : (tensor<4x5x6xf32>, tensor<7x1xindex>) -> tensor<7x4x6xf16>'),
    error: "'tensor.gather' op result type mismatch: expected 'tensor<7x4x1x6xf32>' or its rank-reduced variant 'tensor<7x4x6xf32>' (got: 'tensor<7x4x6xf16>')",
    line: 2,
  },
  {
    name: 'scatter: unique is required',
    text: fn('%s: tensor<7x4x1x6xf32>, %d: tensor<4x5x6xf32>, %i: tensor<7x1xindex>', '%0 = tensor.scatter %s into %d[%i] scatter_dims([1]) : (tensor<7x4x1x6xf32>, tensor<4x5x6xf32>, tensor<7x1xindex>) -> tensor<4x5x6xf32>'),
    error: "'tensor.scatter' op requires 'unique' attribute to be set",
    line: 2,
  },
  {
    name: 'TypesMatchWith: insert result is the dest type',
    text: fn('%a: tensor<2xf32>, %v: f32, %i: index', '%0 = "tensor.insert"(%v, %a, %i) : (f32, tensor<2xf32>, index) -> tensor<?xf32>'),
    error: "'tensor.insert' op failed to verify that result type matches type of dest",
    line: 2,
  },
  {
    name: 'SingleBlockImplicitTerminator: the region ends with tensor.yield',
    text: fn(
      '%t: tensor<2xf32>, %v: f32',
      '%0 = "tensor.pad"(%t) <{operandSegmentSizes = array<i32: 1, 0, 0>, static_low = array<i64: 1>, static_high = array<i64: 1>}> ({\n  ^bb0(%i: index):\n    "some.term"(%v) : (f32) -> ()\n  }) : (tensor<2xf32>) -> tensor<4xf32>',
    ),
    error: "'tensor.pad' op expects regions to end with 'tensor.yield', found 'some.term'",
    line: 2,
  },
  {
    name: 'HasParent with several parents',
    text: fn('%v: f32', '"some.region"() ({\n    tensor.yield %v : f32\n  }) : () -> ()'),
    error: "'tensor.yield' op expects parent op to be one of 'tensor.generate, tensor.pad'",
    line: 3,
  },
];

const TENSOR_ACCEPTED: readonly string[] = [
  fn('%a: tensor<3x?xf32>', '%0 = tensor.cast %a : tensor<3x?xf32> to tensor<?x5xf32>'),
  fn('%a: tensor<4xi32>', '%0 = tensor.bitcast %a : tensor<4xi32> to tensor<4xf32>'),
  fn('%a: tensor<2x?xf32>', '%0 = tensor.concat dim(0) %a, %a : (tensor<2x?xf32>, tensor<2x?xf32>) -> tensor<4x?xf32>'),
  fn('%n: index', '%0 = tensor.empty(%n) : tensor<?x3xf32>'),
  fn('%a: tensor<8x8xf32>', '%0 = tensor.extract_slice %a[0, 0] [4, 1] [1, 1] : tensor<8x8xf32> to tensor<4xf32>'),
  fn('%a: tensor<4xf32>, %d: tensor<8x8xf32>', '%0 = tensor.insert_slice %a into %d[0, 0] [1, 4] [1, 1] : tensor<4xf32> into tensor<8x8xf32>'),
  fn('%a: tensor<?x4xf32>', '%0 = tensor.collapse_shape %a [[0, 1]] : tensor<?x4xf32> into tensor<?xf32>'),
  fn('%a: tensor<8xf32>', '%0 = tensor.expand_shape %a [[0, 1]] output_shape [2, 4] : tensor<8xf32> into tensor<2x4xf32>'),
  fn('%a: tensor<2x3xf32>, %v: f32', '%0 = tensor.pad %a low[1, 0] high[1, 0] {\n  ^bb0(%i: index, %j: index):\n    tensor.yield %v : f32\n  } : tensor<2x3xf32> to tensor<4x3xf32>'),
  fn('%s: tensor<4x5x6xf32>, %i: tensor<7x1xindex>', '%0 = tensor.gather %s[%i] gather_dims([1]) : (tensor<4x5x6xf32>, tensor<7x1xindex>) -> tensor<7x4x6xf32>'),
  fn('%a: tensor<*xf32>, %s: tensor<2xindex>', '%0 = tensor.reshape %a(%s) : (tensor<*xf32>, tensor<2xindex>) -> tensor<?x?xf32>'),
];

describe('tensor verifiers', () => {
  it.each(TENSOR_REJECTED.map((c) => [c.name, c] as const))('rejects: %s', (_name, c) => expectRejected(c));

  it('accepts the valid neighbours', () => {
    for (const text of TENSOR_ACCEPTED) expect(numacclFirstError(text), text).toBeUndefined();
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('expects exactly what mlir-opt-22 reports', async () => {
    const rejected = await mlirFirstErrors(TENSOR_REJECTED.map((c) => c.text));
    TENSOR_REJECTED.forEach((c, i) => expect(rejected[i], c.name).toEqual({ message: c.error, line: c.line }));
    const accepted = await mlirFirstErrors(TENSOR_ACCEPTED);
    TENSOR_ACCEPTED.forEach((text, i) => expect(accepted[i], text).toBeUndefined());
  });
});
