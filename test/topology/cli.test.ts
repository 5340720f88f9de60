import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as calibrate from '../../src/cli/commands/calibrate.js';
import * as cost from '../../src/cli/commands/cost.js';
import * as simulateCmd from '../../src/cli/commands/simulate.js';
import * as topo from '../../src/cli/commands/topo.js';
import { loadTopology, validateTopology } from '../../src/topology/index.js';

const fx = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const MODULE = fx('modules/two-allreduce.mlir');

async function run(cmd: { main(a: readonly string[]): Promise<number> }, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: await cmd.main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());
const tmp = (): string => mkdtempSync(join(tmpdir(), 'numaccl-topo-'));

describe('numaccl topo', () => {
  it('show prints nodes, devices and P2P classes', async () => {
    const r = await run(topo, 'show', 'dual-socket-6dla');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/NUMA nodes \(2\)/);
    expect(r.out).toMatch(/SYS\*/);
  });
  it('validate accepts good files and rejects bad ones with the field, exit 1', async () => {
    const dir = tmp();
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(loadTopology('quad-socket-8dla')));
    expect((await run(topo, 'validate', good)).out).toMatch(/ok: 'quad-socket-8dla', 4 NUMA nodes, 8 devices/);
    const bad = join(dir, 'bad.json');
    const j = JSON.parse(readFileSync(good, 'utf8')) as { devices: { tflops: unknown }[] };
    j.devices[3].tflops = 'fast';
    writeFileSync(bad, JSON.stringify(j));
    const r = await run(topo, 'validate', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.json: devices\[3\]\.tflops: expected a number/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
  it('import writes a valid topology atomically, and nothing on failure', async () => {
    const dir = tmp();
    const o = join(dir, 'out.json');
    const r = await run(topo, 'import', '--nvidia-smi', fx('nvidia-smi-topo-8gpu.txt'), '--name', 'smi', '-o', o);
    expect(r.code).toBe(0);
    const t = validateTopology(JSON.parse(readFileSync(o, 'utf8')));
    expect(t.name).toBe('smi');
    expect(t.devices).toHaveLength(8);
    const o2 = join(dir, 'out2.json');
    const bad = await run(topo, 'import', '--hwloc', fx('numactl-hardware-2node.txt'), '-o', o2);
    expect(bad.code).toBe(1);
    expect(existsSync(o2)).toBe(false);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
  it('import reads every format', async () => {
    for (const args of [['--hwloc', fx('hwloc-2socket-4gpu.xml')], ['--numactl', fx('numactl-hardware-4node.txt')], ['--sysfs', fx('sysfs')]]) {
      const r = await run(topo, 'import', ...args);
      expect(r.code).toBe(0);
      expect(() => validateTopology(JSON.parse(r.out))).not.toThrow();
    }
  });
  it('usage errors exit 1 with the usage text', async () => {
    const r = await run(topo, 'import', '--hwloc', 'a', '--numactl', 'b');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/exactly one of/);
    expect((await run(topo, 'frobnicate')).code).toBe(1);
    expect((await run(topo, '--help')).code).toBe(0);
  });
});

describe('numaccl cost', () => {
  it('--json has the documented shape and the chosen algorithm is the cheapest', async () => {
    const r = await run(cost, MODULE, '--topology', 'dual-socket-6dla', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { collectives: { op: string; loc: string; bytes: number; group_size: number; algorithms: Record<string, number>; chosen: string }[] };
    expect(j.collectives.map((c) => c.op)).toEqual(['ccl.all_reduce', 'ccl.all_reduce', 'ccl.all_gather', 'ccl.broadcast', 'ccl.permute']);
    const first = j.collectives[0];
    // The column is the IR parser's choice (statement start or op name).
    expect(first.loc).toMatch(new RegExp(`^${MODULE}:4:\\d+$`));
    expect(first.bytes).toBe(8 * 4096 * 4);
    expect(first.group_size).toBe(6);
    expect(Object.keys(first.algorithms)).toEqual(['ring', 'tree', 'direct', 'hierarchical', 'library']);
    for (const c of j.collectives) expect(c.algorithms[c.chosen]).toBe(Math.min(...Object.values(c.algorithms)));
    // Groups inside one socket: no hierarchical option.
    expect(j.collectives[1].algorithms.hierarchical).toBeUndefined();
  });
  it('errors point at the op', async () => {
    const dir = tmp();
    const f = join(dir, 'bad.mlir');
    const wrap = (op: string): string =>
      `module attributes {ccl.world_size = 6 : i64} {\n  func.func @f(%arg0: tensor<8xf32>) -> tensor<8xf32> {\n    ${op}\n    return %arg0 : tensor<8xf32>\n  }\n}\n`;
    writeFileSync(f, wrap('%1 = "ccl.all_reduce"(%arg0) {groups = dense<[[0, 1], [1, 2]]> : tensor<2x2xi64>, reduction = "sum"} : (tensor<8xf32>) -> tensor<8xf32>'));
    const r = await run(cost, f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/spec\.groups\[1\]: rank 1 appears in two groups/);
    writeFileSync(f, wrap('%1 = "ccl.all_reduce"(%arg0) {groups = 3 : i64, reduction = "sum"} : (tensor<8xf32>) -> tensor<8xf32>'));
    expect((await run(cost, f)).err).toMatch(/bad\.mlir:3:\d+: error: 'ccl\.all_reduce' attribute 'groups' must be a dense 2-D integer array/);
    writeFileSync(f, wrap('%1 = "ccl.all_reduce"(%arg0 : (tensor<8xf32>) -> tensor<8xf32>'));
    expect((await run(cost, f)).err).toMatch(/bad\.mlir:3:\d+: error: /);
    expect((await run(cost, f, '--topology', 'nope')).err).toMatch(/neither a file nor an embedded topology/);
  });
});

describe('numaccl simulate', () => {
  it('prints makespan and link utilisation, writes the SVG timeline', async () => {
    const dir = tmp();
    const svg = join(dir, 't.svg');
    const r = await run(simulateCmd, MODULE, '--timeline', svg);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/makespan [\d.]+ µs/);
    expect(r.out).toMatch(/numa0->numa1 \(qpi\)/);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg /);
    const j = JSON.parse((await run(simulateCmd, MODULE, '--json', '--streams', '1')).out) as { makespan_us: number; links: unknown[]; timeline: unknown[] };
    expect(j.makespan_us).toBeGreaterThan(0);
    expect(j.links.length).toBeGreaterThan(0);
    expect(j.timeline.length).toBeGreaterThan(0);
    expect((await run(simulateCmd, MODULE, '--streams', '0')).code).toBe(1);
  });
});

describe('numaccl calibrate', () => {
  it('--json reports alpha_us, gbps, r2, mape', async () => {
    const r = await run(calibrate, '--nccl-tests', fx('nccl-tests-all_reduce_perf.txt'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, number>;
    for (const k of ['alpha_us', 'gbps', 'r2', 'mape']) expect(typeof j[k]).toBe('number');
    expect(j.gbps).toBeGreaterThan(9.5);
    expect(j.gbps).toBeLessThan(10.5);
  });
  it('osu_latency + osu_bw: alpha from the first, bandwidth from the second', async () => {
    const r = await run(calibrate, '--osu', fx('osu_latency.txt'), '--osu', fx('osu_bw.txt'), '--json');
    const j = JSON.parse(r.out) as { alpha_us: number; gbps: number; notes: string[] };
    expect(j.alpha_us).toBeGreaterThan(0.4);
    expect(j.alpha_us).toBeLessThan(0.5);
    expect(Math.abs(j.gbps - 11.2) / 11.2).toBeLessThan(0.05);
    expect(j.notes[0]).toMatch(/alpha from osu_latency/);
  });
  it('--path compares the fit with the route the topology predicts', async () => {
    const r = await run(calibrate, '--osu', fx('osu_latency.txt'), '--topology', 'dual-socket-6dla', '--path', '0:4', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { model: { alpha_us: number; gbps: number; staged: boolean; path_class: string } };
    // Host-staged across QPI: two store-and-forward PCIe legs, 6 GB/s effective, α of three hops.
    expect(j.model).toMatchObject({ staged: true, path_class: 'SYS' });
    expect(j.model.gbps).toBeCloseTo(6, 6);
    expect(j.model.alpha_us).toBeCloseTo(2.5, 6);
    expect((await run(calibrate, '--csv', fx('samples.csv'), '--topology', 'dual-socket-6dla', '--path', 'x')).code).toBe(1);
  });
  it('--per-size and --max-bytes shape the samples before the fit', async () => {
    const r = await run(calibrate, '--csv', fx('mpich-pingpong-vm.csv'), '--per-size', 'min', '--max-bytes', '524288', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { samples: number }).samples).toBe(20);
    expect((await run(calibrate, '--csv', fx('mpich-pingpong-vm.csv'), '--per-size', 'mode')).err).toMatch(/--per-size must be/);
    expect((await run(calibrate, '--csv', fx('mpich-pingpong-vm.csv'), '--max-bytes', '0')).err).toMatch(/only 0 sample/);
  });
  it('writes the fit back into a topology', async () => {
    const dir = tmp();
    const o = join(dir, 'cal.json');
    const r = await run(calibrate, '--osu', fx('osu_latency.txt'), '--topology', 'dual-socket-6dla', '--link', 'pcie', '-o', o);
    expect(r.code).toBe(0);
    const t = validateTopology(JSON.parse(readFileSync(o, 'utf8')));
    const pcie = t.links.filter((l) => l.kind === 'pcie');
    expect(new Set(pcie.map((l) => l.gbps)).size).toBe(1);
    expect(pcie[0].gbps).toBeGreaterThan(9);
    expect(pcie[0].gbps).toBeLessThan(10);
  });
  it('bad input: exit 1 with file:line', async () => {
    const dir = tmp();
    const f = join(dir, 's.csv');
    writeFileSync(f, 'bytes,us\n1,2\n2,oops\n');
    const r = await run(calibrate, '--csv', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/s\.csv:3: expected numbers/);
    expect((await run(calibrate, '--csv', f, '--link', 'pcie')).err).toMatch(/--topology goes with --link or --path/);
  });
});
