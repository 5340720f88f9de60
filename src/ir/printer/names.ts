import type { Operation } from '../core/operation.js';
import type { Region } from '../core/region.js';
import type { Block } from '../core/block.js';
import type { Value } from '../core/value.js';

interface Counters {
  nextValue: number;
  nextArg: number;
}

let nextEpoch = 1;

/**
 * SSA and block names as MLIR prints them: `%0`, `%arg0`, `^bb0`;
 * multi-result ops get `%N:k` and uses `%N#i`.
 */
export class NameState {
  private readonly blocks = new Map<Block, string>();
  /** This print's number, stamped on the values it names. */
  private readonly epoch = nextEpoch++;
  /** Names of multi-result groups (single results carry their own name). */
  private readonly resultGroup = new Map<Operation, string>();

  constructor(root: Operation) {
    this.nameResults(root, { nextValue: 0, nextArg: 0 });
    for (const region of root.regions) this.numberRegion(region, { nextValue: 0, nextArg: 0 });
  }

  private nameResults(op: Operation, scope: Counters): void {
    const results = op.results;
    if (results.length === 0) return;
    const name = `%${scope.nextValue++}`;
    if (results.length === 1) {
      this.setName(results[0], name);
      return;
    }
    this.resultGroup.set(op, name);
    for (let i = 0; i < results.length; i++) this.setName(results[i], `${name}#${i}`);
  }

  /**
   * As MLIR's SSANameState: a region's own block arguments and results are
   * numbered first, then its nested regions. A nested IsolatedFromAbove op
   * continues from the current counters and restores them afterwards, so
   * sibling functions restart at the same number and never reuse a name
   * that is visible from an enclosing region.
   */
  private numberRegion(region: Region, scope: Counters): void {
    region.blocks.forEach((block, bi) => {
      this.blocks.set(block, `^bb${bi}`);
      for (const arg of block.arguments) this.setName(arg, bi === 0 ? `%arg${scope.nextArg++}` : `%${scope.nextValue++}`);
      for (let op = block.firstOp; op; op = op.nextOp) this.nameResults(op, scope);
    });
    for (const block of region.blocks) {
      for (let op = block.firstOp; op; op = op.nextOp) {
        if (op.regions.length === 0) continue;
        const isolated = op.definition?.traits.has('IsolatedFromAbove') ?? false;
        const inner = isolated ? { ...scope } : scope;
        for (const r of op.regions) this.numberRegion(r, inner);
      }
    }
  }

  private setName(v: Value, name: string): void {
    v.printName = name;
    v.printEpoch = this.epoch;
  }

  /** The name this print gave `v`, if any. */
  private nameOf(v: Value): string | undefined {
    return v.printEpoch === this.epoch ? v.printName : undefined;
  }

  valueName(v: Value): string {
    return this.nameOf(v) ?? '<<UNKNOWN SSA VALUE>>';
  }

  /** `%0` or `%0:3` for the result list of `op`. */
  resultList(op: Operation): string {
    if (op.results.length === 1) return this.nameOf(op.results[0]) ?? '%<<UNNAMED>>';
    return `${this.resultGroup.get(op) ?? '%<<UNNAMED>>'}:${op.results.length}`;
  }

  blockName(b: Block): string {
    return this.blocks.get(b) ?? '^<<UNKNOWN BLOCK>>';
  }
}
