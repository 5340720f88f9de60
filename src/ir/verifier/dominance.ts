import type { Block } from '../core/block.js';
import type { Region } from '../core/region.js';

/**
 * Block dominance within one region (Cooper–Harvey–Kennedy). Blocks not
 * reachable from the entry are dominated by everything, as in MLIR.
 */
export class RegionDominance {
  private readonly index = new Map<Block, number>();
  private readonly idom: number[] = [];

  constructor(region: Region) {
    const blocks = region.blocks;
    if (blocks.length === 0) return;
    // Reverse post-order over the CFG from the entry.
    const order: Block[] = [];
    const seen = new Set<Block>();
    const stack: { block: Block; next: number }[] = [{ block: blocks[0], next: 0 }];
    seen.add(blocks[0]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const succ = top.block.successors;
      if (top.next < succ.length) {
        const s = succ[top.next++];
        if (!seen.has(s) && s.parentRegion === region) {
          seen.add(s);
          stack.push({ block: s, next: 0 });
        }
      } else {
        order.push(top.block);
        stack.pop();
      }
    }
    order.reverse();
    order.forEach((b, i) => this.index.set(b, i));
    const preds = new Map<Block, Block[]>();
    for (const b of order) for (const s of b.successors) if (this.index.has(s)) (preds.get(s) ?? preds.set(s, []).get(s)!).push(b);
    const idom = order.map(() => -1);
    idom[0] = 0;
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 1; i < order.length; i++) {
        let newIdom = -1;
        for (const p of preds.get(order[i]) ?? []) {
          const pi = this.index.get(p)!;
          if (idom[pi] === -1) continue;
          newIdom = newIdom === -1 ? pi : intersect(idom, pi, newIdom);
        }
        if (newIdom !== -1 && idom[i] !== newIdom) {
          idom[i] = newIdom;
          changed = true;
        }
      }
    }
    this.idom = idom;
  }

  /** Does `a` dominate `b` (both in this region)? */
  dominates(a: Block, b: Block): boolean {
    if (a === b) return true;
    const ib = this.index.get(b);
    if (ib === undefined) return true; // unreachable
    const ia = this.index.get(a);
    if (ia === undefined) return false;
    let x = ib;
    while (x !== ia) {
      const up = this.idom[x];
      if (up === x || up === -1) return false;
      x = up;
    }
    return true;
  }
}

function intersect(idom: number[], a: number, b: number): number {
  while (a !== b) {
    while (a > b) a = idom[a];
    while (b > a) b = idom[b];
  }
  return a;
}
