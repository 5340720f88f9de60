import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseStagingNode, chunkedUs, costOf, transferUs, embeddedTopology, hierarchyPays, planHierarchy } from '../../src/topology/index.js';
import { arbGroups, arbTopology } from '../../src/testing/topology/index.js';

describe('hierarchy plans', () => {
  it('6dla, all six ranks: intra groups per socket, inter columns across', () => {
    const p = planHierarchy(embeddedTopology('dual-socket-6dla'), [[0, 1, 2, 3, 4, 5]])!;
    expect(p).toMatchObject({ level: 0, mode: 'staged', intraGroups: [[0, 1, 2], [3, 4, 5]], interGroups: [[0, 3], [1, 4], [2, 5]] });
  });
  it('unequal sockets use leaders', () => {
    const p = planHierarchy(embeddedTopology('dual-socket-6dla'), [[0, 1, 3]])!;
    expect(p).toMatchObject({ mode: 'leaders', intraGroups: [[0, 1], [3]], interGroups: [[0, 3]] });
  });
  it('none on a single socket; quad-socket boards form the next level', () => {
    expect(planHierarchy(embeddedTopology('single-socket-4gpu'), [[0, 1, 2, 3]])).toBeUndefined();
    const quad = embeddedTopology('quad-socket-8dla');
    // One rank per socket: the NUMA level leaves singletons, the board level splits.
    const q = planHierarchy(quad, [[0, 2, 4, 6], [1, 3, 5, 7]])!;
    expect(q).toMatchObject({ level: 1, mode: 'staged', intraGroups: [[0, 2], [4, 6], [1, 3], [5, 7]], interGroups: [[0, 4], [2, 6], [1, 5], [3, 7]] });
    // Both ranks on one board: nothing to split.
    expect(planHierarchy(quad, [[0, 2], [1, 3], [4, 6], [5, 7]])).toBeUndefined();
  });
  it('plans partition every group exactly (random topologies)', () => {
    const input = arbTopology({ maxNodes: 4, maxDevicesPerNode: 4 }).chain((t) => fc.record({ t: fc.constant(t), groups: arbGroups(t) }));
    fc.assert(
      fc.property(input, ({ t, groups }) => {
        const p = planHierarchy(t, groups);
        if (!p) return;
        const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
        expect(sorted(p.intraGroups.flat())).toEqual(sorted(groups.flat()));
        if (p.mode === 'staged') expect(sorted(p.interGroups.flat())).toEqual(sorted(groups.flat()));
        for (const g of p.intraGroups) expect(new Set(g.map((r) => t.devices[r].numa_node)).size).toBeLessThanOrEqual(p.level === 0 ? 1 : Infinity);
      }),
      { numRuns: 300 },
    );
  });
  it('hierarchy pays on 6dla for large all-reduces, not for tiny ones', () => {
    const t = embeddedTopology('dual-socket-6dla');
    expect(hierarchyPays({ kind: 'all_reduce', bytes: 64 << 20, groups: [[0, 1, 2, 3, 4, 5]] }, t).profitable).toBe(true);
    expect(hierarchyPays({ kind: 'all_reduce', bytes: 4096, groups: [[0, 1, 2, 3, 4, 5]] }, t).profitable).toBe(false);
  });
  it('chunking: one chunk is the plain schedule; one stream only adds latency; two streams overlap the staged legs', () => {
    const t = embeddedTopology('dual-socket-6dla');
    const spec = { kind: 'all_reduce' as const, bytes: 64 << 20, groups: [[0, 1, 2, 3, 4, 5]] };
    for (const alg of ['ring', 'hierarchical'] as const) {
      const whole = costOf(spec, alg, t)!.us;
      expect(chunkedUs(spec, alg, t, 1)).toBeCloseTo(whole, 6);
      expect(chunkedUs(spec, alg, t, 4, 1)!).toBeGreaterThan(whole);
      expect(chunkedUs(spec, alg, t, 4, 2)!).toBeLessThan(whole);
    }
    expect(() => chunkedUs(spec, 'ring', t, 0)).toThrow(/chunks: must be a positive integer/);
  });
  it('staging node: none for P2P pairs, the cheapest node otherwise', () => {
    const t = embeddedTopology('dual-socket-6dla');
    expect(chooseStagingNode(t, 0, 1, 1 << 20)).toBeUndefined();
    // Symmetric sockets: a tie, so the sender's node.
    expect(chooseStagingNode(t, 0, 4, 1 << 20)).toBe(0);
    expect(chooseStagingNode(t, 4, 0, 1 << 20)).toBe(1);
    const q = embeddedTopology('quad-socket-8dla');
    const n = chooseStagingNode(q, 0, 6, 1 << 20)!;
    for (const node of q.numa_nodes) {
      expect(transferUs(q, { from: 'dev0', to: 'dev6', bytes: 1 << 20, staging: n })).toBeLessThanOrEqual(
        transferUs(q, { from: 'dev0', to: 'dev6', bytes: 1 << 20, staging: node.id }) + 1e-9,
      );
    }
  });
});
