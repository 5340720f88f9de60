import type { OdsDialect, OdsOp } from '../../ods/index.js';
import type { Attribute, DenseArrayAttr, DialectAttr, IntegerAttr, SymbolRefAttr } from '../../attributes/attribute.js';

const BUILTIN_KINDS: ReadonlySet<string> = new Set([
  'integer', 'float', 'string', 'unit', 'array', 'dense_array', 'dictionary', 'type', 'symbol_ref', 'affine_map',
  'integer_set', 'dense', 'dense_string', 'dense_resource', 'sparse', 'strided', 'distinct', 'location',
]);

const UNTYPED_KINDS: ReadonlySet<string> = new Set(['array', 'dictionary', 'type', 'symbol_ref', 'unit', 'affine_map', 'integer_set', 'location']);

const DENSE_ARRAY_ELEMENT: Readonly<Record<string, string>> = {
  DenseBoolArrayAttr: 'i1',
  DenseI8ArrayAttr: 'i8',
  DenseI16ArrayAttr: 'i16',
  DenseI32ArrayAttr: 'i32',
  DenseI64ArrayAttr: 'i64',
  DenseF32ArrayAttr: 'f32',
  DenseF64ArrayAttr: 'f64',
};

function elementTypeName(a: DenseArrayAttr): string {
  const t = a.elementType as unknown as { kind: string; width?: number; floatKind?: string };
  return t.kind === 'integer' ? `i${t.width}` : (t.floatKind ?? t.kind);
}

/** Does `value` have the builtin storage class `cls`? undefined when the class is not one we can decide. */
function isOfBuiltinClass(cls: string, value: Attribute): boolean | undefined {
  switch (cls) {
    case 'IntegerAttr':
      return value.kind === 'integer';
    case 'BoolAttr':
      return value.kind === 'integer' && (value as IntegerAttr).type.kind === 'integer' && (value as unknown as { type: { width: number } }).type.width === 1;
    case 'FloatAttr':
      return value.kind === 'float';
    case 'StringAttr':
      return value.kind === 'string';
    case 'UnitAttr':
      return value.kind === 'unit';
    case 'ArrayAttr':
      return value.kind === 'array';
    case 'DictionaryAttr':
      return value.kind === 'dictionary';
    case 'TypeAttr':
      return value.kind === 'type';
    case 'SymbolRefAttr':
      return value.kind === 'symbol_ref';
    case 'FlatSymbolRefAttr':
      return value.kind === 'symbol_ref' && (value as SymbolRefAttr).nested.length === 0;
    case 'AffineMapAttr':
      return value.kind === 'affine_map';
    case 'TypedAttr':
      // Attributes that certainly carry no type (TypedAttrInterface); dialect attributes may.
      return !UNTYPED_KINDS.has(value.kind);
  }
  const element = DENSE_ARRAY_ELEMENT[cls];
  if (element) return value.kind === 'dense_array' && elementTypeName(value as DenseArrayAttr) === element;
  return undefined;
}

/**
 * MLIR's generated setPropertiesFromAttr: can `value` be stored as the
 * inherent attribute `name` of `op`? Only attribute classes we can decide are
 * rejected (builtin storage classes, enums stored as integers, dialect
 * attributes with a mnemonic); anything else is accepted for the verifier.
 */
export function propertyAccepts(op: OdsOp, dialect: OdsDialect, name: string, value: Attribute): boolean {
  const decl = op.attributes.find((a) => a.name === name);
  const c = decl ? dialect.constraints[decl.constraint] : undefined;
  if (!c) return true;
  if (c.attrDef) {
    const def = dialect.attrDefs[c.attrDef];
    if (!def?.mnemonic) return true;
    if (value.kind === 'dialect') return (value as DialectAttr).dialect === dialect.name && (value as DialectAttr).mnemonic === def.mnemonic;
    // A builtin attribute is never a dialect's attribute class; custom attribute objects are left to the verifier.
    return !BUILTIN_KINDS.has(value.kind);
  }
  if (c.enum) return value.kind === 'integer';
  const cls = (c.cppClass ?? '').replace(/^(::)?mlir::/, '');
  return isOfBuiltinClass(cls, value) ?? true;
}
