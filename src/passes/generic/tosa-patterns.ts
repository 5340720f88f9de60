/** `tosa` canonicalization patterns: a clamp of a single-use clamp becomes one clamp with the tighter bounds. */
import { emptyState, Operation, type Attribute } from '../../ir/index.js';
import { definePattern, type RewritePattern } from '../rewrite/index.js';

type Bound = { readonly kind: string; readonly value: bigint | number };

function tighter(a: Attribute | undefined, b: Attribute | undefined, pick: 'max' | 'min'): Attribute | undefined {
  const x = a as unknown as Bound | undefined;
  const y = b as unknown as Bound | undefined;
  if (!x || !y || x.kind !== y.kind || typeof x.value !== typeof y.value) return undefined;
  const xGreater = x.value > y.value;
  return (pick === 'max') === xGreater ? a : b;
}

const clampOfClamp = definePattern({
  rootName: 'tosa.clamp',
  label: 'ClampClampOptimization',
  matchAndRewrite(op, rewriter) {
    const inner = op.operand(0).definingOp;
    if (inner?.name !== 'tosa.clamp' || !inner.results[0].hasOneUse) return false;
    if (op.getProperty('nan_mode') !== inner.getProperty('nan_mode')) return false;
    const min = tighter(op.getProperty('min_val'), inner.getProperty('min_val'), 'max');
    const max = tighter(op.getProperty('max_val'), inner.getProperty('max_val'), 'min');
    // Disjoint ranges cannot be merged into one valid clamp.
    if (!min || !max || (min as unknown as Bound).value > (max as unknown as Bound).value) return false;
    const state = emptyState('tosa.clamp', op.location);
    state.operands.push(inner.operand(0));
    state.resultTypes.push(op.results[0].type);
    for (const e of op.properties.entries) state.properties.set(e.name, e.value);
    state.properties.set('min_val', min);
    state.properties.set('max_val', max);
    const created = rewriter.create(Operation.create(op.context, state));
    rewriter.replaceOp(op, [created.results[0]]);
    return true;
  },
});

/** select(logical_not(p), a, b) → select(p, b, a). */
const selectOfNot = definePattern({
  rootName: 'tosa.select',
  label: 'SelectLogicalNotOptimization',
  matchAndRewrite(op, rewriter) {
    const not = op.operand(0).definingOp;
    if (not?.name !== 'tosa.logical_not') return false;
    rewriter.modifyOpInPlace(op, () => op.setOperands([not.operand(0), op.operand(2), op.operand(1)]));
    return true;
  },
});

export const tosaPatterns: readonly RewritePattern[] = [clampOfClamp, selectOfNot];
