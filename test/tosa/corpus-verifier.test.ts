// The verifier against MLIR 22's own expected-error annotations in the upstream
// TOSA tests, restricted to chunks mlir-opt-22 really rejects with those
// messages (MANIFEST kind `invalid-expected`), plus a no-false-positive check
// over every op of the chunks it accepts.
import { describe, expect, test } from 'vitest';
import { corpusAvailable, loadChunks } from './corpus/corpus.js';
import { falsePositives, verifierCases } from './corpus/report.js';

const TOSA = 'mlir/test/Dialect/Tosa/';

describe.skipIf(!corpusAvailable())('TOSA verifier vs upstream expected-error', () => {
  test('op verifier messages of invalid-expected chunks match MLIR 22 exactly', () => {
    const chunks = ['invalid.mlir', 'verifier.mlir'].flatMap((f) => loadChunks(TOSA + f));
    const { cases, skipped } = verifierCases(chunks);
    const matched = cases.filter((c) => c.ok).length;
    console.log(`[tosa verifier] ${matched}/${cases.length} op-level expected-errors reproduced; ${skipped.length} parser-level expectations not applicable`);
    const misses = cases.filter((c) => !c.ok).map((c) => `${c.where}\n  want: ${c.expected}\n  got:  ${c.got}`);
    expect(cases.length).toBeGreaterThan(200);
    // Every op-level expectation must be reproduced word for word.
    expect(misses).toEqual([]);
  });

  test('ops in chunks mlir-opt-22 accepts verify without errors', () => {
    const files = ['ops.mlir', 'invalid.mlir', 'verifier.mlir', 'canonicalize.mlir', 'tosa-infer-shapes.mlir'].map((f) => TOSA + f);
    files.push('mlir/test/Conversion/TosaToLinalg/tosa-to-linalg.mlir', 'mlir/test/Conversion/TosaToLinalg/tosa-to-linalg-named.mlir');
    const { checked, errors } = falsePositives(files.flatMap((f) => loadChunks(f)));
    console.log(`[tosa verifier] ${checked} accepted ops checked, ${errors.length} false positives`);
    expect(checked).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
  });
});
