/**
 * Flat (single-level) schedules over one group: ring, pipelined binary tree,
 * and direct (all-pairs). Rings follow the order they are given; callers pass
 * a socket-aware order from `chooseRingOrder`.
 */
import { stage, type CollectiveKind, type Stage, type Transfer, type ComputeTask } from '../schedule.js';
import { CHUNK_CANDIDATES, reduceTask, rotate, send, type BuildContext } from './context.js';
import { binomial } from './library.js';

type Builder = (ctx: BuildContext, order: readonly number[], bytes: number, root: number, chunks: number) => Stage[] | undefined;

function ringSteps(ctx: BuildContext, order: readonly number[], steps: number, bytes: (step: number) => number, reduce: boolean): Stage[] {
  const k = order.length;
  const out: Stage[] = [];
  for (let j = 0; j < steps; j++) {
    const transfers: Transfer[] = [];
    const compute: ComputeTask[] = [];
    for (let i = 0; i < k; i++) {
      const to = order[(i + 1) % k];
      transfers.push(send(ctx, order[i], to, bytes(j)));
      if (reduce) compute.push(reduceTask(ctx, to, bytes(j)));
    }
    out.push(stage(transfers, compute));
  }
  return out;
}

/** A pipelined chain from order[0] to order[k-1], `chunks` pieces. */
function chain(ctx: BuildContext, order: readonly number[], bytes: number, chunks: number, reduce: boolean): Stage[] {
  const k = order.length;
  const out: Stage[] = [];
  const piece = bytes / chunks;
  for (let s = 0; s < k - 2 + chunks; s++) {
    const transfers: Transfer[] = [];
    const compute: ComputeTask[] = [];
    for (let j = 0; j < k - 1; j++) {
      if (s - j < 0 || s - j >= chunks) continue;
      transfers.push(send(ctx, order[j], order[j + 1], piece));
      if (reduce) compute.push(reduceTask(ctx, order[j + 1], piece));
    }
    out.push(stage(transfers, compute));
  }
  return out;
}

interface TreeNode {
  readonly rank: number;
  readonly parent?: number;
  readonly depth: number;
  height: number;
}

/** Binary tree whose subtrees are contiguous runs of `order` (so they stay on one socket). */
function contiguousTree(order: readonly number[]): TreeNode[] {
  const nodes: TreeNode[] = [];
  const build = (lo: number, hi: number, parent: number | undefined, depth: number): number => {
    const node: TreeNode = { rank: order[lo], parent, depth, height: 0 };
    nodes.push(node);
    const mid = lo + 1 + Math.ceil((hi - lo - 1) / 2);
    let h = -1;
    if (lo + 1 < mid) h = Math.max(h, build(lo + 1, mid, order[lo], depth + 1));
    if (mid < hi) h = Math.max(h, build(mid, hi, order[lo], depth + 1));
    node.height = h + 1;
    return node.height;
  };
  if (order.length > 0) build(0, order.length, undefined, 0);
  return nodes;
}

function treeReduce(ctx: BuildContext, order: readonly number[], bytes: number, chunks: number): Stage[] {
  const nodes = contiguousTree(order);
  const piece = bytes / chunks;
  const rootHeight = nodes[0]?.height ?? 0;
  const out: Stage[] = [];
  for (let s = 0; s < rootHeight - 1 + chunks; s++) {
    const transfers: Transfer[] = [];
    const compute: ComputeTask[] = [];
    for (const n of nodes) {
      if (n.parent === undefined || s - n.height < 0 || s - n.height >= chunks) continue;
      transfers.push(send(ctx, n.rank, n.parent, piece));
      compute.push(reduceTask(ctx, n.parent, piece));
    }
    out.push(stage(transfers, compute));
  }
  return out;
}

function treeBroadcast(ctx: BuildContext, order: readonly number[], bytes: number, chunks: number): Stage[] {
  const nodes = contiguousTree(order);
  const piece = bytes / chunks;
  const maxDepth = Math.max(0, ...nodes.map((n) => n.depth));
  const out: Stage[] = [];
  for (let s = 0; s < maxDepth - 1 + chunks; s++) {
    const transfers: Transfer[] = [];
    for (const n of nodes) {
      if (n.parent === undefined || s - (n.depth - 1) < 0 || s - (n.depth - 1) >= chunks) continue;
      transfers.push(send(ctx, n.parent, n.rank, piece));
    }
    out.push(stage(transfers));
  }
  return out;
}

function allPairs(ctx: BuildContext, order: readonly number[], bytes: number, reduce: boolean): Stage {
  const transfers: Transfer[] = [];
  const compute: ComputeTask[] = [];
  for (const a of order) for (const b of order) if (a !== b) {
    transfers.push(send(ctx, a, b, bytes));
    if (reduce) compute.push(reduceTask(ctx, b, bytes));
  }
  return stage(transfers, compute);
}

const RING: Partial<Record<CollectiveKind, Builder>> = {
  // Reduce-scatter then all-gather, k-1 steps each, b/k per step.
  all_reduce: (ctx, o, b) => [
    ...ringSteps(ctx, o, o.length - 1, () => b / o.length, true),
    ...ringSteps(ctx, o, o.length - 1, () => b / o.length, false),
  ],
  reduce_scatter: (ctx, o, b) => ringSteps(ctx, o, o.length - 1, () => b / o.length, true),
  all_gather: (ctx, o, b) => ringSteps(ctx, o, o.length - 1, () => b, false),
  all_to_all: (ctx, o, b) => ringSteps(ctx, o, o.length - 1, (j) => ((o.length - 1 - j) * b) / o.length, false),
  broadcast: (ctx, o, b, root, c) => chain(ctx, rotate(o, root), b, c, false),
  // Chain towards the root: the root is last.
  reduce: (ctx, o, b, root, c) => chain(ctx, rotate(o, (root + 1) % o.length), b, c, true),
};

// chunks = 0 selects the unpipelined binomial tree; otherwise a pipelined binary tree.
const TREE: Partial<Record<CollectiveKind, Builder>> = {
  all_reduce: (ctx, o, b, _r, c) =>
    c === 0 ? [...binomial(ctx, o, b, 0, true), ...binomial(ctx, o, b, 0, false)] : [...treeReduce(ctx, o, b, c), ...treeBroadcast(ctx, o, b, c)],
  broadcast: (ctx, o, b, root, c) => (c === 0 ? binomial(ctx, o, b, root, false) : treeBroadcast(ctx, rotate(o, root), b, c)),
  reduce: (ctx, o, b, root, c) => (c === 0 ? binomial(ctx, o, b, root, true) : treeReduce(ctx, rotate(o, root), b, c)),
};

const DIRECT: Partial<Record<CollectiveKind, Builder>> = {
  all_reduce: (ctx, o, b) => [allPairs(ctx, o, b / o.length, true), allPairs(ctx, o, b / o.length, false)],
  reduce_scatter: (ctx, o, b) => [allPairs(ctx, o, b / o.length, true)],
  all_gather: (ctx, o, b) => [allPairs(ctx, o, b, false)],
  all_to_all: (ctx, o, b) => [allPairs(ctx, o, b / o.length, false)],
  broadcast: (ctx, o, b, root) => [stage(o.filter((_, i) => i !== root).map((r) => send(ctx, o[root], r, b)))],
  reduce: (ctx, o, b, root) => [
    stage(
      o.filter((_, i) => i !== root).map((r) => send(ctx, r, o[root], b)),
      o.filter((_, i) => i !== root).map(() => reduceTask(ctx, o[root], b)),
    ),
  ],
};

export type FlatAlgorithm = 'ring' | 'tree' | 'direct';
export const FLAT_ALGORITHMS: readonly FlatAlgorithm[] = ['ring', 'tree', 'direct'];
const TABLE: Record<FlatAlgorithm, Partial<Record<CollectiveKind, Builder>>> = { ring: RING, tree: TREE, direct: DIRECT };

/** Whether `alg` uses a chunk count (pipelined variants). */
export const isPipelined = (alg: FlatAlgorithm, kind: CollectiveKind): boolean =>
  alg === 'tree' || (alg === 'ring' && (kind === 'broadcast' || kind === 'reduce'));

/** Variants the model prices for `alg` (chunk counts; 0 = binomial tree). */
export const variantsOf = (alg: FlatAlgorithm, kind: CollectiveKind): readonly number[] =>
  alg === 'tree' ? [0, ...CHUNK_CANDIDATES] : isPipelined(alg, kind) ? CHUNK_CANDIDATES : [1];

/**
 * Build one group's flat schedule; `order` is the group in ring order and
 * `root` a position in it. Undefined when the algorithm does not apply.
 */
export function buildFlat(
  ctx: BuildContext, alg: FlatAlgorithm, kind: CollectiveKind, order: readonly number[], bytes: number, root = 0, chunks = 1,
): Stage[] | undefined {
  if (order.length <= 1) return [];
  const b = TABLE[alg][kind];
  return b ? b(ctx, order, bytes, root, chunks) : undefined;
}
