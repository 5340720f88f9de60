// numaccl's NUMA-aware passes over the ccl dialect (DESIGN §8).
import { passRegistry, type PassRegistry } from '../registry/index.js';
import { selectSchedulePass } from './select-schedule.js';
import { hierarchicalizePass } from './hierarchicalize.js';
import { chunkPass } from './chunk.js';
import { overlapPass } from './overlap.js';
import { numaPlacementPass } from './numa-placement.js';

export { selectSchedulePass, hierarchicalizePass, chunkPass, overlapPass, numaPlacementPass };
export { specOf, isCollective, tensorBytes } from './collective.js';
export { splitGroups } from './hierarchicalize.js';
export { resolveTopology } from './topology-option.js';

/** Adds the ccl/NUMA passes to `registry` (idempotent). */
export function registerCclPasses(registry: PassRegistry = passRegistry): void {
  registry.register(selectSchedulePass);
  registry.register(hierarchicalizePass);
  registry.register(chunkPass);
  registry.register(overlapPass);
  registry.register(numaPlacementPass);
}

registerCclPasses();
