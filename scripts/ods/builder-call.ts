/**
 * Maps the C++ `builderCall` of buildable type constraints (`I32`, `Index`,
 * `MPI_Comm`...) to MLIR type text, which declarative formats rely on to
 * omit `type($x)`.
 */
import { FLOAT_CLASS_SPELLINGS } from './float-classes.ts';

/** Resolves a C++ type class (without `::mlir::`) to `!dialect.mnemonic`, if known. */
export type TypeNamer = (cppClass: string) => string | null;

export function typeFromBuilderCall(call: string, namer: TypeNamer): string | null {
  const c = call.replace(/::mlir::|\bmlir::/g, '').replace(/\s+/g, '');
  if (c === '') return null;
  let m = /^\$_builder\.getIntegerType\((\d+)(?:,\/\*isSigned=\*\/(true|false))?\)$/.exec(c);
  if (m) return `${m[2] === 'true' ? 'si' : m[2] === 'false' ? 'ui' : 'i'}${m[1]}`;
  if (c === '$_builder.getIndexType()') return 'index';
  m = /^\$_builder\.get(F16|BF16|F32|F64|F80|F128)Type\(\)$/.exec(c);
  if (m) return m[1].toLowerCase();
  m = /^\$_builder\.getType<([\w:]+)>\(\)$/.exec(c);
  if (m) return classToType(m[1], namer);
  if (c === 'RankedTensorType::get({ShapedType::kDynamic},$_builder.getType<IndexType>())') return 'tensor<?xindex>';
  return null;
}

function classToType(cls: string, namer: TypeNamer): string | null {
  if (cls in FLOAT_CLASS_SPELLINGS) return FLOAT_CLASS_SPELLINGS[cls];
  if (cls === 'IndexType') return 'index';
  if (cls === 'NoneType') return 'none';
  return namer(cls);
}
