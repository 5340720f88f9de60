// Public face of the dialects: each dialect is registered lazily by name.
import { Context, type Dialect } from '../ir/index.js';
import { builtinDialect } from './builtin/index.js';
import { funcDialect } from './func/index.js';
import { arithDialect } from './arith/index.js';
import { tensorDialect } from './tensor/index.js';
import { cclDialect } from './ccl/index.js';
import { tosaDialect } from './tosa/index.js';
import { mpiDialect } from './mpi/index.js';
import { shardDialect } from './shard/index.js';
import { memrefDialect } from './memref/index.js';
import { bufferizationDialect } from './bufferization/index.js';

/** Dialect loaders by namespace: loading happens on first use (MLIR's lazy loading). */
export const DIALECT_LOADERS: ReadonlyMap<string, () => Dialect> = new Map([
  ['builtin', builtinDialect],
  ['func', funcDialect],
  ['arith', arithDialect],
  ['tensor', tensorDialect],
  ['ccl', cclDialect],
  ['tosa', tosaDialect],
  ['mpi', mpiDialect],
  ['shard', shardDialect],
  ['memref', memrefDialect],
  ['bufferization', bufferizationDialect],
]);

export function registerAllDialects(context: Context): Context {
  for (const [name, loader] of DIALECT_LOADERS) context.registerDialect(name, loader);
  return context;
}

/** A context with every numaccl dialect registered. */
export function createContext(options: { allowUnregistered?: boolean } = {}): Context {
  const ctx = registerAllDialects(new Context());
  ctx.allowUnregistered = options.allowUnregistered ?? false;
  return ctx;
}

export { builtinDialect, funcDialect, arithDialect, tensorDialect };
export { defineOdsDialect, type OpOverride, type OdsDialectOptions } from './common/ods-dialect.js';
