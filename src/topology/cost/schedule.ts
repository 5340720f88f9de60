/**
 * Plain-data collectives and schedules. A schedule is a list of stages; the
 * transfers of a stage run concurrently, then its compute tasks (e.g. the
 * reductions of what just arrived); the next stage starts when both finish.
 */

export type CollectiveKind = 'all_reduce' | 'reduce_scatter' | 'all_gather' | 'all_to_all' | 'broadcast' | 'reduce' | 'permute';
export const COLLECTIVE_KINDS: readonly CollectiveKind[] = [
  'all_reduce', 'reduce_scatter', 'all_gather', 'all_to_all', 'broadcast', 'reduce', 'permute',
];

export type Algorithm = 'ring' | 'tree' | 'direct' | 'hierarchical' | 'library';
export const ALGORITHMS: readonly Algorithm[] = ['ring', 'tree', 'direct', 'hierarchical', 'library'];

export interface CollectiveSpec {
  readonly kind: CollectiveKind;
  /** Bytes of each rank's input buffer. */
  readonly bytes: number;
  /** Equal-sized disjoint rank lists; the collective acts within each. */
  readonly groups: readonly (readonly number[])[];
  /** Position of the root in its group (broadcast, reduce). */
  readonly root?: number;
  /** (src, dst) rank pairs for permute. */
  readonly pairs?: readonly (readonly [number, number])[];
  /** Bytes per element, for pricing reductions (default 4). */
  readonly elementBytes?: number;
}

/** A point-to-point transfer between endpoints (`dev<N>`, `numa<N>`). */
export interface Transfer {
  readonly from: string;
  readonly to: string;
  readonly bytes: number;
  /** Host NUMA node of the bounce buffer if the route is host-staged. */
  readonly staging?: number;
}

/** Work on one device, priced by roofline. */
export interface ComputeTask {
  readonly device: number;
  readonly flops: number;
  readonly bytes: number;
}

export interface Stage {
  readonly transfers: readonly Transfer[];
  readonly compute: readonly ComputeTask[];
}

export interface Schedule {
  readonly stages: readonly Stage[];
  /** Fixed per-call software cost (library launch), µs. */
  readonly overhead_us?: number;
}

export const stage = (transfers: Transfer[], compute: ComputeTask[] = []): Stage => ({ transfers, compute });

/** Run schedules side by side: stage i of the result is the union of their stage i. */
export function parallel(parts: readonly (readonly Stage[])[]): Stage[] {
  const n = Math.max(0, ...parts.map((p) => p.length));
  const out: Stage[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      transfers: parts.flatMap((p) => p[i]?.transfers ?? []),
      compute: parts.flatMap((p) => p[i]?.compute ?? []),
    });
  }
  return out;
}

export const sequence = (...parts: readonly (readonly Stage[])[]): Stage[] => parts.flat();
