/**
 * Resolves the C++ class names that ODS predicates test (`isa<mpi::CommType>`,
 * `isa<arith::CmpIPredicateAttr>`) to what numaccl's IR holds: a dialect
 * type/attribute by mnemonic, or an integer attribute restricted to enum cases.
 */
import type { OdsDialect } from './schema.js';

export type DialectClass =
  /** `!dialect.mnemonic...` or `#dialect.mnemonic...`. */
  | { readonly kind: 'dialectType' | 'dialectAttr'; readonly dialect: string; readonly mnemonic: string }
  /** An `IntegerAttr` of `width` bits holding one of `values` (specialised integer enum attributes). */
  | { readonly kind: 'intEnum'; readonly width: number; readonly values: readonly number[] };

export type ClassTable = ReadonlyMap<string, DialectClass>;

/** `mlir::tosa` + `shapeType` → `tosa::shapeType` (the spelling predicates use). */
function qualified(namespace: string, cls: string): string {
  const ns = namespace.replace(/^::/, '').replace(/^mlir(::|$)/, '');
  return ns ? `${ns}::${cls.replace(/^::/, '')}` : cls;
}

export function buildClassTable(dialects: readonly OdsDialect[]): ClassTable {
  const table = new Map<string, DialectClass>();
  for (const d of dialects) {
    for (const t of Object.values(d.typeDefs))
      if (t.mnemonic) table.set(qualified(d.cppNamespace, t.cppClass), { kind: 'dialectType', dialect: d.name, mnemonic: t.mnemonic });
    for (const a of Object.values(d.attrDefs))
      if (a.mnemonic) table.set(qualified(d.cppNamespace, a.cppClass), { kind: 'dialectAttr', dialect: d.name, mnemonic: a.mnemonic });
    for (const c of Object.values(d.constraints)) {
      if (c.kind !== 'attr' || !c.enum || c.attrDef || !c.cppClass) continue;
      const e = d.enums[c.enum];
      if (!e || e.bitEnum) continue;
      const cls = c.cppClass.replace(/^::/, '').replace(/^mlir::/, '');
      table.set(cls, { kind: 'intEnum', width: e.bitwidth, values: e.cases.map((x) => x.value) });
    }
  }
  return table;
}
