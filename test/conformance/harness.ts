/**
 * The conformance harness: holds a parse→verify→print function to MLIR 22 on
 * the mlir-upstream corpus.
 *
 * - valid chunks in scope: `mlir-opt-22(ours)` must print exactly what
 *   `mlir-opt-22(original)` prints, once with our custom print and mlir-opt's
 *   default print, once with our generic print and `--mlir-print-op-generic`;
 * - invalid-expected chunks in scope: we must reject them (and, as a further
 *   figure, our diagnostics are checked against their `expected-*` designators);
 * - chunks out of scope (another dialect's custom syntax) are listed with why;
 * - chunks mlir-opt-22 itself rejects are not counted.
 */
import {
  DiagnosticError,
  verifyDiagnostics,
  type Diagnostic,
} from '../../src/ir/diagnostics/index.js';
import { runMlirOpt, type MlirOptResult } from '../support/mlir-opt.js';
import { CORE_FOLDERS, readCorpus, type CorpusChunk } from './corpus.js';
import { REGISTERED_DIALECTS, classifyScope } from './scope.js';

export interface RoundTripResult {
  readonly ok: boolean;
  readonly output: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Our parse→verify→print of one chunk, in custom or generic print form. */
export type RoundTrip = (text: string, options: { generic: boolean }) => RoundTripResult | Promise<RoundTripResult>;

export type Mode = 'custom' | 'generic';

export interface ChunkOutcome {
  readonly chunk: CorpusChunk;
  /** 'pass' / 'fail' for counted chunks; 'out-of-scope' or 'not-counted' otherwise. */
  readonly status: 'pass' | 'fail' | 'out-of-scope' | 'not-counted';
  /** Per mode for valid chunks: undefined = matched, else why not. */
  readonly modeFailures?: Partial<Record<Mode, string>>;
  /** For invalid chunks: whether our diagnostics satisfy the designators, and if not why. */
  readonly diagnosticsAsExpected?: boolean;
  readonly diagnosticsMismatch?: string;
  /** For invalid chunks: the line of our first error and of mlir-opt-22's. */
  readonly firstErrorLine?: { readonly ours?: number; readonly mlirOpt?: number };
  readonly reason?: string;
}

export interface FolderFigures {
  readonly folder: string;
  validInScope: number;
  validOutOfScope: number;
  customPass: number;
  genericPass: number;
  bothPass: number;
  invalidInScope: number;
  invalidOutOfScope: number;
  rejected: number;
  diagnosticsAsExpected: number;
  /** Invalid chunks we reject with our first error on mlir-opt-22's first error line. */
  sameErrorLine: number;
  notCounted: number;
}

export interface ConformanceResult {
  readonly folders: readonly FolderFigures[];
  readonly total: FolderFigures;
  readonly outcomes: readonly ChunkOutcome[];
  readonly dialects: readonly string[];
}

export interface ConformanceOptions {
  readonly folders?: readonly string[];
  readonly dialects?: readonly string[];
  readonly corpusDir?: string;
  /** Passed to the mlir-opt helper (e.g. `cacheDir`). */
  readonly mlirOpt?: { cacheDir?: string | false };
}

const BASE_ARGS = ['--allow-unregistered-dialect'];
const MODE_ARGS: Record<Mode, readonly string[]> = {
  custom: BASE_ARGS,
  generic: [...BASE_ARGS, '--mlir-print-op-generic'],
};

/** Run the whole corpus (selected folders) through `roundTrip` and mlir-opt-22. */
export async function runConformance(roundTrip: RoundTrip, options: ConformanceOptions = {}): Promise<ConformanceResult> {
  const folders = options.folders ?? CORE_FOLDERS;
  const dialects = options.dialects ?? REGISTERED_DIALECTS;
  const chunks = readCorpus(options.corpusDir).filter((c) => folders.includes(c.folder));
  const scoped = chunks.map((chunk) => ({ chunk, scope: classifyScope(chunk.text, dialects, chunk.kind) }));
  const valid = scoped.filter((s) => s.chunk.kind === 'valid' && s.scope.inScope).map((s) => s.chunk);
  const invalid = scoped.filter((s) => s.chunk.kind === 'invalid-expected' && s.scope.inScope).map((s) => s.chunk);

  const modeFailures = new Map<CorpusChunk, Partial<Record<Mode, string>>>();
  for (const mode of ['custom', 'generic'] as const) {
    const ours = await Promise.all(valid.map((c) => safeRoundTrip(roundTrip, c.text, mode === 'generic')));
    const reference = await runMlirOpt(
      valid.map((c) => c.text),
      { args: MODE_ARGS[mode], ...options.mlirOpt },
    );
    const through = await runMlirOpt(
      ours.filter((o) => o.ok).map((o) => o.output),
      { args: MODE_ARGS[mode], ...options.mlirOpt },
    );
    let t = 0;
    valid.forEach((chunk, i) => {
      const o = ours[i];
      const why = o.ok
        ? compareThrough(reference[i], through[t++])
        : o.crashed
          ? `we crashed: ${clip(o.crashed)}`
          : `we rejected it: ${firstLine(o.diagnostics)}`;
      if (why) modeFailures.set(chunk, { ...modeFailures.get(chunk), [mode]: why });
    });
  }

  // mlir-opt-22's own first error on each invalid chunk (designators masked so it reports plainly).
  const mlirOnInvalid = await runMlirOpt(
    invalid.map((c) => c.text.replace(/expected-(error|warning|note|remark)/g, 'EXPECTED-$1')),
    { args: BASE_ARGS, ...options.mlirOpt },
  );
  const invalidOutcome = new Map<CorpusChunk, ChunkOutcome>();
  for (const [i, chunk] of invalid.entries()) {
    const theirLine = mlirOnInvalid[i].diagnostics.find((d) => d.severity === 'error')?.position?.line;
    const ours = await safeRoundTrip(roundTrip, chunk.text, false);
    const ourLine = ours.diagnostics.find((d) => d.severity === 'error')?.position?.line;
    const file = 'chunk.mlir';
    const placed = ours.diagnostics.map((d) => inFile(d, file));
    const check = verifyDiagnostics(chunk.text, file, placed);
    invalidOutcome.set(chunk, {
      chunk,
      status: ours.ok || ours.crashed ? 'fail' : 'pass',
      ...(ours.ok ? { reason: 'we accepted it' } : ours.crashed ? { reason: `we crashed: ${ours.crashed}` } : {}),
      diagnosticsAsExpected: !ours.ok && !ours.crashed && check.ok,
      firstErrorLine: { ours: ourLine, mlirOpt: theirLine },
      ...(check.ok ? {} : { diagnosticsMismatch: firstLine(check.failures) }),
    });
  }

  const outcomes: ChunkOutcome[] = scoped.map(({ chunk, scope }): ChunkOutcome => {
    if (chunk.kind === 'rejected') return { chunk, status: 'not-counted', reason: `mlir-opt-22 rejects it: ${chunk.note}` };
    if (!scope.inScope) return { chunk, status: 'out-of-scope', reason: scope.reason ?? '' };
    if (chunk.kind === 'invalid-expected') return invalidOutcome.get(chunk) as ChunkOutcome;
    const failures = modeFailures.get(chunk);
    return failures ? { chunk, status: 'fail', modeFailures: failures } : { chunk, status: 'pass' };
  });
  const perFolder = folders.map((folder) => tally(folder, outcomes.filter((o) => o.chunk.folder === folder)));
  return { folders: perFolder, total: tally('total', outcomes), outcomes, dialects };
}

function tally(folder: string, outcomes: readonly ChunkOutcome[]): FolderFigures {
  const f: FolderFigures = {
    folder,
    validInScope: 0,
    validOutOfScope: 0,
    customPass: 0,
    genericPass: 0,
    bothPass: 0,
    invalidInScope: 0,
    invalidOutOfScope: 0,
    rejected: 0,
    diagnosticsAsExpected: 0,
    sameErrorLine: 0,
    notCounted: 0,
  };
  for (const o of outcomes) {
    const valid = o.chunk.kind === 'valid';
    if (o.status === 'not-counted') f.notCounted++;
    else if (o.status === 'out-of-scope') {
      if (valid) f.validOutOfScope++;
      else f.invalidOutOfScope++;
    } else if (valid) {
      f.validInScope++;
      if (!o.modeFailures?.custom) f.customPass++;
      if (!o.modeFailures?.generic) f.genericPass++;
      if (o.status === 'pass') f.bothPass++;
    } else {
      f.invalidInScope++;
      if (o.status === 'pass') f.rejected++;
      if (o.diagnosticsAsExpected) f.diagnosticsAsExpected++;
      const lines = o.firstErrorLine;
      if (o.status === 'pass' && lines?.ours !== undefined && lines.ours === lines.mlirOpt) f.sameErrorLine++;
    }
  }
  return f;
}

interface SafeResult extends RoundTripResult {
  readonly crashed?: string;
}

/** Call roundTrip, turning a thrown DiagnosticError into a rejection and anything else into a crash. */
async function safeRoundTrip(roundTrip: RoundTrip, text: string, generic: boolean): Promise<SafeResult> {
  try {
    return await roundTrip(text, { generic });
  } catch (e) {
    if (e instanceof DiagnosticError) return { ok: false, output: '', diagnostics: e.diagnostics };
    const crashed = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { ok: false, output: '', diagnostics: [], crashed };
  }
}

/** Why mlir-opt's print of our output differs from its print of the original, or undefined. */
function compareThrough(reference: MlirOptResult, ours: MlirOptResult): string | undefined {
  if (!reference.ok) return `mlir-opt-22 rejects the original here: ${firstLine(reference.diagnostics)}`;
  if (!ours.ok) return `mlir-opt-22 rejects our output: ${firstLine(ours.diagnostics)}${ours.crashed ? ` (${ours.crashed})` : ''}`;
  if (ours.output === reference.output) return undefined;
  const a = reference.output.split('\n');
  const b = ours.output.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `mlir-opt-22 prints it differently from line ${i + 1}: expected \`${clip(a[i] ?? '<end>')}\`, got \`${clip(b[i] ?? '<end>')}\``;
}

/** Treat every positioned diagnostic as pointing into the chunk itself. */
function inFile(d: Diagnostic, file: string): Diagnostic {
  return {
    ...d,
    ...(d.position ? { position: { ...d.position, file } } : {}),
    notes: d.notes.map((n) => inFile(n, file)),
  };
}

function firstLine(diags: readonly Diagnostic[]): string {
  const d = diags[0];
  if (!d) return '(no diagnostic)';
  const where = d.position ? `${d.position.line}:${d.position.col}: ` : '';
  return clip(`${where}${d.severity}: ${d.message.split('\n')[0]}`);
}

function clip(s: string, n = 160): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
