// fast-check arbitraries of random well-typed TOSA programs (one func.func
// chaining ops) and of ill-typed mutations of them.
import fc from 'fast-check';
import { ProgramBuilder, type BuilderOptions } from './builder.js';
import { mutateProgram, MUTATION_KINDS, type MutationKind, type ProgramMutation } from './mutations.js';
import { printProgram, type TosaProgram, type ValueRef } from './program.js';
import { ELEMENTWISE_STEPS, type Step } from './steps-elementwise.js';
import { LAYOUT_STEPS } from './steps-layout.js';
import { TENSOR_STEPS } from './steps-tensor.js';
import { MORE_STEPS } from './steps-more.js';
import { CONTROL_STEPS } from './steps-control.js';

export interface TosaProgramOptions extends BuilderOptions {
  /** Fewest and most generation steps (a step adds one op plus the constants it needs). Default 1..12. */
  readonly minSteps?: number;
  readonly maxSteps?: number;
}

/** Step kinds and how often they are drawn. */
const STEPS: readonly (readonly [string, Step, number])[] = [
  ...Object.entries(ELEMENTWISE_STEPS).map(([k, s]) => [k, s, k === 'binary' || k === 'unary' ? 4 : 2] as const),
  ...Object.entries(LAYOUT_STEPS).map(([k, s]) => [k, s, 2] as const),
  ...Object.entries(TENSOR_STEPS).map(([k, s]) => [k, s, 2] as const),
  ...Object.entries(MORE_STEPS).map(([k, s]) => [k, s, 1] as const),
  ...Object.entries(CONTROL_STEPS).map(([k, s]) => [k, s, 1] as const),
];

/** Step names the generator knows (each covers one or more op kinds). */
export const TOSA_PROGRAM_STEPS: readonly string[] = STEPS.map(([k]) => k);

const stepArb = fc.record({
  step: fc.oneof(...STEPS.map(([, s, weight]) => ({ weight, arbitrary: fc.constant(s) }))),
  picks: fc.array(fc.nat({ max: 0xffff }), { minLength: 6, maxLength: 12 }),
});

/** Runs the steps; the function returns the last value computed (or the first argument). */
export function buildProgram(steps: readonly { step: Step; picks: readonly number[] }[], options: BuilderOptions = {}): TosaProgram {
  const b = new ProgramBuilder(options);
  for (const { step, picks } of steps) {
    b.usePicks(picks);
    step(b);
  }
  if (b.ops.every((o) => o.name === 'tosa.const' || o.name === 'tosa.const_shape')) {
    b.usePicks([0]);
    b.emit('tosa.identity', [b.args.length ? { arg: 0 } : b.arg({ kind: 'tensor', shape: [2], element: 'f32' })]);
  }
  let last = b.ops.length - 1;
  while (b.ops[last]!.results[0]?.kind !== 'tensor') last--;
  const returns: ValueRef[] = [{ op: last, result: 0 }];
  return { args: b.args, ops: b.ops, returns };
}

/** Random well-typed TOSA programs. */
export function tosaProgramArbitrary(options: TosaProgramOptions = {}): fc.Arbitrary<TosaProgram> {
  return fc.array(stepArb, { minLength: options.minSteps ?? 1, maxLength: options.maxSteps ?? 12 }).map((steps) => buildProgram(steps, options));
}

export interface MutatedTosaProgram {
  readonly program: TosaProgram;
  readonly mutation: ProgramMutation;
}

/** Random ill-typed TOSA programs: a well-typed one with one mutation (kind and place random). */
export function tosaMutatedProgramArbitrary(options: TosaProgramOptions & { kinds?: readonly MutationKind[] } = {}): fc.Arbitrary<MutatedTosaProgram> {
  return fc
    .tuple(tosaProgramArbitrary(options), fc.constantFrom(...(options.kinds ?? MUTATION_KINDS)), fc.nat({ max: 0xffff }))
    .map(([p, kind, r]) => mutateProgram(p, kind, r) ?? mutateProgram(p, 'result-element', r))
    .filter((m): m is MutatedTosaProgram => m !== undefined);
}

/** A generated case: its program, its text, and the mutation if it is one. */
export interface TosaProgramCase {
  readonly program: TosaProgram;
  readonly text: string;
  readonly mutation?: ProgramMutation;
}

/** Well-typed and mutated programs, about half each, with their MLIR text. */
export function tosaProgramCaseArbitrary(options: TosaProgramOptions = {}): fc.Arbitrary<TosaProgramCase> {
  return fc.oneof(
    tosaProgramArbitrary(options).map((program): TosaProgramCase => ({ program, text: printProgram(program) })),
    tosaMutatedProgramArbitrary(options).map(({ program, mutation }): TosaProgramCase => ({ program, text: printProgram(program), mutation })),
  );
}
