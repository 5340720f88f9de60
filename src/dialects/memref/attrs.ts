import type { Attribute, Operation } from '../../ir/index.js';

/** All attributes as MLIR's `getAttrs()` gives them: inherent and discardable, sorted by name. */
export function sortedAttrs(op: Operation): { name: string; value: Attribute }[] {
  return [...op.properties.entries, ...op.attributes.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
