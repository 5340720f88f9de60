/**
 * Resolution of a pipeline syntax tree against a registry: pass names are
 * looked up (all of them first, as MLIR does), options are read into typed
 * values, registered pipelines are expanded in place, and op-anchored passes
 * are checked against (explicit nesting) or wrapped into (implicit nesting)
 * the pass manager they are added to.
 */
import { readOptionEntries, type AnyOptionValues, type OptionEntry } from '../options/index.js';
import { normalizeAnchor, parseElementList, type NestElement, type PipelineAst, type PipelineElement } from '../pipeline/index.js';
import { PipelineError } from '../source/index.js';
import type { PassInfo, PipelineInfo } from './pass-info.js';
import type { PassRegistry } from './pass-registry.js';

export interface ResolvedPass {
  readonly kind: 'pass';
  readonly info: PassInfo;
  readonly options: AnyOptionValues;
  /** List options given explicitly (printed even when equal to their default, as MLIR does). */
  readonly explicitLists?: ReadonlySet<string>;
}

export interface ResolvedNest {
  readonly kind: 'nest';
  /** The op name the nested pass manager runs on; `any` for op-agnostic. */
  readonly anchor: string;
  readonly elements: readonly ResolvedElement[];
}

export type ResolvedElement = ResolvedPass | ResolvedNest;

/** A pass manager tree: its anchor op name and what it runs, in order. */
export interface ResolvedPipeline {
  readonly anchor: string;
  readonly elements: readonly ResolvedElement[];
}

/**
 * `explicit`: a pass restricted to another op than its pass manager's is an
 * error (textual pipelines). `implicit`: it is wrapped in a nested pass
 * manager of its own (individual `--pass` flags).
 */
export type Nesting = 'explicit' | 'implicit';

/** A mutable pass manager being filled. */
interface Building {
  readonly anchor: string;
  readonly elements: ResolvedElement[];
}

function unknownPassError(registry: PassRegistry, name: string, source: string, offset: number): PipelineError {
  const notes = registry.suggest(name).map((n) => ({ message: `did you mean '${n}'?` }));
  return new PipelineError(`'${name}' does not refer to a registered pass or pass pipeline`, source, offset, notes);
}

/** The pass whose `pipelineOption` a nest `name(...)` fills, if `name` is one. */
function wrappingPass(registry: PassRegistry, el: NestElement): PassInfo | undefined {
  const entry = registry.lookup(el.anchor);
  return entry?.kind === 'pass' && entry.pipelineOption !== undefined ? entry : undefined;
}

/**
 * The text between the parentheses of `name(...)`, exactly as written. Scans
 * as the pipeline parser does: `{...}` option blocks are brace-matched and
 * their contents (parentheses included) skipped.
 */
function nestedText(source: string, el: NestElement): { text: string; offset: number } {
  const open = source.indexOf('(', el.offset + el.anchor.length);
  let depth = 1;
  let i = open + 1;
  for (; i < source.length; ++i) {
    const c = source[i];
    if (c === '{') {
      let braces = 1;
      while (++i < source.length && braces > 0) {
        if (source[i] === '{') ++braces;
        else if (source[i] === '}') --braces;
      }
      --i;
    } else if (c === '(') ++depth;
    else if (c === ')' && --depth === 0) break;
  }
  return { text: source.slice(open + 1, i).trim(), offset: open + 1 };
}

/** Throws for the first pass name (depth first) the registry does not know. */
function checkNames(registry: PassRegistry, elements: readonly PipelineElement[], source: string): void {
  for (const el of elements) {
    if (el.kind === 'nest') {
      if (!wrappingPass(registry, el)) checkNames(registry, el.elements, source);
    }
    else if (!registry.has(el.name)) throw unknownPassError(registry, el.name, source, el.offset);
  }
}

/** Appends `pass` to `pm`, checking or applying the nesting rule. */
function addPass(pm: Building, pass: ResolvedPass, nesting: Nesting, source: string, offset: number): void {
  const passAnchor = pass.info.anchor;
  if (passAnchor === undefined || pm.anchor === 'any' || passAnchor === pm.anchor) {
    pm.elements.push(pass);
    return;
  }
  if (nesting === 'implicit') {
    pm.elements.push({ kind: 'nest', anchor: passAnchor, elements: [pass] });
    return;
  }
  throw new PipelineError(
    `Can't add pass '${pass.info.argument}' restricted to '${passAnchor}' on a PassManager intended to run on '${pm.anchor}', did you intend to nest?`,
    source,
    offset,
  );
}

function expandPipeline(
  registry: PassRegistry,
  info: PipelineInfo,
  options: AnyOptionValues,
  pm: Building,
  nesting: Nesting,
  source: string,
  offset: number,
  depth: number,
): void {
  if (depth > 32) throw new PipelineError(`pipeline '${info.argument}' expands into itself`, source, offset);
  const text = info.expand(options as never);
  try {
    const elements = parseElementList(text, 0, text.length);
    checkNames(registry, elements, text);
    for (const el of elements) addElement(registry, pm, el, text, nesting, depth + 1);
  } catch (e) {
    if (!(e instanceof PipelineError)) throw e;
    throw new PipelineError(`while expanding pipeline '${info.argument}': ${e.detail}`, source, offset, [
      { message: `the expansion is: ${text}` },
    ]);
  }
}

/** Adds a pass reference `name{entries}` to `pm`. */
export function addPassReference(
  registry: PassRegistry,
  pm: Building,
  name: string,
  entries: readonly OptionEntry[],
  source: string,
  offset: number,
  nesting: Nesting,
  depth = 0,
): void {
  const entry = registry.lookup(name);
  if (!entry) throw unknownPassError(registry, name, source, offset);
  const { values, explicitLists } = readOptionEntries(entry.options, entries, source);
  if (entry.kind === 'pipeline') expandPipeline(registry, entry, values, pm, nesting, source, offset, depth);
  else addPass(pm, { kind: 'pass', info: entry, options: values, explicitLists }, nesting, source, offset);
}

function addElement(registry: PassRegistry, pm: Building, el: PipelineElement, source: string, nesting: Nesting, depth: number): void {
  if (el.kind === 'pass') {
    addPassReference(registry, pm, el.name, el.options?.entries ?? [], source, el.offset, nesting, depth);
    return;
  }
  const wrapper = wrappingPass(registry, el);
  if (wrapper) {
    const inner = nestedText(source, el);
    const key = { text: wrapper.pipelineOption as string, offset: el.offset };
    addPassReference(registry, pm, el.anchor, [{ key, value: inner }], source, el.offset, nesting, depth);
    return;
  }
  const nested: Building = { anchor: normalizeAnchor(el.anchor), elements: [] };
  pm.elements.push({ kind: 'nest', anchor: nested.anchor, elements: nested.elements });
  for (const inner of el.elements) addElement(registry, nested, inner, source, 'explicit', depth);
}

/** Resolves a parsed textual pipeline (explicit nesting, as `--pass-pipeline`). */
export function resolvePipeline(registry: PassRegistry, ast: PipelineAst): ResolvedPipeline {
  checkNames(registry, ast.elements, ast.source);
  const pm: Building = { anchor: normalizeAnchor(ast.anchor), elements: [] };
  for (const el of ast.elements) addElement(registry, pm, el, ast.source, 'explicit', 0);
  return pm;
}

/** An empty pass manager on `anchor`, for building pipelines from flags. */
export function emptyPipeline(anchor = 'builtin.module'): { anchor: string; elements: ResolvedElement[] } {
  return { anchor, elements: [] };
}

/** Number of top-level entries (passes and nested pass managers), as MLIR's dump counts them. */
export function countTopLevel(p: ResolvedPipeline): number {
  return p.elements.length;
}
