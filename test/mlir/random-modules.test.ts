/** Property: on random (often invalid) modules both backends say exactly the same. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MlirEngine } from '../../src/mlir/index.js';
import { bothAvailable, bothEngines, describeDifference, normalizeProcess } from './engines.js';
import { fragmentSoupArb, randomModuleArb } from './random-modules.js';

describe.skipIf(!bothAvailable)('random modules: native vs process', () => {
  let native: MlirEngine;
  let proc: MlirEngine;
  beforeAll(() => ({ native, proc } = bothEngines()));
  afterAll(() => {
    native?.dispose();
    proc?.dispose();
  });

  // Each run checks a whole array, so the process backend needs one mlir-opt run per run.
  test('same verdict, printed output and diagnostics (hundreds of modules)', () => {
    let seen = 0;
    let valid = 0;
    fc.assert(
      fc.property(
        fc.array(randomModuleArb, { minLength: 40, maxLength: 60 }),
        fc.boolean(),
        fc.constantFrom('', 'canonicalize', 'cse', 'func.func(canonicalize),symbol-dce'),
        (texts, allowUnregistered, pipeline) => {
          const options = { allowUnregistered, filename: 'random.mlir' };
          const p = proc.runMany(texts, pipeline, options).map(normalizeProcess);
          texts.forEach((t, i) => {
            const n = native.run(t, pipeline, options);
            expect(n, describeDifference(t, n, p[i])).toEqual(p[i]);
            if (n.ok) valid++;
          });
          seen += texts.length;
        },
      ),
      { numRuns: 10 },
    );
    // The generator must produce both kinds, or the property says little.
    expect(valid).toBeGreaterThan(seen / 10);
    expect(seen - valid).toBeGreaterThan(seen / 10);
  });

  test('fragment soup (lexer and parser error paths) gets the same diagnostics, batched', () => {
    fc.assert(
      fc.property(fc.array(fragmentSoupArb, { minLength: 30, maxLength: 30 }), (texts) => {
        const p = proc.verifyMany(texts, { allowUnregistered: true }).map(normalizeProcess);
        texts.forEach((t, i) => {
          const n = native.verify(t, { allowUnregistered: true });
          expect(n, describeDifference(JSON.stringify(t), { ...n, output: '' }, { ...p[i], output: '' })).toEqual(p[i]);
        });
      }),
      { numRuns: 10 },
    );
  });

  test('verify agrees one input at a time too (no batching)', () => {
    fc.assert(
      fc.property(randomModuleArb, (text) => {
        expect(native.verify(text, { allowUnregistered: true })).toEqual(normalizeProcess(proc.verify(text, { allowUnregistered: true })));
      }),
      { numRuns: 25 },
    );
  });
});
