import type { Operation } from '../core/operation.js';
import type { ResourceSection } from '../parser/state.js';
import { AsmPrinter, type PrintOptions } from './printer.js';

export { AsmPrinter, type PrintOptions } from './printer.js';
export { printType, printResultTypes } from './types.js';
export { printAttribute, printLocationBody, printDictionary } from './attributes.js';
export { formatFloat, roundToKind } from './floats.js';
export { quoteString, escapeString, printSymbol } from './strings.js';

export interface PrintModuleOptions extends PrintOptions {
  /** Resource blobs to print in the trailing `{-# dialect_resources ... #-}` section. */
  resources?: ResourceSection;
}

/** Print an operation (usually a module) as MLIR text, with a trailing newline. */
export function print(op: Operation, options: PrintModuleOptions = {}): string {
  const printer = new AsmPrinter(op.context, op, options);
  printer.printOperation(op);
  let text = printer.toString() + '\n';
  const res = options.resources;
  if (res && [...res.values()].some((m) => m.size > 0)) {
    const dialects = [...res]
      .filter(([, m]) => m.size > 0)
      .map(([d, m]) => `    ${d}: {\n${[...m].map(([k, v]) => `      ${k}: ${v}`).join(',\n')}\n    }`);
    text += `\n{-#\n  dialect_resources: {\n${dialects.join(',\n')}\n  }\n#-}\n`;
  }
  return text;
}
