import {
  evaluatePred,
  type ClassTable,
  type Pred,
  type Truth,
  type OdsDialect,
  type OdsOp,
  type OdsTrait,
  type OdsValue,
} from '../../ir/ods/index.js';
import { operandGroups, resultGroups, hasTrait, applyTransformer } from '../../ir/assembly-format/engine/index.js';
import { elementTypeOrSelf, hasStaticShape, isRanked, type Operation, type Type, type Value, type VerifyContext } from '../../ir/index.js';

type RankedLike = { readonly shape: readonly number[] };
import { verifyNativeTrait } from './ods-native-traits.js';

/** A C++ trait or interface verifier supplied by a dialect; false once it reported. */
export type TraitVerifier = (op: Operation, ctx: VerifyContext) => boolean;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Region/result/operand count traits with the wording of MLIR's op traits,
 * in the order `Op<...>` lists them (regions, results, successors, operands).
 */
function verifyCounts(op: Operation, ods: OdsOp, ctx: VerifyContext): boolean {
  const check = (decls: readonly { kind?: string; variadic?: boolean }[], actual: number, what: 'operand' | 'result' | 'region'): boolean => {
    const isVariadic = (d: { kind?: string; variadic?: boolean }): boolean => (d.kind ? d.kind !== 'single' : !!d.variadic);
    const fixed = decls.filter((d) => !isVariadic(d)).length;
    const variadic = decls.length - fixed;
    if (variadic === 0) {
      if (actual === fixed) return true;
      if (fixed === 0) ctx.emitOpError(op, `requires zero ${what}s`);
      else if (fixed === 1 && what === 'operand') ctx.emitOpError(op, 'requires a single operand');
      else if (fixed === 1) ctx.emitOpError(op, `requires one ${what}`);
      else if (what === 'region') ctx.emitOpError(op, `expected ${plural(fixed, what)}`);
      else ctx.emitOpError(op, `expected ${plural(fixed, what)}, but found ${actual}`);
      return false;
    }
    if (actual < fixed) {
      ctx.emitOpError(op, `expected ${fixed} or more ${what}s, but found ${actual}`);
      return false;
    }
    return true;
  };
  return (
    check(ods.regions, op.regions.length, 'region') &&
    check(ods.results, op.results.length, 'result') &&
    check(ods.operands, op.numOperands, 'operand')
  );
}

function verifySegments(op: Operation, ods: OdsOp, ctx: VerifyContext): boolean {
  for (const [trait, attr, count, what] of [
    ['AttrSizedOperandSegments', 'operandSegmentSizes', op.numOperands, 'operand'],
    ['AttrSizedResultSegments', 'resultSegmentSizes', op.results.length, 'result'],
  ] as const) {
    if (!hasTrait(ods, trait)) continue;
    const a = op.getAttr(attr);
    if (!a || a.kind !== 'dense_array') {
      ctx.emitOpError(op, `requires dense i32 array attribute '${attr}'`);
      return false;
    }
    const sizes = (a as unknown as { values: readonly number[] }).values.map(Number);
    const decls = what === 'operand' ? ods.operands : ods.results;
    if (sizes.length !== decls.length) {
      ctx.emitOpError(op, `'${attr}' attribute for specifying ${what} segments must have ${decls.length} elements, but got ${sizes.length}`);
      return false;
    }
    const total = sizes.reduce((x, y) => x + y, 0);
    if (total !== count) {
      ctx.emitOpError(op, `${what} count (${count}) does not match with the total size (${total}) specified in attribute '${attr}'`);
      return false;
    }
  }
  return true;
}

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
function predTraitHolds(op: Operation, ods: OdsOp, t: OdsTrait, classes: ClassTable): boolean | undefined {
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
function predTraitMessage(t: OdsTrait): string {
  return `failed to verify that ${'summary' in t ? t.summary : ''}`;
}

/** `HasParent<...>`: C++ class names resolved to op names of the same dialect. */
function verifyHasParent(op: Operation, params: readonly string[], dialect: OdsDialect, ctx: VerifyContext): boolean {
  const names: string[] = [];
  for (const p of params) {
    const cls = p.replace(/^.*::/, '');
    const found = dialect.ops.find((o) => o.def.replace(/^[A-Za-z0-9]+_/, '') === cls);
    if (!found) return true; // a parent from another dialect: not decidable here
    names.push(found.name);
  }
  const parent = op.parentOp;
  if (parent && names.includes(parent.name)) return true;
  ctx.emitOpError(op, names.length === 1 ? `expects parent op '${names[0]}'` : `expects parent op to be one of '${names.join(', ')}'`);
  return false;
}

/** `verifyInvariantsImpl`: attributes, operand/result constraints, pred traits, regions. */
function verifyInvariants(op: Operation, ods: OdsOp, dialect: OdsDialect, classes: ClassTable, ctx: VerifyContext): boolean {
  const opts = { classes };
  for (const a of ods.attributes) {
    if (a.kind === 'required' && !op.getAttr(a.name)) {
      ctx.emitOpError(op, `requires attribute '${a.name}'`);
      return false;
    }
  }
  for (const a of ods.attributes) {
    const v = op.getAttr(a.name);
    if (!v) continue;
    const c = dialect.constraints[a.constraint];
    if (c && evaluatePred(c.pred, v, opts) === false) {
      ctx.emitOpError(op, `attribute '${a.name}' failed to satisfy constraint: ${c.summary}`);
      return false;
    }
  }
  const groups: [readonly OdsValue[], Value[][], 'operand' | 'result'][] = [
    [ods.operands, operandGroups(ods, op), 'operand'],
    [ods.results, resultGroups(ods, op), 'result'],
  ];
  for (const [decls, values, what] of groups) {
    let index = 0;
    for (let i = 0; i < decls.length; i++) {
      const d = decls[i];
      const group = values[i] ?? [];
      if (d.kind === 'optional' && group.length > 1) {
        ctx.emitOpError(op, `${what} group starting at #${index} requires 0 or 1 element, but found ${group.length}`);
        return false;
      }
      const c = dialect.constraints[d.constraint];
      for (const v of group) {
        if (c && evaluatePred(c.pred, v.type, opts) === false) {
          ctx.emitOpError(op, `${what} #${index} must be ${c.summary}, but got '${ctx.printType(v.type)}'`);
          return false;
        }
        index++;
      }
    }
  }
  for (const t of ods.traits) {
    if (predTraitHolds(op, ods, t, classes) === false) {
      ctx.emitOpError(op, predTraitMessage(t));
      return false;
    }
  }
  for (let i = 0; i < ods.regions.length; i++) {
    const r = ods.regions[i];
    const region = op.regions[i];
    if (!region) continue;
    const c = dialect.constraints[r.constraint];
    if (c && evaluatePred(c.pred, region, opts) === false) {
      ctx.emitOpError(op, `region #${i} ('${r.name}') failed to verify constraint: ${c.summary}`);
      return false;
    }
  }
  return true;
}

/**
 * The checks MLIR's ODS-generated op class performs before the op's own
 * `verify()`: count traits, `verifyInvariantsImpl`, then the remaining
 * traits in declaration order. Predicates that could not be translated never
 * reject. Returns false once something was reported.
 */
export function verifyOds(
  op: Operation,
  ods: OdsOp,
  dialect: OdsDialect,
  classes: ClassTable,
  ctx: VerifyContext,
  traitVerifiers: Readonly<Record<string, TraitVerifier>> = {},
): boolean {
  if (!verifyCounts(op, ods, ctx) || !verifySegments(op, ods, ctx)) return false;
  if (!verifyInvariants(op, ods, dialect, classes, ctx)) return false;
  for (const t of ods.traits) {
    const hook = 'name' in t ? traitVerifiers[t.name] : undefined;
    if (hook && !hook(op, ctx)) return false;
    if (t.kind === 'native' && !verifyNativeTrait(t.name, op, ctx)) return false;
    if (t.kind === 'param' && t.name === 'HasParent' && !verifyHasParent(op, t.params, dialect, ctx)) return false;
  }
  return verifyImpliedInferType(op, ods, ctx);
}

/**
 * ODS appends `InferTypeOpInterface` (last in the trait list) to ops whose
 * result types SameOperandsAndResultType determines: the results must then
 * equal the first fixed operand's type exactly, not just be compatible.
 * (Other implied inferences repeat checks the pred traits already made.)
 */
function verifyImpliedInferType(op: Operation, ods: OdsOp, ctx: VerifyContext): boolean {
  if (!hasTrait(ods, 'SameOperandsAndResultType') || ods.results.length === 0) return true;
  if (ods.results.some((r) => r.kind !== 'single')) return true;
  if (ods.traits.some((t) => t.kind === 'interface' && t.name === 'InferTypeOpInterface')) return true;
  const anchor = ods.operands.findIndex((o) => o.kind === 'single');
  const type = anchor >= 0 ? operandGroups(ods, op)[anchor]?.[0]?.type : undefined;
  if (!type || op.resultTypes.every((t) => t === type)) return true;
  const list = (ts: readonly Type[]): string => ts.map((t) => `'${ctx.printType(t)}'`).join(', ');
  const inferred = op.resultTypes.map(() => type);
  ctx.emitError(op.location, `'${op.name}' op inferred type(s) ${list(inferred)} are incompatible with return type(s) of operation ${list(op.resultTypes)}`);
  return false;
}
