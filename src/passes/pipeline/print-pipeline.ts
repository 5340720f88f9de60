/**
 * Printing a pipeline syntax tree back to text that parses to the same tree.
 * Option values are written bare when that is unambiguous, else wrapped in
 * `{}`, `"..."` or `'...'`, whichever reads back as the same value.
 */
import { splitOptionString, type OptionEntry } from '../options/index.js';
import type { PipelineAst, PipelineElement } from './ast.js';

/** True when `text` keeps `{`/`}` balanced (never closing more than opened) and ends at depth 0. */
function bracesBalanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') ++depth;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Whether `printed` reads back (as one option entry) to `entry`'s key and value. */
function readsBack(printed: string, entry: OptionEntry): boolean {
  if (!bracesBalanced(printed)) return false;
  const back = splitOptionString(printed);
  if (back.length !== 1) return false;
  const [e] = back;
  if (e.key.text !== entry.key.text) return false;
  if (entry.value === undefined) return e.value === undefined;
  return e.value !== undefined && e.value.text === entry.value.text;
}

/** One `key[=value]` entry; throws if no spelling of it reads back. */
export function formatOptionEntry(entry: OptionEntry): string {
  const key = entry.key.text;
  if (entry.value === undefined) {
    if (readsBack(key, entry)) return key;
    throw new Error(`option key '${key}' cannot be written in a pipeline string`);
  }
  const v = entry.value.text;
  for (const spelling of [v, `{${v}}`, `"${v}"`, `'${v}'`]) {
    const printed = `${key}=${spelling}`;
    if (readsBack(printed, entry)) return printed;
  }
  throw new Error(`the value of option '${key}' cannot be written in a pipeline string: ${JSON.stringify(v)}`);
}

export function formatElement(el: PipelineElement): string {
  if (el.kind === 'nest') return `${el.anchor}(${el.elements.map(formatElement).join(',')})`;
  if (!el.options) return el.name;
  return `${el.name}{${el.options.entries.map(formatOptionEntry).join(' ')}}`;
}

/** The compact one-line form `anchor(a,b{k=v},op(c))`. */
export function formatPipeline(ast: Pick<PipelineAst, 'anchor' | 'elements'>): string {
  return `${ast.anchor}(${ast.elements.map(formatElement).join(',')})`;
}
