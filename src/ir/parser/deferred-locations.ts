import type { Attribute } from '../attributes/attribute.js';
import type { Location } from '../attributes/location.js';
import type { Block } from '../core/block.js';
import type { Operation } from '../core/operation.js';
import type { ParserState } from './state.js';

/**
 * `loc(#alias)` on an op or block argument may name an alias defined later in
 * the file (MLIR's deferred locations). Until the file is read the location
 * is a unique placeholder; `resolve` swaps in the alias's value, reporting
 * MLIR's "operation location alias was never defined" at the use otherwise.
 */
export class DeferredLocations {
  private readonly pending = new Map<Location, { offset: number; name: string }>();

  /** `#name` (current token) inside `loc(...)`: its location now, or a placeholder. */
  parseAlias(p: ParserState): Location {
    const t = p.next();
    const name = t.text.slice(1);
    const attr = p.attributeAliases.get(name);
    if (attr) return asLocation(p, attr, t.offset);
    const marker = p.context.nameLoc(`\u0000deferred location ${this.pending.size}`);
    this.pending.set(marker, { offset: t.offset, name });
    return marker;
  }

  /** Replace every placeholder under `block` (ops, block arguments, nested regions). */
  resolve(p: ParserState, block: Block): void {
    if (this.pending.size === 0) return;
    const fix = (loc: Location): Location => {
      const info = this.pending.get(loc);
      if (!info) return loc;
      const attr = p.attributeAliases.get(info.name);
      if (!attr) return p.fail('operation location alias was never defined', info.offset);
      return asLocation(p, attr, info.offset);
    };
    const visitBlock = (b: Block): void => {
      for (const arg of b.arguments) arg.location = fix(arg.location);
      for (const op of b.operations) visitOp(op);
    };
    const visitOp = (op: Operation): void => {
      op.location = fix(op.location);
      for (const region of op.regions) for (const b of region.blocks) visitBlock(b);
    };
    visitBlock(block);
  }
}

function asLocation(p: ParserState, attr: Attribute, offset: number): Location {
  if (attr.kind === 'location') return attr as Location;
  return p.fail(`expected location, but found '${p.printAttribute ? p.printAttribute(attr) : attr.kind}'`, offset);
}
