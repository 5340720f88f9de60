/** The LLVM 22 ODS data of the `arith` dialect (generated; see scripts/gen-ods.ts). */
export { arithOds } from './generated.js';
