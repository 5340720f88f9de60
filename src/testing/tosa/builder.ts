// Builds a TosaProgram op by op from fast-check's random numbers. Result
// types come from the TOSA semantic core (inferTosaResultTypes), never from
// rules restated here; operands come from earlier values when one fits, else
// from a new function argument or constant.
import type { AbstractType, AttrValue, Dim, OpView, TensorType } from '../../dialects/tosa/semantics/index.js';
import { inferTosaResultTypes, tensor } from '../../dialects/tosa/semantics/index.js';
import { regionArgTypes, regionTypeOf, typeOf, type ProgramOp, type RegionBody, type TosaProgram, type ValueRef } from './program.js';

/** Ranked tensor types only: the generator never builds unranked values. */
export type Ranked = TensorType & { readonly shape: readonly Dim[] };
export const isRankedTensor = (t: AbstractType): t is Ranked => t.kind === 'tensor' && t.shape !== null;

export interface BuilderOptions {
  /** Allow `?` dimensions in generated arguments. Default true. */
  readonly dynamicDims?: boolean;
}

export class ProgramBuilder {
  readonly args: AbstractType[] = [];
  readonly ops: ProgramOp[] = [];
  private picks: readonly number[] = [0];
  private at = 0;

  constructor(readonly options: BuilderOptions = {}) {}

  /** Random numbers for the next step (fast-check shrinks them towards 0 = the simplest choices). */
  usePicks(picks: readonly number[]): void {
    this.picks = picks.length ? picks : [0];
    this.at = 0;
  }

  private next(): number {
    const i = this.at++;
    const base = this.picks[i % this.picks.length]!;
    // Past the end, derive more numbers so long steps do not repeat themselves.
    return i < this.picks.length ? base : (Math.imul(base ^ i, 2654435761) ^ (i * 40503)) >>> 0;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return hi <= lo ? lo : lo + (this.next() % (hi - lo + 1));
  }
  bool(percentTrue = 50): boolean {
    return this.int(0, 99) < percentTrue;
  }
  choose<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }
  /** A permutation of [0, n). */
  permutation(n: number): number[] {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(0, i);
      [p[i], p[j]] = [p[j]!, p[i]!];
    }
    return p;
  }

  dim(): Dim {
    return this.options.dynamicDims !== false && this.bool(15) ? '?' : this.int(1, 5);
  }
  shape(minRank = 1, maxRank = 4): Dim[] {
    return Array.from({ length: this.int(minRank, maxRank) }, () => this.dim());
  }
  staticShape(minRank = 1, maxRank = 4): number[] {
    return Array.from({ length: this.int(minRank, maxRank) }, () => this.int(1, 5));
  }

  get program(): TosaProgram {
    return { args: this.args, ops: this.ops, returns: [] };
  }
  typeOf(v: ValueRef): AbstractType {
    return typeOf(this.program, v);
  }
  ranked(v: ValueRef): Ranked {
    return this.typeOf(v) as Ranked;
  }

  /** Values so far (results of non-constant ops first choice) whose type satisfies `pred`. */
  candidates(pred: (t: Ranked) => boolean): ValueRef[] {
    const out: ValueRef[] = this.args.flatMap((t, arg) => (isRankedTensor(t) && pred(t) ? [{ arg }] : []));
    this.ops.forEach((op, i) => {
      if (op.name === 'tosa.const_shape') return;
      op.results.forEach((t, result) => {
        if (isRankedTensor(t) && pred(t)) out.push({ op: i, result });
      });
    });
    return out;
  }

  /** An existing value satisfying `pred` (preferring recent ones, so ops chain), else a new argument of type `make()`. */
  tensorValue(pred: (t: Ranked) => boolean, make: () => TensorType): ValueRef {
    const found = this.candidates(pred);
    if (found.length && this.bool(80)) {
      // Bias towards the latest values: chains get long instead of wide.
      const k = Math.max(0, found.length - 1 - this.int(0, Math.min(3, found.length - 1)));
      return found[k]!;
    }
    return this.arg(make());
  }

  arg(t: AbstractType): ValueRef {
    this.args.push(t);
    return { arg: this.args.length - 1 };
  }

  constShape(values: readonly number[]): ValueRef {
    const type: AbstractType = { kind: 'shape', rank: values.length };
    const dense: AttrValue = { kind: 'dense', type: tensor([values.length], 'index'), values, splat: false };
    this.ops.push({ name: 'tosa.const_shape', operands: [], attrs: { values: dense }, results: [type] });
    return { op: this.ops.length - 1, result: 0 };
  }

  /** A tosa.const of `type`; one value makes a splat. */
  constTensor(type: TensorType, values: readonly number[]): ValueRef {
    const dense: AttrValue = { kind: 'dense', type, values, splat: values.length === 1 };
    this.ops.push({ name: 'tosa.const', operands: [], attrs: { values: dense }, results: [type] });
    return { op: this.ops.length - 1, result: 0 };
  }

  /** A zero point (or pad value, or shift): tensor<1xE> holding `v`. */
  scalarConst(element: string, v = 0): ValueRef {
    return this.constTensor(tensor([1], element), [v]);
  }

  /** The OpView the semantic core sees for an op on these operands. */
  view(name: string, operands: readonly ValueRef[], attrs: Readonly<Record<string, AttrValue>>, results: readonly AbstractType[] = [], regions?: readonly RegionBody[]): OpView {
    const constants = operands.map((v) => {
      if ('arg' in v) return undefined;
      const def = this.ops[v.op]!;
      const d = def.attrs['values'];
      const fits = def.results[0]?.kind === 'shape' ? def.name === 'tosa.const_shape' : def.name === 'tosa.const';
      return fits && d && typeof d === 'object' && 'kind' in d && d.kind === 'dense' ? expand(d) : undefined;
    });
    return {
      name,
      operands: operands.map((v) => this.typeOf(v)),
      results,
      attrs,
      constants,
      definingOps: operands.map((v) => ('arg' in v ? undefined : this.ops[v.op]!.name)),
      ...(regions ? { regions: this.regionViews(name, operands, regions) } : {}),
    };
  }

  private regionViews(name: string, operands: readonly ValueRef[], regions: readonly RegionBody[]) {
    const p = this.program;
    const op: ProgramOp = { name, operands, attrs: {}, results: [], regions };
    return regions.map((r) => ({ args: regionArgTypes(p, op, r), yields: r.yields.map((v) => regionTypeOf(p, op, r, v)) }));
  }

  /**
   * Appends `name` with results inferred by the semantic core (`elements`
   * overrides result element types, e.g. for casts). Returns its first
   * result, or undefined (nothing appended) when inference fails or yields
   * a size that cannot be written.
   */
  emit(
    name: string,
    operands: readonly ValueRef[],
    attrs: Readonly<Record<string, AttrValue>> = {},
    elements?: readonly string[],
    regions?: readonly RegionBody[],
  ): ValueRef | undefined {
    const inferred = inferTosaResultTypes(this.view(name, operands, attrs, [], regions));
    if (!inferred || inferred.length === 0) return undefined;
    const results = inferred.map((t, i): AbstractType => (t.kind === 'tensor' && elements?.[i] ? { ...t, element: elements[i]! } : t));
    if (results.some((t) => t.kind === 'tensor' && (t.shape === null || t.shape.some((d) => d !== '?' && !(d >= 1))))) return undefined;
    this.ops.push({ name, operands, attrs, results, ...(regions ? { regions } : {}) });
    return { op: this.ops.length - 1, result: 0 };
  }
}

/** Dense values flattened, splats expanded over a static shape. */
function expand(d: Extract<AttrValue, { kind: 'dense' }>): readonly number[] {
  if (!d.splat || d.type.kind !== 'tensor' || !d.type.shape || d.type.shape.some((x) => x === '?')) return d.values;
  const n = (d.type.shape as number[]).reduce((a, b) => a * b, 1);
  return new Array<number>(n).fill(d.values[0] ?? 0);
}

