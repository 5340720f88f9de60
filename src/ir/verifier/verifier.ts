import type { Operation } from '../core/operation.js';
import type { Block } from '../core/block.js';
import type { Region } from '../core/region.js';
import type { Value } from '../core/value.js';
import type { Location } from '../attributes/location.js';
import { fileLineColOf } from '../attributes/location.js';
import type { Attribute } from '../attributes/attribute.js';
import type { Type } from '../types/type.js';
import type { VerifyContext } from '../core/dialect.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { printType } from '../printer/types.js';
import { printAttribute } from '../printer/attributes.js';
import { RegionDominance } from './dominance.js';
import { symbolTablesInScope, verifySymbolTable } from './symbol-tables.js';

type Note = { location?: Location; message: string };

function diagnostic(severity: Severity, location: Location | undefined, message: string, notes: readonly Note[] = []): Diagnostic {
  const pos = location ? fileLineColOf(location) : undefined;
  return {
    severity,
    message,
    position: pos ? { file: pos.file, line: pos.line, col: pos.col } : undefined,
    notes: notes.map((n) => diagnostic('note', n.location, n.message)),
  };
}

/** Collects diagnostics; `failed` tells the walk to stop the current scope, as MLIR does. */
class Collector implements VerifyContext {
  readonly diagnostics: Diagnostic[] = [];
  failed = false;
  emitOpError(op: Operation, message: string, notes?: readonly Note[]): void {
    this.emitError(op.location, `'${op.name}' op ${message}`, notes);
  }
  emitError(location: Location, message: string, notes?: readonly Note[]): void {
    if (this.failed) return; // first error of a scope only, like MLIR's verifier
    this.failed = true;
    this.diagnostics.push(diagnostic('error', location, message, notes));
  }
  emitWarning(location: Location, message: string): void {
    this.diagnostics.push(diagnostic('warning', location, message));
  }
  printType(type: Type): string {
    return printType(type);
  }
  printAttribute(attr: Attribute): string {
    return printAttribute(attr);
  }
}

function isTerminatorCandidate(op: Operation): boolean {
  return !op.isRegistered || op.hasTrait('IsTerminator');
}

function mayBeValidWithoutTerminator(op: Operation): boolean {
  return !op.isRegistered || op.hasTrait('NoTerminator');
}

function hasSSADominance(op: Operation, index: number): boolean {
  if (!op.isRegistered) return false;
  return (op.definition?.regionKind?.(index) ?? 'ssa') === 'ssa';
}

/**
 * MLIR's operation verifier: structure, terminators, successors, op and ODS
 * verifiers, then SSA dominance and region isolation. Each IsolatedFromAbove
 * op is its own scope and reports its first error; sibling scopes are all
 * verified, so independent functions each report their errors.
 */
export class Verifier {
  readonly diagnostics: Diagnostic[] = [];

  verify(root: Operation): Diagnostic[] {
    try {
      this.verifyScope(root);
    } catch (e) {
      if (e instanceof RangeError) this.diagnostics.push(diagnostic('error', root.location, 'IR nesting is too deep to verify'));
      else throw e;
    }
    return this.diagnostics;
  }

  private verifyScope(root: Operation): boolean {
    const c = new Collector();
    const nested: Operation[] = [];
    this.walk(root, root, c, nested);
    if (!c.failed) this.checkDominance(root, root, c);
    this.diagnostics.push(...c.diagnostics);
    if (c.failed) return false;
    let ok = true;
    for (const n of nested) ok = this.verifyScope(n) && ok;
    if (!ok) return false;
    // Region invariants MLIR checks on leaving an op, once its isolated children verified: symbol tables.
    const after = new Collector();
    for (const table of symbolTablesInScope(root)) {
      verifySymbolTable(table, after);
      if (after.failed) break;
    }
    this.diagnostics.push(...after.diagnostics);
    return !after.failed;
  }

  private walk(op: Operation, scopeRoot: Operation, c: Collector, nested: Operation[]): void {
    this.verifyOp(op, c);
    if (c.failed) return;
    op.regions.forEach((region) => {
      if (c.failed) return;
      region.blocks.forEach((block, bi) => {
        if (c.failed) return;
        this.verifyBlock(op, region, block, bi, c);
        for (let child = block.firstOp; child; child = child.nextOp) {
          if (c.failed) return;
          if (child.hasTrait('IsolatedFromAbove')) {
            this.verifyOpSuccessors(child, c);
            nested.push(child);
          } else this.walk(child, scopeRoot, c, nested);
        }
        // MLIR's verifyOnExit(Block): the terminator is checked once the block's ops are verified.
        if (!c.failed) this.verifyTerminator(op, block, c);
      });
    });
    if (!c.failed && op.definition?.verifyRegions) op.definition.verifyRegions(op, c);
  }

  private verifyOp(op: Operation, c: Collector): void {
    this.verifyOpSuccessors(op, c);
    if (c.failed) return;
    if (!op.isRegistered) {
      const dot = op.name.indexOf('.');
      const dialect = dot > 0 ? op.name.slice(0, dot) : '';
      if (dialect && op.context.isRegisteredDialect(dialect)) {
        return c.emitError(op.location, `unregistered operation '${op.name}' found in dialect ('${dialect}') that does not allow unknown operations`);
      }
    }
    if (op.hasTrait('IsTerminator') && op.parentBlock && op.parentBlock.lastOp !== op) {
      return c.emitOpError(op, 'must be the last operation in the parent block');
    }
    op.definition?.verify?.(op, c);
    if (c.failed) return;
    this.verifyParent(op, c);
  }

  private verifyOpSuccessors(op: Operation, c: Collector): void {
    if (op.successors.length === 0) return;
    if (op.parentBlock && op.parentBlock.lastOp !== op) {
      return c.emitError(op.location, 'operation with block successors must terminate its parent block');
    }
    for (const s of op.successors) {
      if (s.parentRegion !== op.parentRegion) return c.emitError(op.location, "branching to block of a different region");
    }
  }

  private verifyParent(op: Operation, c: Collector): void {
    const single = op.hasTrait('SingleBlock') || op.hasTrait('SingleBlockImplicitTerminator');
    if (single) {
      op.regions.forEach((r, i) => {
        if (r.blocks.length > 1) c.emitOpError(op, `expects region #${i} to have 0 or 1 blocks`);
      });
    }
    if (op.hasTrait('NoRegionArguments')) {
      op.regions.forEach((r, i) => {
        if (r.blocks[0] && r.blocks[0].arguments.length > 0) c.emitOpError(op, `region #${i} should have no arguments`);
      });
    }
  }

  private verifyBlock(op: Operation, region: Region, block: Block, index: number, c: Collector): void {
    if (index === 0) {
      for (const other of region.blocks) {
        if (other.successors.includes(block)) return c.emitError(op.location, 'entry block of region may not have predecessors');
      }
    }
    const last = block.lastOp;
    if (!last) {
      if (!mayBeValidWithoutTerminator(op)) c.emitError(op.location, 'empty block: expect at least a terminator');
      return;
    }
  }

  private verifyTerminator(op: Operation, block: Block, c: Collector): void {
    const last = block.lastOp;
    if (last && !isTerminatorCandidate(last) && !mayBeValidWithoutTerminator(op)) {
      c.emitError(last.location, `block with no terminator, has "${last.name}"`);
    }
  }

  /** Dominance and isolation for every use inside `root`'s scope. */
  private checkDominance(root: Operation, scope: Operation, c: Collector): void {
    const cache = new Map<Region, RegionDominance>();
    const dom = (r: Region): RegionDominance => {
      let d = cache.get(r);
      if (!d) cache.set(r, (d = new RegionDominance(r)));
      return d;
    };
    const visit = (op: Operation): void => {
      for (let i = 0; i < op.numOperands && !c.failed; i++) this.checkUse(op, i, op.operand(i), scope, dom, c);
      for (const region of op.regions) {
        for (const block of region.blocks) {
          for (let child = block.firstOp; child; child = child.nextOp) {
            if (c.failed) return;
            if (!child.hasTrait('IsolatedFromAbove')) visit(child);
            else for (let i = 0; i < child.numOperands && !c.failed; i++) this.checkUse(child, i, child.operand(i), scope, dom, c);
          }
        }
      }
    };
    for (const region of root.regions) for (const block of region.blocks) for (let child = block.firstOp; child; child = child.nextOp) {
      if (c.failed) return;
      if (!child.hasTrait('IsolatedFromAbove')) visit(child);
      else for (let i = 0; i < child.numOperands && !c.failed; i++) this.checkUse(child, i, child.operand(i), scope, dom, c);
    }
  }

  private checkUse(user: Operation, index: number, value: Value, scope: Operation, dom: (r: Region) => RegionDominance, c: Collector): void {
    const defBlock = value.parentBlock;
    const defRegion = defBlock?.parentRegion;
    if (!defBlock || !defRegion) return c.emitError(user.location, `operand #${index} does not dominate this use`);
    // Isolation: the value must be defined inside the scope op.
    if (scope.isRegistered && scope.hasTrait('IsolatedFromAbove') && !(defRegion.parentOp && scope.isAncestorOf(defRegion.parentOp))) {
      return c.emitOpError(user, 'using value defined outside the region', [{ location: scope.location, message: 'required by region isolation constraints' }]);
    }
    // Find the ancestor of the user in the value's region.
    let ancestor: Operation | null = user;
    while (ancestor && ancestor.parentRegion !== defRegion) ancestor = ancestor.parentOp;
    const defOp = value.definingOp;
    if (!ancestor) {
      return c.emitError(user.location, `operand #${index} does not dominate this use`, [{ location: defOp?.location, message: 'operand defined here (op is neither in a parent nor in a child region)' }]);
    }
    const regionOwner = defRegion.parentOp;
    if (!regionOwner || !hasSSADominance(regionOwner, defRegion.index)) return;
    const useBlock = ancestor.parentBlock!;
    let ok: boolean;
    if (useBlock === defBlock) ok = !defOp || (defOp !== ancestor && defOp.isBeforeInBlock(ancestor)) || (defOp !== ancestor ? false : false);
    else ok = dom(defRegion).dominates(defBlock, useBlock);
    // A value used inside its own defining op's region (e.g. a result used in the op's body) does not dominate.
    if (useBlock === defBlock && defOp === ancestor && ancestor !== user) ok = false;
    if (!ok) {
      const where = ancestor === user ? 'op in the same block' : 'op in a parent region';
      c.emitError(user.location, `operand #${index} does not dominate this use`, [{ location: defOp?.location ?? defBlock.location, message: `operand defined here (${defOp ? where : 'block argument'})` }]);
    }
  }
}

/** Verify an op tree; returns every diagnostic (empty when valid). */
export function verify(op: Operation): Diagnostic[] {
  return new Verifier().verify(op);
}
