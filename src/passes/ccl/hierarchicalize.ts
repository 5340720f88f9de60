/**
 * `ccl-hierarchicalize`: rewrite a collective whose groups span several NUMA
 * nodes into the staged sequence over the topology's hierarchy. An all-reduce
 * becomes intra-node reduce-scatter → inter-node all-reduce on the shard →
 * intra-node all-gather; when no dimension divides by the node size, intra
 * reduce → inter all-reduce → intra broadcast. Recursive over `levels`
 * (levels above NUMA nodes come from the topology). Applied only where the
 * cost model says the staged form is faster, unless `force`.
 */
import { Builder, DYNAMIC, type Operation, type RankedTensorType } from '../../ir/index.js';
import { chooseAlgorithm, costOf, hierarchyDepth, partitionByLevel, type Topology } from '../../topology/index.js';
import { boolOption, intOption, stringOption } from '../options/index.js';
import { definePass } from '../registry/index.js';
import { buildCollective, reductionOf, specOf } from './collective.js';
import { collectivesIn, resolveTopology } from './topology-option.js';

/** Intra- and inter-unit groups of `groups` at hierarchy `level`, if every group splits the same regular way. */
export function splitGroups(t: Topology, groups: readonly (readonly number[])[], level: number): { intra: number[][]; inter: number[][] } | undefined {
  const intra: number[][] = [];
  const inter: number[][] = [];
  let shape: [number, number] | undefined;
  for (const g of groups) {
    const units = partitionByLevel(t, g, level);
    const m = units[0].length;
    if (units.length < 2 || units.some((u) => u.length !== m)) return undefined;
    if (shape && (shape[0] !== units.length || shape[1] !== m)) return undefined;
    shape = [units.length, m];
    intra.push(...units.map((u) => [...u]));
    for (let j = 0; j < m; j++) inter.push(units.map((u) => u[j]));
  }
  return shape ? { intra, inter } : undefined;
}

/** First dimension whose static size divides by `k` (the shard dimension). */
function divisibleDim(t: RankedTensorType, k: number): number {
  return t.shape.findIndex((d) => d !== DYNAMIC && d > 0 && d % k === 0);
}

/** Rewrite one all-reduce at `level`; returns the op replacing it (for recursion on the inter stage). */
function rewriteAllReduce(op: Operation, t: Topology, level: number, maxLevel: number): void {
  const spec = specOf(op);
  if (!spec) return;
  const split = splitGroups(t, spec.groups, level);
  if (!split) return;
  const input = op.operand(0);
  const type = input.type as RankedTensorType;
  const m = split.intra[0].length;
  const red = reductionOf(op);
  const b = new Builder(op.context);
  b.setInsertionPointBefore(op);
  const dim = divisibleDim(type, m);
  let inter: Operation;
  let last: Operation;
  if (dim >= 0) {
    const shard = op.context.tensorType(type.shape.map((d, i) => (i === dim ? d / m : d)), type.elementType, type.encoding);
    const rs = buildCollective(b, { kind: 'reduce_scatter', input, result: shard, groups: split.intra, reduction: red, ints: { dim }, strings: { stage: 'intra' } }, op);
    inter = buildCollective(b, { kind: 'all_reduce', input: rs.result(), result: shard, groups: split.inter, reduction: red, strings: { stage: 'inter' } }, op);
    last = buildCollective(b, { kind: 'all_gather', input: inter.result(), result: type, groups: split.intra, ints: { dim }, strings: { stage: 'intra' } }, op);
  } else {
    // No dimension divides: reduce to each node's first rank, all-reduce across nodes, broadcast back.
    const rd = buildCollective(b, { kind: 'reduce', input, result: type, groups: split.intra, reduction: red, ints: { root: 0 }, strings: { stage: 'intra' } }, op);
    inter = buildCollective(b, { kind: 'all_reduce', input: rd.result(), result: type, groups: split.inter, reduction: red, strings: { stage: 'inter' } }, op);
    last = buildCollective(b, { kind: 'broadcast', input: inter.result(), result: type, groups: split.intra, ints: { root: 0 }, strings: { stage: 'intra' } }, op);
  }
  op.result(0).replaceAllUsesWith(last.result(0));
  op.erase();
  if (level + 1 < maxLevel) rewriteAllReduce(inter, t, level + 1, maxLevel);
}

/** Is the staged form cheaper than the best flat algorithm for `op`? */
function pays(op: Operation, t: Topology): boolean {
  const spec = specOf(op);
  if (!spec) return false;
  const hier = costOf(spec, 'hierarchical', t);
  if (!hier) return false;
  const flat = chooseAlgorithm(spec, t, ['ring', 'tree', 'direct']);
  return hier.us < flat.chosen.us;
}

export const hierarchicalizePass = definePass({
  argument: 'ccl-hierarchicalize',
  summary: 'Stage collectives that span NUMA nodes over the topology hierarchy',
  description:
    'Rewrites each ccl.all_reduce whose groups span several NUMA nodes into intra-node reduce-scatter, ' +
    'inter-node all-reduce on the shard and intra-node all-gather (reduce/broadcast when no dimension divides), ' +
    'recursively over `levels`; only where the cost model predicts a gain, unless `force`.',
  options: {
    topology: stringOption('Topology: an embedded name or a JSON/hwloc path (default: module attribute ccl.topology, else dual-socket-6dla)'),
    levels: intOption('Hierarchy levels to stage over (1: NUMA nodes; more use the topology\'s levels)', 1),
    force: boolOption('Rewrite even where the cost model predicts no gain'),
  },
  create: (o) => ({
    run(root) {
      const t = resolveTopology(root, o.topology);
      const maxLevel = Math.max(1, Math.min(o.levels, hierarchyDepth(t)));
      const ops = collectivesIn(root, (op) => op.name === 'ccl.all_reduce' && !op.getAttr('async') && !op.getAttr('stage'));
      for (const op of ops) {
        if (!o.force && !pays(op, t)) continue;
        rewriteAllReduce(op, t, 0, maxLevel);
      }
    },
  }),
});

