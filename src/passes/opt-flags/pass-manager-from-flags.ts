/** A configured `PassManager` from parsed `mlir-opt`-style pass flags. */
import { PassManager, type PassManagerOptions } from '../manager/index.js';
import type { TimingManager } from '../manager/index.js';
import { emptyPipeline, type PassRegistry } from '../registry/index.js';
import type { OptPassFlags } from './opt-flags.js';

export interface FlagEnvironment {
  readonly registry?: PassRegistry;
  /** Where IR dumps go (stderr in a CLI). */
  readonly writeDiagnosticStream: (text: string) => void;
  /** The tool's timing manager when `--mlir-timing` is on (so Parser/Output can be timed too). */
  readonly timing?: TimingManager;
}

/** The pass manager the flags ask for; an empty `builtin.module` pipeline when no pass was named. */
export function passManagerFromFlags(flags: OptPassFlags, env: FlagEnvironment): PassManager {
  const wantsPrinting = flags.printBefore !== undefined || flags.printAfter !== undefined || flags.printAfterFailure;
  const options: PassManagerOptions = {
    ...(env.registry ? { registry: env.registry } : {}),
    verifyEach: flags.verifyEach,
    ...(wantsPrinting
      ? {
          printIR: {
            ...(flags.printBefore ? { before: flags.printBefore } : {}),
            ...(flags.printAfter ? { after: flags.printAfter } : {}),
            afterOnlyChange: flags.printAfterChange,
            afterOnlyFailure: flags.printAfterFailure,
            moduleScope: flags.printModuleScope,
            write: env.writeDiagnosticStream,
          },
        }
      : {}),
    ...(flags.timing && env.timing ? { timing: env.timing } : {}),
    ...(flags.crashReproducer !== undefined ? { crashReproducer: flags.crashReproducer } : {}),
  };
  return new PassManager(flags.pipeline ?? emptyPipeline(), options);
}
