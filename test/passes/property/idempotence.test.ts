import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/dialects/index.js';
import { parse, print } from '../../../src/ir/index.js';
import { PassManager } from '../../../src/passes/index.js';
import { arbSpmdProgram } from '../../../src/testing/spmd/index.js';

/**
 * Running a generic pass twice changes nothing the first run did not (a
 * fixpoint is a fixpoint). Not `cse`: like MLIR's, it only drops ops that are
 * dead when visited, so a constant whose last user dies later in the same run
 * goes on the next run.
 */
describe('generic passes are idempotent (property)', () => {
  for (const pass of ['canonicalize', 'dce', 'symbol-dce', 'cse,dce']) {
    it(pass, () => {
      const cases = fc.constantFrom(1, 2, 4).chain((R) => arbSpmdProgram({ worldSize: R, maxSteps: 6 }));
      fc.assert(
        fc.property(cases, (text) => {
          const m = parse(createContext(), text, { fileName: 'p.mlir' }).module;
          const pm = PassManager.parse(`builtin.module(${pass})`);
          expect(pm.run(m).ok).toBe(true);
          const once = print(m);
          expect(pm.run(m).ok).toBe(true);
          expect(print(m)).toBe(once);
        }),
        { numRuns: 150 },
      );
    });
  }
});
