// Public face of the reference interpreter (SPMD, all ranks in one process).
export { interpret, interpretableOps, type InterpretOptions, type InterpretResult } from './interpreter.js';
export { generateInput } from './inputs.js';
export { runCollective } from './collectives.js';
export { type Tensor, makeTensor, normalize } from './tensor.js';
export { InterpError } from './kernels/types.js';
export { compareResults, type Comparison } from './compare.js';
