// Properties of the TOSA program arbitraries in numaccl/testing: what they
// generate covers what issue 3 asks for, well-typed programs verify, and
// mutations stay parsable so that the verifier (not the parser) decides.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createContext } from '../../src/dialects/index.js';
import { parse, verify } from '../../src/ir/index.js';
import {
  TOSA_MUTATION_KINDS,
  tosaOpKinds,
  printTosaProgram,
  tosaMutatedProgramArbitrary,
  tosaProgramArbitrary,
  tosaValueType,
  type TosaProgram,
} from '../../src/testing/tosa/index.js';

const shapeOf = (p: TosaProgram, i: number, k: number) => {
  const t = tosaValueType(p, p.ops[i]!.operands[k]!);
  return t.kind === 'tensor' ? t.shape : null;
};

/** Longest chain of non-constant ops, each consuming the previous one's result. */
function depth(p: TosaProgram): number {
  const d: number[] = [];
  p.ops.forEach((op, i) => {
    const isConst = op.name === 'tosa.const' || op.name === 'tosa.const_shape';
    d[i] = isConst ? 0 : 1 + Math.max(0, ...op.operands.map((v) => ('op' in v ? d[v.op]! : 0)));
  });
  return Math.max(0, ...d);
}

describe('TOSA program arbitraries', () => {
  test('cover the op kinds, broadcasting and dynamic dims issue 3 asks for', () => {
    const programs = fc.sample(tosaProgramArbitrary(), { numRuns: 500, seed: 3 });
    const kinds = new Set(programs.flatMap(tosaOpKinds));
    expect(kinds.size).toBeGreaterThanOrEqual(30);
    for (const k of ['reshape', 'transpose', 'matmul', 'reduce_sum', 'reduce_max', 'concat', 'slice', 'pad', 'conv2d', 'cast', 'const', 'const_shape', 'tile', 'gather', 'select']) {
      expect(kinds, k).toContain(`tosa.${k}`);
    }
    // Broadcasting: a binary elementwise op whose operands have different static shapes.
    const broadcasts = programs.some((p) =>
      p.ops.some((op, i) => ['tosa.add', 'tosa.sub', 'tosa.mul'].includes(op.name) && JSON.stringify(shapeOf(p, i, 0)) !== JSON.stringify(shapeOf(p, i, 1))));
    expect(broadcasts).toBe(true);
    expect(programs.some((p) => printTosaProgram(p).includes('?'))).toBe(true);
    // Chains: some op consumes another op's (non-constant) result.
    const chained = programs.filter((p) => p.ops.some((op) => op.operands.some((v) => 'op' in v && !p.ops[v.op]!.name.startsWith('tosa.const')))).length;
    expect(chained).toBeGreaterThan(programs.length / 3);
    const depths = programs.map(depth);
    console.log(`[tosa program arbitraries] ${kinds.size} op kinds, ${chained}/${programs.length} programs chain ops, longest chain ${Math.max(...depths)}, mean ${(depths.reduce((a, b) => a + b, 0) / depths.length).toFixed(2)}`);
    expect(depths.filter((d) => d >= 4).length).toBeGreaterThan(programs.length / 10);
  });

  test('well-typed programs pass numaccl verification', () => {
    fc.assert(
      fc.property(tosaProgramArbitrary(), (p) => {
        const { module } = parse(createContext(), printTosaProgram(p));
        expect(verify(module).map((d) => d.message)).toEqual([]);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  test('mutations of every kind occur and still parse', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(tosaMutatedProgramArbitrary(), ({ program, mutation }) => {
        seen.add(mutation.kind);
        expect(mutation.op).toBeLessThan(program.ops.length);
        // Parsing must succeed: an ill-typed program, never a malformed one.
        expect(() => parse(createContext(), printTosaProgram(program))).not.toThrow();
      }),
      { numRuns: 400, seed: 9 },
    );
    expect([...seen].sort()).toEqual([...TOSA_MUTATION_KINDS].sort());
  });
});
