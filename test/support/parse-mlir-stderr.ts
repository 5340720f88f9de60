/**
 * Read mlir-opt's stderr back into Diagnostic values. A diagnostic starts with
 * a headline `file:line:col: severity: message` (or `<unknown>:0: ...`); the
 * lines up to the next headline are either more message text (multi-line
 * messages such as "see current operation: <op with regions>") or the source
 * line and caret that mlir-opt prints. Which one is decided by rendering the
 * source lines ourselves from the input text and comparing, so a message is
 * never confused with its snippet. Notes are attached to the diagnostic before them.
 */
import {
  MapSourceManager,
  renderMessage,
  type Diagnostic,
  type Severity,
  type SourcePosition,
} from '../../src/ir/diagnostics/index.js';

const HEADLINE = /^(.+?):(\d+):(\d+): (error|warning|note|remark): (.*)$/;
const UNKNOWN_HEADLINE = /^<unknown>:0: (error|warning|note|remark): (.*)$/;

interface Block {
  severity: Severity;
  position?: SourcePosition;
  lines: string[]; // headline message first, then continuation lines
}

/** Parse mlir-opt stderr; `sources` holds the texts mlir-opt could show lines of. */
export function parseMlirStderr(stderr: string, sources: MapSourceManager): Diagnostic[] {
  const blocks: Block[] = [];
  const lines = stderr.split('\n');
  if (lines.at(-1) === '') lines.pop();
  // A crash banner and stack dump end the diagnostics.
  const crash = lines.findIndex((l) => l.startsWith('PLEASE submit a bug report') || l === 'Stack dump:');
  if (crash !== -1) lines.length = crash;
  for (const line of lines) {
    const m = HEADLINE.exec(line);
    if (m) {
      blocks.push({
        severity: m[4] as Severity,
        position: { file: m[1], line: Number(m[2]), col: Number(m[3]) },
        lines: [m[5]],
      });
      continue;
    }
    const u = UNKNOWN_HEADLINE.exec(line);
    if (u) {
      blocks.push({ severity: u[1] as Severity, lines: [u[2]] });
      continue;
    }
    // Text before any headline (e.g. crash banners) is not a diagnostic.
    blocks.at(-1)?.lines.push(line);
  }

  const result: Diagnostic[] = [];
  for (const b of blocks) {
    const { lines: kept, length } = stripSnippet(b, sources);
    const d: Diagnostic = {
      severity: b.severity,
      message: kept.join('\n'),
      ...(b.position ? { position: b.position } : {}),
      ...(length !== undefined ? { length } : {}),
      notes: [],
    };
    const parent = result.at(-1);
    if (b.severity === 'note' && parent) (parent.notes as Diagnostic[]).push(d);
    else result.push(d);
  }
  return result;
}

/** Drop the trailing source/caret lines mlir-opt printed for this block, if any. */
function stripSnippet(b: Block, sources: MapSourceManager): { lines: string[]; length?: number } {
  if (!b.position || b.lines.length < 2) return { lines: b.lines };
  // Render a dummy headline at the same place and keep only the snippet lines.
  const rendered = renderMessage(b.severity, 'x', b.position, sources).split('\n').slice(1, -1);
  if (rendered.length === 0) return { lines: b.lines };
  const withRange = (len: number): string[] =>
    renderMessage(b.severity, 'x', b.position, sources, { length: len }).split('\n').slice(1, -1);
  const tail = b.lines.slice(-rendered.length);
  if (sameLines(tail, rendered)) return { lines: b.lines.slice(0, -rendered.length) };
  // Verifier messages underline a range (`^~~~`); accept any range length.
  if (rendered.length === 2 && tail.length === 2 && tail[0] === rendered[0] && /^ *\^~*$/.test(tail[1])) {
    const len = tail[1].trim().length;
    if (sameLines(tail, withRange(len))) return { lines: b.lines.slice(0, -2), length: len };
  }
  return { lines: b.lines };
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
