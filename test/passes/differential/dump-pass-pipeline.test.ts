import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { formatPipeline, parsePipeline, pipelineFromPlain } from '../../../src/passes/pipeline/index.js';
import { dumpPipeline, resolvePipeline } from '../../../src/passes/registry/index.js';
import { upstreamArbitraryNote } from '../support/notes.js';
import { upstreamPipeline } from '../support/upstream-arbitrary.js';
import { runMlirOpt, upstreamPasses } from '../support/upstream-passes.js';

// Hundreds of mlir-opt-22 processes on a shared 2-core machine: allow for load.
vi.setConfig({ testTimeout: 600_000 });

/** mlir-opt's dump (it goes to stderr before the run), or undefined if it never got that far. */
function mlirDump(text: string): string | undefined {
  const r = runMlirOpt(['--dump-pass-pipeline', `--pass-pipeline=${text}`, '/dev/null', '-o', '/dev/null']);
  const start = r.stderr.indexOf('Pass Manager with');
  if (start < 0) return undefined;
  const end = r.stderr.indexOf(')\n\n', start);
  return r.stderr.slice(start, end + 3);
}

describe('--dump-pass-pipeline agrees with mlir-opt-22 (differential)', () => {
  it('on random pipelines over upstream pass descriptors', () => {
    const up = upstreamPasses();
    let compared = 0;
    let skipped = 0;
    fc.assert(
      fc.property(upstreamPipeline(up.registry, up.names), (p) => {
        const text = formatPipeline(pipelineFromPlain(p));
        const theirs = mlirDump(text);
        if (theirs === undefined) {
          skipped++;
          return;
        }
        compared++;
        expect(dumpPipeline(resolvePipeline(up.registry, parsePipeline(text)))).toBe(theirs);
      }),
      { numRuns: 120 },
    );
    upstreamArbitraryNote(`dump differential: ${compared} compared, ${skipped} rejected by mlir-opt`);
    expect(compared).toBeGreaterThan(100);
  });
});
