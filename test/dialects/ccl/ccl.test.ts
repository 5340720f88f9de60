import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createContext } from '../../../src/dialects/index.js';
import { emitCclIrdl } from '../../../src/dialects/ccl/index.js';
import { processSource } from '../../../src/cli/opt/driver.js';
import { hasMlirOpt } from '../../support/mlir-opt.js';

function run(text: string, generic = false) {
  return processSource(createContext(), text, { fileName: 'ccl.mlir', printGeneric: generic });
}

const module = (body: string, world = 6): string =>
  `module attributes {ccl.world_size = ${world} : i64} {\n  func.func @f(%x: tensor<8x64xf32>, %i: tensor<8x64xi1>) -> () {\n${body}\n    return\n  }\n}\n`;

const VALID = [
  '    %r = ccl.all_reduce sum %x groups [[0, 1, 2, 3, 4, 5]] : tensor<8x64xf32>',
  '    %r = ccl.reduce_scatter sum %x dim 0 groups [[0, 1], [2, 3], [4, 5]] : tensor<8x64xf32> -> tensor<4x64xf32>',
  '    %r = ccl.all_gather %x dim 1 groups [[0, 1, 2], [3, 4, 5]] {algorithm = "ring", predicted_us = 12.5 : f64} : tensor<8x64xf32> -> tensor<8x192xf32>',
  '    %r = ccl.all_to_all %x split 0 concat 1 groups [[0, 1], [2, 3], [4, 5]] : tensor<8x64xf32> -> tensor<4x128xf32>',
  '    %r = ccl.broadcast %x root 2 groups [[0, 1, 2], [3, 4, 5]] : tensor<8x64xf32>',
  '    %r = ccl.reduce min %x root 0 groups [[0, 3], [1, 4], [2, 5]] {stage = "inter"} : tensor<8x64xf32>',
  '    %r = ccl.permute %x pairs [[0, 1], [1, 2], [5, 0]] : tensor<8x64xf32>',
  '    %f = ccl.all_reduce async max %x groups [[0, 1, 2, 3, 4, 5]] : tensor<8x64xf32>\n    %v = ccl.wait %f : !ccl.future<tensor<8x64xf32>>',
];

describe('ccl custom form', () => {
  it.each(VALID)('round-trips through custom and generic form: %s', (body) => {
    const first = run(module(body));
    expect(first.diagnostics).toEqual([]);
    expect(first.ok).toBe(true);
    const again = run(first.output);
    expect(again.output).toBe(first.output);
    const generic = run(module(body), true);
    expect(generic.ok).toBe(true);
    expect(generic.output).toContain('"ccl.');
    expect(run(generic.output).output).toBe(first.output);
  });
});

const INVALID: [string, string, number?][] = [
  ['%r = ccl.all_reduce sum %x groups [[0, 1, 2], [3, 4]] : tensor<8x64xf32>', 'groups must all have the same size'],
  ['%r = ccl.all_reduce sum %x groups [[0, 1, 2], [2, 3, 4]] : tensor<8x64xf32>', 'groups must be disjoint, but rank 2 appears more than once'],
  ['%r = ccl.all_reduce sum %x groups [[0, 1], [2, 3]] : tensor<8x64xf32>', 'groups must cover every rank in [0, 6), but rank 4 is missing'],
  ['%r = ccl.all_reduce sum %x groups [[0, 1, 2], [3, 4, 7]] : tensor<8x64xf32>', 'rank 7 in groups is outside [0, 6)'],
  ['%r = ccl.reduce_scatter sum %x dim 0 groups [[0, 1, 2, 3, 4, 5]] : tensor<8x64xf32> -> tensor<1x64xf32>', 'dim 0 of size 8 is not divisible by the group size 6'],
  ['%r = ccl.reduce_scatter sum %x dim 2 groups [[0, 1], [2, 3], [4, 5]] : tensor<8x64xf32> -> tensor<4x64xf32>', 'dim 2 is out of range for an operand of rank 2'],
  ['%r = ccl.all_gather %x dim 0 groups [[0, 1], [2, 3], [4, 5]] : tensor<8x64xf32> -> tensor<8x64xf32>', "result type 'tensor<8x64xf32>' does not match the expected 'tensor<16x64xf32>'"],
  ['%r = ccl.all_reduce sum %i groups [[0, 1, 2, 3, 4, 5]] : tensor<8x64xi1>', "reduction 'sum' is not defined for element type 'i1'"],
  ['%r = ccl.broadcast %x root 3 groups [[0, 1, 2], [3, 4, 5]] : tensor<8x64xf32>', 'root 3 is not a position in groups of size 3'],
  ['%r = ccl.permute %x pairs [[0, 1], [0, 2]] : tensor<8x64xf32>', 'rank 0 is the source of more than one pair'],
  ['%r = ccl.permute %x pairs [[0, 1], [2, 1]] : tensor<8x64xf32>', 'rank 1 is the destination of more than one pair'],
  ['%r = ccl.permute %x pairs [[0, 9]] : tensor<8x64xf32>', 'rank 9 in pairs is outside [0, 6)'],
  ['%f = ccl.all_reduce async sum %x groups [[0, 1, 2, 3, 4, 5]] : tensor<8x64xf32>', 'must be waited exactly once, but it has 0 ccl.wait use(s)'],
  [
    '%f = ccl.all_reduce async sum %x groups [[0, 1, 2, 3, 4, 5]] : tensor<8x64xf32>\n    %a = ccl.wait %f : !ccl.future<tensor<8x64xf32>>\n    %b = ccl.wait %f : !ccl.future<tensor<8x64xf32>>',
    'must be waited exactly once, but it has 2 ccl.wait use(s)',
  ],
  ['%r = "ccl.all_reduce"(%x) {groups = dense<[[0, 1, 2, 3, 4, 5]]> : tensor<1x6xi64>, reduction = "sum"} : (tensor<8x64xf32>) -> !ccl.future<tensor<8x64xf32>>', "produces a future but has no 'async' attribute"],
  ['%r = "ccl.all_reduce"(%x) {groups = dense<[[0, 1, 2, 3, 4, 5]]> : tensor<1x6xi64>, reduction = "avg"} : (tensor<8x64xf32>) -> tensor<8x64xf32>', `attribute 'reduction' must be one of "sum", "prod", "max", "min"`],
  ['%r = "ccl.all_reduce"(%x) {reduction = "sum"} : (tensor<8x64xf32>) -> tensor<8x64xf32>', "requires attribute 'groups'"],
  ['%r = "ccl.broadcast"(%x) {groups = dense<[[0, 1, 2, 3, 4, 5]]> : tensor<1x6xi64>, root = "zero"} : (tensor<8x64xf32>) -> tensor<8x64xf32>', "attribute 'root' must be an i64 integer"],
  ['%r = "ccl.all_reduce"(%x) {groups = dense<[[0, 1, 2, 3, 4, 5]]> : tensor<1x6xi64>, reduction = "sum", algorithm = "magic"} : (tensor<8x64xf32>) -> tensor<8x64xf32>', `attribute 'algorithm' must be one of`],
];

describe('ccl verifier', () => {
  it.each(INVALID)('rejects %s', (body, message) => {
    const r = run(module(`    ${body}`));
    expect(r.ok).toBe(false);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain(message);
    expect(errors[0].message).toMatch(/^'ccl\.[a-z_]+' op /);
    expect(errors[0].position?.line).toBe(3);
  });

  it('rejects a wait on a value that is not the future of an async collective', () => {
    const text =
      'module attributes {ccl.world_size = 2 : i64} {\n  func.func @f(%f: !ccl.future<tensor<4xf32>>) -> tensor<4xf32> {\n    %v = ccl.wait %f : !ccl.future<tensor<4xf32>>\n    return %v : tensor<4xf32>\n  }\n}\n';
    const r = run(text);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0].message).toBe("'ccl.wait' op operand must be the future of an 'async' ccl collective");
  });
});

describe.skipIf(!hasMlirOpt())('IRDL export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccl-irdl-'));
  const irdl = join(dir, 'ccl.irdl.mlir');
  writeFileSync(irdl, emitCclIrdl());
  const mlirOpt = (text: string): { ok: boolean; stderr: string } => {
    const file = join(dir, `in-${Math.random().toString(36).slice(2)}.mlir`);
    writeFileSync(file, text);
    try {
      execFileSync('mlir-opt-22', [`--irdl-file=${irdl}`, file], { stdio: ['ignore', 'ignore', 'pipe'] });
      return { ok: true, stderr: '' };
    } catch (e) {
      return { ok: false, stderr: String((e as { stderr?: Buffer }).stderr ?? '') };
    }
  };

  it('loads in mlir-opt-22 and verifies every valid ccl program in generic form', () => {
    for (const body of VALID) {
      const generic = run(module(body), true);
      expect(generic.ok).toBe(true);
      const r = mlirOpt(generic.output);
      expect(r.stderr).toBe('');
      expect(r.ok).toBe(true);
    }
  });

  it('makes mlir-opt-22 reject attribute-type violations', () => {
    const bad = module('    %r = "ccl.all_reduce"(%x) {groups = dense<[[0, 1, 2, 3, 4, 5]]> : tensor<1x6xi64>, reduction = 3 : i64} : (tensor<8x64xf32>) -> tensor<8x64xf32>');
    const r = mlirOpt(bad);
    expect(r.ok).toBe(false);
    expect(r.stderr).toContain("expected base attribute 'builtin.string' but got 'builtin.integer'");
    const noGroups = module('    %r = "ccl.all_reduce"(%x) {reduction = "sum"} : (tensor<8x64xf32>) -> tensor<8x64xf32>');
    expect(mlirOpt(noGroups).ok).toBe(false);
    const wrongWait = module('    %r = "ccl.wait"(%x) : (tensor<8x64xf32>) -> tensor<8x64xf32>');
    expect(mlirOpt(wrongWait).ok).toBe(false);
  });
});
