import { Operation, emptyState } from './operation.js';
import { Region } from './region.js';
import { Block } from './block.js';
import type { Value } from './value.js';

/** Values and blocks of the original mapped to their clones (MLIR's IRMapping). */
export class ValueMapping {
  readonly values = new Map<Value, Value>();
  readonly blocks = new Map<Block, Block>();
  lookup(v: Value): Value {
    return this.values.get(v) ?? v;
  }
  map(from: Value, to: Value): void {
    this.values.set(from, to);
  }
}

/**
 * Deep-copy `op` (regions, blocks, nested ops). Operands defined outside the
 * op are remapped through `mapping` (unmapped ones are kept); results and
 * block arguments of the copy are recorded in `mapping`.
 */
export function cloneOperation(op: Operation, mapping: ValueMapping = new ValueMapping()): Operation {
  const state = emptyState(op.name, op.location);
  state.operands = op.operands.map((v) => mapping.lookup(v));
  state.resultTypes = op.resultTypes;
  for (const e of op.properties.entries) state.properties.set(e.name, e.value);
  for (const e of op.attributes.entries) state.attributes.set(e.name, e.value);
  state.opaqueProperties = op.opaqueProperties;
  // Blocks first (successors may refer forward), then their contents.
  for (const region of op.regions) {
    const copy = new Region();
    for (const block of region.blocks) {
      const nb = copy.appendBlock(new Block());
      nb.location = block.location;
      mapping.blocks.set(block, nb);
      for (const a of block.arguments) mapping.map(a, nb.addArgument(a.type, a.location));
    }
    state.regions.push(copy);
  }
  state.successors = op.successors.map((b) => mapping.blocks.get(b) ?? b);
  const clone = Operation.create(op.context, state);
  op.results.forEach((r, i) => mapping.map(r, clone.results[i]));
  op.regions.forEach((region, ri) => {
    region.blocks.forEach((block, bi) => {
      const nb = clone.regions[ri].blocks[bi];
      for (const child of block.operations) nb.append(cloneOperation(child, mapping));
    });
  });
  return clone;
}
