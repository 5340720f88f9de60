import { describe, expect, test } from 'vitest';
import { parseDiagnosticText } from '../../src/mlir/index.js';

describe('parseDiagnosticText (mlir-opt stderr)', () => {
  test('a located error: source line and caret are not part of the message; its note is attached', () => {
    const text = [
      'a.mlir:6:3: error: type of return operand 0 (\'i32\') doesn\'t match function result type (\'i64\') in function @g',
      '  return %a : i32',
      '  ^',
      'a.mlir:6:3: note: see current operation: "func.return"(%arg0) : (i32) -> ()',
      'b.mlir:1:10: error: operation being parsed with an unregistered dialect',
      '"foo.bar"() : () -> ()',
      '         ^',
      '',
    ].join('\n');
    const ds = parseDiagnosticText(text);
    expect(ds).toHaveLength(2);
    expect(ds[0]).toMatchObject({
      severity: 'error',
      message: "type of return operand 0 ('i32') doesn't match function result type ('i64') in function @g",
      position: { file: 'a.mlir', line: 6, col: 3 },
    });
    expect(ds[0].notes).toHaveLength(1);
    expect(ds[0].notes[0]).toMatchObject({ severity: 'note', position: { file: 'a.mlir', line: 6, col: 3 } });
    expect(ds[0].notes[0].message).toBe('see current operation: "func.return"(%arg0) : (i32) -> ()');
    expect(ds[1].position).toEqual({ file: 'b.mlir', line: 1, col: 10 });
    expect(ds[1].notes).toEqual([]);
  });

  test('a multi-line message keeps its lines; only the trailing source/caret pair goes', () => {
    const text = [
      'x.mlir:3:1: note: see current operation: ',
      '"func.func"() <{function_type = () -> (), sym_name = "h"}> ({',
      '  "func.return"() : () -> ()',
      '}) : () -> ()',
      'func.func @h() { return }',
      '^~~~~',
    ].join('\n');
    const [d] = parseDiagnosticText(text);
    expect(d.message.split('\n')).toEqual([
      'see current operation: ',
      '"func.func"() <{function_type = () -> (), sym_name = "h"}> ({',
      '  "func.return"() : () -> ()',
      '}) : () -> ()',
    ]);
  });

  test('diagnostics without a location: `<unknown>:0:` and bare `error:`', () => {
    const ds = parseDiagnosticText('<unknown>:0: error: something global\nerror: loc("x"): named\n');
    expect(ds.map((d) => [d.message, d.position])).toEqual([
      ['something global', undefined],
      ['loc("x"): named', undefined],
    ]);
  });

  test('a pipeline error wrapped in `<unknown>:0:` is unwrapped to its own position', () => {
    const text = "<unknown>:0: error: MLIR Textual PassPipeline Parser:1:11: error: 'bogus' does not refer to a registered pass or pass pipeline\ncse,bogus\n          ^\n\n";
    expect(parseDiagnosticText(text)).toEqual([
      {
        severity: 'error',
        message: "'bogus' does not refer to a registered pass or pass pipeline",
        position: { file: 'MLIR Textual PassPipeline Parser', line: 1, col: 11 },
        notes: [],
      },
    ]);
  });

  test('warnings and remarks, file names with colons and spaces', () => {
    const ds = parseDiagnosticText('/tmp/my dir/a:b.mlir:12:7: warning: careful\nc.mlir:2:2: remark: fyi\n');
    expect(ds.map((d) => [d.severity, d.position])).toEqual([
      ['warning', { file: '/tmp/my dir/a:b.mlir', line: 12, col: 7 }],
      ['remark', { file: 'c.mlir', line: 2, col: 2 }],
    ]);
  });

  test('a source line with non-ASCII characters comes without caret; the lookup recognises it', () => {
    const src = '    %v0 = "d.op"() {s = "\u00e9"}\t: () -> i1';
    // 28 characters, 29 bytes before the tab: SourceMgr pads to byte column 32.
    const shown = src.replace('\t', '   ');
    const text = `u.mlir:3:48: error: unexpected character\n${shown}\n`;
    const lookup = (file: string, line: number) => (file === 'u.mlir' && line === 3 ? src : undefined);
    expect(parseDiagnosticText(text, lookup)[0].message).toBe('unexpected character');
    // Without knowing the file the line cannot be told from a message line.
    expect(parseDiagnosticText(text)[0].message).toBe(`unexpected character\n${shown}`);
  });

  test('text before the first headline (e.g. a crash banner) is ignored', () => {
    expect(parseDiagnosticText('PLEASE submit a bug report\nStack dump:\n')).toEqual([]);
  });
});
