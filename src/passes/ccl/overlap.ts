/**
 * `ccl-overlap`: make collectives `async`, issue each as early as its operand
 * allows and complete it (`ccl.wait`) just before its first use, so the
 * independent compute between runs while the transfer is in flight. At most
 * `max-in-flight` collectives are outstanding at any point (per rank, i.e.
 * per device stream); beyond that the oldest wait moves up. The schedule is
 * XLA's latency-hiding idea reduced to one basic block.
 */
import { Builder, type Block, type Operation } from '../../ir/index.js';
import { futureType } from '../../dialects/ccl/index.js';
import { intOption } from '../options/index.js';
import { definePass } from '../registry/index.js';
import { isCollective } from './collective.js';

/** Make `op` async: its result becomes a future, completed by a ccl.wait before the first use. */
function makeAsync(op: Operation): Operation {
  const ctx = op.context;
  const block = op.parentBlock!;
  const valueType = op.resultTypes[0];
  // Recreate the op with the future result type (result types are fixed at creation).
  const b = new Builder(ctx);
  b.setInsertionPointBefore(op);
  const attrs = new Map(op.attributes.entries.map((e) => [e.name, e.value] as const));
  attrs.set('async', ctx.unitAttr());
  const issued = b.create(op.name, { operands: op.operands, results: [futureType(ctx, valueType)], attributes: attrs }, op.location);
  const users = [...op.result().uses()].map((u) => u.owner);
  // First user in this block (users nested in later ops count at their ancestor).
  let first: Operation | null = null;
  for (const u of users) {
    let a: Operation | null = u;
    while (a && a.parentBlock !== block) a = a.parentOp;
    if (a && (!first || a.isBeforeInBlock(first))) first = a;
  }
  b.setInsertionPointBefore(first ?? block.lastOp!);
  const wait = b.create('ccl.wait', { operands: [issued.result()], results: [valueType] }, op.location);
  op.result().replaceAllUsesWith(wait.result());
  op.erase();
  return issued;
}

/**
 * Move `op` up to just after the definition of its operand (or the block
 * start). Collectives may pass each other: every rank runs the same program,
 * so all ranks still issue them in one order.
 */
function hoist(op: Operation): void {
  const block = op.parentBlock!;
  let anchor: Operation | null = op.operand(0).definingOp ?? null;
  while (anchor && anchor.parentBlock !== block) anchor = anchor.parentOp;
  if (anchor) {
    if (anchor !== op.prevOp) op.moveAfter(anchor);
  } else if (op !== block.firstOp) op.moveBefore(block.firstOp!);
}

/** Enforce at most `limit` outstanding futures by moving the oldest wait up. */
function limitInFlight(block: Block, limit: number): void {
  for (let changed = true; changed; ) {
    changed = false;
    const outstanding: Operation[] = [];
    for (const op of block.operations) {
      if (op.name === 'ccl.wait') {
        const i = outstanding.indexOf(op.operand(0).definingOp!);
        if (i >= 0) outstanding.splice(i, 1);
      } else if (isCollective(op) && op.getAttr('async')) {
        if (outstanding.length >= limit) {
          const oldest = outstanding[0];
          const wait = [...oldest.result().uses()][0]?.owner;
          if (wait) {
            wait.moveBefore(op);
            changed = true;
            break;
          }
        }
        outstanding.push(op);
      }
    }
  }
}

export const overlapPass = definePass({
  argument: 'ccl-overlap',
  summary: 'Overlap collectives with independent compute (async issue, late wait)',
  description:
    'Makes collectives async, hoists each right after its operand is ready and sinks its ccl.wait to just before ' +
    'the first use, with at most `max-in-flight` outstanding collectives per rank.',
  options: {
    'max-in-flight': intOption('Maximum collectives in flight at once per rank (device stream limit)', 2),
  },
  create: (o) => ({
    run(root, ctx) {
      if (o['max-in-flight'] < 1) return ctx.emitError(root, `ccl-overlap: 'max-in-flight' must be at least 1, got ${o['max-in-flight']}`);
      const blocks = new Set<Block>();
      const ops: Operation[] = [];
      root.walk((op) => {
        if (op !== root && isCollective(op) && !op.getAttr('async')) ops.push(op);
      }, 'pre');
      for (const op of ops) {
        const block = op.parentBlock!;
        blocks.add(block);
        const issued = makeAsync(op);
        hoist(issued);
      }
      for (const block of blocks) limitInFlight(block, o['max-in-flight']);
    },
  }),
});
