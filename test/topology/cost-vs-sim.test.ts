import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALGORITHMS,
  costOf,
  embeddedTopology,
  resourceKey,
  routeOf,
  scheduleUs,
  simulateSchedule,
  stageUs,
  type Schedule,
  type Topology,
  type Transfer,
} from '../../src/topology/index.js';
import { arbCollectiveSpec, arbSchedule, arbTopology } from '../../src/testing/topology/index.js';

/** Keep only transfers whose links no earlier transfer of the stage uses. */
function withoutSharing(t: Topology, s: Schedule): Schedule {
  return {
    stages: s.stages.map((st) => {
      const used = new Set<string>();
      const keep: Transfer[] = [];
      for (const x of st.transfers) {
        const keys = routeOf(t, x).segments.flat().map((h) => resourceKey(t, h));
        if (keys.some((k) => used.has(k))) continue;
        keys.forEach((k) => used.add(k));
        keep.push(x);
      }
      return { transfers: keep, compute: st.compute };
    }),
  };
}

const topoAndSchedule = arbTopology({ minDevicesPerNode: 1 })
  .filter((t) => t.devices.length >= 2)
  .chain((t) => arbSchedule(t).map((s) => ({ t, s })));

describe('closed form vs simulator', () => {
  it('agree within 1% when no link is shared', () => {
    fc.assert(
      fc.property(topoAndSchedule, ({ t, s }) => {
        const sched = withoutSharing(t, s);
        const closed = scheduleUs(t, sched);
        const sim = simulateSchedule(t, sched).makespan_us;
        expect(Math.abs(sim - closed)).toBeLessThanOrEqual(0.01 * closed + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('never predict less than the simulator (sharing is priced pessimistically)', () => {
    fc.assert(
      fc.property(topoAndSchedule, ({ t, s }) => {
        expect(simulateSchedule(t, s).makespan_us).toBeLessThanOrEqual(scheduleUs(t, s) * (1 + 1e-9) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('k equal flows on one link cost k times the bandwidth time, in both models', () => {
    const pair = arbTopology({ minNodes: 1 })
      .filter((t) => t.devices.length >= 2)
      .chain((t) =>
        fc.record({
          t: fc.constant(t),
          a: fc.constantFrom(...t.devices.map((d) => d.id)),
          b: fc.constantFrom(...t.devices.map((d) => d.id)),
          k: fc.integer({ min: 1, max: 8 }),
          bytes: fc.integer({ min: 1, max: 1 << 26 }),
        }),
      )
      .filter(({ a, b }) => a !== b);
    fc.assert(
      fc.property(pair, ({ t, a, b, k, bytes }) => {
        const x: Transfer = { from: `dev${a}`, to: `dev${b}`, bytes };
        const alpha = stageUs(t, { transfers: [{ ...x, bytes: 0 }], compute: [] });
        const one = stageUs(t, { transfers: [x], compute: [] }) - alpha;
        const closedK = stageUs(t, { transfers: Array(k).fill(x), compute: [] }) - alpha;
        const simK = simulateSchedule(t, { stages: [{ transfers: Array(k).fill(x), compute: [] }] }).makespan_us - alpha;
        expect(closedK).toBeCloseTo(k * one, 6);
        expect(Math.abs(simK - k * one)).toBeLessThanOrEqual(1e-6 * k * one + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('simulated collectives without contention match their closed-form cost on the embedded machine', () => {
    const t = embeddedTopology('dual-socket-6dla');
    // Hierarchical and ring all-reduce on 6dla use every link once per stage and direction.
    for (const alg of ['ring', 'hierarchical'] as const) {
      const c = costOf({ kind: 'all_reduce', bytes: 1 << 20, groups: [[0, 1, 2, 3, 4, 5]] }, alg, t)!;
      expect(simulateSchedule(t, c.schedule).makespan_us).toBeCloseTo(c.us, 6);
    }
  });
});

describe('cost monotonicity', () => {
  it('is monotone in bytes for ring, tree, direct and hierarchical', () => {
    const input = arbTopology({ maxNodes: 3, maxDevicesPerNode: 4 }).chain((t) =>
      fc.record({ t: fc.constant(t), spec: arbCollectiveSpec(t), extra: fc.integer({ min: 0, max: 1 << 26 }) }),
    );
    fc.assert(
      fc.property(input, ({ t, spec, extra }) => {
        for (const alg of ALGORITHMS.filter((a) => a !== 'library')) {
          const small = costOf(spec, alg, t);
          const big = costOf({ ...spec, bytes: spec.bytes + extra }, alg, t);
          expect(big === undefined).toBe(small === undefined);
          if (small && big) expect(big.us).toBeGreaterThanOrEqual(small.us - 1e-9 * small.us);
        }
      }),
      { numRuns: 200 },
    );
  });
});
