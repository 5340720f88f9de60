/**
 * Helpers for the dialect verifier tests: run numaccl's parse→verify on a
 * snippet and, where mlir-opt-22 is installed, the same snippet through it,
 * so every expected message is MLIR's own and not copied from our code.
 */
import { expect } from 'vitest';
import { parse, verify, DiagnosticError, type Diagnostic } from '../../src/ir/index.js';
import { createContext } from '../../src/dialects/index.js';
import { hasMlirOpt, runMlirOpt } from '../support/mlir-opt.js';

/** One rejected snippet: the first error MLIR reports and its 1-based line. */
export interface RejectCase {
  readonly name: string;
  readonly text: string;
  readonly error: string;
  readonly line: number;
}

export interface FirstError {
  readonly message: string;
  readonly line: number | undefined;
}

/** numaccl's first error for `text` (parse or verify), or undefined when it is accepted. */
export function numacclFirstError(text: string): FirstError | undefined {
  const ctx = createContext({ allowUnregistered: true });
  let diagnostics: readonly Diagnostic[];
  try {
    diagnostics = verify(parse(ctx, text, { fileName: 'input.mlir' }).module);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    diagnostics = e.diagnostics;
  }
  const first = diagnostics.find((d) => d.severity === 'error');
  return first ? { message: first.message, line: first.position?.line } : undefined;
}

/** mlir-opt-22's first error for each text (undefined = accepted), batched and cached. */
export async function mlirFirstErrors(texts: readonly string[]): Promise<(FirstError | undefined)[]> {
  const results = await runMlirOpt(texts, { args: ['--allow-unregistered-dialect'] });
  return results.map((r) => {
    if (r.ok) return undefined;
    const first = r.diagnostics.find((d) => d.severity === 'error');
    return first ? { message: first.message, line: first.position?.line } : { message: r.crashed ?? '', line: undefined };
  });
}

export const MLIR_OPT_AVAILABLE = hasMlirOpt();

/** The shared assertions: numaccl reports exactly the case's error, at its line. */
export function expectRejected(c: RejectCase): void {
  expect(numacclFirstError(c.text), c.name).toEqual({ message: c.error, line: c.line });
}
