/**
 * Malformed inputs whose first error must match mlir-opt-22: same line, same
 * column where noted, same message. Each case is checked twice: against
 * numaccl's parse→verify (always), and against the real mlir-opt-22 (when
 * installed), so the expectations themselves are proven to be MLIR's.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/dialects/index.js';
import { processRange } from '../../src/cli/opt/driver.js';
import { hasMlirOpt, runMlirOpt } from '../support/mlir-opt.js';
import { DIAGNOSTIC_CASES, type DiagnosticCase } from './diagnostic-cases.js';

interface FirstError {
  line: number;
  col: number;
  message: string;
}

function ours(input: string): FirstError | undefined {
  const ctx = createContext({ allowUnregistered: true });
  const r = processRange(ctx, input, 0, input.length, { fileName: 'input.mlir' });
  const d = r.diagnostics.find((x) => x.severity === 'error');
  return d?.position ? { line: d.position.line, col: d.position.col, message: d.message } : undefined;
}

function expectMatch(got: FirstError | undefined, c: DiagnosticCase): void {
  expect(got, `${c.name}: no error`).toBeDefined();
  expect({ line: got!.line, message: got!.message }, c.name).toEqual({ line: c.line, message: c.message });
  if (c.col !== undefined) expect(got!.col, `${c.name}: column`).toBe(c.col);
}

describe('first error matches mlir-opt-22', () => {
  for (const c of DIAGNOSTIC_CASES) {
    it(`numaccl: ${c.name}`, () => expectMatch(ours(c.input), c));
  }

  it.skipIf(!hasMlirOpt())('the expectations are what mlir-opt-22 reports', async () => {
    const results = await runMlirOpt(
      DIAGNOSTIC_CASES.map((c) => c.input),
      { args: ['--allow-unregistered-dialect'] },
    );
    results.forEach((r, i) => {
      const c = DIAGNOSTIC_CASES[i];
      expect(r.ok, `${c.name}: mlir-opt-22 accepted it`).toBe(false);
      const d = r.diagnostics.find((x) => x.severity === 'error');
      expectMatch(d?.position ? { line: d.position.line, col: d.position.col, message: d.message } : undefined, c);
    });
  });
});
