import { describe, expect, it } from 'vitest';
import { processSource } from '../../../src/cli/opt/driver.js';
import { createContext } from '../../../src/dialects/index.js';
import { setupOptPasses } from '../../../src/passes/index.js';
import { runMlirOpt } from '../support/upstream-passes.js';

/** The pass side plugged into numaccl-opt's driver, as the CLI would: same result as mlir-opt-22. */
const INPUT = `func.func @f(%a: i32) -> (i32, i32) {
  %c0 = arith.constant 0 : i32
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %x = arith.addi %a, %c0 : i32
  %y = arith.muli %c2, %c3 : i32
  %z = arith.muli %c2, %c3 : i32
  %s = arith.addi %y, %z : i32
  return %x, %s : i32, i32
}
// -----
func.func private @dead() {
  return
}
func.func @g() -> i1 {
  %t = arith.constant true
  %n = arith.xori %t, %t : i1
  return %n : i1
}
`;

describe('setupOptPasses with the numaccl-opt driver', () => {
  for (const flags of [['--canonicalize'], ['--cse', '--symbol-dce'], ['--pass-pipeline=builtin.module(canonicalize,cse)']]) {
    it(`${flags.join(' ')} --split-input-file prints what mlir-opt-22 prints (after its re-print)`, () => {
      const session = setupOptPasses(flags, { writeStderr: () => {} });
      const result = processSource(createContext(), INPUT, { fileName: 'in.mlir', splitInputFile: true, transform: session.transform });
      expect(result.ok).toBe(true);
      const theirs = runMlirOpt([...flags, '--split-input-file', '-'], INPUT).stdout;
      const ours = runMlirOpt(['--split-input-file', '-'], result.output).stdout;
      expect(ours).toBe(theirs);
    });
  }

  it('a failing pipeline yields located diagnostics, not an exception', () => {
    const session = setupOptPasses(['--pass-pipeline=func.func(cse)'], { writeStderr: () => {} });
    const result = processSource(createContext(), INPUT, { fileName: 'in.mlir', splitInputFile: true, transform: session.transform });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', message: "can't run 'func.func' pass manager on 'builtin.module' op" });
  });
});
