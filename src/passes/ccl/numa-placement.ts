/**
 * `numa-placement`: put each rank and its buffers on its device's NUMA node.
 * Emits the module attribute `numa.rank_map` (per rank: device, node, CPU
 * list), `numa.policy` on function arguments (their memory lives on the
 * executing rank's node, from the rank map: the function is SPMD, so one
 * argument attribute stands for every rank's copy), `numa.node`/`numa.policy`
 * on allocating ops, and `staging_node` on collectives whose transfers are
 * host-staged (the bounce buffer's node).
 */
import type { Attribute, Operation } from '../../ir/index.js';
import { decodeRankMatrix } from '../../dialects/ccl/index.js';
import { deviceOfRank, devName, routeBetween, worldSize, type Topology } from '../../topology/index.js';
import { enumOption, stringOption } from '../options/index.js';
import { definePass } from '../registry/index.js';
import { isCollective } from './collective.js';
import { collectivesIn, resolveTopology } from './topology-option.js';

const ALLOCATING = new Set(['tensor.empty', 'bufferization.alloc_tensor', 'memref.alloc', 'memref.alloca']);

function nodeOfRank(t: Topology, rank: number): number {
  return t.devices.find((d) => d.id === deviceOfRank(t, rank))!.numa_node;
}

/** Staging node of a collective: host-staged pairs exist → the node holding most of the group's ranks. */
function stagingNode(op: Operation, t: Topology): number | undefined {
  const groups = decodeRankMatrix(op.getAttr('groups')) ?? decodeRankMatrix(op.getAttr('pairs')) ?? [];
  let staged = false;
  const count = new Map<number, number>();
  for (const g of groups) {
    for (const a of g) {
      count.set(nodeOfRank(t, a), (count.get(nodeOfRank(t, a)) ?? 0) + 1);
      for (const b of g) if (a !== b && routeBetween(t, devName(deviceOfRank(t, a)), devName(deviceOfRank(t, b))).staged) staged = true;
    }
  }
  if (!staged) return undefined;
  return [...count].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0][0];
}

export const numaPlacementPass = definePass({
  argument: 'numa-placement',
  summary: 'Place ranks, buffers and bounce buffers on NUMA nodes',
  description:
    'Sets numa.rank_map (device, node and CPUs of each rank), numa.policy on function arguments and ' +
    'numa.node/numa.policy on allocating ops (the rank\'s node), and staging_node on host-staged collectives.',
  options: {
    topology: stringOption('Topology: an embedded name or a JSON/hwloc path (default: module attribute ccl.topology, else dual-socket-6dla)'),
    policy: enumOption(
      'Memory policy',
      {
        auto: 'bind every rank-local buffer to its rank\'s node (the default; bounce buffers go where most of the group is)',
        bind: 'bind every buffer to its rank\'s node',
        interleave: 'interleave buffers over all nodes',
        preferred: 'prefer the rank\'s node, fall back to others',
      },
      'auto',
    ),
  },
  create: (o) => ({
    run(root, ctx) {
      const t = resolveTopology(root, o.topology);
      const c = root.context;
      const ws = root.getAttr('ccl.world_size');
      const R = ws?.kind === 'integer' ? Number((ws as unknown as { value: bigint }).value) : worldSize(t);
      if (R > worldSize(t)) return ctx.emitError(root, `numa-placement: ccl.world_size is ${R} but topology '${t.name}' has ${worldSize(t)} ranks`);
      const policy = o.policy === 'auto' ? 'bind' : o.policy;
      const ranks: Attribute[] = [];
      for (let r = 0; r < R; r++) {
        const node = nodeOfRank(t, r);
        const n = t.numa_nodes.find((x) => x.id === node)!;
        ranks.push(
          c.dictionaryAttr([
            { name: 'rank', value: c.integerAttr(c.integerType(64), BigInt(r)) },
            { name: 'device', value: c.integerAttr(c.integerType(64), BigInt(deviceOfRank(t, r))) },
            { name: 'node', value: c.integerAttr(c.integerType(64), BigInt(node)) },
            { name: 'cpus', value: c.stringAttr(n.cpus) },
          ]),
        );
      }
      root.setAttr('numa.rank_map', c.arrayAttr(ranks));
      root.setAttr('numa.policy', c.stringAttr(policy));
      const policyAttr = c.stringAttr(policy);
      root.walk((op) => {
        if (op.name === 'func.func') {
          const n = (op.getAttr('function_type') as unknown as { value: { inputs: readonly unknown[] } }).value.inputs.length;
          const dicts = Array.from({ length: n }, (_, i) => {
            const prev = (op.getAttr('arg_attrs') as unknown as { elements?: readonly Attribute[] } | undefined)?.elements?.[i];
            const entries = prev && prev.kind === 'dictionary' ? (prev as unknown as { entries: { name: string; value: Attribute }[] }).entries.filter((e) => e.name !== 'numa.policy') : [];
            return c.dictionaryAttr([...entries, { name: 'numa.policy', value: policyAttr }]);
          });
          if (n > 0) op.setAttr('arg_attrs', c.arrayAttr(dicts));
        } else if (ALLOCATING.has(op.name)) {
          op.setAttr('numa.policy', policyAttr);
        }
      });
      for (const op of collectivesIn(root, isCollective)) {
        const node = o.policy === 'interleave' ? undefined : stagingNode(op, t);
        if (node !== undefined) op.setAttr('staging_node', c.integerAttr(c.integerType(64), BigInt(node)));
      }
    },
  }),
});
