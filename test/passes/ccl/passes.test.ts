import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createContext, parse, print, verify, type Operation } from '../../../src/index.js';
import { PassManager } from '../../../src/passes/index.js';
import { emitCclIrdl, decodeRankMatrix } from '../../../src/dialects/ccl/index.js';
import { interpret, compareResults } from '../../../src/interp/index.js';
import { chooseAlgorithm, costOf, embeddedTopology } from '../../../src/topology/index.js';
import { specOf } from '../../../src/passes/ccl/index.js';
import { hasMlirOpt } from '../../support/mlir-opt.js';

// 12288 x 1365 f32 = 63.98 MiB: a 64 MiB all-reduce whose rows divide by the 3 ranks of a socket
// (2^24 f32 elements exactly would have no factor 3; see the non-divisible case below).
const flat64MiB = (world: number, shape = '12288x1365') => `module attributes {ccl.world_size = ${world} : i64} {
  func.func @main(%x: tensor<${shape}xf32>) -> tensor<${shape}xf32> {
    %r = ccl.all_reduce sum %x groups [[${Array.from({ length: world }, (_, i) => i).join(', ')}]] : tensor<${shape}xf32>
    return %r : tensor<${shape}xf32>
  }
}`;

function run(text: string, pipeline: string): Operation {
  const { module } = parse(createContext(), text);
  const r = PassManager.parse(pipeline).run(module);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(verify(module)).toEqual([]);
  return module;
}

function collectives(module: Operation): Operation[] {
  const out: Operation[] = [];
  module.walk((op) => void (op.name.startsWith('ccl.') && out.push(op)), 'pre');
  return out;
}

describe('ccl-hierarchicalize on the paper machine', () => {
  it('turns a flat 6-rank 64 MiB all-reduce into intra reduce-scatter, inter all-reduce, intra all-gather, and it is predicted faster', () => {
    const before = parse(createContext(), flat64MiB(6)).module;
    const after = run(flat64MiB(6), 'builtin.module(ccl-hierarchicalize{topology=dual-socket-6dla})');
    const ops = collectives(after);
    expect(ops.map((o) => o.name)).toEqual(['ccl.reduce_scatter', 'ccl.all_reduce', 'ccl.all_gather']);
    expect(decodeRankMatrix(ops[0].getAttr('groups'))).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(decodeRankMatrix(ops[1].getAttr('groups'))).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(decodeRankMatrix(ops[2].getAttr('groups'))).toEqual([[0, 1, 2], [3, 4, 5]]);
    const t = embeddedTopology('dual-socket-6dla');
    const flat = chooseAlgorithm(specOf(collectives(before)[0])!, t, ['ring', 'tree', 'direct']).chosen.us;
    const staged = ops.map((o) => chooseAlgorithm(specOf(o)!, t, ['ring', 'tree', 'direct']).chosen.us).reduce((a, b) => a + b, 0);
    expect(staged).toBeLessThan(flat);
    expect(costOf(specOf(collectives(before)[0])!, 'hierarchical', t)!.us).toBeLessThan(flat);
  });

  it('stages a size that does not divide as intra reduce, inter all-reduce, intra broadcast', () => {
    const ops = collectives(run(flat64MiB(6, '4096x4096'), 'builtin.module(ccl-hierarchicalize{topology=dual-socket-6dla})'));
    expect(ops.map((o) => o.name)).toEqual(['ccl.reduce', 'ccl.all_reduce', 'ccl.broadcast']);
    expect(decodeRankMatrix(ops[1].getAttr('groups'))).toEqual([[0, 3], [1, 4], [2, 5]]);
  });

  it('changes nothing on single-socket topologies', () => {
    const before = print(parse(createContext(), flat64MiB(4)).module);
    const after = print(run(flat64MiB(4), 'builtin.module(ccl-hierarchicalize{topology=single-socket-4gpu force=true})'));
    expect(after).toBe(before);
  });
});

describe('the pipeline on the tensor-parallel decoder example', () => {
  const text = readFileSync(new URL('../../../examples/models/tp-decoder-layer-tiny.mlir', import.meta.url), 'utf8');
  const pipeline = 'builtin.module(ccl-hierarchicalize{topology=dual-socket-6dla force=true},ccl-chunk{chunks=2},ccl-select-schedule{topology=dual-socket-6dla},ccl-overlap{max-in-flight=2},numa-placement{topology=dual-socket-6dla})';

  it('keeps what the layer computes (6 ranks, interpreter)', () => {
    const before = parse(createContext(), text).module;
    const after = run(text, pipeline);
    const cmp = compareResults(interpret(before, { seed: 2 }), interpret(after, { seed: 2 }), 1e-4, 1e-4);
    expect(cmp).toEqual({ equal: true });
    const printed = print(after);
    expect(printed).toContain('numa.rank_map');
    expect(printed).toMatch(/ccl\.wait/);
    expect(printed).toMatch(/algorithm = "/);
  });

  it.skipIf(!hasMlirOpt())('prints IR that mlir-opt-22 verifies (ccl through the generated IRDL)', () => {
    const after = run(text, pipeline);
    const dir = mkdtempSync(join(tmpdir(), 'numaccl-passes-'));
    writeFileSync(join(dir, 'ccl.irdl.mlir'), emitCclIrdl());
    writeFileSync(join(dir, 'out.mlir'), print(after, { generic: true }));
    const run2 = () => execFileSync('mlir-opt-22', [`--irdl-file=${join(dir, 'ccl.irdl.mlir')}`, join(dir, 'out.mlir')], { stdio: ['ignore', 'pipe', 'pipe'] });
    expect(run2).not.toThrow();
  });
});

describe('pass options', () => {
  it('rejects bad options with a located error', () => {
    const { module } = parse(createContext(), flat64MiB(6));
    const r = PassManager.parse('builtin.module(ccl-chunk{chunks=0})').run(module);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toContain("'chunks' must be at least 1");
    expect(() => PassManager.parse('builtin.module(ccl-chunk{chunkz=2})')).toThrow(/no such option chunkz/);
    const bad = PassManager.parse('builtin.module(ccl-hierarchicalize{topology=no-such-machine})').run(parse(createContext(), flat64MiB(6)).module);
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics[0].message).toMatch(/cannot load topology 'no-such-machine'/);
  });
});
