/**
 * Plans for passes that rewrite IR: how `ccl-hierarchicalize` should split a
 * collective's groups over the topology's levels, and whether it pays.
 */
import { partitionByLevel } from './algorithms/hierarchical.js';
import { chooseAlgorithm, costOf } from './choose.js';
import { routeBetween } from '../model/routes.js';
import { TopologyError, type Topology } from '../model/types.js';
import { transferUs } from './closed-form.js';
import { simulate } from '../sim/simulator.js';
import type { SimTask } from '../sim/types.js';
import type { Algorithm, CollectiveSpec } from './schedule.js';

export interface HierarchyPlan {
  /** Level split on: 0 = NUMA node, i = topology.levels[i-1]. */
  readonly level: number;
  /**
   * `staged`: equal units; intra reduce-scatter → inter all-reduce on the
   * shard → intra all-gather. `leaders`: unequal units; intra reduce to
   * `leaders` → all-reduce among leaders → intra broadcast.
   */
  readonly mode: 'staged' | 'leaders';
  /** Groups of the intra-unit steps (one per unit per original group). */
  readonly intraGroups: number[][];
  /** Groups of the inter-unit step (columns in `staged`, leaders in `leaders`). */
  readonly interGroups: number[][];
  /** Per intra group, the position of its leader (`leaders` mode). */
  readonly leaderPositions?: number[];
}

/** How to split `groups` at the first level that splits them; undefined on one unit (e.g. one socket). */
export function planHierarchy(t: Topology, groups: readonly (readonly number[])[], fromLevel = 0): HierarchyPlan | undefined {
  const depth = 1 + (t.levels?.length ?? 0);
  for (let level = fromLevel; level < depth; level++) {
    const parts = groups.map((g) => partitionByLevel(t, g, level));
    if (parts.every((p) => p.length === 1 || p.every((u) => u.length === 1))) continue;
    const sizes = new Set(parts.flat().map((u) => u.length));
    if (sizes.size === 1) {
      const c = parts[0][0].length;
      return {
        level,
        mode: 'staged',
        intraGroups: parts.flat(),
        interGroups: parts.flatMap((p) => Array.from({ length: c }, (_, i) => p.map((u) => u[i]))),
      };
    }
    return {
      level,
      mode: 'leaders',
      intraGroups: parts.flat(),
      interGroups: parts.map((p) => p.map((u) => u[0])),
      leaderPositions: parts.flat().map(() => 0),
    };
  }
  return undefined;
}

export interface HierarchyDecision {
  readonly profitable: boolean;
  readonly hierarchical_us?: number;
  readonly best_flat_us: number;
  readonly best_flat: string;
}

/** Whether the hierarchical schedule beats the best non-hierarchical one. */
export function hierarchyPays(spec: CollectiveSpec, t: Topology): HierarchyDecision {
  const flat = chooseAlgorithm(spec, t, ['ring', 'tree', 'direct', 'library']);
  const h = costOf(spec, 'hierarchical', t);
  return {
    profitable: h !== undefined && h.us < flat.chosen.us,
    ...(h ? { hierarchical_us: h.us } : {}),
    best_flat_us: flat.chosen.us,
    best_flat: flat.chosen.algorithm,
  };
}

/**
 * Simulated time of `spec` split into `chunks` equal independent pieces, at
 * most `streamsPerDevice` in flight per device (what `ccl-chunk` produces).
 * Pieces overlap where links are idle, e.g. one piece's host-staged second
 * leg with the next piece's first leg.
 */
export function chunkedUs(spec: CollectiveSpec, alg: Algorithm, t: Topology, chunks: number, streamsPerDevice = 2): number | undefined {
  if (!Number.isInteger(chunks) || chunks < 1) throw new TopologyError('chunks', `must be a positive integer, got ${chunks}`);
  const piece = costOf({ ...spec, bytes: spec.bytes / chunks }, alg, t);
  if (!piece) return undefined;
  const tasks: SimTask[] = Array.from({ length: chunks }, (_, i) => ({ id: `chunk${i}`, type: 'collective', schedule: piece.schedule, async: true }));
  return simulate(t, tasks, { streamsPerDevice }).makespan_us;
}

/**
 * The host NUMA node whose memory makes the cheapest bounce buffer for a
 * host-staged device-to-device transfer (ties: the sender's node), or
 * undefined when the pair talks peer-to-peer. For `numa-placement`.
 */
export function chooseStagingNode(t: Topology, from: number, to: number, bytes: number): number | undefined {
  const [a, b] = [`dev${from}`, `dev${to}`];
  const sender = routeBetween(t, a, b);
  if (!sender.staged) return undefined;
  let best = sender.stagingNode!;
  let bestUs = transferUs(t, { from: a, to: b, bytes });
  for (const n of t.numa_nodes) {
    const us = transferUs(t, { from: a, to: b, bytes, staging: n.id });
    if (us < bestUs - 1e-9) (best = n.id), (bestUs = us);
  }
  return best;
}
