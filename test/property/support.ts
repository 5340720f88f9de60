/** Shared helpers for the IR property tests. */
import { createContext } from '../../src/dialects/index.js';
import { DiagnosticError, parse, print, type Context, type PrintOptions } from '../../src/ir/index.js';

/** A context like numaccl-opt --allow-unregistered-dialect uses. */
export function freshContext(): Context {
  return createContext({ allowUnregistered: true });
}

/** Parse `text` and print it again; a DiagnosticError is rethrown with its rendered message. */
export function reprint(ctx: Context, text: string, options: PrintOptions = {}, fileName = 'input.mlir'): string {
  const r = parse(ctx, text, { fileName });
  return print(r.module, { ...options, resources: r.resources, externalResources: r.externalResources, aliases: r.aliases });
}

export function describeError(e: unknown): string {
  if (e instanceof DiagnosticError) return e.diagnostics.map((d) => `${d.position ? `${d.position.line}:${d.position.col}` : '?'}: ${d.message}`).join('\n');
  return e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e);
}

/** Number of runs, overridable for a longer soak: NUMACCL_PROPERTY_RUNS=5000. */
export function runs(defaultRuns: number): number {
  const env = Number(process.env.NUMACCL_PROPERTY_RUNS);
  return Number.isFinite(env) && env > 0 ? env : defaultRuns;
}

/** The first differing line of two texts, with its line number, for short failure messages. */
export function firstDiff(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}:\n  - ${x[i] ?? '<end>'}\n  + ${y[i] ?? '<end>'}`;
  }
  return '(no difference)';
}
