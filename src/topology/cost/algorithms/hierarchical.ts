/**
 * Hierarchical composition over the topology's levels (NUMA node, then any
 * `levels` above it). For an all-reduce whose group spans several units of a
 * level: intra-unit reduce-scatter, inter-unit all-reduce of each shard
 * (recursively hierarchical at the next level, or flat), intra-unit
 * all-gather. Unequal units fall back to reduce → leaders → broadcast.
 * Sub-steps use whichever flat algorithm the cost model prices cheapest.
 */
import { deviceById, deviceOfRank } from '../../model/routes.js';
import type { Topology } from '../../model/types.js';
import { scheduleUs } from '../closed-form.js';
import { chooseRingOrder } from '../ring-order.js';
import { parallel, type CollectiveKind, type Stage } from '../schedule.js';
import type { BuildContext } from './context.js';
import { FLAT_ALGORITHMS, buildFlat, variantsOf } from './flat.js';

/** Level keys: level 0 is the NUMA node, level i the i-th entry of `topo.levels`. */
export function hierarchyDepth(t: Topology): number {
  return 1 + (t.levels?.length ?? 0);
}

function unitOf(t: Topology, rank: number, level: number): number {
  const node = deviceById(t, deviceOfRank(t, rank)).numa_node;
  if (level === 0) return node;
  return t.levels![level - 1].groups.findIndex((g) => g.includes(node));
}

/** Split a group into the units of a level (unit order, group order inside). */
export function partitionByLevel(t: Topology, group: readonly number[], level: number): number[][] {
  const by = new Map<number, number[]>();
  for (const r of group) by.set(unitOf(t, r, level), [...(by.get(unitOf(t, r, level)) ?? []), r]);
  return [...by.keys()].sort((a, b) => a - b).map((k) => by.get(k)!);
}

interface Sub {
  readonly group: readonly number[];
  readonly root: number;
}

/** Cheapest flat schedule for several concurrent sub-groups (priced together: they share links). */
export function bestFlatParallel(ctx: BuildContext, kind: CollectiveKind, subs: readonly Sub[], bytes: number): Stage[] | undefined {
  let best: Stage[] | undefined;
  let bestUs = Infinity;
  const live = subs.filter((s) => s.group.length > 1);
  if (live.length === 0) return [];
  for (const alg of FLAT_ALGORITHMS) {
    for (const chunks of variantsOf(alg, kind)) {
      const parts: Stage[][] = [];
      for (const s of live) {
        const order = chooseRingOrder(ctx.topo, s.group);
        const root = order.indexOf(s.group[s.root]);
        const built = buildFlat(ctx, alg, kind, order, bytes, root, chunks);
        if (!built) break;
        parts.push(built);
      }
      if (parts.length !== live.length) break;
      const stages = parallel(parts);
      const us = scheduleUs(ctx.topo, { stages });
      if (us < bestUs) (bestUs = us), (best = stages);
    }
  }
  return best;
}

function cheaper(t: Topology, a: Stage[] | undefined, b: Stage[] | undefined): Stage[] | undefined {
  if (!a) return b;
  if (!b) return a;
  return scheduleUs(t, { stages: b }) < scheduleUs(t, { stages: a }) ? b : a;
}

/** Inter-unit step: flat or, if it helps, hierarchical at the next level. */
function inter(ctx: BuildContext, kind: CollectiveKind, subs: readonly Sub[], bytes: number, level: number): Stage[] | undefined {
  const flat = bestFlatParallel(ctx, kind, subs, bytes);
  const hier = subs.map((s) => buildHierarchical(ctx, kind, s.group, bytes, s.root, level));
  return hier.every((h) => h !== undefined) ? cheaper(ctx.topo, flat, parallel(hier as Stage[][])) : flat;
}

/**
 * Hierarchical schedule of one group from `level` upwards; undefined when no
 * level splits the group (e.g. on a single socket) or the kind has none.
 */
export function buildHierarchical(
  ctx: BuildContext, kind: CollectiveKind, group: readonly number[], bytes: number, root = 0, level = 0,
): Stage[] | undefined {
  if (level >= hierarchyDepth(ctx.topo) || group.length <= 1) return undefined;
  const parts = partitionByLevel(ctx.topo, group, level);
  if (parts.length === 1) return buildHierarchical(ctx, kind, group, bytes, root, level + 1);
  if (parts.every((p) => p.length === 1)) return buildHierarchical(ctx, kind, group, bytes, root, level + 1);
  const c = parts[0].length;
  const equal = parts.every((p) => p.length === c);
  const whole = (p: readonly number[], r = 0): Sub => ({ group: p, root: r });
  const rootRank = group[root];
  const rootPart = parts.findIndex((p) => p.includes(rootRank));
  const rootIdx = parts[rootPart].indexOf(rootRank);
  const columns = (): Sub[][] => Array.from({ length: c }, (_, i) => [{ group: parts.map((p) => p[i]), root: rootPart }]);
  const seq = (...xs: (Stage[] | undefined)[]): Stage[] | undefined => (xs.every((x) => x !== undefined) ? xs.flat() as Stage[] : undefined);
  const colsInter = (k: CollectiveKind, b: number): Stage[] | undefined => inter(ctx, k, columns().flat(), b, level + 1);
  // Leaders: the root's rank in its unit, the first rank elsewhere.
  const leaders = parts.map((p, i) => (i === rootPart ? rootRank : p[0]));
  const leaderSubs = parts.map((p, i) => whole(p, p.indexOf(leaders[i])));

  switch (kind) {
    case 'all_reduce':
      if (equal) {
        return seq(
          bestFlatParallel(ctx, 'reduce_scatter', parts.map((p) => whole(p)), bytes),
          colsInter('all_reduce', bytes / c),
          bestFlatParallel(ctx, 'all_gather', parts.map((p) => whole(p)), bytes / c),
        );
      }
      return seq(
        bestFlatParallel(ctx, 'reduce', leaderSubs, bytes),
        inter(ctx, 'all_reduce', [whole(leaders)], bytes, level + 1),
        bestFlatParallel(ctx, 'broadcast', leaderSubs, bytes),
      );
    case 'reduce_scatter':
      if (!equal) return undefined;
      return seq(bestFlatParallel(ctx, 'reduce_scatter', parts.map((p) => whole(p)), bytes), colsInter('reduce_scatter', bytes / c));
    case 'all_gather':
      if (!equal) return undefined;
      return seq(colsInter('all_gather', bytes), bestFlatParallel(ctx, 'all_gather', parts.map((p) => whole(p)), bytes * parts.length));
    case 'broadcast': {
      const lead = equal ? parts.map((p) => p[rootIdx]) : leaders;
      return seq(
        inter(ctx, 'broadcast', [whole(lead, rootPart)], bytes, level + 1),
        bestFlatParallel(ctx, 'broadcast', parts.map((p, i) => whole(p, p.indexOf(lead[i]))), bytes),
      );
    }
    case 'reduce': {
      const lead = equal ? parts.map((p) => p[rootIdx]) : leaders;
      return seq(
        bestFlatParallel(ctx, 'reduce', parts.map((p, i) => whole(p, p.indexOf(lead[i]))), bytes),
        inter(ctx, 'reduce', [whole(lead, rootPart)], bytes, level + 1),
      );
    }
    default:
      return undefined;
  }
}
