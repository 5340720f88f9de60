// The tosa dialect's verifier bridge prints semantic-core messages as
// mlir-opt-22 does: `'tosa.x' op ...`, location errors without the op prefix,
// nothing for MLIR's silent failures, and variable accesses checked against
// the declared (or missing) tosa.variable. Each case is run through both.
import { describe, expect, test } from 'vitest';
import { createContext } from '../../src/dialects/index.js';
import { DiagnosticError, parse, verify, type Diagnostic } from '../../src/ir/index.js';
import { hasMlirOpt, runMlirOpt } from '../support/mlir-opt.js';

const CASES: Record<string, string> = {
  'pad whose padding is not a tosa.const_shape (MLIR fails silently)': `
func.func @pad(%a: tensor<2x3xf32>) -> tensor<4x5xf32> {
  %p = tosa.const_shape {values = dense<[1, 1, 1, 1]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %q = tosa.add_shape %p, %p : (!tosa.shape<4>, !tosa.shape<4>) -> !tosa.shape<4>
  %c = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = tosa.pad %a, %q, %c : (tensor<2x3xf32>, !tosa.shape<4>, tensor<1xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}`,
  'concat inference error (no op prefix)': `
func.func @c(%a: tensor<*xf32>, %b: tensor<2x3xf32>, %c: tensor<3x3xf32>) -> tensor<*xf32> {
  %0 = tosa.concat %a, %b, %c {axis = 1 : i32} : (tensor<*xf32>, tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}`,
  'concat verifier error (op prefix)': `
func.func @c(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) -> tensor<4x3xf32> {
  %0 = tosa.concat %a, %b {axis = 0 : i32} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}`,
  'variable_read of an undeclared variable': `
func.func @v() -> tensor<2xf32> {
  %0 = tosa.variable_read @missing : tensor<2xf32>
  return %0 : tensor<2xf32>
}`,
  'variable_read with the wrong shape': `
module {
  tosa.variable @v = dense<0.0> : tensor<2xf32>
  func.func @v2() -> tensor<3xf32> {
    %0 = tosa.variable_read @v : tensor<3xf32>
    return %0 : tensor<3xf32>
  }
}`,
  'variable_write of the declared type': `
module {
  tosa.variable @v = dense<0.0> : tensor<2xf32>
  func.func @w(%a: tensor<2xf32>) {
    tosa.variable_write @v, %a : tensor<2xf32>
    return
  }
}`,
  'reshape whose shape comes from a shape op (element count unknown to both)': `
func.func @r(%a: tensor<2x3xf32>) -> tensor<7xf32> {
  %s = tosa.const_shape {values = dense<[7]> : tensor<1xindex>} : () -> !tosa.shape<1>
  %t = tosa.max_shape %s, %s : (!tosa.shape<1>, !tosa.shape<1>) -> !tosa.shape<1>
  %0 = tosa.reshape %a, %t : (tensor<2x3xf32>, !tosa.shape<1>) -> tensor<7xf32>
  return %0 : tensor<7xf32>
}`,
  'reshape whose shape is a tosa.const_shape (element count checked)': `
func.func @r(%a: tensor<2x3xf32>) -> tensor<7xf32> {
  %s = tosa.const_shape {values = dense<[7]> : tensor<1xindex>} : () -> !tosa.shape<1>
  %0 = tosa.reshape %a, %s : (tensor<2x3xf32>, !tosa.shape<1>) -> tensor<7xf32>
  return %0 : tensor<7xf32>
}`,
};

function numacclDiagnostics(text: string): readonly Diagnostic[] {
  try {
    return verify(parse(createContext(), text, { fileName: 'input.mlir' }).module).filter((d) => d.severity === 'error');
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics;
    throw e;
  }
}

const headline = (d: Diagnostic | undefined) => (d ? `${d.position?.line}:${d.position?.col}: ${d.message}` : undefined);

describe.skipIf(!hasMlirOpt())('tosa verifier bridge diagnostics vs mlir-opt-22', () => {
  const names = Object.keys(CASES);
  const mlir = hasMlirOpt() ? runMlirOpt(names.map((n) => CASES[n]!), { fileName: 'input.mlir' }) : Promise.resolve([]);

  test.each(names)('%s', async (name) => {
    const theirs = (await mlir)[names.indexOf(name)]!;
    const ours = numacclDiagnostics(CASES[name]!);
    expect(ours.length === 0).toBe(theirs.ok);
    if (theirs.ok) return;
    const theirFirst = theirs.diagnostics.find((d) => d.severity === 'error');
    if (theirFirst === undefined) {
      // MLIR rejects without a word: we reject with an empty message at the op.
      expect(ours.map((d) => d.message)).toEqual(['']);
      expect(ours[0]!.position?.line).toBeGreaterThan(1);
    } else {
      expect(headline(ours[0])).toBe(headline(theirFirst));
    }
  });
});
