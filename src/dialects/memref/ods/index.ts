/** The LLVM 22 ODS data of the `memref` dialect (generated; see scripts/gen-ods.ts). */
export { memrefOds } from './generated.js';
