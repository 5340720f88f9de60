/**
 * The process backend: `mlir-opt-22` / `mlir-translate-22`. Many inputs go
 * into one `--split-input-file` run; a run that crashes, or reports a
 * diagnostic that cannot be attributed to one input, is bisected.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, SourcePosition } from '../ir/index.js';
import { buildBatch, locateInBatch, needsOwnRun, splitOutputs, INPUT_MARKER, OUTPUT_MARKER } from './batch.js';
import { mapPositions } from './diagnostic-text.js';
import { beforeCrashReport, isCrash, lineLookup, toolDiagnostics } from './tool-output.js';
import { rejectIrdlForTranslation, resolveIrdl, type ResolvedIrdl } from './irdl.js';
import { anchorPipeline } from './pipeline.js';
import type {
  MlirEngine,
  RunOptions,
  RunResult,
  TranslateOptions,
  TranslateResult,
  VerifyOptions,
  VerifyResult,
} from './types.js';

export interface ProcessTools {
  readonly mlirOpt: string;
  /** Absent: translateToLLVMIR throws. */
  readonly mlirTranslate?: string;
}

type Mode = 'opt' | 'translate';

interface Job {
  readonly mode: Mode;
  /** Flags besides input/split ones. */
  readonly flags: readonly string[];
  readonly filename: string;
  readonly irdl?: { readonly path: string; readonly name: string; readonly text: string };
}

const MAX_BATCH_BYTES = 8 << 20;

/** Temporary directories of engines not disposed yet: removed when the process exits. */
const liveDirs = new Set<string>();
let exitHookInstalled = false;

function trackDir(dir: string): void {
  liveDirs.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const d of liveDirs) rmSync(d, { recursive: true, force: true });
  });
}

/** The file name MLIR's pass-pipeline parser reports its errors in. */
const PIPELINE_PARSER_FILE = 'MLIR Textual PassPipeline Parser';

type BatchOutcome = { readonly kind: 'done' | 'crashed' | 'ambiguous'; readonly results: RunResult[] };

const MAX_BUFFER = 1 << 30;

export class ProcessMlirEngine implements MlirEngine {
  readonly backend = 'process' as const;
  readonly #tools: ProcessTools;
  readonly #maxBatch: number;
  #dir: string | undefined;
  #counter = 0;
  #disposed = false;
  /** Diagnostics of a pipeline / IRDL text that failed on its own (undefined: it is fine). */
  readonly #preflight = new Map<string, readonly Diagnostic[] | undefined>();
  readonly #irdlPaths = new Map<string, string>();

  constructor(tools: ProcessTools, maxBatch = 2000) {
    this.#tools = tools;
    this.#maxBatch = Math.max(1, maxBatch);
  }

  verify(text: string, options: VerifyOptions = {}): VerifyResult {
    return this.verifyMany([text], options)[0];
  }

  verifyMany(texts: readonly string[], options: VerifyOptions = {}): VerifyResult[] {
    return this.runMany(texts, '', options).map(({ ok, diagnostics }) => ({ ok, diagnostics }));
  }

  run(text: string, pipeline: string, options: RunOptions = {}): RunResult {
    return this.runMany([text], pipeline, options)[0];
  }

  runMany(texts: readonly string[], pipeline: string, options: RunOptions = {}): RunResult[] {
    const flags: string[] = [];
    if (options.allowUnregistered) flags.push('--allow-unregistered-dialect');
    if (options.printGeneric) flags.push('--mlir-print-op-generic');
    if (pipeline.trim() !== '') flags.push(`--pass-pipeline=${anchorPipeline(pipeline)}`);
    return this.#runJob('opt', texts, flags, options);
  }

  translateToLLVMIR(text: string, options: TranslateOptions = {}): TranslateResult {
    return this.translateManyToLLVMIR([text], options)[0];
  }

  translateManyToLLVMIR(texts: readonly string[], options: TranslateOptions = {}): TranslateResult[] {
    rejectIrdlForTranslation(options);
    if (!this.#tools.mlirTranslate) throw new Error('numaccl/mlir: mlir-translate-22 not found; cannot translate to LLVM IR');
    const flags = ['--mlir-to-llvmir'];
    if (options.allowUnregistered) flags.push('--allow-unregistered-dialect');
    return this.#runJob('translate', texts, flags, options);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#dir) {
      rmSync(this.#dir, { recursive: true, force: true });
      liveDirs.delete(this.#dir);
    }
    this.#dir = undefined;
  }

  #runJob(mode: Mode, texts: readonly string[], baseFlags: readonly string[], options: RunOptions): RunResult[] {
    if (this.#disposed) throw new Error('numaccl/mlir: engine used after dispose()');
    const irdl = resolveIrdl(options);
    const job: Job = {
      mode,
      flags: irdl ? [...baseFlags, `--irdl-file=${this.#irdlPath(irdl)}`] : baseFlags,
      filename: options.filename ?? '<input>',
      irdl: irdl ? { path: this.#irdlPath(irdl), name: irdl.name, text: irdl.text } : undefined,
    };
    if (texts.length === 0) return [];
    // A bad pipeline or IRDL file fails every input the same way: find out once, on an empty module.
    const failure = this.#preflightFailure(job);
    if (failure) return texts.map(() => ({ ok: false, output: '', diagnostics: failure }));

    const results = new Array<RunResult>(texts.length);
    let start = 0;
    while (start < texts.length) {
      let end = start;
      let bytes = 0;
      while (end < texts.length && end - start < this.#maxBatch && (end === start || bytes + texts[end].length <= MAX_BATCH_BYTES)) {
        bytes += texts[end].length;
        end++;
      }
      const indices = [];
      for (let i = start; i < end; i++) indices.push(i);
      this.#runBatch(job, texts, indices, results);
      start = end;
    }
    return results;
  }

  #preflightFailure(job: Job): readonly Diagnostic[] | undefined {
    const key = `${job.mode}\0${job.flags.join('\0')}`;
    if (!this.#preflight.has(key)) {
      const r = this.#runOne(job, job.mode === 'translate' ? 'module {}' : '');
      // Only pipeline and IRDL errors fail every input; a pass failing on an empty
      // module (e.g. transform-interpreter without an entry point) says nothing about others.
      const global = r.diagnostics.some(
        (d) => !d.position || d.position.file === PIPELINE_PARSER_FILE || d.position.file === job.irdl?.name,
      );
      this.#preflight.set(key, !r.ok && global ? r.diagnostics : undefined);
    }
    return this.#preflight.get(key);
  }

  /** Runs `indices` of `texts` in one process if possible, bisecting when results are ambiguous. */
  #runBatch(job: Job, texts: readonly string[], indices: readonly number[], results: RunResult[], afterCrash = false): void {
    const own = indices.filter((i) => needsOwnRun(texts[i]));
    for (const i of own) results[i] = this.#runOne(job, texts[i]);
    const rest = indices.filter((i) => !needsOwnRun(texts[i]));
    if (rest.length === 1) results[rest[0]] = this.#runOne(job, texts[rest[0]]);
    if (rest.length <= 1) return;

    const outcome = this.#tryBatch(job, rest.map((i) => texts[i]));
    outcome.results.forEach((r, k) => (results[rest[k]] = r));
    if (outcome.kind === 'done') return;
    const remaining = rest.slice(outcome.results.length);
    if (outcome.kind === 'crashed' && outcome.results.length > 0) {
      // Inputs before the crash are kept; the crash is usually right at the start of the remainder.
      this.#runBatch(job, texts, remaining, results, true);
      return;
    }
    if (outcome.kind === 'crashed' && afterCrash) {
      const first = this.#runOne(job, texts[remaining[0]]);
      results[remaining[0]] = first;
      if (isCrash(first)) {
        this.#runBatch(job, texts, remaining.slice(1), results, true);
        return;
      }
      remaining.shift();
    }
    const half = remaining.length >> 1;
    this.#runBatch(job, texts, remaining.slice(0, half), results);
    this.#runBatch(job, texts, remaining.slice(half), results);
  }

  /**
   * One split-input run. `done`: every input's result. `crashed`: the tool
   * died part-way; results for the inputs whose output was complete (followed
   * by a marker; stdout is buffered, so maybe none). `ambiguous`: a diagnostic
   * cannot be attributed to one input.
   */
  #tryBatch(job: Job, texts: readonly string[]): BatchOutcome {
    const batch = buildBatch(texts);
    const path = this.#tempFile(batch.text);
    try {
      const r = this.#exec(job, [`--split-input-file=${INPUT_MARKER}`, `--output-split-marker=${OUTPUT_MARKER}`, path]);
      const outputs = splitOutputs(r.stdout);
      const crashed = r.crashed !== undefined || outputs.length !== texts.length;
      const done = crashed ? Math.min(outputs.length - 1, texts.length - 1) : texts.length;
      const perInput: Diagnostic[][] = texts.map(() => []);
      const lookup = lineLookup(this.#knownFiles(job, path, batch.text));
      for (const d of toolDiagnostics(r.crashed ? beforeCrashReport(r.stderr) : r.stderr, lookup)) {
        const at = d.position && locateInBatch(batch, path, d.position, job.filename);
        if (!at) return { kind: crashed ? 'crashed' : 'ambiguous', results: [] };
        const mapped = mapPositions(d, (p) => locateInBatch(batch, path, p, job.filename)?.position ?? this.#rename(job, p));
        perInput[at.index].push(mapped);
      }
      const results: RunResult[] = [];
      for (let k = 0; k < done; k++) results.push({ ok: outputs[k] !== '', output: outputs[k], diagnostics: perInput[k] });
      return { kind: crashed ? 'crashed' : 'done', results };
    } finally {
      rmSync(path, { force: true });
    }
  }

  #runOne(job: Job, text: string): RunResult {
    const path = this.#tempFile(text);
    try {
      const r = this.#exec(job, [path]);
      if (r.crashed) {
        return { ok: false, output: '', diagnostics: [{ severity: 'error', message: `MLIR crashed (${r.crashed}) on this input`, notes: [] }] };
      }
      const diagnostics = toolDiagnostics(r.stderr, lineLookup(this.#knownFiles(job, path, text))).map((d) =>
        mapPositions(d, (p) => (p.file === path ? { ...p, file: job.filename } : this.#rename(job, p))),
      );
      const ok = r.status === 0;
      if (!ok && diagnostics.length === 0 && r.stderr.trim() !== '') {
        // e.g. `LLVM ERROR: ...` from report_fatal_error: no located diagnostic, but say something.
        diagnostics.push({ severity: 'error', message: r.stderr.trim().split('\n')[0], notes: [] });
      }
      return { ok, output: ok ? r.stdout : '', diagnostics };
    } finally {
      rmSync(path, { force: true });
    }
  }

  #knownFiles(job: Job, path: string, text: string): Map<string, string> {
    const files = new Map([[path, text]]);
    if (job.irdl) files.set(job.irdl.path, job.irdl.text);
    return files;
  }

  #rename(job: Job, p: SourcePosition): SourcePosition {
    return job.irdl && p.file === job.irdl.path ? { ...p, file: job.irdl.name } : p;
  }

  #exec(job: Job, args: readonly string[]): { stdout: string; stderr: string; status: number; crashed?: string } {
    const tool = job.mode === 'opt' ? this.#tools.mlirOpt : (this.#tools.mlirTranslate as string);
    // Symbolizing a crash's stack trace takes most of a second; bisection may meet many crashes.
    const env = { ...process.env, LLVM_DISABLE_SYMBOLIZATION: '1' };
    const r = spawnSync(tool, [...job.flags, ...args], { encoding: 'utf8', maxBuffer: MAX_BUFFER, env });
    if (r.error) throw new Error(`numaccl/mlir: cannot run ${tool}: ${r.error.message}`);
    const crashed = r.signal ? r.signal : r.status !== 0 && r.status !== 1 ? `exit status ${r.status}` : undefined;
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1, crashed };
  }

  #irdlPath(irdl: ResolvedIrdl): string {
    let path = this.#irdlPaths.get(irdl.text);
    if (!path) {
      path = this.#tempFile(irdl.text);
      this.#irdlPaths.set(irdl.text, path);
    }
    return path;
  }

  #tempFile(text: string): string {
    if (!this.#dir) {
      this.#dir = mkdtempSync(join(tmpdir(), 'numaccl-mlir-'));
      trackDir(this.#dir);
    }
    const path = join(this.#dir, `input-${this.#counter++}.mlir`);
    writeFileSync(path, text);
    return path;
  }
}
