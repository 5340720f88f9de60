import { it } from 'vitest';
import fc from 'fast-check';
import { print } from '../../src/ir/index.js';
import { moduleArbitrary } from '../../src/testing/index.js';
import { freshContext, reprint, describeError, firstDiff } from './support.js';
import { runMlirOpt } from '../support/mlir-opt.js';

it('scratch', async () => {
  const ctx = freshContext();
  const args = ['--allow-unregistered-dialect'];
  const texts = fc.sample(moduleArbitrary(ctx, { zeroSizedDims: false }), { numRuns: 250, seed: 15761750 }).map((m) => print(m, {}));
  const theirs = await runMlirOpt(texts, { args });
  const ours = theirs.map((r) => { try { return reprint(freshContext(), r.output, {}); } catch (e) { return '!! ' + describeError(e); } });
  const again = await runMlirOpt(ours.map((t) => (t.startsWith('!!') ? '' : t)), { args });
  const canon = await runMlirOpt(theirs.map((r) => r.output), { args });
  const { writeFileSync } = await import('node:fs');
  for (let i = 0; i < texts.length; i++) {
    if (theirs[i].ok && !ours[i].startsWith('!!') && again[i].output.includes('%cst_0 = arith.constant 0.000000e+00 : f8E5M2')) {
      writeFileSync('/tmp/probe/cst-in.mlir', texts[i]); writeFileSync('/tmp/probe/cst-c.mlir', canon[i].output); writeFileSync('/tmp/probe/cst-r.mlir', again[i].output); writeFileSync('/tmp/probe/cst-ours.mlir', ours[i]); writeFileSync('/tmp/probe/cst-theirs.mlir', theirs[i].output);
    }
  }
}, 600000);
