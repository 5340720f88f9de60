// Public face of the pass infrastructure: pipeline text, typed options, the
// pass registry, the pass manager and its instrumentation.
export * from './source/index.js';
export * from './options/index.js';
export * from './pipeline/index.js';
export * from './registry/index.js';
export * from './manager/index.js';
export * from './opt-flags/index.js';
export * from './rewrite/index.js';
export * from './generic/index.js';
export * from './ccl/index.js';
export * from './mlir-bridge/index.js';
