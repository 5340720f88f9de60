// Reading ccl collectives as cost-model inputs, and building new ones.
import {
  Builder,
  type FloatType,
  type IntegerType,
  type Operation,
  type RankedTensorType,
  type StringAttr,
  type Type,
  type Value,
} from '../../ir/index.js';
import { decodeRankMatrix, encodeRankMatrix, futureValueType, worldSizeOf } from '../../dialects/ccl/index.js';
import type { CollectiveKind, CollectiveSpec } from '../../topology/index.js';

export const COLLECTIVES = ['all_reduce', 'reduce_scatter', 'all_gather', 'all_to_all', 'broadcast', 'reduce', 'permute'] as const;

export function isCollective(op: Operation): boolean {
  return op.name.startsWith('ccl.') && (COLLECTIVES as readonly string[]).includes(op.name.slice(4));
}

export function elementBytes(t: Type): number {
  if (t.kind === 'float') return Math.max(1, Math.ceil((t as FloatType).width / 8));
  if (t.kind === 'integer') return Math.max(1, Math.ceil((t as IntegerType).width / 8));
  return 8;
}

export function tensorBytes(t: RankedTensorType): number {
  return t.shape.reduce((n, d) => n * d, 1) * elementBytes(t.elementType);
}

/** The collective as the cost model sees it (bytes of each rank's input). */
export function specOf(op: Operation): CollectiveSpec | undefined {
  if (!isCollective(op)) return undefined;
  const input = op.operand(0).type;
  if (input.kind !== 'tensor') return undefined;
  const t = input as RankedTensorType;
  if (t.shape.some((d) => d < 0)) return undefined;
  const kind = op.name.slice(4) as CollectiveKind;
  const world = worldSizeOf(op);
  const groups = decodeRankMatrix(op.getAttr('groups')) ?? (world ? [Array.from({ length: world }, (_, r) => r)] : []);
  const pairs = decodeRankMatrix(op.getAttr('pairs'))?.map(([s, d]) => [s, d] as const);
  const root = op.getAttr('root');
  return {
    kind,
    bytes: tensorBytes(t),
    groups,
    elementBytes: elementBytes(t.elementType),
    ...(root?.kind === 'integer' ? { root: Number((root as unknown as { value: bigint }).value) } : {}),
    ...(pairs ? { pairs } : {}),
  };
}

export function reductionOf(op: Operation): string {
  return (op.getAttr('reduction') as StringAttr | undefined)?.value ?? 'sum';
}

/** The tensor type a collective produces (without its future wrapper). */
export function valueTypeOf(op: Operation): RankedTensorType {
  const t = op.resultTypes[0];
  return (futureValueType(t) ?? t) as RankedTensorType;
}

export interface NewCollective {
  readonly kind: (typeof COLLECTIVES)[number];
  readonly input: Value;
  readonly result: Type;
  readonly groups?: readonly (readonly number[])[];
  readonly reduction?: string;
  readonly ints?: Readonly<Record<string, number>>;
  readonly strings?: Readonly<Record<string, string>>;
}

/** Create a ccl collective at the builder's insertion point. */
export function buildCollective(b: Builder, c: NewCollective, like: Operation): Operation {
  const ctx = b.context;
  const attrs = new Map<string, import('../../ir/index.js').Attribute>();
  if (c.groups) attrs.set('groups', encodeRankMatrix(ctx, c.groups));
  if (c.reduction) attrs.set('reduction', ctx.stringAttr(c.reduction));
  for (const [k, v] of Object.entries(c.ints ?? {})) attrs.set(k, ctx.integerAttr(ctx.integerType(64), BigInt(v)));
  for (const [k, v] of Object.entries(c.strings ?? {})) attrs.set(k, ctx.stringAttr(v));
  return b.create(`ccl.${c.kind}`, { operands: [c.input], results: [c.result], attributes: attrs }, like.location);
}
