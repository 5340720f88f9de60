// Differential test: random single TOSA ops (well-typed and mutated) through
// our verifier and through mlir-opt-22; accept/reject and messages must agree.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatTosaDiagnostic, verifyTosaOp } from '../../src/dialects/tosa/semantics/index.js';
import { opCaseArb } from './gen/op-cases-more.js';
import { controlFlowArb } from './gen/control-flow-cases.js';
import { MLIR_OPT, mlirOptAvailable } from './corpus/infer-shapes-oracle.js';

const RUNS = Number(process.env.TOSA_DIFF_RUNS ?? 600);
const SEED = Number(process.env.TOSA_DIFF_SEED ?? 20261122);
const ARB = process.env.TOSA_DIFF_ARB === 'control-flow' ? controlFlowArb : fc.oneof({ weight: 12, arbitrary: opCaseArb }, { weight: 1, arbitrary: controlFlowArb });

describe.skipIf(!mlirOptAvailable())('TOSA verifier vs mlir-opt-22 on random ops', () => {
  test(`${RUNS} generated ops: same verdict and same message`, () => {
    const cases = fc.sample(ARB, { numRuns: RUNS, seed: SEED });
    let line = 1;
    const opLines: number[] = [];
    const chunks = cases.map((c) => {
      opLines.push(line + c.opLine);
      line += c.text.split('\n').length + 1;
      return c.text;
    });
    const r = spawnSync(MLIR_OPT, ['--split-input-file', '-'], { input: chunks.join('\n// -----\n'), encoding: 'utf8', maxBuffer: 64 << 20 });
    // One output chunk per input chunk, empty when mlir-opt rejected it (with or without a message).
    const printed = r.stdout.split(/^\/\/ -----$/m).map((c) => c.trim() !== '');
    expect(r.signal ?? r.stderr.match(/Stack dump/)?.[0] ?? null).toBeNull();
    const mlirErrors = new Map<number, string>();
    for (const m of r.stderr.matchAll(/^<stdin>:(\d+):\d+: error: (.*)$/gm)) if (!mlirErrors.has(Number(m[1]))) mlirErrors.set(Number(m[1]), m[2]!);
    let verdictAgree = 0;
    let messageAgree = 0;
    let rejected = 0;
    const disagreements: string[] = [];
    cases.forEach((c, i) => {
      const theirRejected = !printed[i];
      const theirs = mlirErrors.get(opLines[i]!);
      const ours = verifyTosaOp(c.view)[0];
      const oursFull = ours === undefined ? undefined : formatTosaDiagnostic(c.view.name, ours);
      if (theirRejected) rejected++;
      const sameVerdict = theirRejected === (ours !== undefined);
      if (sameVerdict) verdictAgree++;
      if (sameVerdict && theirs === oursFull) messageAgree++;
      else disagreements.push(`${c.text}\n  mlir: ${theirRejected ? theirs ?? '(rejected, no message)' : '(accepted)'}\n  ours: ${ours === undefined ? '(accepted)' : oursFull ?? '(rejected, no message)'}`);
    });
    // Errors on lines other than the tested op would mean a broken generator.
    const stray = [...mlirErrors.keys()].filter((l) => !opLines.includes(l));
    console.log(`[tosa differential] ${RUNS} ops, ${rejected} rejected by mlir-opt-22; verdict agreement ${verdictAgree}/${RUNS}, exact message agreement ${messageAgree}/${RUNS}`);
    expect(stray.map((l) => `${l}: ${mlirErrors.get(l)}`)).toEqual([]);
    expect(rejected).toBeGreaterThan(RUNS / 5);
    expect(rejected).toBeLessThan(RUNS * 0.9);
    expect(disagreements.slice(0, 5)).toEqual([]);
  }, 120_000);
});
