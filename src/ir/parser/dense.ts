import type { Attribute, DenseScalar } from '../attributes/attribute.js';
import { isShaped, numElements, hasStaticShape, type IntegerType, type Type, type FloatType, type ShapedType } from '../types/type.js';
import { Kind, type Token } from '../syntax/token-stream.js';
import { decodeString, type ParserState } from './state.js';
import { parseType } from './types.js';
import { parseAttribute } from './attributes.js';
import { floatFromBits, integerFits, integerWidth } from './literals.js';

/** A literal element as written: kept with its token for located errors. */
type Literal =
  | { readonly kind: 'int'; readonly value: bigint; readonly hex: boolean; readonly offset: number }
  | { readonly kind: 'float'; readonly value: number; readonly offset: number }
  | { readonly kind: 'bool'; readonly value: boolean; readonly offset: number }
  | { readonly kind: 'string'; readonly value: string; readonly offset: number }
  | { readonly kind: 'complex'; readonly re: Literal; readonly im: Literal; readonly offset: number };

interface LiteralTree {
  shape: number[];
  values: Literal[];
  splat: boolean;
  hex?: string;
}

function parseScalar(p: ParserState): Literal {
  const start = p.peek().offset;
  if (p.is('(')) {
    p.next();
    const re = parseScalar(p);
    p.expect(',', "expected ',' between complex elements");
    const im = parseScalar(p);
    p.expect(')', "expected ')' after complex elements");
    return { kind: 'complex', re, im, offset: start };
  }
  const neg = p.consumeIf('-');
  const t: Token = p.peek();
  switch (t.kind) {
    case Kind.Integer:
      p.next();
      return { kind: 'int', value: neg ? -BigInt(t.text) : BigInt(t.text), hex: t.text.startsWith('0x'), offset: start };
    case Kind.Float:
      p.next();
      return { kind: 'float', value: neg ? -Number(t.text) : Number(t.text), offset: start };
    case Kind.String:
      if (neg) break;
      p.next();
      return { kind: 'string', value: decodeString(t.text), offset: start };
    case Kind.BareId:
      if (!neg && (t.text === 'true' || t.text === 'false')) {
        p.next();
        return { kind: 'bool', value: t.text === 'true', offset: start };
      }
      break;
  }
  return p.fail(neg ? 'expected integer or floating point literal' : 'expected element literal of primitive type');
}

/** Nested `[...]` lists; records the shape and checks that it is rectangular. */
function parseLiteralTree(p: ParserState): LiteralTree {
  if (p.peek().kind === Kind.String && p.peek().text.startsWith('"0x')) {
    const t = p.next();
    return { shape: [], values: [], splat: false, hex: decodeString(t.text) };
  }
  if (!p.is('[')) return { shape: [], values: [parseScalar(p)], splat: true };
  const values: Literal[] = [];
  const shape = parseList(p, values);
  return { shape, values, splat: false };
}

function parseList(p: ParserState, out: Literal[]): number[] {
  const start = p.peek().offset;
  p.expect('[');
  if (p.consumeIf(']')) return [0];
  let inner: number[] | undefined;
  let count = 0;
  do {
    const elemOffset = p.peek().offset;
    let shape: number[];
    if (p.is('[')) shape = parseList(p, out);
    else {
      out.push(parseScalar(p));
      shape = [];
    }
    if (inner === undefined) inner = shape;
    else if (inner.length !== shape.length || inner.some((d, i) => d !== shape[i])) {
      p.fail('tensor literal is invalid; ranks are not consistent between elements', elemOffset);
    }
    count++;
  } while (p.consumeIf(','));
  p.expect(']', "expected ']'");
  void start;
  return [count, ...(inner ?? [])];
}

function shapeString(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** `dense<...> : type` (or with the type from context). */
export function parseDenseElements(p: ParserState, contextType?: Type): Attribute {
  const kw = p.next();
  p.expect('<', "expected '<' after 'dense'");
  const empty = p.is('>');
  const tree: LiteralTree = empty ? { shape: [0], values: [], splat: false } : parseLiteralTree(p);
  p.expect('>', "expected '>'");
  const type = parseElementsType(p, contextType, kw.offset);
  if (empty && numElements('shape' in type ? type.shape : []) !== 0) {
    p.fail(`parsed zero elements, but type ('${p.printType ? p.printType(type) : type.kind}') expected at least 1`, kw.offset);
  }
  return buildDense(p, tree, type, kw.offset);
}

/** Elements attributes need a shaped type, either written or from the context. */
function parseElementsType(p: ParserState, contextType: Type | undefined, offset: number): ShapedType {
  let type = contextType;
  if (p.is(':')) {
    p.next();
    type = parseType(p);
  } else if (!type) {
    p.failWrongToken("expected ':'");
  }
  if (!isShaped(type)) p.fail('elements literal must be a shaped type', offset);
  if (!hasStaticShape(type)) p.fail('elements literal type must have static shape', offset);
  return type;
}

function buildDense(p: ParserState, tree: LiteralTree, type: ShapedType, offset: number): Attribute {
  const ctx = p.context;
  const shape = 'shape' in type ? type.shape : [];
  const elem = type.elementType;
  if (tree.hex !== undefined) return ctx.denseElementsAttr(type, [], false, tree.hex);
  if (!tree.splat && (tree.shape.length !== shape.length || tree.shape.some((d, i) => d !== shape[i]))) {
    // A zero-sized literal `[]` matches any shape with zero elements.
    if (!(tree.values.length === 0 && numElements(shape) === 0)) {
      p.fail(`inferred shape of elements literal (${shapeString(tree.shape)}) does not match type (${shapeString(shape)})`, offset);
    }
  }
  if (tree.values.some((v) => v.kind === 'string')) {
    if (!tree.values.every((v) => v.kind === 'string')) p.fail('expected string literal', offset);
    return ctx.denseStringElementsAttr(type, tree.values.map((v) => (v as { value: string }).value), tree.splat);
  }
  const values = tree.values.map((v) => convertScalar(p, v, elem));
  return ctx.denseElementsAttr(type, values, tree.splat);
}

function convertScalar(p: ParserState, lit: Literal, elem: Type): DenseScalar {
  if (elem.kind === 'complex') {
    if (lit.kind !== 'complex') p.fail('expected complex element', lit.offset);
    const inner = (elem as unknown as { elementType: Type }).elementType;
    const re = convertScalar(p, lit.re, inner) as bigint | number;
    const im = convertScalar(p, lit.im, inner) as bigint | number;
    return [re, im];
  }
  if (lit.kind === 'complex') p.fail('unexpected complex element for non-complex type', lit.offset);
  if (elem.kind === 'float') {
    const ft = elem as FloatType;
    if (lit.kind === 'float') return lit.value;
    if (lit.kind === 'int') {
      if (lit.hex) {
        if (lit.value < 0n) p.fail('hexadecimal float literal should not have a leading minus', lit.offset);
        if (lit.value >> BigInt(ft.width) !== 0n) p.fail('hexadecimal float constant out of range for type', lit.offset);
        const v = floatFromBits(lit.value, ft.floatKind);
        return v ?? NaN;
      }
      p.failWithNotes('unexpected decimal integer literal for a floating point value', lit.offset, [
        { offset: lit.offset, message: 'add a trailing dot to make the literal a float' },
      ]);
    }
    return p.fail('expected floating point literal', lit.offset);
  }
  const width = integerWidth(elem);
  if (width !== undefined) {
    const it = elem.kind === 'integer' ? (elem as IntegerType) : undefined;
    if (lit.kind === 'bool') {
      if (width !== 1) p.fail("expected i1 type for 'true' or 'false' values", lit.offset);
      return lit.value;
    }
    if (lit.kind === 'float') p.fail('expected integer elements, but parsed floating-point', lit.offset);
    if (lit.kind !== 'int') return p.fail('expected integer elements', lit.offset);
    const signedness = it?.signedness ?? 'signless';
    if (lit.value < 0n && signedness === 'unsigned') p.fail('expected unsigned integer elements, but parsed negative value', lit.offset);
    if (!integerFits(lit.value, width, signedness)) p.fail(`integer constant out of range for type`, lit.offset);
    if (width === 1) return lit.value !== 0n;
    return lit.value;
  }
  return p.fail('expected integer or floating point element type', lit.offset);
}

/** `dense_resource<handle> : type`. */
export function parseDenseResource(p: ParserState, contextType?: Type): Attribute {
  const kw = p.next();
  p.expect('<', "expected '<' after 'dense_resource'");
  const t = p.peek();
  if (t.kind !== Kind.BareId && t.kind !== Kind.String) p.fail('expected identifier key for \'resource\' entry');
  p.next();
  const handle = t.kind === Kind.String ? decodeString(t.text) : t.text;
  p.expect('>', "expected '>'");
  let type = contextType;
  let typeOffset = kw.offset;
  if (!type) {
    typeOffset = p.peek().offset;
    p.expect(':', "expected ':'");
    type = parseType(p);
  }
  if (!isShaped(type)) p.fail('`dense_resource` expected a shaped type', typeOffset);
  return p.context.denseResourceAttr(type, handle);
}

/** `sparse<indices, values> : type`. */
export function parseSparseElements(p: ParserState, contextType?: Type): Attribute {
  const kw = p.next();
  p.expect('<', "Expected '<' after 'sparse'");
  const ctx = p.context;
  let indices: Attribute;
  let values: Attribute;
  if (p.is('>')) {
    p.next();
    const type = parseElementsType(p, contextType, kw.offset);
    const i64 = ctx.integerType(64);
    return ctx.sparseElementsAttr(type, ctx.denseElementsAttr(ctx.tensorType([0, type.kind === 'tensor' ? type.shape.length : 0], i64), [], false), ctx.denseElementsAttr(ctx.tensorType([0], type.elementType), [], false));
  }
  const idxTree = parseLiteralTree(p);
  p.expect(',', "expected ','");
  const valTree = parseLiteralTree(p);
  p.expect('>', "expected '>'");
  const type = parseElementsType(p, contextType, kw.offset);
  checkSparse(p, type, idxTree, valTree, kw.offset);
  const rank = type.kind === 'tensor' || type.kind === 'vector' ? type.shape.length : 0;
  const i64 = ctx.integerType(64);
  const idxShape = idxTree.splat ? [1, rank] : idxTree.shape.length === 1 ? [1, idxTree.shape[0]] : idxTree.shape;
  indices = buildDense(p, { ...idxTree, splat: false, shape: idxShape }, ctx.tensorType(idxShape, i64), kw.offset);
  const valShape = valTree.splat ? [idxShape[0]] : valTree.shape;
  values = buildDense(p, valTree, ctx.tensorType(valShape, type.elementType), kw.offset);
  void parseAttribute;
  return ctx.sparseElementsAttr(type, indices, values);
}

/** MLIR's SparseElementsAttr::verify, on the shapes its parser infers (reported at `sparse`). */
function checkSparse(p: ParserState, type: ShapedType, idx: LiteralTree, val: LiteralTree, offset: number): void {
  const shape = type.kind === 'tensor' || type.kind === 'vector' ? type.shape : [];
  const rank = shape.length;
  const idxShape = idx.shape.length === 0 ? [1, rank] : idx.shape;
  const valShape = val.shape.length === 0 ? [idxShape[0]] : val.shape;
  if (valShape.length !== 1) p.fail('expected 1-d tensor for sparse element values', offset);
  const dims = (s: readonly number[]): string => s.join(', ');
  const shapeError = (): never =>
    p.fail(
      `expected shape ([${dims(shape)}]); inferred shape of indices literal ([${dims(idxShape)}]); inferred shape of values literal ([${dims(valShape)}])`,
      offset,
    );
  if (idxShape.length === 2) {
    if (idxShape[1] !== rank) shapeError();
  } else if (idxShape.length !== 1 || rank !== 1) shapeError();
  if (idxShape[0] !== valShape[0]) shapeError();
  const values = idx.values.map((v) => (v.kind === 'int' ? BigInt.asUintN(64, v.value) : 0n));
  const typeText = p.printType ? p.printType(type) : type.kind;
  const check = (n: number, index: readonly bigint[]): void => {
    if (index.length === rank && index.every((x, d) => x < BigInt(shape[d]))) return;
    p.fail(`sparse index #${n} is not contained within the value shape, with index=[${index.join(', ')}], and type='${typeText}'`, offset);
  };
  if (idx.shape.length === 0) return check(0, Array.from({ length: rank }, () => values[0] ?? 0n));
  for (let i = 0; i < idxShape[0]; i++) check(i, values.slice(i * rank, i * rank + rank));
}
