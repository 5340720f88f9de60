/** The LLVM 22 ODS data of the `mpi` dialect (generated; see scripts/gen-ods.ts). */
export { mpiOds } from './generated.js';
