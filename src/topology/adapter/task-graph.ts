/**
 * The simulator's task graph of a module: collectives with their chosen
 * schedules, compute ops on every rank's device (roofline-priced), data and
 * program-order deps.
 *
 * Ops that only re-describe memory cost nothing and add no task: slices and
 * reshapes are views once bufferized (`memref.subview`, `expand_shape`,
 * `collapse_shape`), and a `tensor.concat` of collective results is the
 * buffer the chunks were received into (each chunk's transfer lands at its
 * offset, as chunked NCCL calls do), unless `copyJoins` prices it as a copy.
 * Dependencies follow views precisely: a slice of a concat waits only for the
 * pieces it overlaps, so chunk i of a later stage need not wait for chunk i+1
 * of an earlier one.
 */
import { costOf } from '../cost/choose.js';
import type { Algorithm } from '../cost/schedule.js';
import { deviceOfRank, worldSize } from '../model/routes.js';
import type { Topology } from '../model/types.js';
import type { SimTask } from '../sim/types.js';
import { collectivesOf, type CollectiveInstance } from './collectives.js';
import { ModuleReadError, tensorBytes, tensorShape, type ModuleInfo, type OpInfo } from './ops.js';

export interface TaskGraphOptions {
  /** Price a `tensor.concat` of collective results as a memory copy instead of an in-place join (default false). */
  readonly copyJoins?: boolean;
  /**
   * `program` (default): each rank issues its ops in program order — compute
   * in order on the device, an async collective when reached, a `ccl.wait`
   * blocking what follows until the collective is done. `dataflow`: any op
   * runs once its operands are ready (an ideal reordering scheduler; only
   * synchronous collectives order things), an upper bound for ccl-overlap.
   */
  readonly order?: 'program' | 'dataflow';
}

/** What a new op must wait for besides its operands, per the issue order. */
interface Sequencer {
  collective(id: string, async: boolean): readonly string[];
  waited(deps: readonly string[]): void;
  compute(id: string, device: number): readonly string[];
}

/** In-order issue per rank: `frontier[d]` is what the next op on rank d waits for. */
function programOrder(devices: readonly number[]): Sequencer {
  const frontier = new Map<number, string[]>(devices.map((d) => [d, []]));
  return {
    collective(id, async) {
      const deps = union([...frontier.values()]);
      if (!async) for (const d of devices) frontier.set(d, [id]);
      return deps;
    },
    waited(deps) {
      for (const d of devices) frontier.set(d, union([frontier.get(d)!, deps]));
    },
    compute(id, device) {
      const deps = frontier.get(device)!;
      frontier.set(device, [id]);
      return deps;
    },
  };
}

/** Dataflow: a synchronous collective waits for everything issued before it, everything after waits for it. */
function dataflowOrder(): Sequencer {
  let barrier: string[] = [];
  let sinceBarrier: string[] = [];
  return {
    collective(id, async) {
      const deps = async ? barrier : union([barrier, sinceBarrier]);
      if (async) sinceBarrier.push(id);
      else (barrier = [id]), (sinceBarrier = []);
      return deps;
    },
    waited() {},
    compute(id) {
      sinceBarrier.push(id);
      return barrier;
    },
  };
}

/** A contiguous range along one dimension of a value and the tasks that produce it. */
interface Piece {
  readonly lo: number;
  readonly hi: number;
  readonly deps: readonly string[];
}

interface ValueInfo {
  /** Tasks whose completion makes the whole value available. */
  readonly deps: readonly string[];
  /** Finer availability along one dimension (a concat's pieces), when known. */
  readonly layout?: { readonly dim: number; readonly pieces: readonly Piece[] };
  /** Written directly by a collective's transfer (so a join of such values can be in place). */
  readonly received?: boolean;
}

const FREE_OPS = /^(func\.|builtin\.|arith\.constant$|tosa\.const$|tensor\.empty$|tosa\.const_shape$|ccl\.wait$)/;
const VIEW_OPS = new Set(['tensor.extract_slice', 'tosa.reshape', 'tensor.reshape', 'tensor.expand_shape', 'tensor.collapse_shape', 'tensor.cast']);

const union = (lists: readonly (readonly string[])[]): string[] => [...new Set(lists.flat())];

function computeCost(op: OpInfo): { flops: number; bytes: number } | undefined {
  const res = op.resultTypes.map(tensorShape);
  if (FREE_OPS.test(op.name) || res.length === 0 || res.some((r) => !r)) return undefined;
  const ins = op.operandTypes.map(tensorShape).filter((s) => s !== undefined);
  const bytes = [...ins, ...res].reduce((a, s) => a + tensorBytes(s!), 0);
  const out = res[0]!;
  const elems = out.dims.reduce((a, d) => a * d, 1);
  if (op.name === 'tosa.matmul' && ins[0] && ins[0].dims.length === 3) return { flops: 2 * elems * ins[0].dims[2], bytes };
  return { flops: elems, bytes };
}

function intList(op: OpInfo, key: string): number[] | undefined {
  const a = op.attrs.get(key);
  return a?.kind === 'dense' && Array.isArray(a.value) && a.value.every((x) => Number.isInteger(x)) ? (a.value as number[]) : undefined;
}

/** Pieces of a concat result along its dim: each input's own pieces (if on that dim) shifted to its offset. */
function concatInfo(op: OpInfo, inputs: readonly ValueInfo[]): ValueInfo {
  const deps = union(inputs.map((v) => v.deps));
  const dimAttr = op.attrs.get('dim');
  const shapes = op.operandTypes.map(tensorShape);
  if (dimAttr?.kind !== 'int' || shapes.some((s) => !s || s.dims[dimAttr.value] === undefined)) return { deps };
  const dim = dimAttr.value;
  const pieces: Piece[] = [];
  let offset = 0;
  inputs.forEach((v, k) => {
    const size = shapes[k]!.dims[dim];
    if (v.layout?.dim === dim) pieces.push(...v.layout.pieces.map((p) => ({ lo: p.lo + offset, hi: p.hi + offset, deps: p.deps })));
    else pieces.push({ lo: offset, hi: offset + size, deps: v.deps });
    offset += size;
  });
  return { deps, layout: { dim, pieces } };
}

/** A slice of a value with pieces depends only on the pieces it overlaps. */
function sliceInfo(op: OpInfo, source: ValueInfo): ValueInfo {
  const offsets = intList(op, 'static_offsets');
  const sizes = intList(op, 'static_sizes');
  const layout = source.layout;
  if (!layout || !offsets || !sizes || op.operands.length !== 1) return { deps: source.deps, ...(source.received ? { received: true } : {}) };
  const lo = offsets[layout.dim];
  const hi = lo + sizes[layout.dim];
  if (!(lo >= 0 && hi > lo)) return { deps: source.deps };
  const hit = layout.pieces.filter((p) => p.lo < hi && p.hi > lo);
  const deps = union(hit.map((p) => p.deps));
  const sameRank = tensorShape(op.resultTypes[0] ?? '')?.dims.length === offsets.length;
  return sameRank
    ? { deps, layout: { dim: layout.dim, pieces: hit.map((p) => ({ lo: Math.max(p.lo, lo) - lo, hi: Math.min(p.hi, hi) - lo, deps: p.deps })) } }
    : { deps };
}

/**
 * Tasks for every collective (all ranks take part: groups cover the world)
 * and every priced compute op on every rank's device. Deps: operands (through
 * views, piece by piece) plus the issue order (`options.order`).
 */
export function simTasksOf(
  mod: ModuleInfo,
  topo: Topology,
  choose: (c: CollectiveInstance) => Algorithm,
  options: TaskGraphOptions = {},
): { tasks: SimTask[]; collectives: CollectiveInstance[] } {
  const collectives = collectivesOf(mod, topo);
  const byIndex = new Map(collectives.map((c) => [c.index, c]));
  const world = mod.worldSize ?? worldSize(topo);
  const devices = Array.from({ length: world }, (_, r) => deviceOfRank(topo, r));
  const values = new Map<string, ValueInfo>();
  const infoOf = (v: string): ValueInfo => values.get(v) ?? { deps: [] };
  const tasks: SimTask[] = [];
  const seq = options.order === 'dataflow' ? dataflowOrder() : programOrder(devices);
  mod.ops.forEach((op, i) => {
    const inputs = op.operands.map(infoOf);
    const dataDeps = union(inputs.map((v) => v.deps));
    const setResults = (info: ValueInfo): void => op.results.forEach((r) => values.set(r, info));
    const coll = byIndex.get(i);
    if (coll) {
      const alg = choose(coll);
      const schedule = costOf(coll.spec, alg, topo)?.schedule;
      if (!schedule) throw new ModuleReadError(`${op.loc}: error: algorithm '${alg}' does not apply to ${op.name}`);
      const id = `op${i}`;
      const deps = union([dataDeps, seq.collective(id, coll.async)]);
      tasks.push({ id, type: 'collective', schedule, deps, async: coll.async, label: `${op.name.slice(4)} (${alg})${coll.chunk !== undefined ? ` chunk ${coll.chunk}` : ''} ${op.loc.split(':').slice(-2).join(':')}` });
      setResults({ deps: [id], received: true });
      return;
    }
    if (op.name === 'ccl.wait') {
      seq.waited(dataDeps);
      return setResults({ deps: dataDeps, received: inputs[0]?.received === true });
    }
    if (op.name === 'tensor.extract_slice' && inputs[0]) return setResults(sliceInfo(op, inputs[0]));
    if (VIEW_OPS.has(op.name)) return setResults({ deps: dataDeps });
    if (op.name === 'tensor.concat' && !options.copyJoins && inputs.length > 0 && inputs.every((v) => v.received)) {
      return setResults({ ...concatInfo(op, inputs), received: true });
    }
    const cost = computeCost(op);
    if (!cost) return setResults({ deps: dataDeps });
    const ids = devices.map((d) => {
      const id = `op${i}@dev${d}`;
      const own = dataDeps.filter((x) => !x.includes('@') || x.endsWith(`@dev${d}`));
      tasks.push({ id, type: 'compute', device: d, flops: cost.flops, bytes: cost.bytes, deps: union([own, seq.compute(id, d)]), label: op.name });
      return id;
    });
    setResults({ deps: ids });
  });
  return { tasks, collectives };
}
