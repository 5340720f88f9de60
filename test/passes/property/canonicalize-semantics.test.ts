import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createContext } from '../../../src/dialects/index.js';
import { parse, print } from '../../../src/ir/index.js';
import { PassManager } from '../../../src/passes/index.js';
import { runMlirOpt } from '../support/upstream-passes.js';

// Hundreds of mlir-opt-22 processes on a shared 2-core machine: allow for load.
vi.setConfig({ testTimeout: 600_000 });

/**
 * Semantic preservation of our canonicalize/cse/dce, with mlir-opt-22 as the
 * evaluator: a random integer function f(args) is transformed by us into g;
 * then `main` calls f (resp. g) on random constant arguments and
 * `mlir-opt --inline --canonicalize` folds main down to constants. Both
 * mains must return the same constants.
 */

const BIN = ['addi', 'subi', 'muli', 'andi', 'ori', 'xori', 'maxsi', 'minsi', 'maxui', 'minui'] as const;
const PRED = ['eq', 'ne', 'slt', 'sle', 'sgt', 'sge', 'ult', 'ule', 'ugt', 'uge'] as const;

type Step =
  | { kind: 'bin'; op: (typeof BIN)[number]; a: number; b: number }
  | { kind: 'const'; value: bigint }
  | { kind: 'select'; pred: (typeof PRED)[number]; a: number; b: number; t: number; f: number }
  | { kind: 'div'; op: 'divui' | 'divsi' | 'remui' | 'remsi'; a: number; divisor: bigint }
  | { kind: 'shift'; op: 'shli' | 'shrui' | 'shrsi'; a: number; amount: number };

interface Program {
  readonly width: number;
  readonly args: number;
  readonly steps: readonly Step[];
  readonly argValues: readonly bigint[];
}

const program: fc.Arbitrary<Program> = fc.constantFrom(8, 32, 64).chain((width) => {
  const lo = -(1n << BigInt(width - 1));
  const hi = (1n << BigInt(width - 1)) - 1n;
  const value = fc.oneof(fc.bigInt({ min: lo, max: hi }), fc.constantFrom(0n, 1n, -1n, 2n, lo, hi));
  const idx = fc.nat();
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('bin' as const), op: fc.constantFrom(...BIN), a: idx, b: idx }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('const' as const), value }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('select' as const), pred: fc.constantFrom(...PRED), a: idx, b: idx, t: idx, f: idx }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('div' as const),
        op: fc.constantFrom('divui' as const, 'divsi' as const, 'remui' as const, 'remsi' as const),
        a: idx,
        divisor: fc.bigInt({ min: 1n, max: hi }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('shift' as const), op: fc.constantFrom('shli' as const, 'shrui' as const, 'shrsi' as const), a: idx, amount: fc.integer({ min: 0, max: width - 1 }) }),
    },
  );
  return fc.record({
    width: fc.constant(width),
    args: fc.integer({ min: 1, max: 2 }),
    steps: fc.array(step, { minLength: 1, maxLength: 10 }),
    argValues: fc.array(value, { minLength: 2, maxLength: 2 }),
  });
});

/** The function `@f` of a program: every value is an SSA name; operands index earlier values modulo their count. */
function functionText(p: Program): string {
  const t = `i${p.width}`;
  const vals: string[] = Array.from({ length: p.args }, (_, i) => `%arg${i}`);
  const lines: string[] = [];
  const pick = (i: number): string => vals[i % vals.length];
  p.steps.forEach((s, n) => {
    const r = `%v${n}`;
    if (s.kind === 'bin') lines.push(`${r} = arith.${s.op} ${pick(s.a)}, ${pick(s.b)} : ${t}`);
    else if (s.kind === 'const') lines.push(`${r} = arith.constant ${s.value} : ${t}`);
    else if (s.kind === 'select') {
      lines.push(`${r}c = arith.cmpi ${s.pred}, ${pick(s.a)}, ${pick(s.b)} : ${t}`);
      lines.push(`${r} = arith.select ${r}c, ${pick(s.t)}, ${pick(s.f)} : ${t}`);
    } else if (s.kind === 'div') {
      lines.push(`${r}d = arith.constant ${s.divisor} : ${t}`);
      lines.push(`${r} = arith.${s.op} ${pick(s.a)}, ${r}d : ${t}`);
    } else {
      lines.push(`${r}s = arith.constant ${s.amount} : ${t}`);
      lines.push(`${r} = arith.${s.op} ${pick(s.a)}, ${r}s : ${t}`);
    }
    vals.push(r);
  });
  const results = vals.slice(p.args).slice(-3);
  const params = Array.from({ length: p.args }, (_, i) => `%arg${i}: ${t}`).join(', ');
  return `func.func private @f(${params}) -> (${results.map(() => t).join(', ')}) {\n  ${lines.join('\n  ')}\n  return ${results.join(', ')} : ${results.map(() => t).join(', ')}\n}\n`;
}

function mainText(p: Program, resultCount: number): string {
  const t = `i${p.width}`;
  const consts = Array.from({ length: p.args }, (_, i) => `%k${i} = arith.constant ${p.argValues[i]} : ${t}`);
  const ks = Array.from({ length: p.args }, (_, i) => `%k${i}`).join(', ');
  const types = Array.from({ length: resultCount }, () => t).join(', ');
  return `func.func @main() -> (${types}) {\n  ${consts.join('\n  ')}\n  %r:${resultCount} = func.call @f(${ks}) : (${Array.from({ length: p.args }, () => t).join(', ')}) -> (${types})\n  return ${Array.from({ length: resultCount }, (_, i) => `%r#${i}`).join(', ')} : ${types}\n}\n`;
}

/**
 * What `main` returns after mlir-opt inlines and folds it: the constant
 * values, in order (or main's whole text if something did not fold).
 */
function evaluate(module: string): string {
  const r = runMlirOpt(['--inline', '--canonicalize', '--symbol-dce', '-'], module);
  if (r.status !== 0) throw new Error(`mlir-opt failed: ${r.stderr}\n${module}`);
  const constants = new Map<string, string>();
  for (const m of r.stdout.matchAll(/(%[\w-]+) = arith\.constant (.*)$/gm)) constants.set(m[1], m[2]);
  const ret = /return (.*) :/.exec(r.stdout);
  const values = ret ? ret[1].split(', ').map((v) => constants.get(v)) : [];
  return values.length && values.every((v) => v !== undefined) ? values.join('; ') : r.stdout;
}

describe('canonicalize, cse and dce preserve meaning (mlir-opt-22 as evaluator)', () => {
  for (const pipeline of ['builtin.module(canonicalize)', 'builtin.module(cse,dce)', 'builtin.module(canonicalize{top-down=false},cse,canonicalize)']) {
    it(`${pipeline} on random integer programs`, () => {
      fc.assert(
        fc.property(program, (p) => {
          const f = functionText(p);
          const resultCount = Math.min(3, p.steps.length);
          const m = parse(createContext(), f, { fileName: 'f.mlir' }).module;
          const res = PassManager.parse(pipeline).run(m);
          expect(res.ok, res.diagnostics.map((d) => d.message).join('\n')).toBe(true);
          const g = print(m);
          const body = g.replace(/^module \{\n/, '').replace(/\}\n$/, '');
          const before = evaluate(f + mainText(p, resultCount));
          const after = evaluate(body + mainText(p, resultCount));
          expect(after).toBe(before);
        }),
        { numRuns: 40 },
      );
    });
  }
});
