/**
 * Run the real mlir-opt-22 on many inputs at once.
 *
 * Inputs are joined into one file with `// -----` markers and run with
 * `--split-input-file`; each input's stdout and diagnostics are cut back out
 * (mlir-opt 22 joins chunk outputs with `// -----\n`, prints nothing for a
 * failed chunk, and reports whole-file positions, which are mapped back to
 * the input's own lines). The result for each input is what running mlir-opt
 * on that input alone gives. Inputs holding the split marker run alone; how a
 * doubtful batch (crash, timeout, unplaceable diagnostics, outputs that do not
 * line up) is recovered is described in mlir-opt-batch.ts. Results are cached on disk under
 * `.cache/mlir-opt/`, keyed by a hash of (mlir-opt version, args, name, input).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGroup } from './mlir-opt-batch.js';
import { nativeFlags, needsProcess, runNative, type MlirOptEngineChoice } from './mlir-opt-native.js';
import {
  findMlirOpt,
  requireMlirOpt,
  runInScratchDir,
  type MlirOptResult,
  type RawRun,
  type RunContext,
} from './mlir-opt-process.js';

export { findMlirOpt, processStats, type MlirOptResult, type RawRun } from './mlir-opt-process.js';
export { ENGINE_ENV, type MlirOptEngineChoice } from './mlir-opt-native.js';

export interface MlirOptOptions {
  /** Extra arguments, e.g. ['--allow-unregistered-dialect', '--mlir-print-op-generic']. */
  readonly args?: readonly string[];
  /** File name mlir-opt sees (and diagnostics carry). Default 'input.mlir'. */
  readonly fileName?: string;
  /** Cache directory, or false to disable. Default `<repo>/.cache/mlir-opt`. */
  readonly cacheDir?: string | false;
  /** Most inputs per mlir-opt process. Default 400. */
  readonly batchSize?: number;
  /** Timeout per process in ms. Default 120 s. */
  readonly timeoutMs?: number;
  /**
   * `auto` (default): plain parse/verify/print runs go through the in-process
   * MLIR 22 addon where it is built and gives what mlir-opt-22 gives (see
   * mlir-opt-native.ts; not cached, it is faster than the cache); `process`:
   * always mlir-opt-22 processes. `NUMACCL_TEST_MLIR_OPT=process` forces `process`.
   */
  readonly engine?: MlirOptEngineChoice;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_CACHE = join(REPO_ROOT, '.cache', 'mlir-opt');

/** True when mlir-opt-22 can be run here. */
export function hasMlirOpt(): boolean {
  return findMlirOpt() !== undefined;
}

/** Message for tests that skip because mlir-opt-22 is missing. */
export const MLIR_OPT_MISSING =
  '\n!!! mlir-opt-22 not found (install mlir-22-tools): tests that compare with real MLIR are SKIPPED !!!\n';

/** Raw single run: exactly what mlir-opt prints for one file named `fileName`. */
export async function runMlirOptRaw(
  input: string,
  args: readonly string[] = [],
  options: { fileName?: string; timeoutMs?: number } = {},
): Promise<RawRun> {
  const tool = requireMlirOpt();
  return runInScratchDir(tool.path, args, options.fileName ?? 'input.mlir', input, options.timeoutMs ?? 120_000);
}

/** Run mlir-opt on each input as if alone, batching and caching behind the scenes. */
export async function runMlirOpt(inputs: readonly string[], options: MlirOptOptions = {}): Promise<MlirOptResult[]> {
  const tool = requireMlirOpt();
  const args = options.args ?? [];
  if (args.some((a) => a.startsWith('--split-input-file') || a === '-o')) {
    throw new Error('runMlirOpt: --split-input-file and -o are managed by the helper');
  }
  const fileName = options.fileName ?? 'input.mlir';
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE : options.cacheDir;
  const keyOf = (input: string): string =>
    createHash('sha256').update(JSON.stringify([tool.version, args, fileName, input])).digest('hex');

  const results = new Array<MlirOptResult | undefined>(inputs.length);
  const todo: number[] = [];
  const native = nativeFlags(args, options.engine);
  const keys: string[] = [];
  inputs.forEach((input, i) => {
    if (native && !needsProcess(input)) {
      results[i] = runNative(input, fileName, native);
      return;
    }
    keys[i] = keyOf(input);
    const cached = cacheDir ? readCache(cacheDir, keys[i]) : undefined;
    if (cached) results[i] = cached;
    else todo.push(i);
  });

  const ctx: RunContext = {
    tool: tool.path,
    args,
    fileName,
    timeoutMs: options.timeoutMs ?? 120_000,
    verifyMode: args.some((a) => a.startsWith('--verify-diagnostics')),
  };
  // Inputs holding the marker prefix would be split further: run those alone.
  const alone = todo.filter((i) => inputs[i].includes('// ---'));
  const batchable = todo.filter((i) => !inputs[i].includes('// ---'));
  const size = Math.max(1, options.batchSize ?? 400);
  const groups: number[][] = alone.map((i) => [i]);
  for (let at = 0; at < batchable.length; at += size) groups.push(batchable.slice(at, at + size));
  for (const group of groups) {
    const out = await runGroup(ctx, group.map((i) => inputs[i]));
    group.forEach((i, k) => {
      results[i] = out[k];
      if (cacheDir && !out[k].crashed?.startsWith('timeout')) writeCache(cacheDir, keys[i], out[k]);
    });
  }
  return results as MlirOptResult[];
}

function cachePath(dir: string, key: string): string {
  return join(dir, key.slice(0, 2), `${key}.json`);
}

function readCache(dir: string, key: string): MlirOptResult | undefined {
  const p = cachePath(dir, key);
  if (!existsSync(p)) return undefined;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as MlirOptResult;
  } catch {
    return undefined; // a torn or stale entry is simply recomputed
  }
}

function writeCache(dir: string, key: string, value: MlirOptResult): void {
  const p = cachePath(dir, key);
  mkdirSync(dirname(p), { recursive: true });
  const tmp = `${p}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, p); // atomic: parallel test workers never read half a file
}
