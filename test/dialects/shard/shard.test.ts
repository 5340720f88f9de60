/**
 * shard: the custom directives (DimensionList, reduction kinds, grid-axes
 * arrays) and ShardOps.cpp's verifiers, held to mlir-opt-22: our print must
 * read back the same through it, and each rejected snippet must give MLIR's
 * first error at MLIR's position.
 */
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, expectMlirAgrees, expectStable, mlirFirstErrors, ourFirstError, ourPrint } from '../tosa/round-trip.js';

const GRIDS = `shard.grid @g2(shape = 2x2)
shard.grid @g3(shape = 3)
shard.grid @gd(shape = ?x4)
`;
const mod = (body: string): string => `${GRIDS}func.func @f(%t: tensor<4x8xf32>, %i: index) {\n${body}\n  return\n}\n`;

const VALID = [
  'shard.grid @a(shape = 1x?x3)\nshard.grid @b(shape = ?)\nshard.grid @c(shape = 2x2x4)\n',
  mod(`  %0 = shard.all_reduce %t on @g2 grid_axes = [0] reduction = max : tensor<4x8xf32> -> tensor<4x8xf64>
  %1 = shard.all_reduce %t on @g2 grid_axes = [1] reduction = sum : tensor<4x8xf32> -> tensor<4x8xf32>
  %2 = shard.all_gather %t on @g2 grid_axes = [1] gather_axis = 1 : tensor<4x8xf32> -> tensor<4x16xf32>
  %3 = shard.reduce_scatter %t on @g3 reduction = bitwise_or scatter_axis = 0 : tensor<4x8xf32> -> tensor<4x8xf32>
  %4 = shard.all_to_all %t on @g2 grid_axes = [0, 1] split_axis = 1 concat_axis = 0 : tensor<4x8xf32> -> tensor<16x2xf32>`),
  mod(`  %s = shard.sharding @g2 split_axes = [[0], [], [1]] : !shard.sharding
  %h = shard.sharding @g2 split_axes = [[0]] halo_sizes = [1, 2] : !shard.sharding
  %o = shard.sharding @g2 split_axes = [[0], [1]] sharded_dims_offsets = [0, 1, 4, 0, 4, 8] : !shard.sharding
  %r = shard.all_reduce %t on @g2 reduction = min : tensor<4x8xf32> -> tensor<4x8xf32>`),
];

const REJECTED = [
  'shard.grid @g(shape = -1)\n',
  'shard.grid @g(shape = [])\n',
  mod('  %0 = shard.all_reduce %t on @nowhere : tensor<4x8xf32> -> tensor<4x8xf32>'),
  mod('  %0 = shard.all_reduce %t on @g2 grid_axes = [1, 1] : tensor<4x8xf32> -> tensor<4x8xf32>'),
  mod('  %0 = shard.all_reduce %t on @g2 grid_axes = [2] : tensor<4x8xf32> -> tensor<4x8xf32>'),
  mod('  %0 = shard.all_gather %t on @g2 grid_axes = [1] gather_axis = 2 : tensor<4x8xf32> -> tensor<4x16xf32>'),
  mod('  %0 = shard.all_gather %t on @g2 grid_axes = [1] gather_axis = 1 : tensor<4x8xf32> -> tensor<4x8xf32>'),
  mod('  %0 = shard.all_gather %t on @gd grid_axes = [0] gather_axis = 0 : tensor<4x8xf32> -> tensor<8x8xf32>'),
  mod('  %0 = shard.reduce_scatter %t on @g3 scatter_axis = 0 : tensor<4x8xf32> -> tensor<1x8xf32>'),
  mod('  %0 = shard.all_to_all %t on @g2 grid_axes = [0] split_axis = 1 concat_axis = 0 : tensor<4x8xf32> -> tensor<8x8xf32>'),
  mod('  %0 = shard.broadcast %t on @g2 grid_axes = [0] root = [2] : (tensor<4x8xf32>) -> tensor<4x8xf32>'),
  mod('  %0 = shard.broadcast %t on @g2 grid_axes = [0] root = [0, 1] : (tensor<4x8xf32>) -> tensor<4x8xf32>'),
  mod('  %0 = shard.send %t on @g2 grid_axes = [1] destination = [5] : (tensor<4x8xf32>) -> tensor<4x8xf32>'),
  mod('  %0 = shard.shift %t on @g2 grid_axes = [0] shift_axis = 1 offset = 1 : tensor<4x8xf32> -> tensor<4x8xf32>'),
  mod('  %0:2 = shard.grid_shape @g3 : index, index'),
  mod('  %s = shard.sharding @g2 split_axes = [[0], [0]] : !shard.sharding'),
  mod('  %s = shard.sharding @g2 split_axes = [[0], [1]] halo_sizes = [1, 2] : !shard.sharding'),
  mod('  %s = shard.sharding @g2 split_axes = [[0]] halo_sizes = [1, 2] sharded_dims_offsets = [0, 2, 4] : !shard.sharding'),
  mod('  %s = shard.sharding @g2 split_axes = [[0]] sharded_dims_offsets = [0, 3, 2] : !shard.sharding'),
  mod('  %s = shard.sharding @g2 split_axes = [[0]] sharded_dims_offsets = [0, 3] : !shard.sharding'),
  mod('  %s = shard.sharding @gd split_axes = [[1]] sharded_dims_offsets = [0, 1, 2, 3, 4] : !shard.sharding'),
];

describe('shard syntax', () => {
  it.each(VALID.map((t, i) => [i, t]))('case %i: our print is a fixpoint in both forms', (_i, text) => expectStable(text as string));

  it('prints grid shapes, reduction kinds and axis arrays in their stripped forms, eliding reduction = sum', () => {
    expect(ourPrint(VALID[0])).toContain('shard.grid @a(shape = 1x?x3)');
    const ops = ourPrint(VALID[1]);
    expect(ops).toContain('grid_axes = [0] reduction = max :');
    expect(ops).toMatch(/grid_axes = \[1\] : tensor<4x8xf32> -> tensor<4x8xf32>/);
    expect(ourPrint(VALID[1], true)).toContain('reduction = #shard<partial max>');
    const sharding = ourPrint(VALID[2]);
    expect(sharding).toContain('split_axes = [[0], [], [1]] :');
    expect(sharding).toContain('reduction = min :');
    expect(ourPrint(VALID[2], true)).toContain('split_axes = #shard<axisarray[[0], [], [1]]>');
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('mlir-opt-22 prints our output as it prints the originals', async () => {
    await expectMlirAgrees(VALID);
  });
});

describe('shard verifiers', () => {
  it('rejects every case with a located error', () => {
    for (const t of REJECTED) expect(ourFirstError(t), t).toMatch(/^\d+:\d+: \S/);
    expect(ourFirstError(REJECTED[2])).toContain('Undefined required grid symbol "nowhere".');
    expect(ourFirstError(REJECTED[3])).toContain('Grid axes contains duplicate elements.');
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('gives mlir-opt-22 first error, message and position, on each case', async () => {
    const theirs = await mlirFirstErrors(REJECTED);
    REJECTED.forEach((t, i) => expect(ourFirstError(t), t).toBe(theirs[i]));
  });
});
