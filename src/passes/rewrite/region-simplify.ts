/**
 * Region simplification after each greedy round (the `normal` level's part
 * that needs no op interfaces): blocks unreachable from their region's entry
 * are erased.
 */
import type { Block, Region } from '../../ir/index.js';
import type { PatternRewriter } from './rewriter.js';

function reachable(region: Region): Set<Block> {
  const seen = new Set<Block>();
  const entry = region.blocks[0];
  if (!entry) return seen;
  const stack = [entry];
  while (stack.length) {
    const b = stack.pop()!;
    if (seen.has(b)) continue;
    seen.add(b);
    const term = b.lastOp;
    if (term) for (const s of term.successors) stack.push(s);
  }
  return seen;
}

/** Erases unreachable blocks in `regions` and everything nested; returns whether anything changed. */
export function simplifyRegions(regions: readonly Region[], rewriter: PatternRewriter): boolean {
  let changed = false;
  for (const region of regions) {
    if (region.blocks.length > 1) {
      const live = reachable(region);
      const dead = region.blocks.filter((b) => !live.has(b));
      for (const b of dead) for (const op of b.operations) op.dropAllReferences();
      for (const b of dead) {
        for (const op of [...b.operations]) rewriter.eraseOp(op);
        b.erase();
        changed = true;
      }
    }
    for (const b of region.blocks) for (const op of b.operations) if (op.regions.length) changed = simplifyRegions(op.regions, rewriter) || changed;
  }
  return changed;
}
