/**
 * Binds an op's parsed assembly format to its ODS declaration, like MLIR's
 * OpFormatGen: every `$name` gets its entity (operand, result, attribute,
 * region, successor), and each operand/result gets the source of its type
 * when parsing (written in the format, a buildable type, another value's
 * type through a trait, or inference). Formats that MLIR would reject are
 * reported with MLIR's wording.
 */
import type { OdsConstraint, OdsOp, OdsValue } from '../../ods/index.js';
import type { FormatElement } from './ast.js';
import { FormatSyntaxError } from './errors.js';
import { walkFormat } from './walk.js';

export type EntityKind = 'operand' | 'result' | 'attribute' | 'region' | 'successor';

export interface VariableBinding {
  readonly kind: EntityKind;
  /** Index in the op's operands/results/attributes/regions/successors. */
  readonly index: number;
}

/** A value whose type is known; `attribute` stands for the type of a typed attribute (`arith.constant`'s `$value`). */
export interface ValueRef {
  readonly kind: 'operand' | 'result' | 'attribute';
  readonly index: number;
  readonly name: string;
}

/** Where the parser gets an operand's or result's type from. */
export type TypeSource =
  /** Written in the format (`type($x)`, `functional-type`, a custom directive's `type($x)`). */
  | { readonly kind: 'format' }
  /** A buildable constraint (`I1`, `Index`): the parser builds this type. */
  | { readonly kind: 'buildable'; readonly type: string }
  /** Equal to another value's type (SameOperandsAndResultType, AllTypesMatch, SameTypeOperands). */
  | { readonly kind: 'sameAs'; readonly ref: ValueRef }
  /** `TypesMatchWith`: `transformer` (C++ text over `$_self`) applied to another value's type. */
  | { readonly kind: 'transformed'; readonly ref: ValueRef; readonly transformer: string }
  /** Results computed by InferTypeOpInterface (or FirstAttrDerivedResultType). */
  | { readonly kind: 'inferred' };

export interface BoundOpFormat {
  readonly elements: readonly FormatElement[];
  readonly variables: Readonly<Record<string, VariableBinding>>;
  readonly operandTypes: readonly TypeSource[];
  readonly resultTypes: readonly TypeSource[];
}

export class FormatBindError extends Error {
  constructor(op: string, message: string) {
    super(`${op}: ${message}`);
    this.name = 'FormatBindError';
  }
}

/**
 * `constraints` is the dialect's constraints table (for buildable types).
 * Throws `FormatBindError` where MLIR's OpFormatGen rejects the format.
 */
export function bindOpFormat(
  op: OdsOp,
  elements: readonly FormatElement[],
  constraints: Readonly<Record<string, OdsConstraint>>,
): BoundOpFormat {
  const fail = (message: string): never => {
    throw new FormatBindError(op.name, message);
  };
  const variables: Record<string, VariableBinding> = {};
  const lists: [EntityKind, readonly { name: string }[]][] = [
    ['operand', op.operands],
    ['attribute', op.attributes],
    ['region', op.regions],
    ['successor', op.successors],
    ['result', op.results],
  ];
  const lookup = (name: string): VariableBinding | null => {
    for (const [kind, list] of lists) {
      const index = list.findIndex((x) => x.name === name);
      if (index >= 0) return { kind, index };
    }
    return null;
  };

  const seen = { operands: false, results: false, regions: false, successors: false, attrDict: false };
  const present = { operand: new Set<number>(), region: new Set<number>(), successor: new Set<number>() };
  const operandTypes: (TypeSource | null)[] = op.operands.map(() => null);
  const resultTypes: (TypeSource | null)[] = op.results.map(() => null);

  const markTypeArg = (arg: FormatElement): void => {
    if (arg.kind === 'operands') operandTypes.fill({ kind: 'format' });
    else if (arg.kind === 'results') resultTypes.fill({ kind: 'format' });
    else if (arg.kind === 'variable') {
      const b = lookup(arg.name);
      if (!b || (b.kind !== 'operand' && b.kind !== 'result'))
        return fail(`'${arg.name}' must be an operand or result to be used as a type`);
      (b.kind === 'operand' ? operandTypes : resultTypes)[b.index] = { kind: 'format' };
    } else if (arg.kind === 'type') markTypeArg(arg.arg);
  };

  // `ref(...)` arguments point at things parsed before; they do not make them present.
  const refs = new Set<FormatElement>();
  walkFormat(elements, (e) => {
    if (e.kind === 'ref') walkFormat([e.arg], (x) => refs.add(x));
  });
  walkFormat(elements, (e) => {
    if (refs.has(e)) return;
    switch (e.kind) {
      case 'variable': {
        const b = lookup(e.name);
        if (!b) return fail(`expected variable '${e.name}' to refer to an argument, region, result, or successor`);
        variables[e.name] = b;
        if (b.kind === 'operand' || b.kind === 'region' || b.kind === 'successor') present[b.kind].add(b.index);
        return;
      }
      case 'type':
        return markTypeArg(e.arg);
      case 'functionalType':
        markTypeArg(e.inputs);
        markTypeArg(e.results);
        return;
      case 'operands':
      case 'results':
      case 'regions':
      case 'successors':
        seen[e.kind] = true;
        return;
      case 'attrDict':
      case 'propDict':
        seen.attrDict = true;
        return;
      default:
        return;
    }
  });
  // Variables inside `ref(...)` still need a binding for consumers.
  for (const e of refs) {
    if (e.kind === 'variable' && !variables[e.name]) {
      const b = lookup(e.name);
      if (!b) fail(`expected variable '${e.name}' to refer to an argument, region, result, or successor`);
      else variables[e.name] = b;
    }
  }

  if (!seen.attrDict) fail("'attr-dict' directive not found");
  op.operands.forEach((o, i) => {
    if (!seen.operands && !present.operand.has(i)) fail(`operand #${i}, named '${o.name}', not found`);
  });
  op.regions.forEach((r, i) => {
    if (!seen.regions && !present.region.has(i)) fail(`region #${i}, named '${r.name}', not found`);
  });
  op.successors.forEach((s, i) => {
    if (!seen.successors && !present.successor.has(i)) fail(`successor #${i}, named '${s.name}', not found`);
  });

  const attributesInFormat = new Set(
    Object.entries(variables)
      .filter(([, b]) => b.kind === 'attribute')
      .map(([name]) => name),
  );
  resolveTypes(op, constraints, operandTypes, resultTypes, attributesInFormat);
  const check = (sources: (TypeSource | null)[], values: readonly OdsValue[], what: string) =>
    sources.forEach((s, i) => {
      if (!s) fail(`type of ${what} #${i}, named '${values[i].name}', is not buildable and a buildable type cannot be inferred`);
    });
  check(operandTypes, op.operands, 'operand');
  check(resultTypes, op.results, 'result');
  return {
    elements,
    variables,
    operandTypes: operandTypes as TypeSource[],
    resultTypes: resultTypes as TypeSource[],
  };
}

/** Fills the type sources the format leaves open from buildable types, traits and inference. */
function resolveTypes(
  op: OdsOp,
  constraints: Readonly<Record<string, OdsConstraint>>,
  operandTypes: (TypeSource | null)[],
  resultTypes: (TypeSource | null)[],
  attributesInFormat: ReadonlySet<string>,
): void {
  const refOf = (name: string): ValueRef | null => {
    const oi = op.operands.findIndex((o) => o.name === name);
    if (oi >= 0) return { kind: 'operand', index: oi, name };
    const ri = op.results.findIndex((r) => r.name === name);
    if (ri >= 0) return { kind: 'result', index: ri, name };
    const ai = op.attributes.findIndex((a) => a.name === name);
    if (ai >= 0) return { kind: 'attribute', index: ai, name };
    return null;
  };
  const all: ValueRef[] = [
    ...op.operands.map((o, index): ValueRef => ({ kind: 'operand', index, name: o.name })),
    ...op.results.map((r, index): ValueRef => ({ kind: 'result', index, name: r.name })),
  ];
  // An attribute's type is known when the attribute is written in the format.
  const attrKnown: TypeSource = { kind: 'format' };
  const get = (r: ValueRef): TypeSource | null => {
    if (r.kind === 'attribute') return attributesInFormat.has(r.name) ? attrKnown : null;
    return (r.kind === 'operand' ? operandTypes : resultTypes)[r.index];
  };
  const set = (r: ValueRef, s: TypeSource) => {
    if (r.kind !== 'attribute') (r.kind === 'operand' ? operandTypes : resultTypes)[r.index] = s;
  };
  // Equality groups from traits; a member whose type is known resolves the others.
  const groups: ValueRef[][] = [];
  const transforms: { from: ValueRef; to: ValueRef; transformer: string }[] = [];
  for (const t of op.traits) {
    if (t.kind === 'native' && t.name === 'SameOperandsAndResultType') groups.push(all);
    else if (t.kind === 'native' && t.name === 'SameTypeOperands') groups.push(all.filter((r) => r.kind === 'operand'));
    else if (t.kind === 'allMatch' && t.name === 'AllTypesMatch') {
      const g = t.values.map(refOf).filter((r): r is ValueRef => r !== null);
      if (g.length === t.values.length) groups.push(g);
    } else if (t.kind === 'typesMatchWith') {
      const from = refOf(t.lhs);
      const to = refOf(t.rhs);
      if (from && to) transforms.push({ from, to, transformer: t.transformer });
    }
  }
  // As in OpFormatGen: results are inferred when the format names none of their types.
  const infers = op.traits.some(
    (t) =>
      (t.kind === 'interface' && t.name === 'InferTypeOpInterface') ||
      (t.kind === 'internal' && t.name === 'FirstAttrDerivedResultType'),
  );
  const noneWritten = resultTypes.every((s): boolean => s === null);
  if (infers && resultTypes.length > 0 && noneWritten) resultTypes.fill({ kind: 'inferred' });
  const propagate = (): void => {
    // Attributes never need resolving; they only feed others.
    for (let changed = true; changed; ) {
      changed = false;
      for (const g of groups) {
        const known = g.find((r) => get(r)?.kind === 'format') ?? g.find((r) => get(r));
        if (!known) continue;
        for (const r of g)
          if (!get(r) && r.kind !== 'attribute') {
            set(r, { kind: 'sameAs', ref: known });
            changed = true;
          }
      }
      for (const t of transforms)
        if (get(t.from) && !get(t.to) && t.to.kind !== 'attribute') {
          set(t.to, { kind: 'transformed', ref: t.from, transformer: t.transformer });
          changed = true;
        }
    }
  };
  // Traits first, then buildable constraints, then traits again from those.
  propagate();
  for (const r of all) {
    if (get(r)) continue;
    const decl = (r.kind === 'operand' ? op.operands : op.results)[r.index];
    const built = constraints[decl.constraint]?.buildableType;
    if (built) set(r, { kind: 'buildable', type: built });
  }
  propagate();
}

/** Convenience for callers that only hold the format text: syntax errors and bind errors alike. */
export function isFormatError(e: unknown): e is FormatSyntaxError | FormatBindError {
  return e instanceof FormatSyntaxError || e instanceof FormatBindError;
}
