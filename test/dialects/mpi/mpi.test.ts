/**
 * mpi: every op of LLVM 22's MPIOps.td in its declarative syntax (from ODS),
 * with the !mpi types and the op / errclass enums, held to mlir-opt-22.
 */
import { describe, expect, it } from 'vitest';
import { MLIR_OPT_AVAILABLE, expectMlirAgrees, expectStable, mlirFirstErrors, ourFirstError, ourPrint } from '../tosa/round-trip.js';

const ALL_OPS = `func.func @mpi_test(%ref : memref<100xf32>) -> () {
    %err = mpi.init : !mpi.retval
    mpi.init
    %comm = mpi.comm_world : !mpi.comm
    %rank = mpi.comm_rank(%comm) : i32
    %retval, %rank_1 = mpi.comm_rank(%comm) : !mpi.retval, i32
    %size = mpi.comm_size(%comm) : i32
    %retval_0, %size_1 = mpi.comm_size(%comm) : !mpi.retval, i32
    %new_comm = mpi.comm_split(%comm, %rank, %rank) : !mpi.comm
    %retval_1, %new_comm_1 = mpi.comm_split(%comm, %rank, %rank) : !mpi.retval, !mpi.comm
    mpi.send(%ref, %rank, %rank, %comm) : memref<100xf32>, i32, i32
    %err2 = mpi.send(%ref, %rank, %rank, %comm) : memref<100xf32>, i32, i32 -> !mpi.retval
    mpi.recv(%ref, %rank, %rank, %comm) : memref<100xf32>, i32, i32
    %err3 = mpi.recv(%ref, %rank, %rank, %comm) : memref<100xf32>, i32, i32 -> !mpi.retval
    %req1 = mpi.isend(%ref, %rank, %rank, %comm) : memref<100xf32>, i32, i32 -> !mpi.request
    %err4, %req2 = mpi.isend(%ref, %rank, %rank, %comm) : memref<100xf32>, i32, i32 -> !mpi.retval, !mpi.request
    %req3 = mpi.irecv(%ref, %rank, %rank, %comm) : memref<100xf32>, i32, i32 -> !mpi.request
    %err5, %req4 = mpi.irecv(%ref, %rank, %rank, %comm) : memref<100xf32>, i32, i32 -> !mpi.retval, !mpi.request
    mpi.wait(%req1) : !mpi.request
    %err6 = mpi.wait(%req2) : !mpi.request -> !mpi.retval
    mpi.barrier(%comm)
    %err7 = mpi.barrier(%comm) -> !mpi.retval
    mpi.allreduce(%ref, %ref, MPI_SUM, %comm) : memref<100xf32>, memref<100xf32>
    %err8 = mpi.allreduce(%ref, %ref, MPI_MAX, %comm) : memref<100xf32>, memref<100xf32> -> !mpi.retval
    %res = mpi.retval_check %err = <MPI_SUCCESS> : i1
    %errclass = mpi.error_class %err : !mpi.retval
    %err9 = mpi.finalize : !mpi.retval
    mpi.finalize
    return
}
`;

const REJECTED = [
  'func.func @f(%r: memref<4xf32>, %c: !mpi.comm) {\n  mpi.allreduce(%r, %r, MPI_SOMETIMES, %c) : memref<4xf32>, memref<4xf32>\n  return\n}\n',
  'func.func @f(%c: i32) {\n  %0 = mpi.comm_rank(%c) : i32\n  return\n}\n',
  'func.func @f(%r: tensor<4xf32>, %c: !mpi.comm, %i: i32) {\n  mpi.send(%r, %i, %i, %c) : tensor<4xf32>, i32, i32\n  return\n}\n',
];

describe('mpi dialect', () => {
  it('round-trips every op as a fixpoint in both forms', () => expectStable(ALL_OPS));

  it('prints enums stripped in custom form and as properties in generic form', () => {
    expect(ourPrint(ALL_OPS)).toContain('MPI_MAX, %');
    expect(ourPrint(ALL_OPS)).toMatch(/mpi\.retval_check %\S+ = <MPI_SUCCESS> : i1/);
    const generic = ourPrint(ALL_OPS, true);
    expect(generic).toContain('<{op = 1 : i32}>');
    expect(generic).toContain('<{errclass = #mpi.errclass<MPI_SUCCESS>}>');
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('mlir-opt-22 prints our output as it prints the original', async () => {
    await expectMlirAgrees([ALL_OPS]);
  });

  it('rejects bad enums and operand types with a located error', () => {
    for (const t of REJECTED) expect(ourFirstError(t), t).toMatch(/^\d+:\d+: \S/);
  });

  it.skipIf(!MLIR_OPT_AVAILABLE)('gives mlir-opt-22 first error on each rejected case', async () => {
    const theirs = await mlirFirstErrors(REJECTED);
    REJECTED.forEach((t, i) => expect(ourFirstError(t), t).toBe(theirs[i]));
    expect(theirs[2]).toContain("invalid kind of type specified: expected builtin.memref, but found 'tensor<4xf32>'");
  });
});
