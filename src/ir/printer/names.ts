import type { Operation } from '../core/operation.js';
import type { Region } from '../core/region.js';
import type { Block } from '../core/block.js';
import type { Value } from '../core/value.js';

/**
 * SSA and block names as MLIR prints them: `%0`, `%arg0`, `^bb0`, numbered
 * per IsolatedFromAbove scope; multi-result ops get `%N:k` and uses `%N#i`.
 */
export class NameState {
  private readonly values = new Map<Value, string>();
  private readonly blocks = new Map<Block, string>();
  /** Multi-result groups: result value → index in its group. */
  private readonly resultGroup = new Map<Operation, string>();

  constructor(root: Operation) {
    this.numberOp(root, { nextValue: 0, nextArg: 0 }, true);
  }

  private numberOp(op: Operation, scope: { nextValue: number; nextArg: number }, isRoot = false): void {
    const results = op.results;
    if (results.length > 0) {
      const name = `%${scope.nextValue++}`;
      this.resultGroup.set(op, name);
      if (results.length === 1) this.values.set(results[0], name);
      else for (let i = 0; i < results.length; i++) this.values.set(results[i], `${name}#${i}`);
    }
    if (op.regions.length === 0) return;
    const isolated = isRoot || (op.definition?.traits.has('IsolatedFromAbove') ?? false);
    const inner = isolated ? { nextValue: 0, nextArg: 0 } : scope;
    for (const region of op.regions) this.numberRegion(region, inner);
  }

  private numberRegion(region: Region, scope: { nextValue: number; nextArg: number }): void {
    let nextBlock = 0;
    region.blocks.forEach((block, bi) => {
      this.blocks.set(block, `^bb${nextBlock++}`);
      for (const arg of block.arguments) {
        this.values.set(arg, bi === 0 ? `%arg${scope.nextArg++}` : `%${scope.nextValue++}`);
      }
      for (let op = block.firstOp; op; op = op.nextOp) this.numberOp(op, scope);
    });
  }

  valueName(v: Value): string {
    return this.values.get(v) ?? '<<UNKNOWN SSA VALUE>>';
  }

  /** `%0` or `%0:3` for the result list of `op`. */
  resultList(op: Operation): string {
    const name = this.resultGroup.get(op) ?? '%<<UNNAMED>>';
    return op.results.length > 1 ? `${name}:${op.results.length}` : name;
  }

  blockName(b: Block): string {
    return this.blocks.get(b) ?? '^<<UNKNOWN BLOCK>>';
  }
}
