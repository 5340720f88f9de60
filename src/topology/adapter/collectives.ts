/**
 * Turn a module's ops into cost-model inputs: one `CollectiveSpec` per ccl
 * collective, and a simulator task graph (collectives with their chosen
 * schedules, compute ops on every rank's device, data and program-order deps).
 */
import { chooseAlgorithm, costOf } from '../cost/choose.js';
import { ALGORITHMS, COLLECTIVE_KINDS, type Algorithm, type CollectiveKind, type CollectiveSpec } from '../cost/schedule.js';
import { deviceOfRank, worldSize } from '../model/routes.js';
import type { Topology } from '../model/types.js';
import type { SimTask } from '../sim/types.js';
import { ModuleReadError, tensorBytes, tensorShape, type ModuleInfo, type OpInfo } from './ops.js';

export interface CollectiveInstance {
  readonly op: string;
  readonly loc: string;
  readonly spec: CollectiveSpec;
  readonly async: boolean;
  /** The `algorithm` attribute a pass may have set. */
  readonly algorithm?: Algorithm;
  readonly index: number;
}

function int2d(op: OpInfo, key: string): number[][] | undefined {
  const a = op.attrs.get(key);
  if (!a) return undefined;
  const v = a.kind === 'dense' ? a.value : undefined;
  if (!Array.isArray(v) || !v.every((row) => Array.isArray(row) && row.every((x) => Number.isInteger(x)))) {
    throw new ModuleReadError(`${op.loc}: error: '${op.name}' attribute '${key}' must be a dense 2-D integer array`);
  }
  return v as number[][];
}

export function collectivesOf(mod: ModuleInfo, topo: Topology): CollectiveInstance[] {
  const world = mod.worldSize ?? worldSize(topo);
  if (world > worldSize(topo)) {
    throw new ModuleReadError(`module: error: ccl.world_size = ${world} but topology '${topo.name}' has ${worldSize(topo)} ranks`);
  }
  const out: CollectiveInstance[] = [];
  mod.ops.forEach((op, index) => {
    if (!op.name.startsWith('ccl.') || op.name === 'ccl.wait') return;
    const kind = op.name.slice(4) as CollectiveKind;
    if (!COLLECTIVE_KINDS.includes(kind)) throw new ModuleReadError(`${op.loc}: error: unknown ccl op '${op.name}'`);
    const shape = op.operandTypes[0] ? tensorShape(op.operandTypes[0]) : undefined;
    if (!shape) throw new ModuleReadError(`${op.loc}: error: '${op.name}' operand must be a ranked static tensor, got '${op.operandTypes[0] ?? 'nothing'}'`);
    const groups = int2d(op, 'groups') ?? [Array.from({ length: world }, (_, r) => r)];
    const pairs = int2d(op, 'pairs');
    const rootAttr = op.attrs.get('root');
    const algAttr = op.attrs.get('algorithm');
    const algorithm = algAttr?.kind === 'string' && (ALGORITHMS as readonly string[]).includes(algAttr.value) ? (algAttr.value as Algorithm) : undefined;
    out.push({
      op: op.name,
      loc: op.loc,
      index,
      async: op.attrs.has('async'),
      ...(algorithm ? { algorithm } : {}),
      spec: {
        kind,
        bytes: tensorBytes(shape),
        groups,
        elementBytes: shape.elementBytes,
        ...(rootAttr?.kind === 'int' ? { root: rootAttr.value } : {}),
        ...(pairs ? { pairs: pairs.map((p) => [p[0], p[1]] as const) } : {}),
      },
    });
  });
  return out;
}

const FREE_OPS = /^(func\.|builtin\.|arith\.constant|tosa\.const|tensor\.empty|tosa\.const_shape|ccl\.wait)/;

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

/**
 * The simulator's task graph. A synchronous collective waits for everything
 * before it in program order and everything after waits for it; an async one
 * only for its operands, and its users wait through `ccl.wait`.
 */
export function simTasksOf(mod: ModuleInfo, topo: Topology, choose: (c: CollectiveInstance) => Algorithm): { tasks: SimTask[]; collectives: CollectiveInstance[] } {
  const collectives = collectivesOf(mod, topo);
  const byIndex = new Map(collectives.map((c) => [c.index, c]));
  const world = mod.worldSize ?? worldSize(topo);
  const devices = Array.from({ length: world }, (_, r) => deviceOfRank(topo, r));
  const producer = new Map<string, string[]>(); // SSA value -> task ids
  const tasks: SimTask[] = [];
  let barrier: string[] = [];
  let sinceBarrier: string[] = [];
  mod.ops.forEach((op, i) => {
    const dataDeps = [...new Set(op.operands.flatMap((v) => producer.get(v) ?? []))];
    const coll = byIndex.get(i);
    if (coll) {
      const alg = choose(coll);
      const schedule = costOf(coll.spec, alg, topo)?.schedule;
      if (!schedule) throw new ModuleReadError(`${op.loc}: error: algorithm '${alg}' does not apply to ${op.name}`);
      const id = `op${i}`;
      const deps = coll.async ? [...new Set([...dataDeps, ...barrier])] : [...new Set([...dataDeps, ...barrier, ...sinceBarrier])];
      tasks.push({ id, type: 'collective', schedule, deps, async: coll.async, label: `${op.name.slice(4)} (${alg}) ${op.loc.split(':').slice(-2).join(':')}` });
      op.results.forEach((r) => producer.set(r, [id]));
      if (coll.async) sinceBarrier.push(id);
      else (barrier = [id]), (sinceBarrier = []);
      return;
    }
    if (op.name === 'ccl.wait') {
      op.results.forEach((r) => producer.set(r, dataDeps));
      return;
    }
    const cost = computeCost(op);
    if (!cost) {
      op.results.forEach((r) => producer.set(r, dataDeps));
      return;
    }
    const ids = devices.map((d) => {
      const id = `op${i}@dev${d}`;
      tasks.push({ id, type: 'compute', device: d, flops: cost.flops, bytes: cost.bytes, deps: [...new Set([...dataDeps.filter((x) => !x.includes('@') || x.endsWith(`@dev${d}`)), ...barrier])], label: op.name });
      return id;
    });
    sinceBarrier.push(...ids);
    op.results.forEach((r) => producer.set(r, ids));
  });
  return { tasks, collectives };
}

/** The attribute's algorithm when set and applicable, else the cheapest. */
export function defaultChooser(topo: Topology): (c: CollectiveInstance) => Algorithm {
  return (c) => (c.algorithm && costOf(c.spec, c.algorithm, topo) ? c.algorithm : chooseAlgorithm(c.spec, topo).chosen.algorithm);
}
