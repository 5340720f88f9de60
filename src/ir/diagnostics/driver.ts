/**
 * The mlir-opt main loop around a per-chunk processor: `--split-input-file`
 * splitting, `--verify-diagnostics` checking, diagnostics rendering and output
 * joining, so an mlir-opt work-alike only supplies "parse, verify, print one
 * chunk". Behaviour follows mlir-opt 22:
 * - split-marker near-miss warnings are printed first;
 * - each chunk's diagnostics are rendered in order (without verification);
 * - with verification, designators of the whole file are checked against all
 *   diagnostics of all chunks; failures are printed instead of diagnostics;
 * - outputs of successful chunks are joined with `// -----\n`; failed ones are '';
 * - the exit code is 1 when a chunk failed (without verification) or when
 *   verification failed (with it), else 0.
 * One mlir-opt 22 quirk is deliberately not copied: without
 * --verify-diagnostics it still prints `expected ... was not produced` for
 * every designator; a work-alike has no reason to.
 */
import type { Diagnostic } from './diagnostic.js';
import { verifyDiagnostics } from './expectations.js';
import { renderDiagnostics } from './render.js';
import { MapSourceManager } from './source-manager.js';
import { joinSplitOutputs, splitInputFile, type SplitChunk } from './split-input.js';

export interface ChunkResult {
  /** True when the chunk was parsed, verified and printed. */
  readonly ok: boolean;
  /** The printed chunk (what mlir-opt prints for it, trailing newline included); ignored when !ok. */
  readonly output: string;
  /** Diagnostics at whole-file positions (see SplitChunk.offset / chunkToFilePosition). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface DriverOptions {
  /** Name diagnostics carry (mlir-opt shows `<stdin>` for standard input). */
  readonly fileName: string;
  readonly splitInputFile?: boolean;
  /** `--verify-diagnostics` (true or 'all') or `--verify-diagnostics=only-expected`. */
  readonly verifyDiagnostics?: boolean | 'all' | 'only-expected';
}

export interface DriverResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1;
}

/** What the processor is told about the chunk it gets. */
export interface ChunkContext {
  readonly chunk: SplitChunk;
  /** True under --verify-diagnostics (mlir-opt then omits "see current operation" notes). */
  readonly verifying: boolean;
}

export type ChunkProcessor = (text: string, context: ChunkContext) => ChunkResult | Promise<ChunkResult>;

/** Run `processChunk` over the file the way mlir-opt's main loop does. */
export async function runOptDriver(text: string, options: DriverOptions, processChunk: ChunkProcessor): Promise<DriverResult> {
  const file = options.fileName;
  const verifying = options.verifyDiagnostics !== undefined && options.verifyDiagnostics !== false;
  const { chunks, warnings } = options.splitInputFile
    ? splitInputFile(text, file)
    : { chunks: [{ text, offset: 0, line: 1, col: 1 }], warnings: [] };
  const outputs: string[] = [];
  const produced: Diagnostic[] = [];
  let failed = false;
  for (const chunk of chunks) {
    const r = await processChunk(chunk.text, { chunk, verifying });
    outputs.push(r.ok ? r.output : '');
    produced.push(...r.diagnostics);
    if (!r.ok) failed = true;
  }
  const sources = new MapSourceManager([[file, text]]);
  const stdout = options.splitInputFile ? joinSplitOutputs(outputs) : outputs[0];
  if (!verifying) {
    return { stdout, stderr: renderDiagnostics([...warnings, ...produced], sources), exitCode: failed ? 1 : 0 };
  }
  const check = verifyDiagnostics(text, file, produced, { onlyExpected: options.verifyDiagnostics === 'only-expected' });
  return {
    stdout,
    stderr: renderDiagnostics([...warnings, ...check.failures], sources),
    exitCode: check.ok ? 0 : 1,
  };
}
