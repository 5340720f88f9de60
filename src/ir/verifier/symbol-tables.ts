import type { Operation } from '../core/operation.js';
import type { VerifyContext } from '../core/dialect.js';

/** A verify context that knows whether an error was already reported. */
export interface ScopeContext extends VerifyContext {
  readonly failed: boolean;
}

/**
 * SymbolTable ops in `root`'s verification scope (root included), innermost
 * first: MLIR checks a symbol table when it leaves the op, after everything
 * nested in it. Isolated ops below the root are scopes of their own.
 */
export function symbolTablesInScope(root: Operation): Operation[] {
  const out: Operation[] = [];
  const visit = (op: Operation, isRoot: boolean): void => {
    if (!isRoot && op.hasTrait('IsolatedFromAbove')) return;
    for (const region of op.regions) for (const block of region.blocks) for (let child = block.firstOp; child; child = child.nextOp) visit(child, false);
    if (op.hasTrait('SymbolTable')) out.push(op);
  };
  visit(root, true);
  return out;
}

/**
 * MLIR's verifySymbolTable: unique symbol names in the table, then every
 * symbol user nested in it (not inside nested symbol tables, which check
 * their own) through its `verifySymbolUses` hook.
 */
export function verifySymbolTable(table: Operation, c: ScopeContext): void {
  for (const region of table.regions) {
    const seen = new Map<string, Operation>();
    for (const block of region.blocks) {
      for (let child = block.firstOp; child; child = child.nextOp) {
        const sym = child.getAttr('sym_name');
        if (sym?.kind !== 'string') continue;
        const name = (sym as unknown as { value: string }).value;
        const prior = seen.get(name);
        if (prior) {
          return c.emitError(child.location, `redefinition of symbol named '${name}'`, [{ location: prior.location, message: 'see existing symbol definition here' }]);
        }
        seen.set(name, child);
      }
    }
  }
  const visit = (op: Operation): void => {
    for (const region of op.regions) {
      for (const block of region.blocks) {
        for (let child = block.firstOp; child; child = child.nextOp) {
          if (c.failed) return;
          child.definition?.verifySymbolUses?.(child, c);
          if (!c.failed && !child.hasTrait('SymbolTable')) visit(child);
        }
      }
    }
  };
  visit(table);
}
