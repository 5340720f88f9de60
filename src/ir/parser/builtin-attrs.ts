import type { Attribute } from '../attributes/attribute.js';
import { DYNAMIC, type FloatType, type IntegerType } from '../types/type.js';
import { Kind } from '../syntax/token-stream.js';
import type { ParserState } from './state.js';
import { parseType } from './types.js';
import { floatFromBits, integerFits } from './literals.js';

/** `array<i64: 1, 2>` / `array<f32>` / `array<i1: true, false>`. */
export function parseDenseArray(p: ParserState): Attribute {
  p.next();
  p.expect('<', "expected '<' after 'array'");
  const typeOffset = p.peek().offset;
  const type = parseType(p);
  const isInt = type.kind === 'integer';
  if (!isInt && type.kind !== 'float') p.fail(`expected integer or float type, got: '${p.printType ? p.printType(type) : type.kind}'`, typeOffset);
  const width = (type as IntegerType | FloatType).width;
  if (width !== 1 && width % 8 !== 0) p.fail('element type bitwidth must be a multiple of 8', typeOffset);
  const ints: bigint[] = [];
  const floats: number[] = [];
  if (!p.is(':') && !p.is('>')) p.fail("expected ':' after dense array type");
  if (p.consumeIf(':')) {
    p.commaList(() => {
      const start = p.peek().offset;
      const neg = p.consumeIf('-');
      const t = p.peek();
      if (isInt) {
        const it = type as IntegerType;
        let v: bigint;
        if (t.kind === Kind.BareId && (t.text === 'true' || t.text === 'false') && it.width === 1) v = t.text === 'true' ? 1n : 0n;
        else if (t.kind === Kind.Integer) v = BigInt(t.text);
        else return p.fail('expected integer literal');
        p.next();
        if (neg) v = -v;
        if (!integerFits(v, it.width, it.signedness)) p.fail(`integer constant out of range for attribute`, start);
        ints.push(v);
      } else {
        if (t.kind !== Kind.Float && t.kind !== Kind.Integer) p.fail('expected float literal');
        p.next();
        if (t.kind === Kind.Integer && t.text.startsWith('0x')) {
          // A hex literal is the value's bit pattern (as mlir-opt prints values decimal would not round-trip).
          if (neg) p.fail('hexadecimal float literal should not have a leading minus', t.offset);
          const ft = type as FloatType;
          const bits = BigInt(t.text);
          if (bits >> BigInt(ft.width) !== 0n) p.fail('hexadecimal float constant out of range for type', t.offset);
          floats.push(floatFromBits(bits, ft.floatKind) ?? NaN);
          return;
        }
        const v = Number(t.text);
        floats.push(neg ? -v : v);
      }
    });
  }
  p.expect('>', "expected '>' to close an array attribute");
  return p.context.denseArrayAttr(type, isInt ? ints : floats);
}

/** `strided<[1, ?], offset: ?>`. */
export function parseStrided(p: ParserState): Attribute {
  p.next();
  p.expect('<', "expected '<' after 'strided'");
  const strides: number[] = [];
  p.delimitedList('[', ']', () => strides.push(parseStrideValue(p)));
  let offset = 0;
  if (p.consumeIf(',')) {
    const kw = p.peek();
    if (kw.text !== 'offset') p.fail("expected 'offset' after comma");
    p.next();
    p.expect(':', "expected ':' after 'offset'");
    offset = parseStrideValue(p);
  }
  p.expect('>', "expected '>'");
  return p.context.stridedLayoutAttr(strides, offset);
}

function parseStrideValue(p: ParserState): number {
  if (p.consumeIf('?')) return DYNAMIC;
  const neg = p.consumeIf('-');
  const t = p.peek();
  if (t.kind !== Kind.Integer) p.fail("expected a 64-bit signed integer or '?'");
  p.next();
  return neg ? -Number(t.text) : Number(t.text);
}
