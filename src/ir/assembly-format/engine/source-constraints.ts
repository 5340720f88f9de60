import { buildClassTable, evaluatePred, type ClassTable, type OdsConstraint, type OdsDialect } from '../../ods/index.js';
import type { OpAsmParser } from '../../core/dialect.js';
import type { Type } from '../../types/type.js';
import type { TypeSource } from '../syntax/index.js';
import type { FormatOp } from './format-op.js';

const classTables = new WeakMap<OdsDialect, ClassTable>();

function classesOf(dialect: OdsDialect): ClassTable {
  let t = classTables.get(dialect);
  if (!t) classTables.set(dialect, (t = buildClassTable([dialect])));
  return t;
}

/**
 * MLIR's generated parsers check the type constraint of every value whose
 * written type feeds a `TypesMatchWith` (the transformer may rely on it),
 * before any type is derived: `custom op 'arith.cmpi' 'lhs' must be
 * signless-integer-like, but got 'f32'`, at the op name.
 */
export function checkTransformSources(p: OpAsmParser, f: FormatOp, typesOf: (kind: 'operand' | 'result', index: number) => readonly Type[]): void {
  for (const { kind, index, name, constraint } of transformSourcesOf(f)) {
    for (const t of typesOf(kind, index)) {
      if (evaluatePred(constraint.pred, t, { classes: classesOf(f.dialect) }) !== false) continue;
      const text = p.typeText ? p.typeText(t) : t.kind;
      p.fail(`custom op '${p.opName}' '${name}' must be ${constraint.summary}, but got '${text}'`, p.nameOffset >= 0 ? p.nameOffset : undefined);
    }
  }
}

interface TransformSource {
  readonly kind: 'operand' | 'result';
  readonly index: number;
  readonly name: string;
  readonly constraint: OdsConstraint;
}

const transformSources = new WeakMap<FormatOp, readonly TransformSource[]>();

/** The written values whose types feed a transformer, with their constraints (once per format). */
function transformSourcesOf(f: FormatOp): readonly TransformSource[] {
  let list = transformSources.get(f);
  if (list) return list;
  const { ods, dialect, bound } = f;
  const seen = new Set<string>();
  const found: TransformSource[] = [];
  for (const s of [...bound.resultTypes, ...bound.operandTypes] as TypeSource[]) {
    if (s.kind !== 'transformed' || s.ref.kind === 'attribute') continue;
    const kind = s.ref.kind;
    const key = `${kind}${s.ref.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const own = (kind === 'operand' ? bound.operandTypes : bound.resultTypes)[s.ref.index];
    if (own?.kind !== 'format') continue;
    const decl = kind === 'operand' ? ods.operands[s.ref.index] : ods.results[s.ref.index];
    const constraint = decl ? dialect.constraints[decl.constraint] : undefined;
    if (decl && constraint) found.push({ kind, index: s.ref.index, name: decl.name, constraint });
  }
  transformSources.set(f, (list = found));
  return list;
}

/** Builtin C++ type classes a format's `type($x)` is parsed as: the kinds they accept and their static name. */
const TYPE_CLASSES: ReadonlyMap<string, { kinds: readonly string[]; name?: string }> = new Map([
  ['RankedTensorType', { kinds: ['tensor'], name: 'builtin.tensor' }],
  ['UnrankedTensorType', { kinds: ['unranked_tensor'], name: 'builtin.unranked_tensor' }],
  ['TensorType', { kinds: ['tensor', 'unranked_tensor'] }],
  ['MemRefType', { kinds: ['memref'], name: 'builtin.memref' }],
  ['UnrankedMemRefType', { kinds: ['unranked_memref'], name: 'builtin.unranked_memref' }],
  ['BaseMemRefType', { kinds: ['memref', 'unranked_memref'] }],
  ['VectorType', { kinds: ['vector'], name: 'builtin.vector' }],
  ['FunctionType', { kinds: ['function'], name: 'builtin.function' }],
  ['IntegerType', { kinds: ['integer'], name: 'builtin.integer' }],
  ['IndexType', { kinds: ['index'], name: 'builtin.index' }],
  ['ComplexType', { kinds: ['complex'], name: 'builtin.complex' }],
  ['TupleType', { kinds: ['tuple'], name: 'builtin.tuple' }],
]);

const typeClasses = new WeakMap<FormatOp, Map<string, { kinds: readonly string[]; name?: string } | undefined>>();

/** The builtin type class `valueName` is parsed as, if any (cached per format and name). */
function typeClassOf(f: FormatOp, valueName: string): { kinds: readonly string[]; name?: string } | undefined {
  let byName = typeClasses.get(f);
  if (!byName) typeClasses.set(f, (byName = new Map()));
  if (byName.has(valueName)) return byName.get(valueName);
  const decl = f.ods.operands.find((d) => d.name === valueName) ?? f.ods.results.find((d) => d.name === valueName);
  const cls = decl?.kind === 'single' ? f.dialect.constraints[decl.constraint]?.cppClass?.replace(/^(::)?mlir::/, '') : undefined;
  const info = cls ? TYPE_CLASSES.get(cls) : undefined;
  byName.set(valueName, info);
  return info;
}

/**
 * `type($x)` of a single value whose constraint names a builtin C++ type
 * class is parsed as that class (OpAsmParser::parseType<TypeT>): another kind
 * of type is rejected where it was written, with MLIR's wording.
 */
export function checkTypeClass(p: OpAsmParser, f: FormatOp, valueName: string, type: Type, offset: number): void {
  const info = typeClassOf(f, valueName);
  if (!info || info.kinds.includes(type.kind)) return;
  const found = p.typeText ? p.typeText(type) : type.kind;
  p.fail(`custom op '${p.opName}' invalid kind of type specified${info.name ? `: expected ${info.name}, but found '${found}'` : ''}`, offset);
}
