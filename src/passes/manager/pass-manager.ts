/**
 * The pass manager: a resolved pipeline plus run settings (verification
 * after each pass, instrumentation, timing, crash reproducer). Library entry
 * points: `PassManager.parse(pipeline)` and `runPipeline(module, pipeline)`.
 */
import { DiagnosticError, print, verify, type Diagnostic, type Operation } from '../../ir/index.js';
import { parsePipeline } from '../pipeline/index.js';
import { dumpPipeline, formatResolvedPipeline, passRegistry, resolvePipeline, type PassRegistry, type ResolvedPipeline } from '../registry/index.js';
import { reproducerPipeline, reproducerText, writeAtomically } from './crash-reproducer.js';
import { InstrumentationList, type PassInstrumentation } from './instrumentation.js';
import { IRPrinterInstrumentation, type IRPrintingConfig } from './ir-printing.js';
import { diagnosticAt } from './pass.js';
import { describeFailure, runTopLevel, type RunFailure } from './run-schedule.js';
import { schedule, type ScheduledManager } from './schedule.js';
import { OpPassManager } from './op-pass-manager.js';
import { TimingInstrumentation, type TimingManager } from './timing.js';

export interface PassManagerOptions {
  /** Where pass names are looked up (the shared registry by default). */
  readonly registry?: PassRegistry;
  /** Run the verifier after each pass (default true, like `--verify-each`). */
  readonly verifyEach?: boolean;
  /** The verifier to use; the IR verifier by default. */
  readonly verifier?: (op: Operation) => readonly Diagnostic[];
  readonly printIR?: IRPrintingConfig;
  readonly timing?: TimingManager;
  /** Write a reproducer here when the pipeline fails or a pass crashes. */
  readonly crashReproducer?: string;
  readonly instrumentations?: readonly PassInstrumentation[];
}

export interface PassRunResult {
  readonly ok: boolean;
  /** Every diagnostic the passes and the verifier emitted, in order. */
  readonly diagnostics: readonly Diagnostic[];
  /** The failing pass and op, when the run failed. */
  readonly failure?: RunFailure;
  /** Path of the reproducer written for this failure. */
  readonly reproducer?: string;
}

export class PassManager {
  readonly pipeline: ResolvedPipeline;
  readonly options: PassManagerOptions;
  readonly #instrumentations: PassInstrumentation[] = [];
  #scheduled: ScheduledManager | undefined;

  constructor(pipeline: ResolvedPipeline, options: PassManagerOptions = {}) {
    this.pipeline = pipeline;
    this.options = options;
    if (options.printIR) this.#instrumentations.push(new IRPrinterInstrumentation(options.printIR));
    if (options.timing) this.#instrumentations.push(new TimingInstrumentation(options.timing));
    this.#instrumentations.push(...(options.instrumentations ?? []));
  }

  /** Parses and resolves a textual pipeline; throws a located `PipelineError`. */
  static parse(pipeline: string, options: PassManagerOptions = {}): PassManager {
    return new PassManager(resolvePipeline(options.registry ?? passRegistry, parsePipeline(pipeline)), options);
  }

  /**
   * Builds the pipeline in code: `PassManager.build('builtin.module', (pm) =>
   * { pm.addPass('canonicalize', { 'max-iterations': 3 }); pm.nest('func.func').addPass('cse'); })`.
   */
  static build(anchor: string, build: (pm: OpPassManager) => void, options: PassManagerOptions = {}): PassManager {
    const root = new OpPassManager(anchor, options.registry ?? passRegistry);
    build(root);
    return new PassManager(root, options);
  }

  addInstrumentation(i: PassInstrumentation): void {
    this.#instrumentations.push(i);
  }

  /** The normalised one-line pipeline, every option spelled out. */
  toString(): string {
    return formatResolvedPipeline(this.pipeline);
  }

  /** What `--dump-pass-pipeline` prints. */
  dump(): string {
    return dumpPipeline(this.pipeline);
  }

  /** Runs the pipeline on `op` (normally a `builtin.module`). Never throws for pass failures. */
  run(op: Operation): PassRunResult {
    this.#scheduled ??= schedule(this.pipeline);
    const before = this.options.crashReproducer ? print(op) : undefined;
    const verifyEach = this.options.verifyEach ?? true;
    const outcome = runTopLevel(this.#scheduled, op, {
      instrumentation: new InstrumentationList(this.#instrumentations),
      ...(verifyEach ? { verifier: this.options.verifier ?? verify } : {}),
    });
    const failure = outcome.failure;
    if (!failure) return { ok: true, diagnostics: outcome.diagnostics };
    const diagnostics = [...outcome.diagnostics];
    let reproducer: string | undefined;
    if (this.options.crashReproducer && before !== undefined && failure.pass) {
      reproducer = this.options.crashReproducer;
      writeAtomically(reproducer, reproducerText(before, { pipeline: reproducerPipeline(this.pipeline), disableThreading: true, verifyEach }));
    }
    const passReported = diagnostics.some((d) => d.severity === 'error');
    if (failure.pass && (reproducer || !passReported)) {
      const note = `Pipeline failed while executing ${describeFailure(failure)}${reproducer ? `: reproducer generated at \`${reproducer}\`` : ''}`;
      const root = topLevel(failure.op);
      diagnostics.push({
        ...diagnosticAt(root, 'error', 'Failures have been detected while processing an MLIR pass pipeline'),
        notes: [diagnosticAt(root, 'note', note)],
      });
    }
    return { ok: false, diagnostics, failure, ...(reproducer ? { reproducer } : {}) };
  }
}

function topLevel(op: Operation): Operation {
  let top = op;
  while (top.parentOp) top = top.parentOp;
  return top;
}

/**
 * Parses `pipeline`, runs it on `module` and returns the non-error
 * diagnostics; throws a `DiagnosticError` (a `PipelineError` for a bad
 * pipeline) when anything fails.
 */
export function runPipeline(module: Operation, pipeline: string, options: PassManagerOptions = {}): readonly Diagnostic[] {
  const result = PassManager.parse(pipeline, options).run(module);
  if (!result.ok) throw new DiagnosticError(result.diagnostics);
  return result.diagnostics;
}
