import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildBatch, INPUT_MARKER, locateInBatch, needsOwnRun, OUTPUT_MARKER, splitOutputs } from '../../src/mlir/batch.js';

const PATH = '/tmp/batch.mlir';

/** Texts of a few lines over a small alphabet, with empty lines and no trailing newline at times. */
const textArb = fc
  .array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '%', '"', '\u00e9'), maxLength: 6 }), { minLength: 1, maxLength: 5 })
  .map((lines) => lines.join('\n'));

/** Whole-file 1-based line and byte column of a UTF-16 offset, as MLIR reports them. */
function positionAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: Buffer.byteLength(before.slice(lineStart)) + 1 };
}

describe('split-input batches', () => {
  test('each chunk mlir-opt sees is "\\n" + the input, so it ends exactly where the input ends', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 8 }), (texts) => {
        const batch = buildBatch(texts);
        expect(batch.text.split(INPUT_MARKER)).toEqual(texts.map((t) => `\n${t}`));
      }),
      { numRuns: 300 },
    );
  });

  test('every position inside an input maps back to that input, whole-file or "within split" form', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (texts, pickText, pickOffset) => {
        const k = pickText % texts.length;
        const t = texts[k];
        const offsetInText = pickOffset % (t.length + 1); // the end of the text is a valid position too
        const batch = buildBatch(texts);
        const chunkStart = batch.text.split(INPUT_MARKER).slice(0, k).reduce((n, piece) => n + piece.length + INPUT_MARKER.length, 0);
        const whole = positionAt(batch.text, chunkStart + 1 + offsetInText);
        const expected = { file: 'in.mlir', ...positionAt(t, offsetInText) };

        const located = locateInBatch(batch, PATH, { file: PATH, ...whole }, 'in.mlir');
        expect(located).toEqual({ index: k, position: expected });

        // mlir-translate: `within split at FILE:N offset :L:C`, N = line where the chunk starts.
        const chunkLine = positionAt(batch.text, chunkStart).line;
        const inChunk = positionAt(`\n${t}`, 1 + offsetInText);
        const viaSplit = locateInBatch(batch, PATH, { file: `within split at ${PATH}:${chunkLine} offset `, ...inChunk }, 'in.mlir');
        expect(viaSplit).toEqual({ index: k, position: expected });
      }),
      { numRuns: 500 },
    );
  });

  test("an implicit module's location (chunk start) maps to 0:0 of its input", () => {
    const texts = ['"a.b"() : () -> ()', '', 'x\n"\u00e9.c"() : () -> ()'];
    const batch = buildBatch(texts);
    const pieces = batch.text.split(INPUT_MARKER);
    let offset = 0;
    texts.forEach((_, k) => {
      const at = k === 0 ? { line: 0, col: 0 } : positionAt(batch.text, offset);
      expect(locateInBatch(batch, PATH, { file: PATH, ...at }, 'n')).toEqual({ index: k, position: { file: 'n', line: 0, col: 0 } });
      offset += pieces[k].length + INPUT_MARKER.length;
    });
  });

  test('positions in other files are not attributed', () => {
    const batch = buildBatch(['a', 'b']);
    expect(locateInBatch(batch, PATH, { file: 'other.mlir', line: 2, col: 1 }, 'x')).toBeUndefined();
    expect(locateInBatch(batch, PATH, { file: PATH, line: 1, col: 1 }, 'x')).toBeUndefined();
  });

  test('inputs containing a marker run on their own; outputs split on the output marker', () => {
    expect(needsOwnRun(`x ${INPUT_MARKER}`)).toBe(true);
    expect(needsOwnRun(`x ${OUTPUT_MARKER.slice(0, -2)}`)).toBe(true);
    expect(needsOwnRun('// -----\nmodule {}')).toBe(false);
    expect(splitOutputs(`a\n${OUTPUT_MARKER}\n${OUTPUT_MARKER}\nc\n`)).toEqual(['a\n', '', 'c\n']);
  });
});
