// Public face of the TOSA program arbitraries in numaccl/testing: random
// well-typed TOSA programs (result types from the tosa semantic core) and
// ill-typed mutations of them, as data and as MLIR text. Names carry `Tosa`
// because numaccl/testing re-exports them next to other generators.
export {
  printProgram as printTosaProgram,
  attrText as tosaAttrText,
  typeOf as tosaValueType,
  opKinds as tosaOpKinds,
  type TosaProgram,
  type ProgramOp as TosaProgramOp,
  type ValueRef as TosaValueRef,
} from './program.js';
export {
  mutateProgram as mutateTosaProgram,
  MUTATION_KINDS as TOSA_MUTATION_KINDS,
  type MutationKind as TosaMutationKind,
  type ProgramMutation as TosaProgramMutation,
} from './mutations.js';
export {
  tosaProgramArbitrary,
  tosaMutatedProgramArbitrary,
  tosaProgramCaseArbitrary,
  buildProgram as buildTosaProgram,
  TOSA_PROGRAM_STEPS,
  type TosaProgramOptions,
  type MutatedTosaProgram,
  type TosaProgramCase,
} from './arbitraries.js';
