// Runs an op through MLIR's verification order: count traits, ODS invariants
// (attributes, operand/result constraints, predicate traits), the remaining
// traits in declaration order, then the op's own verify().
import type { OpView } from './op-view.js';
import type { OdsOp } from './ods/ods-types.js';
import { verifyCounts, verifyOdsInvariants } from './ods/invariants.js';
import * as T from './traits.js';
import { type OpRule, PLAIN_ERROR, SILENT_FAILURE } from './ops/common.js';
import { type AbstractType, elementOf, isTensor, printType } from './types.js';
import { shapesCompatible } from './broadcast.js';

const TRAIT_CHECKS: Readonly<Record<string, (op: OpView) => string | undefined>> = {
  SameOperandsAndResultShape: T.sameOperandsAndResultShape,
  SameOperandsAndResultElementType: T.sameOperandsAndResultElementType,
  SameOperandsElementType: T.sameOperandsElementType,
  SameOperandsAndResultRank: T.sameOperandsAndResultRank,
  ResultsBroadcastableShape: T.resultsBroadcastableShape,
  ResultsAreFloatLike: T.resultsAreFloatLike,
  TosaResolvableShapeOperands: T.resolvableShapeOperands,
  TosaShapeOperator: T.shapeOperator,
  TosaShapeOperatorWithSameRanks: T.shapeOperatorWithSameRanks,
};

const typeList = (ts: readonly AbstractType[]): string => ts.map((t) => `'${printType(t)}'`).join(', ');

/** InferTypeOpInterface's verifyInferredResultTypes with each op's isCompatibleReturnTypes. */
function verifyInferredTypes(op: OpView, rule: OpRule | undefined): string | undefined {
  if (!rule?.infer) return undefined;
  const r = rule.infer(op);
  // A failed inference fails verification; MLIR prints only what inference itself emitted.
  if (!r.ok) return r.message.startsWith(PLAIN_ERROR) ? r.message : `${SILENT_FAILURE}${r.message}`;
  const inferredTypes: AbstractType[] = r.results.map((c, i) => ({
    kind: 'tensor',
    shape: c.shape,
    element: c.element ?? elementOf(op.results[i] ?? op.operands[0]!),
  }));
  const actual = op.results;
  let ok = inferredTypes.length === actual.length;
  for (let i = 0; ok && i < actual.length; i++) {
    const a = inferredTypes[i]!;
    const b = actual[i]!;
    if (!isTensor(a) || !isTensor(b)) continue;
    const sameElem = elementOf(a) === elementOf(b);
    const sameShape = shapesCompatible(a.shape, b.shape);
    if (op.name === 'tosa.equal') ok = sameShape;
    else if (op.name === 'tosa.reshape') ok = sameElem;
    else ok = sameElem && sameShape;
  }
  if (!ok) return `inferred type(s) ${typeList(inferredTypes)} are incompatible with return type(s) of operation ${typeList(actual)}`;
  return undefined;
}

export function verifyWith(ods: OdsOp, rule: OpRule | undefined, op: OpView): string | undefined {
  const counts = verifyCounts(ods, op);
  if (counts) return counts;
  for (const trait of ods.traits) {
    let m: string | undefined;
    if (trait === 'OpInvariants') m = verifyOdsInvariants(ods, op);
    else m = TRAIT_CHECKS[trait]?.(op);
    if (m) return m;
  }
  // MLIR 22 reports the op's own verify() before the inferred-type comparison.
  return rule?.verify?.(op) ?? (ods.traits.includes('InferTypeOpInterface') ? verifyInferredTypes(op, rule) : undefined);
}
