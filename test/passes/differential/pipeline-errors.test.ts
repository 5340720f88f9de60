import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { formatPipeline, parsePipeline, pipelineFromPlain } from '../../../src/passes/pipeline/index.js';
import { resolvePipeline } from '../../../src/passes/registry/index.js';
import { PipelineError } from '../../../src/passes/source/index.js';
import { upstreamArbitraryNote } from '../support/notes.js';
import { upstreamPipeline } from '../support/upstream-arbitrary.js';
import { runMlirOpt, upstreamPasses } from '../support/upstream-passes.js';

// Hundreds of mlir-opt-22 processes on a shared 2-core machine: allow for load.
vi.setConfig({ testTimeout: 600_000 });

/** Insert, delete or replace characters that matter to the grammar, or misspell a pass. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), ch: fc.constantFrom('(', ')', '{', '}', ',', ' ', '=', 'x') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('misspell' as const), at: fc.nat() }),
);

function mutate(text: string, m: { kind: string; at: number; ch?: string }): string {
  const at = text.length ? m.at % text.length : 0;
  if (m.kind === 'insert') return text.slice(0, at) + m.ch + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
  // Misspell: double the letter at a position inside a name.
  return /[a-z]/.test(text[at] ?? '') ? text.slice(0, at + 1) + text[at] + 'q' + text.slice(at + 1) : text;
}

describe('pipeline errors agree with mlir-opt-22 (differential)', () => {
  it('accepts exactly what mlir-opt accepts and reports the same error at the same column', () => {
    const up = upstreamPasses();
    const tally = { bothOk: 0, located: 0, options: 0, nesting: 0, other: 0 };
    fc.assert(
      fc.property(upstreamPipeline(up.registry, up.names), fc.array(mutation, { minLength: 1, maxLength: 2 }), (p, ms) => {
        let text = formatPipeline(pipelineFromPlain(p));
        for (const m of ms) text = mutate(text, m);
        const r = runMlirOpt(['--dump-pass-pipeline', `--pass-pipeline=${text}`, '/dev/null', '-o', '/dev/null']);
        const mlirOk = r.stderr.includes('Pass Manager with');
        let ours: PipelineError | undefined;
        try {
          resolvePipeline(up.registry, parsePipeline(text));
        } catch (e) {
          if (!(e instanceof PipelineError)) throw e;
          ours = e;
        }
        const located = /MLIR Textual PassPipeline Parser:1:(\d+): error: (.*)/.exec(r.stderr);
        const nesting = /Can't add pass '.*' (restricted to '.*' on a PassManager intended to run on '.*', did you intend to nest\?)/.exec(r.stderr);
        const optionError = /no such option (\S+)|for the (--\S+ option: .*)/.exec(r.stderr);
        // A pipeline-valued option (composite-fixed-point-pass{pipeline=...}) is parsed by the pass
        // itself; mlir-opt reports its errors as a failed composite pipeline, which a stub cannot know.
        const nestedOptionPipeline = r.stderr.includes('Failed to parse composite pass pipeline');
        if (nestedOptionPipeline && !mlirOk) {
          tally.other++;
        } else if (mlirOk) {
          expect(ours?.format()).toBeUndefined();
          tally.bothOk++;
        } else if (located) {
          expect(ours).toBeDefined();
          const trimmed = text.trimStart();
          const innerStart = text.length - trimmed.length + trimmed.indexOf('(') + 1;
          expect([ours?.detail, ours?.column]).toEqual([located[2], Number(located[1]) + innerStart]);
          tally.located++;
        } else if (r.stderr.includes('expected pass pipeline to be wrapped')) {
          expect(ours?.detail).toMatch(/^expected pass pipeline to be wrapped/);
          tally.located++;
        } else if (nesting && !(optionError && optionError.index < nesting.index)) {
          // mlir-opt names the pass by its C++ class; we name it by its argument.
          expect(ours?.detail).toMatch(/^Can't add pass '[^']+' /);
          expect(ours?.detail.replace(/^Can't add pass '[^']+' /, '')).toBe(nesting[1]);
          tally.nesting++;
        } else if (optionError) {
          expect(ours?.detail).toBe(optionError[1] ? `no such option ${optionError[1]}` : `for the ${optionError[2]}`);
          tally.options++;
        } else {
          // Pass-specific option validation that a stub cannot know about.
          tally.other++;
        }
      }),
      { numRuns: 150 },
    );
    upstreamArbitraryNote(`error differential: ${JSON.stringify(tally)}`);
    expect(tally.located + tally.options).toBeGreaterThan(60);
  });
});
