/**
 * What a vendor/MPI library would do (MPICH's defaults): recursive doubling
 * for short all-reduces, Rabenseifner (recursive halving reduce-scatter +
 * recursive doubling all-gather) for long ones, binomial trees for broadcast
 * and reduce, pairwise exchange for all-to-all, a rank-order ring when the
 * group size is not a power of two. It is topology-blind: ranks are taken in
 * the order given, and every call pays the library's fixed overhead.
 */
import { stage, type CollectiveKind, type ComputeTask, type Stage, type Transfer } from '../schedule.js';
import { reduceTask, send, type BuildContext } from './context.js';
import { buildFlat } from './flat.js';

/** MPICH's MPIR_CVAR_ALLREDUCE_SHORT_MSG_SIZE. */
export const SHORT_ALLREDUCE_BYTES = 2048;

const isPow2 = (k: number): boolean => k > 0 && (k & (k - 1)) === 0;

function exchange(ctx: BuildContext, g: readonly number[], mask: number, bytes: number, reduce: boolean): Stage {
  const transfers: Transfer[] = [];
  const compute: ComputeTask[] = [];
  g.forEach((r, i) => {
    transfers.push(send(ctx, r, g[i ^ mask], bytes));
    if (reduce) compute.push(reduceTask(ctx, g[i ^ mask], bytes));
  });
  return stage(transfers, compute);
}

function halving(ctx: BuildContext, g: readonly number[], bytes: number): Stage[] {
  const out: Stage[] = [];
  for (let mask = g.length >> 1, size = bytes / 2; mask >= 1; mask >>= 1, size /= 2) out.push(exchange(ctx, g, mask, size, true));
  return out;
}

function doubling(ctx: BuildContext, g: readonly number[], first: number): Stage[] {
  const out: Stage[] = [];
  for (let mask = 1, size = first; mask < g.length; mask <<= 1, size *= 2) out.push(exchange(ctx, g, mask, size, false));
  return out;
}

export function binomial(ctx: BuildContext, g: readonly number[], bytes: number, root: number, reduce: boolean): Stage[] {
  const k = g.length;
  const at = (rel: number): number => g[(rel + root) % k];
  const rounds: Stage[] = [];
  for (let step = 1; step < k; step <<= 1) {
    const transfers: Transfer[] = [];
    const compute: ComputeTask[] = [];
    for (let rel = 0; rel < step && rel + step < k; rel++) {
      if (reduce) {
        transfers.push(send(ctx, at(rel + step), at(rel), bytes));
        compute.push(reduceTask(ctx, at(rel), bytes));
      } else transfers.push(send(ctx, at(rel), at(rel + step), bytes));
    }
    rounds.push(stage(transfers, compute));
  }
  return reduce ? rounds.reverse() : rounds;
}

export function buildLibrary(ctx: BuildContext, kind: CollectiveKind, g: readonly number[], bytes: number, root = 0): Stage[] | undefined {
  const k = g.length;
  if (k <= 1) return [];
  const ring = (kd: CollectiveKind): Stage[] | undefined => buildFlat(ctx, 'ring', kd, g, bytes, root);
  switch (kind) {
    case 'all_reduce':
      if (!isPow2(k)) return ring(kind);
      if (bytes < SHORT_ALLREDUCE_BYTES) {
        const out: Stage[] = [];
        for (let mask = 1; mask < k; mask <<= 1) out.push(exchange(ctx, g, mask, bytes, true));
        return out;
      }
      return [...halving(ctx, g, bytes), ...doubling(ctx, g, bytes / k)];
    case 'reduce_scatter':
      return isPow2(k) ? halving(ctx, g, bytes) : ring(kind);
    case 'all_gather':
      return isPow2(k) ? doubling(ctx, g, bytes) : ring(kind);
    case 'broadcast':
      return binomial(ctx, g, bytes, root, false);
    case 'reduce':
      return binomial(ctx, g, bytes, root, true);
    case 'all_to_all': {
      const out: Stage[] = [];
      for (let j = 1; j < k; j++) out.push(stage(g.map((r, i) => send(ctx, r, g[(i + j) % k], bytes / k))));
      return out;
    }
    default:
      return undefined;
  }
}
