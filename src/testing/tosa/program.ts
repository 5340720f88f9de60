// A TOSA program as plain data (one func.func body of chained ops) and its
// MLIR text. Operand types are never stored on uses: the printer reads them
// from the producing op or argument, so a mutated result type stays
// consistent with every use (the program is ill-typed, never unparsable).
import type { AbstractType, AttrValue } from '../../dialects/tosa/semantics/index.js';
import { isFloat, printType } from '../../dialects/tosa/semantics/index.js';

/** A value: function argument `arg` or result `result` of op `op`. */
export type ValueRef = { readonly arg: number } | { readonly op: number; readonly result: number };

/** Inside a region: block argument `barg`, result of region op `rop`, or a value of the enclosing function. */
export type RegionRef = { readonly barg: number } | { readonly rop: number } | { readonly outer: ValueRef };

/** A single-result, attribute-free op inside a region (e.g. `tosa.abs`). */
export interface RegionOp {
  readonly name: string;
  readonly operands: readonly RegionRef[];
  readonly result: AbstractType;
}

/**
 * A one-block region of cond_if / while_loop. Its block arguments take the
 * types of the parent's operands from `firstArg` on (so they follow mutations
 * and erasures of those operands); it ends in `tosa.yield` of `yields`.
 */
export interface RegionBody {
  readonly firstArg: number;
  readonly ops: readonly RegionOp[];
  readonly yields: readonly RegionRef[];
}

export interface ProgramOp {
  /** Full op name, e.g. 'tosa.add'. */
  readonly name: string;
  readonly operands: readonly ValueRef[];
  /** Inherent attributes, printed as properties `<{...}>`. */
  readonly attrs: Readonly<Record<string, AttrValue>>;
  readonly results: readonly AbstractType[];
  readonly regions?: readonly RegionBody[];
}

export interface TosaProgram {
  readonly args: readonly AbstractType[];
  readonly ops: readonly ProgramOp[];
  /** Values returned by the function. */
  readonly returns: readonly ValueRef[];
}

/** The type of a value in `p`. */
export function typeOf(p: TosaProgram, v: ValueRef): AbstractType {
  if ('arg' in v) return p.args[v.arg]!;
  return p.ops[v.op]!.results[v.result]!;
}

/** Types of the block arguments of `region` of `op`. */
export function regionArgTypes(p: TosaProgram, op: ProgramOp, region: RegionBody): AbstractType[] {
  return op.operands.slice(region.firstArg).map((v) => typeOf(p, v));
}

/** The type of a value seen inside `region` of `op`. */
export function regionTypeOf(p: TosaProgram, op: ProgramOp, region: RegionBody, v: RegionRef): AbstractType {
  if ('outer' in v) return typeOf(p, v.outer);
  if ('barg' in v) return regionArgTypes(p, op, region)[v.barg]!;
  return region.ops[v.rop]!.result;
}

/** Attribute kinds MLIR spells differently from what the value alone says. */
const I32_ARRAYS = new Set(['perms']);
const I32_SCALARS = new Set(['axis']);

function denseLiteral(v: Extract<AttrValue, { kind: 'dense' }>): string {
  const element = v.type.kind === 'tensor' ? v.type.element : 'index';
  const fmt = (x: number): string => (element === 'i1' ? (x ? 'true' : 'false') : isFloat(element) ? (Number.isInteger(x) ? x.toFixed(1) : String(x)) : String(x));
  if (v.splat) return `dense<${fmt(v.values[0] ?? 0)}> : ${printType(v.type)}`;
  const shape = v.type.kind === 'tensor' && v.type.shape ? (v.type.shape as readonly number[]) : [v.values.length];
  let at = 0;
  const nest = (depth: number): string => {
    if (depth === shape.length) return fmt(v.values[at++] ?? 0);
    return `[${Array.from({ length: shape[depth]! }, () => nest(depth + 1)).join(', ')}]`;
  };
  return `dense<${nest(0)}> : ${printType(v.type)}`;
}

/** An attribute value in MLIR syntax, given the attribute's name. */
export function attrText(name: string, v: AttrValue): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return `${v} : ${I32_SCALARS.has(name) ? 'i32' : 'i64'}`;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `array<${I32_ARRAYS.has(name) ? 'i32' : 'i64'}${v.length ? ': ' : ''}${v.join(', ')}>`;
  const o = v as Exclude<AttrValue, number | boolean | string | readonly number[]>;
  if (o.kind === 'int') return `${o.value} : ${o.type}`;
  if (o.kind === 'float') return `${Number.isInteger(o.value) ? o.value.toFixed(1) : o.value} : ${o.type}`;
  if (o.kind === 'type') return o.type;
  return denseLiteral(o as Extract<AttrValue, { kind: 'dense' }>);
}

/** Text of `p` as one `func.func @name` in MLIR's generic op form (what both mlir-opt-22 and numaccl parse). */
export function printProgram(p: TosaProgram, name = 'main'): string {
  const ref = (v: ValueRef): string => ('arg' in v ? `%arg${v.arg}` : p.ops[v.op]!.results.length > 1 ? `%${v.op}#${v.result}` : `%${v.op}`);
  const lines = p.ops.flatMap((op, i) => {
    const props = Object.entries(op.attrs).map(([k, v]) => `${k} = ${attrText(k, v)}`);
    const propText = props.length ? ` <{${props.join(', ')}}>` : '';
    const bind = op.results.length === 0 ? '' : op.results.length === 1 ? `%${i} = ` : `%${i}:${op.results.length} = `;
    const ins = op.operands.map((v) => printType(typeOf(p, v))).join(', ');
    const outs = op.results.length === 1 ? printType(op.results[0]!) : `(${op.results.map(printType).join(', ')})`;
    const head = `  ${bind}"${op.name}"(${op.operands.map(ref).join(', ')})${propText}`;
    if (!op.regions?.length) return [`${head} : (${ins}) -> ${outs}`];
    // Generic region syntax; names carry the op and region index so sibling regions never clash.
    const body = op.regions.flatMap((r, k) => {
      const name = (v: RegionRef): string => ('outer' in v ? ref(v.outer) : 'barg' in v ? `%b${i}_${k}_${v.barg}` : `%r${i}_${k}_${v.rop}`);
      const ty = (v: RegionRef): string => printType(regionTypeOf(p, op, r, v));
      const args = regionArgTypes(p, op, r).map((t, a) => `%b${i}_${k}_${a}: ${printType(t)}`).join(', ');
      return [
        ...(k === 0 ? [] : ['  }, {']),
        `  ^bb0(${args}):`,
        ...r.ops.map((o, j) => `    %r${i}_${k}_${j} = "${o.name}"(${o.operands.map(name).join(', ')}) : (${o.operands.map(ty).join(', ')}) -> ${printType(o.result)}`),
        `    "tosa.yield"(${r.yields.map(name).join(', ')}) : (${r.yields.map(ty).join(', ')}) -> ()`,
      ];
    });
    return [`${head} ({`, ...body, `  }) : (${ins}) -> ${outs}`];
  });
  const args = p.args.map((t, i) => `%arg${i}: ${printType(t)}`).join(', ');
  const rets = p.returns.map((v) => printType(typeOf(p, v)));
  const sig = rets.length === 0 ? '' : rets.length === 1 ? ` -> ${rets[0]}` : ` -> (${rets.join(', ')})`;
  const ret = p.returns.length ? `  return ${p.returns.map(ref).join(', ')} : ${rets.join(', ')}` : '  return';
  return [`func.func @${name}(${args})${sig} {`, ...lines, ret, '}'].join('\n');
}

/** Op kinds used by a program (distinct names), for coverage reports. */
export const opKinds = (p: TosaProgram): string[] => [...new Set(p.ops.map((o) => o.name))];
