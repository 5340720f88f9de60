import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  devicePathClass,
  importHwlocXml,
  importNumactl,
  importNvidiaSmi,
  importSysfsNodes,
  loadTopology,
  parseCpuList,
  parseHwlocBitmap,
  shortestPath,
} from '../../src/topology/index.js';

const fx = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const read = (name: string): string => readFileSync(fx(name), 'utf8');

function lstopoXml(): string | undefined {
  try {
    return execFileSync('lstopo', ['--of', 'xml', '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

describe('hwloc XML', () => {
  it('reads bitmaps', () => {
    expect(parseHwlocBitmap('0x00000005')).toEqual([0, 2]);
    expect(parseHwlocBitmap('0x00000001,0x80000000')).toEqual([31, 32]);
  });
  it('imports the fixture: nodes, accelerators, the switch, socket link', () => {
    const t = importHwlocXml(read('hwloc-2socket-4gpu.xml'), 'hwloc-2socket-4gpu.xml');
    expect(t.name).toBe('gpu-node-17');
    expect(t.numa_nodes.map((n) => [n.id, n.cpus])).toEqual([[0, '0-1'], [1, '2-3']]);
    expect(t.numa_nodes[0].memory_gib).toBeCloseTo(201326592000 / 2 ** 30, 6);
    // cuda0, cuda1 (behind one PLX switch), cuda2, and the class-1200 accelerator; not the NIC.
    expect(t.devices.map((d) => [d.name, d.numa_node])).toEqual([['cuda0', 0], ['cuda1', 0], ['cuda2', 1], ['0000:87:00.0', 1]]);
    expect(t.devices[0].memory_gib).toBeCloseTo(15.75, 2);
    expect(devicePathClass(t, 0, 1)).toBe('PIX');
    expect(devicePathClass(t, 0, 2)).toBe('SYS');
    expect(t.links.filter((l) => l.a.startsWith('numa') && l.b.startsWith('numa'))).toHaveLength(1);
    expect(t.links.find((l) => l.a === 'dev3')!.gbps).toBeCloseTo(7.876923, 5);
  });
  it("imports this machine's own lstopo output", (ctx) => {
    const xml = lstopoXml();
    if (xml === undefined) return ctx.skip();
    const t = importHwlocXml(xml, 'lstopo');
    const cpus = t.numa_nodes.flatMap((n) => parseCpuList(n.cpus));
    expect(t.numa_nodes.length).toBeGreaterThanOrEqual(1);
    expect(cpus.length).toBeGreaterThanOrEqual(1);
    expect(t.numa_nodes.reduce((a, n) => a + n.memory_gib, 0)).toBeGreaterThan(0);
  });
  it('rejects malformed XML with a line number', () => {
    expect(() => importHwlocXml('<topology>\n<object type="Machine">\n</topology>', 'bad.xml')).toThrow(/bad\.xml:3: unexpected <\/topology>/);
    expect(() => importHwlocXml('<?xml version="1.0"?>\n<foo/>', 'x.xml')).toThrow(/not an hwloc topology/);
  });
});

describe('numactl --hardware', () => {
  it('imports two nodes', () => {
    const t = importNumactl(read('numactl-hardware-2node.txt'));
    expect(t.numa_nodes.map((n) => n.cpus)).toEqual(['0-13,28-41', '14-27,42-55']);
    expect(t.numa_nodes[0].memory_gib).toBeCloseTo(128833 / 1024, 6);
    expect(t.links).toHaveLength(1);
  });
  it('keeps far nodes far: 31-distance pairs are two hops', () => {
    const t = importNumactl(read('numactl-hardware-4node.txt'));
    expect(shortestPath(t, 'numa0', 'numa1')).toHaveLength(1);
    expect(shortestPath(t, 'numa0', 'numa3')).toHaveLength(2);
  });
  it('rejects other text and bad rows', () => {
    expect(() => importNumactl('hello', 'x.txt')).toThrow(/x\.txt:1: not 'numactl --hardware' output/);
    expect(() => importNumactl('available: 1 nodes (0)\nnode 0 cpus: 0 1\nnode distances:\nnode 0 1\n  0:  10\n', 'y.txt')).toThrow(/y\.txt:5: distance row/);
  });
  it('matches this machine', (ctx) => {
    let text: string;
    try {
      text = execFileSync('numactl', ['--hardware'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return ctx.skip();
    }
    expect(importNumactl(text).numa_nodes.length).toBeGreaterThanOrEqual(1);
  });
});

describe('sysfs node tree', () => {
  it('imports the fixture tree', () => {
    const t = importSysfsNodes(fx('sysfs'));
    expect(t.numa_nodes.map((n) => n.cpus)).toEqual(['0-13,28-41', '14-27,42-55']);
    expect(t.numa_nodes[1].memory_gib).toBeCloseTo(132116480 / 2 ** 20, 6);
    expect(loadTopology(fx('sysfs/node')).numa_nodes).toHaveLength(2);
  });
  it('imports the live /sys/devices/system/node', (ctx) => {
    if (!existsSync('/sys/devices/system/node/node0')) return ctx.skip();
    const t = importSysfsNodes('/sys/devices/system/node');
    expect(t.numa_nodes.length).toBeGreaterThanOrEqual(1);
  });
  it('names the missing file', () => {
    expect(() => importSysfsNodes(fx('modules'))).toThrow(/no node<N> directories/);
  });
});

describe('nvidia-smi topo -m', () => {
  const expected: Record<string, string> = { PIX: 'PIX', PXB: 'PXB', PHB: 'PHB', NODE: 'PHB', SYS: 'SYS' };
  it('rebuilds a graph that reproduces every pair class', () => {
    const text = read('nvidia-smi-topo-8gpu.txt');
    const t = importNvidiaSmi(text);
    expect(t.devices).toHaveLength(8);
    expect(t.numa_nodes.map((n) => n.cpus)).toEqual(['0-31,64-95', '32-63,96-127']);
    const rows = text.split('\n').filter((l) => /^GPU\d\t/.test(l)).map((l) => l.split('\t').slice(1, 9).map((c) => c.trim()));
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) {
      if (i === j) continue;
      const want = /^NV\d+$/.test(rows[i][j]) ? 'NVL' : expected[rows[i][j]];
      expect(`${i},${j}:${devicePathClass(t, i, j)}`).toBe(`${i},${j}:${want}`);
    }
    expect(t.links.find((l) => l.kind === 'nvlink')!.gbps).toBe(80);
  });
  it('a PXB pair without PIX neighbours is still two bridges apart', () => {
    const text = '\tGPU0\tGPU1\tGPU2\tCPU Affinity\tNUMA Affinity\nGPU0\t X \tPXB\tNODE\t0-7\t0\nGPU1\tPXB\t X \tNODE\t0-7\t0\nGPU2\tNODE\tNODE\t X \t0-7\t0\n';
    const t = importNvidiaSmi(text);
    expect(devicePathClass(t, 0, 1)).toBe('PXB');
    expect(devicePathClass(t, 0, 2)).toBe('PHB');
  });
  it('rejects unknown cells', () => {
    const bad = read('nvidia-smi-topo-8gpu.txt').replace('GPU0\t X \tPIX', 'GPU0\t X \tFOO');
    expect(() => importNvidiaSmi(bad, 'smi.txt')).toThrow(/smi\.txt:2: GPU0\/GPU1: unknown connection 'FOO'/);
  });
});

describe('nvidia-smi round trip on random topologies', () => {
  it('importing the matrix a topology would print reproduces every pair class', async () => {
    const fc = (await import('fast-check')).default;
    const { arbTopology } = await import('../../src/testing/topology/index.js');
    fc.assert(
      fc.property(arbTopology({ maxDevicesPerNode: 5 }).filter((t) => t.devices.length >= 2), (t) => {
        const n = t.devices.length;
        const cell = (i: number, j: number): string => {
          if (i === j) return ' X ';
          const c = devicePathClass(t, t.devices[i].id, t.devices[j].id);
          return c === 'NVL' ? 'NV1' : c;
        };
        const header = ['', ...t.devices.map((_, i) => `GPU${i}`), 'CPU Affinity', 'NUMA Affinity'].join('\t');
        const rows = t.devices.map((d, i) => [`GPU${i}`, ...t.devices.map((_, j) => cell(i, j)), t.numa_nodes.find((x) => x.id === d.numa_node)!.cpus, `${d.numa_node}`].join('\t'));
        const imported = importNvidiaSmi([header, ...rows, '', 'Legend:', ''].join('\n'));
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
          if (i === j) continue;
          const want = cell(i, j) === 'NV1' ? 'NVL' : cell(i, j);
          expect(`${i},${j}:${devicePathClass(imported, i, j)}`).toBe(`${i},${j}:${want}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('numactl round trip on random topologies', () => {
  it('nodes, CPUs, memory and socket hop counts survive', async () => {
    const fc = (await import('fast-check')).default;
    const { arbTopology } = await import('../../src/testing/topology/index.js');
    fc.assert(
      fc.property(arbTopology(), (t) => {
        const ids = t.numa_nodes.map((x) => x.id);
        const hops = (a: number, b: number): number => (a === b ? 0 : shortestPath(t, `numa${a}`, `numa${b}`).length);
        const lines = [`available: ${ids.length} nodes (0-${ids.length - 1})`];
        for (const x of t.numa_nodes) {
          lines.push(`node ${x.id} cpus: ${parseCpuList(x.cpus).join(' ')}`, `node ${x.id} size: ${Math.round(x.memory_gib * 1024)} MB`, `node ${x.id} free: 1 MB`);
        }
        lines.push('node distances:', `node ${ids.map((i) => String(i).padStart(3)).join(' ')} `);
        for (const a of ids) lines.push(`  ${a}: ${ids.map((b) => String(10 + 11 * hops(a, b)).padStart(3)).join(' ')} `);
        const back = importNumactl(lines.join('\n') + '\n');
        expect(back.numa_nodes.map((x) => [x.id, x.cpus, x.memory_gib])).toEqual(t.numa_nodes.map((x) => [x.id, x.cpus, x.memory_gib]));
        for (const a of ids) for (const b of ids) expect(a === b ? 0 : shortestPath(back, `numa${a}`, `numa${b}`).length).toBe(hops(a, b));
      }),
      { numRuns: 200 },
    );
  });
});
