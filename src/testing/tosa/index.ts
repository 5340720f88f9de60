// Public face of the TOSA program arbitraries in numaccl/testing: random
// well-typed TOSA programs (result types from the tosa semantic core) and
// ill-typed mutations of them, as data and as MLIR text.
export { printProgram, attrText, typeOf, opKinds, type TosaProgram, type ProgramOp, type ValueRef } from './program.js';
export { mutateProgram, MUTATION_KINDS, type MutationKind, type ProgramMutation } from './mutations.js';
export {
  tosaProgramArbitrary,
  tosaMutatedProgramArbitrary,
  tosaProgramCaseArbitrary,
  buildProgram,
  TOSA_PROGRAM_STEPS,
  type TosaProgramOptions,
  type MutatedTosaProgram,
  type TosaProgramCase,
} from './arbitraries.js';
