import { describe, expect, it } from 'vitest';
import { passRegistry, dumpPipeline, pipelineFromArgs, type ResolvedElement } from '../../../src/passes/index.js';
import { PipelineError } from '../../../src/passes/source/index.js';
import { upstreamArbitraryNote } from '../support/notes.js';
import { mlirOptInvocations } from '../support/run-lines.js';
import { mlirOptToolOptions, runMlirOpt, upstreamPasses } from '../support/upstream-passes.js';

const invocations = mlirOptInvocations();
const passInvocations = invocations.filter((i) => i.args.some((a) => a.includes('pass-pipeline') || /^--?[a-z]/.test(a)));

function passNames(elements: readonly ResolvedElement[]): string[] {
  return elements.flatMap((e) => (e.kind === 'pass' ? [e.info.argument] : passNames(e.elements)));
}

describe('corpus RUN lines', () => {
  it('finds the corpus pipelines', () => {
    expect(invocations.length).toBeGreaterThan(50);
    expect(invocations.filter((i) => i.args.some((a) => a.includes('pass-pipeline='))).length).toBeGreaterThanOrEqual(10);
  });

  it('parses every RUN-line pipeline and pass flag as mlir-opt-22 does (same --dump-pass-pipeline)', () => {
    const up = upstreamPasses();
    const tool = mlirOptToolOptions();
    let compared = 0;
    let rejected = 0;
    for (const inv of passInvocations) {
      const args = inv.args.filter((a, i, all) => a !== '-o' && all[i - 1] !== '-o');
      let ours: ReturnType<typeof pipelineFromArgs>;
      try {
        ours = pipelineFromArgs(up.registry, args, 'builtin.module', tool);
      } catch (e) {
        // Passes that mlir-opt-22 itself does not have (the corpus is newer in places): it must reject them too.
        if (!(e instanceof PipelineError)) throw e;
        const r = runMlirOpt([...args, '-', '-o', '/dev/null'], 'module {}\n');
        expect(r.stderr).toContain(e.detail.startsWith('Unknown') ? 'Unknown command line argument' : 'does not refer to a registered pass');
        rejected++;
        continue;
      }
      if (!ours.pipeline) continue;
      if (!passNames(ours.pipeline.elements).every((n) => up.names.includes(n))) continue;
      const r = runMlirOpt(['--dump-pass-pipeline', ...args, '-', '-o', '/dev/null'], 'module {}\n');
      const start = r.stderr.indexOf('Pass Manager with');
      expect(start, `${inv.file}: ${r.stderr}`).toBeGreaterThanOrEqual(0);
      const theirs = r.stderr.slice(start, r.stderr.indexOf(')\n\n', start) + 3);
      expect([inv.file, dumpPipeline(ours.pipeline)]).toEqual([inv.file, theirs]);
      compared++;
    }
    upstreamArbitraryNote(`corpus: ${compared} of ${passInvocations.length} pass-running invocations compared with mlir-opt, ${rejected} rejected by both`);
    expect(compared).toBeGreaterThan(20);
  });

  it('with our own passes: accepts those naming only passes we have, else a located error at the unknown name', () => {
    const tool = mlirOptToolOptions();
    let accepted = 0;
    let located = 0;
    for (const inv of passInvocations) {
      try {
        pipelineFromArgs(passRegistry, inv.args, 'builtin.module', tool);
        accepted++;
      } catch (e) {
        if (!(e instanceof PipelineError)) throw e;
        const name = /^'([^']*)' does not refer to a registered pass/.exec(e.detail)?.[1] ?? /^Unknown command line argument '--?([^'=]*)/.exec(e.detail)?.[1];
        expect(name, `${inv.file}: ${e.format()}`).toBeDefined();
        expect(passRegistry.has(name!)).toBe(false);
        expect(e.source.slice(e.offset)).toMatch(e.detail.startsWith('Unknown') ? /^--?/ : new RegExp(`^${name!.replace(/[.]/g, '\\.')}`));
        expect(e.format()).toMatch(/\n *\^$/m);
        located++;
      }
    }
    upstreamArbitraryNote(`corpus with numaccl passes: ${accepted} accepted, ${located} located errors`);
    expect(accepted + located).toBe(passInvocations.length);
  });
});
