/** Import `numactl --hardware` text: nodes, CPUs, memory, the distance matrix. */
import { formatCpuList } from '../model/cpulist.js';
import { TopologyError, type NumaNode, type Topology } from '../model/types.js';
import { validateTopology } from '../model/validate.js';
import { DEFAULTS, DEFAULT_NOTE, socketLinks } from './defaults.js';

export function importNumactl(text: string, source = 'numactl.txt'): Topology {
  const lines = text.split(/\r?\n/);
  if (!lines.some((l) => /^available:\s*\d+\s+nodes?/.test(l))) {
    throw new TopologyError('', `${source}:1: not 'numactl --hardware' output (no 'available: N nodes' line)`);
  }
  const cpus = new Map<number, number[]>();
  const size = new Map<number, number>();
  let distIds: number[] | undefined;
  const dist = new Map<number, number[]>();
  lines.forEach((line, i) => {
    const where = `${source}:${i + 1}`;
    let m: RegExpExecArray | null;
    if ((m = /^node (\d+) cpus:(.*)$/.exec(line))) {
      const list = m[2].trim().split(/\s+/).filter(Boolean).map(Number);
      if (list.some((c) => !Number.isInteger(c))) throw new TopologyError('', `${where}: bad CPU number in '${line}'`);
      cpus.set(Number(m[1]), list);
    } else if ((m = /^node (\d+) size:\s*(\d+)\s*(MB|GB|kB)$/.exec(line))) {
      const scale = m[3] === 'GB' ? 1 : m[3] === 'MB' ? 1 / 1024 : 1 / 2 ** 20;
      size.set(Number(m[1]), Number(m[2]) * scale);
    } else if (/^node\s+distances:/.test(line)) {
      distIds = [];
    } else if (distIds && distIds.length === 0 && (m = /^node((?:\s+\d+)+)\s*$/.exec(line))) {
      distIds = m[1].trim().split(/\s+/).map(Number);
    } else if (distIds && (m = /^\s*(\d+):((?:\s+\d+)+)\s*$/.exec(line))) {
      const row = m[2].trim().split(/\s+/).map(Number);
      if (row.length !== distIds.length) throw new TopologyError('', `${where}: distance row has ${row.length} entries, expected ${distIds.length}`);
      dist.set(Number(m[1]), row);
    }
  });
  const ids = [...cpus.keys()].sort((a, b) => a - b);
  if (ids.length === 0) throw new TopologyError('', `${source}: no 'node N cpus:' lines`);
  const numa_nodes: NumaNode[] = ids.map((id) => ({
    id,
    cpus: formatCpuList(cpus.get(id) ?? []),
    memory_gib: size.get(id) ?? 0,
    dram_gbps: DEFAULTS.dram_gbps,
  }));
  const matrix = distIds && distIds.length > 0 ? ids.map((a) => ids.map((b) => dist.get(a)?.[distIds!.indexOf(b)] ?? 0)) : undefined;
  return validateTopology({
    name: 'numactl-import',
    description: `imported from numactl --hardware (${source})`,
    numa_nodes,
    devices: [],
    links: socketLinks(ids, matrix, 'upi'),
    sources: { import: DEFAULT_NOTE },
  });
}
