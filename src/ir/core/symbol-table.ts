import type { Operation } from './operation.js';
import type { StringAttr } from '../attributes/attribute.js';

export function symbolName(op: Operation): string | undefined {
  const a = op.getAttr('sym_name');
  return a?.kind === 'string' ? (a as StringAttr).value : undefined;
}

/** The symbols directly inside a SymbolTable op (MLIR's SymbolTable). */
export class SymbolTable {
  private readonly symbols = new Map<string, Operation>();

  constructor(readonly op: Operation) {
    for (const region of op.regions) for (const block of region.blocks) for (const child of block.operations) {
      const name = symbolName(child);
      if (name !== undefined && !this.symbols.has(name)) this.symbols.set(name, child);
    }
  }

  lookup(name: string): Operation | undefined {
    return this.symbols.get(name);
  }

  /** Insert `symbolOp` at the end of the table's body, renaming it (`name_1`, …) if taken; returns the name used. */
  insert(symbolOp: Operation): string {
    let name = symbolName(symbolOp) ?? 'sym';
    if (this.symbols.has(name)) {
      let i = 1;
      while (this.symbols.has(`${name}_${i}`)) i++;
      name = `${name}_${i}`;
      symbolOp.setAttr('sym_name', symbolOp.context.stringAttr(name));
    }
    this.op.regions[0].blocks[0].append(symbolOp);
    this.symbols.set(name, symbolOp);
    return name;
  }

  /** The nearest enclosing symbol table's symbol `name`, searching outward from `from`. */
  static lookupNearest(from: Operation, name: string): Operation | undefined {
    for (let scope = from.parentOp; scope; scope = scope.parentOp) {
      if (scope.hasTrait('SymbolTable')) return new SymbolTable(scope).lookup(name);
    }
    return undefined;
  }
}
