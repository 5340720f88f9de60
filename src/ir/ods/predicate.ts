/**
 * A small typed AST for ODS constraint predicates. TableGen states them as
 * C++ snippets (`CPred`) combined with And/Or/Not/SubstLeaves/Concat; the
 * generator translates the recurring snippets into these nodes so that a
 * TypeScript evaluator can check them. What cannot be translated stays as
 * `{ kind: 'unknown', cpp }`.
 *
 * The predicate's subject is implicit (`$_self`): a type for type
 * constraints, an attribute for attribute constraints, a region for region
 * constraints. Projection nodes (`elementType`, `attrType`, ...) move the
 * subject to a derived entity.
 */

export type Cmp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type IntSignedness = 'any' | 'signless' | 'signed' | 'unsigned';

export type ValueProperty = 'type' | 'shape' | 'tensorShape' | 'rank' | 'elementType';

/** Every kind of node; handy for exhaustive switches and statistics. */
export type PredKind = Pred['kind'];

export type Pred =
  | { readonly kind: 'true' }
  | { readonly kind: 'and'; readonly operands: readonly Pred[] }
  | { readonly kind: 'or'; readonly operands: readonly Pred[] }
  | { readonly kind: 'not'; readonly operand: Pred }
  /** `isa<Class>($_self)`; the class name without `::mlir::` (`TensorType`, `arith::CmpIPredicateAttr`). */
  | { readonly kind: 'isa'; readonly class: string }
  /** Integer type; `width` absent means any width. */
  | { readonly kind: 'integer'; readonly signedness: IntSignedness; readonly width?: number }
  /** Float type by MLIR spelling: `f16`, `bf16`, `f32`, `tf32`, `f8E4M3FN`, ... */
  | { readonly kind: 'float'; readonly format: string }
  | { readonly kind: 'index' }
  /** `isSignlessIntOrIndex()`. */
  | { readonly kind: 'signlessIntOrIndex' }
  /** Shaped type: `hasRank()`, `hasStaticShape()`. */
  | { readonly kind: 'hasRank' }
  | { readonly kind: 'hasStaticShape' }
  /** Shaped (or `!tosa.shape`) type rank compared with a constant. */
  | { readonly kind: 'rank'; readonly cmp: Cmp; readonly value: number }
  /** Every dimension of a ranked shape compared with a constant (`all_of(shape, v != 0)`). */
  | { readonly kind: 'allDims'; readonly cmp: Cmp; readonly value: number }
  /** `MemRefType::isStrided()`. */
  | { readonly kind: 'strided' }
  /** `$_self.hasTrait<Trait>()` (e.g. `ValueSemantics`). */
  | { readonly kind: 'hasTrait'; readonly trait: string }
  /** Quantized type storage width compared with a constant. */
  | { readonly kind: 'quantStorageWidth'; readonly cmp: Cmp; readonly value: number }
  /** Integer attribute value compared with a constant (decimal text, may exceed 2^53). */
  | { readonly kind: 'intValue'; readonly cmp: Cmp; readonly value: string }
  | { readonly kind: 'intPowerOf2' }
  /** Integer attribute has a bit set outside `mask` (bit-enum validity is `not` of this). */
  | { readonly kind: 'bitsOutside'; readonly mask: string }
  /** Dense array / array attribute size compared with a constant. */
  | { readonly kind: 'arraySize'; readonly cmp: Cmp; readonly value: number }
  /** BoolAttr equal to a constant. */
  | { readonly kind: 'boolValue'; readonly value: boolean }
  /** Region has exactly `value` blocks (`SizedRegion<N>`). */
  | { readonly kind: 'blockCount'; readonly value: number }
  /** Projection: the element type of a shaped type. */
  | { readonly kind: 'elementType'; readonly pred: Pred }
  /** Projection: the type of a typed attribute (IntegerAttr, FloatAttr, ElementsAttr). */
  | { readonly kind: 'attrType'; readonly pred: Pred }
  /** Projection: the type held by a TypeAttr. */
  | { readonly kind: 'typeAttrValue'; readonly pred: Pred }
  /** Projection: every element of an ArrayAttr satisfies `pred`. */
  | { readonly kind: 'allArrayElements'; readonly pred: Pred }
  /** Projection: every (flattened) element type of a tuple satisfies `pred`. */
  | { readonly kind: 'allTupleElements'; readonly pred: Pred }
  /** Projection to a named operand/result type (op-level predicates). */
  | { readonly kind: 'valueType'; readonly value: string; readonly pred: Pred }
  /**
   * Op-level: a property of two named operands/results is equal. `tensorShape`
   * is the shape for tensors and the empty shape otherwise (arith's
   * SameInputOutputTensorDims).
   */
  | { readonly kind: 'valuesEqual'; readonly property: ValueProperty; readonly values: readonly [string, string] }
  /** Untranslated C++ (`$_self` is the subject). */
  | { readonly kind: 'unknown'; readonly cpp: string };

export const TRUE: Pred = { kind: 'true' };

/** True when the predicate contains no `unknown` node. */
export function isFullyTranslated(p: Pred): boolean {
  return countUnknown(p) === 0;
}

/** Number of `unknown` leaves in the tree. */
export function countUnknown(p: Pred): number {
  switch (p.kind) {
    case 'unknown':
      return 1;
    case 'and':
    case 'or':
      return p.operands.reduce((n, o) => n + countUnknown(o), 0);
    case 'not':
      return countUnknown(p.operand);
    case 'elementType':
    case 'attrType':
    case 'typeAttrValue':
    case 'allArrayElements':
    case 'allTupleElements':
    case 'valueType':
      return countUnknown(p.pred);
    default:
      return 0;
  }
}

/** Builds a conjunction, flattening nested `and`s and dropping `true`. */
export function and(operands: readonly Pred[]): Pred {
  const flat: Pred[] = [];
  for (const o of operands) {
    if (o.kind === 'true') continue;
    if (o.kind === 'and') flat.push(...o.operands);
    else flat.push(o);
  }
  const uniq = dedupe(flat);
  if (uniq.length === 0) return TRUE;
  if (uniq.length === 1) return uniq[0];
  return { kind: 'and', operands: uniq };
}

/** Builds a disjunction, flattening nested `or`s; `true` absorbs everything. */
export function or(operands: readonly Pred[]): Pred {
  const flat: Pred[] = [];
  for (const o of operands) {
    if (o.kind === 'true') return TRUE;
    if (o.kind === 'or') flat.push(...o.operands);
    else flat.push(o);
  }
  const uniq = dedupe(flat);
  if (uniq.length === 1) return uniq[0];
  return { kind: 'or', operands: uniq };
}

/** Drops structurally repeated operands (ODS predicates often repeat `isa<RankedTensorType>`). */
function dedupe(preds: readonly Pred[]): Pred[] {
  const seen = new Set<string>();
  return preds.filter((p) => {
    const k = JSON.stringify(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function not(operand: Pred): Pred {
  if (operand.kind === 'not') return operand.operand;
  return { kind: 'not', operand };
}
