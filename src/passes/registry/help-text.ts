/**
 * Help text in LLVM `cl`'s layout, as `mlir-opt --help` and `--list-passes`
 * print it: `--name=<type>` padded to a shared column, then ` - help`; enum
 * choices as `    =value ... -   help` (unindented, as LLVM prints them
 * inside pass listings); pass entries as `--pass ... -   summary`.
 */
import { compareBytes, valueName, type OptionSpec, type OptionsSchema, type ScalarValue } from '../options/index.js';
import type { PassRegistry } from './pass-registry.js';
import type { RegistryEntry } from './pass-info.js';

type AnySpec = OptionSpec<ScalarValue> | OptionSpec<readonly ScalarValue[]>;

/** `  --name` or `  -n`, as LLVM's `PrintArg` writes it. */
function printArg(name: string): string {
  return `  ${name.length === 1 ? '-' : '--'}${name}`;
}

/** LLVM's `argPlusPrefixesSize`: the printed argument plus the ` - ` separator. */
function argWidth(name: string): number {
  return name.length + 2 + (name.length === 1 ? 1 : 2) + 3;
}

/** LLVM's `Option::printHelpStr`: pad from `usedWidth` to `globalWidth`, then ` - ` and the help lines. */
function helpTail(help: string, globalWidth: number, usedWidth: number): string {
  const [first, ...rest] = help.split('\n');
  let out = ' '.repeat(Math.max(0, globalWidth - usedWidth)) + ' - ' + first + '\n';
  for (const line of rest) out += ' '.repeat(globalWidth) + line + '\n';
  return out;
}

/** Width a tool option `--name=<value>` needs in the help column. */
export function optionWidth(name: string, value = ''): number {
  return argWidth(name) + (value === '' ? 0 : value.length + 3);
}

/** One tool-option help line (`  --name=<value>   - help`), for `--help` screens. */
export function optionHelpLine(name: string, value: string, help: string, globalWidth: number): string {
  const head = printArg(name) + (value === '' ? '' : `${name.length === 1 ? ' <' : '=<'}${value}>`);
  return head + helpTail(help, globalWidth, optionWidth(name, value));
}

/** Width a pass option needs (LLVM's `getOptionWidth` for its parser). */
export function passOptionWidth(name: string, spec: AnySpec): number {
  if (spec.type.kind === 'enum') {
    let w = argWidth(name) + '=<value>'.length;
    for (const c of spec.type.choices) w = Math.max(w, c.name.length + '    ='.length + 3);
    return w;
  }
  return optionWidth(name, valueName(spec.type));
}

/** A pass option's help lines; `globalWidth` is measured from the option's own indent. */
export function passOptionHelp(name: string, spec: AnySpec, globalWidth: number): string {
  if (spec.type.kind !== 'enum') return optionHelpLine(name, valueName(spec.type), spec.description, globalWidth);
  let out = `${printArg(name)}=<value>` + helpTail(spec.description, globalWidth, argWidth(name) + '=<value>'.length);
  for (const c of spec.type.choices) {
    out += `    =${c.name}`;
    if (c.description === '') {
      out += '\n';
      continue;
    }
    const [first, ...rest] = c.description.split('\n');
    out += ' '.repeat(Math.max(0, globalWidth - (c.name.length + 8))) + ' -   ' + first + '\n';
    for (const line of rest) out += ' '.repeat(globalWidth + 2) + line + '\n';
  }
  return out;
}

function schemaWidth(schema: OptionsSchema): number {
  let w = 0;
  for (const [name, spec] of Object.entries(schema)) w = Math.max(w, passOptionWidth(name, spec));
  return w;
}

/** MLIR's `PassRegistryEntry::getOptionWidth`. */
export function entryOptionWidth(e: RegistryEntry): number {
  return schemaWidth(e.options) + 2;
}

/** One pass or pipeline entry and its options, MLIR's `printHelpStr(indent, descIndent)`. */
export function entryHelp(e: RegistryEntry, indent: number, descIndent: number): string {
  const numSpaces = descIndent - indent - 4;
  let out = ' '.repeat(indent) + '--' + e.argument.padEnd(numSpaces) + '-   ' + e.summary + '\n';
  const names = Object.keys(e.options).sort(compareBytes);
  for (const name of names) out += ' '.repeat(indent) + passOptionHelp(name, e.options[name], descIndent - indent);
  return out;
}

/** Exactly `mlir-opt --list-passes`: passes only, sorted, aligned to the widest options. */
export function listPassesText(registry: PassRegistry): string {
  const passes = registry.passes();
  let maxWidth = 0;
  for (const p of passes) maxWidth = Math.max(maxWidth, entryOptionWidth(p) + 4);
  return 'Passes:\n' + passes.map((p) => entryHelp(p, 2, maxWidth)).join('');
}

/** The column the pass section of `--help` needs (MLIR's `PassNameParser::getOptionWidth`). */
export function passesHelpWidth(registry: PassRegistry): number {
  const entries: RegistryEntry[] = [...registry.passes(), ...registry.pipelines()];
  let w = 0;
  for (const e of entries) w = Math.max(w, e.argument.length + 8);
  w += 2;
  for (const e of entries) w = Math.max(w, entryOptionWidth(e) + 4);
  return w;
}

/**
 * The pass section of `--help` (`  Compiler passes to run` / `    Passes:` /
 * `    Pass Pipelines:`), aligned to `globalWidth` (the widest tool option).
 */
export function passesHelpSection(registry: PassRegistry, globalWidth: number, title = 'Compiler passes to run'): string {
  let out = `  ${title}\n    Passes:\n`;
  for (const p of registry.passes()) out += entryHelp(p, 6, globalWidth);
  const pipelines = registry.pipelines();
  if (pipelines.length) {
    out += '    Pass Pipelines:\n';
    for (const p of pipelines) out += entryHelp(p, 6, globalWidth);
  }
  return out;
}
