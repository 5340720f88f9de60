import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_MISSING, hasMlirOpt, processStats, runMlirOpt } from './mlir-opt.js';
import { mlirBackendAvailability } from '../../src/mlir/index.js';
import { needsProcess } from './mlir-opt-native.js';
import { corpusAvailable, readCorpus } from '../conformance/corpus.js';

/** Inputs chosen to trip every way a batch could mislead. */
const TRICKY = [
  'func.func @ok() {\n  return\n}\n',
  '"foo.a"() : () -> ()', // no trailing newline: the marker lands on its last line
  '', // empty input prints an empty module
  'func.func @f() {\n  %1 = arith.addi %0, %x : i32\n  return\n}\n', // two parse errors
  'func.func @h(%a: i32) -> i64 {\n\treturn %a : i32\n}\n', // verifier error + note, tab
  'func.func @f() {\n  "foo.x"() : () -> ()\n', // error at end of input
  '"foo.x"() {a = array<index: 1, 2>} : () -> ()\n', // crashes mlir-opt 22
  'func.func @h(%a: i32) -> i64 {\n  return %a : i32 loc("zz.mlir":3:4)\n}\n', // diagnostic in another file
  'func.func @h(%a: i32) -> i64 {\n  return %a : i32 loc(unknown)\n}\n', // diagnostic with no location
  '"foo.a"() : () -> ()\n// -----\n"foo.b"() : () -> ()\n', // holds the split marker itself
  'func.func @h(%a: i32) -> i64 {\n  // expected-error @+1 {{type of return}}\n  return %a : i32\n}\n',
  'func.func @g(%a: i32) -> i32 {\n  // expected-error @+1 {{never}}\n  return %a : i32\n}\n',
  '0',
  '"foo.s"() {s = "// --- not a marker"} : () -> ()\n',
  '"foo.z"() : () -> ()\n',
];

describe.skipIf(!hasMlirOpt())('runMlirOpt', () => {
  const modes = [
    ['--allow-unregistered-dialect'],
    ['--allow-unregistered-dialect', '--mlir-print-op-generic'],
    ['--allow-unregistered-dialect', '--verify-diagnostics'],
  ];
  modes.forEach((args, m) => {
    it(`gives each input of a batch what a run on it alone gives (${args.join(' ')})`, async () => {
      // Each mode sees the fixture rotated, so crashes and strays sit at different places in the batch.
      const inputs = [...TRICKY.slice(5 * m), ...TRICKY.slice(0, 5 * m)];
      const batched = await runMlirOpt(inputs, { args, cacheDir: false, engine: 'process' });
      const alone = await runMlirOpt(inputs, { args, cacheDir: false, batchSize: 1, engine: 'process' });
      expect(batched).toEqual(alone);
      // The fixture really exercises success, failure and crash.
      expect(alone.some((r) => r.ok)).toBe(true);
      expect(alone.some((r) => !r.ok && !r.crashed)).toBe(true);
      expect(alone.filter((r) => r.crashed)).toHaveLength(1);
    });
  });

  it('runs a clean batch in one process, and isolates a crash in logarithmically many runs', async () => {
    const clean = Array.from({ length: 120 }, (_, i) => `"foo.op${i}"() {v = ${i} : i32} : () -> ()\n`);
    const before = processStats.spawned;
    const results = await runMlirOpt(clean, { args: ['--allow-unregistered-dialect'], cacheDir: false, engine: 'process' });
    expect(processStats.spawned - before).toBe(1);
    results.forEach((r, i) => expect(r.output).toContain(`"foo.op${i}"() {v = ${i} : i32}`));
    const crashing = [...clean.slice(0, 60), TRICKY[6], ...clean.slice(60)];
    const mid = processStats.spawned;
    const withCrash = await runMlirOpt(crashing, { args: ['--allow-unregistered-dialect'], cacheDir: false, engine: 'process' });
    expect(withCrash[60].crashed).toMatch(/crashed/);
    expect(withCrash.filter((r) => r.ok)).toHaveLength(120);
    // Halving finds the crasher in about 2·log2(121) runs, not 121.
    expect(processStats.spawned - mid).toBeLessThanOrEqual(16);
  });

  it('maps diagnostics back to the input’s own lines and file name', async () => {
    const [, r] = await runMlirOpt(['"foo.a"() : () -> ()\n\n\n', 'x\n\n  %1 = "foo.b"(%u) : (i32) -> ()\n'], {
      args: ['--allow-unregistered-dialect'],
      cacheDir: false,
      fileName: 'mine.mlir',
      engine: 'process',
    });
    expect(r.ok).toBe(false);
    expect(r.output).toBe('');
    expect(r.diagnostics[0].position).toEqual({ file: 'mine.mlir', line: 1, col: 1 });
  });

  it('caches results on disk and serves them from there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlir-cache-'));
    try {
      const input = '"foo.cached"() : () -> ()\n';
      const first = await runMlirOpt([input], { args: ['--allow-unregistered-dialect'], cacheDir: dir, engine: 'process' });
      expect(first[0].output).toContain('"foo.cached"()');
      const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json'));
      expect(files).toHaveLength(1);
      // Tamper with the entry: a cache hit must return it without running mlir-opt.
      const path = join(dir, String(files[0]));
      writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), output: 'from cache' }));
      const second = await runMlirOpt([input], { args: ['--allow-unregistered-dialect'], cacheDir: dir, engine: 'process' });
      expect(second[0].output).toBe('from cache');
      // Different args are a different key.
      const generic = await runMlirOpt([input], { args: ['--allow-unregistered-dialect', '--mlir-print-op-generic'], cacheDir: dir, engine: 'process' });
      expect(generic[0].output).toContain('"builtin.module"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses arguments it manages itself', async () => {
    await expect(runMlirOpt(['x'], { args: ['--split-input-file'] })).rejects.toThrow(/managed by the helper/);
  });
});

const nativeBuilt = mlirBackendAvailability().native.available;

describe.skipIf(!hasMlirOpt() || !nativeBuilt)('runMlirOpt on the in-process engine (engine: auto)', () => {
  const roundTripModes: string[][] = [['--allow-unregistered-dialect'], ['--allow-unregistered-dialect', '--mlir-print-op-generic'], []];

  it.each(roundTripModes.map((args) => ({ args, label: args.join(' ') || 'no arguments' })))(
    'gives what the mlir-opt-22 processes give ($label), starting processes only for inputs the driver treats specially',
    async ({ args }) => {
    // Every 8th corpus chunk (≈200, valid and invalid) on top of the tricky fixture.
    const corpus = corpusAvailable() ? readCorpus().filter((_, i) => i % 8 === 0).map((c) => c.text) : [];
    const inputs = [...TRICKY, ...corpus];
    const before = processStats.spawned;
    const auto = await runMlirOpt(inputs, { args, cacheDir: false });
    const routedToProcess = inputs.filter(needsProcess).length;
    // Only inputs the driver treats specially went to processes (in batches, so far fewer spawns).
    expect(processStats.spawned - before).toBeLessThanOrEqual(Math.max(routedToProcess, 1) + 20);
    const proc = await runMlirOpt(inputs, { args, cacheDir: false, engine: 'process' });
    let compared = 0;
    inputs.forEach((input, i) => {
      const a = auto[i];
      const p = proc[i];
      expect(Boolean(a.crashed), input).toBe(Boolean(p.crashed));
      if (a.crashed) return;
      expect(a, input).toEqual(p);
      ++compared;
    });
    expect(compared).toBeGreaterThan(inputs.length * 0.9);
    expect(auto.some((r) => r.ok) && auto.some((r) => !r.ok)).toBe(true);
    },
  );

  it('NUMACCL_TEST_MLIR_OPT=process and arguments it cannot mirror (--verify-diagnostics) use processes', async () => {
    const input = '"foo.process_only"() : () -> ()\n';
    const before = processStats.spawned;
    await runMlirOpt([input], { args: ['--allow-unregistered-dialect', '--verify-diagnostics'], cacheDir: false });
    expect(processStats.spawned - before).toBe(1);
    process.env.NUMACCL_TEST_MLIR_OPT = 'process';
    try {
      await runMlirOpt([input], { args: ['--allow-unregistered-dialect'], cacheDir: false });
    } finally {
      delete process.env.NUMACCL_TEST_MLIR_OPT;
    }
    expect(processStats.spawned - before).toBe(2);
    await runMlirOpt([input], { args: ['--allow-unregistered-dialect'], cacheDir: false });
    expect(processStats.spawned - before).toBe(2);
  });
});

if (!hasMlirOpt()) console.warn(MLIR_OPT_MISSING);
