/**
 * The topology data model. Plain data only (no classes), so topologies
 * serialise to JSON unchanged and later passes can build them by hand.
 *
 * Units: bandwidths in GB/s (10^9 bytes per second, as NCCL's topo.h counts
 * them), latencies in microseconds, capacities in GiB.
 */

/** Interconnect kinds. `host` is a device's or switch's link into host memory. */
export type LinkKind = 'pcie' | 'upi' | 'qpi' | 'nvlink' | 'host' | 'infinity-fabric';
export const LINK_KINDS: readonly LinkKind[] = ['pcie', 'upi', 'qpi', 'nvlink', 'host', 'infinity-fabric'];

/**
 * NCCL's path classes, best first. NVL: NVLink only; PIX: at most one PCIe
 * switch; PXB: several PCIe switches, no host bridge; PHB: through one CPU's
 * host bridge; NODE: between host bridges of one NUMA node; SYS: across the
 * SMP interconnect (QPI/UPI) between NUMA nodes.
 */
export type PathClass = 'NVL' | 'PIX' | 'PXB' | 'PHB' | 'NODE' | 'SYS';
export const PATH_CLASSES: readonly PathClass[] = ['NVL', 'PIX', 'PXB', 'PHB', 'NODE', 'SYS'];

export interface NumaNode {
  readonly id: number;
  /** Linux cpulist syntax, e.g. "0-23,48-71". */
  readonly cpus: string;
  readonly memory_gib: number;
  readonly dram_gbps: number;
}

export interface Device {
  readonly id: number;
  readonly name?: string;
  readonly numa_node: number;
  readonly memory_gib: number;
  readonly mem_gbps: number;
  readonly tflops: number;
  readonly dma_engines: number;
  readonly max_dma_bytes: number;
  readonly dma_align: number;
}

export interface PcieSwitch {
  readonly id: string;
  readonly numa_node: number;
}

/**
 * A link between two endpoints. Endpoint names: `numa<N>` (the socket's root
 * complex and memory controller), `dev<N>`, or a switch id. `gbps` and
 * `alpha_us` are per direction; a full-duplex link carries `gbps` each way at
 * once, a half-duplex link shares `gbps` between both directions.
 */
export interface Link {
  readonly a: string;
  readonly b: string;
  readonly kind: LinkKind;
  readonly alpha_us: number;
  readonly gbps: number;
  readonly duplex: boolean;
}

/** Which device pairs may talk peer-to-peer; worse classes are host-staged. */
export interface P2PRule {
  /** The worst path class still allowed to DMA directly ("none": stage everything). */
  readonly max_class: PathClass | 'none';
}

/** An extra hierarchy level above NUMA nodes: a partition of the NUMA node ids. */
export interface HierarchyLevel {
  readonly name: string;
  readonly groups: readonly (readonly number[])[];
}

export interface Topology {
  readonly name: string;
  readonly description?: string;
  readonly numa_nodes: readonly NumaNode[];
  readonly devices: readonly Device[];
  readonly switches: readonly PcieSwitch[];
  readonly links: readonly Link[];
  readonly p2p: P2PRule;
  /** rank r runs on device ranks[r]; default: devices in listed order. */
  readonly ranks?: readonly number[];
  /** Levels above NUMA nodes, innermost first (e.g. boards of two sockets). */
  readonly levels?: readonly HierarchyLevel[];
  /** Per-call software overhead of a vendor collective library, µs. */
  readonly library_overhead_us?: number;
  /** Free-form provenance of the constants (kept on round trip). */
  readonly sources?: Readonly<Record<string, string>>;
}

export const numaName = (id: number): string => `numa${id}`;
export const devName = (id: number): string => `dev${id}`;

/** Error in a topology file or value; `field` is a JSON-path-like location. */
export class TopologyError extends Error {
  readonly field: string;
  readonly detail: string;
  constructor(field: string, detail: string, source?: string) {
    super([source, field, detail].filter(Boolean).join(': '));
    this.name = 'TopologyError';
    this.field = field;
    this.detail = detail;
  }
}
