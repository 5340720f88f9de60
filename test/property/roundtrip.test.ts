import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { print, verify, type PrintOptions } from '../../src/ir/index.js';
import { moduleArbitrary } from '../../src/testing/index.js';
import { GapCounter } from './known-gaps.js';
import { describeError, freshContext, reprint, runs } from './support.js';

const MODES: readonly [string, PrintOptions][] = [
  ['custom', {}],
  ['generic', { generic: true }],
  ['custom + debuginfo', { debugInfo: true }],
  ['generic + debuginfo', { generic: true, debugInfo: true }],
];

const gaps = new GapCounter();
afterAll(() => console.log(gaps.report('round trip')));

/** print → parse → print gives the same text; failures on known core gaps are excused and counted. */
function fixedPoint(first: string, options: PrintOptions): boolean {
  let second: string;
  try {
    second = reprint(freshContext(), first, options);
  } catch (e) {
    if (gaps.excuse(first)) return true;
    throw new Error(`our own output does not parse:\n${describeError(e)}\n--- text ---\n${first}`);
  }
  if (second !== first && gaps.excuse(first)) return true;
  expect(second).toBe(first);
  return true;
}

describe('random modules: print → parse → print is a fixed point', () => {
  for (const [mode, options] of MODES) {
    it(mode, () => {
      const ctx = freshContext();
      fc.assert(
        fc.property(moduleArbitrary(ctx), (module) => fixedPoint(print(module, options), options)),
        { numRuns: runs(300) },
      );
    });
  }

  it('generated modules pass numaccl’s verifier', () => {
    const ctx = freshContext();
    fc.assert(
      fc.property(moduleArbitrary(ctx), (module) => {
        const errors = verify(module).filter((d) => d.severity === 'error');
        expect(errors.map((d) => d.message)).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });

  it('unregistered-only modules with deep regions round-trip too', () => {
    const ctx = freshContext();
    fc.assert(
      fc.property(moduleArbitrary(ctx, { registeredOps: false, maxRegionDepth: 5, maxOpsPerBlock: 2, locations: false }), (module) =>
        fixedPoint(print(module, { generic: true }), { generic: true }),
      ),
      { numRuns: runs(200) },
    );
  });
});
