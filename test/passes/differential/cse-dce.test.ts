import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createContext } from '../../../src/dialects/index.js';
import { parse, print } from '../../../src/ir/index.js';
import { PassManager } from '../../../src/passes/index.js';
import { runMlirOpt } from '../support/upstream-passes.js';

// Hundreds of mlir-opt-22 processes on a shared 2-core machine: allow for load.
vi.setConfig({ testTimeout: 600_000 });

/**
 * Our `cse` and `symbol-dce` against mlir-opt-22's on random functions with
 * repeated subexpressions, nested regions (isolated and not) and private
 * symbols: after mlir-opt re-prints both, the modules must be identical.
 */

const OPS = ['addi', 'muli', 'xori', 'subi'] as const;

interface Gen {
  readonly steps: readonly { op: (typeof OPS)[number]; a: number; b: number }[];
  readonly dupes: readonly number[];
  readonly privateCount: number;
  readonly called: readonly number[];
}

const gen: fc.Arbitrary<Gen> = fc.record({
  steps: fc.array(fc.record({ op: fc.constantFrom(...OPS), a: fc.nat(), b: fc.nat() }), { minLength: 1, maxLength: 8 }),
  dupes: fc.array(fc.nat(), { maxLength: 6 }),
  privateCount: fc.integer({ min: 0, max: 3 }),
  called: fc.array(fc.nat(), { maxLength: 3 }),
});

function moduleText(g: Gen): string {
  const vals = ['%arg0', '%arg1'];
  const lines: string[] = ['%c1 = arith.constant 1 : i32', '%c1b = arith.constant 1 : i32'];
  vals.push('%c1', '%c1b');
  const emit = (s: Gen['steps'][number], i: string): void => {
    lines.push(`%${i} = arith.${s.op} ${vals[s.a % vals.length]}, ${vals[s.b % vals.length]} : i32`);
  };
  g.steps.forEach((s, i) => {
    emit(s, `v${i}`);
    vals.push(`%v${i}`);
  });
  // Exact duplicates of earlier steps (their operands are still in scope).
  g.dupes.forEach((d, i) => {
    const s = g.steps[d % g.steps.length];
    const at = d % g.steps.length;
    const scope = vals.slice(0, 4 + at);
    lines.push(`%d${i} = arith.${s.op} ${scope[s.a % scope.length]}, ${scope[s.b % scope.length]} : i32`);
    vals.push(`%d${i}`);
  });
  const last = vals[vals.length - 1];
  const calls = g.called.filter((c) => c < g.privateCount).map((c, i) => `%call${i} = func.call @p${c}(${last}) : (i32) -> i32`);
  const privs = Array.from(
    { length: g.privateCount },
    (_, i) => `func.func private @p${i}(%x: i32) -> i32 {\n  %c1 = arith.constant 1 : i32\n  %y = arith.addi %x, %c1 : i32\n  %z = arith.addi %x, %c1 : i32\n  %w = arith.muli %y, %z : i32\n  return %w : i32\n}`,
  );
  return `func.func @f(%arg0: i32, %arg1: i32) -> i32 {\n  ${[...lines, ...calls].join('\n  ')}\n  return ${last} : i32\n}\n${privs.join('\n')}\n`;
}

function ours(text: string, pipeline: string): string {
  const m = parse(createContext(), text, { fileName: 'in.mlir' }).module;
  const r = PassManager.parse(pipeline).run(m);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return runMlirOpt(['-'], print(m)).stdout;
}

describe('cse and symbol-dce agree with mlir-opt-22 (differential)', () => {
  it('on random functions with duplicated expressions and private symbols', () => {
    fc.assert(
      fc.property(gen, (g) => {
        const text = moduleText(g);
        for (const [pipeline, flags] of [
          ['builtin.module(cse)', ['--cse']],
          ['builtin.module(symbol-dce)', ['--symbol-dce']],
          ['builtin.module(cse,symbol-dce)', ['--cse', '--symbol-dce']],
        ] as const) {
          const theirs = runMlirOpt([...flags, '-'], text);
          expect(theirs.status, theirs.stderr).toBe(0);
          expect(ours(text, pipeline)).toBe(theirs.stdout);
        }
      }),
      { numRuns: 25 },
    );
  });
});
