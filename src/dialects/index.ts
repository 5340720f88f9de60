// Public face of the dialects: each dialect is registered lazily by name.
import { Context, type Dialect } from '../ir/index.js';
import { builtinDialect } from './builtin/index.js';
import { funcDialect } from './func/index.js';
import { arithDialect } from './arith/index.js';
import { tensorDialect } from './tensor/index.js';

/** Dialect loaders by namespace: loading happens on first use (MLIR's lazy loading). */
export const DIALECT_LOADERS: ReadonlyMap<string, () => Dialect> = new Map([
  ['builtin', builtinDialect],
  ['func', funcDialect],
  ['arith', arithDialect],
  ['tensor', tensorDialect],
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
