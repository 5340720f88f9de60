export { diagnosticAt, isPassInstance, PassRunRecorder, type DiagnosticNoteInput, type PassInstance, type PassRunContext } from './pass.js';
export { canScheduleOn, PassCreationError, schedule, type ScheduledAdaptor, type ScheduledManager, type ScheduledPass } from './schedule.js';
export { InstrumentationList, type PassInstrumentation } from './instrumentation.js';
export { describeFailure, runManager, runTopLevel, type RunFailure, type RunOutcome, type RunSettings } from './run-schedule.js';
export { IRPrinterInstrumentation, type IRPrintingConfig, type PassSelection } from './ir-printing.js';
export { Timer, TimingInstrumentation, TimingManager, timingReport } from './timing.js';
export {
  escapeMlirString,
  readReproducerConfig,
  reproducerPipeline,
  reproducerText,
  ReproducerFormatError,
  unescapeMlirString,
  writeAtomically,
  type ReproducerConfig,
} from './crash-reproducer.js';
export { PassManager, runPipeline, type PassManagerOptions, type PassRunResult } from './pass-manager.js';
export { OpPassManager, type PassOptionInput } from './op-pass-manager.js';
