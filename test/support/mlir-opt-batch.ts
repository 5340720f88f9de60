/**
 * Many inputs through one mlir-opt process, with results that equal running
 * each input alone — or, when that cannot be guaranteed, a fallback that
 * reruns just the doubtful inputs.
 *
 * Inputs are joined with `// -----\n` and run with --split-input-file. mlir-opt
 * 22 prints each chunk's output joined by `// -----\n` ('' for a failed chunk)
 * and reports whole-file positions, which map back to one input by line.
 * Doubt, and what is done about it:
 * - a crash or timeout: chunks whose output was completed (followed by a
 *   separator) before it are kept when nothing else is doubtful; the rest is
 *   retried; with no completed chunk the group is halved;
 * - diagnostics that name no place in the file (unknown or other-file
 *   locations): the chunks that failed or have diagnostics are rerun alone; if
 *   those runs account for every such diagnostic, the others are kept;
 * - outputs that do not line up, or an exit status that contradicts the
 *   per-chunk verdicts: the group is halved.
 */
import { MapSourceManager, type Diagnostic } from '../../src/ir/diagnostics/index.js';
import { parseMlirStderr } from './parse-mlir-stderr.js';
import { crashReason, runInScratchDir, runSingle, type MlirOptResult, type RunContext } from './mlir-opt-process.js';

const SEPARATOR = '// -----\n';

type BatchOutcome =
  | { kind: 'ok'; results: MlirOptResult[] }
  | { kind: 'crashed'; completed: MlirOptResult[] }
  | { kind: 'stray'; results: MlirOptResult[]; suspects: number[]; stray: Diagnostic[] }
  | { kind: 'untrusted' };

/** Results for `inputs`, each as if mlir-opt had run on it alone. */
export async function runGroup(ctx: RunContext, inputs: readonly string[]): Promise<MlirOptResult[]> {
  if (inputs.length === 0) return [];
  if (inputs.length === 1) return [await runSingle(ctx, inputs[0])];
  const b = await runBatch(ctx, inputs);
  if (b.kind === 'ok') return b.results;
  if (b.kind === 'crashed' && b.completed.length > 0) {
    return [...b.completed, ...(await runGroup(ctx, inputs.slice(b.completed.length)))];
  }
  if (b.kind === 'stray' && b.suspects.length > 0) {
    const alone = await Promise.all(b.suspects.map((k) => runSingle(ctx, inputs[k])));
    const accounted = alone.flatMap((r) => r.diagnostics.filter((d) => isStray(d, ctx.fileName)));
    if (sameMultiset(accounted.map(strayKey), b.stray.map(strayKey))) {
      const results = b.results.slice();
      b.suspects.forEach((k, i) => (results[k] = alone[i]));
      return results;
    }
    const rest = inputs.map((_, k) => k).filter((k) => !b.suspects.includes(k));
    const restResults = await halve(ctx, rest.map((k) => inputs[k]));
    const results = b.results.slice();
    b.suspects.forEach((k, i) => (results[k] = alone[i]));
    rest.forEach((k, i) => (results[k] = restResults[i]));
    return results;
  }
  return halve(ctx, inputs);
}

async function halve(ctx: RunContext, inputs: readonly string[]): Promise<MlirOptResult[]> {
  if (inputs.length <= 1) return runGroup(ctx, inputs);
  const mid = inputs.length >> 1;
  return [...(await runGroup(ctx, inputs.slice(0, mid))), ...(await runGroup(ctx, inputs.slice(mid)))];
}

async function runBatch(ctx: RunContext, inputs: readonly string[]): Promise<BatchOutcome> {
  const combined = inputs.join(SEPARATOR);
  // Input k (k ≥ 1) starts on the line after its marker; lineOffset[k] = that marker's line.
  const lineOffset: number[] = [0];
  let lines = 0;
  for (let k = 0; k < inputs.length - 1; k++) {
    lines += countNewlines(inputs[k]) + 1; // the marker sits on input k's last line
    lineOffset.push(lines);
  }
  const r = await runInScratchDir(ctx.tool, [...ctx.args, '--split-input-file'], ctx.fileName, combined, ctx.timeoutMs);
  const crashed = crashReason(r) !== undefined;
  const outputs = splitOutputs(r.stdout);
  if (!crashed && outputs.length !== inputs.length) return { kind: 'untrusted' };

  const chunkOf = (line: number): number => {
    let lo = 0;
    let hi = lineOffset.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineOffset[mid] < line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
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

  const perInput: Diagnostic[][] = inputs.map(() => []);
  const stray: Diagnostic[] = [];
  for (const d of parseMlirStderr(r.stderr, new MapSourceManager([[ctx.fileName, combined]]))) {
    if (isStray(d, ctx.fileName)) {
      stray.push(d);
      continue;
    }
    const k = chunkOf((d.position as { line: number }).line);
    const moved = relocate(d, k);
    if (!moved) return { kind: 'untrusted' }; // notes spread over chunks or files
    perInput[k].push(moved);
  }

  const verdict = (k: number): MlirOptResult => {
    // Under --verify-diagnostics every printed error is a verification failure.
    // Otherwise the output decides: mlir-opt 22 prints `expected ... was not
    // produced` errors for designators even on success, and a failed chunk prints nothing.
    const ok = ctx.verifyMode ? !perInput[k].some((d) => d.severity === 'error') : outputs[k] !== '';
    return { ok, output: outputs[k], diagnostics: perInput[k] };
  };

  if (crashed) {
    // Verification results only appear at the very end, so a crashed verify run proves nothing.
    if (ctx.verifyMode || stray.length > 0) return { kind: 'crashed', completed: [] };
    const done = outputs.length - 1; // the last piece was cut short
    return { kind: 'crashed', completed: Array.from({ length: done }, (_, k) => verdict(k)) };
  }
  const results = inputs.map((_, k) => verdict(k));
  if (stray.length > 0) {
    const suspects = results.flatMap((res, k) => (!res.ok || res.diagnostics.length > 0 ? [k] : []));
    return { kind: 'stray', results, suspects, stray };
  }
  // The exit status must agree with the verdicts, or something went unseen.
  if (results.every((x) => x.ok) !== (r.exitCode === 0)) return { kind: 'untrusted' };
  return { kind: 'ok', results };
}

/** A diagnostic that names no place in the input (unknown location or another file). */
function isStray(d: Diagnostic, fileName: string): boolean {
  return !d.position || d.position.file !== fileName;
}

function strayKey(d: Diagnostic): string {
  const notes = d.notes.map((n) => `${n.severity}:${n.message}`).join('|');
  const where = d.position ? `${d.position.file}:${d.position.line}:${d.position.col}` : '?';
  return `${d.severity}@${where}:${d.message}[${notes}]`;
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
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
