/**
 * arith cast ops: `CastOpInterface::areCastCompatible` and the ext/trunc
 * width verifiers of mlir/lib/Dialect/Arith/IR/ArithOps.cpp.
 */
import {
  FloatType,
  IntegerType,
  elementTypeOrSelf,
  isShaped,
  type Operation,
  type RankedTensorType,
  type Type,
  type VerifyContext,
} from '../../../ir/index.js';
import type { OpOverride } from '../../common/ods-dialect.js';
import { compatibleShape } from '../../common/shape-compat.js';
import { verifyCastInterface, type CastCheck } from '../../common/cast-interface.js';

type ElementKind = 'int' | 'float' | 'intOrIndex' | 'intOrFloat';

function elementMatches(t: Type, kind: ElementKind): boolean {
  switch (kind) {
    case 'int':
      return t instanceof IntegerType;
    case 'float':
      return t instanceof FloatType;
    case 'intOrIndex':
      return t instanceof IntegerType || t.kind === 'index';
    case 'intOrFloat':
      return t instanceof IntegerType || t instanceof FloatType;
  }
}

/** `getTypeIfLike` (vector/tensor) or `getTypeIfLikeOrMemRef`: the underlying element type, if allowed. */
function underlying(t: Type, kind: ElementKind, allowMemRef: boolean): Type | undefined {
  if (isShaped(t)) {
    const ok = t.kind === 'vector' || t.kind === 'tensor' || t.kind === 'unranked_tensor' || (allowMemRef && t.kind === 'memref');
    if (!ok) return undefined;
  }
  const e = elementTypeOrSelf(t);
  return elementMatches(e, kind) ? e : undefined;
}

function bitWidth(t: Type): number {
  return t instanceof IntegerType ? t.width : (t as FloatType).width;
}

function sameEncoding(a: Type, b: Type): boolean {
  if (a.kind !== 'tensor' || b.kind !== 'tensor') return true;
  return (a as RankedTensorType).encoding === (b as RankedTensorType).encoding;
}

/** `areValidCastInputsAndOutputs` for one input and one output. */
function validCast(input: Type, output: Type): boolean {
  return sameEncoding(input, output) && compatibleShape(input, output);
}

function widthChange(kind: 'int' | 'float', cmp: (dst: number, src: number) => boolean): CastCheck {
  return (input, output) => {
    if (!validCast(input, output)) return false;
    const src = underlying(input, kind, false);
    const dst = underlying(output, kind, false);
    return !!src && !!dst && cmp(bitWidth(dst), bitWidth(src));
  };
}

function intFloat(from: 'int' | 'float', to: 'int' | 'float'): CastCheck {
  return (input, output) => validCast(input, output) && !!underlying(input, from, false) && !!underlying(output, to, false);
}

const indexCast: CastCheck = (input, output) => {
  if (!validCast(input, output)) return false;
  const src = underlying(input, 'intOrIndex', true);
  const dst = underlying(output, 'intOrIndex', true);
  if (!src || !dst) return false;
  const signless = (t: Type): boolean => t instanceof IntegerType && t.signedness === 'signless';
  return (src.kind === 'index' && signless(dst)) || (signless(src) && dst.kind === 'index');
};

const bitcast: CastCheck = (input, output) => {
  if (!validCast(input, output)) return false;
  const src = underlying(input, 'intOrFloat', true);
  const dst = underlying(output, 'intOrFloat', true);
  return !!src && !!dst && bitWidth(src) === bitWidth(dst);
};

const greater = (a: number, b: number): boolean => a > b;
const less = (a: number, b: number): boolean => a < b;

const CAST_CHECKS: Readonly<Record<string, CastCheck>> = {
  'arith.extui': widthChange('int', greater),
  'arith.extsi': widthChange('int', greater),
  'arith.extf': widthChange('float', greater),
  'arith.scaling_extf': widthChange('float', greater),
  'arith.trunci': widthChange('int', less),
  'arith.truncf': widthChange('float', less),
  'arith.scaling_truncf': widthChange('float', less),
  'arith.uitofp': intFloat('int', 'float'),
  'arith.sitofp': intFloat('int', 'float'),
  'arith.fptoui': intFloat('float', 'int'),
  'arith.fptosi': intFloat('float', 'int'),
  'arith.index_cast': indexCast,
  'arith.index_castui': indexCast,
  'arith.bitcast': bitcast,
};

/** `verifyExtOp` / `verifyTruncateOp`: element widths must grow / shrink (MLIR reports it without the op prefix). */
function widthVerifier(direction: 'wider' | 'shorter'): (op: Operation, ctx: VerifyContext) => void {
  return (op, ctx) => {
    const src = elementTypeOrSelf(op.operand(0).type);
    const dst = elementTypeOrSelf(op.results[0].type);
    if (!(src instanceof IntegerType || src instanceof FloatType) || !(dst instanceof IntegerType || dst instanceof FloatType)) return;
    const bad = direction === 'wider' ? bitWidth(src) >= bitWidth(dst) : bitWidth(src) <= bitWidth(dst);
    if (bad) ctx.emitError(op.location, `result type '${ctx.printType(dst)}' must be ${direction} than operand type '${ctx.printType(src)}'`);
  };
}

const WIDTH_VERIFIERS: Readonly<Record<string, 'wider' | 'shorter'>> = {
  'arith.extui': 'wider',
  'arith.extsi': 'wider',
  'arith.extf': 'wider',
  'arith.scaling_extf': 'wider',
  'arith.trunci': 'shorter',
  'arith.truncf': 'shorter',
  'arith.scaling_truncf': 'shorter',
};

/** Overrides for every arith cast op: the interface check and, for ext/trunc, the width rule. */
export function castOverrides(): Record<string, OpOverride> {
  const out: Record<string, OpOverride> = {};
  for (const [name, check] of Object.entries(CAST_CHECKS)) {
    const direction = WIDTH_VERIFIERS[name];
    out[name] = {
      traitVerifiers: { CastOpInterface: (op, ctx) => verifyCastInterface(check, op, ctx) },
      ...(direction ? { verify: widthVerifier(direction) } : {}),
    };
  }
  return out;
}
