/**
 * Fit T(s) = α + s/BW to (bytes, µs) samples by weighted least squares.
 * Timing noise is multiplicative (a few percent of the time), so each sample
 * is weighted by 1/T²: that minimises relative error and lets the small,
 * latency-bound sizes pin α while the large ones pin BW.
 */

export interface Sample {
  readonly bytes: number;
  readonly us: number;
}

export interface Fit {
  readonly alpha_us: number;
  /** GB/s (1e9 B/s). */
  readonly gbps: number;
  /** Coefficient of determination on the raw times. */
  readonly r2: number;
  /** Mean absolute percentage error, %. */
  readonly mape: number;
  readonly samples: number;
}

export function fitAlphaBeta(samples: readonly Sample[], weighting: 'relative' | 'absolute' = 'relative'): Fit {
  const pts = samples.filter((s) => Number.isFinite(s.bytes) && Number.isFinite(s.us) && s.us > 0 && s.bytes >= 0);
  if (pts.length < 2) throw new Error(`calibration needs at least 2 valid samples, got ${pts.length}`);
  if (new Set(pts.map((p) => p.bytes)).size < 2) throw new Error('calibration needs samples at two or more distinct sizes');
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const p of pts) {
    const w = weighting === 'relative' ? 1 / (p.us * p.us) : 1;
    sw += w;
    sx += w * p.bytes;
    sy += w * p.us;
    sxx += w * p.bytes * p.bytes;
    sxy += w * p.bytes * p.us;
  }
  const det = sw * sxx - sx * sx;
  const slope = (sw * sxy - sx * sy) / det; // µs per byte
  const alpha = (sy - slope * sx) / sw;
  return scoreFit(pts, alpha, slope > 0 ? 1 / (slope * 1e3) : Infinity);
}

/** R² and MAPE of the model α + s/BW over `samples`. */
export function scoreFit(samples: readonly Sample[], alpha_us: number, gbps: number): Fit {
  const pts = samples.filter((s) => Number.isFinite(s.bytes) && Number.isFinite(s.us) && s.us > 0 && s.bytes >= 0);
  const predict = (b: number): number => alpha_us + b / (gbps * 1e3);
  const mean = pts.reduce((a, p) => a + p.us, 0) / pts.length;
  let ssRes = 0, ssTot = 0, ape = 0;
  for (const p of pts) {
    ssRes += (p.us - predict(p.bytes)) ** 2;
    ssTot += (p.us - mean) ** 2;
    ape += Math.abs(predict(p.bytes) - p.us) / p.us;
  }
  return { alpha_us, gbps, r2: ssTot > 0 ? 1 - ssRes / ssTot : 1, mape: (100 * ape) / pts.length, samples: pts.length };
}

/** Per-step α and per-link BW of a ring-style collective from its whole-call fit. */
export interface CollectiveShape {
  /** Sequential communication steps per call (e.g. 2(n-1) for ring all-reduce). */
  readonly steps: number;
  /** Bytes each link carries per input byte (e.g. 2(n-1)/n for ring all-reduce). */
  readonly factor: number;
}

/** nccl-tests' bus-bandwidth factors (PERFORMANCE.md) with ring step counts. */
export function collectiveShape(collective: string, n: number): CollectiveShape {
  const c = collective.replace(/_perf$/, '');
  if (n < 2) return { steps: 1, factor: 1 };
  switch (c) {
    case 'all_reduce':
      return { steps: 2 * (n - 1), factor: (2 * (n - 1)) / n };
    case 'all_gather':
    case 'reduce_scatter':
    case 'alltoall':
      return { steps: n - 1, factor: (n - 1) / n };
    default:
      return { steps: 1, factor: 1 }; // broadcast, reduce, sendrecv, point-to-point
  }
}

/** Convert a whole-collective fit to the link-level α and BW it implies. */
export function linkLevelFit(f: Fit, shape: CollectiveShape): Fit {
  return { ...f, alpha_us: f.alpha_us / shape.steps, gbps: f.gbps * shape.factor };
}

export type PerSize = 'all' | 'min' | 'median' | 'mean';

/**
 * Collapse repeated measurements of one size: `min` is the usual choice on a
 * busy machine (interference only ever adds time), `median` resists outliers
 * both ways.
 */
export function reducePerSize(samples: readonly Sample[], how: PerSize): Sample[] {
  if (how === 'all') return [...samples];
  const by = new Map<number, number[]>();
  for (const s of samples) by.set(s.bytes, [...(by.get(s.bytes) ?? []), s.us]);
  return [...by.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([bytes, ts]) => {
      const sorted = [...ts].sort((x, y) => x - y);
      const us =
        how === 'min' ? sorted[0]
        : how === 'mean' ? sorted.reduce((a, x) => a + x, 0) / sorted.length
        : sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      return { bytes, us };
    });
}
