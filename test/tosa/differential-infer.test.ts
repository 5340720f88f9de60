// Differential test of shape inference: generated well-typed ops whose result
// types are erased to unranked tensors go through mlir-opt-22
// --tosa-infer-shapes; the refined result types must equal our inference.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatTosaDiagnostic, inferTosaResultTypes, printType, verifyTosaOp } from '../../src/dialects/tosa/semantics/index.js';
import { build } from './gen/op-cases.js';
import { mutatedDraftArb } from './gen/op-cases-more.js';
import { controlFlowArb } from './gen/control-flow-cases.js';
import type { OpCase } from './gen/op-cases.js';
import { extractOps, splitChunks } from './corpus/extract.js';
import { MLIR_OPT, mlirOptAvailable } from './corpus/infer-shapes-oracle.js';

const RUNS = Number(process.env.TOSA_DIFF_RUNS ?? 900);
const SEED = Number(process.env.TOSA_DIFF_SEED ?? 7);

/** Result types of a region op in generic output: the `}) : (...) -> ...` line closing it. */
function regionOpResults(text: string, name: string): string | undefined {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(`"${name}"(`));
  if (at < 0) return undefined;
  const indent = /^\s*/.exec(lines[at]!)![0];
  for (let i = at + 1; i < lines.length; i++) {
    const m = new RegExp(`^${indent}\\}\\) : \\(.*\\) -> (.*)$`).exec(lines[i]!);
    if (m) return m[1]!.replace(/^\((.*)\)$/, '$1');
  }
  return undefined;
}

/** Rewrites a generated cond_if / while_loop so its results are unranked. */
function unrankResults(c: OpCase): OpCase {
  const results = c.view.results.map((r) => (r.kind === 'tensor' ? { ...r, shape: null } : r));
  const lines = c.text.split('\n');
  lines[c.opLine] = lines[c.opLine]!.replace(/-> \((.*)\) \{$/, () => `-> (${results.map(printType).join(', ')}) {`);
  return { ...c, view: { ...c.view, results }, text: lines.join('\n') };
}

describe.skipIf(!mlirOptAvailable())('TOSA shape inference vs mlir-opt-22 --tosa-infer-shapes', () => {
  test(`${RUNS} generated ops with unranked results`, () => {
    // Ops that verify with unranked results. The pass re-verifies after refining, and
    // some checks only run on ranked outputs: when our verifier rejects the refined op,
    // mlir-opt-22 must report the same message on that op.
    const cases = [
      ...fc.sample(mutatedDraftArb, { numRuns: RUNS, seed: SEED }).map((d) => build(d, { kind: 'unranked' })),
      ...fc.sample(controlFlowArb, { numRuns: Math.ceil(RUNS / 4), seed: SEED }).map(unrankResults),
    ]
      .filter((c) => c.view.results.length > 0 && c.view.results.every((r) => r.kind === 'tensor') && verifyTosaOp(c.view).length === 0)
      // mlir-opt-22 crashes inferring a pool whose input is unranked (ShapeAdaptor::getDimSize).
      .filter((c) => !(/_pool2d$/.test(c.view.name) && c.view.operands[0]?.kind === 'tensor' && c.view.operands[0].shape === null));
    let line = 1;
    const lines = cases.map((c) => {
      const at = line + c.opLine;
      line += c.text.split('\n').length + 1;
      return at;
    });
    const r = spawnSync(MLIR_OPT, ['--split-input-file', '--tosa-infer-shapes', '--mlir-print-op-generic', '-'], {
      input: cases.map((c) => c.text).join('\n// -----\n'),
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(r.signal ?? r.stderr.match(/Stack dump/)?.[0] ?? null).toBeNull();
    const errors = new Map<number, string>();
    for (const m of r.stderr.matchAll(/^<stdin>:(\d+):\d+: error: (.*)$/gm)) errors.set(Number(m[1]), m[2]!);
    // mlir-opt prints one output chunk per input chunk (empty when it failed).
    const out = splitChunks(r.stdout);
    let same = 0;
    let broken = 0;
    const diffs: string[] = [];
    cases.forEach((c, i) => {
      const inferred = inferTosaResultTypes(c.view, c.view.results) ?? c.view.results;
      const ourError = verifyTosaOp({ ...c.view, results: inferred })[0];
      const theirError = errors.get(lines[i]!);
      if (ourError !== undefined || theirError !== undefined) {
        broken++;
        const ours = ourError && formatTosaDiagnostic(c.view.name, ourError);
        if (ours !== theirError) diffs.push(`${c.text}\n  mlir error: ${theirError}\n  our error:  ${ours}`);
        return;
      }
      const refined = extractOps(out[i]!).find((o) => o.view.name === c.view.name);
      const theirs = c.view.regions?.length
        ? regionOpResults(out[i]!.text, c.view.name) ?? '(missing)'
        : refined ? refined.view.results.map(printType).join(', ') : '(missing)';
      const ours = inferred.map(printType).join(', ');
      if (theirs === ours) same++;
      else diffs.push(`${c.text}\n  mlir: ${theirs}\n  ours: ${ours}`);
    });
    console.log(`[tosa differential infer] ${cases.length} generated ops: ${same} refined identically, ${broken} refined into invalid IR with the same error as mlir-opt-22`);
    expect(cases.length).toBeGreaterThan(RUNS / 4);
    expect(diffs.slice(0, 5)).toEqual([]);
  }, 120_000);
});
