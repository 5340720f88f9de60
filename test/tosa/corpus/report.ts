// Runs the semantic core over the corpus and measures agreement with the
// annotations (expected-error) and with the written result types.
import { formatTosaDiagnostic, verifyTosaOp, inferTosaResultTypes, printType, shapesCompatible, isTensor, isShape } from '../../../src/dialects/tosa/semantics/index.js';
import type { AbstractType } from '../../../src/dialects/tosa/semantics/index.js';
import { extractOps } from './extract.js';
import { type CorpusChunk, expectations } from './corpus.js';

export interface VerifyCase {
  readonly where: string;
  readonly expected: string;
  readonly got: string | undefined;
  readonly ok: boolean;
}

/** For each `'tosa.x' op ...` expected-error in an invalid-expected chunk: does our verifier produce it? */
export function verifierCases(chunks: readonly CorpusChunk[]): { cases: VerifyCase[]; skipped: string[] } {
  const cases: VerifyCase[] = [];
  const skipped: string[] = [];
  for (const chunk of chunks) {
    if (chunk.kind !== 'invalid-expected') continue;
    const ops = extractOps(chunk);
    for (const exp of expectations(chunk)) {
      const where = `${chunk.path}:${exp.line}`;
      const m = /^'(tosa\.\w+)' op /.exec(exp.text);
      const op = ops.find((o) => o.line === exp.line);
      if (!m || !op || op.view.name !== m[1]) {
        skipped.push(`${where}: ${exp.text}`);
        continue;
      }
      const got = verifyTosaOp(op.view)[0];
      const full = got === undefined ? undefined : formatTosaDiagnostic(op.view.name, got);
      cases.push({ where, expected: exp.text, got: full, ok: full !== undefined && exp.pattern.test(full) });
    }
  }
  return { cases, skipped };
}

/** Ops in chunks mlir-opt accepts (or other ops of invalid-expected chunks) must verify cleanly. */
export function falsePositives(chunks: readonly CorpusChunk[]): { checked: number; errors: string[] } {
  const errors: string[] = [];
  let checked = 0;
  for (const chunk of chunks) {
    if (chunk.kind === 'rejected') continue;
    const errorLines = new Set(expectations(chunk).map((e) => e.line));
    for (const op of extractOps(chunk)) {
      if (chunk.kind === 'invalid-expected' && errorLines.has(op.line)) continue;
      checked++;
      const msgs = verifyTosaOp(op.view);
      if (msgs.length) errors.push(`${chunk.path}:${op.line}: ${op.view.name}: ${msgs[0]}`);
    }
  }
  return { checked, errors };
}

export interface InferStats {
  ops: number;
  inferred: number;
  exact: number;
  compatible: number;
  incompatible: string[];
}

const compatible = (a: AbstractType, b: AbstractType): boolean => {
  if (isShape(a) || isShape(b)) return isShape(a) && isShape(b) && a.rank === b.rank;
  return isTensor(a) && isTensor(b) && shapesCompatible(a.shape, b.shape);
};

/** Inference over valid chunks: inferred result types must be compatible with the written ones. */
export function inferenceStats(chunks: readonly CorpusChunk[]): InferStats {
  const s: InferStats = { ops: 0, inferred: 0, exact: 0, compatible: 0, incompatible: [] };
  for (const chunk of chunks) {
    if (chunk.kind !== 'valid') continue;
    for (const op of extractOps(chunk)) {
      s.ops++;
      const types = inferTosaResultTypes(op.view, op.view.results);
      if (!types || op.view.results.length === 0) continue;
      s.inferred++;
      const ok = types.length === op.view.results.length && types.every((t, i) => compatible(t, op.view.results[i]!));
      if (!ok) {
        s.incompatible.push(`${chunk.path}:${op.line}: ${op.view.name}: inferred ${types.map(printType).join(', ')} vs ${op.view.results.map(printType).join(', ')}`);
        continue;
      }
      s.compatible++;
      if (types.every((t, i) => printType(t) === printType(op.view.results[i]!))) s.exact++;
    }
  }
  return s;
}
