/**
 * Parses diagnostics as MLIR tools print them on stderr (LLVM SourceMgr style):
 *
 *   file:line:col: error: message          (or `<unknown>:0: error:`, or `error:` alone)
 *   more message lines, if any
 *   the source line
 *       ^                                  (caret under the column)
 *   file:line:col: note: ...               (notes follow their diagnostic)
 */
import type { Diagnostic, Severity, SourcePosition } from '../ir/index.js';

const HEADLINE = /^(?:(.*?):(\d+)(?::(\d+))?: )?(error|warning|note|remark): (.*)$/;
const CARET = /^[ \t~]*\^[\^ \t~]*$/; // a caret under a tab is widened to the tab stop

interface Entry {
  severity: Severity;
  message: string;
  position?: SourcePosition;
  body: string[];
}

function parseHeadline(line: string): Entry | undefined {
  const m = HEADLINE.exec(line);
  if (!m) return undefined;
  const [, file, lineText, colText, severity, message] = m;
  const lineNo = lineText === undefined ? 0 : Number(lineText);
  // `<unknown>:0:` (no column) is how LLVM prints a diagnostic without a usable
  // location; `file:0:0` is a real one (e.g. an implicit module's).
  const position = file !== undefined && colText !== undefined ? { file, line: lineNo, col: Number(colText) } : undefined;
  return { severity: severity as Severity, message, position, body: [] };
}

/** The text of line `line` of `file`, when the caller knows the file. */
export type SourceLineLookup = (file: string, line: number) => string | undefined;

/** LLVM's SourceMgr shows source lines with tabs expanded to stops of 8, counting bytes. */
function expandTabs(line: string): string {
  let out = '';
  let col = 0;
  for (const ch of line) {
    const add = ch === '\t' ? ' '.repeat(8 - (col % 8)) : ch;
    out += add;
    col += Buffer.byteLength(add);
  }
  return out;
}

/**
 * Drops what SourceMgr prints under a located diagnostic: the source line and
 * a caret line, or the source line alone when it has non-ASCII characters
 * (LLVM then omits the caret; `sourceLine` lets us recognise that line).
 */
function messageOf(entry: Entry, sourceLine?: SourceLineLookup): string {
  const body = [...entry.body];
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  if (entry.position && body.length >= 2 && CARET.test(body[body.length - 1])) {
    body.length -= 2;
  } else if (entry.position && body.length >= 1 && sourceLine) {
    const src = sourceLine(entry.position.file, entry.position.line);
    if (src !== undefined && /[^\x00-\x7f]/.test(src) && body[body.length - 1] === expandTabs(src)) body.length -= 1;
  }
  return [entry.message, ...body].join('\n');
}

function toDiagnostic(entry: Entry, sourceLine?: SourceLineLookup): Diagnostic {
  // `<unknown>:0: error: MLIR Textual PassPipeline Parser:1:5: error: ...` wraps a located one.
  if (!entry.position) {
    const inner = parseHeadline(entry.message);
    if (inner && inner.position) {
      inner.body = entry.body;
      return toDiagnostic(inner, sourceLine);
    }
  }
  const d: Diagnostic = { severity: entry.severity, message: messageOf(entry, sourceLine), notes: [] };
  return entry.position ? { ...d, position: entry.position } : d;
}

/** Every diagnostic in `text`, with notes attached to the diagnostic they follow. */
export function parseDiagnosticText(text: string, sourceLine?: SourceLineLookup): Diagnostic[] {
  const entries: Entry[] = [];
  for (const line of text.split('\n')) {
    const head = parseHeadline(line);
    if (head) entries.push(head);
    else if (entries.length > 0) entries[entries.length - 1].body.push(line);
  }
  const out: Array<{ d: Diagnostic; notes: Diagnostic[] }> = [];
  for (const entry of entries) {
    const d = toDiagnostic(entry, sourceLine);
    if (d.severity === 'note' && out.length > 0) out[out.length - 1].notes.push(d);
    else out.push({ d, notes: [] });
  }
  return out.map(({ d, notes }) => ({ ...d, notes }));
}

/** Applies `f` to the position of a diagnostic and of all its notes. */
export function mapPositions(
  d: Diagnostic,
  f: (p: SourcePosition) => SourcePosition | undefined,
): Diagnostic {
  const position = d.position ? f(d.position) : undefined;
  const base: Diagnostic = { severity: d.severity, message: d.message, notes: d.notes.map((n) => mapPositions(n, f)) };
  return position ? { ...base, position } : base;
}
