/**
 * SSA name scoping as MLIR 22's parser has it: every region is a nested
 * scope of one name table (isolated ops included), so names end with their
 * region. Each input here is valid; mlir-opt-22 accepts them too.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/dialects/index.js';
import { processRange } from '../../src/cli/opt/driver.js';
import { hasMlirOpt, runMlirOpt } from '../support/mlir-opt.js';

const VALID: Record<string, string> = {
  'a name ends with its function, even after an empty nested region': `module {
  func.func @f() {
    %0 = "foo.op"() : () -> f16
    "foo.op"() ({
      "foo.op"() ({
      }) : () -> ()
    }) : () -> ()
    return
  }
  %0 = "foo.op"() : () -> i32
}
`,
  'sibling functions reuse names': `func.func @a() {
  %0 = "foo.op"() : () -> i32
  return
}
func.func @b() {
  %0 = "foo.op"() : () -> f32
  return
}
`,
  'a forward reference inside a nested region resolves to a later definition of the same block': `func.func @f() {
  "foo.op"() ({
  ^bb0:
    "foo.use"(%1) : (i32) -> ()
    "foo.end"() : () -> ()
  }) : () -> ()
  %1 = "foo.op"() : () -> i32
  return
}
`,
};

function parsesWithUs(text: string): boolean {
  const r = processRange(createContext({ allowUnregistered: true }), text, 0, text.length, { fileName: 'input.mlir' });
  return !r.diagnostics.some((d) => d.severity === 'error' && /redefinition|undeclared/.test(d.message));
}

describe('SSA name scoping', () => {
  for (const [name, text] of Object.entries(VALID)) it(name, () => expect(parsesWithUs(text)).toBe(true));

  it.skipIf(!hasMlirOpt())('mlir-opt-22 parses the same inputs without name errors', async () => {
    const results = await runMlirOpt(Object.values(VALID), { args: ['--allow-unregistered-dialect'] });
    for (const r of results) expect(r.diagnostics.filter((d) => /redefinition|undeclared/.test(d.message))).toEqual([]);
  });
});
