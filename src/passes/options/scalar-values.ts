/**
 * Parsing and printing of single option values with LLVM `cl` semantics:
 * integers in any radix `getAsInteger(0)` accepts, booleans as
 * `true/TRUE/True/1/""`, floats as `strtod` reads them, enums by name.
 * Printing follows MLIR's `PassOptions::print` (floats as `%e`, strings
 * containing an early space wrapped in braces).
 */
import type { IntegerFlavor, ScalarType, ScalarValue } from './option-spec.js';

export type ParseResult = { readonly ok: true; readonly value: ScalarValue } | { readonly ok: false; readonly message: string };

const INTEGER_RANGE: Record<IntegerFlavor, readonly [bigint, bigint]> = {
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
  uint: [0n, 2n ** 32n - 1n],
  ulong: [0n, 2n ** 64n - 1n],
};

const INTEGER_NOUN: Record<IntegerFlavor, string> = { int: 'integer', long: 'long', uint: 'uint', ulong: 'ulong' };

/** Parses digits with LLVM's radix auto-detection (`0x`, `0b`, `0o`, leading `0`). */
function parseUnsignedAutoRadix(s: string): bigint | undefined {
  let radix = 10;
  const lower = s.toLowerCase();
  if (lower.startsWith('0x')) {
    radix = 16;
    s = s.slice(2);
  } else if (lower.startsWith('0b')) {
    radix = 2;
    s = s.slice(2);
  } else if (s.startsWith('0o')) {
    radix = 8;
    s = s.slice(2);
  } else if (s.length > 1 && s[0] === '0' && s[1] >= '0' && s[1] <= '9') {
    radix = 8;
    s = s.slice(1);
  }
  if (s === '') return undefined;
  let v = 0n;
  for (const ch of s.toLowerCase()) {
    const d = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch >= 'a' && ch <= 'z' ? ch.charCodeAt(0) - 87 : 99;
    if (d >= radix) return undefined;
    v = v * BigInt(radix) + BigInt(d);
  }
  return v;
}

/** An integer as LLVM's `StringRef::getAsInteger(0, T)` reads it, or undefined. */
export function parseLlvmInteger(text: string, flavor: IntegerFlavor): bigint | undefined {
  const negative = text.startsWith('-');
  if (negative && (flavor === 'uint' || flavor === 'ulong')) return undefined;
  const magnitude = parseUnsignedAutoRadix(negative ? text.slice(1) : text);
  if (magnitude === undefined) return undefined;
  const v = negative ? -magnitude : magnitude;
  const [lo, hi] = INTEGER_RANGE[flavor];
  return v < lo || v > hi ? undefined : v;
}

const DECIMAL_FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?\d+))?$/;
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/** A floating-point number as C's `strtod` reads a whole string, or undefined. */
export function parseCFloat(text: string): number | undefined {
  if (DECIMAL_FLOAT.test(text)) return Number(text);
  const special = SPECIAL_FLOAT.exec(text);
  if (special) {
    const sign = special[1] === '-' ? -1 : 1;
    return special[2].toLowerCase() === 'nan' ? NaN : sign * Infinity;
  }
  const hex = HEX_FLOAT.exec(text);
  if (hex && (hex[2] !== '' || hex[3] !== '')) {
    const digits = hex[2] + hex[3];
    let mantissa = 0;
    for (const ch of digits) mantissa = mantissa * 16 + parseInt(ch, 16);
    const exponent = (hex[4] ? Number(hex[4]) : 0) - 4 * hex[3].length;
    const v = mantissa * 2 ** exponent;
    return hex[1] === '-' ? -v : v;
  }
  return undefined;
}

const TRUE_WORDS = new Set(['', 'true', 'TRUE', 'True', '1']);
const FALSE_WORDS = new Set(['false', 'FALSE', 'False', '0']);

/** Parses `text` as a value of `type`; the failure message is LLVM's wording. */
export function parseScalar(type: ScalarType, text: string): ParseResult {
  switch (type.kind) {
    case 'bool':
      if (TRUE_WORDS.has(text)) return { ok: true, value: true };
      if (FALSE_WORDS.has(text)) return { ok: true, value: false };
      return { ok: false, message: `'${text}' is invalid value for boolean argument! Try 0 or 1` };
    case 'integer': {
      const v = parseLlvmInteger(text, type.flavor);
      if (type.exact && v !== undefined) return { ok: true, value: v };
      if (v === undefined || v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
        return { ok: false, message: `'${text}' value invalid for ${INTEGER_NOUN[type.flavor]} argument!` };
      }
      return { ok: true, value: Number(v) };
    }
    case 'float': {
      const v = parseCFloat(text);
      if (v === undefined) return { ok: false, message: `'${text}' value invalid for floating point argument!` };
      return { ok: true, value: type.flavor === 'float' ? Math.fround(v) : v };
    }
    case 'string':
      return { ok: true, value: text };
    case 'enum':
      if (type.choices.some((c) => c.name === text)) return { ok: true, value: text };
      return { ok: false, message: `Cannot find option named '${text}'!` };
  }
}

/** C's `%e` (six fraction digits, exponent of at least two digits); LLVM prints INF/nan. */
export function formatPercentE(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v < 0 ? '-INF' : 'INF';
  const [mantissa, exp] = v.toExponential(6).split('e');
  const sign = exp.startsWith('-') ? '-' : '+';
  const digits = exp.replace(/^[+-]/, '').padStart(2, '0');
  return `${Object.is(v, -0) ? '-' : ''}${mantissa}e${sign}${digits}`;
}

/**
 * A string option value as MLIR prints it: wrapped in `{}` when it has a
 * space before any `{`, `'` or `"` (so it re-parses as one value).
 */
export function formatStringValue(s: string): string {
  const space = s.indexOf(' ');
  if (space < 0) return s;
  const escapes = ['{', "'", '"'].map((c) => s.indexOf(c)).filter((i) => i >= 0);
  const firstEscape = escapes.length ? Math.min(...escapes) : Infinity;
  return space < firstEscape ? `{${s}}` : s;
}

/** Prints one value of `type` in the normalised form. */
export function formatScalar(type: ScalarType, value: ScalarValue): string {
  switch (type.kind) {
    case 'bool':
      return value ? 'true' : 'false';
    case 'integer':
      return String(value);
    case 'float':
      return formatPercentE(Number(value));
    case 'string':
      return formatStringValue(String(value));
    case 'enum':
      return String(value);
  }
}
