import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EMBEDDED_TOPOLOGY_NAMES,
  TopologyError,
  devicePathClass,
  embeddedTopology,
  embeddedTopologyPath,
  formatCpuList,
  loadTopology,
  parseCpuList,
  parseTopologyJson,
  routeBetween,
  shortestPath,
  summarizeTopology,
  validateTopology,
} from '../../src/topology/index.js';
import { arbTopology } from '../../src/testing/topology/index.js';

const schema = JSON.parse(readFileSync(new URL('../../examples/topologies/topology.schema.json', import.meta.url), 'utf8')) as {
  required: string[];
  properties: Record<string, { items?: { required?: string[] } }>;
};
const base = (): Record<string, unknown> => JSON.parse(readFileSync(embeddedTopologyPath('dual-socket-6dla'), 'utf8')) as Record<string, unknown>;

function errorOf(f: () => unknown): TopologyError {
  try {
    f();
  } catch (e) {
    if (e instanceof TopologyError) return e;
    throw e;
  }
  throw new Error('expected a TopologyError');
}

describe('cpu lists', () => {
  it('round-trip through format and parse', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }), (cpus) => {
        expect(parseCpuList(formatCpuList(cpus))).toEqual([...cpus].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
  it('reads ranges and strides', () => {
    expect(parseCpuList('0-3,8,10-14:2')).toEqual([0, 1, 2, 3, 8, 10, 12, 14]);
    expect(() => parseCpuList('3-1')).toThrow(/bad cpu range/);
  });
});

describe('embedded topologies', () => {
  it('all load, validate, and match the schema file names', () => {
    for (const name of EMBEDDED_TOPOLOGY_NAMES) {
      const t = loadTopology(name);
      expect(t.name).toBe(name);
      expect(validateTopology(JSON.parse(JSON.stringify(t)))).toEqual(t);
    }
  });
  it('dual-socket-6dla: P2P inside a socket, host-staged across', () => {
    const t = embeddedTopology('dual-socket-6dla');
    expect(t.numa_nodes).toHaveLength(2);
    expect(t.devices.filter((d) => d.numa_node === 0)).toHaveLength(3);
    expect(t.links.filter((l) => l.kind === 'qpi')).toHaveLength(1);
    expect(devicePathClass(t, 0, 1)).toBe('PHB');
    expect(routeBetween(t, 'dev0', 'dev1').staged).toBe(false);
    const cross = routeBetween(t, 'dev0', 'dev4');
    expect(cross.pathClass).toBe('SYS');
    expect(cross.staged).toBe(true);
    expect(cross.segments).toHaveLength(2);
  });
  it('quad-socket-8dla: diagonal sockets are two socket hops apart', () => {
    const t = embeddedTopology('quad-socket-8dla');
    expect(shortestPath(t, 'numa0', 'numa1')).toHaveLength(1);
    expect(shortestPath(t, 'numa0', 'numa3')).toHaveLength(2);
  });
  it('nvlink islands: NVL inside a socket, SYS across', () => {
    const t = embeddedTopology('dual-socket-nvlink-islands');
    expect(devicePathClass(t, 0, 3)).toBe('NVL');
    expect(devicePathClass(t, 0, 4)).toBe('SYS');
  });
  it('the summary names nodes, devices, links and the class matrix', () => {
    const s = summarizeTopology(embeddedTopology('dual-socket-8gpu-pcie'));
    expect(s).toMatch(/NUMA nodes \(2\)/);
    expect(s).toMatch(/devices \(8\)/);
    expect(s).toMatch(/PIX/);
    expect(s).toMatch(/SYS\*/);
  });
});

describe('validation errors name the field', () => {
  it('every field the schema requires is enforced', () => {
    for (const key of schema.required) {
      const j = base();
      delete j[key];
      expect(errorOf(() => validateTopology(j)).message).toContain(key);
    }
    for (const [coll, name] of [['numa_nodes', 'numa_nodes'], ['devices', 'devices'], ['links', 'links']] as const) {
      for (const key of schema.properties[coll].items!.required!) {
        const j = base();
        const items = j[coll] as Record<string, unknown>[];
        delete items[1][key];
        const e = errorOf(() => validateTopology(j));
        expect(e.field).toBe(`${name}[1].${key}`);
      }
    }
  });
  it('reports bad values, references and kinds', () => {
    const j1 = base();
    (j1.links as Record<string, unknown>[])[0].kind = 'ethernet';
    expect(errorOf(() => validateTopology(j1)).message).toMatch(/links\[0\]\.kind: unknown link kind 'ethernet'/);
    const j2 = base();
    (j2.devices as Record<string, unknown>[])[2].numa_node = 7;
    expect(errorOf(() => validateTopology(j2)).field).toBe('devices[2].numa_node');
    const j3 = base();
    (j3.links as Record<string, unknown>[])[3].b = 'numa9';
    expect(errorOf(() => validateTopology(j3)).message).toMatch(/links\[3\]\.b: unknown endpoint 'numa9'/);
    const j4 = base();
    (j4.numa_nodes as Record<string, unknown>[])[0].cpus = '0-x';
    expect(errorOf(() => validateTopology(j4)).field).toBe('numa_nodes[0].cpus');
    const j5 = base();
    (j5.links as Record<string, unknown>[])[0].gbps = -3;
    expect(errorOf(() => validateTopology(j5)).message).toMatch(/links\[0\]\.gbps: must be > 0/);
    const j6 = base();
    j6.links = (j6.links as Record<string, unknown>[]).filter((l) => l.a !== 'dev5');
    expect(errorOf(() => validateTopology(j6)).message).toMatch(/device 5 has no link path/);
    // Reaching the host only through another device does not count: devices do not forward.
    const j7 = base();
    j7.links = [...(j7.links as Record<string, unknown>[]).filter((l) => l.a !== 'dev5'), { a: 'dev5', b: 'dev4', kind: 'nvlink', alpha_us: 1, gbps: 50 }];
    expect(errorOf(() => validateTopology(j7)).field).toBe('devices[5]');
  });
  it('JSON syntax errors give file:line:col', () => {
    const e = errorOf(() => parseTopologyJson('{\n  "name": "x",\n  "numa_nodes": [,]\n}', 'bad.json'));
    expect(e.message).toMatch(/^bad\.json:3:\d+: invalid JSON/);
  });
  it('unknown names and files are reported', () => {
    expect(() => loadTopology('no-such-machine')).toThrow(/neither a file nor an embedded topology/);
  });
});

describe('random topologies', () => {
  it('are valid, JSON round-trip, and every device pair has a route', () => {
    fc.assert(
      fc.property(arbTopology(), (t) => {
        expect(validateTopology(JSON.parse(JSON.stringify(t)))).toEqual(t);
        for (const a of t.devices) for (const b of t.devices) {
          if (a.id === b.id) continue;
          const r = routeBetween(t, `dev${a.id}`, `dev${b.id}`);
          expect(r.segments.length).toBeGreaterThan(0);
          // Cross-socket pairs are SYS; staged exactly when beyond the P2P rule.
          if (a.numa_node !== b.numa_node) expect(r.pathClass).toBe('SYS');
        }
      }),
      { numRuns: 200 },
    );
  });
});
