/** `canonicalize`: folding and canonicalization patterns to a fixpoint, with MLIR's options. */
import { boolOption, enumOption, intOption, listOption, stringOption } from '../options/index.js';
import { definePass } from '../registry/index.js';
import { applyPatternsGreedily } from '../rewrite/index.js';
import { canonicalizationPatterns } from './canonicalization-patterns.js';

export const canonicalizePass = definePass({
  argument: 'canonicalize',
  summary: 'Canonicalize operations',
  description:
    'Applies the folders and canonicalization patterns of every op to a fixpoint, ' +
    'removes trivially dead ops, and uniques and hoists constants.',
  displayName: 'Canonicalizer',
  options: {
    'disable-patterns': listOption(stringOption('Labels of patterns that should be filtered out during application')),
    'enable-patterns': listOption(stringOption('Labels of patterns that should be used during application, all other patterns are filtered out')),
    'max-iterations': intOption('Max. iterations between applying patterns / simplifying regions', 10),
    'max-num-rewrites': intOption('Max. number of pattern rewrites within an iteration', -1),
    'region-simplify': enumOption(
      'Perform control flow optimizations to the region tree',
      {
        disabled: "Don't run any control-flow simplification.",
        normal: 'Perform simple control-flow simplifications (e.g. dead args elimination).',
        aggressive: 'Perform aggressive control-flow simplification (e.g. block merging).',
      },
      'normal',
    ),
    'test-convergence': boolOption('Test only: Fail pass on non-convergence to detect cyclic pattern'),
    'top-down': boolOption('Seed the worklist in general top-down order', true),
  },
  create: (o) => ({
    run(op, ctx) {
      const patterns = canonicalizationPatterns(op).filtered(o['enable-patterns'], o['disable-patterns']);
      const result = applyPatternsGreedily(op.regions, patterns, {
        maxIterations: o['max-iterations'],
        maxNumRewrites: o['max-num-rewrites'],
        topDown: o['top-down'],
        regionSimplify: o['region-simplify'],
      });
      if (o['test-convergence'] && !result.converged) ctx.emitError(op, `Canonicalizer failed to converge within ${o['max-iterations']} iterations`);
    },
  }),
});
