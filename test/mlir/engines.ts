/** Both engines for the agreement tests; the native one only where the addon was built. */
import { createMlirEngine, mlirBackendAvailability, type Diagnostic, type MlirEngine, type RunResult } from '../../src/mlir/index.js';

export const availability = mlirBackendAvailability();
export const nativeAvailable = availability.native.available;
export const processAvailable = availability.process.available;
export const bothAvailable = nativeAvailable && processAvailable;

export function bothEngines(): { native: MlirEngine; proc: MlirEngine } {
  return { native: createMlirEngine({ backend: 'native' }), proc: createMlirEngine({ backend: 'process' }) };
}

/**
 * mlir-opt-22 also registers MLIR's test dialects, so its "Available dialects:"
 * note lists `test, test_dyn, test_irdl_to_cpp`; the C API registry cannot have them.
 */
function withoutTestDialects(d: Diagnostic): Diagnostic {
  return {
    ...d,
    message: d.message.startsWith('Available dialects:') ? d.message.replace(' test, test_dyn, test_irdl_to_cpp,', '') : d.message,
    notes: d.notes.map(withoutTestDialects),
  };
}

/** A process-backend result with the test-dialect difference removed. */
export function normalizeProcess<T extends { readonly diagnostics: readonly Diagnostic[] }>(r: T): T {
  return { ...r, diagnostics: r.diagnostics.map(withoutTestDialects) };
}

/** A one-line description of where two results differ, for assertion messages. */
export function describeDifference(label: string, a: RunResult, b: RunResult): string {
  return `${label}\nnative:  ${JSON.stringify(a).slice(0, 800)}\nprocess: ${JSON.stringify(b).slice(0, 800)}`;
}
