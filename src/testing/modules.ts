/** Arbitraries of whole modules, as IR and as MLIR text. */
import fc from 'fast-check';
import { print, type Context, type Operation, type PrintOptions } from '../ir/index.js';
import { buildModule } from './build-module.js';
import { moduleSpecArbitrary, type ModuleOptions } from './module-spec.js';
import { printable } from './printable.js';

/**
 * Random well-formed modules: unregistered ops in generic form (operands that
 * respect dominance, several results, attributes and properties, nested
 * regions, blocks with arguments and successors) plus func.func, func.call,
 * func.return and arith ops. Each value is a fresh Operation, so a property
 * may mutate it. `ctx` must allow unregistered ops and have func and arith
 * registered (`createContext({ allowUnregistered: true })`).
 */
export function moduleArbitrary(ctx: Context, options: ModuleOptions = {}): fc.Arbitrary<Operation> {
  const opDialect = (options.opDialects ?? ['foo'])[0];
  return moduleSpecArbitrary(ctx, options).map((spec) => printable(buildModule(ctx, spec, { opDialect }), (m) => print(m, { generic: true, debugInfo: true })));
}

/** Random modules printed as MLIR text (custom form unless `print.generic`). */
export function moduleTextArbitrary(ctx: Context, options: ModuleOptions & { print?: PrintOptions } = {}): fc.Arbitrary<string> {
  return moduleArbitrary(ctx, options).map((m) => print(m, options.print ?? {}));
}
