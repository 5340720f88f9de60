/**
 * Both backends on the upstream MLIR corpus: the same verdicts (and the
 * manifest's), the same printed output, the same diagnostics.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MlirEngine, RunResult } from '../../src/mlir/index.js';
import { corpusAvailable, driverDependent, loadCorpus, type CorpusChunk } from './corpus.js';
import { bothAvailable, bothEngines, describeDifference } from './engines.js';

const chunks: CorpusChunk[] = corpusAvailable() ? loadCorpus() : [];
const crashing = chunks.filter((c) => c.note.includes('crashed'));
const comparable = chunks.filter((c) => !driverDependent(c) && !c.note.includes('crashed'));
const valid = comparable.filter((c) => c.kind === 'valid');

describe.skipIf(!bothAvailable || chunks.length === 0)('upstream corpus: native vs process', () => {
  let native: MlirEngine;
  let proc: MlirEngine;
  beforeAll(() => ({ native, proc } = bothEngines()));
  afterAll(() => {
    native?.dispose();
    proc?.dispose();
  });

  function expectSame(list: readonly CorpusChunk[], n: RunResult[], p: RunResult[]): void {
    let compared = 0;
    list.forEach((c, i) => {
      expect(n[i], describeDifference(`${c.path} chunk ${c.index}`, n[i], p[i])).toEqual(p[i]);
      compared++;
    });
    expect(compared).toBe(list.length);
  }

  test('round trip of every comparable chunk: same verdict, output and diagnostics', () => {
    expect(comparable.length).toBeGreaterThan(1400);
    const texts = comparable.map((c) => c.text);
    const p = proc.runMany(texts, '', { allowUnregistered: true });
    const n = native.runMany(texts, '', { allowUnregistered: true });
    expectSame(comparable, n, p);
    // And both agree with how the manifest classified the chunk.
    comparable.forEach((c, i) => {
      if (c.kind === 'valid') expect(n[i].ok, `${c.path} chunk ${c.index}`).toBe(true);
      if (c.kind === 'invalid-expected') {
        expect(n[i].ok, `${c.path} chunk ${c.index}`).toBe(false);
        expect(n[i].diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }
    });
  });

  test('verify gives the same verdicts as run with the empty pipeline', () => {
    const texts = comparable.map((c) => c.text);
    const n = native.verifyMany(texts, { allowUnregistered: true });
    const p = proc.verifyMany(texts, { allowUnregistered: true });
    expect(n).toEqual(p);
    comparable.forEach((c, i) => {
      if (c.kind === 'valid') expect(n[i].ok, `${c.path} chunk ${c.index}`).toBe(true);
      if (c.kind === 'invalid-expected') expect(n[i].ok, `${c.path} chunk ${c.index}`).toBe(false);
    });
  });

  test('generic form of every valid chunk is identical', () => {
    const texts = valid.map((c) => c.text);
    const opts = { allowUnregistered: true, printGeneric: true };
    const n = native.runMany(texts, '', opts);
    const p = proc.runMany(texts, '', opts);
    expectSame(valid, n, p);
    expect(n.every((r) => r.ok && r.output.includes('"builtin.module"()'))).toBe(true);
  });

  test('an upstream pipeline (canonicalize, cse) gives identical results', () => {
    const texts = valid.map((c) => c.text);
    const n = native.runMany(texts, 'canonicalize,cse', { allowUnregistered: true });
    const p = proc.runMany(texts, 'canonicalize,cse', { allowUnregistered: true });
    expectSame(valid, n, p);
  });

  test.skipIf(crashing.length === 0)('a chunk that crashes MLIR 22 is reported, and the engines keep working', () => {
    for (const engine of [native, proc]) {
      const r = engine.verify(crashing[0].text);
      expect(r.ok).toBe(false);
      expect(r.diagnostics[0].message).toMatch(/^MLIR crashed \(SIG[A-Z]+\) on this input$/);
      expect(engine.verify('func.func @f() {\n  return\n}').ok).toBe(true);
    }
  });
});
