/**
 * The generic half of op verification, driven by LLVM 22 ODS data: count
 * traits, `verifyInvariantsImpl` (attributes, operand/result constraints,
 * PredOpTraits, regions), then the remaining traits in declaration order,
 * with MLIR's wording throughout.
 */
import { evaluatePred, type ClassTable, type OdsDialect, type OdsOp } from '../../ir/ods/index.js';
import { operandGroups, resultGroups } from '../../ir/assembly-format/engine/index.js';
import type { Operation, Type, Value, VerifyContext } from '../../ir/index.js';
import { nativeTraitVerifier } from './ods-native-traits.js';
import { predTraitHolds, predTraitMessage } from './ods-pred-traits.js';
import { verifyPlan, type GroupPlan, type VerifyPlan } from './ods-verify-plan.js';

/** A C++ trait or interface verifier supplied by a dialect; false once it reported. */
export type TraitVerifier = (op: Operation, ctx: VerifyContext) => boolean;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Region/result/operand count traits with the wording of MLIR's op traits,
 * in the order `Op<...>` lists them (regions, results, successors, operands).
 */
function verifyCounts(op: Operation, plan: VerifyPlan, ctx: VerifyContext): boolean {
  for (const { what, fixed, variadic } of plan.counts) {
    const actual = what === 'region' ? op.regions.length : what === 'result' ? op.results.length : op.numOperands;
    if (variadic ? actual >= fixed : actual === fixed) continue;
    if (variadic) ctx.emitOpError(op, `expected ${fixed} or more ${what}s, but found ${actual}`);
    else if (fixed === 0) ctx.emitOpError(op, `requires zero ${what}s`);
    else if (fixed === 1 && what === 'operand') ctx.emitOpError(op, 'requires a single operand');
    else if (fixed === 1) ctx.emitOpError(op, `requires one ${what}`);
    else if (what === 'region') ctx.emitOpError(op, `expected ${plural(fixed, what)}`);
    else ctx.emitOpError(op, `expected ${plural(fixed, what)}, but found ${actual}`);
    return false;
  }
  return true;
}

function verifySegments(op: Operation, ods: OdsOp, plan: VerifyPlan, ctx: VerifyContext): boolean {
  for (const [enabled, attr, count, what] of [
    [plan.operandSegments, 'operandSegmentSizes', op.numOperands, 'operand'],
    [plan.resultSegments, 'resultSegmentSizes', op.results.length, 'result'],
  ] as const) {
    if (!enabled) continue;
    const a = op.getAttr(attr);
    if (!a || a.kind !== 'dense_array') {
      ctx.emitOpError(op, `requires dense i32 array attribute '${attr}'`);
      return false;
    }
    const sizes = (a as unknown as { values: readonly number[] }).values.map(Number);
    const decls = what === 'operand' ? ods.operands : ods.results;
    if (sizes.length !== decls.length) {
      ctx.emitOpError(op, `'${attr}' attribute for specifying ${what} segments must have ${decls.length} elements, but got ${sizes.length}`);
      return false;
    }
    const total = sizes.reduce((x, y) => x + y, 0);
    if (total !== count) {
      ctx.emitOpError(op, `${what} count (${count}) does not match with the total size (${total}) specified in attribute '${attr}'`);
      return false;
    }
  }
  return true;
}

/** The op name of a C++ op class of `dialect` (`mlir::tensor::YieldOp` → `tensor.yield`). */
function opNameOfClass(dialect: OdsDialect, cppClass: string): string | undefined {
  const cls = cppClass.replace(/^.*::/, '');
  return dialect.ops.find((o) => o.def.replace(/^[A-Za-z0-9]+_/, '') === cls)?.name;
}

/** `HasParent<...>`: C++ class names resolved to op names of the same dialect. */
function verifyHasParent(op: Operation, params: readonly string[], dialect: OdsDialect, ctx: VerifyContext): boolean {
  const names: string[] = [];
  for (const p of params) {
    const name = opNameOfClass(dialect, p);
    if (!name) return true; // a parent from another dialect: not decidable here
    names.push(name);
  }
  const parent = op.parentOp;
  if (parent && names.includes(parent.name)) return true;
  ctx.emitOpError(op, names.length === 1 ? `expects parent op '${names[0]}'` : `expects parent op to be one of '${names.join(', ')}'`);
  return false;
}

/** Operand or result constraints: `<what> #<index> must be <summary>, but got '<type>'`. */
function verifyValues(op: Operation, plan: GroupPlan, values: readonly Value[] | Value[][], what: 'operand' | 'result', classes: ClassTable, ctx: VerifyContext): boolean {
  const opts = { classes };
  const fail = (index: number, v: Value, summary: string): false => {
    ctx.emitOpError(op, `${what} #${index} must be ${summary}, but got '${ctx.printType(v.type)}'`);
    return false;
  };
  if (plan.simple) {
    for (let i = 0; i < values.length; i++) {
      const c = plan.checks[i];
      const v = values[i] as Value;
      if (c && evaluatePred(c.pred, v.type, opts) === false) return fail(i, v, c.summary);
    }
    return true;
  }
  const groups = values as Value[][];
  let index = 0;
  for (let i = 0; i < plan.kinds.length; i++) {
    const group = groups[i] ?? [];
    if (plan.kinds[i] === 'optional' && group.length > 1) {
      ctx.emitOpError(op, `${what} group starting at #${index} requires 0 or 1 element, but found ${group.length}`);
      return false;
    }
    const c = plan.checks[i];
    for (const v of group) {
      if (c && evaluatePred(c.pred, v.type, opts) === false) return fail(index, v, c.summary);
      index++;
    }
  }
  return true;
}

/** `verifyInvariantsImpl`: attributes, operand/result constraints, pred traits, regions. */
function verifyInvariants(op: Operation, ods: OdsOp, plan: VerifyPlan, classes: ClassTable, ctx: VerifyContext): boolean {
  const opts = { classes };
  for (const name of plan.required) {
    if (!op.getAttr(name)) {
      ctx.emitOpError(op, `requires attribute '${name}'`);
      return false;
    }
  }
  for (const a of plan.attrs) {
    const v = op.getAttr(a.name);
    if (v && evaluatePred(a.pred, v, opts) === false) {
      ctx.emitOpError(op, `attribute '${a.name}' failed to satisfy constraint: ${a.summary}`);
      return false;
    }
  }
  const operands = plan.operands.simple ? op.operands : operandGroups(ods, op);
  if (!verifyValues(op, plan.operands, operands, 'operand', classes, ctx)) return false;
  const results = plan.results.simple ? op.results : resultGroups(ods, op);
  if (!verifyValues(op, plan.results, results, 'result', classes, ctx)) return false;
  for (const t of plan.predTraits) {
    if (predTraitHolds(op, ods, t, classes) === false) {
      ctx.emitOpError(op, predTraitMessage(t));
      return false;
    }
  }
  for (const r of plan.regions) {
    const region = op.regions[r.index];
    if (region && evaluatePred(r.pred, region, opts) === false) {
      ctx.emitOpError(op, `region #${r.index} ('${r.name}') failed to verify constraint: ${r.summary}`);
      return false;
    }
  }
  return true;
}

/**
 * The checks MLIR's ODS-generated op class performs before the op's own
 * `verify()`: count traits, `verifyInvariantsImpl`, then the remaining
 * traits in declaration order. Predicates that could not be translated never
 * reject. Returns false once something was reported.
 */
export function verifyOds(
  op: Operation,
  ods: OdsOp,
  dialect: OdsDialect,
  classes: ClassTable,
  ctx: VerifyContext,
  traitVerifiers: Readonly<Record<string, TraitVerifier>> = NO_HOOKS,
): boolean {
  const plan = verifyPlan(ods, dialect);
  if (!verifyCounts(op, plan, ctx) || !verifySegments(op, ods, plan, ctx)) return false;
  if (!verifyInvariants(op, ods, plan, classes, ctx)) return false;
  for (const step of traitSteps(ods, plan, dialect, traitVerifiers)) if (!step(op, ctx)) return false;
  return verifyImpliedInferType(op, ods, plan, ctx);
}

const NO_HOOKS: Readonly<Record<string, TraitVerifier>> = Object.freeze({});
const stepCache = new WeakMap<OdsOp, { hooks: object; steps: readonly TraitVerifier[] }>();

/** The checks of the traits after the invariants, in declaration order: hooks, native traits, HasParent. */
function traitSteps(ods: OdsOp, plan: VerifyPlan, dialect: OdsDialect, hooks: Readonly<Record<string, TraitVerifier>>): readonly TraitVerifier[] {
  const cached = stepCache.get(ods);
  if (cached && cached.hooks === hooks) return cached.steps;
  const steps: TraitVerifier[] = [];
  for (const t of plan.traitSteps) {
    const hook = 'name' in t && Object.hasOwn(hooks, t.name) ? hooks[t.name] : undefined;
    if (hook) steps.push(hook);
    const native = t.kind === 'native' ? nativeTraitVerifier(t.name) : undefined;
    if (native) steps.push(native);
    if (t.kind === 'param' && t.name === 'HasParent') steps.push((op, ctx) => verifyHasParent(op, t.params, dialect, ctx));
  }
  stepCache.set(ods, { hooks, steps });
  return steps;
}

/**
 * ODS appends `InferTypeOpInterface` (last in the trait list) to ops whose
 * result types SameOperandsAndResultType determines: the results must then
 * equal the first fixed operand's type exactly, not just be compatible.
 * (Other implied inferences repeat checks the pred traits already made.)
 */
function verifyImpliedInferType(op: Operation, ods: OdsOp, plan: VerifyPlan, ctx: VerifyContext): boolean {
  if (plan.inferAnchor < 0) return true;
  const anchor = plan.operands.simple ? op.operands[plan.inferAnchor] : operandGroups(ods, op)[plan.inferAnchor]?.[0];
  const type = anchor?.type;
  if (!type || op.resultTypes.every((t) => t === type)) return true;
  const list = (ts: readonly Type[]): string => ts.map((t) => `'${ctx.printType(t)}'`).join(', ');
  const inferred = op.resultTypes.map(() => type);
  ctx.emitError(op.location, `'${op.name}' op inferred type(s) ${list(inferred)} are incompatible with return type(s) of operation ${list(op.resultTypes)}`);
  return false;
}

/** Whether `verifyOdsRegionTraits` has anything to check for this op. */
export function hasOdsRegionTraits(ods: OdsOp): boolean {
  return ods.traits.some((t) => t.kind === 'param' && t.name === 'SingleBlockImplicitTerminator');
}

/**
 * The region traits MLIR verifies once the nested ops are verified (before
 * the op's `verifyRegions`): `SingleBlockImplicitTerminator<Op>` wants every
 * non-empty region to end with that op.
 */
export function verifyOdsRegionTraits(op: Operation, ods: OdsOp, dialect: OdsDialect, ctx: VerifyContext): boolean {
  for (const t of ods.traits) {
    if (t.kind !== 'param' || t.name !== 'SingleBlockImplicitTerminator') continue;
    const name = t.params[0] ? opNameOfClass(dialect, t.params[0]) : undefined;
    if (!name) continue;
    for (const region of op.regions) {
      const terminator = region.blocks[0]?.lastOp;
      if (!terminator || terminator.name === name) continue;
      ctx.emitOpError(op, `expects regions to end with '${name}', found '${terminator.name}'`, [
        { location: op.location, message: `in custom textual format, the absence of terminator implies '${name}'` },
      ]);
      return false;
    }
  }
  return true;
}
