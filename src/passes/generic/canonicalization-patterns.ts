/**
 * The canonicalization patterns the `canonicalize` pass collects, by op name,
 * as MLIR collects each loaded op's `getCanonicalizationPatterns`. Dialect
 * and pass packages register theirs here (dialects may also provide them as
 * the `canonicalize` interface of an op definition: a list of patterns).
 */
import type { Operation } from '../../ir/index.js';
import { PatternSet, type RewritePattern } from '../rewrite/index.js';

const registered: RewritePattern[] = [];

export function registerCanonicalizationPatterns(...patterns: RewritePattern[]): void {
  registered.push(...patterns);
}

/** Registered patterns plus those that op definitions reachable from `root` carry. */
export function canonicalizationPatterns(root: Operation): PatternSet {
  const set = new PatternSet(registered);
  const seen = new Set<string>();
  root.walk((op) => {
    if (seen.has(op.name)) return;
    seen.add(op.name);
    const fromDef = op.definition?.interfaces?.get('canonicalize');
    if (Array.isArray(fromDef)) for (const p of fromDef as RewritePattern[]) set.add(p);
  });
  return set;
}
