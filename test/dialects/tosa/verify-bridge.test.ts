/**
 * The TOSA op verifiers reach ops through the Operation→OpView bridge: each
 * case needs a different part of it (a declared variable's type, region
 * yields, constant shape operands, dense-array / float / typed-integer / enum
 * attributes). Every case is one mlir-opt-22 rejects; we must give its first
 * error, message and position.
 */
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, mlirFirstErrors, ourFirstError } from './round-trip.js';

const REJECTED: readonly string[] = [
  `module {
  tosa.variable @v = dense<-1> : tensor<2x4xi8>
  func.func @f(%arg0: tensor<2x4xi8>) {
    %0 = tosa.variable_read @v : tensor<2x4xi16>
    return
  }
}
`,
  `func.func @f(%c: tensor<i1>, %a: tensor<2xf32>) {
  %0 = tosa.cond_if %c : tensor<i1> -> tensor<2xf32> {
    tosa.yield %a : tensor<2xf32>
  } else {
    %c1 = "tosa.const"() {values = dense<1.0> : tensor<3xf32>} : () -> tensor<3xf32>
    tosa.yield %c1 : tensor<3xf32>
  }
  return
}
`,
  `func.func @f(%arg0: tensor<13x21x3xf32>) {
  %s = tosa.const_shape {values = dense<[13, 21, 4]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %0 = tosa.reshape %arg0, %s : (tensor<13x21x3xf32>, !tosa.shape<3>) -> tensor<13x21x4xf32>
  return
}
`,
  `func.func @f(%arg0: tensor<13x21x3xf32>) {
  %0 = tosa.transpose %arg0 {perms = array<i32: 0, 0, 1>} : (tensor<13x21x3xf32>) -> tensor<13x13x21xf32>
  return
}
`,
  `func.func @f(%arg0: tensor<13x21x3xf32>) {
  %0 = tosa.clamp %arg0 {min_val = 5.0 : f32, max_val = 1.0 : f32} : (tensor<13x21x3xf32>) -> tensor<13x21x3xf32>
  return
}
`,
  `func.func @f(%arg0: tensor<13x21x3xf32>) {
  %0 = tosa.clamp %arg0 {min_val = 0 : i8, max_val = 1 : i8} : (tensor<13x21x3xf32>) -> tensor<13x21x3xf32>
  return
}
`,
  `func.func @f(%arg0: tensor<1x8x8x8xf32>) {
  %scale = tosa.const_shape {values = dense<[2, 1, 0, 1]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %off = tosa.const_shape {values = dense<[0, 0]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %0 = tosa.resize %arg0, %scale, %off, %off {mode = BILINEAR} : (tensor<1x8x8x8xf32>, !tosa.shape<4>, !tosa.shape<2>, !tosa.shape<2>) -> tensor<?x?x?x?xf32>
  return
}
`,
  `func.func @f(%a: tensor<13x21x3xi8>, %m: tensor<1xi32>, %s: tensor<1xi8>, %z: tensor<1xi8>, %oz: tensor<1xi32>) {
  %0 = tosa.rescale %a, %m, %s, %z, %oz {rounding_mode = DOUBLE_ROUND, scale32 = false, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<13x21x3xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<13x21x3xi32>
  return
}
`,
  `func.func @f(%a: tensor<10xi32>) {
  %0:1 = tosa.while_loop (%x = %a) : (tensor<10xi32>) -> (tensor<10xi32>) {
    %c = "tosa.const"() {values = dense<true> : tensor<2xi1>} : () -> tensor<2xi1>
    tosa.yield %c : tensor<2xi1>
  } do {
  ^bb0(%x: tensor<10xi32>):
    tosa.yield %x : tensor<10xi32>
  }
  return
}
`
];

describe('tosa verifiers through the bridge', () => {
  it('rejects each case at the op', () => {
    for (const t of REJECTED) expect(ourFirstError(t), t).toMatch(/^\d+:\d+: 'tosa\.\w+' op /);
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('gives mlir-opt-22 first error on each case', async () => {
    const theirs = await mlirFirstErrors(REJECTED);
    REJECTED.forEach((t, i) => {
      expect(theirs[i], `mlir-opt-22 rejects:\n${t}`).toBeDefined();
      expect(ourFirstError(t), t).toBe(theirs[i]);
    });
  });
});
