import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALGORITHMS,
  chooseAlgorithm,
  chooseRingOrder,
  costOf,
  embeddedTopology,
  scheduleFor,
  socketCrossings,
  stageLoad,
  maxMinRates,
  worldSize,
  type Algorithm,
  type CollectiveSpec,
  type Schedule,
} from '../../src/topology/index.js';
import { arbCollectiveSpec, arbTopology } from '../../src/testing/topology/index.js';

const sent = (s: Schedule): Map<string, number> => {
  const m = new Map<string, number>();
  for (const st of s.stages) for (const x of st.transfers) m.set(x.from, (m.get(x.from) ?? 0) + x.bytes);
  return m;
};

describe('schedules move the right amount of data', () => {
  const t = embeddedTopology('dual-socket-6dla');
  const B = 6 * 1024 * 1024;
  const all = [[0, 1, 2, 3, 4, 5]];
  it('ring and direct all-reduce: each rank sends 2(k-1)/k of the buffer', () => {
    for (const alg of ['ring', 'direct'] as const) {
      const s = scheduleFor({ kind: 'all_reduce', bytes: B, groups: all }, alg, t)!;
      for (const [, bytes] of sent(s)) expect(bytes).toBeCloseTo((2 * 5 * B) / 6, 3);
    }
  });
  it('ring all-gather: each rank forwards (k-1) buffers; reduce-scatter (k-1)/k', () => {
    for (const [, b] of sent(scheduleFor({ kind: 'all_gather', bytes: B, groups: all }, 'ring', t)!)) expect(b).toBe(5 * B);
    for (const [, b] of sent(scheduleFor({ kind: 'reduce_scatter', bytes: B, groups: all }, 'ring', t)!)) expect(b).toBeCloseTo((5 * B) / 6, 3);
  });
  it('broadcast: every non-root receives the buffer exactly once, whatever the algorithm', () => {
    for (const alg of ALGORITHMS) {
      const s = scheduleFor({ kind: 'broadcast', bytes: B, groups: all, root: 4 }, alg, t);
      if (!s) continue;
      const got = new Map<string, number>();
      for (const st of s.stages) for (const x of st.transfers) got.set(x.to, (got.get(x.to) ?? 0) + x.bytes);
      expect(got.has('dev4')).toBe(false);
      for (const d of [0, 1, 2, 3, 5]) expect(got.get(`dev${d}`)).toBeCloseTo(B, 3);
    }
  });
  it('hierarchical all-reduce on 6dla: three shards cross QPI at once, each host-staged', () => {
    const s = scheduleFor({ kind: 'all_reduce', bytes: B, groups: all }, 'hierarchical', t)!;
    const qpi = t.links.findIndex((l) => l.kind === 'qpi');
    const crossing = s.stages.map((st) => stageLoad(t, st.transfers).get(`${qpi}+`) ?? 0);
    expect(Math.max(...crossing)).toBe(3);
    // The inter-socket step all-reduces each B/3 shard between two ranks: each sends 2(2-1)/2 × B/3 across.
    const node = (e: string): number => t.devices[Number(e.slice(3))].numa_node;
    const crossBytes = s.stages.flatMap((st) => st.transfers).filter((x) => x.from === 'dev0' && node(x.to) === 1);
    expect(crossBytes.reduce((a, x) => a + x.bytes, 0)).toBeCloseTo(B / 3, 3);
  });
});

describe('algorithm choice', () => {
  const t = embeddedTopology('dual-socket-6dla');
  it('on 6dla, hierarchical wins for large all-reduces and something flat for tiny ones', () => {
    expect(chooseAlgorithm({ kind: 'all_reduce', bytes: 256 << 20, groups: [[0, 1, 2, 3, 4, 5]] }, t).chosen.algorithm).toBe('hierarchical');
    expect(chooseAlgorithm({ kind: 'all_reduce', bytes: 4096, groups: [[0, 1, 2, 3, 4, 5]] }, t).chosen.algorithm).not.toBe('hierarchical');
  });
  it('the chosen algorithm is the cheapest listed', () => {
    const spec: CollectiveSpec = { kind: 'all_reduce', bytes: 1 << 20, groups: [[0, 1, 2, 3, 4, 5]] };
    const c = chooseAlgorithm(spec, t);
    expect(c.chosen.us).toBe(Math.min(...Object.values(c.algorithms)));
    expect(c.chosen.us).toBe(costOf(spec, c.chosen.algorithm, t)!.us);
  });
  it('hierarchical never applies on a single socket (embedded and random)', () => {
    const s = embeddedTopology('single-socket-4gpu');
    for (const bytes of [1024, 1 << 20, 256 << 20]) {
      const c = chooseAlgorithm({ kind: 'all_reduce', bytes, groups: [[0, 1, 2, 3]] }, s);
      expect(c.algorithms.hierarchical).toBeUndefined();
      expect(c.chosen.algorithm).not.toBe('hierarchical');
    }
    const input = arbTopology({ minNodes: 1, maxNodes: 1 }).chain((tp) => fc.record({ tp: fc.constant(tp), spec: arbCollectiveSpec(tp) }));
    fc.assert(
      fc.property(input, ({ tp, spec }) => {
        expect(chooseAlgorithm(spec, tp).chosen.algorithm).not.toBe('hierarchical');
      }),
      { numRuns: 200 },
    );
  });
  it('every applicable algorithm gives a finite non-negative cost on random input', () => {
    const input = arbTopology({ maxNodes: 3, maxDevicesPerNode: 4 }).chain((tp) => fc.record({ tp: fc.constant(tp), spec: arbCollectiveSpec(tp) }));
    fc.assert(
      fc.property(input, ({ tp, spec }) => {
        const c = chooseAlgorithm(spec, tp);
        for (const us of Object.values(c.algorithms)) expect(Number.isFinite(us) && us >= 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('bad specs name the field', () => {
    expect(() => costOf({ kind: 'all_reduce', bytes: 8, groups: [[0, 1], [2]] }, 'ring', t)).toThrow(/spec\.groups\[1\]: has 1 ranks/);
    expect(() => costOf({ kind: 'all_reduce', bytes: 8, groups: [[0, 9]] }, 'ring', t)).toThrow(/rank 9 outside \[0, 6\)/);
    expect(() => costOf({ kind: 'broadcast', bytes: 8, groups: [[0, 1]], root: 2 }, 'ring', t)).toThrow(/spec\.root/);
    expect(() => costOf({ kind: 'all_reduce', bytes: -1, groups: [[0, 1]] }, 'ring', t)).toThrow(/spec\.bytes/);
  });
});

describe('ring order', () => {
  it('crosses sockets exactly once per NUMA node visited, never more than any permutation', () => {
    const input = arbTopology({ minNodes: 1, maxNodes: 4 }).chain((tp) => {
      const ranks = Array.from({ length: worldSize(tp) }, (_, r) => r);
      return fc.record({ tp: fc.constant(tp), sub: fc.shuffledSubarray(ranks, { minLength: 1 }), perm: fc.shuffledSubarray(ranks, { minLength: ranks.length }) });
    });
    fc.assert(
      fc.property(input, ({ tp, sub, perm }) => {
        const order = chooseRingOrder(tp, sub);
        expect([...order].sort((a, b) => a - b)).toEqual([...sub].sort((a, b) => a - b));
        const nodes = new Set(sub.map((r) => tp.devices[r].numa_node)).size;
        expect(socketCrossings(tp, order)).toBe(nodes > 1 ? nodes : 0);
        const permSub = perm.filter((r) => sub.includes(r));
        expect(socketCrossings(tp, order)).toBeLessThanOrEqual(socketCrossings(tp, permSub));
      }),
      { numRuns: 300 },
    );
  });
  it('on the quad-socket square, never takes a two-hop diagonal', () => {
    const t = embeddedTopology('quad-socket-8dla');
    const order = chooseRingOrder(t, [0, 1, 2, 3, 4, 5, 6, 7]);
    const node = (r: number): number => t.devices[r].numa_node;
    const adjacent = new Set(['0-1', '1-3', '2-3', '0-2']);
    for (let i = 0; i < 8; i++) {
      const [a, b] = [node(order[i]), node(order[(i + 1) % 8])].sort();
      if (a !== b) expect(adjacent.has(`${a}-${b}`)).toBe(true);
    }
  });
});

describe('max-min fairness', () => {
  it('splits a shared link equally and gives the rest to the unconstrained flow', () => {
    const cap = (r: string): number => ({ a: 10, b: 4 })[r]!;
    expect(maxMinRates([{ resources: ['a'] }, { resources: ['a'] }], cap)).toEqual([5, 5]);
    // Flow 0 is held to 2 by link b (shared with flow 2); flow 1 takes the rest of a.
    expect(maxMinRates([{ resources: ['a', 'b'] }, { resources: ['a'] }, { resources: ['b'] }], cap)).toEqual([2, 8, 2]);
  });
  it('never oversubscribes a resource and saturates every flow somewhere', () => {
    const input = fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(input, fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 4, maxLength: 4 }), (flows, caps) => {
        const cap = (r: string): number => caps['abcd'.indexOf(r)];
        const rates = maxMinRates(flows.map((resources) => ({ resources })), cap);
        const used = new Map<string, number>();
        flows.forEach((rs, i) => rs.forEach((r) => used.set(r, (used.get(r) ?? 0) + rates[i])));
        for (const [r, u] of used) expect(u).toBeLessThanOrEqual(cap(r) * (1 + 1e-9));
        flows.forEach((rs) => expect(rs.some((r) => used.get(r)! >= cap(r) * (1 - 1e-9))).toBe(true));
      }),
      { numRuns: 300 },
    );
  });
});

const _algs: readonly Algorithm[] = ALGORITHMS;
void _algs;
