/**
 * Ring orders that cross sockets as few times as possible: ranks are grouped
 * by NUMA node (and by PCIe switch inside a node), and the NUMA nodes are
 * visited in the order with the fewest socket-link hops around the cycle.
 */
import { deviceById, deviceOfRank, shortestPath } from '../model/routes.js';
import { numaName, type Topology } from '../model/types.js';

function nodeOfRank(t: Topology, r: number): number {
  return deviceById(t, deviceOfRank(t, r)).numa_node;
}

/** The first vertex above a device (its switch, or its NUMA node). */
function parentOfRank(t: Topology, r: number): string {
  const dev = `dev${deviceOfRank(t, r)}`;
  const l = t.links.find((x) => (x.a === dev || x.b === dev) && x.kind !== 'nvlink');
  return l ? (l.a === dev ? l.b : l.a) : dev;
}

/** Socket-link hops between NUMA nodes. */
function hops(t: Topology, a: number, b: number): number {
  return a === b ? 0 : shortestPath(t, numaName(a), numaName(b)).length;
}

function bestCycle(t: Topology, nodes: readonly number[]): number[] {
  if (nodes.length <= 2) return [...nodes];
  const cost = (order: readonly number[]): number =>
    order.reduce((acc, n, i) => acc + hops(t, n, order[(i + 1) % order.length]), 0);
  if (nodes.length <= 8) {
    // Exhaustive with the first node fixed (at most 7! orders).
    let best = [...nodes];
    let bestCost = cost(best);
    const rest = nodes.slice(1);
    const permute = (prefix: number[], left: number[]): void => {
      if (left.length === 0) {
        const c = cost(prefix);
        if (c < bestCost) (bestCost = c), (best = [...prefix]);
        return;
      }
      for (let i = 0; i < left.length; i++) permute([...prefix, left[i]], [...left.slice(0, i), ...left.slice(i + 1)]);
    };
    permute([nodes[0]], rest);
    return best;
  }
  // Greedy nearest neighbour beyond eight nodes.
  const order = [nodes[0]];
  const left = new Set(nodes.slice(1));
  while (left.size > 0) {
    const last = order[order.length - 1];
    const next = [...left].sort((x, y) => hops(t, last, x) - hops(t, last, y) || x - y)[0];
    order.push(next);
    left.delete(next);
  }
  return order;
}

/** Reorder `ranks` into a ring with the fewest socket crossings. */
const memo = new WeakMap<Topology, Map<string, number[]>>();

export function chooseRingOrder(t: Topology, ranks: readonly number[]): number[] {
  let cache = memo.get(t);
  if (!cache) memo.set(t, (cache = new Map()));
  const key = ranks.join(',');
  const hit = cache.get(key);
  if (hit) return [...hit];
  const order = computeRingOrder(t, ranks);
  cache.set(key, order);
  return [...order];
}

function computeRingOrder(t: Topology, ranks: readonly number[]): number[] {
  const byNode = new Map<number, number[]>();
  for (const r of ranks) byNode.set(nodeOfRank(t, r), [...(byNode.get(nodeOfRank(t, r)) ?? []), r]);
  const nodes = bestCycle(t, [...byNode.keys()].sort((a, b) => a - b));
  return nodes.flatMap((n) =>
    [...byNode.get(n)!].sort((x, y) => parentOfRank(t, x).localeCompare(parentOfRank(t, y)) || deviceOfRank(t, x) - deviceOfRank(t, y)),
  );
}

/** How many consecutive pairs of a cyclic ring sit on different NUMA nodes. */
export function socketCrossings(t: Topology, ring: readonly number[]): number {
  if (ring.length < 2) return 0;
  let n = 0;
  for (let i = 0; i < ring.length; i++) if (nodeOfRank(t, ring[i]) !== nodeOfRank(t, ring[(i + 1) % ring.length])) n++;
  return n;
}
