/**
 * A light dialect-conversion framework, after MLIR's: a `ConversionTarget`
 * says which ops are legal (by name, by dialect, or by a predicate), a
 * `TypeConverter` maps types, and `ConversionPattern`s rewrite illegal ops.
 * `applyPartialConversion` must legalize every op explicitly marked illegal;
 * `applyFullConversion` must leave only legal ops. Unlike MLIR there is no
 * rollback: a pattern must change nothing when it returns false.
 */
import { DiagnosticError, type Diagnostic, type Operation, type Type, type Value } from '../../ir/index.js';
import { diagnosticAt } from '../manager/index.js';
import { PatternRewriter } from './rewriter.js';

type Legality = boolean | ((op: Operation) => boolean);

export class ConversionTarget {
  readonly #ops = new Map<string, Legality>();
  readonly #dialects = new Map<string, Legality>();
  #unknown: Legality | undefined;

  addLegalOp(...names: string[]): this {
    for (const n of names) this.#ops.set(n, true);
    return this;
  }
  addIllegalOp(...names: string[]): this {
    for (const n of names) this.#ops.set(n, false);
    return this;
  }
  addDynamicallyLegalOp(name: string, isLegal: (op: Operation) => boolean): this {
    this.#ops.set(name, isLegal);
    return this;
  }
  addLegalDialect(...names: string[]): this {
    for (const n of names) this.#dialects.set(n, true);
    return this;
  }
  addIllegalDialect(...names: string[]): this {
    for (const n of names) this.#dialects.set(n, false);
    return this;
  }
  addDynamicallyLegalDialect(name: string, isLegal: (op: Operation) => boolean): this {
    this.#dialects.set(name, isLegal);
    return this;
  }
  markUnknownOpDynamicallyLegal(isLegal: (op: Operation) => boolean): this {
    this.#unknown = isLegal;
    return this;
  }

  /** true / false, or undefined when the target says nothing about `op`. */
  isLegal(op: Operation): boolean | undefined {
    const rule = this.#ops.get(op.name) ?? this.#dialects.get(op.dialect) ?? this.#unknown;
    if (rule === undefined) return undefined;
    return typeof rule === 'boolean' ? rule : rule(op);
  }

  /** Explicitly illegal (by op or dialect rule), as opposed to merely unknown. */
  isIllegal(op: Operation): boolean {
    return this.isLegal(op) === false;
  }
}

/** Maps types; the first conversion (latest added first, as MLIR) that answers wins. */
export class TypeConverter {
  readonly #conversions: ((t: Type) => Type | null | undefined)[] = [];

  /** `convert` returns the new type, `null` for "cannot convert", or undefined to defer. */
  addConversion(convert: (t: Type) => Type | null | undefined): this {
    this.#conversions.unshift(convert);
    return this;
  }

  convertType(t: Type): Type | undefined {
    for (const c of this.#conversions) {
      const r = c(t);
      if (r === null) return undefined;
      if (r !== undefined) return r;
    }
    return undefined;
  }

  isLegalType(t: Type): boolean {
    return this.convertType(t) === t;
  }

  /** Are all operand and result types of `op` legal? */
  isLegalOp(op: Operation): boolean {
    return op.operands.every((v) => this.isLegalType(v.type)) && op.results.every((r) => this.isLegalType(r.type));
  }
}

export interface ConversionPattern {
  readonly rootName?: string;
  readonly benefit: number;
  /** `operands` are the op's current operand values; rewrite through `rewriter` and return true, or change nothing and return false. */
  matchAndRewrite(op: Operation, operands: readonly Value[], rewriter: ConversionRewriter): boolean;
}

/** The rewriter conversion patterns get: a pattern rewriter plus the type converter. */
export class ConversionRewriter extends PatternRewriter {
  constructor(readonly typeConverter: TypeConverter | undefined) {
    super();
  }
}

export interface ConversionResult {
  /** Ops that were rewritten by a pattern. */
  readonly converted: number;
}

function collect(root: Operation): Operation[] {
  const ops: Operation[] = [];
  root.walk((op) => {
    if (op !== root) ops.push(op);
  }, 'pre');
  return ops;
}

function convert(
  root: Operation,
  target: ConversionTarget,
  patterns: readonly ConversionPattern[],
  mode: 'partial' | 'full',
  typeConverter: TypeConverter | undefined,
): ConversionResult {
  const sorted = [...patterns].sort((a, b) => b.benefit - a.benefit);
  const rewriter = new ConversionRewriter(typeConverter);
  const erased = new Set<Operation>();
  const queue = collect(root);
  // Ops created by patterns are legalized too (and their nested ops).
  rewriter.listener = {
    notifyOperationErased: (op) => void erased.add(op),
    notifyOperationInserted: (op) => void queue.push(op, ...collect(op)),
  };
  let converted = 0;
  const errors: Diagnostic[] = [];
  const budget = 16 * (queue.length + 16);
  for (let i = 0; i < queue.length; ++i) {
    if (i > budget) {
      errors.push(diagnosticAt(root, 'error', 'dialect conversion did not terminate: patterns keep creating illegal operations'));
      break;
    }
    const op = queue[i];
    if (erased.has(op) || !op.parentBlock) continue;
    if (target.isLegal(op) === true) continue;
    const applicable = sorted.filter((p) => p.rootName === undefined || p.rootName === op.name);
    let done = false;
    for (const p of applicable) {
      rewriter.setInsertionPoint(op);
      if (p.matchAndRewrite(op, op.operands, rewriter)) {
        done = true;
        converted++;
        break;
      }
    }
    if (done) continue;
    const legality = target.isLegal(op);
    if (legality === false) errors.push(diagnosticAt(op, 'error', `failed to legalize operation '${op.name}' that was explicitly marked illegal`));
    else if (mode === 'full' && legality === undefined) errors.push(diagnosticAt(op, 'error', `failed to legalize operation '${op.name}'`));
  }
  if (errors.length) throw new DiagnosticError(errors);
  return { converted };
}

/** Legalizes every op explicitly illegal for `target`; others may stay. Throws a `DiagnosticError` otherwise. */
export function applyPartialConversion(
  root: Operation,
  target: ConversionTarget,
  patterns: readonly ConversionPattern[],
  typeConverter?: TypeConverter,
): ConversionResult {
  return convert(root, target, patterns, 'partial', typeConverter);
}

/** Leaves only ops legal for `target` inside `root`. Throws a `DiagnosticError` otherwise. */
export function applyFullConversion(
  root: Operation,
  target: ConversionTarget,
  patterns: readonly ConversionPattern[],
  typeConverter?: TypeConverter,
): ConversionResult {
  return convert(root, target, patterns, 'full', typeConverter);
}
