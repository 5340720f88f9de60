/** Both engines for the agreement tests; the native one only where the addon was built. */
import { createMlirEngine, mlirBackendAvailability, type MlirEngine, type RunResult } from '../../src/mlir/index.js';

export const availability = mlirBackendAvailability();
export const nativeAvailable = availability.native.available;
export const processAvailable = availability.process.available;
export const bothAvailable = nativeAvailable && processAvailable;

export function bothEngines(): { native: MlirEngine; proc: MlirEngine } {
  return { native: createMlirEngine({ backend: 'native' }), proc: createMlirEngine({ backend: 'process' }) };
}

/** A one-line description of where two results differ, for assertion messages. */
export function describeDifference(label: string, a: RunResult, b: RunResult): string {
  return `${label}\nnative:  ${JSON.stringify(a).slice(0, 800)}\nprocess: ${JSON.stringify(b).slice(0, 800)}`;
}
