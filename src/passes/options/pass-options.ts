/**
 * Reading option entries into typed values for a schema, and printing values
 * back in MLIR's normalised form (`{a=1 b=true c={x,y}}`, sorted by name).
 */
import { closestNames, PipelineError, type PipelineNote } from '../source/index.js';
import type { AnyOptionValues, OptionsSchema, OptionSpec, ScalarValue } from './option-spec.js';
import { splitListValue, type OptionEntry } from './option-string.js';
import { formatScalar, parseScalar } from './scalar-values.js';

type AnySpec = OptionSpec<ScalarValue> | OptionSpec<readonly ScalarValue[]>;

/**
 * Applies `entries` over the schema's defaults. Later entries for a scalar
 * win; the first entry for a list replaces its default and later ones append
 * (as LLVM lists do). Throws a `PipelineError` located in `source` at the
 * unknown key or the bad value.
 */
export function parseOptionEntries(schema: OptionsSchema, entries: readonly OptionEntry[], source: string): AnyOptionValues {
  return readOptionEntries(schema, entries, source).values;
}

/** Option values plus the list options that were given explicitly (MLIR prints those even when empty). */
export interface ParsedOptions {
  readonly values: AnyOptionValues;
  readonly explicitLists: ReadonlySet<string>;
}

/** `parseOptionEntries`, also reporting which list options were set. */
export function readOptionEntries(schema: OptionsSchema, entries: readonly OptionEntry[], source: string): ParsedOptions {
  const values: Record<string, ScalarValue | readonly ScalarValue[]> = {};
  for (const [name, spec] of Object.entries(schema)) values[name] = spec.default;
  const listsSeen = new Set<string>();
  for (const entry of entries) {
    const name = entry.key.text;
    const spec: AnySpec | undefined = Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (!spec) {
      const notes: PipelineNote[] = closestNames(name, Object.keys(schema)).map((n) => ({ message: `did you mean '${n}'?` }));
      throw new PipelineError(`no such option ${name}`, source, entry.key.offset, notes);
    }
    // As in LLVM's cl parsers, only booleans may appear bare (`flag` means `flag=true`).
    if (entry.value === undefined && spec.type.kind !== 'bool') {
      throw new PipelineError(`for the --${name} option: requires a value!`, source, entry.key.offset);
    }
    const valueText = entry.value ?? { text: '', offset: entry.key.offset + name.length };
    if (spec.list) {
      const elements = splitListValue(valueText).map((el) => parseOrThrow(spec, name, el.text, el.offset, source));
      const previous = listsSeen.has(name) ? (values[name] as readonly ScalarValue[]) : [];
      values[name] = [...previous, ...elements];
      listsSeen.add(name);
    } else {
      values[name] = parseOrThrow(spec, name, valueText.text, valueText.offset, source);
    }
  }
  return { values, explicitLists: listsSeen };
}

function parseOrThrow(spec: AnySpec, name: string, text: string, offset: number, source: string): ScalarValue {
  const r = parseScalar(spec.type, text);
  if (r.ok) return r.value;
  const notes: PipelineNote[] =
    spec.type.kind === 'enum' ? [{ message: `allowed values: ${spec.type.choices.map((c) => c.name).join(', ')}` }] : [];
  throw new PipelineError(`for the --${name} option: ${r.message}`, source, offset, notes);
}

function sameList(a: readonly ScalarValue[], b: readonly ScalarValue[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]) || v === b[i]);
}

/**
 * Prints `values` as MLIR's `PassOptions::print` does: every option sorted by
 * name and joined by spaces; list options equal to their default and not
 * in `explicitLists` print as nothing (which leaves a doubled space, exactly
 * as MLIR does). A schema without options prints as the empty string.
 */
export function formatOptionValues(schema: OptionsSchema, values: AnyOptionValues, explicitLists: ReadonlySet<string> = new Set()): string {
  const names = Object.keys(schema).sort(compareBytes);
  if (names.length === 0) return '';
  const parts = names.map((name) => {
    const spec = schema[name];
    const v = Object.hasOwn(values, name) ? values[name] : spec.default;
    if (spec.list) {
      const list = v as readonly ScalarValue[];
      if (!explicitLists.has(name) && sameList(list, spec.default as readonly ScalarValue[])) return '';
      return `${name}={${list.map((e) => formatScalar(spec.type, e)).join(',')}}`;
    }
    return `${name}=${formatScalar(spec.type, v as ScalarValue)}`;
  });
  return `{${parts.join(' ')}}`;
}

/** Byte-wise ordering, as `StringRef::compare` sorts option names. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
