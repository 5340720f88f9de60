// cond_if / while_loop: region signatures against operands and results.
import { inferFailed, inferred, type InferInput, type InferResult, type OpView, type RegionView } from '../op-view.js';
import { type AbstractType, type Dim, elementOf, isRanked, isTensor, printType } from '../types.js';
import { compatibleShapes } from '../traits.js';
import type { OpRule } from './common.js';

/**
 * ValueKnowledge::meet over the yields of all regions (IfOp/WhileOp inference).
 * Observed on mlir-opt-22 it generalizes: dims that differ become '?', and a
 * rank mismatch or an unranked side gives an unranked result.
 */
function meetYields(regions: readonly RegionView[]): InferResult {
  const yields = regions.map((r) => r.yields).filter((y): y is readonly AbstractType[] => y !== null);
  if (yields.length === 0) return inferFailed();
  const n = yields[0]!.length;
  if (yields.some((y) => y.length !== n)) return inferFailed();
  const out = yields[0]!.map((t) => ({ shape: isTensor(t) ? t.shape : null, element: elementOf(t) }));
  for (const y of yields.slice(1)) {
    y.forEach((t, i) => {
      const cur = out[i]!;
      if (!isTensor(t) || elementOf(t) !== cur.element) return;
      if (cur.shape === null) return;
      if (t.shape === null || t.shape.length !== cur.shape.length) {
        out[i] = { shape: null, element: cur.element };
        return;
      }
      const merged: Dim[] = cur.shape.map((d, k) => (d === t.shape![k] ? d : '?'));
      out[i] = { shape: merged, element: cur.element };
    });
  }
  return inferred(...out);
}

function compareLists(aName: string, a: readonly AbstractType[], bName: string, b: readonly AbstractType[]): string | undefined {
  if (a.length !== b.length) return `require same number of values in ${aName} (${a.length}) and ${bName} (${b.length})`;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const ex = elementOf(x);
    const ey = elementOf(y);
    if (ex !== ey) return `require same element type for ${aName} ('${ex}') and ${bName} ('${ey}')`;
    if (!compatibleShapes([x, y])) return `require same shapes for ${aName} ('${printType(x)}') and ${bName} ('${printType(y)}')`;
  }
  return undefined;
}

function verifyIf(op: OpView): string | undefined {
  const [thenR, elseR] = [op.regions?.[0], op.regions?.[1]];
  const inputs = op.operands.slice(1);
  const checks: [string, readonly AbstractType[] | null | undefined, string, readonly AbstractType[]][] = [
    ["'then_graph' arguments", thenR?.args, "'input_list'", inputs],
    ["'else_graph' arguments", elseR?.args, "'input_list'", inputs],
    ["'then_graph' results", thenR?.yields, "'output_list'", op.results],
    ["'else_graph' results", elseR?.yields, "'output_list'", op.results],
  ];
  for (const [an, a, bn, b] of checks) {
    if (!a) continue;
    const m = compareLists(an, a, bn, b);
    if (m) return m;
  }
  const cond = op.operands[0];
  if (isRanked(cond) && !cond.shape.every((d) => d === 1)) return `'condition' must be a size 1 tensor, got '${printType(cond)}'`;
  return undefined;
}

function verifyWhile(op: OpView): string | undefined {
  const [condR, bodyR] = [op.regions?.[0], op.regions?.[1]];
  const inputs = op.operands;
  const m =
    compareLists("'input_list'", inputs, "'output_list'", op.results) ??
    (condR ? compareLists("'cond_graph' arguments", condR.args, "'input_list'", inputs) : undefined) ??
    (bodyR ? compareLists("'body_graph' arguments", bodyR.args, "'input_list'", inputs) : undefined) ??
    (bodyR?.yields ? compareLists("'body_graph' results", bodyR.yields, "'input_list'", inputs) : undefined);
  if (m) return m;
  const cy = condR?.yields;
  if (cy) {
    if (cy.length !== 1) return "require 'cond_graph' only have one result";
    const t = cy[0]!;
    if (!(isTensor(t) && t.element === 'i1')) return `'cond_graph' result must be a boolean tensor, got '${printType(t)}'`;
    if (isRanked(t) && !t.shape.every((d) => d === 1)) return `'cond_graph' result must be a size 1 tensor, got '${printType(t)}'`;
  }
  return undefined;
}

export const CONTROL_FLOW_RULES: Record<string, OpRule> = {
  'tosa.cond_if': { infer: (op: InferInput) => meetYields(op.regions ?? []), verify: verifyIf },
  'tosa.while_loop': { infer: (op: InferInput) => meetYields((op.regions ?? []).slice(1)), verify: verifyWhile },
  'tosa.yield': {},
};
