/** Finding mlir-opt-22 and running it once, in a scratch directory. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

export interface RawRun {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface RunContext {
  readonly tool: string;
  readonly args: readonly string[];
  readonly fileName: string;
  readonly timeoutMs: number;
  readonly verifyMode: boolean;
}

/** How many mlir-opt processes this module has started (lets tests see batching work). */
export const processStats = { spawned: 0 };

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

export function requireMlirOpt(): { path: string; version: string } {
  const tool = findMlirOpt();
  if (!tool) throw new Error('mlir-opt-22 is not installed (check hasMlirOpt() first)');
  return tool;
}

/**
 * Run mlir-opt on `text` saved as `fileName` in a fresh directory (so that
 * locations naming other files never pick up stray files from the cwd).
 */
export async function runInScratchDir(
  tool: string,
  args: readonly string[],
  fileName: string,
  text: string,
  timeoutMs: number,
): Promise<RawRun> {
  const dir = mkdtempSync(join(tmpdir(), 'mlir-opt-'));
  try {
    writeFileSync(join(dir, fileName), text);
    return await spawnCollect(tool, [...args, fileName], dir, timeoutMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One input, one process: the reference behaviour batches must reproduce. */
export async function runSingle(ctx: RunContext, input: string): Promise<MlirOptResult> {
  const r = await runInScratchDir(ctx.tool, ctx.args, ctx.fileName, input, ctx.timeoutMs);
  const diagnostics = parseMlirStderr(r.stderr, new MapSourceManager([[ctx.fileName, input]]));
  const crashed = crashReason(r);
  return { ok: r.exitCode === 0, output: r.stdout, diagnostics, ...(crashed ? { crashed } : {}) };
}

export function crashReason(r: RawRun): string | undefined {
  if (r.timedOut) return 'timeout';
  if (r.signal) return `mlir-opt crashed (${r.signal})`;
  if (r.exitCode !== null && r.exitCode > 1) return `mlir-opt exit status ${r.exitCode}`;
  return undefined;
}

/** Spawn with a few retries when the machine is momentarily out of processes or files. */
async function spawnCollect(cmd: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<RawRun> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnOnce(cmd, args, cwd, timeoutMs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const transient = code === 'EAGAIN' || code === 'EMFILE' || code === 'ENFILE' || code === 'ENOMEM';
      if (!transient || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}

function spawnOnce(cmd: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<RawRun> {
  processStats.spawned++;
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
