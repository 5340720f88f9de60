// Shape inference on generated TOSA programs: (1) numaccl's inference
// interface, run on the parsed program, reproduces every written result type;
// (2) with every result's dims erased to `?`, numaccl's inference applied op
// by op and mlir-opt-22 --tosa-infer-shapes both refine the program back to
// exactly the types the generator wrote.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createContext } from '../../src/dialects/index.js';
import { TOSA_INFER_INTERFACE, type TosaShapeInference } from '../../src/dialects/tosa/index.js';
import { parse, printType, verify, type Operation } from '../../src/ir/index.js';
import { printType as printAbstract } from '../../src/dialects/tosa/semantics/index.js';
import { printTosaProgram, tosaProgramArbitrary, type TosaProgram } from '../../src/testing/tosa/index.js';
import { hasMlirOpt, runMlirOpt } from '../support/mlir-opt.js';

const RUNS = Number(process.env.TOSA_PROGRAM_RUNS ?? 300);
const SEED = Number(process.env.TOSA_PROGRAM_SEED ?? 11);

/** The tosa ops of the function body in program order (not those inside cond_if / while_loop regions). */
function tosaOps(module: Operation): Operation[] {
  const ops: Operation[] = [];
  module.walk((op) => {
    if (op.name !== 'func.func') return;
    for (const child of op.regions[0]!.entryBlock!.operations) if (child.name.startsWith('tosa.')) ops.push(child);
    return 'skip';
  }, 'pre');
  return ops;
}

/**
 * Refines `op`'s result types from its operands, as --tosa-infer-shapes does:
 * cond_if / while_loop first pass their input types to the regions' block
 * arguments and refine the ops inside.
 */
function refine(op: Operation): void {
  const firstInput = op.name === 'tosa.cond_if' ? 1 : 0;
  for (const region of op.regions) {
    const block = region.entryBlock;
    if (!block) continue;
    block.arguments.forEach((a, i) => (a.type = op.operands[firstInput + i]!.type));
    for (const inner of block.operations) refine(inner);
  }
  const infer = op.definition?.interfaces?.get(TOSA_INFER_INTERFACE) as TosaShapeInference | undefined;
  const types = op.name === 'tosa.const' ? undefined : infer?.inferResultTypes(op);
  types?.forEach((t, i) => (op.results[i]!.type = t));
}

/** `p` with every non-constant result written as rank-preserving all-dynamic (`tensor<?x?xf32>`). */
function eraseDims(p: TosaProgram): TosaProgram {
  return {
    ...p,
    ops: p.ops.map((op) =>
      op.name === 'tosa.const' || op.name === 'tosa.const_shape'
        ? op
        : { ...op, results: op.results.map((t) => (t.kind === 'tensor' && t.shape ? { ...t, shape: t.shape.map(() => '?' as const) } : t)) },
    ),
  };
}

describe('TOSA shape inference on generated programs', () => {
  test(`numaccl's inference interface reproduces the written result types (${RUNS} programs)`, () => {
    let checked = 0;
    fc.assert(
      fc.property(tosaProgramArbitrary(), (p) => {
        const { module } = parse(createContext(), printTosaProgram(p));
        expect(verify(module)).toEqual([]);
        for (const op of tosaOps(module)) {
          const infer = op.definition?.interfaces?.get(TOSA_INFER_INTERFACE) as TosaShapeInference | undefined;
          // tosa.const has no inference in MLIR either: its type is its attribute's.
          if (op.name === 'tosa.const') continue;
          expect(infer, op.name).toBeDefined();
          const inferred = infer!.inferResultTypes(op);
          expect({ op: op.name, types: inferred?.map(printType) }).toEqual({ op: op.name, types: op.resultTypes.map(printType) });
          checked++;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(checked).toBeGreaterThan(RUNS);
  });

  test(`numaccl's inference, applied op by op, refines erased programs to the generated types (${RUNS} programs)`, () => {
    fc.assert(
      fc.property(tosaProgramArbitrary(), (p) => {
        // Like --tosa-infer-shapes: start from `?` dims, refine each op from its (already refined) operands.
        const { module } = parse(createContext(), printTosaProgram(eraseDims(p)));
        const ops = tosaOps(module);
        for (const op of ops) refine(op);
        expect(ops.map((o) => `${o.name}: ${o.resultTypes.map(printType).join(', ')}`)).toEqual(
          p.ops.map((o) => `${o.name}: ${o.results.map(printAbstract).join(', ')}`),
        );
      }),
      { numRuns: RUNS, seed: SEED + 2 },
    );
  });

  test.skipIf(!hasMlirOpt())(`mlir-opt-22 --tosa-infer-shapes refines erased programs to the generated types (${RUNS} programs)`, async () => {
    const programs = fc.sample(tosaProgramArbitrary(), { numRuns: RUNS, seed: SEED + 1 });
    const runs = await runMlirOpt(programs.map((p) => printTosaProgram(eraseDims(p))), {
      args: ['--tosa-infer-shapes', '--mlir-print-op-generic'],
      cacheDir: false,
      batchSize: RUNS,
    });
    let refined = 0;
    let ops = 0;
    const mismatches: string[] = [];
    programs.forEach((p, i) => {
      const r = runs[i]!;
      // The erased program must still verify: `?` dims are always compatible.
      expect(r.ok ? '' : `${r.diagnostics[0]?.message}\n${printTosaProgram(eraseDims(p))}`).toBe('');
      const out = tosaOps(parse(createContext(), r.output).module);
      expect(out.map((o) => o.name)).toEqual(p.ops.map((o) => o.name));
      out.forEach((o, k) => {
        const want = p.ops[k]!.results.map(printAbstract);
        const got = o.resultTypes.map(printType);
        if (o.name !== 'tosa.const' && o.name !== 'tosa.const_shape') ops++;
        if (want.join() !== got.join()) mismatches.push(`${o.name}: generated ${want.join(', ')}, mlir-opt-22 infers ${got.join(', ')}\n${printTosaProgram(p)}`);
      });
      refined++;
    });
    console.log(`[tosa program inference] ${refined} programs, ${ops} ops refined by mlir-opt-22 --tosa-infer-shapes (${programs.flatMap((q) => q.ops).filter((o) => o.regions).length} cond_if/while_loop); ${ops - mismatches.length} equal to the generated types`);
    expect(mismatches.slice(0, 3)).toEqual([]);
  }, 300_000);
});
