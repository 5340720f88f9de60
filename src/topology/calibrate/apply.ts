/** Write calibrated α and BW back into a topology. */
import { LINK_KINDS, TopologyError, type LinkKind, type Topology } from '../model/types.js';
import type { Fit } from './fit.js';

/** Set every link of `kind` to the fitted values; errors if the topology has none. */
export function applyCalibration(t: Topology, kind: string, fit: Pick<Fit, 'alpha_us' | 'gbps'>): Topology {
  if (!LINK_KINDS.includes(kind as LinkKind)) throw new TopologyError('--link', `unknown link class '${kind}' (expected one of ${LINK_KINDS.join(', ')})`);
  if (!t.links.some((l) => l.kind === kind)) throw new TopologyError('--link', `topology '${t.name}' has no ${kind} links`);
  if (!(fit.gbps > 0) || !Number.isFinite(fit.gbps)) throw new TopologyError('gbps', `fitted bandwidth ${fit.gbps} is not usable`);
  const alpha = Math.max(0, fit.alpha_us);
  return {
    ...t,
    links: t.links.map((l) => (l.kind === kind ? { ...l, alpha_us: +alpha.toPrecision(6), gbps: +fit.gbps.toPrecision(6) } : l)),
    sources: { ...(t.sources ?? {}), [`calibrated.${kind}`]: `numaccl calibrate: alpha_us=${alpha.toPrecision(4)} gbps=${fit.gbps.toPrecision(4)}` },
  };
}
