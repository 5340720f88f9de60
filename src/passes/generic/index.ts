// The generic passes (canonicalize, cse, dce, symbol-dce, print-op-stats),
// registered in the shared registry when this module is imported, and the
// arith folders the canonicalizer uses.
import { passRegistry, type PassRegistry } from '../registry/index.js';
import { registerArithFolds } from './arith-folds.js';
import { registerMoreArithFolds } from './arith-more-folds.js';
import { registerTosaFolds } from './tosa-folds.js';
import { cclPatterns, registerCclFolds } from './ccl-folds.js';
import { arithPatterns } from './arith-patterns.js';
import { tosaPatterns } from './tosa-patterns.js';
import { registerCanonicalizationPatterns } from './canonicalization-patterns.js';
import { canonicalizePass } from './canonicalize.js';
import { csePass } from './cse.js';
import { dcePass } from './dce.js';
import { printOpStatsPass } from './print-op-stats.js';
import { symbolDcePass } from './symbol-dce.js';
import { verifyPass } from './verify-pass.js';

export { canonicalizePass, csePass, dcePass, printOpStatsPass, symbolDcePass, verifyPass };
export { canonicalizationPatterns, registerCanonicalizationPatterns } from './canonicalization-patterns.js';
export { eliminateCommonSubexpressions } from './cse.js';
export { eliminateDeadCode } from './dce.js';
export { eliminateDeadSymbols } from './symbol-dce.js';
export { formatOpStatistics, opStatistics } from './print-op-stats.js';
export { registerArithFolds } from './arith-folds.js';
export { arithPatterns } from './arith-patterns.js';
export { registerTosaFolds } from './tosa-folds.js';

/** Adds the generic passes to `registry` (idempotent). */
export function registerGenericPasses(registry: PassRegistry = passRegistry): void {
  registry.register(canonicalizePass);
  registry.register(csePass);
  registry.register(dcePass);
  registry.register(symbolDcePass);
  registry.register(printOpStatsPass);
  registry.register(verifyPass);
}

registerArithFolds();
registerMoreArithFolds();
registerTosaFolds();
registerCclFolds();
registerCanonicalizationPatterns(...arithPatterns, ...tosaPatterns, ...cclPatterns);
registerGenericPasses();
