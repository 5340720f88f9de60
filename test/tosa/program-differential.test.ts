// Differential property test: random TOSA programs (half well-typed, half
// with one ill-typed mutation) through numaccl's parse → verify and through
// mlir-opt-22 in one --split-input-file run; accept/reject must agree.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createContext } from '../../src/dialects/index.js';
import { DiagnosticError, parse, verify } from '../../src/ir/index.js';
import { tosaOpKinds, tosaProgramCaseArbitrary, type TosaProgramCase } from '../../src/testing/tosa/index.js';
import { hasMlirOpt, MLIR_OPT_MISSING, runMlirOpt } from '../support/mlir-opt.js';

const RUNS = Number(process.env.TOSA_PROGRAM_RUNS ?? 600);
const SEED = Number(process.env.TOSA_PROGRAM_SEED ?? 20261122);

/** numaccl's verdict on one program text: undefined when accepted, else its first error. */
function numacclError(text: string): string | undefined {
  try {
    const { module } = parse(createContext(), text, { fileName: 'input.mlir' });
    const errors = verify(module).filter((d) => d.severity === 'error');
    return errors.length ? `${errors[0]!.position?.line ?? '?'}: ${errors[0]!.message}` : undefined;
  } catch (e) {
    if (e instanceof DiagnosticError) return `parse: ${e.message}`;
    throw e;
  }
}

if (!hasMlirOpt()) console.warn(MLIR_OPT_MISSING);

describe.skipIf(!hasMlirOpt())('TOSA programs: numaccl verifier vs mlir-opt-22', () => {
  test(`${RUNS} generated programs agree on accept/reject`, async () => {
    const t0 = performance.now();
    const cases: TosaProgramCase[] = fc.sample(tosaProgramCaseArbitrary(), { numRuns: RUNS, seed: SEED });
    const ours = cases.map((c) => numacclError(c.text));
    const t1 = performance.now();
    const theirs = await runMlirOpt(cases.map((c) => c.text), { cacheDir: false, batchSize: RUNS, fileName: 'input.mlir' });
    const t2 = performance.now();

    const kinds = new Set(cases.flatMap((c) => tosaOpKinds(c.program)));
    const mutated = cases.filter((c) => c.mutation).length;
    const disagreements: string[] = [];
    let agree = 0;
    let sameFirstError = 0;
    const otherMessages: string[] = [];
    cases.forEach((c, i) => {
      const r = theirs[i]!;
      const first = r.diagnostics.find((d) => d.severity === 'error');
      // MLIR's silent failures carry no message; ours is then empty.
      const theirFirst = r.ok ? undefined : `${first?.position?.line ?? '?'}: ${first?.message ?? ''}`;
      if (theirFirst === ours[i]) sameFirstError++;
      else if (!r.ok && ours[i] !== undefined) otherMessages.push(`mlir-opt-22 ${theirFirst}\nnumaccl     ${ours[i]}`);
      expect(r.crashed ?? null, c.text).toBeNull();
      const mlirAccepts = r.ok;
      const weAccept = ours[i] === undefined;
      if (mlirAccepts === weAccept) agree++;
      else {
        const mlirMsg = r.diagnostics[0] ? `${r.diagnostics[0].position?.line ?? '?'}: ${r.diagnostics[0].message}` : '(accepted)';
        disagreements.push(`${c.mutation?.description ?? 'well-typed'}\n${c.text}\n  mlir-opt-22: ${mlirAccepts ? '(accepted)' : mlirMsg}\n  numaccl:     ${ours[i] ?? '(accepted)'}`);
      }
    });
    const wellTyped = cases.filter((c) => !c.mutation);
    const wellTypedAccepted = wellTyped.filter((c) => theirs[cases.indexOf(c)]!.ok).length;
    const mutatedRejected = cases.filter((c, i) => c.mutation && !theirs[i]!.ok).length;
    const rate = agree / cases.length;
    console.log(
      `[tosa program differential] ${cases.length} programs (${mutated} mutated), ${kinds.size} op kinds; ` +
        `mlir-opt-22 accepts ${wellTypedAccepted}/${wellTyped.length} well-typed, rejects ${mutatedRejected}/${mutated} mutated; ` +
        `verdict agreement ${agree}/${cases.length} = ${(100 * rate).toFixed(2)}%, same first error (line and message) ${sameFirstError}/${cases.length}; ` +
        `numaccl ${(t1 - t0).toFixed(0)} ms (generate + parse + verify), mlir-opt-22 ${(t2 - t1).toFixed(0)} ms`,
    );
    if (disagreements.length) console.log(disagreements.join('\n\n'));
    // Mutations both sides accept: benign ones, or where MLIR 22 is looser than the TOSA spec (docs/conformance.md).
    const loose = new Map<string, number>();
    cases.forEach((c, i) => {
      if (c.mutation && theirs[i]!.ok) loose.set(`${c.mutation.target} ${c.mutation.kind}`, (loose.get(`${c.mutation.target} ${c.mutation.kind}`) ?? 0) + 1);
    });
    console.log(`mutations accepted by mlir-opt-22: ${[...loose].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    const rejectedWellTyped = wellTyped.flatMap((c) => {
      const r = theirs[cases.indexOf(c)]!;
      return r.ok ? [] : [`${r.diagnostics[0]?.message ?? '(no message)'}\n${c.text}`];
    });
    if (process.env.TOSA_PROGRAM_DEBUG) {
      console.log(otherMessages.join('\n'));
      console.log(rejectedWellTyped.join('\n\n'));
      // Mutations both verifiers accept: benign ones, or places where MLIR is looser than the TOSA spec.
      cases.forEach((c, i) => c.mutation && theirs[i]!.ok && console.log(`ACCEPTED MUTATION ${c.mutation.description}\n${c.text}`));
    }

    expect(kinds.size).toBeGreaterThanOrEqual(30);
    expect(mutated).toBeGreaterThan(cases.length * 0.4);
    expect(mutated).toBeLessThan(cases.length * 0.6);
    // The generator is only useful if its programs are really well-typed and its mutations really ill-typed.
    expect(rejectedWellTyped.slice(0, 3)).toEqual([]);
    expect(mutatedRejected).toBeGreaterThanOrEqual(mutated * 0.8);
    expect(rate).toBeGreaterThanOrEqual(0.99);
    // Beyond the verdict: the first error is MLIR's, word for word and on the same line.
    expect(sameFirstError / cases.length).toBeGreaterThanOrEqual(0.97);
  }, 300_000);
});
