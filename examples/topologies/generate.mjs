// Writes the embedded topologies (examples/topologies/*.json). Every constant
// is sourced in docs/topology.md; the short keys in `sources` point there.
// Run: node examples/topologies/generate.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const link = (a, b, kind, alpha_us, gbps, duplex = true) => ({ a, b, kind, alpha_us, gbps, duplex });

const PCIE3 = { gbps: 12.0, alpha_us: 1.0 };   // NCCL topo.h PCI_BW (Gen3 x16 effective)
const PCIE4 = { gbps: 24.0, alpha_us: 1.0 };   // NCCL PCIe speed table: 16 GT/s x16 -> 24 GB/s
const QPI = { gbps: 19.2, alpha_us: 0.5 };     // QPI 9.6 GT/s x 2 B per direction
const UPI3 = { gbps: 62.4, alpha_us: 0.5 };    // 3 UPI links x 10.4 GT/s x 2 B
const UPI1 = { gbps: 20.8, alpha_us: 0.5 };    // one UPI link, 10.4 GT/s x 2 B
const NVL4 = { gbps: 80.0, alpha_us: 0.6 };    // 4 NVLink3 links x NCCL SM80_NVLINK_BW 20 GB/s

function dla(id, numa_node) {
  return { id, name: `dla${id}`, numa_node, memory_gib: 16, mem_gbps: 38.4, tflops: 16, dma_engines: 2, max_dma_bytes: 4194304, dma_align: 64 };
}
function gpu(id, numa_node) {
  return { id, name: `gpu${id}`, numa_node, memory_gib: 40, mem_gbps: 1555, tflops: 312, dma_engines: 3, max_dma_bytes: 2147483648, dma_align: 256 };
}

const common = {
  $schema: './topology.schema.json',
};

const topologies = {
  'dual-socket-6dla': {
    ...common,
    name: 'dual-socket-6dla',
    description:
      "The paper's machine: two Xeon E5-2600 v4 sockets joined by QPI, three DRAM-backed accelerators per socket on PCIe Gen3 x16. Devices on one socket DMA peer-to-peer through the root complex (PHB); cross-socket device pairs are staged through host memory.",
    numa_nodes: [
      { id: 0, cpus: '0-13,28-41', memory_gib: 128, dram_gbps: 76.8 },
      { id: 1, cpus: '14-27,42-55', memory_gib: 128, dram_gbps: 76.8 },
    ],
    devices: [0, 1, 2, 3, 4, 5].map((i) => dla(i, i < 3 ? 0 : 1)),
    switches: [],
    links: [
      ...[0, 1, 2].map((i) => link(`dev${i}`, 'numa0', 'pcie', PCIE3.alpha_us, PCIE3.gbps)),
      ...[3, 4, 5].map((i) => link(`dev${i}`, 'numa1', 'pcie', PCIE3.alpha_us, PCIE3.gbps)),
      link('numa0', 'numa1', 'qpi', QPI.alpha_us, QPI.gbps),
    ],
    p2p: { max_class: 'PHB' },
    library_overhead_us: 8.4,
    sources: { pcie: 'docs/topology.md#pcie', qpi: 'docs/topology.md#qpi', dram: 'docs/topology.md#dram', dla: 'docs/topology.md#accelerators' },
  },
  'dual-socket-8gpu-pcie': {
    ...common,
    name: 'dual-socket-8gpu-pcie',
    description: 'Two Ice Lake-SP sockets (3 UPI links), four PCIe Gen4 GPUs per socket behind two PCIe switches (two GPUs per switch).',
    numa_nodes: [
      { id: 0, cpus: '0-31,64-95', memory_gib: 512, dram_gbps: 204.8 },
      { id: 1, cpus: '32-63,96-127', memory_gib: 512, dram_gbps: 204.8 },
    ],
    devices: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => gpu(i, i < 4 ? 0 : 1)),
    switches: [
      { id: 'sw0', numa_node: 0 }, { id: 'sw1', numa_node: 0 },
      { id: 'sw2', numa_node: 1 }, { id: 'sw3', numa_node: 1 },
    ],
    links: [
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => link(`dev${i}`, `sw${i >> 1}`, 'pcie', 0.5, PCIE4.gbps)),
      ...[0, 1, 2, 3].map((s) => link(`sw${s}`, `numa${s >> 1}`, 'pcie', 0.5, PCIE4.gbps)),
      link('numa0', 'numa1', 'upi', UPI3.alpha_us, UPI3.gbps),
    ],
    p2p: { max_class: 'PHB' },
    library_overhead_us: 8.4,
  },
  'single-socket-4gpu': {
    ...common,
    name: 'single-socket-4gpu',
    description: 'One socket, four PCIe Gen4 x16 GPUs directly on the root complex.',
    numa_nodes: [{ id: 0, cpus: '0-31', memory_gib: 256, dram_gbps: 204.8 }],
    devices: [0, 1, 2, 3].map((i) => gpu(i, 0)),
    switches: [],
    links: [0, 1, 2, 3].map((i) => link(`dev${i}`, 'numa0', 'pcie', PCIE4.alpha_us, PCIE4.gbps)),
    p2p: { max_class: 'PHB' },
    library_overhead_us: 8.4,
  },
  'quad-socket-8dla': {
    ...common,
    name: 'quad-socket-8dla',
    description:
      'Four Skylake-SP sockets wired as a square (0-1, 1-3, 3-2, 2-0: the diagonals are two UPI hops), two DLAs per socket on PCIe Gen3 x16; two boards of two sockets form an extra hierarchy level.',
    numa_nodes: [0, 1, 2, 3].map((id) => ({ id, cpus: `${id * 24}-${id * 24 + 23}`, memory_gib: 192, dram_gbps: 128 })),
    devices: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => dla(i, i >> 1)),
    switches: [],
    links: [
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => link(`dev${i}`, `numa${i >> 1}`, 'pcie', PCIE3.alpha_us, PCIE3.gbps)),
      link('numa0', 'numa1', 'upi', UPI1.alpha_us, UPI1.gbps),
      link('numa1', 'numa3', 'upi', UPI1.alpha_us, UPI1.gbps),
      link('numa3', 'numa2', 'upi', UPI1.alpha_us, UPI1.gbps),
      link('numa2', 'numa0', 'upi', UPI1.alpha_us, UPI1.gbps),
    ],
    p2p: { max_class: 'PHB' },
    levels: [{ name: 'board', groups: [[0, 1], [2, 3]] }],
    library_overhead_us: 8.4,
  },
  'dual-socket-nvlink-islands': {
    ...common,
    name: 'dual-socket-nvlink-islands',
    description: 'Two sockets, four GPUs each fully connected by NVLink inside the socket; PCIe Gen4 to the host and UPI across sockets.',
    numa_nodes: [
      { id: 0, cpus: '0-31,64-95', memory_gib: 512, dram_gbps: 204.8 },
      { id: 1, cpus: '32-63,96-127', memory_gib: 512, dram_gbps: 204.8 },
    ],
    devices: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => gpu(i, i < 4 ? 0 : 1)),
    switches: [],
    links: [
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => link(`dev${i}`, `numa${i >> 2}`, 'pcie', PCIE4.alpha_us, PCIE4.gbps)),
      ...[0, 4].flatMap((base) =>
        [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]].map(([x, y]) => link(`dev${base + x}`, `dev${base + y}`, 'nvlink', NVL4.alpha_us, NVL4.gbps)),
      ),
      link('numa0', 'numa1', 'upi', UPI3.alpha_us, UPI3.gbps),
    ],
    p2p: { max_class: 'PHB' },
    library_overhead_us: 8.4,
  },
};

for (const [name, t] of Object.entries(topologies)) {
  writeFileSync(join(here, `${name}.json`), JSON.stringify(t, null, 2) + '\n');
}
console.log(`wrote ${Object.keys(topologies).length} topologies to ${here}`);
