/**
 * Random modules against the real mlir-opt-22. For each module M and print
 * mode: mlir-opt accepts print(M); and for its output C, mlir-opt prints the
 * same for our reprint of C (parse + print) as for C itself (MLIR is not
 * always idempotent on its own output, e.g. affine expressions simplify
 * further, so C is compared after one more mlir-opt pass too). Each step of a
 * mode is one batched --split-input-file run (cached on disk).
 *
 * The debuginfo modes pass --mlir-print-local-scope: without it mlir-opt
 * prints location aliases after their uses (`loc(#loc1)` … `#loc1 = loc(..)`),
 * which numaccl's parser does not read yet (reported; see known-gaps.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { print, type PrintOptions } from '../../src/ir/index.js';
import { moduleArbitrary } from '../../src/testing/index.js';
import { hasMlirOpt, MLIR_OPT_MISSING, runMlirOpt } from '../support/mlir-opt.js';
import { GapCounter } from './known-gaps.js';
import { describeError, firstDiff, freshContext, reprint, runs } from './support.js';

const MODES: readonly [string, PrintOptions, string[]][] = [
  ['custom', {}, []],
  ['generic', { generic: true }, ['--mlir-print-op-generic']],
  ['custom + debuginfo', { debugInfo: true }, ['--mlir-print-debuginfo', '--mlir-print-local-scope']],
  ['generic + debuginfo', { generic: true, debugInfo: true }, ['--mlir-print-op-generic', '--mlir-print-debuginfo', '--mlir-print-local-scope']],
];

const gaps = new GapCounter('mlir-opt');
const figures: string[] = [];
afterAll(() => {
  for (const f of figures) console.log(f);
  console.log(gaps.report('mlir-opt round trip'));
});

if (!hasMlirOpt()) console.warn(MLIR_OPT_MISSING);

interface Verdict {
  /** What went wrong, or undefined. */
  readonly problem?: string;
  /** The texts a known gap may be recognised in. */
  readonly texts: readonly string[];
  readonly mlirNotIdempotent: boolean;
}

/** Check many printed modules with three batched mlir-opt runs. */
async function check(texts: readonly string[], args: readonly string[], options: PrintOptions): Promise<Verdict[]> {
  const theirs = await runMlirOpt(texts, { args });
  const ours = texts.map((t, i) => {
    if (!theirs[i].ok) return '';
    try {
      return reprint(freshContext(), theirs[i].output, options);
    } catch (e) {
      return `!! ${describeError(e)}`;
    }
  });
  const again = await runMlirOpt(ours.map((t) => (t.startsWith('!!') ? '' : t)), { args });
  const canonical = await runMlirOpt(theirs.map((r) => r.output), { args });
  return texts.map((text, i) => ({
    texts: [text, theirs[i].output, ours[i]],
    // Should mlir-opt fail to read its own output back, the case says
    // nothing about numaccl.
    mlirNotIdempotent: theirs[i].ok && !canonical[i].ok,
    problem: theirs[i].ok && !canonical[i].ok
      ? undefined
      : !theirs[i].ok
      ? `mlir-opt rejects our output:\n${theirs[i].diagnostics.map((d) => `${d.position?.line}:${d.position?.col}: ${d.message}`).join('\n')}`
      : ours[i].startsWith('!!')
        ? `we cannot parse mlir-opt's output:\n${ours[i]}\n--- mlir-opt output ---\n${theirs[i].output}`
        : again[i].output !== canonical[i].output
          ? `mlir-opt prints our reprint of its output differently (- its print of its output, + its print of our reprint):\n${firstDiff(canonical[i].output, again[i].output || again[i].diagnostics.map((d) => d.message).join('\n'))}\n--- our reprint ---\n${firstDiff(theirs[i].output, ours[i])}`
          : undefined,
  }));
}

describe.skipIf(!hasMlirOpt())('random modules through mlir-opt-22', () => {
  for (const [mode, options, flags] of MODES) {
    it(mode, { timeout: 600_000 }, async () => {
      const args = ['--allow-unregistered-dialect', ...flags];
      const seed = Number(process.env.NUMACCL_PROPERTY_SEED ?? Date.now() % 2 ** 31);
      const numRuns = runs(250);
      // Zero-sized dims are left out here: a core lexer bug (known-gaps.ts,
      // zero-dim-hex-lexing) would excuse a third of the cases. The plain
      // round-trip test still covers them.
      const arb = moduleArbitrary(freshContext(), { zeroSizedDims: false });
      const texts = fc.sample(arb, { numRuns, seed }).map((m) => print(m, options));
      const started = Date.now();
      const verdicts = await check(texts, args, options);
      figures.push(`mlir-opt round trip [${mode}]: ${numRuns} modules (seed ${seed}), 3 batched mlir-opt runs in ${Date.now() - started} ms`);

      const unexplained = verdicts.filter((v) => v.problem !== undefined && !gaps.excuse(...v.texts));
      const excused = verdicts.filter((v) => v.problem !== undefined).length - unexplained.length;
      const skipped = verdicts.filter((v) => v.mlirNotIdempotent).length;
      figures.push(`  [${mode}] fully checked ${numRuns - excused - skipped}/${numRuns}, excused by known gaps ${excused}, mlir-opt rejects its own output ${skipped}`);
      if (unexplained.length > 0) {
        // Replay the same seed as a property (the batch results are cached) so
        // fast-check shrinks the failure to a small module.
        await fc.assert(
          fc.asyncProperty(arb, async (m) => {
            const [v] = await check([print(m, options)], args, options);
            if (v.problem !== undefined && !gaps.find(...v.texts)) throw new Error(v.problem);
          }),
          { seed, numRuns },
        );
        expect.fail(`${unexplained.length} failures (seed ${seed}) did not reproduce one by one; first:\n${unexplained[0].problem}\n--- input ---\n${unexplained[0].texts[0]}`);
      }
      // Most cases must be checked in full, or the property says little.
      expect(excused).toBeLessThan(numRuns / 2);
    });
  }
});
