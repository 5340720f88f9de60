// Turns the latest value into an operand a step can take (a cast to the
// element type it needs, a reshape to the rank it needs), so that programs
// grow long chains instead of reading fresh arguments.
import type { ProgramBuilder } from './builder.js';
import type { ValueRef } from './program.js';

/** Element types each element type can be cast to (pairs TOSA's CAST table lists). */
export const CASTS: Readonly<Record<string, readonly string[]>> = {
  f32: ['i32', 'f16', 'bf16', 'i8', 'i1'],
  f16: ['f32', 'i32'],
  bf16: ['f32'],
  i8: ['f32', 'i32', 'i1'],
  i32: ['f32', 'i8', 'i1', 'f16'],
  i1: ['f32', 'i32'],
};

/** Prime factors of n, so that a new shape with the same element count can be dealt out. */
export function factors(n: number): number[] {
  const out: number[] = [];
  for (let p = 2; p * p <= n; p++) for (; n % p === 0; n /= p) out.push(p);
  if (n > 1) out.push(n);
  return out;
}

/** A static shape of `rank` dims holding `count` elements, factors dealt out at random. */
export function dealShape(b: ProgramBuilder, count: number, rank: number): number[] {
  const dims = Array.from({ length: rank }, () => 1);
  for (const f of factors(count)) dims[b.int(0, rank - 1)]! *= f;
  return dims;
}

/**
 * `v` cast and/or reshaped so that its element is one of `elements` and its
 * rank lies in [minRank, maxRank]; undefined when that is not possible
 * (no listed cast, or a dynamic shape that cannot be reshaped safely).
 */
export function adapt(b: ProgramBuilder, v: ValueRef, elements: readonly string[], minRank: number, maxRank: number): ValueRef | undefined {
  let out: ValueRef | undefined = v;
  const t = b.ranked(v);
  if (!elements.includes(t.element)) {
    const to = elements.find((e) => CASTS[t.element]?.includes(e));
    if (to === undefined) return undefined;
    out = b.emit('tosa.cast', [v], {}, [to]);
    if (out === undefined) return undefined;
  }
  const rank = t.shape.length;
  if (rank >= minRank && rank <= maxRank) return out;
  if (t.shape.some((d) => d === '?')) return undefined;
  const count = (t.shape as number[]).reduce((a, c) => a * c, 1);
  const target = dealShape(b, count, rank < minRank ? minRank : maxRank);
  return b.emit('tosa.reshape', [out, b.constShape(target)]);
}
