/** Traversal helpers over format ASTs. */
import type { FormatElement } from './ast.js';

/** Visits every element, pre-order, including those nested in directives and groups. */
export function walkFormat(elements: readonly FormatElement[], visit: (e: FormatElement) => void): void {
  const stack: FormatElement[] = [...elements].reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    visit(e);
    const children = childrenOf(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function childrenOf(e: FormatElement): readonly FormatElement[] {
  switch (e.kind) {
    case 'type':
    case 'qualified':
    case 'ref':
      return [e.arg];
    case 'functionalType':
      return [e.inputs, e.results];
    case 'custom':
    case 'struct':
      return e.args;
    case 'optional':
      return [...e.then, ...(e.else ?? [])];
    case 'oilist':
      return e.clauses.flatMap((c) => c.elements);
    default:
      return [];
  }
}

/** Names of all `$variables` the format mentions, in order of first appearance. */
export function formatVariables(elements: readonly FormatElement[]): string[] {
  const seen = new Set<string>();
  walkFormat(elements, (e) => {
    if (e.kind === 'variable') seen.add(e.name);
  });
  return [...seen];
}
