/**
 * Which real-MLIR engine the bridge uses: `NUMACCL_MLIR_BACKEND` (`native`,
 * `process` or `auto`, the default) read at each run, so a CLI user or a test
 * can pin a backend without touching the pipeline text.
 */
import { sharedMlirEngine, type MlirBackendChoice, type MlirEngine } from '../../mlir/index.js';

export const BACKEND_ENV = 'NUMACCL_MLIR_BACKEND';

const CHOICES: readonly MlirBackendChoice[] = ['native', 'process', 'auto'];

/** The backend `NUMACCL_MLIR_BACKEND` names; throws a clear error for anything else. */
export function bridgeBackend(env: NodeJS.ProcessEnv = process.env): MlirBackendChoice {
  const raw = env[BACKEND_ENV];
  if (raw === undefined || raw === '') return 'auto';
  if ((CHOICES as readonly string[]).includes(raw)) return raw as MlirBackendChoice;
  throw new Error(`${BACKEND_ENV} must be one of native, process, auto (got '${raw}')`);
}

/** The process-wide engine for the chosen backend (created on first use, never disposed). */
export function bridgeEngine(): MlirEngine {
  return sharedMlirEngine(bridgeBackend());
}
