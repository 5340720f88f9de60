/** Price a collective under each algorithm and pick the cheapest. */
import { worldSize } from '../model/routes.js';
import { TopologyError, type Topology } from '../model/types.js';
import { send, type BuildContext } from './algorithms/context.js';
import { FLAT_ALGORITHMS, buildFlat, variantsOf, type FlatAlgorithm } from './algorithms/flat.js';
import { buildHierarchical } from './algorithms/hierarchical.js';
import { buildLibrary } from './algorithms/library.js';
import { scheduleUs } from './closed-form.js';
import { chooseRingOrder } from './ring-order.js';
import { ALGORITHMS, parallel, stage, type Algorithm, type CollectiveSpec, type Schedule, type Stage } from './schedule.js';

export interface CostEstimate {
  readonly algorithm: Algorithm;
  readonly us: number;
  readonly schedule: Schedule;
}

/** Check a spec against the topology; throws naming the bad field. */
export function checkSpec(spec: CollectiveSpec, t: Topology): void {
  if (!Number.isFinite(spec.bytes) || spec.bytes < 0) throw new TopologyError('spec.bytes', `must be a finite number >= 0, got ${spec.bytes}`);
  const world = worldSize(t);
  if (spec.kind === 'permute') {
    for (const [i, p] of (spec.pairs ?? []).entries()) {
      for (const r of p) if (!Number.isInteger(r) || r < 0 || r >= world) {
        throw new TopologyError(`spec.pairs[${i}]`, `rank ${r} outside [0, ${world}) of topology '${t.name}'`);
      }
    }
    return;
  }
  if (spec.groups.length === 0) throw new TopologyError('spec.groups', 'at least one group is required');
  const size = spec.groups[0].length;
  const seen = new Set<number>();
  spec.groups.forEach((g, i) => {
    if (g.length !== size) throw new TopologyError(`spec.groups[${i}]`, `has ${g.length} ranks, group 0 has ${size}`);
    for (const r of g) {
      if (!Number.isInteger(r) || r < 0 || r >= world) throw new TopologyError(`spec.groups[${i}]`, `rank ${r} outside [0, ${world}) of topology '${t.name}'`);
      if (seen.has(r)) throw new TopologyError(`spec.groups[${i}]`, `rank ${r} appears in two groups`);
      seen.add(r);
    }
  });
  const root = spec.root ?? 0;
  if ((spec.kind === 'broadcast' || spec.kind === 'reduce') && (!Number.isInteger(root) || root < 0 || root >= size)) {
    throw new TopologyError('spec.root', `root ${root} outside [0, ${size})`);
  }
}

function flatSchedule(ctx: BuildContext, spec: CollectiveSpec, alg: FlatAlgorithm): Stage[] | undefined {
  const root = spec.root ?? 0;
  const orders = spec.groups.map((g) => (alg === 'direct' ? [...g] : chooseRingOrder(ctx.topo, g)));
  let best: Stage[] | undefined;
  let bestUs = Infinity;
  for (const chunks of variantsOf(alg, spec.kind)) {
    const parts = orders.map((o, i) => buildFlat(ctx, alg, spec.kind, o, spec.bytes, o.indexOf(spec.groups[i][root]), chunks));
    if (parts.some((p) => p === undefined)) return undefined;
    const stages = parallel(parts as Stage[][]);
    const us = scheduleUs(ctx.topo, { stages });
    if (us < bestUs) (bestUs = us), (best = stages);
  }
  return best;
}

/** The schedule `alg` would run for `spec`, or undefined if it does not apply. */
export function scheduleFor(spec: CollectiveSpec, alg: Algorithm, t: Topology): Schedule | undefined {
  checkSpec(spec, t);
  const ctx: BuildContext = { topo: t, elementBytes: spec.elementBytes ?? 4 };
  if (spec.kind === 'permute') {
    if (alg !== 'direct' && alg !== 'library') return undefined;
    const stages = [stage((spec.pairs ?? []).filter(([a, b]) => a !== b).map(([a, b]) => send(ctx, a, b, spec.bytes)))];
    return alg === 'library' ? { stages, overhead_us: t.library_overhead_us ?? 0 } : { stages };
  }
  if ((FLAT_ALGORITHMS as readonly string[]).includes(alg)) {
    const stages = flatSchedule(ctx, spec, alg as FlatAlgorithm);
    return stages ? { stages } : undefined;
  }
  const root = spec.root ?? 0;
  const parts = spec.groups.map((g) =>
    alg === 'hierarchical' ? buildHierarchical(ctx, spec.kind, g, spec.bytes, root) : buildLibrary(ctx, spec.kind, g, spec.bytes, root),
  );
  if (parts.some((p) => p === undefined)) return undefined;
  const stages = parallel(parts as Stage[][]);
  return alg === 'library' ? { stages, overhead_us: t.library_overhead_us ?? 0 } : { stages };
}

/** Predicted time of `spec` under `alg`, or undefined if the algorithm does not apply. */
export function costOf(spec: CollectiveSpec, alg: Algorithm, t: Topology): CostEstimate | undefined {
  const schedule = scheduleFor(spec, alg, t);
  return schedule ? { algorithm: alg, us: scheduleUs(t, schedule), schedule } : undefined;
}

export interface Choice {
  readonly chosen: CostEstimate;
  /** µs per applicable algorithm. */
  readonly algorithms: Readonly<Partial<Record<Algorithm, number>>>;
}

const choices = new WeakMap<Topology, Map<string, Choice>>();

/**
 * Every applicable algorithm's cost and the cheapest (ties: earlier in
 * ALGORITHMS). Memoised per topology object: passes ask about the same
 * collective shapes over and over.
 */
export function chooseAlgorithm(spec: CollectiveSpec, t: Topology, candidates: readonly Algorithm[] = ALGORITHMS): Choice {
  let memo = choices.get(t);
  if (!memo) choices.set(t, (memo = new Map()));
  const key = JSON.stringify([spec.kind, spec.bytes, spec.groups, spec.root ?? 0, spec.pairs ?? null, spec.elementBytes ?? 4, candidates]);
  const hit = memo.get(key);
  if (hit) return hit;
  const choice = computeChoice(spec, t, candidates);
  memo.set(key, choice);
  return choice;
}

function computeChoice(spec: CollectiveSpec, t: Topology, candidates: readonly Algorithm[]): Choice {
  const algorithms: Partial<Record<Algorithm, number>> = {};
  let chosen: CostEstimate | undefined;
  for (const alg of candidates) {
    const c = costOf(spec, alg, t);
    if (!c) continue;
    algorithms[alg] = c.us;
    if (!chosen || c.us < chosen.us) chosen = c;
  }
  if (!chosen) throw new TopologyError('spec.kind', `no algorithm applies to ${spec.kind}`);
  return { chosen, algorithms };
}
