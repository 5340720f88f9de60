/**
 * func verifiers: calls, symbol constants, return placement and the
 * FunctionOpInterface attribute rules, each with MLIR's first error
 * (checked against mlir-opt-22 when installed) and a valid neighbour.
 */
import { describe, expect, it } from 'vitest';
import {
  MLIR_OPT_AVAILABLE,
  expectRejected,
  mlirDiagnostics,
  mlirFirstErrors,
  notesOf,
  numacclDiagnostics,
  numacclFirstError,
  type RejectCase,
} from '../verify-cases.js';

const FUNC_REJECTED: readonly RejectCase[] = [
  {
    name: 'call: result types against the callee',
    text: 'func.func private @g() -> (i32, f32)\nfunc.func @f() {\n  %0:2 = call @g() : () -> (i32, i32)\n  return\n}\n',
    error: "'func.call' op result type mismatch at index 1",
    line: 3,
  },
  {
    name: 'constant: undefined function',
    text: 'func.func @f() {\n  %0 = func.constant @nowhere : () -> ()\n  return\n}\n',
    error: "'func.constant' op reference to undefined function 'nowhere'",
    line: 2,
  },
  {
    name: 'constant: function type must match',
    text: 'func.func private @g(i32)\nfunc.func @f() {\n  %0 = func.constant @g : (i64) -> ()\n  return\n}\n',
    error: "'func.constant' op reference to function with mismatched type",
    line: 3,
  },
  {
    name: 'arguments carry dialect attributes only',
    text: 'func.func private @g(i1 {plain = 1 : i64})\n',
    error: "'func.func' op arguments may only have dialect attributes",
    line: 1,
  },
  {
    name: 'results carry dialect attributes only',
    text: 'func.func private @g() -> (i1 {plain})\n',
    error: "'func.func' op results may only have dialect attributes",
    line: 1,
  },
  {
    name: 'HasParent: return outside a function',
    text: 'func.func @f() {\n  "some.region"() ({\n    func.return\n  }) : () -> ()\n  return\n}\n',
    error: "'func.return' op expects parent op 'func.func'",
    line: 3,
  },
];

const FUNC_ACCEPTED: readonly string[] = [
  'func.func private @g() -> (i32, f32)\nfunc.func @f() {\n  %0:2 = call @g() : () -> (i32, f32)\n  return\n}\n',
  'func.func private @g(i32)\nfunc.func @f() {\n  %0 = func.constant @g : (i32) -> ()\n  return\n}\n',
  'func.func private @g(i1 {my.attr = 1 : i64}) -> (i1 {my.other})\n',
];

describe('func verifiers', () => {
  it.each(FUNC_REJECTED.map((c) => [c.name, c] as const))('rejects: %s', (_name, c) => expectRejected(c));

  it('attaches both signatures to a call result mismatch, as notes at the call', () => {
    const first = numacclDiagnostics(FUNC_REJECTED[0].text)[0];
    expect(notesOf(first)).toEqual(["3:       op result types: 'i32', 'i32'", "3: function result types: 'i32', 'f32'"]);
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('gives the call mismatch notes mlir-opt-22 gives', async () => {
    const [reference] = await mlirDiagnostics([FUNC_REJECTED[0].text]);
    // mlir-opt adds a `see current operation` note to every op error (MLIR's print-op-on-diagnostic), numaccl does not.
    const mlirNotes = notesOf(reference[0]).filter((n) => !n.includes('see current operation'));
    expect(notesOf(numacclDiagnostics(FUNC_REJECTED[0].text)[0])).toEqual(mlirNotes);
  });

  it('accepts the valid neighbours', () => {
    for (const text of FUNC_ACCEPTED) expect(numacclFirstError(text), text).toBeUndefined();
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('expects exactly what mlir-opt-22 reports', async () => {
    const rejected = await mlirFirstErrors(FUNC_REJECTED.map((c) => c.text));
    FUNC_REJECTED.forEach((c, i) => expect(rejected[i], c.name).toEqual({ message: c.error, line: c.line }));
    const accepted = await mlirFirstErrors(FUNC_ACCEPTED);
    FUNC_ACCEPTED.forEach((text, i) => expect(accepted[i], text).toBeUndefined());
  });
});
