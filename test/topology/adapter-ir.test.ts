import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectivesOf, readGenericModule, readModuleWithIr } from '../../src/topology/adapter/index.js';
import { createContext } from '../../src/dialects/index.js';
import { embeddedTopology } from '../../src/topology/index.js';

const ctx = () => createContext({ allowUnregistered: true });

const MODULE = new URL('./fixtures/modules/two-allreduce.mlir', import.meta.url).pathname;

describe('module adapter over the IR parser', () => {
  it('reads the same collectives as the generic-form reader', () => {
    const t = embeddedTopology('dual-socket-6dla');
    const text = readFileSync(MODULE, 'utf8');
    const viaIr = collectivesOf(readModuleWithIr(text, 'm.mlir', ctx()), t);
    const viaText = collectivesOf(readGenericModule(text, 'm.mlir'), t);
    expect(viaIr.map((c) => [c.op, c.loc.replace(/:\d+$/, ''), c.spec, c.async])).toEqual(viaText.map((c) => [c.op, c.loc.replace(/:\d+$/, ''), c.spec, c.async]));
    expect(viaIr).toHaveLength(5);
  });
  it('reports parse errors with a location', () => {
    expect(() => readModuleWithIr('module {\n  %1 = "ccl.all_reduce"(%0 : (tensor<8xf32>) -> tensor<8xf32>\n}\n', 'bad.mlir', ctx())).toThrow(/bad\.mlir:2:\d+/);
  });
  it('reads the ccl custom form too', () => {
    const text = `module attributes {ccl.world_size = 6 : i64} {
  func.func @f(%arg0: tensor<8x4096xf16>) -> tensor<8x4096xf16> {
    %1 = ccl.all_reduce sum %arg0 groups [[0, 1, 2], [3, 4, 5]] : tensor<8x4096xf16>
    return %1 : tensor<8x4096xf16>
  }
}
`;
    const [c] = collectivesOf(readModuleWithIr(text, 'c.mlir', ctx()), embeddedTopology('dual-socket-6dla'));
    expect(c.loc).toMatch(/^c\.mlir:3:\d+$/);
    expect(c.spec).toMatchObject({ kind: 'all_reduce', bytes: 8 * 4096 * 2, groups: [[0, 1, 2], [3, 4, 5]], elementBytes: 2 });
  });
});
