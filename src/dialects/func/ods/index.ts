/** The LLVM 22 ODS data of the `func` dialect (generated; see scripts/gen-ods.ts). */
export { funcOds } from './generated.js';
