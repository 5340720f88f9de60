import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/dialects/index.js';
import { parse, print } from '../../../src/ir/index.js';
import { runPipeline } from '../../../src/passes/index.js';

function canonicalize(body: string, world = 4): string {
  const text = `module attributes {ccl.world_size = ${world} : i64} {\n  func.func @f(%x: tensor<8x64xf32>) -> tensor<8x64xf32> {\n${body}\n  }\n}\n`;
  const m = parse(createContext(), text, { fileName: 'c.mlir' }).module;
  runPipeline(m, 'builtin.module(canonicalize)');
  return print(m);
}

describe('canonicalize on ccl', () => {
  it('folds collectives over singleton groups away', () => {
    for (const op of [
      '%r = ccl.all_reduce sum %x groups [[0], [1], [2], [3]] : tensor<8x64xf32>',
      '%r = ccl.broadcast %x root 0 groups [[0], [1], [2], [3]] : tensor<8x64xf32>',
      '%r = ccl.all_gather %x dim 0 groups [[0], [1], [2], [3]] : tensor<8x64xf32> -> tensor<8x64xf32>',
      '%r = ccl.permute %x pairs [[0, 0], [1, 1], [2, 2], [3, 3]] : tensor<8x64xf32>',
    ]) {
      const out = canonicalize(`    ${op}\n    return %r : tensor<8x64xf32>`);
      expect(out).not.toMatch(/= ccl\./);
      expect(out).toContain('return %arg0 : tensor<8x64xf32>');
    }
  });

  it('removes an async singleton collective together with its wait', () => {
    const out = canonicalize(
      '    %f = ccl.all_reduce async sum %x groups [[0], [1], [2], [3]] : tensor<8x64xf32>\n    %r = ccl.wait %f : !ccl.future<tensor<8x64xf32>>\n    return %r : tensor<8x64xf32>',
    );
    expect(out).not.toMatch(/= ccl\./);
  });

  it('keeps collectives that move data', () => {
    for (const op of [
      '%r = ccl.all_reduce sum %x groups [[0, 1], [2, 3]] : tensor<8x64xf32>',
      '%r = ccl.permute %x pairs [[0, 1], [1, 0], [2, 2], [3, 3]] : tensor<8x64xf32>',
      '%r = ccl.permute %x pairs [[0, 0], [1, 1]] : tensor<8x64xf32>',
    ]) {
      expect(canonicalize(`    ${op}\n    return %r : tensor<8x64xf32>`)).toContain(op.split(' = ')[1].split(' ')[0]);
    }
  });
});
