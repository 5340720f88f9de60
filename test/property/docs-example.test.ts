// The example of docs/testing.md, kept runnable: property-testing a user pass
// (here: one that drops every discardable attribute) on random modules.
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { createContext, parse, printType, verify, type Operation } from '../../src/index.js';
import { moduleArbitrary, typeArbitraries } from '../../src/testing/index.js';

/** The pass under test: remove all discardable attributes. */
function stripAttributes(module: Operation): void {
  module.walk((op) => {
    for (const { name } of op.attributes.entries) op.removeAttr(name);
  });
}

it('docs example: the pass keeps modules valid and changes only attributes', () => {
  // Verbatim from docs/testing.md.
  const ctx = createContext({ allowUnregistered: true });
  fc.assert(
    fc.property(moduleArbitrary(ctx, { maxRegionDepth: 2 }), (module) => {
      stripAttributes(module);
      // Still valid, and nothing discardable left.
      if (verify(module).some((d) => d.severity === 'error')) return false;
      let clean = true;
      module.walk((op) => void (clean &&= op.attributes.entries.length === 0));
      return clean;
    }),
    { numRuns: 200 },
  );
});

it('docs example: the pass keeps the op count', () => {
  const ctx = createContext({ allowUnregistered: true });
  fc.assert(
    fc.property(moduleArbitrary(ctx, { maxRegionDepth: 2 }), (module) => {
      const before = countOps(module);
      stripAttributes(module);
      expect(countOps(module)).toBe(before);
    }),
    { numRuns: 100 },
  );
});

it('docs example: random types parse back to the same uniqued object', () => {
  const ctx = createContext({ allowUnregistered: true });
  const { any } = typeArbitraries(ctx, { zeroSizedDims: false });
  fc.assert(
    fc.property(any, (type) => {
      const op = parse(ctx, `"test.op"() : () -> (${printType(type)})`).module.regions[0].blocks[0].firstOp!;
      expect(op.result(0).type).toBe(type); // equal types are the same object
    }),
    { numRuns: 300 },
  );
});

function countOps(module: Operation): number {
  let n = 0;
  module.walk(() => void n++);
  return n;
}
