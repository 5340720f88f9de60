/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; ++i) {
    const cur = [i];
    for (let j = 1; j <= b.length; ++j) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidates closest to `name` (all those at the smallest distance), if
 * that distance is small relative to the name, as LLVM's option lookup does.
 */
export function closestNames(name: string, candidates: Iterable<string>): string[] {
  let best = Infinity;
  let out: string[] = [];
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d > limit) continue;
    if (d < best) {
      best = d;
      out = [c];
    } else if (d === best) out.push(c);
  }
  return out.sort().slice(0, 3);
}
