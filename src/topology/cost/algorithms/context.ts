/** Shared helpers for schedule builders: rank → endpoint, reduction tasks. */
import { deviceOfRank } from '../../model/routes.js';
import type { Topology } from '../../model/types.js';
import type { ComputeTask, Transfer } from '../schedule.js';

export interface BuildContext {
  readonly topo: Topology;
  /** Bytes per element, to price reductions. */
  readonly elementBytes: number;
}

export const endpoint = (ctx: BuildContext, rank: number): string => `dev${deviceOfRank(ctx.topo, rank)}`;

export const send = (ctx: BuildContext, from: number, to: number, bytes: number): Transfer => ({
  from: endpoint(ctx, from),
  to: endpoint(ctx, to),
  bytes,
});

/** Elementwise reduction of `bytes` received into a local buffer: read 2, write 1. */
export const reduceTask = (ctx: BuildContext, rank: number, bytes: number): ComputeTask => ({
  device: deviceOfRank(ctx.topo, rank),
  flops: bytes / ctx.elementBytes,
  bytes: 3 * bytes,
});

/** Rotate so that position `root` comes first. */
export const rotate = <T>(xs: readonly T[], root: number): T[] => [...xs.slice(root), ...xs.slice(0, root)];

export const CHUNK_CANDIDATES = [1, 2, 4, 8, 16, 32, 64, 128] as const;
