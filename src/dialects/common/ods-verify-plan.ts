/**
 * What `verifyOds` checks for one op, worked out once per op definition
 * (constraint lookups, trait lists, count rules) so that verifying many ops
 * only walks small arrays.
 */
import type { OdsDialect, OdsOp, OdsTrait, Pred, ValueKind } from '../../ir/ods/index.js';

export interface Check {
  readonly pred: Pred;
  readonly summary: string;
}

/** A count trait: `fixed` values plus any number when `variadic`. */
export interface CountRule {
  readonly what: 'region' | 'result' | 'operand';
  readonly fixed: number;
  readonly variadic: boolean;
}

export interface GroupPlan {
  /** Every declaration is a single value: value i is group i. */
  readonly simple: boolean;
  readonly kinds: readonly ValueKind[];
  readonly checks: readonly (Check | undefined)[];
}

export interface VerifyPlan {
  readonly counts: readonly CountRule[];
  readonly operandSegments: boolean;
  readonly resultSegments: boolean;
  readonly required: readonly string[];
  readonly attrs: readonly (Check & { readonly name: string })[];
  readonly operands: GroupPlan;
  readonly results: GroupPlan;
  /** PredOpTraits (AllTypesMatch, TypesMatchWith, pred), in declaration order. */
  readonly predTraits: readonly OdsTrait[];
  readonly regions: readonly (Check & { readonly index: number; readonly name: string })[];
  /** Traits verified after the invariants (native, HasParent, interfaces with hooks), in order. */
  readonly traitSteps: readonly OdsTrait[];
  /** The operand whose type results must equal (implied InferTypeOpInterface), or -1. */
  readonly inferAnchor: number;
}

const plans = new WeakMap<OdsOp, VerifyPlan>();

function has(ods: OdsOp, name: string): boolean {
  return ods.traits.some((t) => (t.kind === 'native' || t.kind === 'internal' || t.kind === 'param') && t.name === name);
}

function check(dialect: OdsDialect, key: string): Check | undefined {
  const c = dialect.constraints[key];
  return c ? { pred: c.pred, summary: c.summary } : undefined;
}

function groupPlan(dialect: OdsDialect, decls: OdsOp['operands'], segmented: boolean): GroupPlan {
  return {
    simple: !segmented && decls.every((d) => d.kind === 'single'),
    kinds: decls.map((d) => d.kind),
    checks: decls.map((d) => check(dialect, d.constraint)),
  };
}

/**
 * ODS appends `InferTypeOpInterface` to ops whose result types
 * SameOperandsAndResultType determines (all results single, a fixed operand
 * to copy from), unless the op declares the interface itself.
 */
function inferAnchor(ods: OdsOp): number {
  if (!has(ods, 'SameOperandsAndResultType') || ods.results.length === 0) return -1;
  if (ods.results.some((r) => r.kind !== 'single')) return -1;
  if (ods.traits.some((t) => t.kind === 'interface' && t.name === 'InferTypeOpInterface')) return -1;
  return ods.operands.findIndex((o) => o.kind === 'single');
}

export function verifyPlan(ods: OdsOp, dialect: OdsDialect): VerifyPlan {
  let plan = plans.get(ods);
  if (plan) return plan;
  const operandSegments = has(ods, 'AttrSizedOperandSegments');
  const resultSegments = has(ods, 'AttrSizedResultSegments');
  const count = (what: CountRule['what'], variadic: readonly boolean[]): CountRule => ({
    what,
    fixed: variadic.filter((v) => !v).length,
    variadic: variadic.some((v) => v),
  });
  plan = {
    counts: [
      count('region', ods.regions.map((r) => r.variadic)),
      count('result', ods.results.map((r) => r.kind !== 'single')),
      count('operand', ods.operands.map((o) => o.kind !== 'single')),
    ],
    operandSegments,
    resultSegments,
    required: ods.attributes.filter((a) => a.kind === 'required').map((a) => a.name),
    attrs: ods.attributes.flatMap((a) => {
      const c = check(dialect, a.constraint);
      return c ? [{ ...c, name: a.name }] : [];
    }),
    operands: groupPlan(dialect, ods.operands, operandSegments),
    results: groupPlan(dialect, ods.results, resultSegments),
    predTraits: ods.traits.filter((t) => t.kind === 'allMatch' || t.kind === 'typesMatchWith' || t.kind === 'pred'),
    regions: ods.regions.flatMap((r, index) => {
      const c = check(dialect, r.constraint);
      return c ? [{ ...c, index, name: r.name }] : [];
    }),
    traitSteps: ods.traits.filter((t) => t.kind === 'native' || t.kind === 'param' || t.kind === 'interface'),
    inferAnchor: inferAnchor(ods),
  };
  plans.set(ods, plan);
  return plan;
}
