/**
 * memref's hand-written syntax (MemRefOps.cpp): alloca_scope, dma_start,
 * generic_atomic_rmw, prefetch, transpose, and memref.global's
 * GlobalMemrefOpTypeAndInitialValue directive; held to mlir-opt-22.
 */
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, expectMlirAgrees, expectStable, fn, mlirFirstErrors, ourFirstError, ourPrint } from '../tosa/round-trip.js';

const GLOBALS = `memref.global "private" constant @c : memref<2xf32> = dense<[1.0, 2.0]> {alignment = 64}
memref.global @u : memref<2xf32> = uninitialized
memref.global @e : memref<2xf32>
memref.global @s : memref<f32> = dense<3.0>
`;

const ARGS = '%m: memref<4x8xf32>, %d: memref<4x8xf32, 2>, %t: memref<1xi32>, %i: index, %n: index, %m2: memref<?x?xf32>';

/** Declarative-format memref and bufferization ops, as the ccl→mpi lowering emits them. */
const DECLARATIVE = `func.func @f(%t: tensor<4x8xf32>, %m: memref<4x8xf32>, %i: index, %d: memref<?x?xf32>) -> f32 {
  %b = bufferization.to_buffer %t : tensor<4x8xf32> to memref<4x8xf32>
  %b2 = bufferization.to_buffer %t read_only : tensor<4x8xf32> to memref<4x8xf32>
  %t2 = bufferization.to_tensor %m restrict writable : memref<4x8xf32> to tensor<4x8xf32>
  %t3 = bufferization.to_tensor %m : memref<4x8xf32> to tensor<4x8xf32>
  bufferization.dealloc_tensor %t : tensor<4x8xf32>
  %c = bufferization.clone %m : memref<4x8xf32> to memref<4x8xf32>
  %a = memref.alloc(%i) : memref<?xf32>
  %a2 = memref.alloc()[%i] : memref<4xf32, affine_map<(d0)[s0] -> (d0 + s0)>>
  %al = memref.alloca() {alignment = 64 : i64} : memref<16xf32>
  %v = memref.load %m[%i, %i] : memref<4x8xf32>
  memref.store %v, %m[%i, %i] {nontemporal = true} : memref<4x8xf32>
  memref.copy %m, %b : memref<4x8xf32> to memref<4x8xf32>
  %sv = memref.subview %m[0, %i][2, 4][1, 1] : memref<4x8xf32> to memref<2x4xf32, strided<[8, 1], offset: ?>>
  %rc = memref.reinterpret_cast %m to offset: [0], sizes: [32], strides: [1] : memref<4x8xf32> to memref<32xf32>
  %cs = memref.collapse_shape %m [[0, 1]] : memref<4x8xf32> into memref<32xf32>
  %es = memref.expand_shape %cs [[0, 1]] output_shape [4, 8] : memref<32xf32> into memref<4x8xf32>
  %ca = memref.cast %m : memref<4x8xf32> to memref<?x?xf32>
  %dim = memref.dim %d, %i : memref<?x?xf32>
  %g = memref.get_global @gv : memref<2xf32>
  memref.dealloc %a : memref<?xf32>
  %r = memref.atomic_rmw addf %v, %m[%i, %i] : (f32, memref<4x8xf32>) -> f32
  return %v : f32
}
memref.global "private" @gv : memref<2xf32> = dense<0.0>
`;

const CASES: Record<string, string> = {
  declarative: DECLARATIVE,
  globals: GLOBALS,
  alloca_scope: fn(ARGS, `  memref.alloca_scope {
    %a = memref.alloca() : memref<4xf32>
  }
  %r = memref.alloca_scope -> (f32) {
    %c = arith.constant 1.0 : f32
    memref.alloca_scope.return %c : f32
  } {tag = 1}`),
  dma_start: fn(ARGS, `  memref.dma_start %m[%i, %i], %d[%i, %i], %n, %t[%i] : memref<4x8xf32>, memref<4x8xf32, 2>, memref<1xi32>
  memref.dma_start %m[%i, %i], %d[%i, %i], %n, %t[%i], %i, %n : memref<4x8xf32>, memref<4x8xf32, 2>, memref<1xi32>`),
  generic_atomic_rmw: fn(ARGS, `  %x = memref.generic_atomic_rmw %m[%i, %i] : memref<4x8xf32> {
  ^bb0(%cur : f32):
    %c1 = arith.constant 1.0 : f32
    %s = arith.addf %c1, %cur : f32
    memref.atomic_yield %s : f32
  }`),
  prefetch: fn(ARGS, `  memref.prefetch %m[%i, %i], write, locality<1>, data : memref<4x8xf32>
  memref.prefetch %m[%i, %i], read, locality<3>, instr : memref<4x8xf32>`),
  transpose: fn(ARGS, '  %tr = memref.transpose %m2 (i, j) -> (j, i) : memref<?x?xf32> to memref<?x?xf32, affine_map<(d0, d1)[s0] -> (d1 * s0 + d0)>>'),
};

describe('memref custom syntax', () => {
  it.each(Object.entries(CASES))('%s: our print is a fixpoint in both forms', (_name, text) => {
    expectStable(text);
  });

  it('prints each form as MLIR writes it', () => {
    expect(ourPrint(CASES.alloca_scope)).toMatch(/memref\.alloca_scope {2}\{\n[^]*\n {4}\}\n/);
    expect(ourPrint(CASES.alloca_scope)).toMatch(/= memref\.alloca_scope {2}-> \(f32\) \{[^]*memref\.alloca_scope\.return %\S+ : f32\n {4}\} \{tag = 1( : i64)?\}/);
    expect(ourPrint(CASES.dma_start)).toContain('memref.dma_start %arg0[%arg3, %arg3], %arg1[%arg3, %arg3], %arg4, %arg2[%arg3], %arg3, %arg4 : memref<4x8xf32>, memref<4x8xf32, 2>, memref<1xi32>');
    expect(ourPrint(CASES.prefetch)).toContain('memref.prefetch %arg0[%arg3, %arg3], read, locality<3>, instr : memref<4x8xf32>');
    expect(ourPrint(CASES.transpose)).toMatch(/memref\.transpose %arg5 \(d0, d1\) -> \(d1, d0\) : memref<\?x\?xf32> to memref<\?x\?xf32, /);
    expect(ourPrint(GLOBALS)).toContain('memref.global @u : memref<2xf32> = uninitialized');
    expect(ourPrint(GLOBALS)).toMatch(/memref\.global @e : memref<2xf32>\n/);
  });

  it('adds the implicit alloca_scope.return and stores prefetch flags as properties', () => {
    const generic = ourPrint(CASES.alloca_scope, true);
    expect(generic).toContain('"memref.alloca_scope.return"() : () -> ()');
    expect(ourPrint(CASES.prefetch, true)).toContain('<{isDataCache = true, isWrite = true, localityHint = 1 : i32}>');
    expect(ourPrint(GLOBALS, true)).toContain('<{initial_value, sym_name = "u", type = memref<2xf32>}>');
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('mlir-opt-22 prints our output as it prints the originals', async () => {
    await expectMlirAgrees(Object.values(CASES));
  });

  const REJECTED = [
    'memref.global @g : memref<?xf32>\n',
    'memref.global @g : memref<2xf32> = [1, 2]\n',
    fn(ARGS, '  memref.prefetch %m[%i, %i], both, locality<1>, data : memref<4x8xf32>'),
    fn(ARGS, '  memref.prefetch %m[%i, %i], read, locality<1>, code : memref<4x8xf32>'),
    fn(ARGS, '  memref.dma_start %m[%i, %i], %d[%i, %i], %n, %t[%i] : memref<4x8xf32>, memref<4x8xf32, 2>'),
    fn(ARGS, '  memref.dma_start %m[%i, %i], %d[%i, %i], %n, %t[%i], %i : memref<4x8xf32>, memref<4x8xf32, 2>, memref<1xi32>'),
    // dma_start in generic form: its verifier checks the variadic operand structure.
    `func.func @f(%m: memref<4x8xf32>, %t: memref<1xi32>, %i: index, %f: f32) {
  "memref.dma_start"(%m, %i) : (memref<4x8xf32>, index) -> ()
  return
}
`,
    `func.func @f(%m: memref<4x8xf32>, %t: memref<1xi32>, %i: index, %f: f32) {
  "memref.dma_start"(%m, %i, %i, %m, %i, %i, %f, %t, %i) : (memref<4x8xf32>, index, index, memref<4x8xf32>, index, index, f32, memref<1xi32>, index) -> ()
  return
}
`,
    `func.func @f(%m: memref<4x8xf32>, %t: memref<1xi32>, %i: index, %f: f32) {
  "memref.dma_start"(%m, %i, %i, %m, %i, %i, %i, %t, %i, %i) : (memref<4x8xf32>, index, index, memref<4x8xf32>, index, index, index, memref<1xi32>, index, index) -> ()
  return
}
`,
    `func.func @f(%m: memref<4x8xf32>, %t: memref<1xi32>, %i: index, %f: f32) {
  "memref.dma_start"(%m, %i, %i, %m, %i, %i, %i, %t, %i, %i, %f) : (memref<4x8xf32>, index, index, memref<4x8xf32>, index, index, index, memref<1xi32>, index, index, f32) -> ()
  return
}
`,
    `func.func @f(%m: memref<4x8xf32>, %t: memref<1xi32>, %i: index, %f: f32) {
  "memref.dma_start"(%f, %i, %i, %m, %i, %i, %i, %t, %i) : (f32, index, index, memref<4x8xf32>, index, index, index, memref<1xi32>, index) -> ()
  return
}
`,
  ];

  it('rejects malformed forms with a located error', () => {
    for (const t of REJECTED) expect(ourFirstError(t), t).toMatch(/^\d+:\d+: \S/);
    expect(ourFirstError(REJECTED[2])).toContain("rw specifier has to be 'read' or 'write'");
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('gives the same first error as mlir-opt-22', async () => {
    const theirs = await mlirFirstErrors(REJECTED);
    REJECTED.forEach((t, i) => expect(ourFirstError(t), t).toBe(theirs[i]));
  });
});
