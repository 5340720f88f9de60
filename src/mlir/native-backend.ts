/** The in-process backend: MLIR 22's C API through the Node-API addon. */
import { constants as osConstants } from 'node:os';
import type { Diagnostic, SourcePosition } from '../ir/index.js';
import { parseDiagnosticText } from './diagnostic-text.js';
import { NativeOp, type NativeAddon, type NativeCallResult, type NativeContextHandle, type NativeDiagnostic } from './native-addon.js';
import { anchorPipeline } from './pipeline.js';
import { rejectIrdlForTranslation, resolveIrdl, type ResolvedIrdl } from './irdl.js';
import type {
  MlirEngine,
  RunOptions,
  RunResult,
  TranslateOptions,
  TranslateResult,
  VerifyOptions,
  VerifyResult,
} from './types.js';

/** The addon names the parsed buffer '-'. */
const ADDON_BUFFER_NAME = '-';
/** IRDL dialects cannot be unloaded, so each IRDL text gets its own context; keep a few. */
const MAX_IRDL_CONTEXTS = 8;

/**
 * Resource blobs (`dense_resource<blob1>` + `{-# dialect_resources ... #-}`)
 * stay registered in a context, and a later input reusing a name would be
 * renamed (`blob1_1`). Such inputs get a context of their own, as each
 * mlir-opt chunk does.
 */
function needsFreshContext(text: string): boolean {
  return text.includes('{-#') || text.includes('dense_resource');
}

/**
 * Types and attributes are uniqued in a context for its whole life; renewing
 * the context now and then bounds that growth over long test runs.
 */
const CALLS_PER_CONTEXT = 20_000;

interface ContextEntry {
  readonly handle: NativeContextHandle;
  calls: number;
  /** Set when the IRDL text did not load: every call with it fails with these. */
  readonly irdlFailure?: readonly Diagnostic[];
}

function convert(d: NativeDiagnostic, file: string): Diagnostic {
  const notes = d.notes.map((n) => convert(n, file));
  if (d.file === undefined || d.line === undefined || d.col === undefined) {
    return { severity: d.severity, message: d.message, notes };
  }
  const position: SourcePosition = { file: d.file === ADDON_BUFFER_NAME ? file : d.file, line: d.line, col: d.col };
  return { severity: d.severity, message: d.message, position, notes };
}

export class NativeMlirEngine implements MlirEngine {
  readonly backend = 'native' as const;
  readonly #addon: NativeAddon;
  /** Keyed by IRDL text ('' for none); Map order is the LRU order. */
  readonly #contexts = new Map<string, ContextEntry>();
  #disposed = false;

  constructor(addon: NativeAddon) {
    this.#addon = addon;
  }

  verify(text: string, options: VerifyOptions = {}): VerifyResult {
    const r = this.#call(NativeOp.Verify, text, '', options, false);
    return { ok: r.ok, diagnostics: r.diagnostics };
  }

  verifyMany(texts: readonly string[], options: VerifyOptions = {}): VerifyResult[] {
    return texts.map((t) => this.verify(t, options));
  }

  run(text: string, pipeline: string, options: RunOptions = {}): RunResult {
    return this.#call(NativeOp.Run, text, anchorPipeline(pipeline), options, options.printGeneric ?? false);
  }

  runMany(texts: readonly string[], pipeline: string, options: RunOptions = {}): RunResult[] {
    return texts.map((t) => this.run(t, pipeline, options));
  }

  translateToLLVMIR(text: string, options: TranslateOptions = {}): TranslateResult {
    rejectIrdlForTranslation(options);
    return this.#call(NativeOp.Translate, text, '', options, false);
  }

  translateManyToLLVMIR(texts: readonly string[], options: TranslateOptions = {}): TranslateResult[] {
    return texts.map((t) => this.translateToLLVMIR(t, options));
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const entry of this.#contexts.values()) this.#addon.destroyContext(entry.handle);
    this.#contexts.clear();
  }

  #call(op: NativeOp, text: string, pipeline: string, options: RunOptions, printGeneric: boolean): RunResult {
    if (this.#disposed) throw new Error('numaccl/mlir: engine used after dispose()');
    const irdl = resolveIrdl(options);
    const fresh = needsFreshContext(text);
    const entry = fresh ? this.#newContext(irdl) : this.#context(irdl);
    if (entry.irdlFailure) return { ok: false, output: '', diagnostics: entry.irdlFailure };
    const file = options.filename ?? '<input>';
    const r = this.#addon.call(entry.handle, op, text, pipeline, options.allowUnregistered ?? false, printGeneric);
    if (r.crashed) {
      if (!fresh) this.#forget(irdl?.text ?? '');
    } else if (fresh) {
      this.#addon.destroyContext(entry.handle);
    }
    return { ok: r.ok, output: r.ok ? r.output : '', diagnostics: diagnosticsOf(r, file) };
  }

  #context(irdl: ResolvedIrdl | undefined): ContextEntry {
    const key = irdl?.text ?? '';
    const found = this.#contexts.get(key);
    if (found && found.calls < CALLS_PER_CONTEXT) {
      found.calls++;
      this.#contexts.delete(key); // move to the LRU tail
      this.#contexts.set(key, found);
      return found;
    }
    if (found) {
      if (!found.irdlFailure) this.#addon.destroyContext(found.handle);
      this.#contexts.delete(key);
    }
    const entry = this.#newContext(irdl);
    this.#contexts.set(key, entry);
    this.#evict();
    return entry;
  }

  #newContext(irdl: ResolvedIrdl | undefined): ContextEntry {
    const handle = this.#addon.createContext();
    let entry: ContextEntry = { handle, calls: 1 };
    if (irdl) {
      const r = this.#addon.call(handle, NativeOp.LoadIrdl, irdl.text, '', false, false);
      if (!r.ok) {
        this.#addon.destroyContext(handle);
        entry = { handle, calls: 1, irdlFailure: diagnosticsOf(r, irdl.name) };
      }
    }
    return entry;
  }

  #forget(key: string): void {
    // The addon leaks a context that crashed; we only drop our reference.
    this.#contexts.delete(key);
  }

  #evict(): void {
    while (this.#contexts.size > MAX_IRDL_CONTEXTS + 1) {
      const [key, oldest] = this.#contexts.entries().next().value as [string, ContextEntry];
      if (!oldest.irdlFailure) this.#addon.destroyContext(oldest.handle);
      this.#contexts.delete(key);
    }
  }
}

/** Same wording as the process backend: `MLIR crashed (SIGSEGV) on this input`. */
function crashMessage(message: string): string {
  const m = /signal (\d+)/.exec(message);
  if (!m) return message;
  const name = Object.entries(osConstants.signals).find(([, n]) => n === Number(m[1]))?.[0] ?? `signal ${m[1]}`;
  return `MLIR crashed (${name}) on this input`;
}

function diagnosticsOf(r: NativeCallResult, file: string): Diagnostic[] {
  if (r.crashed) return r.diagnostics.map((d) => ({ severity: 'error', message: crashMessage(d.message), notes: [] }));
  const diags = r.diagnostics.map((d) => convert(d, file));
  if (r.pipelineError) {
    // The pipeline parser reports positions inside the pipeline text, under its own name.
    const parsed = parseDiagnosticText(r.pipelineError);
    diags.push(...(parsed.length > 0 ? parsed : [{ severity: 'error', message: r.pipelineError.replace(/\s+$/, ''), notes: [] } as Diagnostic]));
  }
  return diags;
}
