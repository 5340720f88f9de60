/**
 * Loads native/build/numaccl_mlir.node (built by scripts/build-native.sh).
 * Loading never throws: the result says why the addon is unavailable.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Opaque handle of one MLIR context inside the addon. */
export type NativeContextHandle = { readonly __nativeContext: unique symbol };

/** Operation codes of the addon's `call` (see native/src/addon.c). */
export const NativeOp = { Verify: 0, Run: 1, Translate: 2, LoadIrdl: 3 } as const;
export type NativeOp = (typeof NativeOp)[keyof typeof NativeOp];

/** A diagnostic as the addon reports it (file is '-' for the parsed buffer). */
export interface NativeDiagnostic {
  readonly severity: 'error' | 'warning' | 'note' | 'remark';
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly notes: readonly NativeDiagnostic[];
}

export interface NativeCallResult {
  readonly ok: boolean;
  readonly crashed: boolean;
  readonly output: string;
  /** Text of the pass-pipeline parser's error, '' unless the pipeline did not parse. */
  readonly pipelineError: string;
  readonly diagnostics: readonly NativeDiagnostic[];
}

export interface NativeAddon {
  createContext(): NativeContextHandle;
  destroyContext(handle: NativeContextHandle): void;
  call(
    handle: NativeContextHandle,
    op: NativeOp,
    text: string,
    pipeline: string,
    allowUnregistered: boolean,
    printGeneric: boolean,
  ): NativeCallResult;
  /** Contexts created and not destroyed, process-wide (for leak checks). */
  liveContexts(): number;
}

export type NativeAddonLoad = { readonly ok: true; readonly addon: NativeAddon; readonly path: string } | { readonly ok: false; readonly reason: string };

/** Where the addon lives: $NUMACCL_MLIR_ADDON, else native/build/ of this package. */
export function nativeAddonPath(): string {
  const override = process.env.NUMACCL_MLIR_ADDON;
  if (override) return override;
  // src/mlir/*.ts and dist/mlir/*.js both sit two levels below the package root.
  return fileURLToPath(new URL('../../native/build/numaccl_mlir.node', import.meta.url));
}

let cached: NativeAddonLoad | undefined;

export function loadNativeAddon(): NativeAddonLoad {
  if (cached) return cached;
  const path = nativeAddonPath();
  if (!existsSync(path)) {
    cached = { ok: false, reason: `${path} does not exist (run scripts/build-native.sh)` };
    return cached;
  }
  try {
    const required = createRequire(import.meta.url)(path) as NativeAddon;
    cached = { ok: true, addon: required, path };
  } catch (e) {
    cached = { ok: false, reason: `${path} does not load: ${e instanceof Error ? e.message : String(e)}` };
  }
  return cached;
}
