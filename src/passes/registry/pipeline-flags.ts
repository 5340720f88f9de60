/**
 * The pass-selecting part of an `mlir-opt`-style command line: either one
 * textual pipeline (`--pass-pipeline=...`, alias `-p`) or individual pass
 * flags (`--canonicalize`, `--cse='...'`, `-canonicalize=max-iterations=3`),
 * never both (with mlir-opt's message). Individual flags nest implicitly
 * into `builtin.module`, each op-anchored pass in its own nested manager.
 */
import { splitOptionString } from '../options/index.js';
import { parsePipeline } from '../pipeline/index.js';
import { closestNames, PipelineError } from '../source/index.js';
import type { PassRegistry } from './pass-registry.js';
import { addPassReference, emptyPipeline, resolvePipeline, type ResolvedPipeline } from './resolve-pipeline.js';

export const COMMAND_LINE_BUFFER = 'command line';

export const MIXED_PIPELINE_MESSAGE = "'-pass-pipeline' option can't be used with individual pass options";

export interface PipelineFlags {
  /** The pipeline to run; absent when no pass was asked for. */
  readonly pipeline?: ResolvedPipeline;
  /** The textual pipeline as given, when one was. */
  readonly pipelineText?: string;
  /** Arguments that select no pass, in order, for the tool to interpret. */
  readonly rest: readonly string[];
}

/**
 * The tool's own options, when known: a flag outside these and the registry
 * is then an error (`Unknown command line argument`), and options in
 * `withValue` consume the next argument when written without `=`.
 */
export interface ToolOptions {
  readonly flags: ReadonlySet<string>;
  readonly withValue: ReadonlySet<string>;
}

interface PassFlag {
  readonly arg: string;
  readonly name: string;
  readonly nameOffset: number;
  readonly optionsOffset?: number;
}

/** `--name[=value]` / `-name[=value]` split into its parts, or undefined for non-flags. */
function splitFlag(arg: string): { name: string; nameOffset: number; valueOffset?: number } | undefined {
  const m = /^(--?)([^=]+)(=?)/.exec(arg);
  if (!m || arg === '-' || arg === '--') return undefined;
  const nameOffset = m[1].length;
  return m[3] ? { name: m[2], nameOffset, valueOffset: nameOffset + m[2].length + 1 } : { name: m[2], nameOffset };
}

function relocate(e: PipelineError, buffer: string): PipelineError {
  return e.buffer === buffer ? e : new PipelineError(e.detail, e.source, e.offset, e.notes, buffer);
}

/**
 * Picks the pass selection out of `argv`. Throws a `PipelineError` (located
 * in the offending argument or pipeline string) for unknown passes, bad
 * options, a malformed pipeline, a missing `-p` value, or a mix of both forms.
 */
export function pipelineFromArgs(
  registry: PassRegistry,
  argv: readonly string[],
  defaultAnchor = 'builtin.module',
  toolOptions?: ToolOptions,
): PipelineFlags {
  const rest: string[] = [];
  const passFlags: PassFlag[] = [];
  let pipelineText: string | undefined;
  let pipelineArg: string | undefined;
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const flag = splitFlag(arg);
    if (!flag) {
      rest.push(arg);
      continue;
    }
    if (flag.name === 'pass-pipeline' || flag.name === 'p') {
      if (flag.valueOffset !== undefined) pipelineText = arg.slice(flag.valueOffset);
      else if (i + 1 < argv.length) pipelineText = argv[++i];
      else throw new PipelineError(`for the -${flag.name} option: requires a value!`, arg, 0, [], COMMAND_LINE_BUFFER);
      pipelineArg = arg;
      continue;
    }
    if (registry.has(flag.name) && !toolOptions?.flags.has(flag.name)) {
      passFlags.push({ arg, name: flag.name, nameOffset: flag.nameOffset, ...(flag.valueOffset !== undefined ? { optionsOffset: flag.valueOffset } : {}) });
      continue;
    }
    rest.push(arg);
    if (!toolOptions) continue;
    if (toolOptions.flags.has(flag.name)) {
      if (toolOptions.withValue.has(flag.name) && flag.valueOffset === undefined && i + 1 < argv.length) rest.push(argv[++i]);
      continue;
    }
    const known = [...toolOptions.flags, ...registry.passes().map((p) => p.argument), ...registry.pipelines().map((p) => p.argument)];
    const notes = closestNames(flag.name, known).map((n) => ({ message: `Did you mean '--${n}'?` }));
    throw new PipelineError(`Unknown command line argument '${arg}'.`, arg, 0, notes, COMMAND_LINE_BUFFER);
  }
  if (pipelineText !== undefined) {
    if (passFlags.length) throw new PipelineError(MIXED_PIPELINE_MESSAGE, pipelineArg ?? '', 0, [{ message: `individual pass option: ${passFlags[0].arg}` }], COMMAND_LINE_BUFFER);
    return { pipeline: resolvePipeline(registry, parsePipeline(pipelineText)), pipelineText, rest };
  }
  if (!passFlags.length) return { rest };
  const pm = emptyPipeline(defaultAnchor);
  for (const f of passFlags) {
    const entries = f.optionsOffset === undefined ? [] : splitOptionString(f.arg, f.optionsOffset);
    try {
      addPassReference(registry, pm, f.name, entries, f.arg, f.nameOffset, 'implicit');
    } catch (e) {
      throw e instanceof PipelineError ? relocate(e, COMMAND_LINE_BUFFER) : e;
    }
  }
  return { pipeline: pm, rest };
}
