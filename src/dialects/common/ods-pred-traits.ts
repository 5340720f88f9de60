/**
 * ODS `PredOpTrait`s (AllTypesMatch and friends, TypesMatchWith, plain
 * predicates over named values), decided on an operation. Undecidable
 * cases (untranslated C++, shapes of unranked values) never reject.
 */
import { evaluatePred, type ClassTable, type OdsOp, type OdsTrait, type Pred, type Truth } from '../../ir/ods/index.js';
import { operandGroups, resultGroups, applyTransformer } from '../../ir/assembly-format/engine/index.js';
import { elementTypeOrSelf, hasStaticShape, isRanked, type Operation, type Type } from '../../ir/index.js';

type RankedLike = { readonly shape: readonly number[] };

/** Types of a named operand/result group, or of a typed attribute. */
function typesOfName(op: Operation, ods: OdsOp, name: string): Type[] | undefined {
  const oi = ods.operands.findIndex((o) => o.name === name);
  if (oi >= 0) return operandGroups(ods, op)[oi]?.map((v) => v.type);
  const ri = ods.results.findIndex((r) => r.name === name);
  if (ri >= 0) return resultGroups(ods, op)[ri]?.map((v) => v.type);
  const a = op.getAttr(name);
  // An untyped StringAttr has MLIR type `none`.
  if (a?.kind === 'string' && !(a as { type?: Type }).type) return [op.context.noneType()];
  const t = a && 'type' in a ? (a as { type?: Type }).type : undefined;
  return t ? [t] : undefined;
}

function typeOfName(op: Operation, ods: OdsOp, name: string): Type | undefined {
  const ts = typesOfName(op, ods, name);
  return ts?.length === 1 ? ts[0] : undefined;
}

/** ODS `PredOpTrait`s (AllTypesMatch, TypesMatchWith, plain preds): false = violated, undefined = undecided. */
export function predTraitHolds(op: Operation, ods: OdsOp, t: OdsTrait, classes: ClassTable): boolean | undefined {
  switch (t.kind) {
    case 'allMatch': {
      const types = t.values.map((n) => typeOfName(op, ods, n));
      if (!types.every((x) => x)) return undefined;
      const all = types as Type[];
      // The C++ casts to ShapedType: shapes, ranks and counts of unranked or non-shaped values are not decidable here.
      const shapes = (): (readonly number[])[] | undefined => (all.every(isRanked) ? all.map((x) => (x as RankedLike).shape) : undefined);
      const same = <T>(xs: readonly T[], eq: (a: T, b: T) => boolean): boolean => xs.every((x) => eq(x, xs[0]));
      switch (t.name) {
        case 'AllTypesMatch':
          return same(all, (a, b) => a === b);
        case 'AllElementTypesMatch':
          return same(all.map(elementTypeOrSelf), (a, b) => a === b);
        case 'AllShapesMatch': {
          const s = shapes();
          return s ? same(s, (a, b) => a.length === b.length && a.every((d, i) => d === b[i])) : undefined;
        }
        case 'AllRanksMatch': {
          const s = shapes();
          return s ? same(s, (a, b) => a.length === b.length) : undefined;
        }
        case 'AllElementCountsMatch': {
          const s = shapes();
          if (!s || s.some((x) => x.some((d) => d < 0))) return undefined;
          return same(s.map((x) => x.reduce((a, b) => a * b, 1)), (a, b) => a === b);
        }
        default:
          return undefined;
      }
    }
    case 'typesMatchWith': {
      const lhs = typeOfName(op, ods, t.lhs);
      const rhs = typesOfName(op, ods, t.rhs);
      if (!lhs || !rhs) return undefined;
      // One element type per element needs a static element count.
      if (t.transform.kind === 'elementTypePerElement' && !hasStaticShape(lhs)) return undefined;
      const expected = applyTransformer(op.context, t.transformer, lhs);
      if (!expected) return undefined;
      return expected.length === rhs.length && expected.every((x, i) => x === rhs[i]);
    }
    case 'pred': {
      const v = evaluateOpPred(t.pred, op, ods, classes);
      return v === 'unknown' ? undefined : v;
    }
    default:
      return undefined;
  }
}

/**
 * An op-level predicate. `tensorShape` comparisons involving an unranked
 * tensor are decided here: MLIR's C++ calls `TensorType::getShape()` on it,
 * which in mlir-opt-22 only ever equals the shape of the very same type.
 */
function evaluateOpPred(pred: Pred, op: Operation, ods: OdsOp, classes: ClassTable): Truth {
  const valueType = (n: string): Type | undefined => typeOfName(op, ods, n);
  const combine = (parts: readonly Pred[], isAnd: boolean): Truth => {
    let result: Truth = isAnd;
    for (const p of parts) {
      const v = evaluateOpPred(p, op, ods, classes);
      if (v === !isAnd) return v;
      if (v === 'unknown') result = 'unknown';
    }
    return result;
  };
  switch (pred.kind) {
    case 'and':
      return combine(pred.operands, true);
    case 'or':
      return combine(pred.operands, false);
    case 'not': {
      const v = evaluateOpPred(pred.operand, op, ods, classes);
      return v === 'unknown' ? v : !v;
    }
    case 'valuesEqual': {
      const [a, b] = pred.values.map(valueType);
      if (pred.property === 'tensorShape' && a && b && (a.kind === 'unranked_tensor' || b.kind === 'unranked_tensor')) return a === b;
      break;
    }
  }
  return evaluatePred(pred, op.context.noneType(), { classes, valueType });
}

/** ODS's wording for a violated PredOpTrait. */
export function predTraitMessage(t: OdsTrait): string {
  return `failed to verify that ${'summary' in t ? t.summary : ''}`;
}
