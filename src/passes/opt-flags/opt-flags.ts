/**
 * The pass-related flags of `mlir-opt`, for `numaccl-opt`: pass selection
 * (`-p`/`--pass-pipeline`, `--<pass>[=opts]`), `--verify-each`,
 * `--dump-pass-pipeline`, `--list-passes`, IR printing, timing, crash
 * reproducers and `--run-reproducer`. Everything else is handed back in
 * `rest` for the tool to interpret.
 */
import { parseScalar } from '../options/index.js';
import { addPassReference, COMMAND_LINE_BUFFER, pipelineFromArgs, type PassRegistry, type ResolvedElement, type ResolvedPipeline, type ToolOptions } from '../registry/index.js';
import { mlirPass } from '../mlir-bridge/index.js';
import { closestNames, PipelineError } from '../source/index.js';

export interface OptPassFlags {
  readonly pipeline?: ResolvedPipeline;
  readonly pipelineText?: string;
  readonly verifyEach: boolean;
  readonly dumpPassPipeline: boolean;
  readonly listPasses: boolean;
  readonly runReproducer: boolean;
  readonly printBefore?: 'all' | ReadonlySet<string>;
  readonly printAfter?: 'all' | ReadonlySet<string>;
  readonly printAfterChange: boolean;
  readonly printAfterFailure: boolean;
  readonly printModuleScope: boolean;
  readonly timing: boolean;
  readonly timingDisplay: 'tree' | 'list';
  readonly crashReproducer?: string;
  readonly rest: readonly string[];
}

/** Flags handled here, with whether they take a value (`=` or the next argument). */
const BOOL_FLAGS = [
  'verify-each',
  'dump-pass-pipeline',
  'list-passes',
  'run-reproducer',
  'mlir-print-ir-before-all',
  'mlir-print-ir-after-all',
  'mlir-print-ir-after-change',
  'mlir-print-ir-after-failure',
  'mlir-print-ir-module-scope',
  'mlir-timing',
] as const;
const VALUE_FLAGS = ['mlir-print-ir-before', 'mlir-print-ir-after', 'mlir-timing-display', 'mlir-pass-pipeline-crash-reproducer', 'mlir-pipeline'] as const;

/** Names of the flags this module handles (for a tool's own option table). */
export const OPT_PASS_FLAG_NAMES: readonly string[] = [...BOOL_FLAGS, ...VALUE_FLAGS, 'pass-pipeline', 'p'];

function fail(arg: string, message: string, notes: readonly string[] = []): never {
  throw new PipelineError(message, arg, 0, notes.map((m) => ({ message: m })), COMMAND_LINE_BUFFER);
}

/**
 * Reads the pass flags out of `argv`; throws a located `PipelineError` for
 * bad values (unknown pass names in `--mlir-print-ir-*`, bad booleans) and
 * for anything `pipelineFromArgs` rejects.
 */
export function parseOptPassFlags(registry: PassRegistry, argv: readonly string[], toolOptions?: ToolOptions): OptPassFlags {
  const bools = new Map<string, boolean>();
  const lists = { 'mlir-print-ir-before': new Set<string>(), 'mlir-print-ir-after': new Set<string>() };
  let timingDisplay: 'tree' | 'list' = 'tree';
  let crashReproducer: string | undefined;
  const passArgs: string[] = [];
  const upstream: { arg: string; pipeline: string }[] = [];
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const m = /^--?([^=]+)(?:=(.*))?$/s.exec(arg);
    const name = m?.[1] ?? '';
    const value = m?.[2];
    if ((BOOL_FLAGS as readonly string[]).includes(name)) {
      const r = parseScalar({ kind: 'bool' }, value ?? '');
      if (!r.ok) fail(arg, `for the --${name} option: ${r.message}`);
      bools.set(name, r.value as boolean);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) {
      passArgs.push(arg);
      continue;
    }
    let v = value;
    if (v === undefined) {
      if (i + 1 >= argv.length) fail(arg, `for the --${name} option: requires a value!`);
      v = argv[++i];
    }
    if (name === 'mlir-timing-display') {
      if (v !== 'tree' && v !== 'list') fail(arg, `for the --${name} option: Cannot find option named '${v}'!`);
      timingDisplay = v;
    } else if (name === 'mlir-pass-pipeline-crash-reproducer') crashReproducer = v;
    else if (name === 'mlir-pipeline') upstream.push({ arg, pipeline: v });
    else {
      for (const pass of v.split(',')) {
        if (!registry.has(pass)) {
          fail(arg, `for the --${name} option: Cannot find option named '${pass}'!`, closestNames(pass, registry.passes().map((p) => p.argument)).map((n) => `did you mean '${n}'?`));
        }
        lists[name as keyof typeof lists].add(pass);
      }
    }
  }
  const flags = pipelineFromArgs(registry, passArgs, 'builtin.module', toolOptions);
  const pipeline = withUpstream(registry, flags.pipeline, upstream);
  const before = bools.get('mlir-print-ir-before-all') ? 'all' : lists['mlir-print-ir-before'].size ? lists['mlir-print-ir-before'] : undefined;
  const after = bools.get('mlir-print-ir-after-all') ? 'all' : lists['mlir-print-ir-after'].size ? lists['mlir-print-ir-after'] : undefined;
  return {
    ...(pipeline ? { pipeline } : {}),
    ...(flags.pipelineText !== undefined ? { pipelineText: flags.pipelineText } : {}),
    verifyEach: bools.get('verify-each') ?? true,
    dumpPassPipeline: bools.get('dump-pass-pipeline') ?? false,
    listPasses: bools.get('list-passes') ?? false,
    runReproducer: bools.get('run-reproducer') ?? false,
    ...(before ? { printBefore: before } : {}),
    ...(after ? { printAfter: after } : {}),
    printAfterChange: bools.get('mlir-print-ir-after-change') ?? false,
    printAfterFailure: bools.get('mlir-print-ir-after-failure') ?? false,
    printModuleScope: bools.get('mlir-print-ir-module-scope') ?? false,
    timing: bools.get('mlir-timing') ?? false,
    timingDisplay,
    ...(crashReproducer !== undefined ? { crashReproducer } : {}),
    rest: flags.rest,
  };
}

/**
 * `--mlir-pipeline=<upstream pipeline>` (repeatable): real MLIR passes after
 * numaccl's, as `mlir(<upstream pipeline>)` elements appended to the top-level
 * pass manager (which must then run on `builtin.module`).
 */
function withUpstream(
  registry: PassRegistry,
  pipeline: ResolvedPipeline | undefined,
  upstream: readonly { arg: string; pipeline: string }[],
): ResolvedPipeline | undefined {
  if (upstream.length === 0) return pipeline;
  if (!registry.has(mlirPass.argument)) fail(upstream[0].arg, `for the --mlir-pipeline option: the '${mlirPass.argument}' pass is not registered`);
  const pm: { anchor: string; elements: ResolvedElement[] } = { anchor: pipeline?.anchor ?? 'builtin.module', elements: [...(pipeline?.elements ?? [])] };
  for (const u of upstream) {
    const offset = Math.max(0, u.arg.length - u.pipeline.length);
    const entries = [{ key: { text: 'pipeline', offset }, value: { text: u.pipeline, offset } }];
    addPassReference(registry, pm, mlirPass.argument, entries, u.arg, offset, 'explicit');
  }
  return pm;
}
