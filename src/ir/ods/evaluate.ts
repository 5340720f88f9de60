/**
 * Evaluates predicate ASTs against numaccl IR types, attributes and regions.
 * Three-valued: `'unknown'` where the predicate (or a class it names) was not
 * translated, combined with Kleene logic so that a definite answer is given
 * whenever the translated part decides it.
 */
import {
  ArrayAttr,
  Attribute,
  DenseArrayAttr,
  IntegerAttr,
  StringAttr,
  TypeAttr,
} from '../attributes/attribute.js';
import { DialectType, IntegerType, Type, elementTypeOrSelf, hasStaticShape, isRanked, isShaped } from '../types/type.js';
import type { ClassTable } from './class-table.js';
import { attrType, isI1, isaAttr, isaType } from './isa.js';
import type { Cmp, Pred, ValueProperty } from './predicate.js';

export type Truth = boolean | 'unknown';

/** Anything with blocks (a Region), for region constraints. */
export interface RegionLike {
  readonly blocks: readonly unknown[];
}

export type Subject = Type | Attribute | RegionLike;

export interface EvaluateOptions {
  /** Dialect classes named by predicates (see `buildClassTable`). */
  readonly classes?: ClassTable;
  /** For op-level predicates (`valueType`): the type of a named operand/result. */
  readonly valueType?: (name: string) => Type | undefined;
}

/** Memo for context-free evaluations: predicates come from static ODS data and subjects are uniqued. */
const memo = new WeakMap<Pred, WeakMap<object, Map<ClassTable | undefined, Truth>>>();

export function evaluatePred(pred: Pred, subject: Subject, options: EvaluateOptions = {}): Truth {
  if (options.valueType || !(subject instanceof Type || subject instanceof Attribute)) return new Evaluator(options).eval(pred, subject);
  let bySubject = memo.get(pred);
  if (!bySubject) memo.set(pred, (bySubject = new WeakMap()));
  let byClasses = bySubject.get(subject);
  if (!byClasses) bySubject.set(subject, (byClasses = new Map()));
  let r = byClasses.get(options.classes);
  if (r === undefined) byClasses.set(options.classes, (r = new Evaluator(options).eval(pred, subject)));
  return r;
}

function cmp(a: number | bigint, op: Cmp, b: number | bigint): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** Rank of a ranked shaped type, or of `!tosa.shape<N>`. */
function rankOf(t: Type): number | undefined {
  if (isRanked(t)) return t.shape.length;
  if (t instanceof DialectType && t.dialect === 'tosa' && t.mnemonic === 'shape' && /^\d+$/.test(t.body.trim()))
    return Number(t.body.trim());
  return undefined;
}

function flattenTuple(t: Type): Type[] {
  return t.kind === 'tuple' ? (t as Type & { types: readonly Type[] }).types.flatMap(flattenTuple) : [t];
}

class Evaluator {
  private readonly options: EvaluateOptions;
  constructor(options: EvaluateOptions) {
    this.options = options;
  }

  eval(p: Pred, s: Subject): Truth {
    switch (p.kind) {
      case 'true':
        return true;
      case 'and': {
        let result: Truth = true;
        for (const o of p.operands) {
          const v = this.eval(o, s);
          if (v === false) return false;
          if (v === 'unknown') result = 'unknown';
        }
        return result;
      }
      case 'or': {
        let result: Truth = false;
        for (const o of p.operands) {
          const v = this.eval(o, s);
          if (v === true) return true;
          if (v === 'unknown') result = 'unknown';
        }
        return result;
      }
      case 'not': {
        const v = this.eval(p.operand, s);
        return v === 'unknown' ? v : !v;
      }
      case 'unknown':
        return 'unknown';
      case 'isa':
        return this.isa(p.class, s);
      case 'blockCount':
        return 'blocks' in s ? s.blocks.length === p.value : false;
      case 'valueType': {
        const t = this.options.valueType?.(p.value);
        return t ? this.eval(p.pred, t) : 'unknown';
      }
      case 'valuesEqual': {
        const a = this.options.valueType?.(p.values[0]);
        const b = this.options.valueType?.(p.values[1]);
        return a && b ? propertiesEqual(p.property, a, b) : 'unknown';
      }
      default:
        break;
    }
    if (s instanceof Type) return this.onType(p, s);
    if (s instanceof Attribute) return this.onAttr(p, s);
    return false;
  }

  private onType(p: Pred, t: Type): Truth {
    switch (p.kind) {
      case 'integer':
        return (
          t instanceof IntegerType &&
          (p.signedness === 'any' || t.signedness === p.signedness) &&
          (p.width === undefined || t.width === p.width)
        );
      case 'float':
        return t.kind === 'float' && (t as Type & { floatKind: string }).floatKind === p.format;
      case 'index':
        return t.kind === 'index';
      case 'signlessIntOrIndex':
        return t.kind === 'index' || (t instanceof IntegerType && t.signedness === 'signless');
      case 'hasRank':
        return isRanked(t);
      case 'hasStaticShape':
        return hasStaticShape(t);
      case 'rank': {
        const r = rankOf(t);
        return r !== undefined && cmp(r, p.cmp, p.value);
      }
      case 'allDims':
        return isRanked(t) && t.shape.every((d) => cmp(d, p.cmp, p.value));
      case 'strided': {
        if (t.kind !== 'memref') return false;
        const layout = (t as Type & { layout: Attribute | undefined }).layout;
        if (!layout || layout.kind === 'strided') return true;
        return 'unknown';
      }
      case 'hasTrait':
        if (p.trait === 'ValueSemantics')
          return t.kind === 'tensor' || t.kind === 'unranked_tensor' || t.kind === 'vector' ? true : t.kind === 'dialect' ? 'unknown' : false;
        return 'unknown';
      case 'quantStorageWidth':
        return 'unknown';
      case 'elementType':
        return isShaped(t) ? this.eval(p.pred, t.elementType) : false;
      case 'allTupleElements':
        return t.kind === 'tuple' ? this.all(flattenTuple(t), p.pred) : false;
      default:
        // Attribute-only predicates never hold for a type.
        return false;
    }
  }

  private onAttr(p: Pred, a: Attribute): Truth {
    switch (p.kind) {
      case 'attrType': {
        const t = attrType(a);
        if (t) return this.eval(p.pred, t);
        // An untyped StringAttr has MLIR type `none`, which we have no instance of here.
        return a instanceof StringAttr ? 'unknown' : false;
      }
      case 'typeAttrValue':
        return a instanceof TypeAttr ? this.eval(p.pred, a.value) : false;
      case 'allArrayElements':
        return a instanceof ArrayAttr ? this.all(a.elements, p.pred) : false;
      case 'intValue':
        return a instanceof IntegerAttr && cmp(a.value, p.cmp, BigInt(p.value));
      case 'intPowerOf2':
        return a instanceof IntegerAttr && a.value > 0n && (a.value & (a.value - 1n)) === 0n;
      case 'bitsOutside':
        return a instanceof IntegerAttr && (a.value & ~BigInt(p.mask)) !== 0n;
      case 'arraySize':
        if (a instanceof DenseArrayAttr) return cmp(a.values.length, p.cmp, p.value);
        if (a instanceof ArrayAttr) return cmp(a.elements.length, p.cmp, p.value);
        return false;
      case 'boolValue':
        return a instanceof IntegerAttr && isI1(a.type) && a.value === (p.value ? 1n : 0n);
      default:
        return false;
    }
  }

  private all(items: readonly Subject[], pred: Pred): Truth {
    let result: Truth = true;
    for (const x of items) {
      const v = this.eval(pred, x);
      if (v === false) return false;
      if (v === 'unknown') result = 'unknown';
    }
    return result;
  }

  private isa(cls: string, s: Subject): Truth {
    if (s instanceof Type) return isaType(cls, s, this.options.classes);
    if (s instanceof Attribute) return isaAttr(cls, s, this.options.classes);
    return false;
  }
}

function propertiesEqual(property: ValueProperty, a: Type, b: Type): Truth {
  switch (property) {
    case 'type':
      return a === b;
    case 'elementType':
      return elementTypeOrSelf(a) === elementTypeOrSelf(b);
    case 'rank': {
      const ra = rankOf(a);
      const rb = rankOf(b);
      return ra !== undefined && ra === rb;
    }
    case 'shape':
    case 'tensorShape': {
      const shapeOf = (t: Type): readonly number[] | undefined =>
        property === 'tensorShape' && t.kind !== 'tensor' ? (t.kind === 'unranked_tensor' ? undefined : []) : isRanked(t) ? t.shape : undefined;
      const sa = shapeOf(a);
      const sb = shapeOf(b);
      if (!sa || !sb) return 'unknown';
      return sa.length === sb.length && sa.every((d, i) => d === sb[i]);
    }
  }
}

