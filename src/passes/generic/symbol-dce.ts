/**
 * `symbol-dce`: erases private symbols (`sym_visibility = "private"` or
 * `"nested"`) that no live op references, in every symbol table. Public
 * symbols are live; a symbol's references make their targets live.
 */
import type { Attribute, Operation } from '../../ir/index.js';
import { definePass } from '../registry/index.js';

function symbolName(op: Operation): string | undefined {
  const a = op.getAttr('sym_name') as { value?: unknown } | undefined;
  return typeof a?.value === 'string' ? a.value : undefined;
}

function isPrivate(op: Operation): boolean {
  const v = (op.getAttr('sym_visibility') as { value?: unknown } | undefined)?.value;
  return v === 'private' || v === 'nested';
}

function collectRefs(attr: Attribute, out: Set<string>): void {
  const a = attr as { kind: string; root?: string; elements?: readonly Attribute[]; entries?: readonly { value: Attribute }[] };
  if (a.kind === 'symbol_ref' && a.root) out.add(a.root);
  else if (a.kind === 'array') for (const e of a.elements ?? []) collectRefs(e, out);
  else if (a.kind === 'dictionary') for (const e of a.entries ?? []) collectRefs(e.value, out);
}

/** Symbols referenced from `op` and everything nested in it (except its own name). */
function referencesIn(op: Operation): Set<string> {
  const refs = new Set<string>();
  op.walk((o) => {
    collectRefs(o.properties, refs);
    collectRefs(o.attributes, refs);
  });
  return refs;
}

/** Erases dead private symbols directly inside symbol-table ops nested in (and including) `root`. */
export function eliminateDeadSymbols(root: Operation): number {
  let erased = 0;
  const tables: Operation[] = [];
  root.walk((op) => {
    if (op.hasTrait('SymbolTable')) tables.push(op);
  });
  for (const table of tables) {
    // A table inside a symbol erased earlier in this walk is gone already.
    if (table !== root && !root.isAncestorOf(table)) continue;
    const symbols = new Map<string, Operation>();
    const others: Operation[] = [];
    for (const r of table.regions) {
      for (const b of r.blocks) {
        for (const op of b.operations) {
          const name = symbolName(op);
          if (name !== undefined && op.hasTrait('Symbol')) symbols.set(name, op);
          else others.push(op);
        }
      }
    }
    const live = new Set<string>();
    const work: string[] = [];
    const mark = (refs: Iterable<string>): void => {
      for (const n of refs) if (!live.has(n) && symbols.has(n)) (live.add(n), work.push(n));
    };
    for (const [name, op] of symbols) if (!isPrivate(op)) mark([name]);
    for (const op of others) mark(referencesIn(op));
    // References from outside the table (the table's own attributes, enclosing ops) keep symbols alive too.
    for (let p: Operation | null = table; p; p = p.parentOp) {
      const refs = new Set<string>();
      collectRefs(p.properties, refs);
      collectRefs(p.attributes, refs);
      mark(refs);
    }
    while (work.length) mark(referencesIn(symbols.get(work.pop()!)!));
    for (const [name, op] of symbols) {
      if (live.has(name)) continue;
      op.erase();
      erased++;
    }
  }
  return erased;
}

export const symbolDcePass = definePass({
  argument: 'symbol-dce',
  summary: 'Eliminate dead symbols',
  description: 'Erases private symbols that are not referenced from any live operation.',
  displayName: 'SymbolDCE',
  create: () => ({
    run(op) {
      eliminateDeadSymbols(op);
    },
  }),
});
