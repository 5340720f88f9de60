import { describe, expect, it } from 'vitest';
import { parseAssemblyFormat, printAssemblyFormat, walkFormat } from '../../src/ir/assembly-format/syntax/index.js';
import { ALL_DIALECTS, allFormats } from './all-dialects.js';

describe('every assemblyFormat in the generated ODS data', () => {
  const formats = allFormats();

  it('there are many of them (the data is not empty)', () => {
    expect(formats.length).toBeGreaterThan(200);
  });

  it('parses, and print→parse is a fixed point', () => {
    const failures: string[] = [];
    for (const f of formats) {
      try {
        const ast = parseAssemblyFormat(f.format, { context: f.context });
        const again = parseAssemblyFormat(printAssemblyFormat(ast), { context: f.context });
        expect(again).toEqual(ast);
      } catch (e) {
        failures.push(`${f.owner}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('mentions only variables that the op declares', () => {
    const problems: string[] = [];
    for (const d of ALL_DIALECTS) {
      for (const op of d.ops) {
        if (!op.assemblyFormat) continue;
        const declared = new Set([
          ...op.operands.map((o) => o.name),
          ...op.results.map((o) => o.name),
          ...op.attributes.map((o) => o.name),
          ...op.regions.map((o) => o.name),
          ...op.successors.map((o) => o.name),
        ]);
        walkFormat(parseAssemblyFormat(op.assemblyFormat), (e) => {
          if (e.kind === 'variable' && !declared.has(e.name)) problems.push(`${op.name}: $${e.name}`);
        });
      }
    }
    expect(problems).toEqual([]);
  });
});
