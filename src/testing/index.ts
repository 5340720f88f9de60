// Public face of numaccl/testing: fast-check arbitraries for property tests
// of code that consumes or transforms numaccl IR (see docs/testing.md).
export { printable, printableArb } from './printable.js';
export { affineExprArbitrary, affineMapArbitrary, integerSetArbitrary, type AffineOptions } from './affine.js';
export { floatValueArbitrary } from './floats.js';
export { typeArbitraries, DIALECT_BODIES, type TypeArbitraries, type TypeOptions } from './types.js';
export { locationArbitrary, type LocationOptions } from './locations.js';
export {
  attributeArbitraries,
  integerValueArbitrary,
  trickyStringArbitrary,
  bareIdentifierArbitrary,
  type AttributeArbitraries,
  type AttributeOptions,
} from './attributes.js';
export {
  moduleSpecArbitrary,
  type ModuleSpec,
  type FuncSpec,
  type OpSpec,
  type RegionSpec,
  type BlockSpec,
  type BranchSpec,
  type ArgSpec,
  type ModuleOptions,
} from './module-spec.js';
export { buildModule } from './build-module.js';
export { moduleArbitrary, moduleTextArbitrary } from './modules.js';
export {
  tokenizeMlir,
  mutateText,
  mutationArbitrary,
  structuralMutationArbitrary,
  mutatedTextArbitrary,
  mlirTokenSoupArbitrary,
  randomSourceArbitrary,
  MLIR_TOKEN_VOCABULARY,
  type Mutation,
} from './mutate.js';
// Random topologies, collectives and schedules (written alongside the topology model).
export * from './topology/index.js';
// Random well-typed TOSA programs and their ill-typed mutations.
export * from './tosa/index.js';
// Random SPMD programs with ccl collectives over a world size.
export * from './spmd/index.js';
