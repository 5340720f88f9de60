// Program steps for elementwise TOSA ops: unary, binary with broadcasting,
// comparisons, select, clamp, negate, mul (with its shift operand), casts.
import type { Dim, TensorType } from '../../dialects/tosa/semantics/index.js';
import { tensor } from '../../dialects/tosa/semantics/index.js';
import type { ProgramBuilder, Ranked } from './builder.js';
import type { ValueRef } from './program.js';
import { adapt, CASTS } from './adapt.js';

/** One step: appends zero or more ops to the program. */
export type Step = (b: ProgramBuilder) => void;

const FLOATS = ['f32', 'f16'];
const BINARY: Readonly<Record<string, readonly string[]>> = {
  float: ['tosa.add', 'tosa.sub', 'tosa.maximum', 'tosa.minimum', 'tosa.pow'],
  i32: ['tosa.add', 'tosa.sub', 'tosa.maximum', 'tosa.minimum', 'tosa.bitwise_and', 'tosa.bitwise_or', 'tosa.bitwise_xor', 'tosa.intdiv',
    'tosa.logical_left_shift', 'tosa.logical_right_shift', 'tosa.arithmetic_right_shift'],
  i1: ['tosa.logical_and', 'tosa.logical_or', 'tosa.logical_xor'],
};
const UNARY: Readonly<Record<string, readonly string[]>> = {
  float: ['tosa.abs', 'tosa.exp', 'tosa.log', 'tosa.ceil', 'tosa.floor', 'tosa.reciprocal', 'tosa.rsqrt', 'tosa.tanh', 'tosa.sigmoid',
    'tosa.sin', 'tosa.cos', 'tosa.erf', 'tosa.identity'],
  i32: ['tosa.abs', 'tosa.bitwise_not', 'tosa.clz', 'tosa.identity'],
  i1: ['tosa.logical_not', 'tosa.identity'],
};

const elementsOf = (cls: string): readonly string[] => (cls === 'float' ? FLOATS : [cls]);

/** An element class among `classes`, usually the latest value's, so that ops chain instead of reading fresh arguments. */
function pickClass(b: ProgramBuilder, classes: readonly string[]): string {
  const latest = b.candidates(() => true).at(-1);
  const e = latest ? b.ranked(latest).element : undefined;
  const cls = e === undefined ? undefined : FLOATS.includes(e) ? 'float' : e;
  return cls !== undefined && classes.includes(cls) && b.bool(75) ? cls : b.choose(classes);
}

/** A value of one of `elements`, ranked, of rank ≥ minRank. */
export function anyTensor(b: ProgramBuilder, elements: readonly string[], minRank = 1, maxRank = 4): ValueRef {
  const fits = (t: Ranked) => elements.includes(t.element) && t.shape.length >= minRank && t.shape.length <= maxRank;
  // Often continue from the latest value, casting or reshaping it when it does not fit.
  const latest = b.candidates(() => true).at(-1);
  if (latest && !fits(b.ranked(latest)) && b.bool(50)) {
    const adapted = adapt(b, latest, elements, minRank, maxRank);
    if (adapted) return adapted;
  }
  return b.tensorValue(fits, () => tensor(b.shape(minRank, maxRank), b.choose(elements)));
}

/** True when shapes `a` and `b` broadcast against each other (same rank, dims equal or 1 or dynamic). */
const broadcastable = (a: readonly Dim[], c: readonly Dim[]): boolean =>
  a.length === c.length && a.every((d, i) => d === c[i] || d === 1 || c[i] === 1 || d === '?' || c[i] === '?');

/** A second operand for `x`: an earlier value that broadcasts with it, or a new argument with some dims set to 1. */
export function partner(b: ProgramBuilder, x: Ranked, element = x.element): ValueRef {
  return b.tensorValue(
    (t) => t.element === element && broadcastable(t.shape, x.shape),
    (): TensorType => tensor(x.shape.map((d) => (b.bool(30) ? 1 : b.bool(10) ? '?' : d)), element),
  );
}

/** Operands in either order (broadcasting is symmetric; the generator should not be). */
const maybeSwap = (b: ProgramBuilder, xs: ValueRef[]): ValueRef[] => (b.bool() ? xs.reverse() : xs);

const binary: Step = (b) => {
  const cls = pickClass(b, Object.keys(BINARY));
  const x = anyTensor(b, elementsOf(cls));
  const xt = b.ranked(x);
  const name = b.choose(BINARY[cls]!);
  const attrs: Record<string, boolean> = name === 'tosa.arithmetic_right_shift' ? { round: b.bool() } : {};
  b.emit(name, maybeSwap(b, [x, partner(b, xt)]), attrs);
};

const unary: Step = (b) => {
  const cls = pickClass(b, Object.keys(UNARY));
  b.emit(b.choose(UNARY[cls]!), [anyTensor(b, elementsOf(cls))]);
};

const compare: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32']);
  const xt = b.ranked(x);
  b.emit(b.choose(['tosa.equal', 'tosa.greater', 'tosa.greater_equal']), maybeSwap(b, [x, partner(b, xt)]), {}, ['i1']);
};

const select: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32', 'f16']);
  const xt = b.ranked(x);
  b.emit('tosa.select', [partner(b, xt, 'i1'), ...maybeSwap(b, [x, partner(b, xt)])], {}, [xt.element]);
};

const mul: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32']);
  const xt = b.ranked(x);
  b.emit('tosa.mul', [...maybeSwap(b, [x, partner(b, xt)]), b.scalarConst('i8', 0)]);
};

const clamp: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32']);
  const e = b.ranked(x).element;
  const lo = b.int(-4, 0);
  const hi = lo + b.int(0, 6);
  const kind = e === 'f32' ? ('float' as const) : ('int' as const);
  b.emit('tosa.clamp', [x], { min_val: { kind, value: lo, type: e }, max_val: { kind, value: hi, type: e } });
};

const negate: Step = (b) => {
  const x = anyTensor(b, ['f32', 'i32', 'f16']);
  const e = b.ranked(x).element;
  b.emit('tosa.negate', [x, b.scalarConst(e), b.scalarConst(e)]);
};

const cast: Step = (b) => {
  const x = anyTensor(b, ['f32', 'f16', 'i32', 'i1']);
  b.emit('tosa.cast', [x], {}, [b.choose(CASTS[b.ranked(x).element]!)]);
};

/** A constant tensor that later steps can use (splat or a short list). */
const constant: Step = (b) => {
  const e = b.choose(['f32', 'i32', 'i1']);
  const shape = b.staticShape(1, 3);
  const n = shape.reduce((a, c) => a * c, 1);
  const pick = (): number => (e === 'i1' ? b.int(0, 1) : b.int(-3, 3));
  b.constTensor(tensor(shape, e), b.bool() || n > 16 ? [pick()] : Array.from({ length: n }, pick));
};

export const ELEMENTWISE_STEPS: Readonly<Record<string, Step>> = {
  binary, unary, compare, select, mul, clamp, negate, cast, constant,
};
