/**
 * Render diagnostics the way mlir-opt 22 prints them (MLIR's
 * SourceMgrDiagnosticHandler on top of LLVM's SMDiagnostic::print):
 *
 *   file:3:8: error: message
 *     <source line, tabs expanded to 8-column stops>
 *          ^~~~        (caret at the column, `~` under an optional range)
 *   file:2:2: note: a note
 *     <its source line, unless it is at the same place as the one before>
 *
 * Lines with non-ASCII bytes get no caret line (LLVM cannot place it). A
 * position whose file is unknown, or whose line/column lies outside the file,
 * is printed as the headline only; a missing position prints `<unknown>:0:`.
 */
import type { Diagnostic, Severity, SourcePosition } from './diagnostic.js';
import { LineIndex, byteLength, isAscii, type SourceManager } from './source-manager.js';

const TAB_STOP = 8;

/** Render one diagnostic and its notes; each printed line ends with '\n'. */
export function renderDiagnostic(diag: Diagnostic, sources?: SourceManager): string {
  const cache = new IndexCache(sources);
  return renderWith(diag, cache);
}

/** Render a list of diagnostics in order. */
export function renderDiagnostics(diags: readonly Diagnostic[], sources?: SourceManager): string {
  const cache = new IndexCache(sources);
  return diags.map((d) => renderWith(d, cache)).join('');
}

/**
 * Render a single message at a position (no notes), like llvm::SourceMgr::PrintMessage.
 * `showSource: false` prints only the headline.
 */
export function renderMessage(
  severity: Severity,
  message: string,
  position: SourcePosition | undefined,
  sources?: SourceManager,
  options: { length?: number; showSource?: boolean } = {},
): string {
  return renderOne(severity, message, position, new IndexCache(sources), options.length, options.showSource ?? true);
}

function renderWith(diag: Diagnostic, cache: IndexCache): string {
  let out = renderOne(diag.severity, diag.message, diag.position, cache, diag.length, true);
  // MLIR shows a note's source line only when it is somewhere else than the
  // previous location printed.
  let prev = diag.position;
  for (const note of diag.notes) {
    out += renderOne(note.severity, note.message, note.position, cache, note.length, !samePosition(prev, note.position));
    prev = note.position;
  }
  return out;
}

function renderOne(
  severity: Severity,
  message: string,
  pos: SourcePosition | undefined,
  cache: IndexCache,
  length: number | undefined,
  showSource: boolean,
): string {
  if (!pos) return `<unknown>:0: ${severity}: ${message}\n`;
  const head = `${pos.file}:${pos.line}:${pos.col}: ${severity}: ${message}\n`;
  if (!showSource) return head;
  const lineText = cache.lineAt(pos);
  if (lineText === undefined) return head;
  if (!isAscii(lineText)) return head + expandTabs(lineText) + '\n';
  return head + expandTabs(lineText) + '\n' + caretLine(lineText, pos.col - 1, length) + '\n';
}

/** The source line with each tab widened to the next 8-column stop (at least one space). */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  let col = 0;
  for (const ch of line) {
    if (ch !== '\t') {
      out += ch;
      col += ch.length === 1 && ch.charCodeAt(0) < 0x80 ? 1 : byteLength(ch); // LLVM counts bytes
      continue;
    }
    do {
      out += ' ';
      col++;
    } while (col % TAB_STOP !== 0);
  }
  return out;
}

/** The caret line for an ASCII source line, with tabs in the source mirrored. */
function caretLine(line: string, col0: number, length: number | undefined): string {
  const numColumns = line.length;
  const caret: string[] = new Array<string>(numColumns + 1).fill(' ');
  if (length !== undefined && length > 0) {
    const end = Math.min(col0 + length, numColumns, caret.length);
    for (let i = col0; i < end; i++) caret[i] = '~';
  }
  caret[Math.min(col0, numColumns)] = '^';
  let last = caret.length - 1;
  while (last >= 0 && caret[last] === ' ') last--;
  let out = '';
  let outCol = 0;
  for (let i = 0; i <= last; i++) {
    if (i >= line.length || line[i] !== '\t') {
      out += caret[i];
      outCol++;
      continue;
    }
    do {
      out += caret[i];
      outCol++;
    } while (outCol % TAB_STOP !== 0);
  }
  return out;
}

function samePosition(a: SourcePosition | undefined, b: SourcePosition | undefined): boolean {
  if (!a || !b) return a === b;
  return a.file === b.file && a.line === b.line && a.col === b.col;
}

/** Line indexes per file, built on first use. */
class IndexCache {
  private readonly indexes = new Map<string, LineIndex | null>();
  constructor(private readonly sources: SourceManager | undefined) {}

  /** The line a position points into, or undefined when LLVM could not resolve it. */
  lineAt(pos: SourcePosition): string | undefined {
    if (pos.line < 1 || pos.col < 1) return undefined;
    const index = this.index(pos.file);
    const text = index?.lineText(pos.line);
    if (text === undefined) return undefined;
    // LLVM rejects a column past the end of the line (the newline is in the way).
    if (pos.col - 1 > byteLength(text)) return undefined;
    return text;
  }

  private index(file: string): LineIndex | undefined {
    let idx = this.indexes.get(file);
    if (idx === undefined) {
      const text = this.sources?.getText(file);
      idx = text === undefined ? null : new LineIndex(text);
      this.indexes.set(file, idx);
    }
    return idx ?? undefined;
  }
}
