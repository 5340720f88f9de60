/**
 * Everything `numaccl-opt` needs from the pass side, from its argv: the
 * arguments left for the tool, what to print for `--list-passes` and
 * `--dump-pass-pipeline`, the module transform to run (verification after
 * each pass, IR printing, crash reproducer included), `--run-reproducer`,
 * and the `--mlir-timing` report afterwards.
 */
import type { Diagnostic, Operation } from '../../ir/index.js';
import { PassManager, readReproducerConfig, TimingManager, timingReport } from '../manager/index.js';
import { listPassesText, passRegistry, type PassRegistry, type ToolOptions } from '../registry/index.js';
import { parseOptPassFlags, type OptPassFlags } from './opt-flags.js';
import { passManagerFromFlags } from './pass-manager-from-flags.js';

export interface OptSessionOptions {
  readonly registry?: PassRegistry;
  /** The tool's own flags, so unknown flags are reported (`Unknown command line argument`). */
  readonly toolOptions?: ToolOptions;
  /** Where IR dumps and `--dump-pass-pipeline` go (stderr in a CLI). */
  readonly writeStderr: (text: string) => void;
}

export interface OptSession {
  readonly flags: OptPassFlags;
  readonly rest: readonly string[];
  /** Set when `--list-passes` was given: print it to stdout and exit 0. */
  readonly listPasses?: string;
  /** The transform to hand the driver; absent when no pass was asked for (and not replaying a reproducer). */
  readonly transform?: (module: Operation) => Diagnostic[];
  /**
   * For `--run-reproducer`: the transform described by the parsed input's
   * `external_resources` (throws `ReproducerFormatError` when it has none).
   */
  reproducerTransform(externalResources: ReadonlyMap<string, ReadonlyMap<string, string>>): (module: Operation) => Diagnostic[];
  /** The `--mlir-timing` report, once the run is over (undefined without `--mlir-timing`). */
  timingReport(): string | undefined;
  /** The timing manager, for the tool's own `Parser` / `Output` phases. */
  readonly timing?: TimingManager;
}

/** Reads the pass flags out of `argv` (throws a located `PipelineError` for bad ones). */
export function setupOptPasses(argv: readonly string[], options: OptSessionOptions): OptSession {
  const registry = options.registry ?? passRegistry;
  const flags = parseOptPassFlags(registry, argv, options.toolOptions);
  const timing = flags.timing ? new TimingManager() : undefined;
  const env = { registry, writeDiagnosticStream: options.writeStderr, ...(timing ? { timing } : {}) };
  const asTransform = (pm: PassManager) => (module: Operation): Diagnostic[] => {
    if (flags.dumpPassPipeline) options.writeStderr(pm.dump());
    return [...pm.run(module).diagnostics];
  };
  const wanted = flags.pipeline !== undefined || flags.dumpPassPipeline;
  return {
    flags,
    rest: flags.rest,
    ...(flags.listPasses ? { listPasses: listPassesText(registry) } : {}),
    ...(wanted ? { transform: asTransform(passManagerFromFlags(flags, env)) } : {}),
    reproducerTransform(externalResources) {
      const config = readReproducerConfig(externalResources);
      const pm = PassManager.parse(config.pipeline, { registry, verifyEach: config.verifyEach });
      return asTransform(pm);
    },
    timingReport: () => (timing ? timingReport(timing, flags.timingDisplay) : undefined),
    ...(timing ? { timing } : {}),
  };
}
