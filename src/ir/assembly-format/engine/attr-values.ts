import type { OdsAttribute, OdsConstraint, OdsDialect, OdsEnum } from '../../ods/index.js';
import type { Attribute, DialectAttr, DenseArrayAttr, IntegerAttr, StringAttr, SymbolRefAttr, TypeAttr } from '../../attributes/attribute.js';
import type { OpAsmParser, OpAsmPrinter } from '../../core/dialect.js';
import type { Context } from '../../core/context.js';
import type { Type } from '../../types/type.js';

/** How an attribute written as `$name` in an op's format is spelled. */
export type AttrSpelling =
  | { readonly kind: 'unit' }
  | { readonly kind: 'enumInt'; readonly enumDef: OdsEnum; readonly type: string }
  | { readonly kind: 'attrDef'; readonly dialect: string; readonly mnemonic: string; readonly enumDef?: OdsEnum }
  | { readonly kind: 'symbolName' }
  | { readonly kind: 'flatSymbolRef' }
  | { readonly kind: 'typeAttr' }
  | { readonly kind: 'denseArray'; readonly elementType: string }
  | { readonly kind: 'string' }
  | { readonly kind: 'typed'; readonly type: string }
  | { readonly kind: 'generic' };

const DENSE_ARRAY = /DenseI(1|8|16|32|64)ArrayAttr$|Dense(F32|F64|Bool)ArrayAttr$/;

const spellings = new WeakMap<OdsAttribute, AttrSpelling>();

/** How the format spells `attr` (an attribute declaration belongs to one dialect, so it is the cache key). */
export function attrSpelling(attr: OdsAttribute, dialect: OdsDialect): AttrSpelling {
  let s = spellings.get(attr);
  if (!s) spellings.set(attr, (s = computeSpelling(attr, dialect)));
  return s;
}

function computeSpelling(attr: OdsAttribute, dialect: OdsDialect): AttrSpelling {
  const c: OdsConstraint | undefined = dialect.constraints[attr.constraint];
  if (attr.isUnit) return { kind: 'unit' };
  if (!c) return { kind: 'generic' };
  if (c.attrDef) {
    const def = dialect.attrDefs[c.attrDef];
    if (def?.mnemonic) return { kind: 'attrDef', dialect: dialect.name, mnemonic: def.mnemonic, enumDef: c.enum ? dialect.enums[c.enum] : undefined };
  }
  if (c.enum && dialect.enums[c.enum]) return { kind: 'enumInt', enumDef: dialect.enums[c.enum], type: c.valueType ?? `i${dialect.enums[c.enum].bitwidth}` };
  if (attr.constraint === 'SymbolNameAttr') return { kind: 'symbolName' };
  const cls = c.cppClass ?? '';
  if (cls.endsWith('::FlatSymbolRefAttr')) return { kind: 'flatSymbolRef' };
  if (cls.endsWith('TypeAttr')) return { kind: 'typeAttr' };
  const m = DENSE_ARRAY.exec(cls);
  if (m) return { kind: 'denseArray', elementType: m[1] ? (m[1] === '1' ? 'i1' : `i${m[1]}`) : m[2] === 'Bool' ? 'i1' : m[2].toLowerCase() };
  if (cls.endsWith('::StringAttr')) return { kind: 'string' };
  if (c.valueType && c.valueType !== 'none') return { kind: 'typed', type: c.valueType };
  return { kind: 'generic' };
}

function parseBuiltinType(ctx: Context, text: string): Type {
  const m = /^(i|si|ui)(\d+)$/.exec(text);
  if (m) return ctx.integerType(Number(m[2]), m[1] === 'i' ? 'signless' : m[1] === 'si' ? 'signed' : 'unsigned');
  if (text === 'index') return ctx.indexType();
  return ctx.floatType(text as Parameters<Context['floatType']>[0]);
}

function enumKeywords(e: OdsEnum, value: bigint): string {
  if (!e.bitEnum) return e.cases.find((c) => BigInt(c.value) === value)?.string ?? value.toString();
  if (value === 0n) return e.cases.find((c) => c.value === 0)?.string ?? '0';
  // Prefer group cases that cover bits exactly (MLIR prints e.g. `fast`).
  const exact = e.cases.find((c) => BigInt(c.value) === value);
  if (exact) return exact.string;
  const parts: string[] = [];
  let rest = value;
  for (const c of e.cases) {
    const v = BigInt(c.value);
    if (v !== 0n && !c.isGroup && (rest & v) === v) {
      parts.push(c.string);
      rest &= ~v;
    }
  }
  return parts.join(e.separator === '|' ? ' | ' : ', ');
}

function parseEnumValue(p: OpAsmParser, e: OdsEnum, attrName?: string): bigint | undefined {
  const start = p.currentOffset();
  const keyword = p.parseOptionalKeyword();
  const quoted = keyword === undefined ? p.parseOptionalString() : undefined;
  const first = keyword ?? quoted;
  if (first === undefined) return undefined;
  const lookup = (kw: string, at: number): bigint => {
    const c = e.cases.find((x) => x.string === kw);
    if (!c && quoted !== undefined && attrName !== undefined && !e.bitEnum) {
      // A string is taken as the spelling and then symbolized (MLIR's generated parser).
      p.fail(`custom op '${p.opName}' invalid ${attrName} attribute specification: "${kw}"`, at);
    }
    if (!c) {
      // MLIR's generated op parser words it so, naming the attribute.
      const cases = e.cases.map((x) => x.string).join(', ');
      if (attrName !== undefined) {
        p.fail(`custom op '${p.opName}' expected string or keyword containing one of the following enum values for attribute '${attrName}' [${cases}]`, at);
      }
      p.fail(`expected ${e.summary ? `one of: ${cases}` : 'enum keyword'}`, at);
    }
    return BigInt(c.value);
  };
  let value = lookup(first, start);
  if (e.bitEnum) {
    const sep = e.separator?.trim() === '|' ? '|' : ',';
    while (p.parseOptionalPunct(sep)) {
      const at = p.currentOffset();
      value |= lookup(p.parseKeywordOrString(), at);
    }
  }
  return value;
}

/** Print the value of a format attribute (MLIR's printStrippedAttrOrType rules). */
export function printFormatAttr(p: OpAsmPrinter, attr: Attribute, spelling: AttrSpelling): void {
  switch (spelling.kind) {
    case 'unit':
      return;
    case 'enumInt':
      if (attr.kind === 'integer') return p.write(enumKeywords(spelling.enumDef, (attr as IntegerAttr).value));
      return p.printAttribute(attr);
    case 'attrDef':
      if (attr.kind === 'dialect' && (attr as DialectAttr).mnemonic === spelling.mnemonic) return p.write(`<${(attr as DialectAttr).body}>`);
      return p.printAttribute(attr);
    case 'symbolName':
      if (attr.kind === 'string') return p.printSymbolName((attr as StringAttr).value);
      return p.printAttribute(attr);
    case 'typeAttr':
      if (attr.kind === 'type') return p.printType((attr as TypeAttr).value);
      return p.printAttribute(attr);
    case 'denseArray':
      if (attr.kind === 'dense_array') {
        const da = attr as DenseArrayAttr;
        const isBool = spelling.elementType === 'i1';
        return p.write(`[${(da.values as readonly (number | bigint)[]).map((v) => (isBool ? (Number(v) ? 'true' : 'false') : String(v))).join(', ')}]`);
      }
      return p.printAttribute(attr);
    case 'string':
    case 'typed':
      return p.printAttributeWithoutType(attr);
    case 'flatSymbolRef':
    case 'generic':
      return p.printAttribute(attr);
  }
}

/** Parse a format attribute; undefined when `optional` and it is not there. */
/** `attrName`: the op attribute being parsed, for MLIR's wording of enum errors. */
export function parseFormatAttr(p: OpAsmParser, spelling: AttrSpelling, optional: boolean, attrName?: string): Attribute | undefined {
  const ctx = p.context;
  switch (spelling.kind) {
    case 'unit':
      return ctx.unitAttr();
    case 'enumInt': {
      const at = p.currentOffset();
      const v = parseEnumValue(p, spelling.enumDef, attrName);
      if (v === undefined && !optional && attrName !== undefined) {
        // MLIR's generated parser words a missing enum keyword like an unknown one.
        const cases = spelling.enumDef.cases.map((x) => x.string).join(', ');
        p.fail(`custom op '${p.opName}' expected string or keyword containing one of the following enum values for attribute '${attrName}' [${cases}]`, at);
      }
      if (v === undefined) return optional ? undefined : p.fail('expected keyword or string for enum');
      return ctx.integerAttr(parseBuiltinType(ctx, spelling.type), v);
    }
    case 'attrDef': {
      if (!p.isPunct('<')) {
        // The full form `#dialect.mnemonic<...>` is accepted too.
        const full = p.parseOptionalAttribute();
        if (full) return full;
        return optional ? undefined : p.fail("expected '<'");
      }
      const body = p.parseDialectBody();
      return ctx.dialectAttr(spelling.dialect, spelling.mnemonic, body.trim());
    }
    case 'symbolName': {
      const name = optional ? p.parseOptionalSymbolName() : p.parseSymbolName();
      return name === undefined ? undefined : ctx.stringAttr(name);
    }
    case 'typeAttr': {
      const t = optional ? p.parseOptionalType() : p.parseType();
      return t ? ctx.typeAttr(t) : undefined;
    }
    case 'denseArray': {
      if (!p.isPunct('[')) return optional ? undefined : p.fail("expected '['");
      p.parsePunct('[');
      const elem = parseBuiltinType(ctx, spelling.elementType);
      const values: (number | bigint)[] = [];
      if (!p.parseOptionalPunct(']')) {
        do {
          if (elem.kind === 'float') values.push(p.parseFloat());
          else if (spelling.elementType === 'i1') {
            const kw = p.parseKeyword(undefined, 'expected boolean');
            values.push(kw === 'true' ? 1n : 0n);
          } else {
            // Parsed as an attribute body, not through the op's parser: no `custom op` prefix.
            const v = p.parseOptionalInteger();
            if (v === undefined) p.fail('expected integer value');
            values.push(v);
          }
        } while (p.parseOptionalPunct(','));
        p.parsePunct(']', "expected ']'");
      }
      return ctx.denseArrayAttr(elem, values as number[] | bigint[]);
    }
    case 'string': {
      const s = optional ? p.parseOptionalString() : p.parseString();
      return s === undefined ? undefined : ctx.stringAttr(s);
    }
    case 'typed': {
      const type = parseBuiltinType(ctx, spelling.type);
      return optional ? p.parseOptionalAttribute(type) : p.parseAttribute(type);
    }
    case 'flatSymbolRef': {
      // MLIR's parseAttribute<FlatSymbolRefAttr>: a nested reference is the wrong kind.
      const at = p.currentOffset();
      const a = optional ? p.parseOptionalAttribute() : p.parseAttribute();
      if (a && (a.kind !== 'symbol_ref' || (a as SymbolRefAttr).nested.length > 0)) {
        p.fail(`custom op '${p.opName}' invalid kind of attribute specified`, at);
      }
      return a;
    }
    case 'generic':
      return optional ? p.parseOptionalAttribute() : p.parseAttribute();
  }
}

/** Is a defaulted attribute equal to its ODS default (then MLIR elides it)? */
const defaultSymbols = new WeakMap<OdsAttribute, string>();

/** The enum case a C++ default names (`::mlir::arith::IntegerOverflowFlags::none` → `none`). */
function defaultSymbol(ods: OdsAttribute, defaultValue: string): string {
  let s = defaultSymbols.get(ods);
  if (s === undefined) defaultSymbols.set(ods, (s = defaultValue.replace(/^.*::/, '').replace(/[()]/g, '')));
  return s;
}

export function isDefaultValue(attr: Attribute, ods: OdsAttribute, spelling: AttrSpelling): boolean {
  if (ods.kind !== 'defaulted' || ods.defaultValue === undefined) return false;
  const symbol = defaultSymbol(ods, ods.defaultValue);
  switch (spelling.kind) {
    case 'attrDef': {
      if (attr.kind !== 'dialect') return false;
      const c = spelling.enumDef?.cases.find((x) => x.symbol === symbol);
      return c !== undefined && (attr as DialectAttr).body.trim() === c.string;
    }
    case 'enumInt': {
      const c = spelling.enumDef.cases.find((x) => x.symbol === symbol);
      return c !== undefined && attr.kind === 'integer' && (attr as IntegerAttr).value === BigInt(c.value);
    }
    default:
      if (attr.kind === 'integer') return (attr as IntegerAttr).value.toString() === ods.defaultValue || (ods.defaultValue === 'false' && (attr as IntegerAttr).value === 0n);
      return false;
  }
}
