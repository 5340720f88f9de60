import { describe, expect, it } from 'vitest';
import { collectivesOf, readGenericModule, simTasksOf, defaultChooser } from '../../src/topology/adapter/index.js';
import { embeddedTopology } from '../../src/topology/index.js';

const t = embeddedTopology('dual-socket-6dla');
const TEXT = `module attributes {ccl.world_size = 6 : i64} {
  %1 = "ccl.all_reduce"(%0) {groups = dense<[[0, 1, 2], [3, 4, 5]]> : tensor<2x3xi64>, reduction = "sum"} : (tensor<8x64xf32>) -> tensor<8x64xf32>
  %2 = "ccl.broadcast"(%1) {groups = dense<[[0, 1, 2, 3, 4, 5]]> : tensor<1x6xi64>, root = 4 : i64, async} : (tensor<8x64xbf16>) -> !ccl.future<tensor<8x64xbf16>>
  %3 = "ccl.wait"(%2) : (!ccl.future<tensor<8x64xbf16>>) -> tensor<8x64xbf16>
  %4 = "ccl.permute"(%3) {pairs = dense<[[0, 1], [1, 2]]> : tensor<2x2xi64>, algorithm = "direct"} : (tensor<8x64xbf16>) -> tensor<8x64xbf16>
}
`;

describe('module adapter', () => {
  it('reads ccl ops in generic form with their attributes', () => {
    const mod = readGenericModule(TEXT, 'm.mlir');
    expect(mod.worldSize).toBe(6);
    const cs = collectivesOf(mod, t);
    expect(cs.map((c) => c.spec.kind)).toEqual(['all_reduce', 'broadcast', 'permute']);
    expect(cs[0].spec).toMatchObject({ bytes: 8 * 64 * 4, groups: [[0, 1, 2], [3, 4, 5]], elementBytes: 4 });
    expect(cs[1]).toMatchObject({ async: true, loc: 'm.mlir:3:3', spec: { root: 4, bytes: 8 * 64 * 2 } });
    expect(cs[2]).toMatchObject({ algorithm: 'direct', spec: { pairs: [[0, 1], [1, 2]] } });
  });
  it('builds a task graph: async broadcast waited on by the permute', () => {
    const { tasks } = simTasksOf(readGenericModule(TEXT, 'm.mlir'), t, defaultChooser(t));
    expect(tasks.map((x) => x.id)).toEqual(['op0', 'op1', 'op3']);
    expect(tasks[1].deps).toEqual(['op0']);
    expect(tasks[2].deps).toContain('op1');
  });
  it('rejects custom-form ccl ops and broken lines with a location', () => {
    expect(() => readGenericModule('module {\n  %1 = ccl.all_reduce sum %0 groups [[0, 1]] : tensor<8xf32>\n}', 'c.mlir')).toThrow(/c\.mlir:2:8: error: only the generic form/);
    expect(() => readGenericModule('  %1 = "ccl.all_reduce"(%0) {groups = dense<[[0, 1]]> : tensor<1x2xi64>\n', 'd.mlir')).toThrow(/d\.mlir:1:\d+: error: unbalanced '\{'/);
    const tooMany = 'module attributes {ccl.world_size = 16 : i64} {\n}\n';
    expect(() => collectivesOf(readGenericModule(tooMany, 'w.mlir'), t)).toThrow(/world_size = 16 but topology 'dual-socket-6dla' has 6 ranks/);
  });
});
