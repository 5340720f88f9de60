/** The LLVM 22 ODS data of the `tosa` dialect (generated; see scripts/gen-ods.ts). */
export { tosaOds } from './generated.js';
