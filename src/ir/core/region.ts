import { Block } from './block.js';
import type { Operation } from './operation.js';

/** A list of blocks owned by an operation. */
export class Region {
  readonly blocks: Block[] = [];
  /** @internal */ parentOp: Operation | null = null;

  get parent(): Operation | null {
    return this.parentOp;
  }
  get isEmpty(): boolean {
    return this.blocks.length === 0;
  }
  get entryBlock(): Block | undefined {
    return this.blocks[0];
  }

  appendBlock(block: Block = new Block()): Block {
    block.parent = this;
    this.blocks.push(block);
    return block;
  }

  insertBlock(index: number, block: Block): Block {
    block.parent = this;
    this.blocks.splice(index, 0, block);
    return block;
  }

  /** @internal */ removeBlock(block: Block): void {
    const i = this.blocks.indexOf(block);
    if (i >= 0) this.blocks.splice(i, 1);
    block.parent = null;
  }

  /** Move all blocks of `other` to the end of this region. */
  takeBody(other: Region): void {
    for (const b of other.blocks) {
      b.parent = this;
      this.blocks.push(b);
    }
    other.blocks.length = 0;
  }

  /** Index of this region in its parent op. */
  get index(): number {
    return this.parentOp ? this.parentOp.regions.indexOf(this) : -1;
  }
}
