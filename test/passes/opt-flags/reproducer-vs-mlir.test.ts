import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/dialects/index.js';
import { parse } from '../../../src/ir/index.js';
import { boolOption, definePass, PassManager, passRegistry } from '../../../src/passes/index.js';
import { runMlirOpt } from '../support/upstream-passes.js';

/** A stand-in for mlir-opt's test-pass-failure (same name, option and anchor), to compare reproducers. */
function registryWithFailure() {
  const r = passRegistry.fork();
  r.register(
    definePass({
      argument: 'test-pass-failure',
      summary: 'Test a pass in the pass manager that always fails',
      anchor: 'func.func',
      options: { 'gen-diagnostics': boolOption('Generate a diagnostic message') },
      create: () => ({ run: (_op, ctx) => ctx.signalPassFailure() }),
    }),
  );
  return r;
}

const INPUT = `module {
  func.func @f(%a: i32) -> i32 {
    %c0 = arith.constant 0 : i32
    %x = arith.addi %a, %c0 : i32
    return %x : i32
  }
}
`;

describe('crash reproducer vs mlir-opt-22', () => {
  it('embeds the same pipeline string and the same pre-pipeline IR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'numaccl-repro-'));
    const pipeline = 'builtin.module(func.func(canonicalize,test-pass-failure),cse)';
    const ours = join(dir, 'ours.mlir');
    const theirs = join(dir, 'theirs.mlir');
    const m = parse(createContext(), INPUT, { fileName: 'in.mlir' }).module;
    const res = PassManager.parse(pipeline, { registry: registryWithFailure(), crashReproducer: ours }).run(m);
    expect(res.ok).toBe(false);
    const r = runMlirOpt([`--pass-pipeline=${pipeline}`, `--mlir-pass-pipeline-crash-reproducer=${theirs}`, '-', '-o', '/dev/null'], INPUT);
    expect(r.status).toBe(1);
    const a = readFileSync(ours, 'utf8');
    const b = readFileSync(theirs, 'utf8');
    const meta = (t: string): string => t.slice(t.indexOf('{-#')).replace(/disable_threading: \w+/, 'disable_threading: _');
    expect(meta(a)).toBe(meta(b));
    const ir = (t: string): string => runMlirOpt(['-'], t.slice(0, t.indexOf('{-#'))).stdout;
    expect(ir(a)).toBe(ir(b));
    // mlir-opt-22 accepts our reproducer as input and runs it.
    const replay = runMlirOpt(['--run-reproducer', ours, '-o', '/dev/null']);
    expect(replay.stderr).not.toContain('error: expected');
  });
});
