/**
 * Round-trip helpers for the custom-syntax tests of tosa, shard, mpi, memref
 * and bufferization: numaccl's parse→verify→print of a snippet, and the check
 * the conformance harness makes (mlir-opt-22 prints our output exactly as it
 * prints the original, custom and generic), so expectations are MLIR's own.
 */
import { expect } from 'vitest';
import { DiagnosticError, parse, print, verify } from '../../../src/ir/index.js';
import { createContext } from '../../../src/dialects/index.js';
import { hasMlirOpt, runMlirOpt } from '../../support/mlir-opt.js';

export const MLIR_OPT_AVAILABLE = hasMlirOpt();

/** Our print of `text` after parse and verify; throws with the first diagnostic when rejected. */
export function ourPrint(text: string, generic = false): string {
  const ctx = createContext({ allowUnregistered: true });
  const { module } = parse(ctx, text, { fileName: 'input.mlir' });
  const errors = verify(module).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new DiagnosticError(errors);
  return print(module, { generic });
}

/** Our first error for `text` (parse or verify) as `line:col: message`, or undefined when accepted. */
export function ourFirstError(text: string): string | undefined {
  try {
    ourPrint(text);
    return undefined;
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    const d = e.diagnostics.find((x) => x.severity === 'error');
    return d ? `${d.position?.line}:${d.position?.col}: ${d.message}` : undefined;
  }
}

/** Our print is a fixpoint: printing what we print gives the same text, in both forms. */
export function expectStable(text: string): void {
  for (const generic of [false, true]) {
    const once = ourPrint(text, generic);
    expect(ourPrint(once, generic)).toBe(once);
  }
}

/** mlir-opt-22 prints our output (custom and generic) exactly as it prints each original. */
export async function expectMlirAgrees(texts: readonly string[]): Promise<void> {
  for (const generic of [false, true]) {
    const args = ['--allow-unregistered-dialect', ...(generic ? ['--mlir-print-op-generic'] : [])];
    const reference = await runMlirOpt(texts, { args });
    const ours = await runMlirOpt(texts.map((t) => ourPrint(t, generic)), { args });
    texts.forEach((t, i) => {
      expect(reference[i].ok, `mlir-opt-22 accepts the case:\n${t}`).toBe(true);
      expect(ours[i].output, `${generic ? 'generic' : 'custom'} print of:\n${t}`).toBe(reference[i].output);
    });
  }
}

/** mlir-opt-22's first error for each text as `line:col: message` (undefined = accepted). */
export async function mlirFirstErrors(texts: readonly string[]): Promise<(string | undefined)[]> {
  const results = await runMlirOpt(texts, { args: ['--allow-unregistered-dialect'] });
  return results.map((r) => {
    if (r.ok) return undefined;
    const d = r.diagnostics.find((x) => x.severity === 'error');
    return d ? `${d.position?.line}:${d.position?.col}: ${d.message}` : (r.crashed ?? 'rejected');
  });
}

export const fn = (args: string, body: string): string => `func.func @f(${args}) {\n${body}\n  return\n}\n`;
