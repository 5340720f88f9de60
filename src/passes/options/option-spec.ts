/**
 * Typed pass options, modelled on MLIR's `PassOptions` (which are LLVM `cl`
 * options underneath): each option has a value type, a default and a help
 * line, and may be a comma-separated list of that type.
 */

/** Integer flavours, named as LLVM's `--help` names them (`<int>`, `<long>`, ...). */
export type IntegerFlavor = 'int' | 'long' | 'uint' | 'ulong';

/** One allowed value of an enum option, with its help line. */
export interface EnumChoice {
  readonly name: string;
  readonly description: string;
}

/** The value type of an option (or of each element of a list option). */
export type ScalarType =
  | { readonly kind: 'bool' }
  | { readonly kind: 'integer'; readonly flavor: IntegerFlavor; readonly exact?: boolean }
  | { readonly kind: 'float'; readonly flavor: 'float' | 'double' }
  | { readonly kind: 'string' }
  | { readonly kind: 'enum'; readonly choices: readonly EnumChoice[] };

/**
 * A scalar option value: enums are held by their textual name; integers are
 * numbers, or bigints for `exact` 64-bit options.
 */
export type ScalarValue = boolean | number | bigint | string;

/** The declaration of one option. `T` is the value type the pass sees. */
export interface OptionSpec<T> {
  readonly type: ScalarType;
  readonly list: boolean;
  readonly description: string;
  readonly default: T;
}

/** A pass's option declarations, keyed by the option's argument name (`max-iterations`). */
export type OptionsSchema = { readonly [name: string]: OptionSpec<ScalarValue> | OptionSpec<readonly ScalarValue[]> };

/** The values a pass receives for its schema. */
export type OptionValues<S extends OptionsSchema> = {
  readonly [K in keyof S]: S[K] extends OptionSpec<infer T> ? T : never;
};

/** Untyped view of option values, used by the pipeline machinery. */
export type AnyOptionValues = { readonly [name: string]: ScalarValue | readonly ScalarValue[] };

/** LLVM's value-name for a type, shown in `--help` as `=<name>`. */
export function valueName(type: ScalarType): string {
  switch (type.kind) {
    case 'bool':
      return '';
    case 'integer':
      return type.flavor;
    case 'float':
      return 'number';
    case 'string':
      return 'string';
    case 'enum':
      return 'value';
  }
}

// ---- builders -------------------------------------------------------------

export function boolOption(description: string, defaultValue = false): OptionSpec<boolean> {
  return { type: { kind: 'bool' }, list: false, description, default: defaultValue };
}

export function intOption(description: string, defaultValue = 0, flavor: IntegerFlavor = 'long'): OptionSpec<number> {
  return { type: { kind: 'integer', flavor }, list: false, description, default: defaultValue };
}

/** A 64-bit integer option read exactly, as a bigint (for values beyond 2^53). */
export function bigIntOption(description: string, defaultValue = 0n, flavor: 'long' | 'ulong' = 'long'): OptionSpec<bigint> {
  return { type: { kind: 'integer', flavor, exact: true }, list: false, description, default: defaultValue };
}

export function unsignedOption(description: string, defaultValue = 0, flavor: 'uint' | 'ulong' = 'uint'): OptionSpec<number> {
  return intOption(description, defaultValue, flavor);
}

export function floatOption(description: string, defaultValue = 0, flavor: 'float' | 'double' = 'double'): OptionSpec<number> {
  return { type: { kind: 'float', flavor }, list: false, description, default: defaultValue };
}

export function stringOption(description: string, defaultValue = ''): OptionSpec<string> {
  return { type: { kind: 'string' }, list: false, description, default: defaultValue };
}

/**
 * An enum option: `choices` maps each allowed name to its help line, in the
 * order `--help` lists them. The default must be one of them.
 */
export function enumOption<const N extends string>(
  description: string,
  choices: { readonly [K in N]: string },
  defaultValue: NoInfer<N>,
): OptionSpec<N> {
  const list = Object.entries<string>(choices).map(([name, desc]) => ({ name, description: desc }));
  if (!list.some((c) => c.name === defaultValue)) {
    throw new Error(`enum option default '${defaultValue}' is not one of its choices`);
  }
  return { type: { kind: 'enum', choices: list }, list: false, description, default: defaultValue };
}

/** A list option whose elements have the type of `element` (its default is ignored). */
export function listOption<T extends ScalarValue>(
  element: OptionSpec<T>,
  defaultValue: readonly T[] = [],
): OptionSpec<readonly T[]> {
  return { type: element.type, list: true, description: element.description, default: defaultValue };
}

/** The default values of a schema. */
export function defaultOptionValues<S extends OptionsSchema>(schema: S): OptionValues<S> {
  const out: Record<string, ScalarValue | readonly ScalarValue[]> = {};
  for (const [name, spec] of Object.entries(schema)) out[name] = spec.default;
  return out as OptionValues<S>;
}
