// Public face of the bridge from numaccl pipelines to real MLIR 22: the `mlir(...)` pass.
export { mlirPass } from './mlir-pass.js';
export { runUpstreamPipeline, type UpstreamResult } from './run-upstream.js';
export { BACKEND_ENV, bridgeBackend, bridgeEngine } from './engine-choice.js';
