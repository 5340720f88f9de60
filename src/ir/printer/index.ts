import type { Operation } from '../core/operation.js';
import { DiagnosticError } from '../diagnostics/diagnostic.js';
import { fileLineColOf } from '../attributes/location.js';
import type { ResourceSection } from '../parser/state.js';
import { AsmPrinter, type PrintOptions } from './printer.js';
import type { Attribute } from '../attributes/attribute.js';
import type { Type } from '../types/type.js';
import { printAttribute } from './attributes.js';
import { printType } from './types.js';
import { quoteString } from './strings.js';

export { AsmPrinter, type PrintOptions } from './printer.js';
export { printType, printResultTypes } from './types.js';
export { printAttribute, printLocationBody, printDictionary } from './attributes.js';
export { formatFloat, roundToKind } from './floats.js';
export { quoteString, escapeString, printSymbol } from './strings.js';

export interface PrintModuleOptions extends PrintOptions {
  /** Resource blobs to print in the trailing `{-# dialect_resources ... #-}` section. */
  resources?: ResourceSection;
  /** `{-# external_resources ... #-}` entries, kept verbatim. */
  externalResources?: ResourceSection;
  /**
   * Alias definitions from the source. Verbatim bodies of unknown dialect
   * attributes/types may refer to them, so the ones referenced are printed.
   */
  aliases?: { readonly attributes: ReadonlyMap<string, Attribute>; readonly types: ReadonlyMap<string, Type> };
}

function printSection(name: string, section: ResourceSection | undefined): string | undefined {
  if (!section || ![...section.values()].some((m) => m.size > 0)) return undefined;
  const owners = [...section]
    .filter(([, m]) => m.size > 0)
    .map(([d, m]) => `    ${d}: {\n${[...m].map(([k, v]) => `      ${resourceKey(k)}: ${v}`).join(',\n')}\n    }`);
  return `  ${name}: {\n${owners.join(',\n')}\n  }`;
}

function resourceKey(k: string): string {
  return /^[a-zA-Z_][a-zA-Z0-9_$.\-]*$/.test(k) ? k : quoteString(k);
}

/** Alias definitions whose names the printed text refers to (transitively). */
function referencedAliases(text: string, aliases: NonNullable<PrintModuleOptions['aliases']>): string {
  const defs: string[] = [];
  const done = new Set<string>();
  let haystack = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [prefix, table, show] of [
      ['#', aliases.attributes, (v: Attribute | Type) => printAttribute(v as Attribute)],
      ['!', aliases.types, (v: Attribute | Type) => printType(v as Type)],
    ] as const) {
      for (const [name, value] of table as ReadonlyMap<string, Attribute | Type>) {
        const key = prefix + name;
        if (done.has(key) || !new RegExp(`${prefix === '!' ? '!' : '#'}${name.replace(/[$.]/g, '\\$&')}(?![\\w$.\\-])`).test(haystack)) continue;
        done.add(key);
        const def = `${key} = ${show(value)}`;
        defs.push(def);
        haystack += '\n' + def;
        changed = true;
      }
    }
  }
  return defs.length > 0 ? defs.reverse().join('\n') + '\n' : '';
}

/** Print an operation (usually a module) as MLIR text, with a trailing newline. */
export function print(op: Operation, options: PrintModuleOptions = {}): string {
  const printer = new AsmPrinter(op.context, op, options);
  try {
    printer.printOperation(op);
  } catch (e) {
    // Nesting deeper than the JS stack: a located diagnostic, never a crash.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      const at = fileLineColOf(op.location);
      throw new DiagnosticError([
        { severity: 'error', message: 'IR nesting is too deep to print', ...(at ? { position: { file: at.file, line: at.line, col: at.col } } : {}), notes: [] },
      ]);
    }
    throw e;
  }
  let text = printer.toString() + '\n';
  if (options.aliases) text = referencedAliases(text, options.aliases) + text;
  const sections = [printSection('dialect_resources', options.resources), printSection('external_resources', options.externalResources)].filter(
    (x): x is string => x !== undefined,
  );
  if (sections.length > 0) text += `\n{-#\n${sections.join(',\n')}\n#-}\n`;
  return text;
}
