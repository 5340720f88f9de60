/**
 * Benchmark of numaccl/mlir: per-call verify time of the native addon vs
 * mlir-opt-22 processes (one process per call, and batched with
 * --split-input-file), and resident-memory growth over 10,000 native verify calls.
 *
 *   npx tsc -p tsconfig.json && node bench/mlir-engine.ts [--calls 10000]
 *
 * Imports the compiled package (dist/), so build first. Results: docs/mlir-bridge.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMlirEngine } from '../dist/mlir/index.js';

const CORPUS = '/work/shared/corpus/mlir-upstream';
const argCalls = process.argv.indexOf('--calls');
const CALLS = argCalls > 0 ? Number(process.argv[argCalls + 1]) : 10_000;

const SMALL = `func.func @add(%a: tensor<8x64xf32>, %b: tensor<8x64xf32>) -> tensor<8x64xf32> {
  %0 = tosa.add %a, %b : (tensor<8x64xf32>, tensor<8x64xf32>) -> tensor<8x64xf32>
  return %0 : tensor<8x64xf32>
}
`;

/** Valid chunks of the upstream corpus (varied real inputs), without test-dialect ones. */
function corpusSample(limit: number): string[] {
  const rows = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n').slice(1);
  const files = new Map<string, string[]>();
  const out: string[] = [];
  for (const row of rows) {
    const [path, index, , kind] = row.split('\t');
    if (kind !== 'valid') continue;
    if (!files.has(path)) {
      const chunks: string[][] = [[]];
      for (const line of readFileSync(join(CORPUS, path), 'utf8').split('\n')) {
        if (line === '// -----') chunks.push([]);
        else chunks[chunks.length - 1].push(line);
      }
      files.set(path, chunks.map((c) => c.join('\n')));
    }
    const text = files.get(path)![Number(index)];
    if (/["!#\s({,]test(_dyn)?[.:]/.test(text) || text.includes('external_resources')) continue;
    out.push(text);
    if (out.length >= limit) break;
  }
  return out;
}

function timeIt(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);
const us = (ms: number): string => (ms * 1000).toFixed(1);

const native = createMlirEngine({ backend: 'native' });
const proc = createMlirEngine({ backend: 'process' });
const sample = corpusSample(400);
console.log(`numaccl/mlir benchmark (node ${process.version}, ${sample.length} corpus chunks, ${CALLS} calls)`);

// Warm up: load dialects in the native context, and the page cache for mlir-opt.
native.verifyMany(sample);
proc.verify(SMALL);

const rows: Array<[string, number, number]> = [];
function row(label: string, calls: number, ms: number): void {
  rows.push([label, calls, ms / calls]);
}

row('native verify, small module', 2000, timeIt(() => { for (let i = 0; i < 2000; i++) native.verify(SMALL); }));
row('native verify, corpus chunks', sample.length * 5, timeIt(() => { for (let r = 0; r < 5; r++) for (const t of sample) native.verify(t); }));
row('process verify (1 mlir-opt per call), small', 30, timeIt(() => { for (let i = 0; i < 30; i++) proc.verify(SMALL); }));
row('process verify (1 mlir-opt per call), corpus', 30, timeIt(() => { for (const t of sample.slice(0, 30)) proc.verify(t); }));
row('process verifyMany (batched), small x2000', 2000, timeIt(() => proc.verifyMany(Array.from({ length: 2000 }, () => SMALL))));
row('process verifyMany (batched), corpus', sample.length, timeIt(() => proc.verifyMany(sample)));

console.log('\n| backend / input | calls | per call (µs) | vs native |');
console.log('|---|---:|---:|---:|');
const base = (label: string): number => rows.find(([l]) => l.startsWith('native') && l.endsWith(label))![2];
for (const [label, calls, per] of rows) {
  const ref = label.includes('small') ? base('small module') : base('corpus chunks');
  console.log(`| ${label} | ${calls} | ${us(per)} | ${(per / ref).toFixed(1)}x |`);
}

// Resident memory over CALLS native verify calls, cycling through the corpus sample and the small module.
global.gc?.();
const before = process.memoryUsage().rss;
let failures = 0;
const tMem = timeIt(() => {
  for (let i = 0; i < CALLS; i++) {
    const text = i % 2 === 0 ? SMALL : sample[i % sample.length];
    if (!native.verify(text).ok) failures++;
  }
});
global.gc?.();
const after = process.memoryUsage().rss;
console.log(`\nRSS over ${CALLS} native verify calls: ${mb(before)} MB -> ${mb(after)} MB (growth ${mb(after - before)} MB; ${us(tMem / CALLS)} µs/call; ${failures} failures)`);

native.dispose();
proc.dispose();
