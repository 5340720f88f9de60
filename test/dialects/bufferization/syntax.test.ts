/** bufferization.alloc_tensor's hand-written syntax (BufferizationOps.cpp), held to mlir-opt-22. */
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, expectMlirAgrees, expectStable, fn, ourPrint } from '../tosa/round-trip.js';

const ALLOC = fn('%i: index, %n: index', `  %t1 = bufferization.alloc_tensor(%i, %n) : tensor<?x?xf32>
  %t2 = bufferization.alloc_tensor() copy(%t1) {foo} : tensor<?x?xf32>
  %t3 = bufferization.alloc_tensor(%i) size_hint=%n : tensor<?xf32>
  %t4 = bufferization.alloc_tensor() {memory_space = 1 : i64} : tensor<4xf32>`);

describe('bufferization.alloc_tensor syntax', () => {
  it('is a fixpoint in both forms', () => expectStable(ALLOC));

  it('records the operand segments and prints the optional clauses', () => {
    const generic = ourPrint(ALLOC, true);
    expect(generic).toContain('operandSegmentSizes = array<i32: 2, 0, 0>');
    expect(generic).toContain('operandSegmentSizes = array<i32: 0, 1, 0>');
    expect(generic).toContain('operandSegmentSizes = array<i32: 1, 0, 1>');
    const custom = ourPrint(ALLOC);
    expect(custom).toMatch(/bufferization\.alloc_tensor\(\) copy\(%\d+\) \{foo\} : tensor<\?x\?xf32>/);
    expect(custom).toMatch(/bufferization\.alloc_tensor\(%arg0\) size_hint=%arg1 : tensor<\?xf32>/);
    expect(custom).not.toContain('operandSegmentSizes');
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('mlir-opt-22 prints our output as it prints the original', async () => {
    await expectMlirAgrees([ALLOC]);
  });
});
