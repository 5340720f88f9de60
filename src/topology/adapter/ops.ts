/** The IR-independent view of a module's ops that the topology commands need. */

export type AttrValue =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'unit' }
  | { readonly kind: 'dense'; readonly value: unknown }
  | { readonly kind: 'other'; readonly text: string };

export interface OpInfo {
  readonly name: string;
  readonly results: readonly string[];
  readonly operands: readonly string[];
  readonly attrs: ReadonlyMap<string, AttrValue>;
  readonly operandTypes: readonly string[];
  readonly resultTypes: readonly string[];
  /** `file:line:col` of the op. */
  readonly loc: string;
}

export interface ModuleInfo {
  readonly worldSize?: number;
  readonly ops: readonly OpInfo[];
}

/** A module the reader cannot handle; message names `file:line:col`. */
export class ModuleReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModuleReadError';
  }
}

const ELEMENT_BYTES: Record<string, number> = {
  i1: 1, i8: 1, i16: 2, i32: 4, i64: 8, f16: 2, bf16: 2, f32: 4, f64: 8, index: 8,
};

export interface TensorShape {
  readonly dims: readonly number[];
  readonly elementBytes: number;
}

/** `tensor<8x64xf32>` (or a `!ccl.future<...>` of one) to dims and element size. */
export function tensorShape(type: string): TensorShape | undefined {
  const inner = /^!ccl\.future<(.*)>$/.exec(type.trim())?.[1] ?? type.trim();
  const m = /^tensor<((?:\d+x)*)([a-z]\w*)(?:,.*)?>$/.exec(inner);
  if (!m) return undefined;
  const dims = m[1] ? m[1].slice(0, -1).split('x').map(Number) : [];
  const el = m[2];
  const bytes = ELEMENT_BYTES[el] ?? (/^[fi](\d+)/.test(el) ? Math.ceil(Number(/\d+/.exec(el)![0]) / 8) : /^f8/.test(el) ? 1 : undefined);
  if (bytes === undefined) return undefined;
  return { dims, elementBytes: bytes };
}

export const tensorBytes = (s: TensorShape): number => s.dims.reduce((a, d) => a * d, 1) * s.elementBytes;
