import {
  evaluatePred,
  type ClassTable,
  type OdsDialect,
  type OdsOp,
  type OdsValue,
} from '../../ir/ods/index.js';
import { operandGroups, resultGroups, hasTrait } from '../../ir/assembly-format/engine/index.js';
import {
  elementTypeOrSelf,
  isRanked,
  type Operation,
  type Type,
  type Value,
  type VerifyContext,
} from '../../ir/index.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Operand/result count checks with the wording of MLIR's op traits. */
function verifyCounts(op: Operation, ods: OdsOp, ctx: VerifyContext): boolean {
  const check = (decls: readonly OdsValue[], actual: number, what: 'operand' | 'result'): boolean => {
    const fixed = decls.filter((d) => d.kind === 'single').length;
    const variadic = decls.length - fixed;
    if (variadic === 0) {
      if (actual === fixed) return true;
      if (fixed === 0) ctx.emitOpError(op, `requires zero ${what}s`);
      else if (fixed === 1 && what === 'result') ctx.emitOpError(op, 'requires one result');
      else if (fixed === 1) ctx.emitOpError(op, 'requires a single operand');
      else ctx.emitOpError(op, `expected ${plural(fixed, what)}, but found ${actual}`);
      return false;
    }
    if (actual < fixed) {
      ctx.emitOpError(op, `expected ${fixed} or more ${what}s, but found ${actual}`);
      return false;
    }
    return true;
  };
  return check(ods.operands, op.numOperands, 'operand') && check(ods.results, op.results.length, 'result');
}

function verifySegments(op: Operation, ods: OdsOp, ctx: VerifyContext): boolean {
  for (const [trait, attr, count, what] of [
    ['AttrSizedOperandSegments', 'operandSegmentSizes', op.numOperands, 'operand'],
    ['AttrSizedResultSegments', 'resultSegmentSizes', op.results.length, 'result'],
  ] as const) {
    if (!hasTrait(ods, trait)) continue;
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

/**
 * The checks MLIR's ODS-generated `verifyInvariants` performs: counts,
 * operand/result/attribute/region constraints and the declarative traits.
 * Predicates that could not be translated never reject.
 */
export function verifyOds(op: Operation, ods: OdsOp, dialect: OdsDialect, classes: ClassTable, ctx: VerifyContext): void {
  if (!verifyCounts(op, ods, ctx) || !verifySegments(op, ods, ctx)) return;
  const opts = { classes };
  // Attributes.
  for (const a of ods.attributes) {
    const v = op.getAttr(a.name);
    if (!v) {
      if (a.kind === 'required') ctx.emitOpError(op, `requires attribute '${a.name}'`);
      continue;
    }
    const c = dialect.constraints[a.constraint];
    if (c && evaluatePred(c.pred, v, opts) === false) {
      ctx.emitOpError(op, `attribute '${a.name}' failed to satisfy constraint: ${c.summary}`);
    }
  }
  // Operands and results.
  const groups: [readonly OdsValue[], Value[][], 'operand' | 'result'][] = [
    [ods.operands, operandGroups(ods, op), 'operand'],
    [ods.results, resultGroups(ods, op), 'result'],
  ];
  for (const [decls, values, what] of groups) {
    let index = 0;
    decls.forEach((d, i) => {
      const c = dialect.constraints[d.constraint];
      for (const v of values[i] ?? []) {
        if (c && evaluatePred(c.pred, v.type, opts) === false) {
          ctx.emitOpError(op, `${what} #${index} must be ${c.summary}, but got '${ctx.printType(v.type)}'`);
        }
        index++;
      }
    });
  }
  // Regions.
  ods.regions.forEach((r, i) => {
    const region = op.regions[i];
    if (!region) return;
    const c = dialect.constraints[r.constraint];
    if (c && evaluatePred(c.pred, region, opts) === false) {
      ctx.emitOpError(op, `region #${i} ('${r.name}') failed to verify constraint: ${c.summary}`);
    }
  });
  verifyTypeTraits(op, ods, ctx);
}

function typeOfName(op: Operation, ods: OdsOp, name: string): Type | undefined {
  const oi = ods.operands.findIndex((o) => o.name === name);
  if (oi >= 0) return operandGroups(ods, op)[oi]?.[0]?.type;
  const ri = ods.results.findIndex((r) => r.name === name);
  if (ri >= 0) return resultGroups(ods, op)[ri]?.[0]?.type;
  const a = op.getAttr(name);
  return a && 'type' in a ? (a as { type?: Type }).type : undefined;
}

function verifyTypeTraits(op: Operation, ods: OdsOp, ctx: VerifyContext): void {
  const operandTypes = op.operands.map((v) => v.type);
  const resultTypes = op.resultTypes;
  for (const t of ods.traits) {
    if (t.kind === 'native') {
      switch (t.name) {
        case 'SameOperandsAndResultType': {
          const all = [...operandTypes, ...resultTypes];
          if (all.some((x) => x !== all[0])) ctx.emitOpError(op, 'requires the same type for all operands and results');
          break;
        }
        case 'SameTypeOperands':
          if (operandTypes.some((x) => x !== operandTypes[0])) ctx.emitOpError(op, 'requires all operands to have the same type');
          break;
        case 'SameOperandsAndResultElementType': {
          const all = [...operandTypes, ...resultTypes].map(elementTypeOrSelf);
          if (all.some((x) => x !== all[0])) ctx.emitOpError(op, 'requires the same element type for all operands and results');
          break;
        }
        case 'SameOperandsElementType': {
          const all = operandTypes.map(elementTypeOrSelf);
          if (all.some((x) => x !== all[0])) ctx.emitOpError(op, 'requires the same element type for all operands');
          break;
        }
        case 'SameOperandsAndResultShape': {
          const all = [...operandTypes, ...resultTypes].filter(isRanked);
          const s0 = all[0]?.shape.join('x');
          if (all.some((x) => x.shape.join('x') !== s0)) ctx.emitOpError(op, 'requires the same shape for all operands and results');
          break;
        }
      }
    } else if (t.kind === 'allMatch' && t.name === 'AllTypesMatch') {
      const types = t.values.map((n) => typeOfName(op, ods, n));
      if (types.every((x) => x) && types.some((x) => x !== types[0])) {
        ctx.emitOpError(op, `failed to verify that all of {${t.values.join(', ')}} have same type`);
      }
    } else if (t.kind === 'allMatch' && t.name === 'AllElementTypesMatch') {
      const types = t.values.map((n) => typeOfName(op, ods, n));
      if (types.every((x) => x) && types.some((x) => elementTypeOrSelf(x!) !== elementTypeOrSelf(types[0]!))) {
        ctx.emitOpError(op, `failed to verify that all of {${t.values.join(', ')}} have same element type`);
      }
    }
  }
}
