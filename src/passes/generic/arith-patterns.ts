/**
 * `arith` canonicalization patterns (from MLIR's ArithCanonicalization.td):
 * ext of ext, bitwise ops of matching extensions, double negation in
 * mulf/divf, and `xori(cmpi, true)` as the inverse comparison.
 */
import { emptyState, Operation, type Attribute, type Type, type Value } from '../../ir/index.js';
import { definePattern, type PatternRewriter, type RewritePattern } from '../rewrite/index.js';
import { elementType, intWidth, readElems, splatValue } from './const-elements.js';

const defOf = (v: Value, name: string): Operation | undefined => (v.definingOp?.name === name ? v.definingOp : undefined);

/** Creates `name(operands) : resultType` before the op being rewritten. */
function build(rewriter: PatternRewriter, near: Operation, name: string, operands: Value[], resultType: Type, props: [string, Attribute][] = []): Operation {
  const state = emptyState(name, near.location);
  state.operands.push(...operands);
  state.resultTypes.push(resultType);
  for (const [k, v] of props) state.properties.set(k, v);
  return rewriter.create(Operation.create(near.context, state));
}

/** extui(extui(x)) → extui(x); extsi(extsi(x)) → extsi(x); extsi(extui(x)) → extui(x). */
function extOfExt(outer: string, inner: string, result: string): RewritePattern {
  return definePattern({
    rootName: outer,
    label: `${outer}Of${inner}`,
    matchAndRewrite(op, rewriter) {
      const src = defOf(op.operand(0), inner);
      if (!src) return false;
      const created = build(rewriter, op, result, [src.operand(0)], op.results[0].type);
      rewriter.replaceOp(op, [created.results[0]]);
      return true;
    },
  });
}

/** and/or/xor of two same-kind extensions from the same type → extension of the narrow op. */
function bitwiseOfExt(bitwise: string, ext: string): RewritePattern {
  return definePattern({
    rootName: bitwise,
    label: `${bitwise}Of${ext}`,
    matchAndRewrite(op, rewriter) {
      const a = defOf(op.operand(0), ext);
      const b = defOf(op.operand(1), ext);
      if (!a || !b || a.operand(0).type !== b.operand(0).type) return false;
      const narrow = build(rewriter, op, bitwise, [a.operand(0), b.operand(0)], a.operand(0).type);
      const wide = build(rewriter, op, ext, [narrow.results[0]], op.results[0].type);
      rewriter.replaceOp(op, [wide.results[0]]);
      return true;
    },
  });
}

/** mulf/divf(negf(x), negf(y)) → mulf/divf(x, y), keeping fastmath. */
function doubleNeg(name: string): RewritePattern {
  return definePattern({
    rootName: name,
    label: `${name}OfNegF`,
    matchAndRewrite(op, rewriter) {
      const a = defOf(op.operand(0), 'arith.negf');
      const b = defOf(op.operand(1), 'arith.negf');
      if (!a || !b) return false;
      const fm = op.getProperty('fastmath');
      const created = build(rewriter, op, name, [a.operand(0), b.operand(0)], op.results[0].type, fm ? [['fastmath', fm]] : []);
      rewriter.replaceOp(op, [created.results[0]]);
      return true;
    },
  });
}

const INVERSE = [1, 0, 5, 4, 3, 2, 9, 8, 7, 6];

/** xori(cmpi(p, a, b), true) → cmpi(not p, a, b) when the cmpi has no other use. */
const xorOfCmpi = definePattern({
  rootName: 'arith.xori',
  label: 'XOrINotCmpI',
  matchAndRewrite(op, rewriter) {
    const cmp = defOf(op.operand(0), 'arith.cmpi');
    if (!cmp || !cmp.results[0].hasOneUse || intWidth(elementType(op.results[0].type)) !== 1) return false;
    const rhs = op.operand(1).definingOp;
    const c = rhs?.hasTrait('ConstantLike') ? readElems(rhs.getAttr('value'), op.operand(1).type) : undefined;
    if (c?.kind !== 'int' || splatValue(c) !== 1n) return false;
    const pred = cmp.getProperty('predicate') as unknown as { value: bigint; type: Type } | undefined;
    if (!pred) return false;
    const inv = op.context.integerAttr(pred.type, BigInt(INVERSE[Number(pred.value)]));
    const created = build(rewriter, op, 'arith.cmpi', [cmp.operand(0), cmp.operand(1)], op.results[0].type, [['predicate', inv]]);
    rewriter.replaceOp(op, [created.results[0]]);
    return true;
  },
});

/** cmpi eq/ne of two same-kind extensions from the same type → cmpi on the narrow values. */
function cmpOfExt(ext: string): RewritePattern {
  return definePattern({
    rootName: 'arith.cmpi',
    label: `CmpIOf${ext}`,
    matchAndRewrite(op, rewriter) {
      const pred = op.getProperty('predicate') as unknown as { value: bigint } | undefined;
      if (!pred || pred.value > 1n) return false;
      const a = defOf(op.operand(0), ext);
      const b = defOf(op.operand(1), ext);
      if (!a || !b || a.operand(0).type !== b.operand(0).type) return false;
      const created = build(rewriter, op, 'arith.cmpi', [a.operand(0), b.operand(0)], op.results[0].type, [['predicate', op.getProperty('predicate')!]]);
      rewriter.replaceOp(op, [created.results[0]]);
      return true;
    },
  });
}

const MANTISSA: Record<string, number> = { f16: 11, bf16: 8, f32: 24, f64: 53 };
// cmpi predicates: eq ne slt sle sgt sge ult ule ugt uge.
const [EQ, NE, SLT, SLE, SGT, SGE, ULT, ULE, UGT, UGE] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * cmpf(p, uitofp/sitofp(x), C) → cmpi on x (or a constant), when the float
 * holds every value of x exactly (MLIR's CmpFIntToFPConst, from InstCombine).
 */
const cmpfOfIntToFp = definePattern({
  rootName: 'arith.cmpf',
  label: 'CmpFIntToFPConst',
  matchAndRewrite(op, rewriter) {
    const conv = op.operand(0).definingOp;
    if (conv?.name !== 'arith.uitofp' && conv?.name !== 'arith.sitofp') return false;
    const isUnsigned = conv.name === 'arith.uitofp';
    const x = conv.operand(0);
    const w = intWidth(x.type);
    const fk = (op.operand(0).type as unknown as { floatKind?: string }).floatKind;
    const mantissa = fk ? MANTISSA[fk] : undefined;
    if (w === undefined || mantissa === undefined || (isUnsigned ? w : w - 1) > mantissa) return false;
    const rhsOp = op.operand(1).definingOp;
    const rhsAttr = rhsOp?.hasTrait('ConstantLike') ? (rhsOp.getAttr('value') as unknown as { kind?: string; value?: number }) : undefined;
    if (rhsAttr?.kind !== 'float' || typeof rhsAttr.value !== 'number') return false;
    const rhs = rhsAttr.value;
    const p = Number((op.getProperty('predicate') as unknown as { value?: bigint } | undefined)?.value ?? -1n);
    const i1 = op.results[0].type;
    const constant = (v: boolean): boolean => {
      const state = emptyState('arith.constant', op.location);
      state.resultTypes.push(i1);
      state.properties.set('value', op.context.integerAttr(i1, v ? 1n : 0n));
      rewriter.replaceOp(op, [rewriter.create(Operation.create(op.context, state)).results[0]]);
      return true;
    };
    let pred: number;
    switch (p) {
      case 1: case 8: pred = EQ; break;
      case 2: case 9: pred = isUnsigned ? UGT : SGT; break;
      case 3: case 10: pred = isUnsigned ? UGE : SGE; break;
      case 4: case 11: pred = isUnsigned ? ULT : SLT; break;
      case 5: case 12: pred = isUnsigned ? ULE : SLE; break;
      case 6: case 13: pred = NE; break;
      case 7: return constant(true);
      case 14: return constant(false);
      default: return false;
    }
    if (Number.isNaN(rhs)) return false;
    const max = isUnsigned ? 2 ** w - 1 : 2 ** (w - 1) - 1;
    const min = isUnsigned ? 0 : -(2 ** (w - 1));
    if (max < rhs) return constant(pred === SLT || pred === ULT || pred === NE || pred === SLE || pred === ULE);
    if (min > rhs) return constant(pred === SGT || pred === UGT || pred === NE || pred === SGE || pred === UGE);
    const whole = Math.trunc(rhs);
    if (whole !== rhs) {
      const negative = rhs < 0;
      switch (pred) {
        case EQ: return constant(false);
        case NE: return constant(true);
        case ULE: if (negative) return constant(false); break;
        case SLE: if (negative) pred = SLT; break;
        case ULT: if (negative) return constant(false); pred = ULE; break;
        case SLT: if (!negative) pred = SLE; break;
        case UGT: if (negative) return constant(true); break;
        case SGT: if (negative) pred = SGE; break;
        case UGE: if (negative) return constant(true); pred = UGT; break;
        case SGE: if (!negative) pred = SGT; break;
      }
    }
    const cState = emptyState('arith.constant', op.location);
    cState.resultTypes.push(x.type);
    cState.properties.set('value', op.context.integerAttr(x.type, BigInt(whole)));
    const c = rewriter.create(Operation.create(op.context, cState));
    const predAttr = op.context.integerAttr(op.context.integerType(64), BigInt(pred));
    const created = build(rewriter, op, 'arith.cmpi', [x, c.results[0]], i1, [['predicate', predAttr]]);
    rewriter.replaceOp(op, [created.results[0]]);
    return true;
  },
});

export const arithPatterns: readonly RewritePattern[] = [
  cmpfOfIntToFp,
  cmpOfExt('arith.extsi'),
  cmpOfExt('arith.extui'),
  extOfExt('arith.extui', 'arith.extui', 'arith.extui'),
  extOfExt('arith.extsi', 'arith.extsi', 'arith.extsi'),
  extOfExt('arith.extsi', 'arith.extui', 'arith.extui'),
  bitwiseOfExt('arith.andi', 'arith.extui'),
  bitwiseOfExt('arith.andi', 'arith.extsi'),
  bitwiseOfExt('arith.ori', 'arith.extui'),
  bitwiseOfExt('arith.ori', 'arith.extsi'),
  bitwiseOfExt('arith.xori', 'arith.extui'),
  bitwiseOfExt('arith.xori', 'arith.extsi'),
  doubleNeg('arith.mulf'),
  doubleNeg('arith.divf'),
  xorOfCmpi,
];
