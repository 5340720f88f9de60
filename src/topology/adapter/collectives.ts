/**
 * Turn a module's ccl ops into cost-model inputs: one `CollectiveSpec` per
 * collective (the simulator's task graph is built in task-graph.ts).
 */
import { chooseAlgorithm, costOf } from '../cost/choose.js';
import { ALGORITHMS, COLLECTIVE_KINDS, type Algorithm, type CollectiveKind, type CollectiveSpec } from '../cost/schedule.js';
import { worldSize } from '../model/routes.js';
import type { Topology } from '../model/types.js';
import { ModuleReadError, tensorBytes, tensorShape, type ModuleInfo, type OpInfo } from './ops.js';

export interface CollectiveInstance {
  readonly op: string;
  readonly loc: string;
  readonly spec: CollectiveSpec;
  readonly async: boolean;
  /** The `algorithm` attribute a pass may have set. */
  readonly algorithm?: Algorithm;
  /** Which piece of a ccl-chunk split this is (`chunk` attribute). */
  readonly chunk?: number;
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
    const chunkAttr = op.attrs.get('chunk');
    const algorithm = algAttr?.kind === 'string' && (ALGORITHMS as readonly string[]).includes(algAttr.value) ? (algAttr.value as Algorithm) : undefined;
    out.push({
      op: op.name,
      loc: op.loc,
      index,
      async: op.attrs.has('async'),
      ...(algorithm ? { algorithm } : {}),
      ...(chunkAttr?.kind === 'int' ? { chunk: chunkAttr.value } : {}),
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

/** The attribute's algorithm when set and applicable, else the cheapest. */
export function defaultChooser(topo: Topology): (c: CollectiveInstance) => Algorithm {
  return (c) => (c.algorithm && costOf(c.spec, c.algorithm, topo) ? c.algorithm : chooseAlgorithm(c.spec, topo).chosen.algorithm);
}
