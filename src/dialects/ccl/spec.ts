// The ccl dialect, declared once: syntax, verification and the IRDL export
// are all derived from this table (DESIGN §6.1).

export type CclOpName = 'all_reduce' | 'reduce_scatter' | 'all_gather' | 'all_to_all' | 'broadcast' | 'reduce' | 'permute' | 'wait';

/** How an attribute is encoded in the generic form (builtin attribute syntax only). */
export type CclAttrKind =
  /** `dense<[[0, 1], [2, 3]]> : tensor<2x2xi64>`: equal-sized disjoint rank lists covering [0, R). */
  | 'groups'
  /** `dense<[[0, 1], [1, 2]]> : tensor<Nx2xi64>`: (source, destination) rank pairs. */
  | 'pairs'
  /** `"sum"`, `"prod"`, `"max"`, `"min"`. */
  | 'reduction'
  /** An `i64` integer (`dim`, `split_dim`, `concat_dim`, `root`, `staging_node`). */
  | 'i64'
  /** A string chosen from a fixed set (`algorithm`, `stage`). */
  | 'enum'
  /** An `f64` float (`predicted_us`). */
  | 'f64'
  /** The unit attribute `async`. */
  | 'unit';

export interface CclAttrSpec {
  readonly name: string;
  readonly kind: CclAttrKind;
  readonly required: boolean;
  /** Keyword introducing the attribute in the custom form (e.g. `dim 0`). */
  readonly keyword?: string;
  readonly values?: readonly string[];
}

/** How the result type relates to the operand type. */
export type CclResultRule = 'same' | 'scatter' | 'gather' | 'all_to_all' | 'unwrap_future';

export interface CclOpSpec {
  readonly name: CclOpName;
  readonly summary: string;
  readonly result: CclResultRule;
  /** Whether the op is a collective (may carry `async`, `groups` or `pairs`, pass annotations). */
  readonly collective: boolean;
  readonly attributes: readonly CclAttrSpec[];
}

export const REDUCTIONS = ['sum', 'prod', 'max', 'min'] as const;
export type Reduction = (typeof REDUCTIONS)[number];
export const ALGORITHMS = ['ring', 'tree', 'direct', 'library', 'hierarchical'] as const;
export const STAGES = ['intra', 'inter'] as const;

const groups: CclAttrSpec = { name: 'groups', kind: 'groups', required: true, keyword: 'groups' };
const reduction: CclAttrSpec = { name: 'reduction', kind: 'reduction', required: true, values: REDUCTIONS };
const root: CclAttrSpec = { name: 'root', kind: 'i64', required: true, keyword: 'root' };

/** Attributes passes add to any collective; optional everywhere. */
export const ANNOTATIONS: readonly CclAttrSpec[] = [
  { name: 'async', kind: 'unit', required: false },
  { name: 'algorithm', kind: 'enum', required: false, values: ALGORITHMS },
  { name: 'stage', kind: 'enum', required: false, values: STAGES },
  { name: 'predicted_us', kind: 'f64', required: false },
  { name: 'staging_node', kind: 'i64', required: false },
];

export const CCL_OPS: readonly CclOpSpec[] = [
  { name: 'all_reduce', summary: 'every member of a group gets the elementwise reduction of the members’ inputs', result: 'same', collective: true, attributes: [reduction, groups] },
  {
    name: 'reduce_scatter',
    summary: 'member i of a group gets slice i (along `dim`) of the reduction',
    result: 'scatter',
    collective: true,
    attributes: [reduction, { name: 'dim', kind: 'i64', required: true, keyword: 'dim' }, groups],
  },
  {
    name: 'all_gather',
    summary: 'every member gets the concatenation (along `dim`) of the members’ inputs in group order',
    result: 'gather',
    collective: true,
    attributes: [{ name: 'dim', kind: 'i64', required: true, keyword: 'dim' }, groups],
  },
  {
    name: 'all_to_all',
    summary: 'member i gets slice i (along `split_dim`) of every member, concatenated along `concat_dim`',
    result: 'all_to_all',
    collective: true,
    attributes: [
      { name: 'split_dim', kind: 'i64', required: true, keyword: 'split' },
      { name: 'concat_dim', kind: 'i64', required: true, keyword: 'concat' },
      groups,
    ],
  },
  { name: 'broadcast', summary: 'every member gets the input of the member at position `root`', result: 'same', collective: true, attributes: [root, groups] },
  { name: 'reduce', summary: 'the member at position `root` gets the reduction; the others keep their input', result: 'same', collective: true, attributes: [reduction, root, groups] },
  {
    name: 'permute',
    summary: 'each destination rank gets its source rank’s input; ranks with no source get zeros',
    result: 'same',
    collective: true,
    attributes: [{ name: 'pairs', kind: 'pairs', required: true, keyword: 'pairs' }],
  },
  { name: 'wait', summary: 'completes an in-flight collective: yields the value of its `!ccl.future`', result: 'unwrap_future', collective: false, attributes: [] },
];

export const CCL_OP_BY_NAME: ReadonlyMap<string, CclOpSpec> = new Map(CCL_OPS.map((s) => [`ccl.${s.name}`, s]));
