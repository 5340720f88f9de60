/**
 * fast-check arbitraries for random valid topologies, collectives and
 * schedules, for property tests of passes that consult the cost model.
 * Topologies are built from small integer parameters so shrinks read well.
 */
import fc from 'fast-check';
import {
  COLLECTIVE_KINDS,
  PATH_CLASSES,
  validateTopology,
  worldSize,
  type CollectiveKind,
  type CollectiveSpec,
  type Link,
  type LinkKind,
  type PathClass,
  type Schedule,
  type Stage,
  type Topology,
  type Transfer,
} from '../../topology/index.js';

export interface NodeParams {
  /** Devices on this NUMA node (1–8). */
  readonly devices: number;
  /** PCIe switches on this node (0: devices sit on the root complex). */
  readonly switches: number;
  /** Join this node's devices in an NVLink ring. */
  readonly nvlink: boolean;
}

export interface TopologyParams {
  readonly nodes: readonly NodeParams[];
  readonly socketKind: 'qpi' | 'upi' | 'infinity-fabric';
  readonly socketGbps: number;
  readonly pcieGbps: number;
  readonly nvlinkGbps: number;
  /** α in tenths of a microsecond. */
  readonly alphaTenths: number;
  readonly maxClass: PathClass | 'none';
  /** Close the socket chain into a ring (3+ nodes). */
  readonly socketRing: boolean;
}

export interface TopologyArbOptions {
  readonly minNodes?: number;
  readonly maxNodes?: number;
  readonly minDevicesPerNode?: number;
  readonly maxDevicesPerNode?: number;
}

export function arbTopologyParams(o: TopologyArbOptions = {}): fc.Arbitrary<TopologyParams> {
  const node = fc.record({
    devices: fc.integer({ min: o.minDevicesPerNode ?? 1, max: o.maxDevicesPerNode ?? 8 }),
    switches: fc.integer({ min: 0, max: 2 }),
    nvlink: fc.boolean(),
  });
  return fc.record({
    nodes: fc.array(node, { minLength: o.minNodes ?? 1, maxLength: o.maxNodes ?? 4 }),
    socketKind: fc.constantFrom('qpi' as const, 'upi' as const, 'infinity-fabric' as const),
    socketGbps: fc.integer({ min: 5, max: 80 }),
    pcieGbps: fc.integer({ min: 4, max: 64 }),
    nvlinkGbps: fc.integer({ min: 20, max: 300 }),
    alphaTenths: fc.integer({ min: 0, max: 30 }),
    maxClass: fc.constantFrom<PathClass | 'none'>('none', ...PATH_CLASSES),
    socketRing: fc.boolean(),
  });
}

/** Build the topology a parameter set describes (always valid). */
export function topologyFromParams(p: TopologyParams): Topology {
  const links: Link[] = [];
  const alpha = p.alphaTenths / 10;
  const link = (a: string, b: string, kind: LinkKind, gbps: number): void => void links.push({ a, b, kind, alpha_us: alpha, gbps, duplex: true });
  const switches: { id: string; numa_node: number }[] = [];
  const devices: Topology['devices'][number][] = [];
  p.nodes.forEach((n, i) => {
    const sws = Array.from({ length: Math.min(n.switches, n.devices) }, (_, j) => `sw${i}_${j}`);
    sws.forEach((id) => (switches.push({ id, numa_node: i }), link(id, `numa${i}`, 'pcie', p.pcieGbps)));
    const first = devices.length;
    for (let d = 0; d < n.devices; d++) {
      const id = devices.length;
      devices.push({ id, numa_node: i, memory_gib: 16, mem_gbps: 400, tflops: 50, dma_engines: 2, max_dma_bytes: 1 << 24, dma_align: 64 });
      link(`dev${id}`, sws.length ? sws[d % sws.length] : `numa${i}`, 'pcie', p.pcieGbps);
    }
    if (n.nvlink && n.devices >= 2) {
      for (let d = 0; d < n.devices; d++) {
        const a = first + d;
        const b = first + ((d + 1) % n.devices);
        if (n.devices === 2 && d === 1) break;
        link(`dev${a}`, `dev${b}`, 'nvlink', p.nvlinkGbps);
      }
    }
  });
  for (let i = 0; i + 1 < p.nodes.length; i++) link(`numa${i}`, `numa${i + 1}`, p.socketKind, p.socketGbps);
  if (p.socketRing && p.nodes.length >= 3) link(`numa${p.nodes.length - 1}`, 'numa0', p.socketKind, p.socketGbps);
  return validateTopology({
    name: `random-${p.nodes.length}n-${devices.length}d`,
    numa_nodes: p.nodes.map((_, i) => ({ id: i, cpus: `${i * 8}-${i * 8 + 7}`, memory_gib: 64, dram_gbps: 100 })),
    devices,
    switches,
    links,
    p2p: { max_class: p.maxClass },
  });
}

/** Random valid topologies: 1–4 NUMA nodes, 1–8 devices each, mixed link kinds. */
export function arbTopology(o: TopologyArbOptions = {}): fc.Arbitrary<Topology> {
  return arbTopologyParams(o).map(topologyFromParams);
}

/** Equal-sized disjoint groups over a shuffled subset of the topology's ranks. */
export function arbGroups(t: Topology): fc.Arbitrary<number[][]> {
  const w = worldSize(t);
  const ranks = Array.from({ length: w }, (_, r) => r);
  return fc.shuffledSubarray(ranks, { minLength: 1, maxLength: w }).chain((sub) => {
    const sizes = Array.from({ length: sub.length }, (_, i) => i + 1).filter((k) => sub.length % k === 0);
    return fc.constantFrom(...sizes).map((k) => Array.from({ length: sub.length / k }, (_, g) => sub.slice(g * k, g * k + k)));
  });
}

export interface SpecArbOptions {
  readonly kinds?: readonly CollectiveKind[];
  readonly maxBytes?: number;
}

export function arbCollectiveSpec(t: Topology, o: SpecArbOptions = {}): fc.Arbitrary<CollectiveSpec> {
  const kinds = (o.kinds ?? COLLECTIVE_KINDS).filter((k) => k !== 'permute' || worldSize(t) >= 2);
  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      bytes: fc.integer({ min: 0, max: o.maxBytes ?? 1 << 28 }),
      groups: arbGroups(t),
      rootSeed: fc.nat(),
      pairSeed: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
    })
    .map(({ kind, bytes, groups, rootSeed, pairSeed }) => {
      if (kind === 'permute') {
        const w = worldSize(t);
        return { kind, bytes, groups, pairs: pairSeed.map(([a, b]) => [a % w, b % w] as const) };
      }
      return { kind, bytes, groups, root: rootSeed % groups[0].length };
    });
}

const arbTransfer = (t: Topology): fc.Arbitrary<Transfer> => {
  const ids = t.devices.map((d) => d.id);
  return fc
    .record({ a: fc.constantFrom(...ids), b: fc.constantFrom(...ids), bytes: fc.integer({ min: 0, max: 1 << 26 }) })
    .filter(({ a, b }) => a !== b)
    .map(({ a, b, bytes }) => ({ from: `dev${a}`, to: `dev${b}`, bytes }));
};

/** Random schedules of device-to-device transfers (topologies with 2+ devices). */
export function arbSchedule(t: Topology, o: { maxStages?: number; maxTransfers?: number } = {}): fc.Arbitrary<Schedule> {
  if (t.devices.length < 2) return fc.constant({ stages: [] });
  const stage: fc.Arbitrary<Stage> = fc.array(arbTransfer(t), { minLength: 1, maxLength: o.maxTransfers ?? 6 }).map((transfers) => ({ transfers, compute: [] }));
  return fc.array(stage, { minLength: 1, maxLength: o.maxStages ?? 4 }).map((stages) => ({ stages }));
}
