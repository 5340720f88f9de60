import {
  DYNAMIC,
  type Attribute,
  type FloatAttr,
  type Operation,
  type RankedTensorType,
  type StringAttr,
  type Type,
  type VerifyContext,
} from '../../ir/index.js';
import { ANNOTATIONS, REDUCTIONS, type CclAttrSpec, type CclOpSpec } from './spec.js';
import { decodeRankMatrix, groupsOf, integerValue, worldSizeOf } from './attributes.js';
import { futureType, futureValueType, isFuture } from './types.js';

type Fail = (message: string) => void;

function checkAttrKind(spec: CclAttrSpec, a: Attribute, fail: Fail): boolean {
  const bad = (what: string): boolean => {
    fail(`attribute '${spec.name}' must be ${what}`);
    return false;
  };
  switch (spec.kind) {
    case 'groups':
    case 'pairs':
      return decodeRankMatrix(a) !== undefined || bad('a 2-D integer dense elements attribute (e.g. dense<[[0, 1]]> : tensor<1x2xi64>)');
    case 'reduction':
    case 'enum':
      if (a.kind !== 'string') return bad('a string');
      if (spec.values && !spec.values.includes((a as StringAttr).value)) return bad(`one of ${spec.values.map((v) => `"${v}"`).join(', ')}`);
      return true;
    case 'i64':
      return integerValue(a) !== undefined || bad('an i64 integer');
    case 'f64':
      return (a.kind === 'float' && (a as FloatAttr).type.kind === 'float') || bad('an f64 float');
    case 'unit':
      return a.kind === 'unit' || bad('a unit attribute');
  }
}

/** Groups: non-empty, equal-sized, disjoint, within and covering [0, R). */
function checkGroups(groups: number[][], world: number | undefined, fail: Fail): boolean {
  const k = groups[0]?.length ?? 0;
  if (groups.length === 0 || k === 0) return (fail('groups must not be empty'), false);
  if (groups.some((g) => g.length !== k)) return (fail('groups must all have the same size'), false);
  const R = world ?? Math.max(...groups.flat()) + 1;
  const seen = new Set<number>();
  for (const r of groups.flat()) {
    if (!Number.isInteger(r) || r < 0 || r >= R) return (fail(`rank ${r} in groups is outside [0, ${R})`), false);
    if (seen.has(r)) return (fail(`groups must be disjoint, but rank ${r} appears more than once`), false);
    seen.add(r);
  }
  for (let r = 0; r < R; r++) if (!seen.has(r)) return (fail(`groups must cover every rank in [0, ${R}), but rank ${r} is missing`), false);
  return true;
}

function checkPairs(pairs: number[][], world: number | undefined, fail: Fail): boolean {
  if (pairs.some((p) => p.length !== 2)) return (fail("attribute 'pairs' must have 2 columns (source, destination)"), false);
  const R = world ?? Math.max(0, ...pairs.flat()) + 1;
  const src = new Set<number>();
  const dst = new Set<number>();
  for (const [s, d] of pairs) {
    for (const r of [s, d]) if (r < 0 || r >= R) return (fail(`rank ${r} in pairs is outside [0, ${R})`), false);
    if (src.has(s)) return (fail(`rank ${s} is the source of more than one pair`), false);
    if (dst.has(d)) return (fail(`rank ${d} is the destination of more than one pair`), false);
    src.add(s);
    dst.add(d);
  }
  return true;
}

const ELEMENT_OK = (t: Type): boolean => t.kind === 'integer' || t.kind === 'float' || t.kind === 'index';

/** Expected result type of a collective from its input (before `async` wrapping); errors via fail. */
function expectedResult(spec: CclOpSpec, op: Operation, input: RankedTensorType, k: number, fail: Fail): Type | undefined {
  const ctx = op.context;
  const dimAttr = (name: string): number | undefined => {
    const d = integerValue(op.getAttr(name));
    if (d === undefined) return undefined;
    if (d < 0 || d >= input.shape.length) {
      fail(`${name} ${d} is out of range for an operand of rank ${input.shape.length}`);
      return undefined;
    }
    return d;
  };
  const divisible = (dim: number, what: string): boolean => {
    const size = input.shape[dim];
    if (size !== DYNAMIC && size % k !== 0) {
      fail(`${what} ${dim} of size ${size} is not divisible by the group size ${k}`);
      return false;
    }
    return true;
  };
  const withDim = (shape: number[], dim: number, f: (n: number) => number): number[] => shape.map((n, i) => (i === dim && n !== DYNAMIC ? f(n) : n));
  switch (spec.result) {
    case 'same':
      return input;
    case 'scatter': {
      const d = dimAttr('dim');
      if (d === undefined || !divisible(d, 'dim')) return undefined;
      return ctx.tensorType(withDim([...input.shape], d, (n) => n / k), input.elementType, input.encoding);
    }
    case 'gather': {
      const d = dimAttr('dim');
      if (d === undefined) return undefined;
      return ctx.tensorType(withDim([...input.shape], d, (n) => n * k), input.elementType, input.encoding);
    }
    case 'all_to_all': {
      const s = dimAttr('split_dim');
      const c = dimAttr('concat_dim');
      if (s === undefined || c === undefined || !divisible(s, 'split_dim')) return undefined;
      let shape = withDim([...input.shape], s, (n) => n / k);
      shape = withDim(shape, c, (n) => n * k);
      return ctx.tensorType(shape, input.elementType, input.encoding);
    }
    default:
      return undefined;
  }
}

/** Every rule of DESIGN §6.1, with MLIR-style `'ccl.x' op ...` messages. */
export function verifyCclOp(spec: CclOpSpec, op: Operation, ctx: VerifyContext): void {
  const fail: Fail = (m) => ctx.emitOpError(op, m);
  if (op.numOperands !== 1) return fail(`expected 1 operand, but found ${op.numOperands}`);
  if (op.results.length !== 1) return fail('requires one result');
  if (spec.name === 'wait') return verifyWait(op, fail, ctx);

  const all = [...spec.attributes, ...ANNOTATIONS];
  for (const a of all) {
    const v = op.getAttr(a.name);
    if (!v) {
      if (a.required) return fail(`requires attribute '${a.name}'`);
      continue;
    }
    if (!checkAttrKind(a, v, fail)) return;
  }
  const world = worldSizeOf(op);
  let k = 1;
  if (spec.attributes.some((a) => a.kind === 'groups')) {
    const groups = groupsOf(op)!;
    if (!checkGroups(groups, world, fail)) return;
    k = groups[0].length;
  }
  if (spec.attributes.some((a) => a.kind === 'pairs') && !checkPairs(decodeRankMatrix(op.getAttr('pairs'))!, world, fail)) return;
  const root = integerValue(op.getAttr('root'));
  if (root !== undefined && (root < 0 || root >= k)) return fail(`root ${root} is not a position in groups of size ${k}`);

  const inputType = op.operand(0).type;
  if (inputType.kind !== 'tensor') return fail(`operand must be a ranked tensor, but got '${ctx.printType(inputType)}'`);
  const input = inputType as RankedTensorType;
  const red = op.getAttr('reduction');
  if (red && !ELEMENT_OK(input.elementType)) {
    return fail(`reduction '${(red as StringAttr).value}' is not defined for element type '${ctx.printType(input.elementType)}'`);
  }
  if (red && input.elementType.kind === 'integer' && (input.elementType as unknown as { width: number }).width === 1 && (red as StringAttr).value !== 'max' && (red as StringAttr).value !== 'min') {
    return fail(`reduction '${(red as StringAttr).value}' is not defined for element type 'i1' (use max or min)`);
  }
  const expected = expectedResult(spec, op, input, k, fail);
  if (!expected) return;
  const isAsync = op.getAttr('async') !== undefined;
  const want = isAsync ? futureType(op.context, expected) : expected;
  const got = op.resultTypes[0];
  if (got !== want) {
    if (isAsync && !isFuture(got)) return fail(`an async collective must produce '${ctx.printType(want)}', but produces '${ctx.printType(got)}'`);
    if (!isAsync && isFuture(got)) return fail(`produces a future but has no 'async' attribute`);
    return fail(`result type '${ctx.printType(got)}' does not match the expected '${ctx.printType(want)}'`);
  }
  if (isAsync) {
    const uses = [...op.result(0).uses()];
    const waits = uses.filter((u) => u.owner.name === 'ccl.wait');
    if (waits.length !== 1 || uses.length !== 1) {
      return fail(`the future of an async collective must be waited exactly once, but it has ${waits.length} ccl.wait use(s) and ${uses.length - waits.length} other use(s)`);
    }
  }
}

function verifyWait(op: Operation, fail: Fail, ctx: VerifyContext): void {
  const t = op.operand(0).type;
  const value = futureValueType(t);
  if (!value) return fail(`operand must be a '!ccl.future', but got '${ctx.printType(t)}'`);
  if (op.resultTypes[0] !== value) return fail(`result type '${ctx.printType(op.resultTypes[0])}' does not match the future's '${ctx.printType(value)}'`);
  const def = op.operand(0).definingOp;
  if (!def || !def.name.startsWith('ccl.') || def.name === 'ccl.wait' || !def.getAttr('async')) {
    return fail("operand must be the future of an 'async' ccl collective");
  }
}
