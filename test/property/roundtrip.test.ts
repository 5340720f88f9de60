import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, print, printAttribute, printType, verify, type PrintOptions } from '../../src/ir/index.js';
import { attributeArbitraries, moduleArbitrary } from '../../src/testing/index.js';
import { GapCounter } from './known-gaps.js';
import { describeError, freshContext, reprint, runs } from './support.js';

const MODES: readonly [string, PrintOptions][] = [
  ['custom', {}],
  ['generic', { generic: true }],
  ['custom + debuginfo', { debugInfo: true }],
  ['generic + debuginfo', { generic: true, debugInfo: true }],
];

const gaps = new GapCounter('roundtrip');
const identityGaps = new GapCounter('identity');
afterAll(() => {
  console.log(gaps.report('round trip'));
  console.log(identityGaps.report('parse(print(x)) === x'));
});

/** print → parse → print gives the same text; failures on known core gaps are excused and counted. */
function fixedPoint(first: string, options: PrintOptions): boolean {
  let second: string;
  try {
    second = reprint(freshContext(), first, options);
  } catch (e) {
    if (gaps.excuse(first, describeError(e))) return true;
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
        // Zero-sized dims hit a known lexer gap in ~40% of modules; they get their own test below.
        fc.property(moduleArbitrary(ctx, { zeroSizedDims: false }), (module) => fixedPoint(print(module, options), options)),
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

  it('modules with zero-sized dimensions round-trip (known lexer gap excused)', () => {
    const ctx = freshContext();
    fc.assert(
      fc.property(moduleArbitrary(ctx, { maxRegionDepth: 1 }), (module) => fixedPoint(print(module, {}), {})),
      { numRuns: runs(200) },
    );
  });

  it('unregistered-only modules with deep regions round-trip too', () => {
    const ctx = freshContext();
    fc.assert(
      fc.property(moduleArbitrary(ctx, { registeredOps: false, maxRegionDepth: 5, maxOpsPerBlock: 2, locations: false, zeroSizedDims: false }), (module) =>
        fixedPoint(print(module, { generic: true }), { generic: true }),
      ),
      { numRuns: runs(200) },
    );
  });
});

describe('random types and attributes parse back to the same uniqued object', () => {
  it('types', () => {
    const ctx = freshContext();
    fc.assert(
      fc.property(attributeArbitraries(ctx).types.any, (type) => {
        const text = `"test.op"() : () -> (${printType(type)})`;
        let back;
        try {
          back = parse(ctx, text).module.regions[0].blocks[0].firstOp!.result(0).type;
        } catch (e) {
          if (identityGaps.excuse(text)) return;
          throw e;
        }
        if (back !== type && identityGaps.excuse(text)) return;
        expect(back).toBe(type);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('attributes', () => {
    const ctx = freshContext();
    fc.assert(
      fc.property(attributeArbitraries(ctx).any, (attr) => {
        const text = `"test.op"() {a = ${printAttribute(attr)}} : () -> ()`;
        let back;
        try {
          back = parse(ctx, text).module.regions[0].blocks[0].firstOp!.getAttr('a');
        } catch (e) {
          if (identityGaps.excuse(text)) return;
          throw e;
        }
        if (back !== attr && identityGaps.excuse(text)) return;
        expect(back).toBe(attr);
      }),
      { numRuns: runs(1000) },
    );
  });
});
