/**
 * The closed-form cost model (DESIGN §7):
 *   link      T_e(s) = α_e + s / BW_e
 *   segment   Σα + s / min BW   (DMA pipelines through the segment)
 *   route     Σ segments        (host-staged: store-and-forward)
 *   stage     max over its transfers, where n flows on one link each get BW/n,
 *             then max over its compute tasks (roofline)
 *   schedule  overhead + Σ stages
 * Times in µs, bandwidths in GB/s (1 GB/s moves 1000 bytes per µs).
 */
import { deviceById, resourceKey, routeBetween, type Route } from '../model/routes.js';
import type { Topology } from '../model/types.js';
import type { ComputeTask, Schedule, Stage, Transfer } from './schedule.js';

/** Roofline time of a compute task on its device. */
export function computeUs(t: Topology, task: ComputeTask): number {
  const d = deviceById(t, task.device);
  return Math.max(task.flops / (d.tflops * 1e6), task.bytes / (d.mem_gbps * 1e3));
}

export const routeOf = (t: Topology, x: Transfer): Route => routeBetween(t, x.from, x.to, x.staging);

/** Flows per bandwidth resource in a stage. */
export function stageLoad(t: Topology, transfers: readonly Transfer[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const x of transfers) {
    const seen = new Set<string>();
    for (const seg of routeOf(t, x).segments) for (const h of seg) seen.add(resourceKey(t, h));
    for (const k of seen) load.set(k, (load.get(k) ?? 0) + 1);
  }
  return load;
}

/** Time of one transfer when the links it uses carry `load` flows each. */
export function transferUs(t: Topology, x: Transfer, load?: ReadonlyMap<string, number>): number {
  let us = 0;
  for (const seg of routeOf(t, x).segments) {
    let alpha = 0;
    let bw = Infinity;
    for (const h of seg) {
      const l = t.links[h.link];
      alpha += l.alpha_us;
      bw = Math.min(bw, l.gbps / (load?.get(resourceKey(t, h)) ?? 1));
    }
    us += alpha + (seg.length > 0 ? x.bytes / (bw * 1e3) : 0);
  }
  return us;
}

export function stageUs(t: Topology, s: Stage): number {
  const load = stageLoad(t, s.transfers);
  let comm = 0;
  for (const x of s.transfers) comm = Math.max(comm, transferUs(t, x, load));
  // A device runs its compute tasks one after another.
  const perDevice = new Map<number, number>();
  for (const c of s.compute) perDevice.set(c.device, (perDevice.get(c.device) ?? 0) + computeUs(t, c));
  return comm + Math.max(0, ...perDevice.values());
}

export function scheduleUs(t: Topology, s: Schedule): number {
  let us = s.overhead_us ?? 0;
  for (const st of s.stages) us += stageUs(t, st);
  return us;
}
