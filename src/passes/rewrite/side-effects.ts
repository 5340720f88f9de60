/** Memory-effect queries from op traits (MLIR's `isOpTriviallyDead` and friends). */
import type { Operation } from '../../ir/index.js';

/** No memory effects: `NoMemoryEffect`, or `RecursiveMemoryEffects` with effect-free contents. */
export function isMemoryEffectFree(op: Operation): boolean {
  if (!op.isRegistered) return false;
  if (op.hasTrait('NoMemoryEffect') || op.hasTrait('Pure')) {
    if (!op.hasTrait('RecursiveMemoryEffects') && !op.hasTrait('HasRecursiveMemoryEffects')) return true;
  } else if (!op.hasTrait('RecursiveMemoryEffects') && !op.hasTrait('HasRecursiveMemoryEffects')) return false;
  for (const r of op.regions) for (const b of r.blocks) for (const inner of b.operations) if (!isMemoryEffectFree(inner)) return false;
  return true;
}

/** Would erasing `op` change nothing, were its results unused? */
export function wouldOpBeTriviallyDead(op: Operation): boolean {
  if (op.hasTrait('IsTerminator') || op.hasTrait('Terminator') || op.hasTrait('Symbol')) return false;
  return isMemoryEffectFree(op);
}

export function isOpTriviallyDead(op: Operation): boolean {
  return op.results.every((r) => !r.hasUses) && wouldOpBeTriviallyDead(op);
}
