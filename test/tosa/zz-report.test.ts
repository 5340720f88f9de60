import { test } from 'vitest';
import { loadChunks } from '/work/main/test/tosa/corpus/corpus.js';
import { verifierCases, falsePositives, inferenceStats } from '/work/main/test/tosa/corpus/report.js';
test('report', () => {
  const files = ['mlir/test/Dialect/Tosa/invalid.mlir', 'mlir/test/Dialect/Tosa/verifier.mlir'];
  const chunks = files.flatMap(loadChunks);
  const { cases, skipped } = verifierCases(chunks);
  const ok = cases.filter((c) => c.ok).length;
  console.log(`verifier: ${ok}/${cases.length} matched, skipped ${skipped.length}`);
  for (const c of cases.filter((c) => !c.ok)) console.log(`MISS ${c.where}\n  want: ${c.expected}\n  got:  ${c.got}`);
  for (const s of skipped) console.log('SKIP', s);
  const all = ['ops.mlir', 'invalid.mlir', 'verifier.mlir', 'canonicalize.mlir', 'tosa-infer-shapes.mlir'].flatMap((f) => loadChunks('mlir/test/Dialect/Tosa/' + f));
  const fp = falsePositives(all);
  console.log(`false positives: ${fp.errors.length}/${fp.checked}`);
  for (const e of fp.errors) console.log('FP', e);
  const inf = inferenceStats(all);
  console.log(`infer: ops ${inf.ops} inferred ${inf.inferred} compatible ${inf.compatible} exact ${inf.exact}`);
  for (const e of inf.incompatible) console.log('INC', e);
});
