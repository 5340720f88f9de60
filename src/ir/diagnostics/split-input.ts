/**
 * `--split-input-file` exactly as mlir-opt 22 does it (mlir/lib/Support/ToolUtilities.cpp):
 * the text is split on `// ---` wherever it appears; a piece that then starts
 * with `--` (and is longer than that, and whose third character is not '0' —
 * a quirk kept for fidelity) completes the marker `// -----` and starts a new
 * chunk, anything else is a "near miss" warning and is glued back. Chunks keep
 * their place in the whole file so diagnostics report whole-file positions.
 * Outputs are joined with `// -----\n` (each successful chunk's output already
 * ends with a blank line; a failed chunk contributes nothing).
 */
import type { Diagnostic } from './diagnostic.js';
import { LineIndex } from './source-manager.js';

export const SPLIT_MARKER = '// -----';
/** What mlir-opt 22 prints between the outputs of consecutive chunks. */
export const OUTPUT_SPLIT_SEPARATOR = '// -----\n';

const SPLIT_PREFIX = SPLIT_MARKER.slice(0, -2); // "// ---"
const CHECK = 2;

/** One chunk of a split file. */
export interface SplitChunk {
  /** The chunk text (starts right after the marker, usually with '\n'). */
  readonly text: string;
  /** UTF-16 offset of the chunk's first character in the whole file. */
  readonly offset: number;
  /** 1-based whole-file line of the chunk's first character. */
  readonly line: number;
  /** 1-based whole-file byte column of the chunk's first character. */
  readonly col: number;
}

export interface SplitResult {
  readonly chunks: readonly SplitChunk[];
  /** "near miss with file split marker" warnings, as mlir-opt prints them. */
  readonly warnings: readonly Diagnostic[];
}

/** Split `text` the way `mlir-opt --split-input-file` does. */
export function splitInputFile(text: string, file = '<stdin>'): SplitResult {
  const index = new LineIndex(text);
  const warnings: Diagnostic[] = [];
  const spans: Array<[number, number]> = [];
  // Raw pieces between occurrences of the marker prefix, as [start, end) offsets.
  const raw: Array<[number, number]> = [];
  let from = 0;
  for (let at = text.indexOf(SPLIT_PREFIX); at !== -1; at = text.indexOf(SPLIT_PREFIX, from)) {
    raw.push([from, at]);
    from = at + SPLIT_PREFIX.length;
  }
  raw.push([from, text.length]);

  let prev: [number, number] = [0, 0];
  for (const [start, end] of raw) {
    if (prev[1] === prev[0]) {
      prev = [start, end];
      continue;
    }
    const size = end - start;
    const expectedSuffix =
      text.startsWith('--', start) && size > CHECK && text[start + CHECK] !== '0';
    if (expectedSuffix) {
      spans.push(prev);
      prev = [start + CHECK, end];
    } else {
      warnings.push({
        severity: 'warning',
        message: 'near miss with file split marker',
        position: { file, ...index.positionOf(start) },
        notes: [],
      });
      prev = [prev[0], end];
    }
  }
  if (prev[1] > prev[0]) spans.push(prev);

  const chunks = spans.map(([start, end]) => {
    const { line, col } = index.positionOf(start);
    return { text: text.slice(start, end), offset: start, line, col };
  });
  return { chunks, warnings };
}

/** Map a position inside a chunk (1-based, chunk-relative) to the whole file. */
export function chunkToFilePosition(
  chunk: SplitChunk,
  line: number,
  col: number,
): { line: number; col: number } {
  return line === 1 ? { line: chunk.line, col: chunk.col + col - 1 } : { line: chunk.line + line - 1, col };
}

/** Join per-chunk outputs the way mlir-opt does (failed chunks pass ''). */
export function joinSplitOutputs(outputs: readonly string[]): string {
  return outputs.join(OUTPUT_SPLIT_SEPARATOR);
}
