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

export const arithPatterns: readonly RewritePattern[] = [
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
