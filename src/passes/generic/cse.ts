/**
 * `cse`: eliminates common sub-expressions. Two ops are equivalent when they
 * have the same name, properties, attributes, operands, result types and no
 * successors or regions; only ops without memory effects are merged (so a
 * load is never merged across a store). Knowledge flows from an op's block to
 * the regions nested in later ops of that block (it dominates them), never
 * into an op isolated from above, and in multi-block regions only within a
 * block. Ops already dead when visited are erased, as MLIR's CSE does.
 */
import type { Block, Operation, Region, Value } from '../../ir/index.js';
import { definePass } from '../registry/index.js';
import { isMemoryEffectFree, isOpTriviallyDead } from '../rewrite/index.js';

const valueIds = new WeakMap<Value, number>();
let nextValueId = 1;
function valueId(v: Value): number {
  let id = valueIds.get(v);
  if (id === undefined) valueIds.set(v, (id = nextValueId++));
  return id;
}

function keyOf(op: Operation): string | undefined {
  if (op.regions.length || op.successors.length || op.results.length === 0) return undefined;
  if (op.hasTrait('IsTerminator') || !isMemoryEffectFree(op)) return undefined;
  const opaque = op.opaqueProperties ? op.opaqueProperties.id : -1;
  // Commutative ops are equal up to operand order, as in MLIR's OperationEquivalence.
  const ids = op.operands.map(valueId);
  if (op.hasTrait('Commutative')) ids.sort((a, b) => a - b);
  return `${op.name}|${op.properties.id}|${opaque}|${op.attributes.id}|${ids.join(',')}|${op.resultTypes.map((t) => t.id).join(',')}`;
}

type Scope = Map<string, Operation>;

function lookup(scopes: readonly Scope[], key: string): Operation | undefined {
  for (let i = scopes.length - 1; i >= 0; --i) {
    const hit = scopes[i].get(key);
    if (hit) return hit;
  }
  return undefined;
}

/** Runs CSE over `block` with the enclosing scopes; returns the number of ops erased. */
function simplifyBlock(block: Block, scopes: Scope[]): number {
  let erased = 0;
  const scope: Scope = new Map();
  scopes.push(scope);
  for (const op of [...block.operations]) {
    for (const region of op.regions) erased += simplifyRegion(region, op.hasTrait('IsolatedFromAbove') ? [] : scopes);
    // Like MLIR's CSE, drop ops that are dead when visited (after their regions).
    if (!op.hasTrait('IsTerminator') && isOpTriviallyDead(op)) {
      op.erase();
      erased++;
      continue;
    }
    const key = keyOf(op);
    if (key === undefined) continue;
    const existing = lookup(scopes, key);
    if (existing) {
      op.results.forEach((r, i) => r.replaceAllUsesWith(existing.results[i]));
      op.erase();
      erased++;
    } else scope.set(key, op);
  }
  scopes.pop();
  return erased;
}

function simplifyRegion(region: Region, scopes: Scope[]): number {
  let erased = 0;
  for (const block of region.blocks) erased += simplifyBlock(block, scopes);
  return erased;
}

/** CSE on everything nested in `op`; returns how many ops were erased. */
export function eliminateCommonSubexpressions(op: Operation): number {
  let erased = 0;
  for (const region of op.regions) erased += simplifyRegion(region, []);
  return erased;
}

export const csePass = definePass({
  argument: 'cse',
  summary: 'Eliminate common sub-expressions',
  description: 'Merges equivalent side-effect-free operations whose first occurrence dominates the others.',
  displayName: 'CSE',
  create: () => ({
    run(op) {
      eliminateCommonSubexpressions(op);
    },
  }),
});
