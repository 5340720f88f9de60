/**
 * Turn untrusted JSON into a `Topology`, checking every field and every
 * cross-reference. Errors name the field (`devices[2].numa_node`).
 */
import { parseCpuList } from './cpulist.js';
import {
  LINK_KINDS,
  PATH_CLASSES,
  TopologyError,
  devName,
  numaName,
  type Device,
  type HierarchyLevel,
  type Link,
  type LinkKind,
  type NumaNode,
  type P2PRule,
  type PathClass,
  type PcieSwitch,
  type Topology,
} from './types.js';

type Obj = Record<string, unknown>;

function obj(v: unknown, field: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TopologyError(field, 'expected an object');
  return v as Obj;
}
function arr(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) throw new TopologyError(field, 'expected an array');
  return v;
}
function str(o: Obj, key: string, field: string): string {
  const v = o[key];
  if (v === undefined) throw new TopologyError(`${field}.${key}`, 'missing required field');
  if (typeof v !== 'string' || v === '') throw new TopologyError(`${field}.${key}`, 'expected a non-empty string');
  return v;
}
function num(o: Obj, key: string, field: string, opts: { int?: boolean; min?: number; positive?: boolean } = {}): number {
  const v = o[key];
  const f = `${field}.${key}`;
  if (v === undefined) throw new TopologyError(f, 'missing required field');
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TopologyError(f, `expected a number, got ${JSON.stringify(v)}`);
  if (opts.int && !Number.isInteger(v)) throw new TopologyError(f, `expected an integer, got ${v}`);
  if (opts.positive && !(v > 0)) throw new TopologyError(f, `must be > 0, got ${v}`);
  if (opts.min !== undefined && v < opts.min) throw new TopologyError(f, `must be >= ${opts.min}, got ${v}`);
  return v;
}
function checkKeys(o: Obj, allowed: readonly string[], field: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new TopologyError(`${field}.${k}`, `unknown field (allowed: ${allowed.join(', ')})`);
  }
}

function numaNode(v: unknown, field: string): NumaNode {
  const o = obj(v, field);
  checkKeys(o, ['id', 'cpus', 'memory_gib', 'dram_gbps'], field);
  const cpus = str(o, 'cpus', field);
  try {
    parseCpuList(cpus, `${field}.cpus`);
  } catch (e) {
    throw new TopologyError(`${field}.cpus`, `bad cpu list '${cpus}' (expected e.g. "0-23,48-71")`);
  }
  return {
    id: num(o, 'id', field, { int: true, min: 0 }),
    cpus,
    memory_gib: num(o, 'memory_gib', field, { min: 0 }),
    dram_gbps: num(o, 'dram_gbps', field, { positive: true }),
  };
}

function device(v: unknown, field: string): Device {
  const o = obj(v, field);
  checkKeys(o, ['id', 'name', 'numa_node', 'memory_gib', 'mem_gbps', 'tflops', 'dma_engines', 'max_dma_bytes', 'dma_align'], field);
  const d: Device = {
    id: num(o, 'id', field, { int: true, min: 0 }),
    numa_node: num(o, 'numa_node', field, { int: true, min: 0 }),
    memory_gib: num(o, 'memory_gib', field, { min: 0 }),
    mem_gbps: num(o, 'mem_gbps', field, { positive: true }),
    tflops: num(o, 'tflops', field, { positive: true }),
    dma_engines: num(o, 'dma_engines', field, { int: true, min: 1 }),
    max_dma_bytes: num(o, 'max_dma_bytes', field, { int: true, min: 1 }),
    dma_align: num(o, 'dma_align', field, { int: true, min: 1 }),
  };
  if (o.name !== undefined) return { ...d, name: str(o, 'name', field) };
  return d;
}

function pcieSwitch(v: unknown, field: string): PcieSwitch {
  const o = obj(v, field);
  checkKeys(o, ['id', 'numa_node'], field);
  const id = str(o, 'id', field);
  if (/^(numa|dev)\d+$/.test(id)) throw new TopologyError(`${field}.id`, `'${id}' is reserved for NUMA nodes and devices`);
  return { id, numa_node: num(o, 'numa_node', field, { int: true, min: 0 }) };
}

function link(v: unknown, field: string): Link {
  const o = obj(v, field);
  checkKeys(o, ['a', 'b', 'kind', 'alpha_us', 'gbps', 'duplex'], field);
  const kind = str(o, 'kind', field);
  if (!LINK_KINDS.includes(kind as LinkKind)) {
    throw new TopologyError(`${field}.kind`, `unknown link kind '${kind}' (expected one of ${LINK_KINDS.join(', ')})`);
  }
  const duplex = o.duplex === undefined ? true : o.duplex;
  if (typeof duplex !== 'boolean') throw new TopologyError(`${field}.duplex`, 'expected true or false');
  return {
    a: str(o, 'a', field),
    b: str(o, 'b', field),
    kind: kind as LinkKind,
    alpha_us: num(o, 'alpha_us', field, { min: 0 }),
    gbps: num(o, 'gbps', field, { positive: true }),
    duplex,
  };
}

function p2pRule(v: unknown): P2PRule {
  if (v === undefined) return { max_class: 'PHB' };
  const o = obj(v, 'p2p');
  checkKeys(o, ['max_class'], 'p2p');
  const c = str(o, 'max_class', 'p2p');
  if (c !== 'none' && !PATH_CLASSES.includes(c as PathClass)) {
    throw new TopologyError('p2p.max_class', `unknown path class '${c}' (expected none or one of ${PATH_CLASSES.join(', ')})`);
  }
  return { max_class: c as PathClass | 'none' };
}

function levels(v: unknown, nodeIds: Set<number>): HierarchyLevel[] {
  return arr(v, 'levels').map((lv, i) => {
    const f = `levels[${i}]`;
    const o = obj(lv, f);
    checkKeys(o, ['name', 'groups'], f);
    const seen = new Set<number>();
    const groups = arr(o.groups, `${f}.groups`).map((g, j) =>
      arr(g, `${f}.groups[${j}]`).map((n, k) => {
        if (typeof n !== 'number' || !nodeIds.has(n)) throw new TopologyError(`${f}.groups[${j}][${k}]`, `unknown NUMA node ${JSON.stringify(n)}`);
        if (seen.has(n)) throw new TopologyError(`${f}.groups[${j}][${k}]`, `NUMA node ${n} appears twice`);
        seen.add(n);
        return n;
      }),
    );
    if (seen.size !== nodeIds.size) throw new TopologyError(`${f}.groups`, 'must cover every NUMA node exactly once');
    return { name: str(o, 'name', f), groups };
  });
}

const TOP_KEYS = [
  '$schema', 'name', 'description', 'numa_nodes', 'devices', 'switches', 'links', 'p2p', 'ranks', 'levels',
  'library_overhead_us', 'sources',
];

/** Validate parsed JSON as a topology; throws `TopologyError` naming the field. */
export function validateTopology(json: unknown): Topology {
  const o = obj(json, '');
  checkKeys(o, TOP_KEYS, '');
  const name = str(o, 'name', '');
  const numa_nodes = arr(o.numa_nodes, 'numa_nodes').map((n, i) => numaNode(n, `numa_nodes[${i}]`));
  if (numa_nodes.length === 0) throw new TopologyError('numa_nodes', 'at least one NUMA node is required');
  const devices = arr(o.devices ?? [], 'devices').map((d, i) => device(d, `devices[${i}]`));
  const switches = arr(o.switches ?? [], 'switches').map((s, i) => pcieSwitch(s, `switches[${i}]`));
  const links = arr(o.links ?? [], 'links').map((l, i) => link(l, `links[${i}]`));

  const nodeIds = new Set<number>();
  numa_nodes.forEach((n, i) => {
    if (nodeIds.has(n.id)) throw new TopologyError(`numa_nodes[${i}].id`, `duplicate NUMA node id ${n.id}`);
    nodeIds.add(n.id);
  });
  const endpoints = new Set<string>([...nodeIds].map(numaName));
  const devIds = new Set<number>();
  devices.forEach((d, i) => {
    if (devIds.has(d.id)) throw new TopologyError(`devices[${i}].id`, `duplicate device id ${d.id}`);
    if (!nodeIds.has(d.numa_node)) throw new TopologyError(`devices[${i}].numa_node`, `unknown NUMA node ${d.numa_node}`);
    devIds.add(d.id);
    endpoints.add(devName(d.id));
  });
  switches.forEach((s, i) => {
    if (endpoints.has(s.id)) throw new TopologyError(`switches[${i}].id`, `duplicate endpoint id '${s.id}'`);
    if (!nodeIds.has(s.numa_node)) throw new TopologyError(`switches[${i}].numa_node`, `unknown NUMA node ${s.numa_node}`);
    endpoints.add(s.id);
  });
  links.forEach((l, i) => {
    for (const end of ['a', 'b'] as const) {
      if (!endpoints.has(l[end])) {
        throw new TopologyError(`links[${i}].${end}`, `unknown endpoint '${l[end]}' (use numa<N>, dev<N> or a switch id)`);
      }
    }
    if (l.a === l.b) throw new TopologyError(`links[${i}]`, `link joins '${l.a}' to itself`);
  });

  let ranks: number[] | undefined;
  if (o.ranks !== undefined) {
    ranks = arr(o.ranks, 'ranks').map((r, i) => {
      if (typeof r !== 'number' || !devIds.has(r)) throw new TopologyError(`ranks[${i}]`, `unknown device ${JSON.stringify(r)}`);
      return r;
    });
  }
  const topo: Topology = {
    name,
    numa_nodes,
    devices,
    switches,
    links,
    p2p: p2pRule(o.p2p),
    ...(typeof o.description === 'string' ? { description: o.description } : {}),
    ...(ranks ? { ranks } : {}),
    ...(o.levels !== undefined ? { levels: levels(o.levels, nodeIds) } : {}),
    ...(o.library_overhead_us !== undefined ? { library_overhead_us: num(o, 'library_overhead_us', '', { min: 0 }) } : {}),
    ...(o.sources !== undefined ? { sources: sourcesOf(o.sources) } : {}),
  };
  checkConnected(topo);
  return topo;
}

function sourcesOf(v: unknown): Record<string, string> {
  const o = obj(v, 'sources');
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(o)) {
    if (typeof s !== 'string') throw new TopologyError(`sources.${k}`, 'expected a string');
    out[k] = s;
  }
  return out;
}

/** Every device must reach the host without passing through another device, and all NUMA nodes each other. */
function checkConnected(t: Topology): void {
  const adj = new Map<string, string[]>();
  for (const l of t.links) {
    adj.set(l.a, [...(adj.get(l.a) ?? []), l.b]);
    adj.set(l.b, [...(adj.get(l.b) ?? []), l.a]);
  }
  const start = numaName(t.numa_nodes[0].id);
  const seen = new Set<string>([start]);
  const todo = [start];
  while (todo.length > 0) {
    const v = todo.pop()!;
    if (/^dev\d+$/.test(v)) continue; // devices never forward traffic
    for (const w of adj.get(v) ?? []) if (!seen.has(w)) (seen.add(w), todo.push(w));
  }
  t.numa_nodes.forEach((n, i) => {
    if (!seen.has(numaName(n.id))) throw new TopologyError(`numa_nodes[${i}]`, `NUMA node ${n.id} is not linked to NUMA node ${t.numa_nodes[0].id}`);
  });
  t.devices.forEach((d, i) => {
    if (!seen.has(devName(d.id))) throw new TopologyError(`devices[${i}]`, `device ${d.id} has no link path to the host`);
  });
}
