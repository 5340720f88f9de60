/** Pass-pipeline strings as `mlir-opt --pass-pipeline` expects them. */

/**
 * Anchors a pipeline on `builtin.module`: `canonicalize,func.func(cse)` becomes
 * `builtin.module(canonicalize,func.func(cse))`; an anchored pipeline is kept.
 */
export function anchorPipeline(pipeline: string): string {
  const trimmed = pipeline.trim();
  if (/^builtin\.module\s*\(/.test(trimmed)) return trimmed;
  return `builtin.module(${trimmed})`;
}
