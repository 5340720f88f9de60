import * as Ty from '../types/type.js';
import type { Attribute } from '../attributes/attribute.js';
import { Kind, type Token } from '../syntax/token-stream.js';
import type { ParserState } from './state.js';
import { scanDialectBody } from './dialect-body.js';
import { parseAttribute, parseOptionalAttribute } from './attributes.js';
import { parseDialectSymbol, bodyParser } from './dialect-symbols.js';

const INT_TYPE = /^(i|si|ui)([0-9]+)$/;
const FLOAT_KINDS = new Set<string>(Ty.FLOAT_KINDS);
const MAX_INT_WIDTH = 16777215;

/** Can the current token start a type? (MLIR's parseOptionalType lookahead.) */
export function atType(p: ParserState): boolean {
  const t = p.peek();
  switch (t.kind) {
    case Kind.BangId:
      return true;
    case Kind.BareId:
      return (
        INT_TYPE.test(t.text) ||
        FLOAT_KINDS.has(t.text) ||
        ['index', 'none', 'complex', 'tensor', 'memref', 'vector', 'tuple'].includes(t.text)
      );
    case Kind.Punct:
      return t.text === '(';
    default:
      return false;
  }
}

export function parseOptionalType(p: ParserState): Ty.Type | undefined {
  return atType(p) ? parseType(p) : undefined;
}

/** `i32`, `si8`, `f16`, `index`, `none` (consumed), or undefined for every other token. */
function parseKeywordType(p: ParserState, t: Token): Ty.Type | undefined {
  const ctx = p.context;
  const m = INT_TYPE.exec(t.text);
  if (m) {
    p.next();
    const width = Number(m[2]);
    // Widths that do not fit MLIR's 32-bit token value are not widths at all.
    if (width > 0xffffffff) p.fail('invalid integer width', t.offset);
    if (width > MAX_INT_WIDTH) p.fail(`integer bitwidth is limited to ${MAX_INT_WIDTH} bits`, t.offset);
    if (m[2].length > 1 && m[2][0] === '0') p.fail('invalid integer width', t.offset);
    return ctx.integerType(width, m[1] === 'i' ? 'signless' : m[1] === 'si' ? 'signed' : 'unsigned');
  }
  if (FLOAT_KINDS.has(t.text)) {
    p.next();
    return ctx.floatType(t.text as Ty.FloatKind);
  }
  if (t.text === 'index') {
    p.next();
    return ctx.indexType();
  }
  if (t.text === 'none') {
    p.next();
    return ctx.noneType();
  }
  return undefined;
}

export function parseType(p: ParserState): Ty.Type {
  const t = p.peek();
  const ctx = p.context;
  if (t.kind === Kind.Punct && t.text === '(') return parseFunctionType(p);
  if (t.kind === Kind.BangId) return parseDialectOrAliasType(p);
  if (t.kind !== Kind.BareId) p.failWrongToken('expected non-function type');
  // Keyword types (`i32`, `f32`, `index`) are most of the types in a module: one lookup, no regex.
  const known = p.keywordTypes.get(t.text);
  if (known) {
    p.next();
    return known;
  }
  const keywordType = parseKeywordType(p, t);
  if (keywordType) {
    p.keywordTypes.set(t.text, keywordType);
    return keywordType;
  }
  switch (t.text) {
    case 'complex': {
      p.next();
      p.expect('<', "expected '<' in complex type");
      const elemOffset = p.peek().offset;
      const elem = parseType(p);
      p.expect('>', "expected '>' in complex type");
      if (elem.kind !== 'integer' && elem.kind !== 'float') p.fail('invalid element type for complex', elemOffset);
      return ctx.complexType(elem);
    }
    case 'tuple': {
      p.next();
      p.expect('<', "expected '<' in tuple type");
      const types: Ty.Type[] = [];
      if (!p.consumeIf('>')) {
        p.commaList(() => types.push(parseType(p)));
        p.expect('>', "expected '>' in tuple type");
      }
      return ctx.tupleType(types);
    }
    case 'tensor':
      return parseShapedTypeText(p, t, parseTensorType);
    case 'memref':
      return parseShapedTypeText(p, t, parseMemRefType);
    case 'vector':
      return parseShapedTypeText(p, t, parseVectorType);
    default:
      return p.failWrongToken('expected non-function type');
  }
}

function parseFunctionType(p: ParserState): Ty.FunctionType {
  const inputs = parseTypeListParens(p);
  p.expect('->', "expected '->' in function type");
  const results = parseFunctionResultTypes(p);
  return p.context.functionType(inputs, results);
}

/** `(t, t)` — possibly empty. */
export function parseTypeListParens(p: ParserState): Ty.Type[] {
  const types: Ty.Type[] = [];
  p.expect('(', "expected '('");
  if (p.consumeIf(')')) return types;
  p.commaList(() => types.push(parseType(p)));
  p.expect(')', "expected ')'");
  return types;
}

/** Results of a function type: `(t, t)` or a single non-function type. */
export function parseFunctionResultTypes(p: ParserState): Ty.Type[] {
  if (p.is('(')) return parseTypeListParens(p);
  return [parseType(p)];
}

function parseDialectOrAliasType(p: ParserState): Ty.Type {
  const t = p.next();
  const name = t.text.slice(1);
  const dot = name.indexOf('.');
  if (dot < 0 && !p.is('<')) {
    const alias = p.typeAliases.get(name);
    if (!alias) p.fail(`undefined symbol alias id '${name}'`, t.offset);
    return alias;
  }
  const sym = parseDialectSymbol(p, t.offset, name);
  if (sym.namespaceForm) p.fail('expected string literal data in dialect symbol', sym.bodyStart);
  const dialect = p.context.getDialect(sym.dialect);
  const custom = dialect?.parseType?.(bodyParser(p, sym), sym);
  if (custom) return custom;
  return p.context.dialectType(sym.dialect, sym.mnemonic, sym.body);
}

/** Parse `4x?x8x` dims; `allowScalable` handles vector's `[4]`. */
function parseDims(p: ParserState, allowDynamic: boolean, allowScalable: boolean): { dims: number[]; scalable: boolean[] } {
  const dims: number[] = [];
  const scalable: boolean[] = [];
  for (;;) {
    const t = p.peek();
    let isScalable = false;
    if (allowScalable && t.text === '[' && t.kind === Kind.Punct) {
      p.next();
      isScalable = true;
    }
    const d = p.peek();
    if (d.kind === Kind.Punct && d.text === '?' && (allowDynamic || isScalable)) {
      if (!allowDynamic) p.fail('expected static shape');
      p.next();
      dims.push(Ty.DYNAMIC);
    } else if (d.kind === Kind.Integer) {
      if (d.text.startsWith('0x')) {
        // `0xf32` and `0x4xf32` lex as hex integers: the dimension 0, then `x…` lexed again.
        p.tokens.relexCurrent(d.offset + 1);
        dims.push(0);
        scalable.push(isScalable);
        expectX(p);
        continue;
      }
      p.next();
      const big = BigInt(d.text);
      if (big >= 1n << 63n) p.fail('invalid dimension', d.offset);
      dims.push(Number(big));
    } else {
      if (isScalable) p.fail('expected dimension size in vector type');
      break;
    }
    if (isScalable) p.expect(']', "missing ']' closing scalable dimension");
    scalable.push(isScalable);
    expectX(p);
  }
  return { dims, scalable };
}

function expectX(p: ParserState): void {
  const t = p.peek();
  if (t.kind === Kind.BareId && t.text[0] === 'x') {
    if (t.text.length === 1) p.next();
    else {
      p.tokens.relexCurrent(t.offset + 1);
    }
    return;
  }
  p.fail("expected 'x' in dimension list");
}

/**
 * Shaped types repeat all over a module (`tensor<4x8xf32>` on every op using
 * the value): once `tensor<...>` text has parsed in this file, the same text
 * is found by one lookup and its tokens skipped. Only plain texts qualify (no
 * nested `<`, no aliases or dialect symbols, strings or `-`), whose meaning
 * cannot change within a file; everything else, and every error, takes the
 * full parse.
 */
function parseShapedTypeText(p: ParserState, t: Token, parse: (p: ParserState) => Ty.Type): Ty.Type {
  const source = p.source;
  const open = t.offset + t.text.length;
  const close = source.charCodeAt(open) === 60 /* < */ ? source.indexOf('>', open) : -1;
  if (close < 0 || close - open > 200 || !PLAIN_SHAPE.test(source.slice(open + 1, close))) return parse(p);
  const text = source.slice(t.offset, close + 1);
  const known = p.shapedTypes.get(text);
  if (known) {
    p.tokens.seek(close + 1);
    return known;
  }
  const type = parse(p);
  p.shapedTypes.set(text, type);
  return type;
}
const PLAIN_SHAPE = /^[0-9a-zA-Z_?*,. \[\]]*$/;

function parseTensorType(p: ParserState): Ty.Type {
  p.next();
  p.expect('<', "expected '<' in tensor type");
  const ctx = p.context;
  const unranked = p.consumeIf('*');
  let dims: number[] = [];
  if (unranked) expectX(p);
  else dims = parseDims(p, true, false).dims;
  const elemOffset = p.peek().offset;
  const elem = parseType(p);
  let encoding: Attribute | undefined;
  // The encoding is optional after the comma (MLIR's parseOptionalAttribute).
  if (p.consumeIf(',')) encoding = parseOptionalAttribute(p);
  p.expect('>', "expected '>' in tensor type");
  // MLIR checks the element type once the whole type is read.
  if (!isValidElement(elem, 'tensor')) p.fail('invalid tensor element type', elemOffset);
  if (!unranked) return ctx.tensorType(dims, elem, encoding);
  if (encoding) p.fail('cannot apply encoding to unranked tensor');
  return ctx.unrankedTensorType(elem);
}

function parseMemRefType(p: ParserState): Ty.Type {
  const start = p.next().offset;
  p.expect('<', "expected '<' in memref type");
  const ctx = p.context;
  const unranked = p.consumeIf('*');
  let dims: number[] = [];
  if (unranked) expectX(p);
  else dims = parseDims(p, true, false).dims;
  const elem = parseElementType(p, 'memref');
  // MLIR's parseMemRefType: layouts and one memory space, the space last.
  let layout: Attribute | undefined;
  let space: Attribute | undefined;
  if (!p.consumeIf('>')) {
    p.expect(',', "expected ',' or '>' in memref type");
    if (p.is('>')) p.failWrongToken('expected list element');
    do {
      const a = parseAttribute(p);
      if (a.kind === 'affine_map' || a.kind === 'strided') {
        layout = a;
        if (unranked) p.fail('cannot have affine map for unranked memref type');
        if (space) p.fail('expected memory space to be last in memref type');
      } else if (space) p.fail('multiple memory spaces specified in memref type');
      else space = a;
    } while (p.consumeIf(','));
    p.expect('>', "expected ',' or '>'");
  }
  // MemRefType::verify, reported at `memref`.
  if (layout?.kind === 'affine_map') {
    const n = (layout as unknown as { map: { numDims: number } }).map.numDims;
    if (n !== dims.length) p.fail(`memref layout mismatch between rank and affine map: ${dims.length} != ${n}`, start);
  }
  if (layout?.kind === 'strided' && (layout as unknown as { strides: readonly number[] }).strides.length !== dims.length) {
    p.fail('expected the number of strides to match the rank', start);
  }
  if (space && !['integer', 'string', 'dictionary', 'dialect'].includes(space.kind)) p.fail('unsupported memory space Attribute', start);
  return unranked ? ctx.unrankedMemrefType(elem, space) : ctx.memrefType(dims, elem, layout, space);
}

function parseVectorType(p: ParserState): Ty.Type {
  const kw = p.next();
  p.expect('<', "expected '<' in vector type");
  const { dims, scalable } = parseDims(p, false, true);
  const elem = parseType(p);
  p.expect('>', "expected '>' in vector type");
  // VectorType::verify: the element type's interface first, then the sizes.
  if (!['integer', 'index', 'float', 'dialect'].includes(elem.kind)) p.fail("failed to verify 'elementType': VectorElementTypeInterface instance", kw.offset);
  if (dims.some((d) => d === 0)) p.fail('vector types must have positive constant sizes but got ' + dims.join(', '), kw.offset);
  return p.context.vectorType(dims, elem, scalable);
}

function isValidElement(t: Ty.Type, container: 'tensor' | 'memref'): boolean {
  const common = t.kind !== 'function' && t.kind !== 'tensor' && t.kind !== 'unranked_tensor' && t.kind !== 'unranked_memref' && t.kind !== 'none' && t.kind !== 'tuple';
  return container === 'tensor' ? common && t.kind !== 'memref' : common;
}

function parseElementType(p: ParserState, container: 'tensor' | 'memref'): Ty.Type {
  const offset = p.peek().offset;
  const t = parseType(p);
  if (!isValidElement(t, container)) p.fail(`invalid ${container} element type`, offset);
  return t;
}
