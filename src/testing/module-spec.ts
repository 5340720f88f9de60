/**
 * Plain-data descriptions of random modules. fast-check generates and shrinks
 * these; `buildModule` turns one into IR. Operand references are plain
 * numbers resolved modulo the values visible at that point, so every shrink
 * of a description still builds a module that respects SSA dominance.
 */
import fc from 'fast-check';
import type { Attribute, Context, IntegerType, Location, Type } from '../ir/index.js';
import { attributeArbitraries, bareIdentifierArbitrary, type AttributeArbitraries, type AttributeOptions } from './attributes.js';
import { locationArbitrary } from './locations.js';

export interface ArgSpec {
  readonly type: Type;
  readonly loc: Location;
}

/** The last op of a block that branches: successors are later blocks of the same region. */
export interface BranchSpec {
  readonly name: string;
  /** Targets, resolved to blocks 1..n-1 (never the entry block). */
  readonly targets: readonly number[];
  readonly loc: Location;
}

export interface BlockSpec {
  readonly args: readonly ArgSpec[];
  readonly ops: readonly OpSpec[];
  readonly branch: BranchSpec | null;
}

export interface RegionSpec {
  readonly blocks: readonly BlockSpec[];
}

export type OpSpec =
  /** An unregistered op, printed in generic form. */
  | {
      readonly kind: 'generic';
      readonly name: string;
      readonly operands: readonly number[];
      readonly results: readonly Type[];
      readonly attributes: readonly (readonly [string, Attribute])[];
      readonly properties: readonly (readonly [string, Attribute])[];
      readonly regions: readonly RegionSpec[];
      readonly loc: Location;
    }
  /** `arith.<op> %a, %b : T` over signless integers/index or floats. */
  | { readonly kind: 'binary'; readonly op: string; readonly type: Type; readonly lhs: number; readonly rhs: number; readonly loc: Location }
  /** `arith.cmpi <predicate>, %a, %b : T`. */
  | { readonly kind: 'cmpi'; readonly predicate: number; readonly type: Type; readonly lhs: number; readonly rhs: number; readonly loc: Location }
  | { readonly kind: 'constant'; readonly value: Attribute; readonly loc: Location }
  /** `func.call @f(...)` to an earlier function of the module. */
  | { readonly kind: 'call'; readonly callee: number; readonly loc: Location };

export interface FuncSpec {
  readonly name: string;
  readonly isPrivate: boolean;
  readonly args: readonly ArgSpec[];
  readonly results: readonly Type[];
  readonly attributes: readonly (readonly [string, Attribute])[];
  /** Extra blocks after the entry block; null for a declaration (always private). */
  readonly body: RegionSpec | null;
  readonly loc: Location;
}

export interface ModuleSpec {
  readonly funcs: readonly FuncSpec[];
  readonly ops: readonly OpSpec[];
  readonly loc: Location;
}

export interface ModuleOptions extends AttributeOptions {
  /** Nesting depth of regions inside ops (default 3). */
  readonly maxRegionDepth?: number;
  /** Most ops per block, terminator aside (default 4). */
  readonly maxOpsPerBlock?: number;
  /** Most blocks per region (default 3). */
  readonly maxBlocks?: number;
  /** Most functions per module (default 2). */
  readonly maxFuncs?: number;
  /** Include func and arith ops (default true); false gives unregistered ops only. */
  readonly registeredOps?: boolean;
  /** Give ops and block arguments random locations (default true); otherwise `loc(unknown)`. */
  readonly locations?: boolean;
  /** Namespaces of the unregistered ops (default foo, bar); they must not be real dialects. */
  readonly opDialects?: readonly string[];
}

const INT_BINARY = ['arith.addi', 'arith.subi', 'arith.muli', 'arith.andi', 'arith.ori', 'arith.xori', 'arith.maxsi', 'arith.minui'] as const;
const FLOAT_BINARY = ['arith.addf', 'arith.subf', 'arith.mulf', 'arith.divf', 'arith.maximumf'] as const;
const MNEMONICS = ['op', 'a', 'b', 'frob', 'yield', 'x.y'] as const;

/** Arbitraries of module descriptions (plus the attribute and type arbitraries they draw from). */
export function moduleSpecArbitrary(ctx: Context, options: ModuleOptions = {}): fc.Arbitrary<ModuleSpec> {
  const attrs: AttributeArbitraries = attributeArbitraries(ctx, options);
  const types = attrs.types;
  const maxOps = options.maxOpsPerBlock ?? 4;
  const maxBlocks = options.maxBlocks ?? 3;
  const registered = options.registeredOps ?? true;
  const opDialects = options.opDialects ?? ['foo', 'bar'];
  const loc: fc.Arbitrary<Location> = options.locations === false ? fc.constant(ctx.unknownLoc()) : locationArbitrary(ctx, { maxDepth: 1 });
  const ref = fc.nat(64);
  const arg: fc.Arbitrary<ArgSpec> = fc.record({ type: types.any, loc });
  const namedAttrs = fc.uniqueArray(fc.tuple(bareIdentifierArbitrary, attrs.any), { maxLength: 3, selector: ([k]) => k });
  const opName = fc.tuple(fc.constantFrom(...opDialects), fc.constantFrom(...MNEMONICS)).map(([d, m]) => `${d}.${m}`);
  const branch: fc.Arbitrary<BranchSpec | null> = fc.option(fc.record({ name: opName, targets: fc.array(fc.nat(8), { minLength: 1, maxLength: 2 }), loc }), {
    nil: null,
    freq: 2,
  });

  const registeredOps: fc.Arbitrary<OpSpec>[] = [
    fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom(...INT_BINARY), type: fc.oneof(types.signlessInteger, types.index), lhs: ref, rhs: ref, loc }),
    fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom(...FLOAT_BINARY), type: types.float, lhs: ref, rhs: ref, loc }),
    fc.record({ kind: fc.constant('cmpi' as const), predicate: fc.nat(9), type: fc.oneof(types.signlessInteger, types.index), lhs: ref, rhs: ref, loc }),
    fc.record({ kind: fc.constant('constant' as const), value: fc.oneof(attrs.integer, attrs.float).filter((a) => constantOk(a)), loc }),
    fc.record({ kind: fc.constant('call' as const), callee: fc.nat(8), loc }),
  ];

  const levels = (depth: number): { op: fc.Arbitrary<OpSpec>; region: fc.Arbitrary<RegionSpec> } => {
    const inner = depth > 0 ? levels(depth - 1) : undefined;
    const regions: fc.Arbitrary<RegionSpec[]> = inner ? fc.array(inner.region, { maxLength: 2 }) : fc.constant([]);
    const generic: fc.Arbitrary<OpSpec> = fc.record({
      kind: fc.constant('generic' as const),
      name: opName,
      operands: fc.array(ref, { maxLength: 3 }),
      results: fc.array(types.any, { maxLength: 3 }),
      attributes: namedAttrs,
      properties: fc.oneof({ arbitrary: fc.constant([]), weight: 3 }, { arbitrary: namedAttrs, weight: 1 }),
      regions,
      loc,
    });
    const op = registered ? fc.oneof({ arbitrary: generic, weight: 3 }, ...registeredOps) : generic;
    const block = (entry: boolean): fc.Arbitrary<BlockSpec> =>
      fc.record({ args: fc.array(arg, { maxLength: entry ? 2 : 3 }), ops: fc.array(op, { maxLength: maxOps }), branch });
    const region = fc
      .tuple(block(true), fc.array(block(false), { maxLength: maxBlocks - 1 }), fc.boolean())
      .map(([entry, rest, empty]): RegionSpec => ({ blocks: empty && rest.length === 0 && entry.ops.length === 0 ? [] : [entry, ...rest] }));
    return { op, region };
  };
  const top = levels(options.maxRegionDepth ?? 3);

  const funcs = fc.array(
    fc.record({
      name: fc.oneof(bareIdentifierArbitrary, fc.constantFrom('with space', 'q"uote')),
      isPrivate: fc.boolean(),
      args: fc.array(arg, { maxLength: 3 }),
      results: fc.array(types.any, { maxLength: 2 }),
      attributes: fc.uniqueArray(fc.tuple(bareIdentifierArbitrary.map((k) => `my_${k}`), attrs.any), { maxLength: 2, selector: ([k]) => k }),
      body: fc.option(top.region, { nil: null, freq: 5 }),
      loc,
    }),
    { maxLength: registered ? (options.maxFuncs ?? 2) : 0 },
  );
  return fc.record({ funcs, ops: fc.array(top.op, { maxLength: maxOps }), loc });
}

/** arith.constant takes signless integers, index and floats. */
function constantOk(a: Attribute): boolean {
  const t = (a as { type?: Type }).type;
  return t !== undefined && (t.kind === 'float' || t.kind === 'index' || (t.kind === 'integer' && (t as IntegerType).isSignless));
}
