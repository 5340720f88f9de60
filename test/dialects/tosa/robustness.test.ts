/**
 * Bad input never crashes the custom parsers, directives, verifiers and
 * printers of tosa, shard, mpi, memref and bufferization: random cuts,
 * deletions and token swaps of valid snippets either round-trip or give a
 * located DiagnosticError, never another exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/ir/index.js';
import { ourPrint } from './round-trip.js';

const SEEDS: readonly string[] = [
  `func.func @f(%x: tensor<4xf32>, %a8: tensor<2xi8>, %m: tensor<1xi32>, %s: tensor<1xi8>, %z: tensor<1xi8>, %oz: tensor<1xi32>, %c: tensor<i1>) {
  %0 = tosa.clamp %x {min_val = 0.0 : f32, max_val = 1.0 : f32, nan_mode = IGNORE} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = tosa.rescale %a8, %m, %s, %z, %oz {rounding_mode = DOUBLE_ROUND, scale32 = true, per_channel = false, input_unsigned = false, output_unsigned = false} : (tensor<2xi8>, tensor<1xi32>, tensor<1xi8>, tensor<1xi8>, tensor<1xi32>) -> tensor<2xi32>
  %2 = tosa.cond_if %c (%y = %x) : tensor<i1> (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%y: tensor<4xf32>):
    tosa.yield %y : tensor<4xf32>
  } else {
  ^bb0(%y: tensor<4xf32>):
    tosa.yield %y : tensor<4xf32>
  }
  %3 = tosa.while_loop (%w = %x) : (tensor<4xf32>) -> tensor<4xf32> {
    tosa.yield %c : tensor<i1>
  } do {
  ^bb0(%w: tensor<4xf32>):
    tosa.yield %w : tensor<4xf32>
  }
  return
}
module {
  tosa.variable @v = dense<1> : tensor<2xi8>
}
`,
  `shard.grid @g(shape = 2x?x4)
func.func @f(%t: tensor<4x8xf32>) {
  %0 = shard.all_reduce %t on @g grid_axes = [0] reduction = max : tensor<4x8xf32> -> tensor<4x8xf32>
  %s = shard.sharding @g split_axes = [[0], [], [1]] halo_sizes = [1, 2, 3, 4] : !shard.sharding
  %1 = shard.all_gather %t on @g grid_axes = [0] gather_axis = 1 : tensor<4x8xf32> -> tensor<4x16xf32>
  return
}
`,
  `memref.global "private" constant @c : memref<2xf32> = dense<[1.0, 2.0]>
func.func @f(%m: memref<4x8xf32>, %d: memref<4x8xf32, 2>, %t: memref<1xi32>, %i: index, %n: index, %comm: !mpi.comm) {
  memref.alloca_scope {
    memref.dma_start %m[%i, %i], %d[%i, %i], %n, %t[%i], %i, %n : memref<4x8xf32>, memref<4x8xf32, 2>, memref<1xi32>
  }
  memref.prefetch %m[%i, %i], write, locality<1>, data : memref<4x8xf32>
  %tr = memref.transpose %m (i, j) -> (j, i) : memref<4x8xf32> to memref<8x4xf32, strided<[1, 8]>>
  %x = memref.generic_atomic_rmw %m[%i, %i] : memref<4x8xf32> {
  ^bb0(%cur : f32):
    memref.atomic_yield %cur : f32
  }
  %a = bufferization.alloc_tensor(%i) size_hint=%n : tensor<?xf32>
  %r = mpi.comm_rank(%comm) : i32
  mpi.allreduce(%m, %m, MPI_SUM, %comm) : memref<4x8xf32>, memref<4x8xf32>
  return
}
`,
];

/** The same programs in generic form: mutations there reach the custom printers with odd structure. */
const GENERIC_SEEDS = SEEDS.map((s) => ourPrint(s, true));

/** A seed with one edit: a cut, a deleted span, an inserted token, or two spans swapped. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...SEEDS, ...GENERIC_SEEDS),
    kind: fc.constantFrom('cut', 'delete', 'swap', 'insert'),
    a: fc.nat(),
    b: fc.nat({ max: 24 }),
    c: fc.nat(),
    junk: fc.constantFrom('(', ')', '{', '}', '[', ']', '<', '>', ',', ':', '=', '?', '%x', '@g', '-1', 'x', '->', '"s"', '#tosa.nan_mode<', 'IGNORE'),
  })
  .map(({ seed, kind, a, b, c, junk }) => {
    const i = a % seed.length;
    const j = Math.min(seed.length, i + b);
    const k = c % seed.length;
    if (kind === 'cut') return seed.slice(0, i);
    if (kind === 'delete') return seed.slice(0, i) + seed.slice(j);
    if (kind === 'insert') return seed.slice(0, i) + junk + seed.slice(i);
    const [lo, hi] = i < k ? [i, k] : [k, i];
    return seed.slice(0, lo) + seed.slice(hi, Math.min(seed.length, hi + b)) + seed.slice(lo + b, hi) + seed.slice(lo, lo + b) + seed.slice(Math.min(seed.length, hi + b));
  });

describe('dialect syntax robustness', () => {
  it('seeds are valid', () => {
    for (const s of SEEDS) expect(() => ourPrint(s)).not.toThrow();
  });

  it('mutated input gives output or a DiagnosticError, in both print forms', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        for (const generic of [false, true]) {
          try {
            ourPrint(text, generic);
          } catch (e) {
            if (!(e instanceof DiagnosticError)) throw e;
            expect(e.diagnostics.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 600 },
    );
  });
});
