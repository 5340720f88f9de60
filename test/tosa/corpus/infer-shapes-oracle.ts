// Differential oracle for shape inference: runs mlir-opt-22 --tosa-infer-shapes
// over corpus chunks and pairs each TOSA op's refined result types with what
// our inference gives for the same (refined) operand types.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AbstractType, Dim } from '../../../src/dialects/tosa/semantics/index.js';
import { inferTosaResultTypes, isRanked, isTensor, printType } from '../../../src/dialects/tosa/semantics/index.js';
import { extractOps, splitChunks, type Chunk } from './extract.js';

export const MLIR_OPT = '/usr/bin/mlir-opt-22';
export const mlirOptAvailable = (): boolean => existsSync(MLIR_OPT);

/** ValueKnowledge::meet as the pass applies it: refine `declared` with `inferred` where compatible. */
export function meet(declared: AbstractType, inferred: AbstractType): AbstractType {
  if (!isTensor(declared) || !isTensor(inferred)) return declared;
  if (!isRanked(inferred)) return declared;
  if (!isRanked(declared)) return { ...declared, shape: inferred.shape };
  if (declared.shape.length !== inferred.shape.length) return declared;
  const shape: Dim[] = [];
  for (let i = 0; i < declared.shape.length; i++) {
    const a = declared.shape[i]!;
    const b = inferred.shape[i]!;
    if (a !== '?' && b !== '?' && a !== b) return declared;
    shape.push(a === '?' ? b : a);
  }
  return { ...declared, shape };
}

export interface OracleCase {
  readonly where: string;
  readonly op: string;
  readonly mlir: string;
  readonly ours: string;
}

/** Runs the pass on the chunks (one process, split-input-file) and compares op by op. */
export function compareWithInferShapes(chunks: readonly Chunk[], label: string): { cases: OracleCase[]; agree: number } {
  const input = chunks.map((c) => c.text).join('\n// -----\n');
  const r = spawnSync(MLIR_OPT, ['--split-input-file', '--tosa-infer-shapes', '--mlir-print-op-generic', '-'], {
    input,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const outChunks = splitChunks(r.stdout.replace(/^\/\/ -----$/gm, '// -----'));
  const cases: OracleCase[] = [];
  let agree = 0;
  chunks.forEach((chunk, k) => {
    const before = extractOps(chunk);
    const after = outChunks[k] ? extractOps(outChunks[k]!) : [];
    if (before.length !== after.length) return;
    after.forEach((op, i) => {
      const orig = before[i]!;
      if (op.view.name !== orig.view.name || orig.view.results.length === 0) return;
      const inferred = inferTosaResultTypes(op.view, orig.view.results);
      if (!inferred) return;
      // Element types come from the printed output so quantized spellings (0.01 vs 1.000000e-02) compare equal.
      const ours = orig.view.results
        .map((d, j) => {
          const t = inferred[j] ? meet(d, inferred[j]!) : d;
          const m = op.view.results[j];
          return printType(isTensor(t) && m && isTensor(m) ? { ...t, element: m.element } : t);
        })
        .join(', ');
      const mlir = op.view.results.map(printType).join(', ');
      cases.push({ where: `${label}#${k}:${orig.line}`, op: op.view.name, mlir, ours });
      if (ours === mlir) agree++;
    });
  });
  return { cases, agree };
}
