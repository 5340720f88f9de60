import { describe, expect, it } from 'vitest';
import { processSource } from '../../../src/cli/opt/driver.js';
import { createContext } from '../../../src/dialects/index.js';
import { setupOptPasses } from '../../../src/passes/index.js';
import { runMlirOpt } from '../support/upstream-passes.js';

/**
 * IR dumps between passes against mlir-opt-22's stderr: the same banners in
 * the same order, and each dumped IR identical once mlir-opt re-prints both
 * (numaccl's printer names SSA values %0, %1, ... where MLIR uses
 * %c2_i32-style names).
 */
function sections(text: string): { banners: string[]; bodies: string[] } {
  const banners: string[] = [];
  const bodies: string[] = [];
  for (const part of text.split(/^(\/\/ -----\/\/ IR Dump .*\/\/----- \/\/)$/m).slice(1)) {
    if (part.startsWith('// -----//')) banners.push(part);
    else bodies.push(runMlirOpt(['-'], part).stdout);
  }
  return { banners, bodies };
}

const INPUT = `module {
  func.func @f(%a: i32) -> i32 {
    %c0 = arith.constant 0 : i32
    %c2 = arith.constant 2 : i32
    %x = arith.addi %a, %c0 : i32
    %y = arith.muli %x, %c2 : i32
    %z = arith.muli %x, %c2 : i32
    %s = arith.addi %y, %z : i32
    return %s : i32
  }
  func.func private @unused() {
    return
  }
}
`;

describe('IR printing instrumentation vs mlir-opt-22', () => {
  for (const flags of [
    ['--mlir-print-ir-after-all', '--canonicalize', '--cse', '--symbol-dce'],
    ['--mlir-print-ir-before=cse', '--mlir-print-ir-after=symbol-dce', '--canonicalize', '--cse', '--symbol-dce'],
    ['--mlir-print-ir-after-all', '--mlir-print-ir-after-change', '--pass-pipeline=builtin.module(func.func(cse),canonicalize,cse)'],
    ['--mlir-print-ir-after-all', '--mlir-print-ir-module-scope', '--pass-pipeline=builtin.module(func.func(canonicalize))'],
  ]) {
    it(flags.join(' '), () => {
      let err = '';
      const s = setupOptPasses(flags, { writeStderr: (t) => (err += t) });
      const r = processSource(createContext(), INPUT, { fileName: 'in.mlir', transform: s.transform });
      expect(r.ok).toBe(true);
      const theirs = runMlirOpt([...flags, '--mlir-disable-threading', '-', '-o', '/dev/null'], INPUT);
      const a = sections(err);
      const b = sections(theirs.stderr);
      expect(a.banners.length).toBeGreaterThan(0);
      expect(a.banners).toEqual(b.banners);
      expect(a.bodies).toEqual(b.bodies);
    });
  }
});
