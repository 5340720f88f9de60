import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPipeline, parsePipeline, pipelineFromPlain, plainPipeline, type PlainElement, type PlainEntry, type PlainPipeline } from '../../../src/passes/pipeline/index.js';

const name = fc.stringMatching(/^[a-z][a-z0-9._-]{0,12}$/);
const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);

/** Values as the option splitter can return them: trimmed, braces balanced, not both quote kinds. */
const value = fc
  .array(fc.constantFrom(...'ab09 ,=.-_:()[]/'.split(''), '{x}', '{a b}', '{k=v,w}', "'q'", '"r s"'), { maxLength: 8 })
  .map((parts) => parts.join('').trim())
  .filter((v) => !(v.includes('"') && v.includes("'")));

const entry: fc.Arbitrary<PlainEntry> = fc.oneof(
  key.map((k) => ({ key: k })),
  fc.record({ key, value }),
);

const pass: fc.Arbitrary<PlainElement> = fc.record(
  { kind: fc.constant('pass' as const), name, options: fc.array(entry, { maxLength: 4 }) },
  { requiredKeys: ['kind', 'name'] },
);

const element: fc.Arbitrary<PlainElement> = fc.letrec<{ el: PlainElement }>((tie) => ({
  el: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    pass,
    fc.record({
      kind: fc.constant('nest' as const),
      anchor: fc.oneof(name, fc.constant('any'), fc.constant('')),
      elements: fc.array(tie('el'), { minLength: 1, maxLength: 3 }),
    }),
  ),
})).el;

const pipeline: fc.Arbitrary<PlainPipeline> = fc.record({
  anchor: fc.oneof(fc.constant('builtin.module'), fc.constant('func.func'), fc.constant('any'), name),
  elements: fc.array(element, { maxLength: 4 }),
});

describe('pipeline text round trip (property)', () => {
  it('random pipeline trees print and re-parse to the same tree', () => {
    fc.assert(
      fc.property(pipeline, (p) => {
        const text = formatPipeline(pipelineFromPlain(p));
        expect(plainPipeline(parsePipeline(text))).toEqual(p);
      }),
      { numRuns: 500 },
    );
  });
});
