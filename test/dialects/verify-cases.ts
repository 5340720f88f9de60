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

/** Every diagnostic numaccl's parse→verify gives for `text`. */
export function numacclDiagnostics(text: string): readonly Diagnostic[] {
  const ctx = createContext({ allowUnregistered: true });
  try {
    return verify(parse(ctx, text, { fileName: 'input.mlir' }).module);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    return e.diagnostics;
  }
}

/** A diagnostic's notes as `line: message`. */
export function notesOf(d: Diagnostic | undefined): string[] {
  return (d?.notes ?? []).map((n) => `${n.position?.line}: ${n.message}`);
}

/** numaccl's first error for `text` (parse or verify), or undefined when it is accepted. */
export function numacclFirstError(text: string): FirstError | undefined {
  const first = numacclDiagnostics(text).find((d) => d.severity === 'error');
  return first ? { message: first.message, line: first.position?.line } : undefined;
}

/** mlir-opt-22's diagnostics for each text, batched and cached. */
export async function mlirDiagnostics(texts: readonly string[]): Promise<(readonly Diagnostic[])[]> {
  return (await runMlirOpt(texts, { args: ['--allow-unregistered-dialect'] })).map((r) => r.diagnostics);
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
