/**
 * Routing over the topology graph: shortest paths, NCCL path classes, and
 * the P2P rule that turns a too-distant device pair into a host-staged
 * (store-and-forward through host memory) route.
 */
import { TopologyError, devName, numaName, PATH_CLASSES, type Link, type PathClass, type Topology } from './types.js';

/** One link traversed in one direction (`forward`: from link.a to link.b). */
export interface Hop {
  readonly link: number;
  readonly forward: boolean;
}

/**
 * A route is a sequence of segments. Inside a segment the DMA pipelines
 * (cut-through: Σα + s/min BW); between segments data is stored in host
 * memory and forwarded (store-and-forward: segment costs add).
 */
export interface Route {
  readonly from: string;
  readonly to: string;
  readonly segments: readonly (readonly Hop[])[];
  readonly pathClass: PathClass;
  readonly staged: boolean;
  readonly stagingNode?: number;
}

const MIB = 1 << 20;
/** Routing weight: what a 1 MiB transfer would take on the link. */
const weight = (l: Link): number => l.alpha_us + MIB / (l.gbps * 1e3);

interface Graph {
  readonly adj: Map<string, { to: string; hop: Hop }[]>;
}
const graphs = new WeakMap<Topology, Graph>();
const routeCache = new WeakMap<Topology, Map<string, Route>>();

function graphOf(t: Topology): Graph {
  let g = graphs.get(t);
  if (g) return g;
  const adj = new Map<string, { to: string; hop: Hop }[]>();
  const add = (from: string, to: string, hop: Hop): void => {
    const list = adj.get(from) ?? [];
    list.push({ to, hop });
    adj.set(from, list);
  };
  t.links.forEach((l, i) => {
    add(l.a, l.b, { link: i, forward: true });
    add(l.b, l.a, { link: i, forward: false });
  });
  g = { adj };
  graphs.set(t, g);
  return g;
}

const isDevice = (v: string): boolean => /^dev\d+$/.test(v);

/** Dijkstra; devices are leaves (never forward traffic for others). */
export function shortestPath(t: Topology, from: string, to: string): Hop[] {
  if (from === to) return [];
  const { adj } = graphOf(t);
  const dist = new Map<string, number>([[from, 0]]);
  const prev = new Map<string, { v: string; hop: Hop }>();
  const done = new Set<string>();
  for (;;) {
    let best: string | undefined;
    let bestD = Infinity;
    for (const [v, d] of dist) if (!done.has(v) && d < bestD) (best = v), (bestD = d);
    if (best === undefined) throw new TopologyError('links', `no route from ${from} to ${to}`);
    if (best === to) break;
    done.add(best);
    if (best !== from && isDevice(best)) continue;
    for (const e of adj.get(best) ?? []) {
      const nd = bestD + weight(t.links[e.hop.link]);
      // Tie-break on the endpoint name so routes are deterministic.
      const old = dist.get(e.to);
      if (old === undefined || nd < old - 1e-12) {
        dist.set(e.to, nd);
        prev.set(e.to, { v: best, hop: e.hop });
      }
    }
  }
  const hops: Hop[] = [];
  for (let v = to; v !== from; ) {
    const p = prev.get(v)!;
    hops.push(p.hop);
    v = p.v;
  }
  return hops.reverse();
}

/** The vertices a path passes through, endpoints excluded. */
export function interiorVertices(t: Topology, from: string, hops: readonly Hop[]): string[] {
  const out: string[] = [];
  let v = from;
  for (let i = 0; i < hops.length; i++) {
    const l = t.links[hops[i].link];
    v = hops[i].forward ? l.b : l.a;
    if (i < hops.length - 1) out.push(v);
  }
  return out;
}

/** NCCL-style class of a path between two endpoints. */
export function pathClassOf(t: Topology, from: string, hops: readonly Hop[]): PathClass {
  if (hops.length > 0 && hops.every((h) => t.links[h.link].kind === 'nvlink')) return 'NVL';
  const inner = interiorVertices(t, from, hops);
  const numas = inner.filter((v) => /^numa\d+$/.test(v)).length;
  const crossesSocket = hops.some((h) => ['qpi', 'upi', 'infinity-fabric'].includes(t.links[h.link].kind));
  if (numas >= 2 || crossesSocket) return 'SYS';
  if (numas === 1) return 'PHB';
  const switches = inner.length;
  return switches <= 1 ? 'PIX' : 'PXB';
}

export const classRank = (c: PathClass): number => PATH_CLASSES.indexOf(c);

export function deviceById(t: Topology, id: number) {
  const d = t.devices.find((x) => x.id === id);
  if (!d) throw new TopologyError('devices', `no device ${id} in topology '${t.name}'`);
  return d;
}

/** The device a rank runs on. */
export function deviceOfRank(t: Topology, rank: number): number {
  const map = t.ranks ?? t.devices.map((d) => d.id);
  if (!Number.isInteger(rank) || rank < 0 || rank >= map.length) {
    throw new TopologyError('ranks', `rank ${rank} has no device: topology '${t.name}' maps ${map.length} ranks`);
  }
  return map[rank];
}

export const worldSize = (t: Topology): number => (t.ranks ?? t.devices).length;

/** The NUMA node an endpoint belongs to. */
export function numaOfEndpoint(t: Topology, v: string): number {
  const m = /^(numa|dev)(\d+)$/.exec(v);
  if (m) return m[1] === 'numa' ? Number(m[2]) : deviceById(t, Number(m[2])).numa_node;
  const s = t.switches.find((x) => x.id === v);
  if (!s) throw new TopologyError('links', `unknown endpoint '${v}'`);
  return s.numa_node;
}

/**
 * The route a transfer takes. Device pairs whose direct path is worse than
 * the P2P rule allows are staged through host memory on `stagingNode`
 * (default: the sender's NUMA node), store-and-forward.
 */
export function routeBetween(t: Topology, from: string, to: string, stagingNode?: number): Route {
  let cache = routeCache.get(t);
  if (!cache) routeCache.set(t, (cache = new Map()));
  const key = `${from}>${to}@${stagingNode ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const direct = shortestPath(t, from, to);
  const pathClass = pathClassOf(t, from, direct);
  const bothDevices = isDevice(from) && isDevice(to);
  const allowed = t.p2p.max_class !== 'none' && classRank(pathClass) <= classRank(t.p2p.max_class);
  let route: Route;
  if (!bothDevices || allowed || from === to) {
    route = { from, to, segments: [direct], pathClass, staged: false };
  } else {
    const node = stagingNode ?? numaOfEndpoint(t, from);
    const mid = numaName(node);
    route = {
      from, to, pathClass, staged: true, stagingNode: node,
      segments: [shortestPath(t, from, mid), shortestPath(t, mid, to)].filter((s) => s.length > 0),
    };
  }
  cache.set(key, route);
  return route;
}

/** Path class between two devices (of the direct path, before the P2P rule). */
export function devicePathClass(t: Topology, a: number, b: number): PathClass {
  const from = devName(a);
  return pathClassOf(t, from, shortestPath(t, from, devName(b)));
}

/** Key of the bandwidth resource a hop uses: one per direction if duplex. */
export function resourceKey(t: Topology, h: Hop): string {
  return t.links[h.link].duplex ? `${h.link}${h.forward ? '+' : '-'}` : `${h.link}`;
}

export function linkLabel(t: Topology, h: Hop): string {
  const l = t.links[h.link];
  const [x, y] = h.forward || !l.duplex ? [l.a, l.b] : [l.b, l.a];
  return l.duplex ? `${x}->${y} (${l.kind})` : `${l.a}<->${l.b} (${l.kind})`;
}
