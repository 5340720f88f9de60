import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyCalibration,
  collectiveShape,
  embeddedTopology,
  fitAlphaBeta,
  linkLevelFit,
  readCsv,
  readNcclTests,
  readOsu,
  reducePerSize,
  SampleFormatError,
  type Sample,
} from '../../src/topology/index.js';

const read = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Deterministic N(0,1) from a seed (mulberry32 + Box–Muller). */
function gaussian(seed: number): () => number {
  let a = seed >>> 0;
  const u = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

describe('least-squares fit', () => {
  it('recovers alpha and BW within 2% from samples with 3% noise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }).map((x) => x / 10), // alpha 0.1–50 µs
        fc.integer({ min: 1, max: 4000 }).map((x) => x / 10), // 0.1–400 GB/s
        fc.integer(),
        (alpha, gbps, seed) => {
          const noise = gaussian(seed);
          const samples: Sample[] = [];
          for (let p = 0; p <= 30; p++) {
            for (let rep = 0; rep < 8; rep++) {
              const bytes = 2 ** p;
              samples.push({ bytes, us: (alpha + bytes / (gbps * 1e3)) * (1 + 0.03 * noise()) });
            }
          }
          const f = fitAlphaBeta(samples);
          expect(Math.abs(f.alpha_us - alpha) / alpha).toBeLessThan(0.02);
          expect(Math.abs(f.gbps - gbps) / gbps).toBeLessThan(0.02);
          expect(f.mape).toBeGreaterThan(1); // the noise is visible in the error
          expect(f.mape).toBeLessThan(4);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('is exact on noiseless data and reports R² = 1', () => {
    const f = fitAlphaBeta([0, 1000, 1e6].map((b) => ({ bytes: b, us: 3 + b / 12e3 })));
    expect(f.alpha_us).toBeCloseTo(3, 9);
    expect(f.gbps).toBeCloseTo(12, 9);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(f.mape).toBeCloseTo(0, 9);
  });
  it('refuses degenerate input', () => {
    expect(() => fitAlphaBeta([{ bytes: 8, us: 1 }])).toThrow(/at least 2/);
    expect(() => fitAlphaBeta([{ bytes: 8, us: 1 }, { bytes: 8, us: 2 }])).toThrow(/two or more distinct sizes/);
  });
});

describe('log readers', () => {
  it('osu_latency: one-way latency per size', () => {
    const log = readOsu(read('osu_latency.txt'));
    expect(log.kind).toBe('latency');
    expect(log.samples[1]).toEqual({ bytes: 1, us: 0.45 });
    const f = fitAlphaBeta(log.samples);
    expect(f.alpha_us).toBeGreaterThan(0.4);
    expect(f.alpha_us).toBeLessThan(0.5);
    expect(Math.abs(f.gbps - 9.5) / 9.5).toBeLessThan(0.05);
    expect(f.r2).toBeGreaterThan(0.99);
  });
  it('osu_bw: MB/s to time per message', () => {
    const log = readOsu(read('osu_bw.txt'));
    expect(log.kind).toBe('bandwidth');
    const last = log.samples[log.samples.length - 1];
    expect(last.bytes).toBe(4194304);
    expect(Math.abs(fitAlphaBeta(log.samples).gbps - 11.2) / 11.2).toBeLessThan(0.05);
  });
  it('osu_bibw: both directions together, so half per direction', () => {
    const bibw = read('osu_bw.txt').replace('Bandwidth Test', 'Bi-Directional Bandwidth Test').replace(/^(\d+\s+)([\d.]+)$/gm, (_, a: string, v: string) => `${a}${(2 * Number(v)).toFixed(2)}`);
    const uni = readOsu(read('osu_bw.txt')).samples;
    readOsu(bibw).samples.forEach((s, i) => expect(s.us).toBeCloseTo(uni[i].us, 3));
  });
  it('nccl-tests all_reduce_perf: ranks, collective, per-link alpha and BW', () => {
    const log = readNcclTests(read('nccl-tests-all_reduce_perf.txt'));
    expect(log.ranks).toBe(4);
    expect(log.samples[0]).toMatchObject({ bytes: 8, us: 24.03 });
    expect(log.samples).toHaveLength(26);
    const link = linkLevelFit(fitAlphaBeta(log.samples), collectiveShape('all_reduce', 4));
    expect(Math.abs(link.alpha_us - 4) / 4).toBeLessThan(0.05);
    expect(Math.abs(link.gbps - 10) / 10).toBeLessThan(0.05);
    // nccl-tests' own busbw agrees with the fitted link bandwidth at the largest size.
    expect(Math.abs(log.samples[25].busbw - link.gbps) / link.gbps).toBeLessThan(0.05);
  });
  it('csv', () => {
    const s = readCsv(read('samples.csv'));
    const f = fitAlphaBeta(s);
    expect(f.alpha_us).toBeCloseTo(2, 3);
    expect(f.gbps).toBeCloseTo(15, 3);
  });
  it('malformed logs name the line', () => {
    expect(() => readOsu('# OSU MPI Latency Test\n# Size  Latency (us)\n8 abc\n', 'o.txt')).toThrow(/o\.txt:3: expected '<size> <value>'/);
    expect(() => readOsu('nothing here', 'o.txt')).toThrow(SampleFormatError);
    expect(() => readCsv('bytes,us\n8,1\n16,x\n', 'c.csv')).toThrow(/c\.csv:3: expected numbers/);
    expect(() => readCsv('a,b\n1,2\n', 'c.csv')).toThrow(/c\.csv:1: header must name/);
    expect(() => readNcclTests('#  size count type\n', 'n.txt')).toThrow(/n\.txt:1: header lacks/);
  });
});

describe('writing back', () => {
  it('sets every link of the class and nothing else', () => {
    const t = embeddedTopology('dual-socket-6dla');
    const c = applyCalibration(t, 'qpi', { alpha_us: 0.9, gbps: 14.5 });
    c.links.forEach((l, i) => {
      if (l.kind === 'qpi') expect([l.alpha_us, l.gbps]).toEqual([0.9, 14.5]);
      else expect(l).toEqual(t.links[i]);
    });
    expect(() => applyCalibration(t, 'nvlink', { alpha_us: 1, gbps: 1 })).toThrow(/has no nvlink links/);
    expect(() => applyCalibration(t, 'wifi', { alpha_us: 1, gbps: 1 })).toThrow(/unknown link class 'wifi'/);
  });
});

describe('a real capture (MPICH ping-pong on a busy VM)', () => {
  const samples = readCsv(read('mpich-pingpong-vm.csv'));
  it('has five repeats per size from 1 B to 16 MiB', () => {
    expect(samples).toHaveLength(125);
    expect(reducePerSize(samples, 'min')).toHaveLength(25);
  });
  it('per-size minimum and a cache-sized range fit far better than the raw samples', () => {
    const raw = fitAlphaBeta(samples);
    const tidy = fitAlphaBeta(reducePerSize(samples, 'min').filter((s) => s.bytes <= 512 * 1024));
    expect(tidy.r2).toBeGreaterThan(raw.r2);
    expect(tidy.mape).toBeLessThan(raw.mape);
    // Shared-memory MPI latency is sub-microsecond to a few µs.
    expect(tidy.alpha_us).toBeGreaterThan(0.05);
    expect(tidy.alpha_us).toBeLessThan(5);
  });
  it('reducePerSize: min, median and mean of repeats', () => {
    const s = [{ bytes: 8, us: 3 }, { bytes: 8, us: 1 }, { bytes: 8, us: 2 }, { bytes: 4, us: 5 }, { bytes: 4, us: 7 }];
    expect(reducePerSize(s, 'min')).toEqual([{ bytes: 4, us: 5 }, { bytes: 8, us: 1 }]);
    expect(reducePerSize(s, 'median')).toEqual([{ bytes: 4, us: 6 }, { bytes: 8, us: 2 }]);
    expect(reducePerSize(s, 'mean')).toEqual([{ bytes: 4, us: 6 }, { bytes: 8, us: 2 }]);
  });
});
