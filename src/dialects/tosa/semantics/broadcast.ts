// Broadcasting as MLIR implements it: OpTrait::util::getBroadcastedShape (used by
// the ResultsBroadcastableShape trait) and TOSA's resolveBroadcastShape (used by
// shape inference of elementwise ops).
import type { Dim } from './types.js';

/** OpTrait::util::getBroadcastedShape; null when two static dims clash. Right-aligned, TensorFlow rules for '?'. */
export function broadcastShapes(a: readonly Dim[], b: readonly Dim[]): Dim[] | null {
  const out: Dim[] = a.length > b.length ? [...a] : [...b];
  const n = Math.min(a.length, b.length);
  for (let k = 1; k <= n; k++) {
    const d1 = a[a.length - k]!;
    const d2 = b[b.length - k]!;
    let r: Dim;
    if (d1 === '?' || d2 === '?') {
      if (d1 !== '?' && d1 > 1) r = d1;
      else if (d2 !== '?' && d2 > 1) r = d2;
      else if (d1 === 1) r = d2;
      else if (d2 === 1) r = d1;
      else r = '?';
    } else if (d1 === d2 || d2 === 1) r = d1;
    else if (d1 === 1) r = d2;
    else return null;
    out[out.length - k] = r;
  }
  return out;
}

/** TOSA's resolveBroadcastShape over ranked shapes (null if any is unranked or dims clash). */
export function resolveBroadcastShape(shapes: readonly (readonly Dim[] | null)[]): Dim[] | null {
  let rank = 0;
  for (const s of shapes) {
    if (s === null) return null;
    rank = Math.max(rank, s.length);
  }
  const out: Dim[] = new Array<Dim>(rank).fill(1);
  for (const s of shapes as readonly (readonly Dim[])[]) {
    const diff = rank - s.length;
    for (let i = 0; i < s.length; i++) {
      const d1 = out[i + diff]!;
      const d2 = s[i]!;
      let r = d1;
      if (d1 === 1) r = d2;
      else if (d2 === 1) r = d1;
      else if (d1 !== d2) return null;
      out[i + diff] = r;
    }
  }
  return out;
}

/** Two dims are compatible when equal or either is dynamic. */
export const dimsCompatible = (a: Dim, b: Dim): boolean => a === '?' || b === '?' || a === b;

/** verifyCompatibleShape for two (possibly unranked) shapes. */
export function shapesCompatible(a: readonly Dim[] | null, b: readonly Dim[] | null): boolean {
  if (a === null || b === null) return true;
  return a.length === b.length && a.every((d, i) => dimsCompatible(d, b[i]!));
}

/** MLIR's getShapeString: `'2x?x3'`. */
export const shapeString = (s: readonly Dim[]): string => `'${s.join('x')}'`;
