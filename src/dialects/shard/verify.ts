// shard's C++ verifiers (ShardOps.cpp): GridOp and ShardingOp's own checks,
// and every grid user's verifySymbolUses (the grid exists, grid axes are
// unique and in range, device indices and result shapes fit the group).
import type { Attribute, DenseArrayAttr, DialectAttr, IntegerAttr, Operation, StringAttr, SymbolRefAttr, VerifyContext } from '../../ir/index.js';
import { lookupSymbol } from '../func/index.js';
import {
  allToAllShapes,
  dimsOf,
  gatherShapes,
  groupSize,
  inGroupDevice,
  scatterOrSliceShapes,
  staticOrNull,
  type Check,
  type Size,
} from './collective-shapes.js';
import type { OpOverride } from '../common/ods-dialect.js';

type Verify = (op: Operation, ctx: VerifyContext) => void;

const arrayOf = (a: Attribute | undefined): (number | bigint)[] => (a?.kind === 'dense_array' ? [...(a as DenseArrayAttr).values] as (number | bigint)[] : []);
const intOf = (a: Attribute | undefined): number => (a?.kind === 'integer' ? Number((a as IntegerAttr).value) : 0);
const axesOf = (op: Operation, name: string): number[] => arrayOf(op.getAttr(name)).map(Number);
const sizesOf = (a: Attribute | undefined): Size[] => arrayOf(a).map(staticOrNull);

interface Grid {
  readonly name: string;
  readonly shape: Size[];
}

/** The grid `op` names (MLIR's getGridAndVerify), or undefined after reporting it missing. */
function gridOf(op: Operation, ctx: VerifyContext): Grid | undefined {
  const ref = op.getAttr('grid');
  const name = ref?.kind === 'symbol_ref' ? (ref as SymbolRefAttr).root : '';
  const grid = lookupSymbol(op, name);
  if (!grid || grid.name !== 'shard.grid') {
    ctx.emitError(op.location, `Undefined required grid symbol "${name}".`);
    return undefined;
  }
  const sym = grid.getAttr('sym_name');
  return { name: sym?.kind === 'string' ? (sym as StringAttr).value : name, shape: sizesOf(grid.getAttr('shape')) };
}

function gridAxesCheck(axes: readonly number[], grid: Grid): Check {
  if (new Set(axes).size !== axes.length) return 'Grid axes contains duplicate elements.';
  const rank = grid.shape.length;
  const bad = axes.find((a) => a >= rank || a < 0);
  if (bad !== undefined) return `0-based grid axis index ${bad} is out of bounds. The referenced grid "${grid.name}" is of rank ${rank}.`;
  return undefined;
}

/** A grid user: the grid must exist and `axesAttr` be valid axes of it; then `more` runs. */
function gridUser(axesAttr: string | undefined, more?: (op: Operation, grid: Grid, axes: number[]) => Check): Verify {
  return (op, ctx) => {
    const grid = gridOf(op, ctx);
    if (!grid) return;
    const axes = axesAttr ? axesOf(op, axesAttr) : [];
    const m = (axesAttr ? gridAxesCheck(axes, grid) : undefined) ?? more?.(op, grid, axes);
    if (m) ctx.emitError(op.location, m);
  };
}

const operandDims = (op: Operation): Size[] => dimsOf(op.operand(0).type);
const resultDims = (op: Operation): Size[] => dimsOf(op.resultTypes[0]);
const group = (grid: Grid, axes: readonly number[]): Size => groupSize(axes, grid.shape);
const device = (name: string) => (op: Operation, grid: Grid, axes: number[]): Check =>
  inGroupDevice(name, sizesOf(op.getAttr(name)), axes, grid.shape);

/** `shard.grid_shape` / `shard.process_multi_index`: one result per axis (all grid axes when none). */
const resultPerAxis = (op: Operation, grid: Grid, axes: number[]): Check => {
  const expected = axes.length === 0 ? grid.shape.length : axes.length;
  return op.results.length !== expected ? `Unexpected number of results ${op.results.length}. Expected ${expected}.` : undefined;
};

function verifyGrid(op: Operation, ctx: VerifyContext): void {
  const shape = sizesOf(op.getAttr('shape'));
  if (shape.length <= 0) return ctx.emitOpError(op, 'rank of grid is expected to be a positive integer');
  if (shape.some((d) => d !== null && d < 0)) ctx.emitOpError(op, 'dimension size of a grid is expected to be non-negative or dynamic');
}

/** The `#shard<axisarray[[0], [1, 2]]>` value of `split_axes`. */
function splitAxes(op: Operation): number[][] {
  const a = op.getAttr('split_axes');
  const body = a?.kind === 'dialect' ? (a as DialectAttr).body.trim() : '[]';
  const inner = body.replace(/^\[|\]$/g, '');
  return [...inner.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number));
}

function verifySharding(op: Operation, ctx: VerifyContext): void {
  const seen = new Set<number>();
  for (const axes of splitAxes(op)) {
    for (const axis of axes) {
      if (axis < 0) return ctx.emitError(op.location, 'grid axis is expected to be non-negative');
      if (seen.has(axis)) return ctx.emitError(op.location, 'grid axis duplicated');
      seen.add(axis);
    }
  }
  const halo = arrayOf(op.getAttr('static_halo_sizes'));
  const offsets = sizesOf(op.getAttr('static_sharded_dims_offsets'));
  if (halo.length > 0 && offsets.length > 0) return ctx.emitOpError(op, 'halo sizes and shard offsets are mutually exclusive');
  if (halo.length > 0) {
    const split = splitAxes(op).filter((a) => a.length > 0).length;
    if (halo.length !== split * 2) return ctx.emitError(op.location, 'halo sizes must be specified for all split axes.');
  }
  // verifySymbolUses
  const grid = gridOf(op, ctx);
  if (!grid || offsets.length === 0) return;
  if (grid.shape.some((d) => d === null)) {
    return ctx.emitError(op.location, 'sharded dims offsets are not allowed for device grids with dynamic shape.');
  }
  let pos = 0;
  for (const axes of splitAxes(op)) {
    if (axes.length === 0) continue;
    const shards = axes.reduce((n, i) => n + ((grid.shape[i] as number | undefined) ?? 0), 0);
    let off = 0;
    for (let i = 0; i <= shards; i++) {
      if (offsets.length <= pos + i) return ctx.emitError(op.location, 'sharded dims offsets has wrong size.');
      const o = offsets[pos + i];
      if (o !== null) {
        if (o < off) return ctx.emitError(op.location, 'sharded dims offsets must be non-decreasing.');
        off = o;
      }
    }
    pos += shards + 1;
  }
}

/** Verifiers by op name, for the dialect's overrides. */
export const SHARD_VERIFIERS: Readonly<Record<string, OpOverride['verify']>> = {
  'shard.grid': verifyGrid,
  'shard.sharding': verifySharding,
  'shard.all_gather': gridUser('grid_axes', (op, g, axes) => gatherShapes(operandDims(op), resultDims(op), intOf(op.getAttr('gather_axis')), group(g, axes))),
  'shard.all_reduce': gridUser('grid_axes'),
  'shard.all_slice': gridUser('grid_axes', (op, g, axes) => scatterOrSliceShapes(operandDims(op), resultDims(op), intOf(op.getAttr('slice_axis')), group(g, axes))),
  'shard.all_to_all': gridUser('grid_axes', (op, g, axes) =>
    allToAllShapes(operandDims(op), resultDims(op), intOf(op.getAttr('split_axis')), intOf(op.getAttr('concat_axis')), group(g, axes)),
  ),
  'shard.broadcast': gridUser('grid_axes', device('root')),
  'shard.gather': gridUser('grid_axes', (op, g, axes) =>
    device('root')(op, g, axes) ?? gatherShapes(operandDims(op), resultDims(op), intOf(op.getAttr('gather_axis')), group(g, axes)),
  ),
  'shard.recv': gridUser('grid_axes', (op, g, axes) => (op.getAttr('source') ? device('source')(op, g, axes) : undefined)),
  'shard.reduce': gridUser('grid_axes', device('root')),
  'shard.reduce_scatter': gridUser('grid_axes', (op, g, axes) =>
    scatterOrSliceShapes(operandDims(op), resultDims(op), intOf(op.getAttr('scatter_axis')), group(g, axes)),
  ),
  'shard.scatter': gridUser('grid_axes', (op, g, axes) =>
    device('root')(op, g, axes) ?? scatterOrSliceShapes(operandDims(op), resultDims(op), intOf(op.getAttr('scatter_axis')), group(g, axes)),
  ),
  'shard.send': gridUser('grid_axes', device('destination')),
  'shard.shift': gridUser('grid_axes', (op, _g, axes) => {
    const shift = intOf(op.getAttr('shift_axis'));
    return axes.includes(shift) ? undefined : `Invalid shift axis ${shift}. It must be one of the grouping grid axes.`;
  }),
  'shard.grid_shape': gridUser('axes', resultPerAxis),
  'shard.process_multi_index': gridUser('axes', resultPerAxis),
  'shard.process_linear_index': gridUser(undefined),
  'shard.neighbors_linear_indices': gridUser(undefined),
  'shard.update_halo': gridUser(undefined),
};
