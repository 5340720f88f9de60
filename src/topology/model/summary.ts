/** A readable text summary of a topology: nodes, devices, links, P2P classes. */
import { deviceOfRank, devicePathClass, routeBetween, worldSize } from './routes.js';
import { devName, type Topology } from './types.js';

const pad = (s: string | number, n: number): string => String(s).padEnd(n);

export function summarizeTopology(t: Topology): string {
  const L: string[] = [];
  L.push(`topology ${t.name}${t.description ? `: ${t.description}` : ''}`);
  L.push('');
  L.push(`NUMA nodes (${t.numa_nodes.length}):`);
  for (const n of t.numa_nodes) L.push(`  numa${n.id}  cpus ${pad(n.cpus, 16)} ${n.memory_gib.toFixed(1)} GiB  DRAM ${n.dram_gbps} GB/s`);
  L.push('');
  L.push(`devices (${t.devices.length}):`);
  for (const d of t.devices) {
    L.push(
      `  dev${d.id}${d.name ? ` (${d.name})` : ''}  numa${d.numa_node}  ${d.memory_gib} GiB @ ${d.mem_gbps} GB/s  ${d.tflops} TFLOP/s  ` +
        `${d.dma_engines} DMA engines, max ${d.max_dma_bytes} B, align ${d.dma_align}`,
    );
  }
  if (t.switches.length > 0) {
    L.push('');
    L.push(`PCIe switches (${t.switches.length}):`);
    for (const s of t.switches) L.push(`  ${s.id}  numa${s.numa_node}`);
  }
  L.push('');
  L.push(`links (${t.links.length}):`);
  for (const l of t.links) {
    L.push(`  ${pad(`${l.a} -- ${l.b}`, 18)} ${pad(l.kind, 7)} α ${l.alpha_us} µs  ${l.gbps} GB/s ${l.duplex ? 'per direction' : 'shared (half duplex)'}`);
  }
  if (t.devices.length > 1) {
    L.push('');
    L.push(`P2P classes (max direct: ${t.p2p.max_class}; '*' = staged through host memory):`);
    const ids = t.devices.map((d) => d.id);
    L.push(`  ${pad('', 7)}${ids.map((i) => pad(`dev${i}`, 7)).join('')}`);
    for (const a of ids) {
      const row = ids.map((b) => {
        if (a === b) return pad('X', 7);
        const staged = routeBetween(t, devName(a), devName(b)).staged;
        return pad(`${devicePathClass(t, a, b)}${staged ? '*' : ''}`, 7);
      });
      L.push(`  ${pad(`dev${a}`, 7)}${row.join('')}`);
    }
  }
  L.push('');
  const w = worldSize(t);
  L.push(`ranks (${w}): ${Array.from({ length: w }, (_, r) => `${r}→dev${deviceOfRank(t, r)}`).join(' ')}`);
  if (t.levels?.length) L.push(`levels above NUMA: ${t.levels.map((l) => `${l.name} ${JSON.stringify(l.groups)}`).join('; ')}`);
  return L.join('\n') + '\n';
}
