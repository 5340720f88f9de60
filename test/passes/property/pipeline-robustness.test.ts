import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePipeline, PipelineError, pipelineFromArgs, resolvePipeline } from '../../../src/passes/index.js';
import { passRegistry } from '../../../src/passes/index.js';

/** Strings over the grammar's own characters, so most inputs get deep into the parser. */
const noisy = fc
  .array(fc.constantFrom('builtin.module', 'func.func', 'any', 'canonicalize', 'cse', '(', ')', '{', '}', ',', ' ', '=', '"', "'", 'max-iterations', '3', 'x', '\t', '\n'), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

describe('pipeline parsing never crashes (property)', () => {
  it('random and mutated pipeline strings either resolve or give a located PipelineError', () => {
    fc.assert(
      fc.property(fc.oneof(noisy, fc.string({ maxLength: 40 })), (text) => {
        try {
          resolvePipeline(passRegistry, parsePipeline(text));
        } catch (e) {
          expect(e).toBeInstanceOf(PipelineError);
          const err = e as PipelineError;
          expect(err.offset).toBeGreaterThanOrEqual(0);
          expect(err.offset).toBeLessThanOrEqual(text.length);
          expect(err.format()).toMatch(/^MLIR Textual PassPipeline Parser:\d+:\d+: error: /);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('random command lines either select passes or give a located PipelineError', () => {
    const arg = fc.oneof(
      noisy.map((s) => `--pass-pipeline=${s}`),
      fc.constantFrom('--canonicalize', '--cse', '-p', '--canonicalize=max-iterations=2', '--cse=x', '--dce', 'in.mlir'),
      noisy.map((s) => `--canonicalize=${s}`),
    );
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 4 }), (argv) => {
        try {
          pipelineFromArgs(passRegistry, argv);
        } catch (e) {
          expect(e).toBeInstanceOf(PipelineError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
