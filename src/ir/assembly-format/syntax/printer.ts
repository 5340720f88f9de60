/**
 * Prints a format AST back to assembly-format text in a canonical spacing.
 * `parseAssemblyFormat(printAssemblyFormat(ast))` gives back `ast`.
 */
import type { FormatElement } from './ast.js';

export function printAssemblyFormat(elements: readonly FormatElement[]): string {
  return printList(elements);
}

function printList(elements: readonly FormatElement[]): string {
  return elements.map(printElement).join(' ');
}

export function printElement(e: FormatElement): string {
  switch (e.kind) {
    case 'literal':
      return `\`${e.value}\``;
    case 'whitespace':
      return e.value === '\n' ? '`\\n`' : `\`${e.value}\``;
    case 'variable':
      return `$${e.name}`;
    case 'type':
      return `type(${printElement(e.arg)})`;
    case 'qualified':
      return `qualified(${printElement(e.arg)})`;
    case 'attrDict':
      return e.withKeyword ? 'attr-dict-with-keyword' : 'attr-dict';
    case 'propDict':
      return 'prop-dict';
    case 'functionalType':
      return `functional-type(${printElement(e.inputs)}, ${printElement(e.results)})`;
    case 'operands':
    case 'results':
    case 'regions':
    case 'successors':
    case 'params':
      return e.kind;
    case 'custom':
      return `custom<${e.name}>(${e.args.map(printElement).join(', ')})`;
    case 'ref':
      return `ref(${printElement(e.arg)})`;
    case 'string':
      return `"${e.value}"`;
    case 'optional': {
      const then = e.then.map((x, i) => (i === e.anchor ? `${printElement(x)}^` : printElement(x))).join(' ');
      const elseText = e.else ? ` : (${printList(e.else)})` : '';
      return `(${then})?${elseText}`;
    }
    case 'oilist':
      return `oilist(${e.clauses
        .map((c) => [`\`${c.keyword}\``, ...c.elements.map(printElement)].join(' '))
        .join(' | ')})`;
    case 'struct':
      return `struct(${e.args.map(printElement).join(', ')})`;
  }
}
