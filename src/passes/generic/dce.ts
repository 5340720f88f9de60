/** `dce`: erases trivially dead operations (unused results, no memory effects), to a fixpoint. */
import type { Operation } from '../../ir/index.js';
import { definePass } from '../registry/index.js';
import { isOpTriviallyDead } from '../rewrite/index.js';

/** Erases dead ops nested in `root` (uses then defs, so chains of dead ops go too); returns how many. */
export function eliminateDeadCode(root: Operation): number {
  let erased = 0;
  let again = true;
  while (again) {
    again = false;
    const dead: Operation[] = [];
    root.walk((op) => {
      if (op !== root && isOpTriviallyDead(op)) dead.push(op);
    });
    // Post-order lists users before their operands' definitions within a block only when they follow; erase in reverse.
    for (const op of dead.reverse()) {
      if (op.parentBlock && isOpTriviallyDead(op)) {
        op.erase();
        erased++;
        again = true;
      }
    }
  }
  return erased;
}

export const dcePass = definePass({
  argument: 'dce',
  summary: 'Eliminate dead operations',
  description: 'Erases operations whose results are unused and that have no memory effects, until none is left.',
  displayName: 'DCE',
  create: () => ({
    run(op) {
      eliminateDeadCode(op);
    },
  }),
});
