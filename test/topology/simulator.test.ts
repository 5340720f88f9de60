import { describe, expect, it } from 'vitest';
import { costOf, computeUs, embeddedTopology, simulate, timelineSvg, type SimTask } from '../../src/topology/index.js';
import { parseXml } from '../../src/topology/import/xml.js';

const t = embeddedTopology('dual-socket-6dla');
const ar = costOf({ kind: 'all_reduce', bytes: 8 << 20, groups: [[0, 1, 2, 3, 4, 5]] }, 'ring', t)!;
const mm = { flops: 4e12, bytes: 1 << 20 }; // 0.25 s on a 16 TFLOP/s DLA: compute-bound

describe('simulator', () => {
  it('a synchronous collective and dependent compute run back to back', () => {
    const tasks: SimTask[] = [
      { id: 'c', type: 'collective', schedule: ar.schedule },
      { id: 'm', type: 'compute', device: 0, ...mm, deps: ['c'] },
    ];
    const r = simulate(t, tasks);
    const m = computeUs(t, { device: 0, ...mm });
    expect(r.makespan_us).toBeCloseTo(ar.us + m, 6);
    expect(r.tasks.find((x) => x.id === 'm')!.start_us).toBeCloseTo(ar.us, 6);
  });
  it('an async collective overlaps independent compute', () => {
    // An all-gather has no reduction steps: its transfers need no compute engine.
    const ag = costOf({ kind: 'all_gather', bytes: 8 << 20, groups: [[0, 1, 2, 3, 4, 5]] }, 'ring', t)!;
    expect(ag.schedule.stages.every((st) => st.compute.length === 0)).toBe(true);
    const tasks: SimTask[] = [
      { id: 'c', type: 'collective', schedule: ag.schedule, async: true },
      { id: 'm', type: 'compute', device: 0, ...mm },
    ];
    const r = simulate(t, tasks);
    const m = computeUs(t, { device: 0, ...mm });
    expect(r.makespan_us).toBeCloseTo(Math.max(ag.us, m), 6);
  });
  it("a collective's reductions run on the device's compute engine: they wait for compute there", () => {
    const tasks: SimTask[] = [
      { id: 'c', type: 'collective', schedule: ar.schedule, async: true },
      { id: 'm', type: 'compute', device: 0, ...mm },
    ];
    const r = simulate(t, tasks);
    const m = computeUs(t, { device: 0, ...mm });
    expect(m).toBeGreaterThan(ar.us);
    // The ring's first reduction on dev0 waits for the matmul, so the all-reduce ends after it.
    expect(r.tasks.find((x) => x.id === 'c')!.end_us).toBeGreaterThan(m);
    // One engine: nothing overlaps on any device's compute lane.
    const lanes = new Map<string, { start_us: number; end_us: number }[]>();
    for (const e of r.timeline) if (e.lane.endsWith('compute')) lanes.set(e.lane, [...(lanes.get(e.lane) ?? []), e]);
    expect(lanes.get('dev0 compute')!.some((e) => e.start_us >= m - 1e-9)).toBe(true);
    for (const events of lanes.values()) {
      const sorted = [...events].sort((a, b) => a.start_us - b.start_us);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i].start_us).toBeGreaterThanOrEqual(sorted[i - 1].end_us - 1e-9);
    }
  });
  it('a device with one stream runs its collectives one after the other', () => {
    const two: SimTask[] = [
      { id: 'a', type: 'collective', schedule: ar.schedule },
      { id: 'b', type: 'collective', schedule: ar.schedule },
    ];
    const one = simulate(t, two, { streamsPerDevice: 1 });
    expect(one.makespan_us).toBeCloseTo(2 * ar.us, 6);
    const b = one.tasks.find((x) => x.id === 'b')!;
    expect(b.start_us).toBeCloseTo(ar.us, 6);
    // With two streams they overlap and share links: slower than one alone, faster than serial.
    const both = simulate(t, two, { streamsPerDevice: 2 });
    expect(both.makespan_us).toBeGreaterThan(ar.us);
    expect(both.makespan_us).toBeLessThan(2 * ar.us);
  });
  it('reports link utilisation consistent with bytes moved', () => {
    const r = simulate(t, [{ id: 'c', type: 'collective', schedule: ar.schedule }]);
    const qpi = r.links.filter((l) => l.label.includes('qpi'));
    expect(qpi).toHaveLength(2);
    for (const l of r.links) {
      expect(l.utilisation).toBeGreaterThan(0);
      expect(l.utilisation).toBeLessThanOrEqual(1 + 1e-9);
      expect(l.busy_us).toBeLessThanOrEqual(r.makespan_us + 1e-9);
      expect(l.bytes / (t.links[l.link].gbps * 1e3)).toBeLessThanOrEqual(l.busy_us * (1 + 1e-9));
    }
  });
  it('rejects unknown deps and cycles', () => {
    expect(() => simulate(t, [{ id: 'a', type: 'compute', device: 0, ...mm, deps: ['zz'] }])).toThrow(/unknown task 'zz'/);
    expect(() =>
      simulate(t, [
        { id: 'a', type: 'compute', device: 0, ...mm, deps: ['b'] },
        { id: 'b', type: 'compute', device: 0, ...mm, deps: ['a'] },
      ]),
    ).toThrow(/never became ready/);
  });
  it('draws a well-formed SVG Gantt chart with a lane per device and link', () => {
    const r = simulate(t, [
      { id: 'c', type: 'collective', schedule: ar.schedule, label: 'all_reduce' },
      { id: 'm', type: 'compute', device: 3, ...mm, deps: ['c'], label: 'matmul' },
    ]);
    const svg = timelineSvg(r, 'test & <chart>');
    const doc = parseXml(svg, 'chart.svg');
    const root = doc.children[0];
    expect(root.name).toBe('svg');
    const texts = root.children.filter((c) => c.name === 'text').map((c) => c.text);
    expect(texts).toContain('dev3 compute');
    expect(texts).toContain('dev0 comm');
    expect(texts.some((s) => s.includes('numa0->numa1 (qpi)'))).toBe(true);
    expect(texts[0]).toContain('test & <chart>');
    expect(root.children.filter((c) => c.name === 'rect').length).toBeGreaterThan(10);
  });
});
