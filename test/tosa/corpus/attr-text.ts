// Attribute-text helpers for the corpus extractor: bracket matching, top-level
// splitting, and MLIR attribute values turned into the semantic model's plain
// JS values.
import type { AttrValue } from '../../../src/dialects/tosa/semantics/index.js';
import { parseType } from '../../../src/dialects/tosa/semantics/index.js';

const OPEN = '([{<';
const CLOSE = ')]}>';

/** Index of the bracket closing the one at `open` (strings and `->` skipped); -1 if none. */
export function matchClose(s: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '-' && s[i + 1] === '>') {
      i++;
      continue;
    }
    const o = OPEN.indexOf(c);
    if (o >= 0) stack.push(CLOSE[o]!);
    else if (CLOSE.includes(c)) {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** Splits on `sep` at bracket depth zero. */
export function splitTopLevel(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '-' && s[i + 1] === '>') {
      i++;
      continue;
    }
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth--;
    else if (c === sep && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter((p, _i, a) => p !== '' || a.length > 1);
}

/** Decodes an IEEE hex float literal of width 16/32/64 bits. */
function hexFloat(hex: string, type: string): number {
  const bits = BigInt(hex);
  const buf = new DataView(new ArrayBuffer(8));
  if (type === 'f64') {
    buf.setBigUint64(0, bits);
    return buf.getFloat64(0);
  }
  if (type === 'f32') {
    buf.setUint32(0, Number(bits));
    return buf.getFloat32(0);
  }
  const exp = Number((bits >> 10n) & 0x1fn);
  return exp === 0x1f ? (Number(bits & 0x3ffn) ? NaN : Infinity) : Number(bits);
}

function parseScalar(tok: string): number {
  const t = tok.trim();
  if (t === 'true') return 1;
  if (t === 'false') return 0;
  if (/^-?0x[0-9a-f]+$/i.test(t)) return Number(BigInt(t));
  return Number(t);
}

function flatten(text: string): number[] {
  const t = text.trim();
  if (t.startsWith('[')) {
    const inner = t.slice(1, matchClose(t, 0));
    return splitTopLevel(inner, ',').filter((x) => x !== '').flatMap(flatten);
  }
  if (t.startsWith('(')) return [parseScalar(splitTopLevel(t.slice(1, -1), ',')[0] ?? '0')];
  return t === '' ? [] : [parseScalar(t)];
}

const BUILTIN_TYPE = /^(?:[su]?i\d+|f\d+|bf16|tf32|index|f8E\w+|f4E\w+|f6E\w+|none)$/;

/** Parses the attribute value text that follows `name =`. */
export function parseAttrValue(text: string): AttrValue {
  const t = text.trim();
  const arr = /^array<(\w+)\s*(?::\s*(.*))?>$/s.exec(t);
  if (arr) return (arr[2] ?? '').split(',').map((x) => x.trim()).filter(Boolean).map(parseScalar);
  if (t.startsWith('dense<')) {
    const close = matchClose(t, 5);
    const body = t.slice(6, close);
    const typeText = t.slice(close + 1).replace(/^\s*:\s*/, '');
    const type = parseType(typeText);
    if (body.startsWith('"0x')) return { kind: 'dense', type, values: [], splat: false };
    const values = flatten(body);
    const splat = !body.trim().startsWith('[');
    let expanded = values;
    if (splat && type.kind === 'tensor' && type.shape && type.shape.every((d) => d !== '?')) {
      const n = (type.shape as number[]).reduce((a, b) => a * b, 1);
      expanded = new Array<number>(n).fill(values[0] ?? 0);
    }
    return { kind: 'dense', type, values: expanded, splat };
  }
  if (t === 'true' || t === 'false') return t === 'true';
  const typed = /^(-?(?:0x[0-9a-fA-F]+|[\d.]+(?:[eE][+-]?\d+)?|inf|nan))\s*:\s*(\S+)$/.exec(t);
  if (typed) {
    const [, v, type] = typed as unknown as [string, string, string];
    const isFloat = !/^[su]?i\d+$/.test(type) && type !== 'index';
    if (isFloat) {
      if (/^0x/i.test(v)) return { kind: 'float', value: hexFloat(v, type), type, hex: `0x${v.slice(2).toUpperCase()}` };
      return { kind: 'float', value: Number(v), type };
    }
    return { kind: 'int', value: Number(v), type };
  }
  if (/^-?\d+$/.test(t)) return Number(t);
  if (BUILTIN_TYPE.test(t)) return { kind: 'type', type: t };
  if (t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1);
  return t;
}
