/** Max-min fair rates (progressive filling) for flows over shared resources. */

export interface FlowDemand {
  readonly resources: readonly string[];
}

/**
 * Rates in the capacities' unit. Each round saturates the resource with the
 * smallest fair share and freezes its flows there; flows without resources
 * get Infinity.
 */
export function maxMinRates(flows: readonly FlowDemand[], capacity: (r: string) => number): number[] {
  const rate = flows.map((f) => (f.resources.length === 0 ? Infinity : NaN));
  const left = new Map<string, number>();
  const users = new Map<string, number[]>();
  flows.forEach((f, i) => {
    for (const r of new Set(f.resources)) {
      if (!left.has(r)) left.set(r, capacity(r));
      users.set(r, [...(users.get(r) ?? []), i]);
    }
  });
  for (;;) {
    let best: string | undefined;
    let bestShare = Infinity;
    for (const [r, us] of users) {
      const open = us.filter((i) => Number.isNaN(rate[i])).length;
      if (open === 0) continue;
      const share = left.get(r)! / open;
      if (share < bestShare) (bestShare = share), (best = r);
    }
    if (best === undefined) break;
    for (const i of users.get(best)!) {
      if (!Number.isNaN(rate[i])) continue;
      rate[i] = bestShare;
      for (const r of new Set(flows[i].resources)) left.set(r, Math.max(0, left.get(r)! - bestShare));
    }
  }
  return rate;
}
