import type { Attribute, NamedAttribute } from '../attributes/attribute.js';
import type { Type, IntegerType, FloatType } from '../types/type.js';
import { Kind } from '../syntax/token-stream.js';
import { decodeString, invalidEscapeOffset, type ParserState } from './state.js';
import { atType, parseType } from './types.js';
import { parseDialectSymbol, bodyParser } from './dialect-symbols.js';
import { parseAffineMapBody, parseIntegerSetBody } from './affine.js';
import { parseDenseElements, parseDenseResource, parseSparseElements } from './dense.js';
import { parseLocationBody } from './locations.js';
import { parseDenseArray, parseStrided } from './builtin-attrs.js';
import { floatFromBits, integerFits, integerWidth } from './literals.js';

/** Can the current token start an attribute? */
export function atAttribute(p: ParserState): boolean {
  const t = p.peek();
  switch (t.kind) {
    case Kind.HashId:
    case Kind.Integer:
    case Kind.Float:
    case Kind.String:
    case Kind.AtId:
      return true;
    case Kind.Punct:
      return t.text === '[' || t.text === '{' || t.text === '-' || t.text === '(';
    case Kind.BareId:
      return (
        ['affine_map', 'affine_set', 'array', 'dense', 'dense_resource', 'distinct', 'false', 'true', 'loc', 'sparse', 'strided', 'unit'].includes(t.text) ||
        atType(p)
      );
    case Kind.BangId:
      return true;
    default:
      return false;
  }
}

export function parseOptionalAttribute(p: ParserState, type?: Type): Attribute | undefined {
  return atAttribute(p) ? parseAttribute(p, type) : undefined;
}

/**
 * Parse an attribute; `type` is the expected type when the context supplies
 * one (then no `: type` suffix is read for literals), as in MLIR.
 */
export function parseAttribute(p: ParserState, type?: Type): Attribute {
  const t = p.peek();
  const ctx = p.context;
  switch (t.kind) {
    case Kind.HashId:
      return parseHashAttribute(p);
    case Kind.Integer:
    case Kind.Float:
      return parseNumberAttribute(p, type);
    case Kind.String: {
      p.next();
      const bad = invalidEscapeOffset(t.text);
      if (bad >= 0) p.fail('unknown escape in string literal', t.offset + bad);
      const value = decodeString(t.text);
      if (!type && p.consumeIf(':')) return ctx.stringAttr(value, parseType(p));
      return ctx.stringAttr(value, type);
    }
    case Kind.AtId:
      return parseSymbolRef(p);
    case Kind.Punct:
      if (t.text === '[') return parseArrayAttr(p);
      if (t.text === '{') return parseDictionaryAttr(p);
      if (t.text === '-') return parseNumberAttribute(p, type);
      break;
    case Kind.BareId:
      switch (t.text) {
        case 'true':
        case 'false': {
          p.next();
          let ty: Type = type ?? ctx.integerType(1);
          if (!type && p.consumeIf(':')) ty = parseType(p);
          if (ty.kind !== 'integer' || (ty as IntegerType).width !== 1) p.fail('expected i1 type for \'true\' or \'false\' values', t.offset);
          return ctx.integerAttr(ty, t.text === 'true' ? 1n : 0n);
        }
        case 'unit':
          p.next();
          return ctx.unitAttr();
        case 'affine_map': {
          p.next();
          p.expect('<', "expected '<' in affine map");
          const map = parseAffineMapBody(p);
          p.expect('>', "expected '>' in affine map");
          return ctx.affineMapAttr(map);
        }
        case 'affine_set': {
          p.next();
          p.expect('<', "expected '<' in integer set");
          const set = parseIntegerSetBody(p);
          p.expect('>', "expected '>' in integer set");
          return ctx.integerSetAttr(set);
        }
        case 'array':
          return parseDenseArray(p);
        case 'dense':
          return parseDenseElements(p, type);
        case 'dense_resource':
          return parseDenseResource(p, type);
        case 'sparse':
          return parseSparseElements(p, type);
        case 'strided':
          return parseStrided(p);
        case 'loc': {
          p.next();
          p.expect('(', "expected '(' in inline location");
          const loc = parseLocationBody(p);
          p.expect(')', "expected ')' in inline location");
          return loc;
        }
        case 'distinct':
          return parseDistinct(p);
      }
      break;
  }
  if (atType(p)) return ctx.typeAttr(parseType(p));
  return p.failWrongToken('expected attribute value');
}

function parseHashAttribute(p: ParserState): Attribute {
  const t = p.next();
  const name = t.text.slice(1);
  if (!name.includes('.') && !p.is('<')) {
    const alias = p.attributeAliases.get(name);
    if (!alias) p.fail(`undefined symbol alias id '${name}'`, t.offset);
    return alias;
  }
  const sym = parseDialectSymbol(p, t.offset, name);
  const dialect = p.context.getDialect(sym.dialect);
  const custom = dialect?.parseAttribute?.(bodyParser(p, sym), sym);
  if (custom) return custom;
  let type: Type | undefined;
  if (p.consumeIf(':')) type = parseType(p);
  return p.context.dialectAttr(sym.dialect, sym.mnemonic, sym.body, [], type, sym.namespaceForm);
}

function parseNumberAttribute(p: ParserState, expected?: Type): Attribute {
  const ctx = p.context;
  const start = p.peek().offset;
  const negative = p.consumeIf('-');
  const t = p.peek();
  if (t.kind !== Kind.Integer && t.kind !== Kind.Float) p.fail('expected constant integer or floating point value');
  p.next();
  let type = expected;
  if (!type && p.consumeIf(':')) type = parseType(p);
  if (t.kind === Kind.Float) {
    const ty = type ?? ctx.floatType('f64');
    // Reported where the parser stands after the type, as MLIR's parseFloatAttr does.
    if (ty.kind !== 'float') p.fail('floating point value not valid for specified type');
    const v = Number(t.text);
    return ctx.floatAttr(ty, negative ? -v : v);
  }
  // Integer literal.
  if (!type) type = ctx.integerType(64);
  if (type.kind === 'float') {
    if (!t.text.startsWith('0x')) {
      p.failWithNotes('unexpected decimal integer literal for a floating point value', start, [{ offset: start, message: 'add a trailing dot to make the literal a float' }]);
    }
    if (negative) p.fail('hexadecimal float literal should not have a leading minus', start);
    const bits = BigInt(t.text);
    const kind = (type as FloatType).floatKind;
    if (bits >> BigInt((type as FloatType).width) !== 0n) p.fail('hexadecimal float constant out of range for type', start);
    const v = floatFromBits(bits, kind);
    return ctx.floatAttr(type, v ?? NaN, bits);
  }
  const width = integerWidth(type);
  if (width === undefined) p.fail('integer literal not valid for specified type', start);
  let value = BigInt(t.text);
  if (negative) value = -value;
  const signedness = type.kind === 'integer' ? (type as IntegerType).signedness : 'signless';
  if (negative && signedness === 'unsigned') p.fail('negative integer literal not valid for unsigned integer type', t.offset);
  if (!integerFits(value, width, signedness)) p.fail('integer constant out of range for attribute', start);
  return ctx.integerAttr(type, value);
}

export function parseSymbolRef(p: ParserState): Attribute {
  const root = symbolName(p.next().text);
  const nested: string[] = [];
  // `::` lexes as two ':' punctuation tokens.
  while (p.is(':') && p.tokens.peekSecond().text === ':') {
    p.next();
    p.next();
    const t = p.peek();
    if (t.kind !== Kind.AtId) p.fail('expected nested symbol reference identifier');
    nested.push(symbolName(p.next().text));
  }
  return p.context.symbolRefAttr(root, nested);
}

/** `@foo` or `@"foo bar"` → the symbol name. */
export function symbolName(token: string): string {
  return token[1] === '"' ? decodeString(token.slice(1)) : token.slice(1);
}

function parseArrayAttr(p: ParserState): Attribute {
  const elements: Attribute[] = [];
  p.delimitedList('[', ']', () => elements.push(parseAttribute(p)));
  return p.context.arrayAttr(elements);
}

export function parseDictionaryAttr(p: ParserState): Attribute {
  return p.context.dictionaryAttr(parseAttributeEntries(p));
}

/** `{name = attr, name2, ...}` (a bare name means a unit attribute). Rejects duplicates. */
export function parseAttributeEntries(p: ParserState): NamedAttribute[] {
  const entries: NamedAttribute[] = [];
  const seen = new Set<string>();
  p.expect('{', "expected '{' in attribute dictionary");
  if (p.consumeIf('}')) return entries;
  p.commaList(() => {
    const t = p.peek();
    let name: string;
    if (t.kind === Kind.BareId) name = t.text;
    else if (t.kind === Kind.String) name = decodeString(t.text);
    else p.failWrongToken('expected attribute name');
    p.next();
    if (name.length === 0) p.fail('expected valid attribute name', t.offset);
    if (seen.has(name)) p.fail(`duplicate key '${name}' in dictionary attribute`, t.offset);
    seen.add(name);
    if (p.consumeIf('=')) entries.push({ name, value: parseAttribute(p) });
    else entries.push({ name, value: p.context.unitAttr() });
  });
  p.expect('}', "expected '}' in attribute dictionary");
  return entries;
}

function parseDistinct(p: ParserState): Attribute {
  const kw = p.next();
  p.expect('[', "expected '[' after 'distinct'");
  const idTok = p.peek();
  if (idTok.kind !== Kind.Integer) p.fail('expected distinct ID');
  p.next();
  if (BigInt(idTok.text) >= 1n << 64n) p.fail('expected an unsigned 64-bit integer');
  p.expect(']', "expected ']' to close distinct ID");
  p.expect('<', "expected '<' after distinct ID");
  let referenced: Attribute;
  if (p.is('>')) referenced = p.context.unitAttr();
  else referenced = parseAttribute(p);
  p.expect('>', "expected '>' to close distinct attribute");
  const existing = p.distinctById.get(idTok.text);
  if (existing) {
    if ((existing as { referenced?: Attribute }).referenced !== referenced) {
      const before = (existing as { referenced?: Attribute }).referenced;
      const text = before && p.printAttribute ? p.printAttribute(before) : idTok.text;
      p.fail(`referenced attribute does not match previous definition: ${text}`, kw.offset);
    }
    return existing;
  }
  const attr = p.context.distinctAttr(referenced);
  p.distinctById.set(idTok.text, attr);
  return attr;
}
