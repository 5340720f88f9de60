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

const CASES: Record<string, string> = {
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
