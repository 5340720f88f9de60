// Abstract type model for TOSA semantics: just enough of MLIR's type system to
// state shape inference and verifier rules without depending on the IR core.

/** A tensor dimension: a static size or '?' (MLIR's ShapedType::kDynamic). */
export type Dim = number | '?';

/** `tensor<2x?xf32>` (shape = dims) or `tensor<*xf32>` (shape = null). */
export interface TensorType {
  readonly kind: 'tensor';
  readonly shape: readonly Dim[] | null;
  /** Element type as MLIR prints it: 'f32', 'i8', 'ui8', '!quant.uniform<i8:f32, 1.0>'. */
  readonly element: string;
}

/** `!tosa.shape<N>`. */
export interface ShapeType {
  readonly kind: 'shape';
  readonly rank: number;
}

/** Anything else (scalars such as `i32`, vectors, `none`), kept as text. */
export interface OtherType {
  readonly kind: 'other';
  readonly text: string;
}

export type AbstractType = TensorType | ShapeType | OtherType;

export const tensor = (shape: readonly Dim[] | null, element: string): TensorType => ({ kind: 'tensor', shape, element });
export const shapeType = (rank: number): ShapeType => ({ kind: 'shape', rank });

export const isTensor = (t: AbstractType | undefined): t is TensorType => t !== undefined && t.kind === 'tensor';
export const isRanked = (t: AbstractType | undefined): t is TensorType & { shape: readonly Dim[] } =>
  isTensor(t) && t.shape !== null;
export const isShape = (t: AbstractType | undefined): t is ShapeType => t !== undefined && t.kind === 'shape';

export const isDynamic = (d: Dim): d is '?' => d === '?';
export const hasStaticShape = (t: AbstractType): boolean => isRanked(t) && t.shape.every((d) => d !== '?');
export const rankOf = (t: AbstractType): number | null => (isRanked(t) ? t.shape.length : isShape(t) ? t.rank : null);
export const dimOf = (t: AbstractType, i: number): Dim => (isRanked(t) && i < t.shape.length ? t.shape[i]! : '?');
export const numElements = (shape: readonly Dim[]): number | null =>
  shape.some((d) => d === '?') ? null : (shape as readonly number[]).reduce((a, b) => a * b, 1);

/** Element type of a tensor, or the type itself for scalars (getElementTypeOrSelf). */
export function elementOf(t: AbstractType): string {
  if (t.kind === 'tensor') return t.element;
  if (t.kind === 'shape') return 'index';
  const vec = /^vector<(?:\[?\d+\]?x)*(.+)>$/.exec(t.text);
  return vec ? vec[1]! : t.text;
}

/**
 * A double as MLIR prints float values: `%e` with 6 digits when that reads
 * back to the same value, else the shortest exact decimal.
 */
export function printMlirFloat(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const e = v.toExponential(6).replace(/e([+-])(\d)$/, 'e$10$2');
  if (Number(e) === v) return e;
  // Otherwise 17 significant digits with trailing zeros trimmed (observed on mlir-opt-22).
  const full = v.toPrecision(17);
  return full.includes('e') ? full : full.replace(/(\.\d*?[1-9])0+$/, '$1').replace(/\.0+$/, '.0');
}

/** An f32 value as MLIR prints it: `%e` with 6 digits if that reads back, else 9 significant digits. */
export function printMlirF32(v: number): string {
  const x = Math.fround(v);
  if (!Number.isFinite(x)) return String(x);
  const e = x.toExponential(6).replace(/e([+-])(\d)$/, 'e$10$2');
  if (Math.fround(Number(e)) === x) return e;
  const s = x.toPrecision(9);
  return s.includes('e') ? s : s.replace(/(\.\d*?[1-9])0+$/, '$1');
}

/** Element types as MLIR prints them; re-spells the scales of `!quant.uniform` types. */
export function printElement(e: string): string {
  const m = /^(!quant\.uniform<[^,]*,\s*)(.*)>$/s.exec(e);
  if (!m) return e;
  const scale = (s: string): string => {
    const [v, zp] = s.trim().split(':');
    const n = Number(v);
    return Number.isNaN(n) ? s.trim() : zp === undefined ? printMlirFloat(n) : `${printMlirFloat(n)}:${zp.trim()}`;
  };
  const params = m[2]!.trim();
  const body = params.startsWith('{') ? `{${params.slice(1, -1).split(',').map(scale).join(',')}}` : scale(params);
  return `${m[1]!.replace(/,\s*$/, ', ')}${body}>`;
}

/** MLIR's textual form of a type. */
export function printType(t: AbstractType): string {
  if (t.kind === 'shape') return `!tosa.shape<${t.rank}>`;
  if (t.kind === 'other') return t.text;
  const element = printElement(t.element);
  if (t.shape === null) return `tensor<*x${element}>`;
  return `tensor<${t.shape.map((d) => (d === '?' ? '?' : String(d))).join('x')}${t.shape.length ? 'x' : ''}${element}>`;
}

/** Parses the MLIR spelling of the types TOSA uses; anything unknown becomes 'other'. */
export function parseType(text: string): AbstractType {
  const s = text.trim();
  const shape = /^!tosa\.shape<\s*(-?\d+)\s*>$/.exec(s);
  if (shape) return shapeType(Number(shape[1]));
  const m = /^tensor<(.*)>$/s.exec(s);
  if (!m) return { kind: 'other', text: s };
  let body = m[1]!.trim();
  if (body.startsWith('*')) return tensor(null, body.replace(/^\*\s*x\s*/, ''));
  const dims: Dim[] = [];
  for (;;) {
    const d = /^(\d+|\?)\s*x\s*/.exec(body);
    if (!d) break;
    dims.push(d[1] === '?' ? '?' : Number(d[1]));
    body = body.slice(d[0].length);
  }
  // Drop a trailing encoding (`, #enc`) at bracket depth zero.
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '<' || c === '(' || c === '[' || c === '{') depth++;
    else if (c === '>' || c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      body = body.slice(0, i);
      break;
    }
  }
  return tensor(dims, body.trim());
}

// ---- element type classification (MLIR builtin types) ----

const FLOATS = new Set([
  'f16', 'bf16', 'f32', 'f64', 'f80', 'f128', 'tf32', 'f4E2M1FN', 'f6E2M3FN', 'f6E3M2FN', 'f8E5M2', 'f8E4M3',
  'f8E4M3FN', 'f8E5M2FNUZ', 'f8E4M3FNUZ', 'f8E4M3B11FNUZ', 'f8E3M4', 'f8E8M0FNU',
]);

export const isFloat = (e: string): boolean => FLOATS.has(e);
/** Any builtin integer type: signless `iN`, signed `siN`, unsigned `uiN`. */
export const isInteger = (e: string): boolean => /^(s|u)?i\d+$/.test(e);
export const isSignlessInteger = (e: string, width?: number): boolean =>
  /^i\d+$/.test(e) && (width === undefined || e === `i${width}`);
export const isUnsignedInteger = (e: string): boolean => /^ui\d+$/.test(e);
export const isQuant = (e: string): boolean => e.startsWith('!quant.');
export const isIndex = (e: string): boolean => e === 'index';

/** Bit width of an integer or float element type (0 when unknown). */
export function bitWidth(e: string): number {
  const i = /^(?:s|u)?i(\d+)$/.exec(e);
  if (i) return Number(i[1]);
  const table: Record<string, number> = { f16: 16, bf16: 16, f32: 32, f64: 64, f80: 80, f128: 128, tf32: 19, f4E2M1FN: 4, f6E2M3FN: 6, f6E3M2FN: 6 };
  if (e in table) return table[e]!;
  if (e.startsWith('f8')) return 8;
  return 0;
}

/** Storage type of a quantized type (`u8` storage is `ui8`, `i8` is `i8`), else the type itself. */
export function storageOf(e: string): string {
  if (!isQuant(e)) return e;
  const m = /^!quant\.\w+<\s*(u|i)(\d+)/.exec(e);
  return m ? `${m[1] === 'u' ? 'ui' : 'i'}${m[2]}` : e;
}
/** Storage bit width of a quantized type (getStorageTypeIntegralWidth). */
export const quantStorageWidth = (e: string): number => (isQuant(e) ? bitWidth(storageOf(e)) : 0);
export const isUniformQuant = (e: string): boolean => e.startsWith('!quant.uniform<');
export const isMxInt8 = (e: string): boolean => e === '!tosa.mxint8';
