import { describe, expect, it } from 'vitest';
import {
  DiagnosticError,
  MapSourceManager,
  formatHeadline,
  renderDiagnostic,
  renderDiagnostics,
  type Diagnostic,
} from '../../src/ir/diagnostics/index.js';
import { MLIR_OPT_MISSING, hasMlirOpt, runMlirOptRaw } from '../support/mlir-opt.js';
import { parseMlirStderr } from '../support/parse-mlir-stderr.js';
import { corpusAvailable, readCorpus, readCorpusFile } from '../conformance/corpus.js';

const err = (line: number, col: number, message: string, notes: Diagnostic[] = [], file = 'f.mlir'): Diagnostic => ({
  severity: 'error',
  message,
  position: { file, line, col },
  notes,
});
const note = (line: number, col: number, message: string, file = 'f.mlir'): Diagnostic => ({
  severity: 'note',
  message,
  position: { file, line, col },
  notes: [],
});

describe('renderDiagnostic (LLVM SourceMgr format)', () => {
  const src = new MapSourceManager([['f.mlir', 'a = 1\n\tb = 2\nxy\r\nlast']]);

  it('prints headline, source line and caret under the column', () => {
    expect(renderDiagnostic(err(1, 5, 'bad'), src)).toBe('f.mlir:1:5: error: bad\na = 1\n    ^\n');
  });

  it('expands tabs to 8-column stops in the line and in the caret line', () => {
    expect(renderDiagnostic(err(2, 2, 'tab'), src)).toBe('f.mlir:2:2: error: tab\n        b = 2\n        ^\n');
  });

  it('stops the line at a carriage return and allows the caret one past the end', () => {
    expect(renderDiagnostic(err(3, 3, 'eol'), src)).toBe('f.mlir:3:3: error: eol\nxy\n  ^\n');
  });

  it('prints only the headline when the column is beyond the line, the line beyond the file, or the file unknown', () => {
    expect(renderDiagnostic(err(3, 5, 'far'), src)).toBe('f.mlir:3:5: error: far\n');
    expect(renderDiagnostic(err(9, 1, 'past'), src)).toBe('f.mlir:9:1: error: past\n');
    expect(renderDiagnostic(err(1, 1, 'elsewhere', [], 'g.mlir'), src)).toBe('g.mlir:1:1: error: elsewhere\n');
    expect(renderDiagnostic(err(0, 0, 'zero'), src)).toBe('f.mlir:0:0: error: zero\n');
  });

  it('prints <unknown>:0 for diagnostics without a position', () => {
    expect(renderDiagnostic({ severity: 'warning', message: 'w', notes: [] }, src)).toBe('<unknown>:0: warning: w\n');
  });

  it('underlines a range with ~ and clips it to the line', () => {
    expect(renderDiagnostic({ ...err(1, 1, 'r'), length: 3 }, src)).toBe('f.mlir:1:1: error: r\na = 1\n^~~\n');
    expect(renderDiagnostic({ ...err(4, 2, 'r'), length: 40 }, src)).toBe('f.mlir:4:2: error: r\nlast\n ^~~\n');
  });

  it('shows a note source line only when the note is elsewhere than the location before it', () => {
    const d = err(1, 1, 'main', [note(1, 1, 'same place'), note(4, 1, 'other place'), note(4, 1, 'again')]);
    expect(renderDiagnostic(d, src)).toBe(
      [
        'f.mlir:1:1: error: main',
        'a = 1',
        '^',
        'f.mlir:1:1: note: same place',
        'f.mlir:4:1: note: other place',
        'last',
        '^',
        'f.mlir:4:1: note: again',
        '',
      ].join('\n'),
    );
  });

  it('prints the source line but no caret on a line with non-ASCII bytes', () => {
    const u = new MapSourceManager([['u.mlir', 'x = "é"\n']]);
    expect(renderDiagnostics([err(1, 6, 'u', [], 'u.mlir')], u)).toBe('u.mlir:1:6: error: u\nx = "é"\n');
  });
});

describe.skipIf(!hasMlirOpt())('renderDiagnostic reproduces mlir-opt-22 stderr byte for byte', () => {
  it('on hand-made inputs: tabs, CRLF, non-ASCII, notes, foreign and unknown locations', async () => {
    const inputs = [
      'func.func @f() {\n\t%0 = "foo.bar"() : () -> (i32)\n  %1 = arith.addi %0, %0 : i64\n  return\n}\n',
      'a\r\n  %x = "foo.x"(%q) : (i32) -> ()\r\n',
      '\t\t%x = "foo.x"(%q) : (i32) -> ()\n',
      '"foo.x"() {a = "é"} : () -> ()  \t  é\n',
      'func.func @h(%a: i32) -> i64 {\n  return %a : i32 loc("zz.mlir":3:4)\n}\n',
      'func.func @h(%a: i32) -> i64 {\n  return %a : i32 loc(unknown)\n}\n',
      'func.func @h(%a: i32) -> i64 {\n  return %a : i32\n}\n',
      'func.func @f() {\n  "foo.x"() : () -> ()\n',
      '"foo.x"() : () -> ()\n"foo.y"(%u) : (i32) -> ()',
    ];
    for (const input of inputs) {
      const r = await runMlirOptRaw(input, ['--allow-unregistered-dialect'], { fileName: 'in.mlir' });
      expect(r.stderr, input).not.toBe('');
      const sources = new MapSourceManager([['in.mlir', input]]);
      const diags = parseMlirStderr(r.stderr, sources);
      expect(renderDiagnostics(diags, sources), input).toBe(r.stderr);
    }
  });

  it.skipIf(!corpusAvailable())('on every corpus file with expected errors (all chunks, --split-input-file)', async () => {
    const paths = [...new Set(readCorpus().filter((c) => c.kind === 'invalid-expected').map((c) => c.path))];
    let compared = 0;
    for (const path of paths) {
      const text = readCorpusFile(path);
      const r = await runMlirOptRaw(text, ['--allow-unregistered-dialect', '--split-input-file'], { fileName: 'in.mlir' });
      if (r.signal) continue; // IR/invalid-dense-array-attr.mlir crashes mlir-opt 22
      const sources = new MapSourceManager([['in.mlir', text]]);
      expect(renderDiagnostics(parseMlirStderr(r.stderr, sources), sources), path).toBe(r.stderr);
      compared++;
    }
    expect(compared).toBeGreaterThan(15);
  });
});

if (!hasMlirOpt()) console.warn(MLIR_OPT_MISSING);

describe('formatHeadline and DiagnosticError', () => {
  it('agree with the renderer on the headline, with and without a position', () => {
    const located = err(2, 3, 'bad');
    const unknown: Diagnostic = { severity: 'remark', message: 'r', notes: [] };
    expect(formatHeadline(located)).toBe(renderDiagnostic(located).split('\n')[0]);
    expect(formatHeadline(unknown)).toBe(renderDiagnostic(unknown).split('\n')[0]);
    const e = new DiagnosticError([located, unknown]);
    expect(e.message).toBe('f.mlir:2:3: error: bad');
    expect(e.diagnostics).toHaveLength(2);
  });
});
