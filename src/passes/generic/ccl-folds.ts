/**
 * `ccl` canonicalizations: a collective whose groups all have one member
 * moves no data, so all_reduce, reduce_scatter, all_gather, all_to_all,
 * broadcast and reduce over singleton groups are the identity; a `permute`
 * whose pairs map every rank to itself likewise. Synchronous ones fold to
 * their operand; an async one is removed together with its `ccl.wait`.
 */
import type { Operation } from '../../ir/index.js';
import { decodeRankMatrix, worldSizeOf } from '../../dialects/ccl/index.js';
import { definePattern, foldRegistry, type OpFolder, type RewritePattern } from '../rewrite/index.js';

const GROUPED = ['all_reduce', 'reduce_scatter', 'all_gather', 'all_to_all', 'broadcast', 'reduce'];

/** Does `op` (a collective) move no data? */
function isNoOpCollective(op: Operation): boolean {
  if (op.operands.length !== 1) return false;
  if (op.name === 'ccl.permute') {
    const pairs = decodeRankMatrix(op.getAttr('pairs'));
    const world = worldSizeOf(op);
    if (!pairs || world === undefined) return false;
    const self = new Set(pairs.filter(([s, d]) => s === d).map(([s]) => s));
    return pairs.every(([s, d]) => s === d) && self.size === world;
  }
  if (!GROUPED.includes(op.name.slice('ccl.'.length))) return false;
  const groups = decodeRankMatrix(op.getAttr('groups'));
  return groups !== undefined && groups.length > 0 && groups.every((g) => g.length === 1);
}

const foldCollective: OpFolder = (op) => {
  if (op.getAttr('async') || !isNoOpCollective(op)) return undefined;
  const input = op.operand(0);
  return input.type === op.results[0].type ? [input] : undefined;
};

/** wait(async no-op collective(x)) → x; the collective, now unused, goes too. */
const waitOfNoOp: RewritePattern = definePattern({
  rootName: 'ccl.wait',
  label: 'WaitOfNoOpCollective',
  matchAndRewrite(op, rewriter) {
    const started = op.operand(0).definingOp;
    if (!started || !started.getAttr('async') || !isNoOpCollective(started) || !started.results[0].hasOneUse) return false;
    const input = started.operand(0);
    if (input.type !== op.results[0].type) return false;
    rewriter.replaceOp(op, [input]);
    rewriter.eraseOp(started);
    return true;
  },
});

export const cclPatterns: readonly RewritePattern[] = [waitOfNoOp];

export function registerCclFolds(): void {
  for (const name of [...GROUPED, 'permute']) foldRegistry.registerFolder(`ccl.${name}`, foldCollective);
}
