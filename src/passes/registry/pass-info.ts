/**
 * Registry entries: passes and named pipelines, each with a command-line
 * argument (`canonicalize`), a one-line summary, a longer description and a
 * typed options schema.
 */
import type { AnyOptionValues, OptionsSchema, OptionValues } from '../options/index.js';
import type { PassInstance } from './pass-instance.js';

/**
 * A registered pass. `anchor` restricts it to one op name (`func.func`); left
 * out, the pass runs on any op. `displayName` is the name IR dumps use
 * (`// -----// IR Dump After <displayName> (<argument>) //----- //`).
 * `create` builds a pass instance from its option values.
 */
export interface PassInfo<S extends OptionsSchema = OptionsSchema> {
  readonly kind: 'pass';
  readonly argument: string;
  readonly summary: string;
  readonly description: string;
  readonly options: S;
  readonly anchor?: string;
  readonly displayName: string;
  readonly create?: (options: OptionValues<S>) => PassInstance;
  /**
   * Set for a pass that wraps a pipeline of another pass system (`mlir`):
   * `argument(<pipeline>)` in pipeline text is this pass with this string
   * option holding the inner text verbatim (not looked up in this registry),
   * and the pass prints back in that form.
   */
  readonly pipelineOption?: string;
}

/**
 * A registered pipeline: a name standing for other passes. `expand` returns
 * the element list (`canonicalize,func.func(cse)`) that replaces it, in the
 * pass manager where it appears.
 */
export interface PipelineInfo<S extends OptionsSchema = OptionsSchema> {
  readonly kind: 'pipeline';
  readonly argument: string;
  readonly summary: string;
  readonly description: string;
  readonly options: S;
  readonly expand: (options: OptionValues<S>) => string;
}

export type RegistryEntry = PassInfo | PipelineInfo;

/** What a pass author writes to declare a pass. */
export interface PassDeclaration<S extends OptionsSchema> {
  readonly argument: string;
  readonly summary: string;
  readonly description?: string;
  readonly options?: S;
  readonly anchor?: string;
  readonly displayName?: string;
  readonly create?: (options: OptionValues<S>) => PassInstance;
  readonly pipelineOption?: string;
}

export interface PipelineDeclaration<S extends OptionsSchema> {
  readonly argument: string;
  readonly summary: string;
  readonly description?: string;
  readonly options?: S;
  readonly expand: (options: OptionValues<S>) => string;
}

/** `ccl-select-schedule` → `CclSelectSchedule`, the default display name. */
export function camelCaseName(argument: string): string {
  return argument
    .split(/[-_.]/)
    .filter((p) => p !== '')
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}

const ARGUMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function definePass<S extends OptionsSchema = Record<string, never>>(decl: PassDeclaration<S>): PassInfo<S> {
  if (!ARGUMENT.test(decl.argument)) throw new Error(`invalid pass argument '${decl.argument}'`);
  return {
    kind: 'pass',
    argument: decl.argument,
    summary: decl.summary,
    description: decl.description ?? decl.summary,
    options: decl.options ?? ({} as S),
    ...(decl.anchor !== undefined ? { anchor: decl.anchor } : {}),
    displayName: decl.displayName ?? camelCaseName(decl.argument),
    ...(decl.create ? { create: decl.create } : {}),
    ...(decl.pipelineOption !== undefined ? { pipelineOption: checkPipelineOption(decl) } : {}),
  };
}

function checkPipelineOption<S extends OptionsSchema>(decl: PassDeclaration<S>): string {
  const name = decl.pipelineOption as string;
  const spec = decl.options?.[name];
  if (!spec || spec.list || spec.type.kind !== 'string') {
    throw new Error(`pass '${decl.argument}': pipelineOption '${name}' must name one of its string options`);
  }
  return name;
}

export function definePipeline<S extends OptionsSchema = Record<string, never>>(decl: PipelineDeclaration<S>): PipelineInfo<S> {
  if (!ARGUMENT.test(decl.argument)) throw new Error(`invalid pipeline argument '${decl.argument}'`);
  return {
    kind: 'pipeline',
    argument: decl.argument,
    summary: decl.summary,
    description: decl.description ?? decl.summary,
    options: decl.options ?? ({} as S),
    expand: decl.expand,
  };
}

/** Erases a typed entry for storage (option values are checked against the schema before use). */
export function eraseEntry<S extends OptionsSchema>(e: PassInfo<S> | PipelineInfo<S>): RegistryEntry {
  return e as unknown as RegistryEntry;
}

export type { AnyOptionValues };
