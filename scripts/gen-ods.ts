/**
 * Regenerates `src/dialects/<dialect>/ods/generated.ts` from LLVM 22's ODS
 * `.td` files with `llvm-tblgen --dump-json`. The outputs are committed;
 * run `node scripts/gen-ods.ts [dialect...]` only to update them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OdsAttrOrTypeDef, OdsDialect, OdsEnum } from '../src/ir/ods/schema.ts';
import { ConstraintTable } from './ods/constraints.ts';
import { extractAttrOrTypeDef, extractEnum } from './ods/defs.ts';
import { formatValue, writeModule } from './ods/emit.ts';
import { extractOp } from './ods/ops.ts';
import { PredTranslator } from './ods/pred-tree.ts';
import { type Records, TBLGEN, bool, isA, loadRecords, ref, str } from './ods/records.ts';

interface DialectSource {
  readonly name: string;
  readonly td: readonly string[];
}

export const DIALECTS: readonly DialectSource[] = [
  {
    name: 'builtin',
    td: ['mlir/IR/BuiltinOps.td', 'mlir/IR/BuiltinTypes.td', 'mlir/IR/BuiltinAttributes.td', 'mlir/IR/BuiltinLocationAttributes.td'],
  },
  { name: 'func', td: ['mlir/Dialect/Func/IR/FuncOps.td'] },
  { name: 'arith', td: ['mlir/Dialect/Arith/IR/ArithOps.td'] },
  { name: 'tensor', td: ['mlir/Dialect/Tensor/IR/TensorOps.td'] },
  { name: 'tosa', td: ['mlir/Dialect/Tosa/IR/TosaOps.td'] },
  { name: 'mpi', td: ['mlir/Dialect/MPI/IR/MPIOps.td'] },
  { name: 'shard', td: ['mlir/Dialect/Shard/IR/ShardOps.td'] },
  { name: 'bufferization', td: ['mlir/Dialect/Bufferization/IR/BufferizationOps.td'] },
  { name: 'memref', td: ['mlir/Dialect/MemRef/IR/MemRefOps.td'] },
];

function dialectDef(records: Records, name: string): string {
  const d = records.instancesOf('Dialect').find((n) => str(records.get(n), 'name') === name);
  if (!d) throw new Error(`no Dialect record named '${name}'`);
  return d;
}

/** `mpi::CommType` → `!mpi.comm`, from every TypeDef with a mnemonic in the records. */
function typeNamer(records: Records): (cls: string) => string | null {
  const map = new Map<string, string>();
  for (const t of records.instancesOf('TypeDef')) {
    const r = records.get(t);
    const mnemonic = str(r, 'mnemonic');
    const dialect = ref(r, 'dialect');
    if (!mnemonic || !dialect) continue;
    const drec = records.get(dialect);
    // TypeDefs usually inherit the namespace of their dialect.
    const ns = (str(r, 'cppNamespace') ?? str(drec, 'cppNamespace') ?? '').replace(/^::/, '').replace(/^mlir::/, '');
    const dname = str(drec, 'name');
    const cls = `${ns ? `${ns}::` : ''}${str(r, 'cppClassName')}`;
    map.set(cls, `!${dname}.${mnemonic}`);
  }
  return (cls) => map.get(cls.replace(/^::/, '').replace(/^mlir::/, '')) ?? null;
}

export function generateDialect(src: DialectSource): OdsDialect {
  const records = loadRecords(src.td);
  const ddef = dialectDef(records, src.name);
  const drec = records.get(ddef);
  const useProperties = drec.usePropertiesForAttributes === undefined ? true : bool(drec, 'usePropertiesForAttributes');
  const constraints = new ConstraintTable(records, typeNamer(records));
  const preds = new PredTranslator(records);
  const ctx = { records, constraints, preds, dialectName: src.name, useProperties };
  const ops = records
    .instancesOf('Op')
    .filter((n) => ref(records.get(n), 'opDialect') === ddef)
    .map((n) => extractOp(ctx, n))
    .sort((a, b) => a.name.localeCompare(b.name));

  const ofDialect = (cls: string) =>
    records
      .instancesOf(cls)
      .map((n) => records.get(n))
      .filter((r) => ref(r, 'dialect') === ddef);
  const attrRecs = ofDialect('AttrDef');
  const attrDefs: Record<string, OdsAttrOrTypeDef> = {};
  for (const r of attrRecs) {
    attrDefs[r['!name']] = extractAttrOrTypeDef(records, r, 'attr');
    if (isA(r, 'EnumAttr')) constraints.add(r['!name']);
  }
  const typeDefs: Record<string, OdsAttrOrTypeDef> = {};
  for (const r of ofDialect('TypeDef')) typeDefs[r['!name']] = extractAttrOrTypeDef(records, r, 'type');

  // Enums: those the dialect's constraints reference, plus all in its C++ namespace.
  const ns = (str(drec, 'cppNamespace') ?? '').replace(/^::/, '');
  const enumNames = new Set(constraints.enumRecords);
  for (const e of records.instancesOf('EnumInfo')) {
    const r = records.get(e);
    if (ns && (str(r, 'cppNamespace') ?? '').replace(/^::/, '') === ns) enumNames.add(e);
  }
  const enums: Record<string, OdsEnum> = {};
  for (const e of [...enumNames].sort()) {
    const en = extractEnum(records, records.get(e), attrRecs);
    enums[en.name] = en;
  }
  linkEnumParameters([...Object.values(attrDefs), ...Object.values(typeDefs)], enums);
  return {
    name: src.name,
    cppNamespace: ns,
    usePropertiesForAttributes: useProperties,
    ops,
    constraints: sortKeys(constraints.entries),
    enums,
    attrDefs,
    typeDefs,
  };
}

/** Marks def parameters whose C++ type is one of the dialect's enums (or an ArrayRef of one). */
function linkEnumParameters(defs: OdsAttrOrTypeDef[], enums: Record<string, OdsEnum>): void {
  for (const def of defs) {
    (def as { parameters: OdsAttrOrTypeDef['parameters'] }).parameters = def.parameters.map((p) => {
      const m = /^(?:::llvm::)?ArrayRef<(.+)>$/.exec(p.cppType);
      const base = (m ? m[1] : p.cppType).replace(/^.*::/, '');
      return enums[base] ? { ...p, enum: base, ...(m ? { enumArray: true } : {}) } : p;
    });
  }
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

export function exportName(dialect: string): string {
  return `${dialect}Ods`;
}

const USAGE = `usage: node scripts/gen-ods.ts [dialect...]
Regenerates src/dialects/<dialect>/ods/generated.ts from LLVM 22's ODS files
with llvm-tblgen --dump-json. Dialects: ${DIALECTS.map((d) => d.name).join(', ')} (default: all).`;

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(TBLGEN)) {
    console.error(`gen-ods: ${TBLGEN} not found (install llvm-22 / libmlir-22-dev)`);
    return 1;
  }
  const wanted = argv.length > 0 ? DIALECTS.filter((d) => argv.includes(d.name)) : DIALECTS;
  if (argv.some((a) => !DIALECTS.some((d) => d.name === a))) {
    console.error(`gen-ods: unknown dialect in ${argv.join(' ')}; known: ${DIALECTS.map((d) => d.name).join(', ')}`);
    return 1;
  }
  const root = join(import.meta.dirname, '..');
  for (const src of wanted) {
    const data = generateDialect(src);
    const header =
      `// Generated by scripts/gen-ods.ts from LLVM 22 ODS (${src.td.join(', ')}).\n` +
      `// Do not edit by hand; rerun \`node scripts/gen-ods.ts ${src.name}\`.\n` +
      `import type { OdsDialect } from '../../../ir/ods/index.js';\n`;
    const body = `export const ${exportName(src.name)}: OdsDialect = ${formatValue(data)};`;
    writeModule(join(root, 'src', 'dialects', src.name, 'ods', 'generated.ts'), header, body);
    console.log(`${src.name}: ${data.ops.length} ops, ${Object.keys(data.constraints).length} constraints`);
  }
  return 0;
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`gen-ods: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
