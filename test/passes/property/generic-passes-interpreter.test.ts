import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/dialects/index.js';
import { compareResults, interpret } from '../../../src/interp/index.js';
import { parse, verify } from '../../../src/ir/index.js';
import { PassManager } from '../../../src/passes/index.js';
import { arbSpmdProgram } from '../../../src/testing/spmd/index.js';

/**
 * canonicalize, cse, dce and symbol-dce on random SPMD programs (TOSA compute
 * and every ccl collective, singleton groups included): the reference
 * interpreter computes the same results on every rank before and after, and
 * the output verifies.
 */
const PIPELINES = ['builtin.module(canonicalize)', 'builtin.module(cse,dce)', 'builtin.module(canonicalize,cse,symbol-dce,canonicalize{top-down=false})'];

describe('generic passes preserve SPMD program meaning (interpreter)', () => {
  it('on random programs, world sizes and pipelines', () => {
    const cases = fc.constantFrom(1, 2, 4, 6).chain((R) => fc.tuple(fc.constant(R), arbSpmdProgram({ worldSize: R, maxSteps: 6 }), fc.constantFrom(...PIPELINES), fc.nat(1000)));
    fc.assert(
      fc.property(cases, ([, text, pipeline, seed]) => {
        const before = interpret(parse(createContext(), text, { fileName: 'p.mlir' }).module, { seed });
        const m = parse(createContext(), text, { fileName: 'p.mlir' }).module;
        const res = PassManager.parse(pipeline).run(m);
        expect(res.ok, res.diagnostics.map((d) => d.message).join('\n')).toBe(true);
        expect(verify(m)).toEqual([]);
        const after = interpret(m, { seed });
        const cmp = compareResults(before, after);
        expect(cmp.equal, cmp.difference).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
