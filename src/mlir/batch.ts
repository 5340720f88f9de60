/**
 * Packs many inputs into one file for `--split-input-file` and maps what the
 * tool reports back to each input.
 *
 * Layout: "\n" t0 MARK "\n" t1 MARK "\n" t2 ..., where MARK itself starts
 * with "\n". Every chunk is "\n" + text: its end is exactly the end of the
 * text (so end-of-input diagnostics land where they would for the text
 * alone), it is never empty (mlir-opt drops empty chunks), and the text
 * starts at column 1 of a known whole-file line. mlir-opt 22 lexes a chunk in
 * place, and an unterminated string runs on to the next newline: the newline
 * that opens MARK stops it exactly at the end of the text.
 * mlir-opt reports whole-file positions; mlir-translate reports
 * `within split at FILE:N offset :L:C`, chunk-relative lines.
 */
import type { SourcePosition } from '../ir/index.js';

/** Input split marker; unlikely in real text, and its prefix is too (no near-miss warnings). */
export const INPUT_MARKER = '\n//==numaccl-batch-split-b7e1==';
export const OUTPUT_MARKER = '//==numaccl-batch-output-b7e1==';

export interface Batch {
  readonly text: string;
  /** Whole-file line of each input's first line. */
  readonly firstLines: readonly number[];
  /** `line:col` right after each marker -> index of the input that starts there. */
  readonly chunkStarts: ReadonlyMap<string, number>;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** True when `text` cannot go into a batch (it contains a marker prefix). */
export function needsOwnRun(text: string): boolean {
  return text.includes(INPUT_MARKER.slice(1, -2)) || text.includes(OUTPUT_MARKER.slice(0, -2));
}

/** Where a chunk after the first starts: right after MARK, on MARK's own line. */
const CHUNK_START_COL = Buffer.byteLength(INPUT_MARKER.slice(1)) + 1;

export function buildBatch(texts: readonly string[]): Batch {
  const parts: string[] = [];
  const firstLines: number[] = [];
  const chunkStarts = new Map<string, number>();
  let line = 1;
  texts.forEach((t, i) => {
    if (i > 0) {
      parts.push(INPUT_MARKER);
      line += 1; // MARK's own line
      chunkStarts.set(`${line}:${CHUNK_START_COL}`, i);
    }
    parts.push('\n', t);
    line += 1; // the "\n" in front of every text
    firstLines.push(line);
    line += countNewlines(t);
  });
  return { text: parts.join(''), firstLines, chunkStarts };
}

/** Index of the input containing whole-file `line` (MARK's line counts as the end of the text before it). */
export function inputOfLine(batch: Batch, line: number): number {
  let lo = 0;
  let hi = batch.firstLines.length - 1;
  if (line < batch.firstLines[0]) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (batch.firstLines[mid] <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const WITHIN_SPLIT = /^within split at (.*):(\d+) offset $/;

/**
 * Locates a reported position in the batch file: the input index and the
 * position relative to that input's text (named `name`), or undefined when
 * the position is not inside the batch file.
 */
export function locateInBatch(
  batch: Batch,
  batchPath: string,
  p: SourcePosition,
  name: string,
): { index: number; position: SourcePosition } | undefined {
  // The implicit module of an input that has none is located at the start of
  // its chunk: 0:0 in the first chunk, right after the marker in the others
  // (on its own, the input's implicit module is at 0:0).
  if (p.file === batchPath) {
    const implicit = p.line === 0 && p.col === 0 ? 0 : batch.chunkStarts.get(`${p.line}:${p.col}`);
    if (implicit !== undefined) return { index: implicit, position: { file: name, line: 0, col: 0 } };
  }
  let line = p.line;
  if (p.file !== batchPath) {
    const m = WITHIN_SPLIT.exec(p.file);
    if (!m || m[1] !== batchPath) return undefined;
    line = Number(m[2]) + p.line - 1; // N is MARK's line, where the chunk starts
  }
  const index = inputOfLine(batch, line);
  if (index < 0) return undefined;
  return { index, position: { file: name, line: line - batch.firstLines[index] + 1, col: p.col } };
}

/** Splits the tool's stdout into the outputs of consecutive inputs (a crash cuts it short). */
export function splitOutputs(stdout: string): string[] {
  return stdout.split(`${OUTPUT_MARKER}\n`);
}
