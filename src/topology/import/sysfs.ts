/** Import `/sys/devices/system/node` (any directory with the same layout). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatCpuList, parseCpuList } from '../model/cpulist.js';
import { TopologyError, type NumaNode, type Topology } from '../model/types.js';
import { validateTopology } from '../model/validate.js';
import { DEFAULTS, DEFAULT_NOTE, socketLinks } from './defaults.js';

export function importSysfsNodes(dir: string): Topology {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new TopologyError('', `${dir}: not a directory`);
  // Accept /sys/devices/system too.
  const root = readdirSync(dir).some((f) => /^node\d+$/.test(f)) ? dir : join(dir, 'node');
  if (!existsSync(root)) throw new TopologyError('', `${dir}: no node<N> directories (expected /sys/devices/system/node)`);
  const ids = readdirSync(root).filter((f) => /^node\d+$/.test(f)).map((f) => Number(f.slice(4))).sort((a, b) => a - b);
  if (ids.length === 0) throw new TopologyError('', `${root}: no node<N> directories`);
  const read = (id: number, file: string): string => {
    const p = join(root, `node${id}`, file);
    if (!existsSync(p)) throw new TopologyError('', `${p}: missing`);
    return readFileSync(p, 'utf8');
  };
  const matrix: number[][] = [];
  const numa_nodes: NumaNode[] = ids.map((id) => {
    let cpus: number[];
    try {
      cpus = parseCpuList(read(id, 'cpulist'));
    } catch (e) {
      if (e instanceof TopologyError) throw e;
      throw new TopologyError('', `${join(root, `node${id}`, 'cpulist')}: ${(e as Error).message}`);
    }
    const mem = /MemTotal:\s*(\d+)\s*kB/.exec(read(id, 'meminfo'));
    if (!mem) throw new TopologyError('', `${join(root, `node${id}`, 'meminfo')}: no 'MemTotal: N kB' line`);
    const dist = read(id, 'distance').trim().split(/\s+/).map(Number);
    if (dist.length !== ids.length || dist.some((d) => !Number.isFinite(d))) {
      throw new TopologyError('', `${join(root, `node${id}`, 'distance')}: expected ${ids.length} numbers`);
    }
    matrix.push(dist);
    return { id, cpus: formatCpuList(cpus), memory_gib: Number(mem[1]) / 2 ** 20, dram_gbps: DEFAULTS.dram_gbps };
  });
  return validateTopology({
    name: 'sysfs-import',
    description: `imported from ${root}`,
    numa_nodes,
    devices: [],
    links: socketLinks(ids, matrix, 'upi'),
    sources: { import: DEFAULT_NOTE },
  });
}
