/**
 * Import `nvidia-smi topo -m`. The matrix gives each GPU pair's connection
 * class (NV#, PIX, PXB, PHB, NODE, SYS); we rebuild a graph that reproduces
 * those classes: a switch per PIX group, a parent switch per PXB group, the
 * root complex for PHB/NODE, the socket link for SYS, NVLink edges for NV#.
 */
import { parseCpuList, formatCpuList } from '../model/cpulist.js';
import { TopologyError, type Device, type Link, type NumaNode, type PcieSwitch, type Topology } from '../model/types.js';
import { validateTopology } from '../model/validate.js';
import { DEFAULTS, DEFAULT_NOTE, defaultDevice, socketLinks } from './defaults.js';

const CELL = /^(X|SYS|NODE|PHB|PXB|PIX|NV\d+|NVB|PXN|SOC)$/;

export function importNvidiaSmi(text: string, source = 'nvidia-smi.txt'): Topology {
  const lines = text.replace(/\x1b\[[0-9;]*m/g, '').split(/\r?\n/);
  const headerAt = lines.findIndex((l) => {
    const cells = l.split('\t').map((c) => c.trim());
    return cells.length > 1 && cells[0] === '' && cells.includes('GPU0');
  });
  if (headerAt < 0) throw new TopologyError('', `${source}:1: not 'nvidia-smi topo -m' output (no header with GPU0)`);
  const header = lines[headerAt].split('\t').map((c) => c.trim());
  const gpuCols = header.map((h, i) => (/^GPU\d+$/.test(h) ? i : -1)).filter((i) => i >= 0);
  const cpuCol = header.indexOf('CPU Affinity');
  const numaCol = header.indexOf('NUMA Affinity');
  const n = gpuCols.length;
  const cls: string[][] = [];
  const cpuOf: string[] = [];
  const numaOf: number[] = [];
  for (let g = 0; g < n; g++) {
    const lineNo = lines.findIndex((l, i) => i > headerAt && new RegExp(`^GPU${g}\\t`).test(l));
    if (lineNo < 0) throw new TopologyError('', `${source}: no row for GPU${g}`);
    const cells = lines[lineNo].split('\t').map((c) => c.trim());
    const row = gpuCols.map((c) => cells[c] ?? '');
    row.forEach((c, j) => {
      if (!CELL.test(c)) throw new TopologyError('', `${source}:${lineNo + 1}: GPU${g}/GPU${j}: unknown connection '${c}'`);
    });
    if (row[g] !== 'X') throw new TopologyError('', `${source}:${lineNo + 1}: GPU${g} should be 'X' with itself, got '${row[g]}'`);
    cls.push(row);
    cpuOf.push(cpuCol >= 0 ? (cells[cpuCol] ?? '') : '');
    const numa = numaCol >= 0 ? Number(cells[numaCol]) : NaN;
    numaOf.push(Number.isInteger(numa) ? numa : 0);
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (cls[i][j] !== cls[j][i]) throw new TopologyError('', `${source}: matrix not symmetric at GPU${i}/GPU${j}`);
  }

  const nodeIds = [...new Set(numaOf)].sort((a, b) => a - b);
  const numa_nodes: NumaNode[] = nodeIds.map((id) => {
    const cpus = new Set<number>();
    numaOf.forEach((nn, g) => {
      if (nn !== id || !cpuOf[g] || cpuOf[g] === 'N/A') return;
      try {
        parseCpuList(cpuOf[g]).forEach((c) => cpus.add(c));
      } catch {
        throw new TopologyError('', `${source}: GPU${g}: bad CPU affinity '${cpuOf[g]}'`);
      }
    });
    return { id, cpus: formatCpuList([...cpus]), memory_gib: 0, dram_gbps: DEFAULTS.dram_gbps };
  });
  const devices: Device[] = numaOf.map((nn, g) => defaultDevice(g, nn, `GPU${g}`));
  const switches: PcieSwitch[] = [];
  const links: Link[] = [];
  const pcie = (a: string, b: string): Link => ({ a, b, kind: 'pcie', alpha_us: DEFAULTS.pcie_alpha_us / 2, gbps: DEFAULTS.pcie_gbps, duplex: true });

  // Union-find groups: PIX (same switch), then PXB (same switch tree).
  const groupsWithin = (ok: (c: string) => boolean): number[][] => {
    const parent = devices.map((_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (ok(cls[i][j])) parent[find(i)] = find(j);
    const by = new Map<number, number[]>();
    devices.forEach((_, i) => by.set(find(i), [...(by.get(find(i)) ?? []), i]));
    return [...by.values()];
  };
  const pix = groupsWithin((c) => c === 'PIX');
  const pxb = groupsWithin((c) => c === 'PIX' || c === 'PXB');
  const upOf = new Map<number, string>(); // device -> vertex its PCIe uplink reaches
  for (const g of pix) {
    if (g.length === 1) continue;
    const sw = `sw${switches.length}`;
    switches.push({ id: sw, numa_node: numaOf[g[0]] });
    g.forEach((d) => (links.push(pcie(`dev${d}`, sw)), upOf.set(d, sw)));
  }
  const newSwitch = (numa: number): string => {
    const id = `sw${switches.length}`;
    switches.push({ id, numa_node: numa });
    return id;
  };
  for (const g of pxb) {
    let tops = [...new Set(g.map((d) => upOf.get(d) ?? `dev${d}`))];
    let top = tops[0];
    if (tops.length > 1) {
      // PXB means two or more bridges apart: a bare device gets its own switch first.
      tops = tops.map((t) => {
        if (!t.startsWith('dev')) return t;
        const sw = newSwitch(numaOf[Number(t.slice(3))]);
        links.push(pcie(t, sw));
        return sw;
      });
      top = newSwitch(numaOf[g[0]]);
      tops.forEach((t) => links.push(pcie(t, top)));
    }
    links.push(pcie(top, `numa${numaOf[g[0]]}`));
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const m = /^NV(\d+)$/.exec(cls[i][j]);
    if (m) {
      links.push({ a: `dev${i}`, b: `dev${j}`, kind: 'nvlink', alpha_us: DEFAULTS.nvlink_alpha_us, gbps: Number(m[1]) * DEFAULTS.nvlink_gbps_per_link, duplex: true });
    }
  }
  links.push(...socketLinks(nodeIds, undefined, 'upi'));
  return validateTopology({
    name: 'nvidia-smi-import',
    description: `imported from nvidia-smi topo -m (${source})`,
    numa_nodes,
    devices,
    switches,
    links,
    p2p: { max_class: 'PHB' },
    sources: { import: DEFAULT_NOTE },
  });
}
