export { definePattern, PatternSet, type RewritePattern } from './pattern.js';
export { PatternRewriter, type RewriteListener } from './rewriter.js';
export { constantOf, constantValue, FoldRegistry, foldRegistry, isValue, type ConstantMaterializer, type FoldResult, type OpFolder } from './folding.js';
export { isMemoryEffectFree, isOpTriviallyDead, wouldOpBeTriviallyDead } from './side-effects.js';
export { ConstantFolder } from './constant-folder.js';
export { applyPatternsGreedily, type GreedyConfig, type GreedyResult } from './greedy-driver.js';
export { simplifyRegions } from './region-simplify.js';
export {
  applyFullConversion,
  applyPartialConversion,
  ConversionRewriter,
  ConversionTarget,
  TypeConverter,
  type ConversionPattern,
  type ConversionResult,
} from './conversion.js';
