import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createContext, parse } from '../../src/index.js';
import { interpret, compareResults, type Tensor } from '../../src/interp/index.js';
import { makeTensor } from '../../src/interp/tensor.js';

function run(text: string, ranks?: number, seed = 7) {
  const { module } = parse(createContext(), text, { fileName: 't.mlir' });
  return interpret(module, { ranks, seed });
}
const vals = (t: Tensor): number[] => Array.from(t.data);

describe('TOSA and arith kernels', () => {
  it('computes matmul, broadcast add, reductions, transpose, slice, concat, pad against hand-computed values', () => {
    const text = `
func.func @main() -> (tensor<1x2x2xf32>, tensor<2x3xf32>, tensor<2x1xf32>, tensor<3x2xf32>, tensor<1x2xf32>, tensor<4x3xf32>, tensor<2x5xi32>, tensor<i32>) {
  %a = "tosa.const"() <{values = dense<[[[1.0, 2.0], [3.0, 4.0]]]> : tensor<1x2x2xf32>}> : () -> tensor<1x2x2xf32>
  %b = "tosa.const"() <{values = dense<[[[5.0, 6.0], [7.0, 8.0]]]> : tensor<1x2x2xf32>}> : () -> tensor<1x2x2xf32>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %mm = tosa.matmul %a, %b, %zp, %zp : (tensor<1x2x2xf32>, tensor<1x2x2xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x2x2xf32>
  %x = "tosa.const"() <{values = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>}> : () -> tensor<2x3xf32>
  %row = "tosa.const"() <{values = dense<[[10.0, 20.0, 30.0]]> : tensor<1x3xf32>}> : () -> tensor<1x3xf32>
  %add = tosa.add %x, %row : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %sum = tosa.reduce_sum %x {axis = 1 : i32} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  %tr = tosa.transpose %x {perms = array<i32: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %st = tosa.const_shape {values = dense<[1, 1]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %sz = tosa.const_shape {values = dense<[1, 2]> : tensor<2xindex>} : () -> !tosa.shape<2>
  %sl = tosa.slice %x, %st, %sz : (tensor<2x3xf32>, !tosa.shape<2>, !tosa.shape<2>) -> tensor<1x2xf32>
  %cc = tosa.concat %x, %x {axis = 0 : i32} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %i = "tosa.const"() <{values = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>}> : () -> tensor<2x3xi32>
  %pads = tosa.const_shape {values = dense<[0, 0, 1, 1]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %pv = "tosa.const"() <{values = dense<9> : tensor<1xi32>}> : () -> tensor<1xi32>
  %pd = tosa.pad %i, %pads, %pv : (tensor<2x3xi32>, !tosa.shape<4>, tensor<1xi32>) -> tensor<2x5xi32>
  %c1 = arith.constant 2147483647 : i32
  %c2 = arith.constant 1 : i32
  %ov = arith.addi %c1, %c2 : i32
  %ovt = tensor.from_elements %ov : tensor<i32>
  return %mm, %add, %sum, %tr, %sl, %cc, %pd, %ovt : tensor<1x2x2xf32>, tensor<2x3xf32>, tensor<2x1xf32>, tensor<3x2xf32>, tensor<1x2xf32>, tensor<4x3xf32>, tensor<2x5xi32>, tensor<i32>
}`;
    const [mm, add, sum, tr, sl, cc, pd, ov] = run(text).results[0];
    expect(vals(mm)).toEqual([19, 22, 43, 50]);
    expect(vals(add)).toEqual([11, 22, 33, 14, 25, 36]);
    expect(vals(sum)).toEqual([6, 15]);
    expect(vals(tr)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(vals(sl)).toEqual([5, 6]);
    expect(vals(cc)).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
    expect(vals(pd)).toEqual([9, 1, 2, 3, 9, 9, 4, 5, 6, 9]);
    expect(vals(ov)).toEqual([-2147483648]); // i32 wraps around
  });

  it('rounds f32 results to single precision', () => {
    const text = `func.func @main() -> tensor<1xf32> {
  %a = "tosa.const"() <{values = dense<0.1> : tensor<1xf32>}> : () -> tensor<1xf32>
  %b = tosa.add %a, %a : (tensor<1xf32>, tensor<1xf32>) -> tensor<1xf32>
  return %b : tensor<1xf32>
}`;
    expect(run(text).results[0][0].data[0]).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.1)));
  });
});

const ccl = (world: number, body: string, ret: string) =>
  `module attributes {ccl.world_size = ${world} : i64} {\n  func.func @main(%x: tensor<6x4xf32>, %n: tensor<6x4xi32>) -> ${ret} {\n${body}\n  }\n}\n`;

describe('ccl semantics', () => {
  it('all_reduce gives every member the sum of the group, in group order', () => {
    const r = run(ccl(4, '    %s = ccl.all_reduce sum %n groups [[0, 1], [2, 3]] : tensor<6x4xi32>\n    return %s : tensor<6x4xi32>', 'tensor<6x4xi32>'));
    const inputs = r.inputs.map((i) => vals(i[1]));
    const expected01 = inputs[0].map((v, k) => v + inputs[1][k]);
    expect(vals(r.results[0][0])).toEqual(expected01);
    expect(vals(r.results[1][0])).toEqual(expected01);
    expect(vals(r.results[2][0])).toEqual(inputs[2].map((v, k) => v + inputs[3][k]));
  });

  it('permute moves inputs along pairs and zero-fills ranks without a source', () => {
    const r = run(ccl(3, '    %p = ccl.permute %n pairs [[0, 1], [1, 2]] : tensor<6x4xi32>\n    return %p : tensor<6x4xi32>', 'tensor<6x4xi32>'));
    expect(vals(r.results[1][0])).toEqual(vals(r.inputs[0][1]));
    expect(vals(r.results[2][0])).toEqual(vals(r.inputs[1][1]));
    expect(vals(r.results[0][0]).every((v) => v === 0)).toBe(true);
  });

  it('property: reduce-scatter then all-gather equals all-reduce, and the hierarchical decomposition equals the flat all-reduce (integers, exactly)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1000 }), (nodes, perNode, seed) => {
        const R = nodes * perNode;
        const rows = 6 * perNode;
        const T = `tensor<${rows}x4xi32>`;
        const intra = `[${Array.from({ length: nodes }, (_, n) => `[${Array.from({ length: perNode }, (_, i) => n * perNode + i).join(', ')}]`).join(', ')}]`;
        const inter = `[${Array.from({ length: perNode }, (_, i) => `[${Array.from({ length: nodes }, (_, n) => n * perNode + i).join(', ')}]`).join(', ')}]`;
        const flat = `[[${Array.from({ length: R }, (_, r) => r).join(', ')}]]`;
        const shard = `tensor<6x4xi32>`;
        const hier = `module attributes {ccl.world_size = ${R} : i64} {
  func.func @main(%n: ${T}) -> ${T} {
    %a = ccl.reduce_scatter sum %n dim 0 groups ${intra} : ${T} -> ${shard}
    %b = ccl.all_reduce sum %a groups ${inter} : ${shard}
    %c = ccl.all_gather %b dim 0 groups ${intra} : ${shard} -> ${T}
    return %c : ${T}
  }
}`;
        const flatProgram = `module attributes {ccl.world_size = ${R} : i64} {
  func.func @main(%n: ${T}) -> ${T} {
    %c = ccl.all_reduce sum %n groups ${flat} : ${T}
    return %c : ${T}
  }
}`;
        const a = run(hier, undefined, seed);
        const b = run(flatProgram, undefined, seed);
        const cmp = compareResults(a, b);
        if (!cmp.equal) throw new Error(cmp.difference);
      }),
      { numRuns: 200 },
    );
  });

  it('property: sum and prod all-reduces of arbitrary i32 values wrap exactly, flat and hierarchical alike (BigInt reference)', () => {
    const wrap32 = (x: bigint): number => Number(BigInt.asIntN(32, x));
    fc.assert(
      fc.property(fc.constantFrom('sum', 'prod'), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 6, maxLength: 6 }), (kind, values) => {
        const T = 'tensor<2xi32>';
        const program = (body: string) => `module attributes {ccl.world_size = 6 : i64} {
  func.func @main(%n: ${T}) -> ${T} {
${body}
  }
}`;
        const flat = program(`    %c = ccl.all_reduce ${kind} %n groups [[0, 1, 2, 3, 4, 5]] : ${T}\n    return %c : ${T}`);
        const hier = program(`    %a = ccl.all_reduce ${kind} %n groups [[0, 1, 2], [3, 4, 5]] : ${T}
    %b = ccl.all_reduce ${kind} %a groups [[0, 3], [1, 4], [2, 5]] : ${T}
    return %b : ${T}`);
        const { module } = parse(createContext(), flat, { fileName: 'f.mlir' });
        const i32 = run(flat).inputs[0][0].elementType;
        // Rank r holds [v_r, v_{5-r}]: the second lane combines in another order than the first.
        const inputs = values.map((_, r) => [makeTensor([2], i32, Float64Array.from([values[r], values[5 - r]]))]);
        const expected = values.reduce((acc, v) => (kind === 'sum' ? acc + BigInt(v) : acc * BigInt(v)), kind === 'sum' ? 0n : 1n);
        for (const text of [flat, hier]) {
          const m = text === flat ? module : parse(createContext(), text, { fileName: 'h.mlir' }).module;
          const r = interpret(m, { inputs });
          for (let rank = 0; rank < 6; rank++) expect(vals(r.results[rank][0])).toEqual([wrap32(expected), wrap32(expected)]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports ranks that disagree on the next collective instead of hanging', () => {
    const text = ccl(2, '    %s = ccl.all_reduce sum %n groups [[0, 1], [2, 3]] : tensor<6x4xi32>\n    return %s : tensor<6x4xi32>', 'tensor<6x4xi32>');
    expect(() => run(text, 2)).toThrow(/rank 2 in groups but only 2 ranks run/);
  });
});

describe('examples', () => {
  it('runs the tensor-parallel decoder layer on 6 ranks deterministically', () => {
    const text = readFileSync(new URL('../../examples/models/tp-decoder-layer-tiny.mlir', import.meta.url), 'utf8');
    const a = run(text, undefined, 11);
    const b = run(text, undefined, 11);
    expect(a.results).toHaveLength(6);
    expect(compareResults(a, b, 0, 0).equal).toBe(true);
    expect(a.results[0][0].shape).toEqual([1, 8, 384]);
    expect(vals(a.results[0][0]).every(Number.isFinite)).toBe(true);
  });
});
