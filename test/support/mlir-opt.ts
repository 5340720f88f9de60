/**
 * Run the real mlir-opt-22 on many inputs at once.
 *
 * Inputs are joined into one file with `// -----` markers and run with
 * `--split-input-file`; each input's stdout and diagnostics are cut back out
 * (mlir-opt 22 joins chunk outputs with `// -----\n`, prints nothing for a
 * failed chunk, and reports whole-file positions, which are mapped back to
 * the input's own lines). The result for each input is what running mlir-opt
 * on that input alone gives. Anything that could make a batch lie — an input
 * containing the split marker, a crash, a timeout, a diagnostic that cannot be
 * placed in one input, outputs that do not line up, an exit status that does
 * not agree with the per-input verdicts — makes the batch split in halves and
 * rerun, down to single inputs. Results are cached on disk under
 * `.cache/mlir-opt/`, keyed by a hash of (mlir-opt version, args, name, input).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MapSourceManager, type Diagnostic } from '../../src/ir/diagnostics/index.js';
import { parseMlirStderr } from './parse-mlir-stderr.js';

export interface MlirOptResult {
  /** What mlir-opt's exit status would be for this input alone: 0 ⇒ true. */
  readonly ok: boolean;
  /** Its stdout for this input alone ('' when it failed). */
  readonly output: string;
  /** Its diagnostics, positions relative to the input, file = the `fileName` option. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set when mlir-opt crashed or timed out on this input. */
  readonly crashed?: string;
}

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
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_CACHE = join(REPO_ROOT, '.cache', 'mlir-opt');
const SEPARATOR = '// -----\n';

let located: { path: string; version: string } | null | undefined;

/** Path and version of mlir-opt-22, or undefined when it is not installed. */
export function findMlirOpt(): { path: string; version: string } | undefined {
  if (located !== undefined) return located ?? undefined;
  const candidates = [process.env.MLIR_OPT, 'mlir-opt-22', '/usr/lib/llvm-22/bin/mlir-opt'].filter(
    (c): c is string => !!c,
  );
  located = null;
  for (const path of candidates) {
    const r = spawnSync(path, ['--version'], { encoding: 'utf8' });
    if (r.status === 0 && /LLVM version 22\./.test(r.stdout)) {
      located = { path, version: r.stdout.trim() };
      break;
    }
  }
  return located ?? undefined;
}

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
): Promise<{ exitCode: number | null; signal: string | null; stdout: string; stderr: string }> {
  const tool = requireMlirOpt();
  const dir = mkdtempSync(join(tmpdir(), 'mlir-opt-'));
  try {
    const name = options.fileName ?? 'input.mlir';
    writeFileSync(join(dir, name), input);
    return await spawnCollect(tool.path, [...args, name], dir, options.timeoutMs ?? 120_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  const keys = inputs.map(keyOf);
  inputs.forEach((_, i) => {
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

interface RunContext {
  tool: string;
  args: readonly string[];
  fileName: string;
  timeoutMs: number;
  verifyMode: boolean;
}

/** Run a group in one process if its results can be trusted, else split it. */
async function runGroup(ctx: RunContext, inputs: readonly string[]): Promise<MlirOptResult[]> {
  if (inputs.length === 1) return [await runSingle(ctx, inputs[0])];
  const attempt = await runBatch(ctx, inputs);
  if (attempt) return attempt;
  const mid = inputs.length >> 1;
  return [...(await runGroup(ctx, inputs.slice(0, mid))), ...(await runGroup(ctx, inputs.slice(mid)))];
}

async function runSingle(ctx: RunContext, input: string): Promise<MlirOptResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mlir-opt-'));
  try {
    writeFileSync(join(dir, ctx.fileName), input);
    const r = await spawnCollect(ctx.tool, [...ctx.args, ctx.fileName], dir, ctx.timeoutMs);
    const diagnostics = parseMlirStderr(r.stderr, new MapSourceManager([[ctx.fileName, input]]));
    const crashed = crashReason(r);
    return {
      ok: r.exitCode === 0,
      output: r.stdout,
      diagnostics,
      ...(crashed ? { crashed } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One process for many inputs; undefined when its results cannot be trusted. */
async function runBatch(ctx: RunContext, inputs: readonly string[]): Promise<MlirOptResult[] | undefined> {
  const combined = inputs.join(SEPARATOR);
  // Input k (k ≥ 1) starts on the line after its marker; lineOffset[k] = that marker's line.
  const lineOffset: number[] = [0];
  let lines = 0;
  for (let k = 0; k < inputs.length - 1; k++) {
    lines += countNewlines(inputs[k]) + 1; // the marker sits on input k's last line
    lineOffset.push(lines);
  }
  const dir = mkdtempSync(join(tmpdir(), 'mlir-opt-'));
  let r: Awaited<ReturnType<typeof spawnCollect>>;
  try {
    writeFileSync(join(dir, ctx.fileName), combined);
    r = await spawnCollect(ctx.tool, [...ctx.args, '--split-input-file', ctx.fileName], dir, ctx.timeoutMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (crashReason(r)) return undefined;
  const outputs = splitOutputs(r.stdout);
  if (outputs.length !== inputs.length) return undefined;

  const diags = parseMlirStderr(r.stderr, new MapSourceManager([[ctx.fileName, combined]]));
  const perInput: Diagnostic[][] = inputs.map(() => []);
  const chunkOf = (line: number): number => {
    let k = lineOffset.length - 1;
    while (k > 0 && lineOffset[k] >= line) k--;
    return k;
  };
  const relocate = (d: Diagnostic, k: number): Diagnostic | undefined => {
    if (!d.position || d.position.file !== ctx.fileName || chunkOf(d.position.line) !== k) return undefined;
    const notes: Diagnostic[] = [];
    for (const n of d.notes) {
      const moved = relocate(n, k);
      if (!moved) return undefined;
      notes.push(moved);
    }
    return { ...d, position: { ...d.position, line: d.position.line - lineOffset[k] }, notes };
  };
  for (const d of diags) {
    if (!d.position || d.position.file !== ctx.fileName) return undefined; // cannot place it
    const k = chunkOf(d.position.line);
    const moved = relocate(d, k);
    if (!moved) return undefined;
    perInput[k].push(moved);
  }

  const results = inputs.map((_, k): MlirOptResult => {
    // Under --verify-diagnostics every printed error is a verification failure.
    // Otherwise the output decides: mlir-opt 22 prints `expected ... was not
    // produced` errors for designators even on success, and a failed chunk prints nothing.
    const ok = ctx.verifyMode ? !perInput[k].some((d) => d.severity === 'error') : outputs[k] !== '';
    return { ok, output: outputs[k], diagnostics: perInput[k] };
  });
  // The exit status must agree with the verdicts, or something went unseen.
  const allOk = results.every((x) => x.ok);
  if (allOk !== (r.exitCode === 0)) return undefined;
  return results;
}

function splitOutputs(stdout: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    let at = stdout.indexOf(SEPARATOR, from);
    // A separator only counts at the start of a line.
    while (at > 0 && stdout[at - 1] !== '\n') at = stdout.indexOf(SEPARATOR, at + 1);
    if (at === -1) break;
    parts.push(stdout.slice(from, at));
    from = at + SEPARATOR.length;
  }
  parts.push(stdout.slice(from));
  return parts;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function crashReason(r: { exitCode: number | null; signal: string | null; timedOut?: boolean }): string | undefined {
  if (r.timedOut) return 'timeout';
  if (r.signal) return `mlir-opt crashed (${r.signal})`;
  if (r.exitCode !== null && r.exitCode > 1) return `mlir-opt exit status ${r.exitCode}`;
  return undefined;
}

function requireMlirOpt(): { path: string; version: string } {
  const tool = findMlirOpt();
  if (!tool) throw new Error('mlir-opt-22 is not installed (check hasMlirOpt() first)');
  return tool;
}

function spawnCollect(
  cmd: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ exitCode: number | null; signal: string | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        exitCode: code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
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
