/** The addon in several threads at once: crash guards are per thread, results stay right. */
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { loadNativeAddon, nativeAddonPath } from '../../src/mlir/native-addon.js';
import { nativeAvailable } from './engines.js';

// Plain CommonJS so the worker needs no TypeScript: it drives the addon directly.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const addon = require(workerData.path);
const GOOD = 'func.func @f(%a: i32) -> i32 {\\n  %0 = arith.addi %a, %a : i32\\n  return %0 : i32\\n}';
const BAD = 'func.func @f(%a: i32) -> i64 {\\n  return %a : i32\\n}';
const CRASH = 'func.func @x() { %0 = "arith.constant"() {value = array<index: 1, 2>} : () -> (i32) return }';
let h = addon.createContext();
const counts = { good: 0, bad: 0, crashed: 0, wrong: 0 };
for (let i = 0; i < workerData.rounds; i++) {
  const g = addon.call(h, 0, GOOD, '', false, false);
  const b = addon.call(h, 0, BAD, '', false, false);
  if (g.ok) counts.good++; else counts.wrong++;
  if (!b.ok && b.diagnostics.length === 1 && b.diagnostics[0].line === 2) counts.bad++; else counts.wrong++;
  if (i % 10 === 0) {
    const c = addon.call(h, 0, CRASH, '', false, false);
    if (c.crashed) counts.crashed++; else counts.wrong++;
    h = addon.createContext(); // the crashed context is poisoned
  }
}
addon.destroyContext(h);
parentPort.postMessage(counts);
`;

describe.skipIf(!nativeAvailable)('native addon in worker threads', () => {
  test('concurrent calls, including crashing inputs, in three threads', async () => {
    const rounds = 100;
    const run = (): Promise<Record<string, number>> =>
      new Promise((resolve, reject) => {
        const w = new Worker(WORKER, { eval: true, workerData: { path: nativeAddonPath(), rounds } });
        w.once('message', resolve);
        w.once('error', reject);
      });
    const workers = [run(), run()];
    // Meanwhile the main thread uses the addon too.
    const load = loadNativeAddon();
    if (!load.ok) throw new Error(load.reason);
    const h = load.addon.createContext();
    let mainOk = 0;
    for (let i = 0; i < rounds; i++) if (load.addon.call(h, 0, 'module {}', '', false, false).ok) mainOk++;
    load.addon.destroyContext(h);
    const results = await Promise.all(workers);
    expect(mainOk).toBe(rounds);
    for (const r of results) expect(r).toEqual({ good: rounds, bad: rounds, crashed: rounds / 10, wrong: 0 });
  });
});
